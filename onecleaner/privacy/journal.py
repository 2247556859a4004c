"""The encrypted, append-only activity journal: read, verify, retention, erase, export.

Each month has its own file ``<data>/journal/YYYY-MM.log`` sealed with its own data key
(``journal-YYYY-MM``), so purging a month or erasing the journal destroys the key too
(crypto-shredding). Records are chained (see `journal_format`); a sealed checkpoint of each
month's last sequence number and hash notices records cut off the end (see `journal_store`).
Text and data are redacted before they are sealed.

Retention is per record: a record older than the retention is removed even from the month
being written (that month is rewritten without it under a fresh key and the old key is
destroyed), and a month whose records are all older goes whole, with its key (see
`journal_removal`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy import journal_format as fmt
from onecleaner.privacy.errors import JournalTampered, KeyUnavailable
from onecleaner.privacy.journal_checkpoint import checkpoint_problem
from onecleaner.privacy.journal_recovery import settle, sweep_orphan_keys
from onecleaner.privacy.journal_removal import erase_all, erase_purpose, purge
from onecleaner.privacy.journal_store import JournalStore
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.redact import redact, redact_data
from onecleaner.privacy.storage import write_private_file

DEFAULT_RETENTION_DAYS = 30
ESSENTIAL = "essential"  # purpose of minimal, non-personal error and security records
_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,39}")


@dataclass(frozen=True)
class JournalRecord:
    """One decrypted journal record; ``at`` is ISO 8601 in UTC."""

    seq: int
    at: str
    kind: str
    purpose: str
    text: str
    data: Mapping[str, Any]
    period: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able data (for export and ``--json``)."""
        return {
            "seq": self.seq,
            "at": self.at,
            "kind": self.kind,
            "purpose": self.purpose,
            "text": self.text,
            "data": dict(self.data),
            "period": self.period,
        }


@dataclass(frozen=True)
class VerifyReport:
    """The result of `Journal.verify`: the first bad record and why, or ok."""

    ok: bool
    records: int
    problem: str | None
    bad_seq: int | None
    kind: str | None  # 'changed' | 'missing' | 'reordered' | 'cut off'
    period: str | None = None
    repaired: tuple[str, ...] = ()  # torn last records discarded (crash during a write)


def journal_size(
    records: int | None, size: int | None, periods: list[str], retention_days: int
) -> dict[str, Any]:
    """The journal's size document (`Journal.size`, `privacy status --json`): always these keys."""
    return {
        "records": records,
        "bytes": size,
        "periods": periods,
        "oldest": periods[0] if periods else None,
        "newest": periods[-1] if periods else None,
        "retention_days": retention_days,
    }


def _check_name(what: str, value: str) -> None:
    # kind and purpose are written unredacted: only short identifiers may go there.
    if not _NAME.fullmatch(value):
        raise ValueError(f"a journal {what} is a short lowercase identifier, not {value!r}")


def _payload(at: str, kind: str, purpose: str, text: str, data: Mapping[str, Any]) -> bytes:
    doc = {"at": at, "kind": kind, "purpose": purpose, "text": text, "data": dict(data)}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _record(seq: int, payload: bytes, period: str) -> JournalRecord:
    doc = json.loads(payload)
    return JournalRecord(
        seq=seq,
        at=str(doc.get("at", "")),
        kind=str(doc.get("kind", "")),
        purpose=str(doc.get("purpose", "")),
        text=str(doc.get("text", "")),
        data=dict(doc.get("data") or {}),
        period=period,
    )


class Journal:
    """The activity journal of one data folder."""

    def __init__(
        self,
        data_dir: Path,
        keys: KeyStore,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if retention_days < 1:
            raise ValueError("the journal keeps records for at least one day")
        self.retention_days = retention_days
        self._store = JournalStore(data_dir, keys, clock=clock)
        self._keys = keys
        self._purged = False

    @property
    def notices(self) -> list[str]:
        """Messages for the user: a lost log discarded and restarted, a checkpoint rebuilt."""
        return self._store.notices

    # -- writing ----------------------------------------------------------------------------

    def append(
        self,
        kind: str,
        text: str,
        *,
        purpose: str,
        data: Mapping[str, Any] | None = None,
    ) -> JournalRecord:
        """Seal one record (text and data redacted first) at the end of this month's log.

        ``kind`` and ``purpose`` are short identifiers ("clean", "history"). If this month's
        key is lost, the unreadable log is discarded and a new one started (see `notices`);
        KeyUnavailable is raised only when no key can be had at all (a locked keychain).
        """
        _check_name("kind", kind)
        _check_name("purpose", purpose)
        now = self._store.now()
        at = now.isoformat(timespec="seconds")
        home = os.path.expanduser("~")
        clean_text = redact(text, home=home)
        clean_data = redact_data(dict(data or {}), home=home)
        payload = _payload(at, kind, purpose, clean_text, clean_data)
        period = f"{now.year:04d}-{now.month:02d}"
        with self._store.guard():
            settle(self._store)
            if not self._purged:
                # Once per session: expired records go, and months whose key is lost are
                # discarded so the journal can be read again (a new log starts).
                self._purge(now)
                self._store.drop_lost()
                self._purged = True
            self._store.tail(period)  # sets aside a log cut short since its checkpoint
            for incident in self._store.incidents:
                # The evidence of tampering stays in the journal, minimal and non-personal.
                self._store.append_payload(
                    period, _payload(at, "security", ESSENTIAL, incident, {})
                )
            self._store.incidents.clear()
            seq = self._store.append_payload(period, payload)
        return JournalRecord(seq, at, kind, purpose, clean_text, clean_data, period)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Append many records with one flush to disk and one checkpoint update at the end."""
        with self._store.batch():
            yield

    # -- reading ----------------------------------------------------------------------------

    def _opened(self, period: str) -> tuple[fmt.PeriodFile, fmt.Walk] | None:
        """The period's file and its walk; KeyUnavailable if its key is gone."""
        pf = self._store.load(period)
        if pf is None:
            return None
        if pf.header is None:
            return pf, fmt.walk(pf, b"", period)  # reports the changed header
        try:
            key = self._keys.data_key(pf.key_name, create=False)
        except KeyUnavailable as exc:
            raise KeyUnavailable(f"The journal could not be read. {exc}", lost=exc.lost) from exc
        return pf, fmt.walk(pf, key, period)

    def read(self, *, limit: int | None = None, purpose: str | None = None) -> list[JournalRecord]:
        """The records, oldest first (the last ``limit`` of them; only ``purpose``'s).

        Raises JournalTampered at the first bad record, KeyUnavailable if a key is lost.
        """
        records: list[JournalRecord] = []
        with self._store.guard():
            settle(self._store)
            self._purge(self._store.now())
            for period in self._store.periods():
                opened = self._opened(period)
                if opened is None:
                    continue
                walk = opened[1]
                if walk.problem is not None:
                    p = walk.problem
                    raise JournalTampered(p.message, seq=p.seq, kind=p.kind)
                for seq, payload in walk.payloads:
                    record = _record(seq, payload, period)
                    if purpose is None or record.purpose == purpose:
                        records.append(record)
        if limit is not None:
            records = records[-limit:] if limit > 0 else []
        return records

    def verify(self) -> VerifyReport:
        """Check every record and the checkpoint; name the first bad record and why.

        Raises KeyUnavailable if a period's key is lost (nothing can be checked then).
        """
        with self._store.guard():
            settle(self._store)  # a rewrite a crash cut short is finished, not reported
            total = 0
            walked: dict[str, tuple[fmt.PeriodFile, int]] = {}
            for period in self._store.periods():
                opened = self._opened(period)
                if opened is None:
                    continue
                pf, walk = opened
                total += len(walk.payloads)
                if walk.problem is not None:
                    p = walk.problem
                    return self._report(total, p.message, p.seq, p.kind, period)
                walked[period] = (pf, walk.last_seq)
            problem = self._check_checkpoint(walked, total)
            if problem is not None:
                return self._report(total, *problem)
            return self._report(total, None, None, None, None)

    def _report(
        self,
        records: int,
        problem: str | None,
        bad_seq: int | None,
        kind: str | None,
        period: str | None,
    ) -> VerifyReport:
        return VerifyReport(
            ok=problem is None,
            records=records,
            problem=problem,
            bad_seq=bad_seq,
            kind=kind,
            period=period,
            repaired=tuple(self._store.repaired),
        )

    def _check_checkpoint(
        self, walked: dict[str, tuple[fmt.PeriodFile, int]], total: int
    ) -> tuple[str, int | None, str, str | None] | None:
        """(problem, bad_seq, kind, period) if the files disagree with the checkpoint."""
        ckpt = self._store.checkpoint()
        if ckpt.state == "changed":
            return ("the journal checkpoint was changed", None, "changed", None)
        if ckpt.state != "ok":
            if total == 0:
                return None
            return (
                "the journal checkpoint is missing, so records cut off the end cannot be ruled out",
                None,
                "cut off",
                None,
            )
        for period, entry in sorted(ckpt.entries.items()):
            seq = int(entry.get("seq", 0))
            if period not in walked:
                if seq > 0 and not entry.get("removing"):
                    return (f"journal {period} ({seq} records) is missing", 1, "missing", period)
                continue
            pf, last = walked[period]
            found = checkpoint_problem(entry, pf, last, period)
            if found is not None:
                return (*found, period)
        for period, (_pf, last) in sorted(walked.items()):
            if period not in ckpt.entries and last > 0:
                return (f"journal {period} is not in the checkpoint", None, "changed", period)
        if ckpt.lost:
            period, gone = min(ckpt.lost.items())
            seq = int(gone.get("seq", 0))
            return (f"journal {period} ({seq} records) was removed", 1, "missing", period)
        return None

    # -- retention, erasure, export -----------------------------------------------------------

    def purge_expired(self) -> int:
        """Remove every record older than the retention; destroy the keys that sealed them.

        Months whose records are all too old go whole; the month that straddles the limit is
        rewritten without its old records under a fresh key. Returns how many records went.
        """
        with self._store.guard():
            settle(self._store)
            return self._purge(self._store.now())

    def recover(self) -> list[str]:
        """Finish what a crash cut short (a rewrite, a removal) and destroy orphaned month
        keys; the names of the keys destroyed. For start-up."""
        with self._store.guard():
            settle(self._store)
            return sweep_orphan_keys(self._store)

    def _purge(self, now: datetime) -> int:
        return purge(self._store, self._keys, now, self.retention_days)

    def erase(self, *, purpose: str | None = None) -> int:
        """Erase every record, or only ``purpose``'s; returns how many records went.

        A month holding other purposes too is rewritten without them under a fresh key, and
        the old key is destroyed, so the erased records cannot be recovered from a copy.
        """
        with self._store.guard():
            settle(self._store)
            if purpose is None:
                return erase_all(self._store, self._keys)
            _check_name("purpose", purpose)
            erased = sum(
                erase_purpose(self._store, self._keys, period, purpose)
                for period in self._store.periods()
            )
            self._store.forget_tails()
            return erased

    def export(self, path: Path) -> int:
        """Write every record, decrypted, to ``path`` (0600) as JSON; returns how many.

        ``path`` is a place the user chose (their Documents folder...): its folder must exist
        and keeps its mode; only the file is private.
        """
        records = self.read()
        doc = {
            "format": "onecleaner-journal-export",
            "kind": "journal-export",
            "schema": 1,
            "exported_at": self._store.now().isoformat(timespec="seconds"),
            "retention_days": self.retention_days,
            "records": [r.to_dict() for r in records],
        }
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        write_private_file(path, text.encode("utf-8"))
        return len(records)

    def size(self) -> dict[str, Any]:
        """How much the journal holds: records, bytes on disk, and its months."""
        with self._store.guard():
            periods = self._store.periods()
            records = 0
            size = 0
            for period in periods:
                path = self._store.path(period)
                with contextlib.suppress(FileNotFoundError):
                    size += path.stat().st_size
                pf = self._store.load(period, repair=False)
                records += len(pf.frames) if pf is not None else 0
            return journal_size(records, size, periods, self.retention_days)


__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "ESSENTIAL",
    "Journal",
    "JournalRecord",
    "VerifyReport",
    "journal_size",
]
