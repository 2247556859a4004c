"""The signed end-of-service notice: accepted when genuine, rejected when forged or replayed."""

from __future__ import annotations

import base64
import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from onecleaner.privacy.notice import (
    NoticeBook,
    NoticeProblem,
    NoticeRejected,
    NoticeState,
    load_trusted_keys,
)
from onecleaner.resources import resource
from tests.privacy.notice_helpers import (
    CST,
    load_sign_script,
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)


@pytest.fixture
def key(data_dir: Path) -> Ed25519PrivateKey:
    return trust_new_key(data_dir)


def install(data_dir: Path, tmp_path: Path, document: dict[str, Any], name: str = "n.json") -> Any:
    return NoticeBook(data_dir).install(write_document(tmp_path / name, document))


def rejection(data_dir: Path, tmp_path: Path, document: dict[str, Any]) -> NoticeRejected:
    with pytest.raises(NoticeRejected) as caught:
        install(data_dir, tmp_path, document)
    return caught.value


def test_shipped_vendor_key_is_a_trusted_ed25519_key(data_dir: Path) -> None:
    pem = resource("notice-keys", "onecleaner-vendor.pem").read_bytes()
    assert isinstance(serialization.load_pem_public_key(pem), Ed25519PublicKey)
    keys, problems = load_trusted_keys(data_dir)
    assert len(keys) == 1 and problems == []
    assert b"PRIVATE" not in pem


def test_genuine_notice_is_installed_and_kept_privately(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    notice = install(data_dir, tmp_path, signed_document(key, notice_fields()))
    assert notice.notice_id == "end-2030"
    assert notice.title_in("zh_CN") == "ONE Cleaner 即将停止运营"
    book = NoticeBook(data_dir, clock=lambda: datetime(2029, 6, 1, tzinfo=CST))
    assert book.current() == notice
    assert book.state() is NoticeState.ANNOUNCED
    assert stat.S_IMODE((data_dir / "notice.json").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("when", "state"),
    [
        (datetime(2030, 1, 2, tzinfo=CST), NoticeState.ANNOUNCED),
        (datetime(2030, 4, 1, tzinfo=CST), NoticeState.SERVICE_ENDED),
        (datetime(2030, 4, 30, 23, 59, tzinfo=CST), NoticeState.SERVICE_ENDED),
        (datetime(2030, 5, 1, tzinfo=CST), NoticeState.PAST_DEADLINE),
    ],
)
def test_state_follows_the_dates(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey, when: datetime, state: NoticeState
) -> None:
    install(data_dir, tmp_path, signed_document(key, notice_fields()))
    assert NoticeBook(data_dir, clock=lambda: when).state() is state


def test_no_notice_means_state_none(data_dir: Path) -> None:
    assert NoticeBook(data_dir).state() is NoticeState.NONE


def test_flipped_signature_is_rejected(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    doc = signed_document(key, notice_fields())
    raw = bytearray(base64.b64decode(doc["signature"]))
    raw[10] ^= 0x01
    doc["signature"] = base64.b64encode(bytes(raw)).decode("ascii")
    exc = rejection(data_dir, tmp_path, doc)
    assert exc.problem is NoticeProblem.BAD_SIGNATURE
    assert "forged" in str(exc)
    assert not (data_dir / "notice.json").exists()


def test_changed_text_after_signing_is_rejected(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    doc = signed_document(key, notice_fields())
    doc["notice"]["deletion_deadline"] = "2040-01-01T00:00:00+08:00"
    assert rejection(data_dir, tmp_path, doc).problem is NoticeProblem.BAD_SIGNATURE


def test_unknown_key_is_rejected(data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey) -> None:
    stranger = Ed25519PrivateKey.generate()
    exc = rejection(data_dir, tmp_path, signed_document(stranger, notice_fields()))
    assert exc.problem is NoticeProblem.UNKNOWN_KEY
    assert "unknown key" in str(exc)
    # Without the key-id hint the signature simply matches no trusted key.
    bare = signed_document(stranger, notice_fields(), with_key_id=False)
    assert rejection(data_dir, tmp_path, bare).problem is NoticeProblem.BAD_SIGNATURE


def test_lying_key_id_does_not_help_a_forger(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    from onecleaner.privacy.notice import key_id

    doc = signed_document(Ed25519PrivateKey.generate(), notice_fields())
    doc["key_id"] = key_id(key.public_key())
    assert rejection(data_dir, tmp_path, doc).problem is NoticeProblem.BAD_SIGNATURE


@pytest.mark.parametrize("seq", [3, 2])
def test_replay_of_same_or_lower_seq_is_rejected(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey, seq: int
) -> None:
    install(data_dir, tmp_path, signed_document(key, notice_fields(seq=3)), "first.json")
    exc = rejection(data_dir, tmp_path, signed_document(key, notice_fields(seq=seq)))
    assert exc.problem is NoticeProblem.REPLAY
    assert NoticeBook(data_dir).current() is not None
    assert NoticeBook(data_dir).last_seq() == 3


def test_newer_seq_replaces_the_notice(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    install(data_dir, tmp_path, signed_document(key, notice_fields(seq=1)), "first.json")
    later = notice_fields(seq=2, deadline=datetime(2031, 1, 1, tzinfo=CST))
    install(data_dir, tmp_path, signed_document(key, later), "second.json")
    current = NoticeBook(data_dir).current()
    assert current is not None and current.seq == 2
    assert current.deletion_deadline == datetime(2031, 1, 1, tzinfo=CST)


@pytest.mark.parametrize(
    "change",
    [
        {"service_end_at": "2029-12-31T00:00:00+08:00"},  # ends before it is announced
        {"deletion_deadline": "2030-02-01T00:00:00+08:00"},  # deadline before the end
        {"announced_at": "2030-01-01T00:00:00"},  # no offset
        {"service_end_at": "next spring"},
        {"deletion_deadline": 20300501},
    ],
)
def test_inconsistent_dates_are_rejected(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey, change: dict[str, Any]
) -> None:
    fields = {**notice_fields(), **change}
    exc = rejection(data_dir, tmp_path, signed_document(key, fields))
    assert exc.problem is NoticeProblem.BAD_DATES


@pytest.mark.parametrize(
    "missing",
    [
        "notice_id",
        "seq",
        "announced_at",
        "service_end_at",
        "deletion_deadline",
        "title",
        "body",
        "contact",
    ],
)
def test_missing_field_is_rejected(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey, missing: str
) -> None:
    fields = notice_fields()
    del fields[missing]
    exc = rejection(data_dir, tmp_path, signed_document(key, fields))
    assert exc.problem is NoticeProblem.MISSING_FIELD
    assert missing in str(exc)


def test_missing_translation_is_rejected(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    fields = notice_fields()
    fields["body"] = {"en": "The service ends."}
    exc = rejection(data_dir, tmp_path, signed_document(key, fields))
    assert exc.problem is NoticeProblem.MISSING_FIELD and "zh_CN" in str(exc)


def test_missing_signature_and_unreadable_files(data_dir: Path, tmp_path: Path) -> None:
    assert rejection(data_dir, tmp_path, {"notice": notice_fields()}).problem is (
        NoticeProblem.MISSING_FIELD
    )
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00not json")
    with pytest.raises(NoticeRejected) as caught:
        NoticeBook(data_dir).install(garbage)
    assert caught.value.problem is NoticeProblem.UNREADABLE
    with pytest.raises(NoticeRejected) as caught:
        NoticeBook(data_dir).install(tmp_path / "absent.json")
    assert caught.value.problem is NoticeProblem.UNREADABLE


def test_installed_notice_edited_on_disk_is_ignored(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    install(data_dir, tmp_path, signed_document(key, notice_fields()))
    path = data_dir / "notice.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["document"]["notice"]["deletion_deadline"] = "2030-04-02T00:00:00+08:00"
    path.write_text(json.dumps(stored), encoding="utf-8")
    book = NoticeBook(data_dir)
    assert book.current() is None
    assert any("ignored" in w for w in book.warnings)


def test_vendor_script_makes_a_pair_and_signs_an_installable_notice(
    data_dir: Path, tmp_path: Path
) -> None:
    script = load_sign_script()
    private = tmp_path / "vendor-private.pem"
    (data_dir / "notice-keys").mkdir(parents=True)
    public = data_dir / "notice-keys" / "vendor.pem"
    script.main(["keygen", "--private", str(private), "--public", str(public)])
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    plain = tmp_path / "notice.json"
    plain.write_text(json.dumps(notice_fields(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "signed.json"
    script.main(["sign", "--key", str(private), str(plain), "-o", str(out)])
    notice = NoticeBook(data_dir).install(out)
    assert notice.seq == 1 and notice.contact == "privacy@example.org"


def test_vendor_script_refuses_a_notice_the_app_would_reject(tmp_path: Path) -> None:
    script = load_sign_script()
    private = tmp_path / "k.pem"
    script.main(["keygen", "--private", str(private), "--public", str(tmp_path / "p.pem")])
    bad = notice_fields()
    bad["deletion_deadline"] = (datetime(2030, 1, 1, tzinfo=CST) - timedelta(days=1)).isoformat()
    plain = tmp_path / "notice.json"
    plain.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        script.main(["sign", "--key", str(private), str(plain)])
    assert "announced_at <= service_end_at <= deletion_deadline" in str(caught.value)


def test_signature_covers_exactly_the_specified_canonical_bytes(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    from onecleaner.privacy.notice import canonical_bytes

    # Sorted keys at every level, no spaces, non-ASCII kept as UTF-8 (issue 3, item 6).
    sample = {"seq": 1, "title": {"zh_CN": "停止", "en": "End"}, "contact": "a@b.c"}
    expected = '{"contact":"a@b.c","seq":1,"title":{"en":"End","zh_CN":"停止"}}'.encode()
    assert canonical_bytes(sample) == expected
    # A notice signed over those bytes, made here by hand, installs ...
    fields = notice_fields()
    by_hand = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    signature = base64.b64encode(key.sign(by_hand.encode("utf-8"))).decode("ascii")
    notice = install(data_dir, tmp_path, {"notice": fields, "signature": signature})
    assert notice.notice_id == "end-2030"
    # ... while the same notice signed over any other serialization does not.
    later = {**fields, "seq": 9}
    for other in (
        json.dumps(later, sort_keys=True, separators=(",", ":")),  # non-ASCII escaped
        json.dumps(later, sort_keys=True, ensure_ascii=False),  # default separators
        json.dumps(later, separators=(",", ":"), ensure_ascii=False),  # keys not sorted
    ):
        wrong = base64.b64encode(key.sign(other.encode("utf-8"))).decode("ascii")
        document = {"notice": later, "signature": wrong}
        assert rejection(data_dir, tmp_path, document).problem is NoticeProblem.BAD_SIGNATURE
    right = canonical_bytes(later)
    document = {"notice": later, "signature": base64.b64encode(key.sign(right)).decode("ascii")}
    assert install(data_dir, tmp_path, document).seq == 9


def test_trusted_keys_come_from_both_folders(data_dir: Path) -> None:
    shipped, _ = load_trusted_keys(data_dir)
    trust_new_key(data_dir, "second")
    both, problems = load_trusted_keys(data_dir)
    assert len(both) == len(shipped) + 1 and problems == []
    (data_dir / "notice-keys" / "broken.pem").write_text("not a key", encoding="utf-8")
    keys, problems = load_trusted_keys(data_dir)
    assert len(keys) == len(both) and any("broken.pem" in p for p in problems)


def test_replay_protection_survives_a_damaged_notice_file(
    data_dir: Path, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    notice = install(data_dir, tmp_path, signed_document(key, notice_fields(seq=3)), "a.json")
    NoticeBook(data_dir).write_receipt(notice, ["profile"])
    (data_dir / "notice.json").write_text("{damaged", encoding="utf-8")
    exc = rejection(data_dir, tmp_path, signed_document(key, notice_fields(seq=2)))
    assert exc.problem is NoticeProblem.REPLAY
    assert install(data_dir, tmp_path, signed_document(key, notice_fields(seq=4)), "b.json")
