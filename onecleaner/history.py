"""The activity history as the History page shows it, and putting a trash-mode clean back.

Qt-free: the journal's records become typed entries (newest first), a clean is recorded with
the list of what it moved to the trash (only under the `history` consent), and a recorded clean
is restored through the engine's checked restore.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from onecleaner.engine.env import Environment
from onecleaner.engine.model import CleanResult, TrashedFile
from onecleaner.engine.restore import RestoreReport, restore_from_trash
from onecleaner.privacy.restore_lists import (
    RestoreEntry,
    RestoreList,
    delete_restore_list,
    load_restore_list,
    prune_restore_lists,
    save_restore_list,
)

#: The journal kinds the History page shows.
KINDS = ("scan", "clean", "quick_clean", "restore")


class Record(Protocol):
    """What a history entry is read from (privacy.journal.JournalRecord)."""

    @property
    def seq(self) -> int: ...
    @property
    def at(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def data(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True, slots=True)
class TargetFigures:
    """What one item of a scan or clean amounted to."""

    files: int
    bytes: int
    trashed_bytes: int = 0  # what its files take in the trash (a trash-mode clean)
    records: int = 0  # browser records


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One scan or clean of the journal, as the History page shows it."""

    seq: int
    at: datetime
    kind: str  # scan | clean | quick_clean | restore
    files: int  # found (scan), removed (clean) or put back (restore)
    bytes: int  # reclaimable (scan) or freed (clean)
    records: int = 0  # browser records found or removed (besides the files)
    trashed_bytes: int = 0  # what the files moved to the trash take there (a trash-mode clean)
    targets: tuple[str, ...] = ()
    per_target: Mapping[str, TargetFigures] = field(default_factory=dict)
    skipped: int = 0
    skip_codes: Mapping[str, int] = field(default_factory=dict)
    skipped_apps: tuple[str, ...] = ()
    cancelled: bool = False
    mode: str = ""  # permanent | trash (cleans)
    clean_id: str = ""  # set when a list of what went to the trash was kept
    trashed: int = 0

    @property
    def is_clean(self) -> bool:
        return self.kind in ("clean", "quick_clean")

    @property
    def to_trash(self) -> bool:
        """A clean that moved its files to the trash (their space is freed when it is emptied)."""
        return self.is_clean and self.mode == "trash"


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def entry_of(record: Record) -> HistoryEntry | None:
    """A journal record as a history entry; None for other records or unreadable ones."""
    if record.kind not in KINDS or record.purpose != "history":
        return None
    try:
        at = datetime.fromisoformat(record.at)
    except ValueError:
        return None
    data = record.data
    per_target: dict[str, TargetFigures] = {}
    raw_per = data.get("per_target")
    if isinstance(raw_per, Mapping):
        for target_id, figures in raw_per.items():
            if isinstance(figures, Mapping):
                per_target[str(target_id)] = TargetFigures(
                    _int(figures.get("files")),
                    _int(figures.get("bytes")),
                    _int(figures.get("trashed_bytes")),
                    _int(figures.get("records")),
                )
    raw_codes = data.get("skip_codes")
    codes = (
        {str(k): _int(v) for k, v in raw_codes.items()} if isinstance(raw_codes, Mapping) else {}
    )
    targets = data.get("targets")
    apps = data.get("skipped_apps")
    return HistoryEntry(
        seq=record.seq,
        at=at,
        kind=record.kind,
        files=_int(data.get("files")),
        bytes=_int(data.get("bytes")),
        records=_int(data.get("records")),
        trashed_bytes=_int(data.get("trashed_bytes")),
        targets=tuple(str(t) for t in targets) if isinstance(targets, list) else (),
        per_target=per_target,
        skipped=_int(data.get("skipped")),
        skip_codes=codes,
        skipped_apps=tuple(str(a) for a in apps) if isinstance(apps, list) else (),
        cancelled=bool(data.get("cancelled", False)),
        mode=str(data.get("mode", "")),
        clean_id=str(data.get("clean_id", "")),
        trashed=_int(data.get("trashed")),
    )


def history_entries(records: Iterable[Record]) -> list[HistoryEntry]:
    """The scans and cleans among journal records, newest first."""
    entries = [e for e in (entry_of(r) for r in records) if e is not None]
    entries.sort(key=lambda e: (e.at, e.seq), reverse=True)
    return entries


def forget_stale_lists(data_dir: Path, entries: Iterable[HistoryEntry]) -> int:
    """Drop the restore lists whose clean is no longer in the journal (retention, erasure)."""
    return prune_restore_lists(data_dir, {e.clean_id for e in entries if e.clean_id})


class Recorder(Protocol):
    """The privacy service's part that records activity (privacy.service.PrivacyService)."""

    def record_activity(self, kind: str, summary: Mapping[str, object]) -> bool: ...
    def collection_stopped(self) -> bool: ...
    def is_granted(self, purpose: Any) -> bool: ...


def record_clean(privacy: Recorder, data_dir: Path, kind: str, result: CleanResult) -> bool:
    """Journal a clean (under `history`); a trash-mode clean keeps a list to restore it from.

    True when recorded. Without consent nothing is kept: neither the record nor the list.
    """
    from onecleaner.privacy.consent import Purpose

    summary = result.activity()
    clean_id = ""
    keep_list = (
        bool(result.trashed)
        and not result.dry_run
        and privacy.is_granted(Purpose.HISTORY)
        and not privacy.collection_stopped()
    )
    if keep_list:
        clean_id = uuid.uuid4().hex
        entries = tuple(
            RestoreEntry(t.target_id, t.trash_name, t.deleted_at) for t in result.trashed
        )
        restore = RestoreList(clean_id, result.trash_folder, entries, dict(result.trash_roots))
        save_restore_list(data_dir, restore)
        summary["clean_id"] = clean_id
    try:
        recorded = privacy.record_activity(kind, summary)
    except BaseException:
        if clean_id:
            delete_restore_list(data_dir, clean_id)
        raise
    if clean_id and not recorded:
        delete_restore_list(data_dir, clean_id)
    return recorded


def can_restore(data_dir: Path, entry: HistoryEntry) -> bool:
    """Whether a clean's list of trashed files is still kept (the page offers Restore)."""
    return bool(entry.clean_id) and load_restore_list(data_dir, entry.clean_id) is not None


class NothingToRestore(Exception):
    """The clean's list is gone (restored already, retention, or erased)."""


def restore_clean(
    data_dir: Path, clean_id: str, env: Environment, catalog: Any
) -> RestoreReport:
    """Put a recorded clean's files back from the trash; the list keeps what is left there.

    Each file goes back only inside its own item's folders as they are on this machine now: a
    target's as the catalog finds them, a finder's those it was cleaned from that the finders
    may still search.
    """
    from onecleaner.engine.finders.clean import restore_roots
    from onecleaner.engine.finders.found import FinderKind
    from onecleaner.engine.guard import Guard
    from onecleaner.engine.planfile import current_roots

    listed = load_restore_list(data_dir, clean_id)
    if listed is None:
        raise NothingToRestore(clean_id)
    guard = Guard.for_env(env, data_dir)
    roots: dict[str, tuple[str, ...]] = {}
    for target_id in {e.target_id for e in listed.entries}:
        if FinderKind.of_target(target_id) is not None:
            roots[target_id] = restore_roots(listed.roots.get(target_id, ()), env, data_dir)
            continue
        try:
            roots[target_id] = current_roots(catalog.target(target_id), env, guard=guard)
        except Exception:  # an item the catalog no longer has: nowhere to put its files
            roots[target_id] = ()
    items = [TrashedFile(e.target_id, e.trash_name, e.deleted_at) for e in listed.entries]
    report = restore_from_trash(listed.trash_folder, items, roots)
    left = {i.trash_name for i in report.still_in_trash}
    remaining = tuple(e for e in listed.entries if e.trash_name in left)
    if remaining:
        left_list = RestoreList(clean_id, listed.trash_folder, remaining, listed.roots)
        save_restore_list(data_dir, left_list)
    else:
        delete_restore_list(data_dir, clean_id)
    return report


def restore_summary(clean_id: str, report: RestoreReport) -> dict[str, object]:
    """What the journal keeps of a restore: counts by outcome, never a path or a name."""
    counts: dict[str, int] = {}
    for item in report.items:
        counts[item.outcome.value] = counts.get(item.outcome.value, 0) + 1
    return {"clean_id": clean_id, "files": report.restored, "outcomes": counts}
