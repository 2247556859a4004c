"""Authenticated encryption of small blobs (AES-256-GCM) for the privacy storage."""

from __future__ import annotations

import functools
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from onecleaner.privacy.errors import DecryptError

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)


def _check_key(key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError(f"an AES-256 key is {KEY_BYTES} bytes, got {len(key)}")


@functools.lru_cache(maxsize=32)
def _aead(key: bytes) -> AESGCM:
    # Building the cipher costs more than sealing a short record: reuse it per key.
    return AESGCM(key)


def forget_cached_keys() -> None:
    """Drop the ciphers kept for reuse (after keys are destroyed, none lingers in memory)."""
    _aead.cache_clear()


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """Encrypt and authenticate ``plaintext``; the result is nonce || ciphertext || tag.

    ``aad`` is authenticated but not stored: the same bytes must be given to `unseal`.
    """
    _check_key(key)
    # A random 96-bit nonce per message: our keys seal far fewer than 2**32 messages.
    nonce = os.urandom(NONCE_BYTES)
    return nonce + _aead(key).encrypt(nonce, plaintext, aad or None)


def unseal(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    """Open a blob made by `seal`; raises DecryptError if the key, blob or ``aad`` differ."""
    if len(key) != KEY_BYTES:
        raise DecryptError("the key has the wrong size, so the data cannot be opened")
    if len(blob) < NONCE_BYTES + TAG_BYTES:
        raise DecryptError("the encrypted data is too short: it was cut or damaged")
    try:
        return _aead(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad or None)
    except InvalidTag:
        raise DecryptError(
            "the encrypted data could not be opened: the key is wrong or the data was changed"
        ) from None
