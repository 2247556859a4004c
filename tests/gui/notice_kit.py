"""A signed end-of-service notice for the GUI tests, trusted through the data folder."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from onecleaner.privacy.notice import canonical_bytes
from onecleaner.privacy.service import PrivacyService

ANNOUNCED = datetime(2030, 1, 1, tzinfo=UTC)
END = datetime(2030, 4, 1, tzinfo=UTC)
DEADLINE = datetime(2030, 5, 1, tzinfo=UTC)


def install_signed_notice(data_dir: Path, tmp_path: Path) -> None:
    """A test vendor key trusted through <data>/notice-keys/, and a notice it signed."""
    PrivacyService(data_dir).install_notice(signed_notice_file(data_dir, tmp_path))


def signed_notice_file(data_dir: Path, tmp_path: Path) -> Path:
    """A notice file signed by a test vendor key trusted through <data>/notice-keys/."""
    key = Ed25519PrivateKey.generate()
    keys = data_dir / "notice-keys"
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "test.pem").write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    notice = {
        "notice_id": "end-2030",
        "seq": 1,
        "announced_at": ANNOUNCED.isoformat(),
        "service_end_at": END.isoformat(),
        "deletion_deadline": DEADLINE.isoformat(),
        "title": {"en": "ONE Cleaner is ending", "zh_CN": "ONE Cleaner 即将停止运营"},
        "body": {"en": "Thank you for using it.", "zh_CN": "感谢您的使用。"},
        "contact": "privacy@example.org",
    }
    document = {
        "notice": notice,
        "signature": base64.b64encode(key.sign(canonical_bytes(notice))).decode("ascii"),
    }
    path = tmp_path / "notice.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
