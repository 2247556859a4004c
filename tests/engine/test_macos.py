"""macOS, simulated here: moves to the trash by path are checked first, and names compare as
APFS compares them (case and Unicode normalisation ignored)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, paths_of, reasons, rule, write

from onecleaner.engine import fsops
from onecleaner.engine.clean import clean
from onecleaner.engine.env import Environment
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS, DeleteMode, PathRule, Risk, Target
from onecleaner.engine.paths import folding
from onecleaner.engine.reasons import Place, Reason, SkipCode
from onecleaner.engine.recheck import ProtectedPlaces
from onecleaner.engine.scan import ScanOptions, scan

NFC = unicodedata.normalize("NFC", "Café")
NFD = unicodedata.normalize("NFD", "Café")


def mac_target(tid: str, *rules: PathRule) -> Target:
    return Target(tid, tid.split(".")[0], tid, tid, Risk.SAFE, {OS.MACOS: rules})


def mac() -> Environment:
    return env(os=OS.MACOS)


@pytest.fixture
def fake_send2trash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """send2trash replaced by a move into tmp_path/Trash (what macOS's Finder trash does)."""
    import send2trash

    trash = tmp_path / "Trash"
    trash.mkdir()
    moved: list[str] = []

    def move(path: str) -> None:
        moved.append(path)
        os.rename(path, trash / f"{len(moved)}-{os.path.basename(path)}")

    monkeypatch.setattr(send2trash, "send2trash", move)
    return moved


def test_a_folder_swapped_for_a_link_just_before_the_move_to_the_trash_is_refused(
    isolated_home: Path, fake_send2trash: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / "Library" / "Caches" / "app"
    first = write(root / "a" / "first.bin")
    write(root / "b" / "report.txt", "cache")
    chapter = write(isolated_home / "Documents" / "report.txt", "Chapter one")
    t = mac_target("app.cache", rule(root))
    cat = catalog(app("app", "App", [t]))
    plan = scan([t], mac(), catalog=cat, probe=FakeProbe())
    assert paths_of(plan) == {str(first), str(root / "b" / "report.txt")}

    real_path_of = fsops.FdCursor.path_of

    def swap_then_path(cursor: fsops.FdCursor, name: str) -> str:
        # After the clean checked b/report.txt through its folder's descriptor, b becomes a
        # link to Documents: the move by path would now reach the user's file.
        if name == "report.txt" and not (root / "b").is_symlink():
            os.rename(root / "b", root / "b-old")
            (root / "b").symlink_to(chapter.parent)
        return real_path_of(cursor, name)

    monkeypatch.setattr(fsops.FdCursor, "path_of", swap_then_path)
    result = clean(plan, mac(), catalog=cat, probe=FakeProbe(), mode=DeleteMode.TRASH)
    assert chapter.read_text() == "Chapter one"
    assert fake_send2trash == [str(first)]
    assert reasons(result.skipped) == {
        str(root / "b" / "report.txt"): "could not move to the trash: a folder on its path was "
        "replaced by a link or moved since the scan (not followed)"
    }


def test_a_file_replaced_just_before_the_move_to_the_trash_is_refused(
    isolated_home: Path, fake_send2trash: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / "Library" / "Caches" / "app"
    cached = write(root / "cached.bin")
    chapter = write(isolated_home / "Documents" / "ch1.txt", "Chapter one")
    t = mac_target("app.cache", rule(root))
    cat = catalog(app("app", "App", [t]))
    plan = scan([t], mac(), catalog=cat, probe=FakeProbe())

    real_path_of = fsops.FdCursor.path_of

    def replace_then_path(cursor: fsops.FdCursor, name: str) -> str:
        if not cached.is_symlink():
            cached.unlink()
            cached.symlink_to(chapter)
        return real_path_of(cursor, name)

    monkeypatch.setattr(fsops.FdCursor, "path_of", replace_then_path)
    result = clean(plan, mac(), catalog=cat, probe=FakeProbe(), mode=DeleteMode.TRASH)
    assert fake_send2trash == [] and cached.is_symlink() and chapter.exists()
    assert reasons(result.skipped) == {
        str(cached): "could not move to the trash: changed since the scan"
    }
    assert result.files == 0


def test_an_unchanged_file_goes_to_the_trash_by_path(
    isolated_home: Path, fake_send2trash: list[str]
) -> None:
    root = isolated_home / "Library" / "Caches" / "app"
    cached = write(root / "cached.bin")
    t = mac_target("app.cache", rule(root))
    cat = catalog(app("app", "App", [t]))
    plan = scan([t], mac(), catalog=cat, probe=FakeProbe())
    result = clean(plan, mac(), catalog=cat, probe=FakeProbe(), mode=DeleteMode.TRASH)
    assert fake_send2trash == [str(cached)] and not cached.exists()
    assert result.trashed_files == 1 and result.bytes == 0


def test_never_touch_places_compare_ignoring_case_and_unicode_normalisation() -> None:
    e = Environment(os=OS.MACOS, home="/Users/ann")
    g = Guard.for_env(e, data_dir=Path("/Users/ann/d"), extra=(f"~/Library/Caches/{NFC}",))
    assert g.refusal(f"/Users/ann/library/caches/{NFD.upper()}/x") is not None
    assert g.refusal("/Users/ann/library/caches/Cafe") is None
    assert g.refusal(f"/Users/ann/DOCUMENTS/{NFD}") is not None
    # Linux names are bytes: NFC and NFD are two different folders there.
    linux = Guard.for_env(
        Environment(os=OS.LINUX, home="/home/ann"),
        data_dir=Path("/home/ann/d"),
        extra=(f"~/.cache/{NFC}",),
    )
    assert linux.refusal(f"/home/ann/.cache/{NFD}") is None


def test_protected_places_of_a_clean_compare_as_macos_does() -> None:
    e = Environment(os=OS.MACOS, home="/Users/ann")
    g = Guard.for_env(e, data_dir=Path("/Users/ann/d"), extra=(f"~/Library/Caches/{NFC}",))
    places = ProtectedPlaces(g.protected, folding(OS.MACOS), "/")
    never = Reason.of(SkipCode.PROTECTED, place=Place.NEVER_TOUCH.value)
    assert places.above(f"/Users/ann/Library/CACHES/{NFD}/sub", "/") == never
    assert places.named_in("/users/ann/library/caches") == {folding(OS.MACOS)(NFC): never}  # type: ignore[misc]
    assert places.above("/Users/ann/Library/Caches/other", "/") is None


def test_the_walk_stops_at_a_never_touch_folder_spelled_differently_on_disk(
    isolated_home: Path,
) -> None:
    root = isolated_home / "Library" / "Caches"
    kept = write(root / NFD.upper() / "notes.txt")
    junk = write(root / "junk.bin")
    t = mac_target("system.cache", rule(root))
    options = ScanOptions(never_touch=(f"~/Library/Caches/{NFC}",))
    plan = scan([t], mac(), catalog=catalog(), options=options, probe=FakeProbe())
    assert paths_of(plan) == {str(junk)}
    assert str(kept) not in paths_of(plan)


def test_a_clean_keeps_what_was_put_on_the_never_touch_list_in_another_spelling(
    isolated_home: Path,
) -> None:
    root = isolated_home / "Library" / "Caches"
    folder_file = write(root / NFD / "draft.txt")
    single = write(root / "app" / "notes.txt")
    junk = write(root / "junk.bin")
    t = mac_target("system.cache", rule(root))
    cat = catalog(app("system", "System", [t]))
    plan = scan([t], mac(), catalog=cat, probe=FakeProbe())
    assert paths_of(plan) == {str(folder_file), str(single), str(junk)}
    never = (f"~/library/caches/{NFC.upper()}", "~/Library/Caches/APP/Notes.TXT")
    result = clean(plan, mac(), catalog=cat, probe=FakeProbe(), never_touch=never)
    assert folder_file.exists() and single.exists() and not junk.exists()
    assert set(reasons(result.skipped).values()) == {"never cleaned: your never-touch list"}
