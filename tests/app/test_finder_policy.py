"""The finders' policy for the faces: how a finder's plan is removed, and which folders the map
may remove as a unit (never the home, a user folder, or a folder holding one)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from onecleaner.app.finders import finder_mode, plan_folder, unit_refusal
from onecleaner.engine.env import Environment
from onecleaner.engine.finders import FinderKind
from onecleaner.engine.finders.places import FinderPlaces
from onecleaner.engine.model import DeleteMode
from onecleaner.engine.reasons import SkipCode

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX trees")
DAY = 86400.0


def write(path: Path, size: int = 4000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    return path


def places(data_dir: Path, extra: tuple[str, ...] = ()) -> FinderPlaces:
    return FinderPlaces.for_env(Environment.current(), data_dir=data_dir, never_touch=extra)


def test_user_files_always_go_to_the_trash_build_output_as_the_settings_say() -> None:
    for setting in DeleteMode:
        assert finder_mode(FinderKind.LARGE, setting) is DeleteMode.TRASH
        assert finder_mode(FinderKind.OLD, setting) is DeleteMode.TRASH
        assert finder_mode(None, setting) is DeleteMode.TRASH  # a folder of the map
    assert finder_mode(FinderKind.ARTEFACTS, DeleteMode.PERMANENT) is DeleteMode.PERMANENT
    assert finder_mode(FinderKind.ARTEFACTS, DeleteMode.TRASH) is DeleteMode.TRASH


def test_the_home_user_folders_and_what_holds_them_are_never_a_unit(
    isolated_home: Path, data_dir: Path
) -> None:
    home = isolated_home
    (home / "Documents").mkdir()
    (home / "Downloads" / "old").mkdir(parents=True)
    (home / "work" / "docs").mkdir(parents=True)
    (home / "plain").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('XDG_MUSIC_DIR="$HOME/work/docs"\n')
    p = places(data_dir, extra=(str(home / "keep"),))

    def code(path: Path) -> tuple[SkipCode, str] | None:
        reason = unit_refusal(str(path), p)
        return None if reason is None else (reason.code, reason.param("folder"))

    assert code(home) == (SkipCode.REFUSED_IS, "")
    assert code(home.parent) == (SkipCode.REFUSED_HOLDS_HOME, "")
    assert code(home / "Documents") == (SkipCode.REFUSED_IS, "Documents")
    assert code(home / "work" / "docs") == (SkipCode.REFUSED_IS, "Music")
    assert code(home / "work") == (SkipCode.REFUSED_HOLDS, "Music")
    assert code(home / ".config") is not None  # configuration and keys
    assert code(data_dir) is not None
    assert code(home / "keep") is not None  # the user's never-touch list
    # Inside a user folder, and anywhere else in the home, a folder may go as a unit.
    assert code(home / "Downloads" / "old") is None
    assert code(home / "plain") is None


def test_a_folder_is_planned_as_its_files_and_build_output_as_the_folder_itself(
    isolated_home: Path, data_dir: Path
) -> None:
    home = isolated_home
    a = write(home / "stuff" / "a.bin")
    b = write(home / "stuff" / ".hidden" / "b.bin")
    outside = write(home / "keepme" / "c.bin")
    (home / "stuff" / "link-to-c").symlink_to(outside)
    (home / "stuff" / "link-to-keepme").symlink_to(home / "keepme")
    plan = plan_folder(str(home / "stuff"), Environment.current(), data_dir=data_dir)
    assert plan.refused is None and plan.artefact is None
    # Hidden files too (the user asked for the folder); never a link, nor what it leads to.
    assert plan.paths == {str(a), str(b)}
    assert plan.files == 2 and plan.kind is FinderKind.LARGE
    write(home / "web" / "package.json", 100)
    mod = write(home / "web" / "node_modules" / "x" / "i.js")
    later = time.time() + 60 * DAY
    plan = plan_folder(
        str(home / "web" / "node_modules"), Environment.current(), data_dir=data_dir, now=later
    )
    assert plan.artefact is not None and plan.artefact.path == str(home / "web" / "node_modules")
    assert plan.kind is FinderKind.ARTEFACTS and plan.paths == {plan.artefact.path}
    assert plan.files == 1 and mod.exists()  # a plan removes nothing
    # Without its marker, node_modules is just a folder: planned as its files.
    (home / "web" / "package.json").unlink()
    plan = plan_folder(str(home / "web" / "node_modules"), Environment.current(), data_dir=data_dir)
    assert plan.artefact is None and plan.paths == {str(mod)}


def test_a_refused_folder_is_not_searched_and_a_cancelled_plan_says_so(
    isolated_home: Path, data_dir: Path
) -> None:
    write(isolated_home / "Documents" / "cv.pdf")
    plan = plan_folder(str(isolated_home / "Documents"), Environment.current(), data_dir=data_dir)
    assert plan.refused is not None and plan.findings is None and plan.paths == frozenset()
    write(isolated_home / "big" / "sub" / "x.bin")  # the walk checks between folders
    stop = threading.Event()
    stop.set()
    plan = plan_folder(
        str(isolated_home / "big"), Environment.current(), data_dir=data_dir, cancel=stop
    )
    assert plan.cancelled
