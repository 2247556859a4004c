"""Test helpers: a vendor key pair trusted through the data folder, and signed notice files."""

from __future__ import annotations

import base64
import importlib.util
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from onecleaner.privacy.notice import canonical_bytes, key_id

CST = timezone(timedelta(hours=8))
SCRIPT = Path(__file__).resolve().parents[2] / "installer" / "notice" / "sign_notice.py"


def load_sign_script() -> ModuleType:
    """The vendor's signing script, imported from installer/notice/."""
    spec = importlib.util.spec_from_file_location("sign_notice", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def trust_new_key(data_dir: Path, name: str = "test-vendor") -> Ed25519PrivateKey:
    """A new key pair whose public half is trusted via <data folder>/notice-keys/."""
    key = Ed25519PrivateKey.generate()
    folder = data_dir / "notice-keys"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.pem").write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return key


def notice_fields(
    *,
    seq: int = 1,
    announced: datetime | None = None,
    end: datetime | None = None,
    deadline: datetime | None = None,
) -> dict[str, Any]:
    announced = announced or datetime(2030, 1, 1, tzinfo=CST)
    end = end or announced + timedelta(days=90)
    deadline = deadline or end + timedelta(days=30)
    return {
        "notice_id": "end-2030",
        "seq": seq,
        "announced_at": announced.isoformat(),
        "service_end_at": end.isoformat(),
        "deletion_deadline": deadline.isoformat(),
        "title": {"en": "ONE Cleaner is ending", "zh_CN": "ONE Cleaner 即将停止运营"},
        "body": {"en": "The service ends.", "zh_CN": "本服务即将停止。"},
        "contact": "privacy@example.org",
    }


def signed_document(
    key: Ed25519PrivateKey, notice: dict[str, Any], *, with_key_id: bool = True
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "notice": notice,
        "signature": base64.b64encode(key.sign(canonical_bytes(notice))).decode("ascii"),
    }
    if with_key_id:
        doc["key_id"] = key_id(key.public_key())
    return doc


def write_document(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
