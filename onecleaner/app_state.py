"""What the app remembers between runs that is not a setting: the figures of the last scan and
of the last clean, for the Home page (counts and times only, never a path; no Qt).

Both faces and the tray may write it at once: each write is a read-modify-write under the data
folder's lock, atomic on disk; an unreadable file is set aside and forgotten, never fatal.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy.app_files import APP_STATE_FILE
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.storage import read_json, write_json

STATE_FILE = APP_STATE_FILE
KIND = "app-state"
SCHEMA = 1


@dataclass(frozen=True, slots=True)
class RunFigures:
    """What one scan or clean amounted to."""

    at: datetime  # when it ended (aware)
    files: int
    bytes: int  # reclaimable (scan) or freed (clean)
    items: int  # targets it covered
    cancelled: bool = False
    trashed_bytes: int = 0  # a clean's files moved to the trash: the space they take there

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.astimezone(UTC).isoformat(),
            "files": self.files,
            "bytes": self.bytes,
            "items": self.items,
            "cancelled": self.cancelled,
            "trashed_bytes": self.trashed_bytes,
        }

    @classmethod
    def from_json(cls, obj: object) -> RunFigures | None:
        """The figures a file holds; None when they are missing or malformed."""
        if not isinstance(obj, dict):
            return None
        try:
            at = datetime.fromisoformat(str(obj["at"]))
            values = [obj["files"], obj["bytes"], obj["items"]]
        except (KeyError, ValueError):
            return None
        if at.tzinfo is None or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values
        ):
            return None
        files, size, items = values
        trashed = obj.get("trashed_bytes", 0)  # absent from files written before it existed
        if not isinstance(trashed, int) or isinstance(trashed, bool) or trashed < 0:
            trashed = 0
        return cls(at, files, size, items, bool(obj.get("cancelled", False)), trashed)


@dataclass(frozen=True, slots=True)
class AppState:
    """The remembered figures (None: never happened, or forgotten)."""

    last_scan: RunFigures | None = None
    last_clean: RunFigures | None = None


def state_path(data_dir: Path) -> Path:
    return data_dir / STATE_FILE


def load_app_state(data_dir: Path) -> AppState:
    """The remembered figures; a missing or unreadable file gives an empty state."""
    try:
        doc = read_json(state_path(data_dir), kind=KIND, schema=SCHEMA)
    except PrivacyError:  # set aside (CorruptFile) or unreadable: start afresh
        return AppState()
    if doc is None:
        return AppState()
    return AppState(
        last_scan=RunFigures.from_json(doc.get("last_scan")),
        last_clean=RunFigures.from_json(doc.get("last_clean")),
    )


def _update(data_dir: Path, **changes: RunFigures) -> None:
    with data_lock(data_dir):
        state = dataclasses.replace(load_app_state(data_dir), **changes)
        doc: dict[str, Any] = {
            name: figures.to_json()
            for name, figures in (("last_scan", state.last_scan), ("last_clean", state.last_clean))
            if figures is not None
        }
        write_json(state_path(data_dir), doc, kind=KIND, schema=SCHEMA)


def remember_scan(data_dir: Path, figures: RunFigures) -> None:
    """Keep a scan's figures as the last scan."""
    _update(data_dir, last_scan=figures)


def remember_clean(data_dir: Path, figures: RunFigures) -> None:
    """Keep a clean's figures as the last clean."""
    _update(data_dir, last_clean=figures)


def now() -> datetime:
    return datetime.now(UTC)
