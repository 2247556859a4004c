"""Consent per purpose: an append-only history of grants and withdrawals, per policy version."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, PrivacyError
from onecleaner.privacy.policy import Policy
from onecleaner.privacy.storage import read_json, write_json

CONSENT_FILE = "consent.json"
SCHEMA_VERSION = 1


class Purpose(enum.Enum):
    """What the user may allow; everything is off on a fresh install."""

    HISTORY = "history"
    DIAGNOSTICS = "diagnostics"
    USAGE = "usage"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Purpose.HISTORY: "an encrypted record, on this device, of your scans and cleans",
    Purpose.DIAGNOSTICS: "errors with device information (OS, versions, memory), "
    "kept on this device",
    Purpose.USAGE: "which features are used, with a random install identifier you can reset or "
    "turn off, kept on this device",
}


class ConsentState(enum.Enum):
    """What one consent record says."""

    GRANTED = "granted"
    WITHDRAWN = "withdrawn"


class Way(enum.Enum):
    """How the user gave or withdrew consent."""

    CLI = "cli"
    GUI = "gui"
    FIRST_RUN = "first-run"


class UnknownPurpose(PrivacyError):
    """A purpose name that does not exist."""

    def __init__(self, name: str) -> None:
        self.name = name
        known = ", ".join(p.value for p in Purpose)
        super().__init__(f"unknown purpose '{name}' (known: {known})")


def parse_purpose(name: str) -> Purpose:
    """The purpose named `name` (history, diagnostics, usage); UnknownPurpose otherwise."""
    try:
        return Purpose(name.strip().lower())
    except ValueError:
        raise UnknownPurpose(name) from None


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One grant or withdrawal, with the policy it refers to and how and when it was given."""

    purpose: Purpose
    state: ConsentState
    policy_version: str
    policy_sha256: str
    at: datetime
    way: Way

    def to_json(self) -> dict[str, str]:
        return {
            "purpose": self.purpose.value,
            "state": self.state.value,
            "policy_version": self.policy_version,
            "policy_sha256": self.policy_sha256,
            "at": self.at.isoformat(),
            "way": self.way.value,
        }

    @classmethod
    def from_json(cls, obj: Any) -> ConsentRecord:
        """A record from its JSON form; ValueError/KeyError/TypeError when it is not one."""
        at = datetime.fromisoformat(obj["at"])
        if at.tzinfo is None:
            raise ValueError("time without offset")
        return cls(
            purpose=Purpose(obj["purpose"]),
            state=ConsentState(obj["state"]),
            policy_version=str(obj["policy_version"]),
            policy_sha256=str(obj["policy_sha256"]),
            at=at,
            way=Way(obj["way"]),
        )


@dataclass(frozen=True, slots=True)
class PurposeStatus:
    """Where one purpose stands under the current policy."""

    purpose: Purpose
    granted: bool  # counts now: granted, under the current policy version
    last: ConsentRecord | None  # the latest record for this purpose, if any

    @property
    def outdated(self) -> bool:
        """Granted under an older policy version: the user must be asked again."""
        return (
            self.last is not None and self.last.state is ConsentState.GRANTED and not self.granted
        )


def _shape(doc: dict[str, Any]) -> str | None:
    if not isinstance(doc.get("records"), list):
        return "it holds no list of records"
    return None


class ConsentBook:
    """The consent history in the data folder; a bad file means nothing is granted, and says so.

    Appending a record holds the data folder's lock: two processes recording at once both
    keep their record.
    """

    def __init__(
        self, data_dir: Path, policy: Policy, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.policy = policy
        self.clock = clock or (lambda: datetime.now(UTC))
        self.warnings: list[str] = []

    @property
    def path(self) -> Path:
        return self.data_dir / CONSENT_FILE

    def _raw(self) -> list[Any]:
        try:
            with data_lock(self.data_dir, create=False):
                obj = read_json(self.path, kind="consent", check=_shape)
        except CorruptFile as exc:
            self.warnings.append(
                f"the consent file could not be read ({exc.reason}) and was set aside as "
                f"{exc.aside}; nothing is treated as granted until you choose again"
            )
            return []
        except PrivacyError as exc:
            self.warnings.append(f"{exc}; nothing is treated as granted")
            return []
        records = obj.get("records") if obj else None
        if not isinstance(records, list):
            return []
        return records

    def history(self) -> list[ConsentRecord]:
        """Every record, oldest first; entries this version cannot read are reported, skipped."""
        out: list[ConsentRecord] = []
        bad = 0
        for item in self._raw():
            try:
                out.append(ConsentRecord.from_json(item))
            except (ValueError, KeyError, TypeError):
                bad += 1
        if bad:
            self.warnings.append(f"{bad} consent record(s) could not be read and were ignored")
        return out

    def record(
        self, purpose: Purpose, state: ConsentState, way: Way, *, at: datetime | None = None
    ) -> ConsentRecord:
        """Append a grant or withdrawal under the current policy; earlier records stay unchanged.

        ``at`` is when it was decided (now by default; a resumed withdrawal keeps its time).
        """
        rec = ConsentRecord(
            purpose=purpose,
            state=state,
            policy_version=self.policy.version,
            policy_sha256=self.policy.sha256,
            at=self.clock() if at is None else at,
            way=way,
        )
        with data_lock(self.data_dir):
            raw = self._raw()
            raw.append(rec.to_json())
            write_json(self.path, {"schema": SCHEMA_VERSION, "records": raw}, kind="consent")
        return rec

    def summary(self) -> list[PurposeStatus]:
        """Every purpose with whether it counts as granted now."""
        latest: dict[Purpose, ConsentRecord] = {}
        for rec in self.history():
            latest[rec.purpose] = rec
        out = []
        for purpose in Purpose:
            last = latest.get(purpose)
            granted = (
                last is not None
                and last.state is ConsentState.GRANTED
                and last.policy_version == self.policy.version
            )
            out.append(PurposeStatus(purpose=purpose, granted=granted, last=last))
        return out

    def status(self, purpose: Purpose) -> PurposeStatus:
        return next(s for s in self.summary() if s.purpose is purpose)

    def is_granted(self, purpose: Purpose) -> bool:
        return self.status(purpose).granted

    def erase(self) -> bool:
        """Remove the whole history (forget); True when there was one."""
        with data_lock(self.data_dir, create=False):
            try:
                self.path.unlink()
            except (FileNotFoundError, NotADirectoryError):
                return False
        return True
