"""Usage data under `usage` consent: a random install identifier and per-feature counters.

Both stay on this device, sealed with the data key `usage`; withdrawing consent or resetting
removes them. Feature names are short fixed words, so nothing personal can slip in.
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy.crypto import seal, unseal
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, DecryptError, KeyUnavailable, PrivacyError
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.storage import atomic_write_bytes, read_state_bytes

USAGE_FILE = "usage.bin"
KEY_NAME = "usage"
MAGIC = b"ONECLEANER-USAGE 1\n"
AAD = b"onecleaner/usage/1"
_FEATURE = re.compile(r"[a-z][a-z0-9_.-]{0,63}")


class InvalidFeature(PrivacyError):
    """A feature name that is not a short fixed word (it could carry personal text)."""


@dataclass(frozen=True, slots=True)
class UsageData:
    """What usage collection holds: the install identifier and how often each feature was used."""

    install_id: str | None = None
    counters: Mapping[str, int] = field(default_factory=dict)
    since: datetime | None = None

    @property
    def empty(self) -> bool:
        return self.install_id is None and not self.counters

    def to_json(self) -> dict[str, Any]:
        return {
            "install_id": self.install_id,
            "counters": dict(self.counters),
            "since": None if self.since is None else self.since.isoformat(),
        }


class UsageStore:
    """The sealed usage file; unreadable data is disposable and starts afresh (with a warning).

    Every change is a read-modify-write under the data folder's lock: no count is lost to
    another process counting at the same time.
    """

    def __init__(
        self, data_dir: Path, keys: KeyStore, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.keys = keys
        self.clock = clock or (lambda: datetime.now(UTC))
        self.warnings: list[str] = []

    @property
    def path(self) -> Path:
        return self.data_dir / USAGE_FILE

    def load(self) -> UsageData:
        """The stored usage data; empty when there is none or it cannot be read."""
        with data_lock(self.data_dir, create=False):
            return self._load()

    def _load(self) -> UsageData:
        try:
            blob = read_state_bytes(self.path)
        except CorruptFile as exc:
            self.warnings.append(
                f"the usage data could not be read ({exc.reason}); it was kept aside as "
                f"{exc.aside.name} and starts afresh"
            )
            return UsageData()
        except PrivacyError as exc:
            self.warnings.append(f"the usage data could not be read ({exc})")
            return UsageData()
        if blob is None:
            return UsageData()
        try:
            if not blob.startswith(MAGIC):
                raise ValueError("unknown format")
            key = self.keys.data_key(KEY_NAME, create=False)
            obj = json.loads(unseal(key, blob[len(MAGIC) :], AAD).decode("utf-8"))
            since = obj.get("since")
            counters = {str(k): int(v) for k, v in dict(obj.get("counters", {})).items()}
            install_id = obj.get("install_id")
            return UsageData(
                install_id=str(install_id) if install_id else None,
                counters=counters,
                since=datetime.fromisoformat(since) if since else None,
            )
        except (KeyUnavailable, DecryptError, ValueError, TypeError, AttributeError):
            self.warnings.append("the usage data could not be read and starts afresh")
            return UsageData()

    def _save(self, data: UsageData) -> UsageData:
        key = self.keys.data_key(KEY_NAME, create=True)
        clear = json.dumps(data.to_json()).encode("utf-8")
        atomic_write_bytes(self.path, MAGIC + seal(key, clear, AAD))
        return data

    def count(self, feature: str, *, with_id: bool) -> UsageData:
        """Add one use of `feature`; makes the install identifier when `with_id` and absent."""
        if not _FEATURE.fullmatch(feature):
            raise InvalidFeature(f"'{feature}' is not a feature name (a short lower-case word)")
        with data_lock(self.data_dir):
            data = self._load()
            counters = dict(data.counters)
            counters[feature] = counters.get(feature, 0) + 1
            install_id = data.install_id if not with_id or data.install_id else _new_id()
            return self._save(
                UsageData(
                    install_id=install_id if with_id else None,
                    counters=counters,
                    since=data.since or self.clock(),
                )
            )

    def install_id(self, *, create: bool) -> str | None:
        """The install identifier, made when absent and `create`."""
        with data_lock(self.data_dir, create=create):
            data = self._load()
            if data.install_id is None and create:
                data = self._save(
                    UsageData(install_id=_new_id(), counters=data.counters, since=data.since)
                )
            return data.install_id

    def reset_id(self) -> str:
        """Replace the install identifier with a new random one."""
        with data_lock(self.data_dir):
            data = self._load()
            new = _new_id()
            self._save(UsageData(install_id=new, counters=data.counters, since=data.since))
            return new

    def clear_id(self) -> bool:
        """Remove the install identifier (turned off); True when there was one."""
        with data_lock(self.data_dir, create=False):
            data = self._load()
            if data.install_id is None:
                return False
            self._save(UsageData(install_id=None, counters=data.counters, since=data.since))
            return True

    def erase(self) -> bool:
        """Remove the identifier and counters and destroy their key; True when any existed."""
        with data_lock(self.data_dir, create=False):
            existed = self.path.exists() or self.keys.has_key(KEY_NAME)
            with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
                self.path.unlink()
            self.keys.destroy(KEY_NAME)
        return existed


def _new_id() -> str:
    # Random (version 4): nothing about the machine or the user is derived into it.
    return str(uuid.uuid4())
