#!/usr/bin/env python3
"""Make the vendor's Ed25519 key pair and sign an end-of-service notice for ONE Cleaner.

    python sign_notice.py keygen --private vendor-private.pem --public onecleaner-vendor.pem
    python sign_notice.py sign --key vendor-private.pem notice.json -o notice-signed.json

`notice.json` holds either the notice object itself or `{"notice": {...}}`. The output is the
file users install with `onecleaner privacy notice install FILE`. Run it where ONE Cleaner is
installed (`pip install .`): it signs the app's own canonical form after the app's own checks,
so a notice it signs is one the app accepts.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# The app's own rules: what is signed is exactly what the app verifies and accepts.
from onecleaner.privacy.notice import NoticeRejected, canonical_bytes, key_id, parse_notice


def check_notice(notice: dict[str, Any]) -> list[str]:
    """What the app would reject in this notice (fields and dates), so it is never signed."""
    try:
        parse_notice(notice)
    except NoticeRejected as exc:
        return [str(exc)]
    return []


def keygen(private_path: Path, public_path: Path) -> str:
    """Write a new key pair (private key 0600, unencrypted PEM: keep it offline)."""
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return key_id(key.public_key())


def sign(private_path: Path, notice_path: Path) -> dict[str, Any]:
    """The signed notice document for a notice file, signed with the private key."""
    loaded = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise SystemExit(f"{private_path} is not an Ed25519 private key")
    content = json.loads(notice_path.read_text(encoding="utf-8"))
    notice = content["notice"] if isinstance(content, dict) and "notice" in content else content
    if not isinstance(notice, dict):
        raise SystemExit(f"{notice_path} does not hold a notice object")
    problems = check_notice(notice)
    if problems:
        raise SystemExit("not signed: " + "; ".join(problems))
    signature = loaded.sign(canonical_bytes(notice))
    return {
        "notice": notice,
        "signature": base64.b64encode(signature).decode("ascii"),
        "key_id": key_id(loaded.public_key()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("keygen", help="make a new Ed25519 key pair")
    gen.add_argument("--private", type=Path, required=True, help="private key PEM to create")
    gen.add_argument("--public", type=Path, required=True, help="public key PEM to create")
    sig = sub.add_parser("sign", help="sign a notice")
    sig.add_argument("--key", type=Path, required=True, help="the private key PEM")
    sig.add_argument("notice", type=Path, help="the notice JSON to sign")
    sig.add_argument("-o", "--output", type=Path, help="where to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.command == "keygen":
        kid = keygen(args.private, args.public)
        print(f"key pair written; key id {kid}", file=sys.stderr)
        return 0
    text = json.dumps(sign(args.key, args.notice), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
