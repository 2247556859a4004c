"""The registration profile: validation, masking, encryption at rest, key loss, erasure."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.profile import (
    InvalidProfileValue,
    Profile,
    ProfileStore,
    ProfileUnreadable,
    mask_email,
    mask_phone,
    normalize_email,
    normalize_phone,
)

EMAIL = "zoe.li@example.org"
PHONE = "13812345678"


@pytest.mark.parametrize(
    ("given_", "stored"),
    [
        ("13812345678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("+86-199-0000-1111", "+8619900001111"),
        ("+4930123456", "+4930123456"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("+86 10 8888 1234", "+861088881234"),
    ],
)
def test_valid_phone_numbers_are_normalized(given_: str, stored: str) -> None:
    assert normalize_phone(given_) == stored


@pytest.mark.parametrize(
    "bad",
    [
        "12812345678",
        "1381234567",
        "138123456789",
        "phone",
        "+0123456789",
        "+1 2",
        "",
        "+8612812345678",
    ],
)
def test_invalid_phone_numbers_are_refused(bad: str) -> None:
    with pytest.raises(InvalidProfileValue) as caught:
        normalize_phone(bad)
    assert caught.value.field == "phone"


@pytest.mark.parametrize("good", ["zoe@example.org", "a.b+tag@sub.example.co.uk", "x@EXAMPLE.ORG"])
def test_valid_emails(good: str) -> None:
    assert normalize_email(good).rpartition("@")[2] == good.rpartition("@")[2].lower()


@pytest.mark.parametrize(
    "bad",
    [
        "zoe",
        "zoe@",
        "@example.org",
        "zoe@example",
        "zo e@example.org",
        "zoe..x@example.org",
        "zoe@-example.org",
        "zoe@example.123",
    ],
)
def test_invalid_emails_are_refused(bad: str) -> None:
    with pytest.raises(InvalidProfileValue) as caught:
        normalize_email(bad)
    assert caught.value.field == "email" and bad in str(caught.value)


def test_masking() -> None:
    assert mask_phone("+8613812345678") == "138****5678"
    assert mask_email("zoe@example.org") == "z***@example.org"
    masked = mask_phone("+4930123456")
    assert masked.startswith("+49") and masked.endswith("56") and "0123" not in masked


@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_every_chinese_mobile_is_accepted_and_masked_to_seven_digits(number: str) -> None:
    masked = mask_phone(normalize_phone(number))
    assert masked == f"{number[:3]}****{number[-4:]}"


def test_profile_is_stored_encrypted_and_comes_back(data_dir: Path) -> None:
    store = ProfileStore(data_dir, KeyStore(data_dir))
    store.save(Profile(email=normalize_email(EMAIL), phone=normalize_phone(PHONE)))
    loaded = ProfileStore(data_dir, KeyStore(data_dir)).load()
    assert loaded is not None
    assert (loaded.email, loaded.phone) == (EMAIL, "+8613812345678")
    assert loaded.masked() == {"email": "z***@example.org", "phone": "138****5678"}
    raw = (data_dir / "profile.bin").read_bytes()
    for secret in (b"zoe", b"example.org", b"12345678", b"5678"):
        assert secret not in raw
    assert stat.S_IMODE((data_dir / "profile.bin").stat().st_mode) == 0o600


def test_lost_key_makes_the_profile_unreadable_with_a_message(data_dir: Path) -> None:
    keys = KeyStore(data_dir)
    ProfileStore(data_dir, keys).save(Profile(email=EMAIL))
    keys.destroy_all()  # e.g. the keychain entry was removed
    with pytest.raises(ProfileUnreadable, match="could not be read"):
        ProfileStore(data_dir, KeyStore(data_dir)).load()


def test_changed_profile_bytes_are_refused(data_dir: Path) -> None:
    keys = KeyStore(data_dir)
    ProfileStore(data_dir, keys).save(Profile(phone="+8613812345678"))
    path = data_dir / "profile.bin"
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x40
    path.write_bytes(bytes(raw))
    with pytest.raises(ProfileUnreadable):
        ProfileStore(data_dir, KeyStore(data_dir)).load()


def test_delete_removes_file_and_destroys_key(data_dir: Path) -> None:
    keys = KeyStore(data_dir)
    store = ProfileStore(data_dir, keys)
    store.save(Profile(email=EMAIL))
    copy = (data_dir / "profile.bin").read_bytes()
    assert store.delete() is True
    assert not (data_dir / "profile.bin").exists()
    assert not keys.has_key("profile")
    # Crypto-shredding: a copy made before deletion (a backup) no longer opens.
    (data_dir / "profile.bin").write_bytes(copy)
    with pytest.raises(ProfileUnreadable):
        store.load()
    assert store.delete() is True and store.delete() is False
