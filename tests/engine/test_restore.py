"""Putting a trash-mode clean back from a real freedesktop trash in the temporary home: what comes
back, what stays in the trash and why, and what is never written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, target, write

from onecleaner.engine.clean import clean
from onecleaner.engine.model import CleanResult, DeleteMode, Target, TrashedFile
from onecleaner.engine.restore import Outcome, parse_trashinfo, restore_from_trash
from onecleaner.engine.scan import ScanOptions, scan

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the freedesktop trash is Linux's")


def _trash_clean(t: Target) -> CleanResult:
    cat = catalog(app("t", "Test", [t]))
    plan = scan([t], env(), catalog=cat, options=ScanOptions(), probe=FakeProbe())
    return clean(plan, env(), catalog=cat, mode=DeleteMode.TRASH, probe=FakeProbe())


@pytest.fixture
def root(isolated_home: Path) -> Path:
    return isolated_home / ".cache" / "app"


def _roots(root: Path) -> dict[str, tuple[str, ...]]:
    return {"t.cache": (os.path.realpath(root),)}


def test_a_trash_clean_records_each_file_and_restore_puts_all_back(
    isolated_home: Path, root: Path
) -> None:
    files = {
        write(root / "a", b"first"): b"first",
        write(root / "deep" / "er" / "a", b"second"): b"second",  # same name in the trash
    }
    result = _trash_clean(target("t.cache", root))
    assert result.files == 2 and len(result.trashed) == 2
    trash = isolated_home / ".local" / "share" / "Trash"
    assert result.trash_folder == str(trash)
    assert not (root / "deep").exists()  # the emptied folders were pruned
    assert {t.trash_name for t in result.trashed} == {"a", "a.2"}

    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    assert [i.outcome for i in report.items] == [Outcome.RESTORED, Outcome.RESTORED]
    assert report.restored == 2 and report.still_in_trash == ()
    for path, content in files.items():
        assert path.read_bytes() == content
    assert list((trash / "files").iterdir()) == []
    assert list((trash / "info").iterdir()) == []


def test_a_file_that_is_back_at_its_place_is_never_replaced(root: Path) -> None:
    path = write(root / "settings.cache", b"old")
    result = _trash_clean(target("t.cache", root))
    path.write_bytes(b"made again by its program")
    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    (item,) = report.items
    assert item.outcome is Outcome.EXISTS and item.path == str(path)
    assert path.read_bytes() == b"made again by its program"
    assert report.still_in_trash == (item,)  # the old one waits in the trash
    trashed = Path(result.trash_folder) / "files" / result.trashed[0].trash_name
    assert trashed.read_bytes() == b"old"


def test_a_reused_trash_name_is_not_this_cleans_file(isolated_home: Path, root: Path) -> None:
    write(root / "a", b"cleaned")
    result = _trash_clean(target("t.cache", root))
    trash = Path(result.trash_folder)
    # The user empties the trash; another "a" is trashed later under the same name.
    (trash / "files" / "a").write_bytes(b"someone else's")
    info = (trash / "info" / "a.trashinfo").read_text()
    (trash / "info" / "a.trashinfo").write_text(
        info.replace(result.trashed[0].deleted_at, "2001-02-03T04:05:06")
    )
    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    assert report.items[0].outcome is Outcome.NOT_THIS_CLEAN
    assert not (root / "a").exists()
    assert (trash / "files" / "a").read_bytes() == b"someone else's"


def test_a_trashinfo_pointing_elsewhere_writes_nothing_there(
    isolated_home: Path, root: Path
) -> None:
    write(root / "a", b"cache")
    result = _trash_clean(target("t.cache", root))
    info_file = Path(result.trash_folder) / "info" / "a.trashinfo"
    elsewhere = isolated_home / "Documents" / "a"
    info_file.write_text(info_file.read_text().replace(str(root / "a"), str(elsewhere)))
    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    assert report.items[0].outcome is Outcome.OUTSIDE
    assert not elsewhere.exists() and not elsewhere.parent.exists()
    # And a ".." that would climb out of the item's folder is refused the same way.
    info_file.write_text(
        info_file.read_text().replace(str(elsewhere), str(root / ".." / ".." / "Documents" / "a"))
    )
    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    assert report.items[0].outcome is Outcome.OUTSIDE
    assert not elsewhere.exists()


def test_a_folder_swapped_for_a_link_is_not_followed(tmp_path: Path, root: Path) -> None:
    write(root / "sub" / "a", b"cache")
    result = _trash_clean(target("t.cache", root))
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "sub").symlink_to(outside, target_is_directory=True)  # pruned folder, now a link
    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    assert report.items[0].outcome is Outcome.UNSAFE
    assert list(outside.iterdir()) == []
    assert report.still_in_trash == report.items


def test_files_gone_from_the_trash_are_reported_gone(root: Path) -> None:
    write(root / "a")
    result = _trash_clean(target("t.cache", root))
    trash = Path(result.trash_folder)
    for sub in ("files", "info"):
        for p in (trash / sub).iterdir():
            p.unlink()  # the user emptied the trash
    report = restore_from_trash(result.trash_folder, result.trashed, _roots(root))
    assert report.items[0].outcome is Outcome.GONE
    assert report.still_in_trash == ()
    lost = TrashedFile("t.cache", "a", "x")
    assert restore_from_trash(str(root / "no-trash"), [lost], {}).items[0].outcome is Outcome.GONE


def test_a_file_of_another_item_goes_only_into_that_items_folders(root: Path) -> None:
    write(root / "a")
    result = _trash_clean(target("t.cache", root))
    report = restore_from_trash(result.trash_folder, result.trashed, {"other.cache": ("/",)})
    assert report.items[0].outcome is Outcome.OUTSIDE
    assert not (root / "a").exists()


def test_trashinfo_parsing() -> None:
    ok = b"[Trash Info]\nPath=/home/u/.cache/a%20b%E4%B8%AD\nDeletionDate=2026-01-02T03:04:05\n"
    assert parse_trashinfo(ok) == ("/home/u/.cache/a b中", "2026-01-02T03:04:05")
    assert parse_trashinfo(b"Path=/x\nDeletionDate=y\n") is None  # no group header
    assert parse_trashinfo(b"[Trash Info]\nPath=/x\n") is None
    assert parse_trashinfo(b"\xff\xfe") is None
