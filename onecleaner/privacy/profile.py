"""The optional registration profile (e-mail, phone): validated, encrypted, shown masked."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy.crypto import seal, unseal
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, DecryptError, KeyUnavailable, PrivacyError
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.storage import atomic_write_bytes, read_state_bytes, set_aside

PROFILE_FILE = "profile.bin"
KEY_NAME = "profile"
# The file starts with this line (format and schema version), then the AES-GCM blob.
MAGIC = b"ONECLEANER-PROFILE 1\n"
AAD = b"onecleaner/profile/1"

_SEPARATORS = re.compile(r"[\s\-().]")
_CN_MOBILE = re.compile(r"(?:\+86)?(1[3-9]\d{9})")
_E164 = re.compile(r"\+[1-9]\d{6,14}")
# Under +86 only a mobile (above) or a landline (area code 10, 2x or 3-digit, then 7-8 digits).
_CN_LANDLINE = re.compile(r"\+86(?:10|2\d|[3-9]\d{2})\d{7,8}")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


class InvalidProfileValue(PrivacyError):
    """An e-mail address or phone number that is not valid; the message says which and why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class ProfileUnreadable(PrivacyError):
    """A stored profile that cannot be decrypted (its key is lost or the file is damaged)."""


def normalize_email(text: str) -> str:
    """A valid e-mail address, trimmed and with its domain in lower case."""
    value = text.strip()
    local, sep, domain = value.rpartition("@")
    labels = domain.split(".")
    if (
        not sep
        or len(value) > 254
        or not 0 < len(local) <= 64
        or not _EMAIL_LOCAL.fullmatch(local)
        or len(labels) < 2
        or not all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise InvalidProfileValue("email", f"'{text}' is not a valid e-mail address")
    return f"{local}@{domain.lower()}"


def normalize_phone(text: str) -> str:
    """A valid phone number in E.164 form (+8613812345678); Chinese mobiles may omit +86."""
    compact = _SEPARATORS.sub("", text.strip())
    china = _CN_MOBILE.fullmatch(compact)
    if china:
        return "+86" + china.group(1)
    if _E164.fullmatch(compact) and (
        not compact.startswith("+86") or _CN_LANDLINE.fullmatch(compact)
    ):
        return compact
    raise InvalidProfileValue(
        "phone",
        f"'{text}' is not a valid phone number: use international form (+4930123456) "
        "or a Chinese mobile number (13812345678, +86 optional)",
    )


def mask_email(email: str) -> str:
    """`zoe@example.org` -> `z***@example.org`."""
    local, _, domain = email.rpartition("@")
    return f"{local[:1]}***@{domain}"


def mask_phone(phone: str) -> str:
    """`+8613812345678` -> `138****5678`; other numbers keep their first and last digits."""
    if phone.startswith("+86") and _CN_MOBILE.fullmatch(phone):
        national = phone[3:]
        return f"{national[:3]}****{national[-4:]}"
    digits = phone.lstrip("+")
    keep_head, keep_tail = (3, 4) if len(digits) >= 10 else (2, 2)
    hidden = len(digits) - keep_head - keep_tail
    return f"+{digits[:keep_head]}{'*' * hidden}{digits[-keep_tail:]}"


@dataclass(frozen=True, slots=True)
class Profile:
    """The registration data; both fields optional, stored only encrypted."""

    email: str | None = None
    phone: str | None = None
    updated_at: datetime | None = None

    @property
    def empty(self) -> bool:
        return self.email is None and self.phone is None

    def masked(self) -> dict[str, str | None]:
        """What may be shown on a screen or in a terminal."""
        return {
            "email": None if self.email is None else mask_email(self.email),
            "phone": None if self.phone is None else mask_phone(self.phone),
        }

    def to_json(self) -> dict[str, Any]:
        """The clear values: only for the encrypted file and the user's own export."""
        return {
            "email": self.email,
            "phone": self.phone,
            "updated_at": None if self.updated_at is None else self.updated_at.isoformat(),
        }

    @classmethod
    def from_json(cls, obj: Any) -> Profile:
        updated = obj.get("updated_at")
        return cls(
            email=obj.get("email"),
            phone=obj.get("phone"),
            updated_at=None if updated is None else datetime.fromisoformat(updated),
        )


class ProfileStore:
    """The profile file, sealed with the data key `profile` (destroying the key shreds it).

    Reads and writes hold the data folder's lock, so a profile is never sealed with a key
    another process replaced meanwhile.
    """

    def __init__(
        self, data_dir: Path, keys: KeyStore, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.keys = keys
        self.clock = clock or (lambda: datetime.now(UTC))
        self.replaced = ""  # set by `update` when an unreadable profile was replaced

    @property
    def path(self) -> Path:
        return self.data_dir / PROFILE_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> Profile | None:
        """The stored profile, None when there is none; ProfileUnreadable when it cannot be read.

        Something that is not a plain file in its place (a folder, a FIFO...) is set aside:
        ProfileUnreadable says so.
        """
        with data_lock(self.data_dir, create=False):
            return self._load()

    def _load(self) -> Profile | None:
        try:
            blob = read_state_bytes(self.path)
        except CorruptFile as exc:
            raise ProfileUnreadable(
                f"the profile could not be read ({exc.reason}); it was kept aside as "
                f"{exc.aside.name}"
            ) from None
        except PrivacyError as exc:
            raise ProfileUnreadable(str(exc)) from None
        if blob is None:
            return None
        if not blob.startswith(MAGIC):
            raise ProfileUnreadable("the profile file is damaged (unknown format)")
        try:
            if not self.keys.has_key(KEY_NAME):
                raise KeyUnavailable("the profile's key is missing")
            key = self.keys.data_key(KEY_NAME, create=False)
            clear = unseal(key, blob[len(MAGIC) :], AAD)
            return Profile.from_json(json.loads(clear.decode("utf-8")))
        except (KeyUnavailable, DecryptError):
            raise ProfileUnreadable(
                "the profile could not be read: its key is lost or the file was changed"
            ) from None
        except (ValueError, TypeError, AttributeError):
            raise ProfileUnreadable(
                "the profile could not be read: its content is damaged"
            ) from None

    def save(self, profile: Profile) -> Profile:
        """Seal and write the profile (0600, atomically); returns it with its update time."""
        stamped = Profile(email=profile.email, phone=profile.phone, updated_at=self.clock())
        clear = json.dumps(stamped.to_json(), ensure_ascii=False).encode("utf-8")
        with data_lock(self.data_dir):
            key = self.keys.data_key(KEY_NAME, create=True)
            atomic_write_bytes(self.path, MAGIC + seal(key, clear, AAD))
        return stamped

    def update(self, change: Callable[[Profile | None], Profile]) -> Profile:
        """Read, change and save the profile under the data folder's lock; the saved profile.

        ``change`` gets the stored profile (None when there is none or it is unreadable:
        an unreadable one is set aside first, and `replaced` names where it went).
        """
        with data_lock(self.data_dir):
            try:
                current = self._load()
            except ProfileUnreadable as exc:
                self.replaced = str(exc)
                if self.path.exists() or self.path.is_symlink():
                    aside = set_aside(self.path)
                    self.replaced += f"; it was kept aside as {aside.name} and replaced"
                current = None
            return self.save(change(current))

    def delete(self) -> bool:
        """Remove the profile and destroy its key; True when there was something to remove."""
        with data_lock(self.data_dir, create=False):
            existed = self.path.exists() or self.keys.has_key(KEY_NAME)
            with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
                self.path.unlink()
            self.keys.destroy(KEY_NAME)
        return existed
