"""Withdrawals and forgets as intents, written durably before anything is erased.

A crash in the middle of an erasure leaves its intent in ``<data>/intents.json``; the next
start of any command, and of the window, completes it (`PrivacyService.resume_intents`), so
what the user withdrew is never readable again, whatever interrupted the erasure.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, PrivacyError
from onecleaner.privacy.storage import read_json, write_json

INTENTS_FILE = "intents.json"


class IntentKind(enum.Enum):
    """What an intent erases."""

    WITHDRAW = "withdraw"  # one purpose's consent, and what it collected
    FORGET = "forget"  # everything the app holds about the user


@dataclass(frozen=True, slots=True)
class Intent:
    """An erasure the user asked for, not yet known to be complete."""

    id: str
    kind: IntentKind
    at: datetime
    purpose: str = ""  # for WITHDRAW
    way: str = ""  # how the user asked (cli, gui, first-run)

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "at": self.at.isoformat(),
            "purpose": self.purpose,
            "way": self.way,
        }

    @classmethod
    def from_json(cls, obj: Any) -> Intent:
        """An intent from its JSON form; ValueError/KeyError/TypeError when it is not one."""
        at = datetime.fromisoformat(obj["at"])
        if at.tzinfo is None:
            raise ValueError("time without offset")
        return cls(
            id=str(obj["id"]),
            kind=IntentKind(obj["kind"]),
            at=at,
            purpose=str(obj.get("purpose", "")),
            way=str(obj.get("way", "")),
        )


def _path(data_dir: Path) -> Path:
    return data_dir / INTENTS_FILE


def _shape(doc: dict[str, Any]) -> str | None:
    return None if isinstance(doc.get("intents"), list) else "it holds no list of intents"


def _read(data_dir: Path) -> tuple[list[Intent], list[str]]:
    problems: list[str] = []
    try:
        doc = read_json(_path(data_dir), kind="intents", check=_shape)
    except CorruptFile as exc:
        return [], [
            f"the list of unfinished erasures could not be read ({exc.reason}); it was kept "
            f"aside as {exc.aside.name}. Run `onecleaner privacy forget` to be sure "
            "everything you asked to erase is gone."
        ]
    except PrivacyError as exc:
        return [], [str(exc)]
    found: list[Intent] = []
    for item in (doc or {}).get("intents", []):
        try:
            found.append(Intent.from_json(item))
        except (ValueError, KeyError, TypeError):
            problems.append("an unfinished erasure could not be read and was skipped")
    return found, problems


def has_pending(data_dir: Path) -> bool:
    """Whether an erasure may be unfinished (a cheap check: the file exists)."""
    return _path(data_dir).exists()


def pending(data_dir: Path) -> tuple[list[Intent], list[str]]:
    """The unfinished erasures, oldest first, and messages about any that could not be read."""
    with data_lock(data_dir, create=False):
        return _read(data_dir)


def _write(data_dir: Path, intents: list[Intent]) -> None:
    if intents:
        write_json(_path(data_dir), {"intents": [i.to_json() for i in intents]}, kind="intents")
    else:
        _path(data_dir).unlink(missing_ok=True)


def begin(
    data_dir: Path, kind: IntentKind, at: datetime, *, purpose: str = "", way: str = ""
) -> Intent:
    """Record an erasure about to start, durably (the write is flushed before it returns)."""
    intent = Intent(secrets.token_hex(6), kind, at, purpose, way)
    with data_lock(data_dir):
        current, _problems = _read(data_dir)
        _write(data_dir, [*current, intent])
    return intent


def finish(data_dir: Path, intent: Intent) -> None:
    """Forget an erasure once it is complete."""
    with data_lock(data_dir, create=False):
        current, _problems = _read(data_dir)
        _write(data_dir, [i for i in current if i.id != intent.id])
