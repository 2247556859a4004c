"""The history as the History page reads it, and a trash-mode clean recorded and put back: only
with the history consent, never a path or a name in the journal, lists gone with the consent."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from onecleaner.engine.clean import clean
from onecleaner.engine.finders.clean import clean_found
from onecleaner.engine.finders.files import find_large
from onecleaner.engine.model import CleanResult, DeleteMode
from onecleaner.engine.restore import Outcome
from onecleaner.engine.scan import ScanOptions, scan
from onecleaner.history import (
    HistoryEntry,
    NothingToRestore,
    can_restore,
    forget_stale_lists,
    history_entries,
    record_clean,
    restore_clean,
)
from onecleaner.privacy.consent import Purpose, Way
from onecleaner.privacy.restore_lists import RESTORE_DIR, restore_list_ids
from onecleaner.privacy.service import PrivacyService
from tests.engine.engine_kit import FakeProbe, app, catalog, env, target, write

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the freedesktop trash is Linux's")


def _trash_clean(root: Path):  # type: ignore[no-untyped-def]
    t = target("t.cache", root)
    cat = catalog(app("t", "Test", [t]))
    plan = scan([t], env(), catalog=cat, options=ScanOptions(), probe=FakeProbe())
    return cat, clean(plan, env(), catalog=cat, mode=DeleteMode.TRASH, probe=FakeProbe())


@pytest.fixture
def privacy(data_dir: Path) -> PrivacyService:
    return PrivacyService(data_dir)


def _trash_large_files(
    privacy: PrivacyService, data_dir: Path, folder: Path
) -> tuple[CleanResult, HistoryEntry]:
    """Find the large files in `folder`, clean what was found (to the trash), record it."""
    found = find_large(str(folder), env(), probe=FakeProbe())
    result = clean_found(found.plan(), env(), catalog=catalog(), probe=FakeProbe())
    assert record_clean(privacy, data_dir, "clean", result)
    (entry,) = history_entries(privacy.log_records())
    return result, entry


@linux_only
def test_without_history_consent_nothing_is_kept(
    privacy: PrivacyService, data_dir: Path, isolated_home: Path
) -> None:
    write(isolated_home / ".cache" / "app" / "a")
    _cat, result = _trash_clean(isolated_home / ".cache" / "app")
    assert record_clean(privacy, data_dir, "clean", result) is False
    assert privacy.log_records() == []
    assert restore_list_ids(data_dir) == set()


@linux_only
def test_a_trash_clean_is_recorded_without_names_and_put_back(
    privacy: PrivacyService, data_dir: Path, isolated_home: Path
) -> None:
    privacy.grant(Purpose.HISTORY, Way.GUI)
    root = isolated_home / ".cache" / "app"
    kept = write(root / "private-report-name.bin", b"one")
    back = write(root / "sub" / "other.bin", b"two")
    cat, result = _trash_clean(root)
    assert record_clean(privacy, data_dir, "clean", result)

    (record,) = privacy.log_records()
    assert "private-report-name" not in json.dumps(record.to_dict())
    assert "Trash" not in json.dumps(record.to_dict())
    (entry,) = history_entries(privacy.log_records())
    assert entry.kind == "clean" and entry.mode == "trash" and entry.files == 2
    assert entry.per_target["t.cache"].files == 2
    assert entry.clean_id and can_restore(data_dir, entry)
    listed = data_dir / RESTORE_DIR / f"{entry.clean_id}.json"
    assert listed.stat().st_mode & 0o777 == 0o600

    kept.write_bytes(b"made again")  # one file is back at its place: it stays in the trash
    report = restore_clean(data_dir, entry.clean_id, env(), cat)
    assert report.restored == 1
    assert [i.outcome for i in report.still_in_trash] == [Outcome.EXISTS]
    assert back.read_bytes() == b"two" and kept.read_bytes() == b"made again"
    assert can_restore(data_dir, entry)  # the list keeps what is left in the trash

    kept.unlink()  # the user moves the new one away: the old one can come back now
    report = restore_clean(data_dir, entry.clean_id, env(), cat)
    assert report.restored == 1 and kept.read_bytes() == b"one"
    assert not can_restore(data_dir, entry)  # nothing left: the list is gone
    with pytest.raises(NothingToRestore):
        restore_clean(data_dir, entry.clean_id, env(), cat)


@linux_only
def test_files_a_finder_moved_to_the_trash_go_back_only_into_the_folder_it_searched(
    privacy: PrivacyService, data_dir: Path, isolated_home: Path
) -> None:
    """Large and old files are the user's own: their move to the trash can be undone too."""
    privacy.grant(Purpose.HISTORY, Way.GUI)
    downloads = isolated_home / "Downloads"
    movie = write(downloads / "films" / "movie.mkv", b"m" * 200_000)
    disk = write(downloads / "disk.iso", b"d" * 300_000)
    result, entry = _trash_large_files(privacy, data_dir, downloads)
    assert result.mode is DeleteMode.TRASH and result.trashed_files == 2
    assert not movie.exists() and not disk.exists()
    assert entry.clean_id and can_restore(data_dir, entry)

    report = restore_clean(data_dir, entry.clean_id, env(), catalog())
    assert report.restored == 2
    assert movie.read_bytes() == b"m" * 200_000 and disk.read_bytes() == b"d" * 300_000
    assert not can_restore(data_dir, entry)


@linux_only
def test_a_finder_restore_never_puts_files_back_into_a_folder_it_may_not_search(
    privacy: PrivacyService, data_dir: Path, isolated_home: Path
) -> None:
    privacy.grant(Purpose.HISTORY, Way.GUI)
    downloads = isolated_home / "Downloads"
    disk = write(downloads / "disk.iso", b"d" * 300_000)
    _, entry = _trash_large_files(privacy, data_dir, downloads)
    listed = data_dir / RESTORE_DIR / f"{entry.clean_id}.json"
    doc = json.loads(listed.read_text())
    assert doc["roots"] == {"find:large": [str(downloads)]}
    # A list edited to name a place the finders refuse (the top of the disk, the data folder...):
    for refused in ("/", str(data_dir), "/etc", str(downloads) + "/../Downloads"):
        doc["roots"] = {"find:large": [refused]}
        listed.write_text(json.dumps(doc))
        report = restore_clean(data_dir, entry.clean_id, env(), catalog())
        assert report.restored == 0 and not disk.exists()
    doc["roots"] = {"find:large": [str(downloads)]}
    listed.write_text(json.dumps(doc))
    assert can_restore(data_dir, entry)  # still in the trash, still listed
    assert restore_clean(data_dir, entry.clean_id, env(), catalog()).restored == 1
    assert disk.exists()


@linux_only
def test_withdrawing_history_or_forgetting_erases_the_lists(
    privacy: PrivacyService, data_dir: Path, isolated_home: Path
) -> None:
    privacy.grant(Purpose.HISTORY, Way.GUI)
    write(isolated_home / ".cache" / "app" / "a")
    _cat, result = _trash_clean(isolated_home / ".cache" / "app")
    record_clean(privacy, data_dir, "clean", result)
    assert restore_list_ids(data_dir)
    erased = privacy.withdraw(Purpose.HISTORY, Way.GUI)
    assert restore_list_ids(data_dir) == set()
    assert any("trash" in e for e in erased)

    privacy.grant(Purpose.HISTORY, Way.GUI)
    write(isolated_home / ".cache" / "app" / "b")
    _cat, result = _trash_clean(isolated_home / ".cache" / "app")
    record_clean(privacy, data_dir, "clean", result)
    assert restore_list_ids(data_dir)
    privacy.forget()
    assert not (data_dir / RESTORE_DIR).exists()


@linux_only
def test_a_list_whose_record_is_gone_is_dropped(
    privacy: PrivacyService, data_dir: Path, isolated_home: Path
) -> None:
    privacy.grant(Purpose.HISTORY, Way.GUI)
    write(isolated_home / ".cache" / "app" / "a")
    _cat, result = _trash_clean(isolated_home / ".cache" / "app")
    record_clean(privacy, data_dir, "clean", result)
    entries = history_entries(privacy.log_records())
    assert forget_stale_lists(data_dir, entries) == 0
    assert forget_stale_lists(data_dir, []) == 1  # the journal lost it (retention)
    assert restore_list_ids(data_dir) == set()


def test_entries_are_newest_first_and_tolerate_odd_records() -> None:
    from onecleaner.privacy.journal import JournalRecord

    def rec(seq: int, at: str, kind: str, data: dict[str, object], purpose: str = "history"):  # type: ignore[no-untyped-def]
        return JournalRecord(seq, at, kind, purpose, kind, data)

    records = [
        rec(1, "2026-03-01T10:00:00+00:00", "scan", {"files": 5, "bytes": 500}),
        rec(2, "2026-03-02T10:00:00+00:00", "clean", {"files": "x", "skip_codes": {"in_use": 2}}),
        rec(3, "2026-03-03T10:00:00+00:00", "error", {}, purpose="essential"),
        rec(4, "not a time", "scan", {}),
        rec(5, "2026-03-04T10:00:00+00:00", "quick_clean", {"files": 1, "per_target": "?"}),
    ]
    entries = history_entries(records)
    assert [e.seq for e in entries] == [5, 2, 1]
    assert entries[1].files == 0 and entries[1].skip_codes == {"in_use": 2}
    assert entries[0].per_target == {}
    assert os.path.sep not in repr(entries)
