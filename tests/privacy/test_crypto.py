"""AES-256-GCM sealing: round trip, and every kind of change is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onecleaner.privacy.crypto import new_key, seal, unseal
from onecleaner.privacy.errors import DecryptError


def test_keys_are_random_and_256_bits() -> None:
    a, b = new_key(), new_key()
    assert len(a) == 32
    assert a != b


@given(st.binary(max_size=512), st.binary(max_size=64))
def test_round_trip(plaintext: bytes, aad: bytes) -> None:
    key = new_key()
    blob = seal(key, plaintext, aad)
    assert unseal(key, blob, aad) == plaintext


def test_ciphertext_hides_the_plaintext_and_differs_each_time() -> None:
    key = new_key()
    secret = b"zhang.san@example.org +8613812345678"
    one, two = seal(key, secret), seal(key, secret)
    assert secret not in one
    assert one != two


def test_wrong_key_is_refused() -> None:
    blob = seal(new_key(), b"data")
    with pytest.raises(DecryptError, match="key is wrong or the data was changed"):
        unseal(new_key(), blob)


@given(st.integers(min_value=0, max_value=12 + 4 + 16 - 1), st.integers(1, 255))
def test_any_flipped_byte_is_refused(index: int, flip: int) -> None:
    key = new_key()
    blob = bytearray(seal(key, b"four", b"aad"))
    blob[index] ^= flip
    with pytest.raises(DecryptError):
        unseal(key, bytes(blob), b"aad")


def test_other_associated_data_is_refused() -> None:
    key = new_key()
    blob = seal(key, b"record", b"seq=1")
    with pytest.raises(DecryptError):
        unseal(key, blob, b"seq=2")


def test_truncated_blob_is_refused() -> None:
    key = new_key()
    with pytest.raises(DecryptError, match="too short"):
        unseal(key, seal(key, b"")[:20])
