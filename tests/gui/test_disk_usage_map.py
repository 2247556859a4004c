"""The Disk usage page's map: the walk on a worker (progress, cancel), the treemap and the folder
list in step, drilling in and out, hover details, and a folder's menu (move to the trash through
the confirmation, refused for the user's own folders, open)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

import onecleaner.engine.finders.usage_procs as usage_procs
import onecleaner.gui.jobs.finders as finder_jobs
from onecleaner.engine.finders import UsageNode, UsageProgress
from onecleaner.gui.pages.clean.confirm import confirmation_text
from onecleaner.gui.pages.disk_usage.folder_list import FolderListModel
from onecleaner.gui.shell import MainWindow
from onecleaner.gui.units import human_size
from onecleaner.gui.widgets.treemap import Tile, TileKind, share_text

TIMEOUT = 20_000
pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),  # offscreen Qt only
    pytest.mark.skipif(os.name != "posix", reason="POSIX trees and the freedesktop trash"),
]


def write(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))  # real blocks: the map counts what files take on disk
    return path


def du(path: Path) -> int:
    out = subprocess.run(["du", "-sB1", "--one-file-system", str(path)], capture_output=True)
    return int(out.stdout.split()[0])


def trashed(home: Path) -> set[str]:
    files = home / ".local" / "share" / "Trash" / "files"
    return {p.name for p in files.iterdir()} if files.exists() else set()


@pytest.fixture
def home(isolated_home: Path) -> Path:
    """A home with videos, projects (one with node_modules), documents and an old folder; the
    app's own parsed catalog (about 0.5 MB in ~/.cache) ranks below projects."""
    h = isolated_home
    write(h / "Videos" / "holiday.mp4", 900_000)
    write(h / "projects" / "shop" / "package.json", 300)
    write(h / "projects" / "shop" / "src" / "app.js", 4_000)
    for i in range(6):
        write(h / "projects" / "shop" / "node_modules" / f"lib{i}" / "index.js", 120_000)
    write(h / "projects" / "notes" / "readme.md", 9_000)
    write(h / "Documents" / "thesis.pdf", 120_000)
    write(h / "old-stuff" / "a.bin", 50_000)
    write(h / "old-stuff" / "deep" / "b.bin", 30_000)
    write(h / "todo.txt", 2_000)
    return h


@pytest.fixture
def window(shell_window: MainWindow) -> Iterator[MainWindow]:
    shell_window.resize(1200, 760)
    shell_window.show()
    shell_window.open_page("disk")
    yield shell_window


def walk(qtbot: QtBot, window: MainWindow) -> Any:
    page = window.page("disk")
    with qtbot.waitSignal(page.map_tab.runner.finished, timeout=TIMEOUT):
        assert page.map_tab.scan()
    return page.map_tab


def rows(tab: Any) -> list[tuple[str, str, str, str]]:
    model: FolderListModel = tab.model
    return [
        tuple(model.data(model.index(r, c)) for c in range(4))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def centre(tile: Tile) -> QPoint:
    return QPoint(int(tile.box.x + tile.box.w / 2), int(tile.box.y + tile.box.h / 2))


def top_tiles(tab: Any) -> list[Tile]:
    return [t for t in tab.treemap.tiles() if t.depth == 0 and t.kind is TileKind.FOLDER]


def test_the_map_and_the_list_show_each_folder_as_du_counts_it(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    tab = walk(qtbot, window)
    assert tab.status.text() == "Scan finished."
    total = du(home)
    assert tab.total.text().startswith(f"{human_size(total)} in ")
    assert tab.breadcrumb.steps() == ["~"]
    listed = {name: (size, share) for name, size, share, _ in rows(tab)}
    for name in ("Videos", "projects", "Documents", "old-stuff"):
        assert listed[name] == (human_size(du(home / name)), share_text(du(home / name), total))
    assert "(files in this folder)" in listed  # todo.txt: the files directly in the home
    # The list starts largest first, as the treemap lays its tiles out.
    sizes = [r.bytes for r in tab.model.rows()]
    assert sizes == sorted(sizes, reverse=True)
    tiles = top_tiles(tab)
    assert [t.path[0] for t in tiles][:2] == ["Videos", "projects"]
    area = tab.treemap.width() * tab.treemap.height()
    videos = tiles[0]
    assert abs(videos.box.w * videos.box.h / area - du(home / "Videos") / total) < 1e-6
    # Labels where they fit: the largest tile shows its name and size.
    assert tab.treemap.label_lines(videos) == ["Videos", human_size(du(home / "Videos"))]


@pytest.mark.skipif(sys.platform != "linux", reason="Windows and macOS spawn their workers")
def test_the_windows_walk_runs_in_worker_processes_forked_from_a_server(
    qtbot: QtBot,
    window: MainWindow,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The window runs threads, so its workers fork from a clean server, never from it."""
    monkeypatch.setenv("ONECLEANER_PROCESSES", "2")
    started: list[str] = []
    real = usage_procs._context

    def noted() -> Any:
        context = real()
        started.append(context.get_start_method())
        return context

    monkeypatch.setattr(usage_procs, "_context", noted)
    with caplog.at_level(logging.WARNING):
        tab = walk(qtbot, window)
    assert started == ["forkserver"]
    assert "in this process" not in caplog.text  # the workers did the walk
    assert tab.total.text().startswith(f"{human_size(du(home))} in ")


def test_click_drills_in_backspace_and_the_breadcrumb_come_back_out(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    tab = walk(qtbot, window)
    treemap = tab.treemap
    projects = treemap.tile_of(("projects",))
    assert projects is not None and projects.nested  # its subfolders are drawn inside it
    # A click on its name strip opens it.
    strip = QPoint(int(projects.box.x + 12), int(projects.box.y + 6))
    qtbot.mouseClick(treemap, Qt.MouseButton.LeftButton, pos=strip)
    assert tab.breadcrumb.steps() == ["~", "projects"]
    assert [r[0] for r in rows(tab)] == ["shop", "notes"]
    assert tab.total.text().startswith(human_size(du(home / "projects")))
    # A click on a folder drawn inside another opens that one.
    modules = treemap.tile_of(("shop", "node_modules"))
    assert modules is not None and modules.depth == 1
    qtbot.mouseClick(treemap, Qt.MouseButton.LeftButton, pos=centre(modules))
    assert tab.breadcrumb.steps() == ["~", "projects", "shop", "node_modules"]
    assert [r[0] for r in rows(tab)] == [f"lib{i}" for i in range(6)]
    # Backspace goes back up, with the folder it came from picked in both views.
    treemap.setFocus()
    qtbot.keyClick(treemap, Qt.Key.Key_Backspace)
    assert tab.breadcrumb.steps() == ["~", "projects", "shop"]
    assert treemap.current() == ("node_modules",)
    assert tab.list.currentIndex().row() == tab.model.row_of("node_modules")
    qtbot.keyClick(treemap, Qt.Key.Key_Backspace)
    assert treemap.current() == ("shop",)
    # The breadcrumb's first step goes to the top.
    tab.breadcrumb.buttons()[0].click()
    assert tab.breadcrumb.steps() == ["~"]
    assert treemap.current() == ("projects",)
    # Enter in the list opens the picked row's folder; the treemap follows the list.
    tab.list.setFocus()
    tab.list.selectRow(tab.model.row_of("Videos"))
    assert treemap.current() == ("Videos",)
    tab.list.selectRow(tab.model.row_of("projects"))
    qtbot.keyClick(tab.list, Qt.Key.Key_Return)
    assert tab.breadcrumb.steps() == ["~", "projects"]


def test_arrows_pick_tiles_and_enter_opens_the_picked_one(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    tab = walk(qtbot, window)
    treemap = tab.treemap
    treemap.setFocus()
    qtbot.keyClick(treemap, Qt.Key.Key_Right)
    assert treemap.current() == ("Videos",)
    assert tab.list.currentIndex().row() == tab.model.row_of("Videos")
    qtbot.keyClick(treemap, Qt.Key.Key_Right)
    assert treemap.current() == ("projects",)
    qtbot.keyClick(treemap, Qt.Key.Key_Return)
    assert tab.breadcrumb.steps() == ["~", "projects"]


def test_the_list_sorts_by_any_column(qtbot: QtBot, window: MainWindow, home: Path) -> None:
    tab = walk(qtbot, window)
    tab.list.sortByColumn(FolderListModel.NAME, Qt.SortOrder.AscendingOrder)
    names = [r[0] for r in rows(tab)]
    folders = [n for n in names if not n.startswith("(")]
    assert folders == sorted(folders, key=str.casefold)
    assert names[-1] == "(files in this folder)"
    tab.list.sortByColumn(FolderListModel.FILES, Qt.SortOrder.DescendingOrder)
    files = [r.files for r in tab.model.rows()]
    assert files == sorted(files, reverse=True)
    # The treemap still picks by name whatever the order.
    tab.list.selectRow(tab.model.row_of("Documents"))
    assert tab.treemap.current() == ("Documents",)


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen Qt: the tooltip window
def test_hovering_a_tile_tells_its_path_size_share_and_files(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    tab = walk(qtbot, window)
    treemap = tab.treemap
    videos = treemap.tile_of(("Videos",))
    assert videos is not None
    where = centre(videos)
    QApplication.sendEvent(
        treemap, QHelpEvent(QEvent.Type.ToolTip, where, treemap.mapToGlobal(where))
    )
    shown = QToolTip.text()
    size = du(home / "Videos")
    assert shown.splitlines() == [
        str(home / "Videos"),
        f"{human_size(size)} — {share_text(size, du(home))} of home",
        "1 file",
    ]
    files = next(t for t in treemap.tiles() if t.kind is TileKind.FILES and t.depth == 0)
    assert treemap.describe(files).startswith(f"Files directly in {home}")


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen
def test_a_right_click_offers_move_to_trash_and_open(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    tab = walk(qtbot, window)
    seen: list[list[str]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(50, read_menu)
            return
        seen.append([a.text() for a in menu.actions() if a.isEnabled()])
        menu.close()

    QTimer.singleShot(50, read_menu)
    tile = tab.treemap.tile_of(("Videos",))
    assert tile is not None
    qtbot.mouseClick(tab.treemap, Qt.MouseButton.RightButton, pos=centre(tile))
    assert seen == [["Move to &trash…", "&Open folder"]]
    assert tab.treemap.current() == ("Videos",)
    # The files directly in a folder are no unit to move: only "Open folder" there.
    files = next(t for t in tab.treemap.tiles() if t.kind is TileKind.FILES and t.depth == 1)
    QTimer.singleShot(50, read_menu)
    qtbot.mouseClick(tab.treemap, Qt.MouseButton.RightButton, pos=centre(files))
    assert seen[-1] == ["&Open folder"]


def test_open_folder_shows_it_in_the_file_manager(
    qtbot: QtBot, window: MainWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = walk(qtbot, window)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    menu = tab.menu_for(str(home / "projects"), removable=True)
    menu.actions()[1].trigger()
    assert opened == [QUrl.fromLocalFile(str(home / "projects"))]


def _trash(qtbot: QtBot, tab: Any, folder: Path) -> None:
    with qtbot.waitSignal(tab.runner.finished, timeout=TIMEOUT):
        tab.menu_for(str(folder), removable=True).actions()[0].trigger()
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=TIMEOUT)


def test_move_to_trash_empties_a_folder_after_the_confirmation_and_the_map_follows(
    qtbot: QtBot, window: MainWindow, home: Path, dialogs: Any
) -> None:
    tab = walk(qtbot, window)
    stuff = home / "old-stuff"
    before = du(stuff)
    held = sum(p.stat().st_blocks * 512 for p in (stuff / "a.bin", stuff / "deep" / "b.bin"))
    with qtbot.waitSignal(tab.removed, timeout=TIMEOUT):
        _trash(qtbot, tab, stuff)
    question, details = confirmation_text(dialogs.summaries[-1])
    assert question == f"Move the 2 files ({human_size(held)}) in “~/old-stuff” to the trash?"
    assert "your own files, not caches" in details and "The folders stay, emptied" in details
    assert trashed(home) == {"a.bin", "b.bin"}
    assert stuff.is_dir() and (stuff / "deep").is_dir()  # a plan of files: folders stay
    assert not any(p.is_file() for p in stuff.rglob("*"))
    # The map measured the folder again: what is left is the folders' own blocks.
    listed = {r.name: r.bytes for r in tab.model.rows()}
    assert listed["old-stuff"] == du(stuff) < before
    assert tab.status.text().startswith("Moved to the trash ")
    assert tab.status.text().endswith("2 files.")


def test_build_output_goes_whole_and_the_confirmation_says_its_project_changed(
    qtbot: QtBot, window: MainWindow, home: Path, dialogs: Any
) -> None:
    tab = walk(qtbot, window)
    tab.drill(("projects", "shop"))
    modules = home / "projects" / "shop" / "node_modules"
    _trash(qtbot, tab, modules)
    question, details = confirmation_text(dialogs.summaries[-1])
    assert question.startswith("Move “~/projects/shop/node_modules” (6 files, ")
    assert "Build output" in details
    assert "Its project changed in the last 30 days: it may be in use." in details
    assert not modules.exists()  # removed whole, its folders too
    assert (home / "projects" / "shop" / "package.json").exists()
    assert len(trashed(home)) == 6 and all(n.startswith("index") for n in trashed(home))
    assert [r.name for r in tab.model.rows() if r.name] == ["src"]
    assert tab.breadcrumb.steps() == ["~", "projects", "shop"]


def test_nothing_moves_when_the_confirmation_is_declined(
    qtbot: QtBot, window: MainWindow, home: Path, dialogs: Any
) -> None:
    tab = walk(qtbot, window)
    dialogs.confirm = False
    _trash(qtbot, tab, home / "old-stuff")
    assert (home / "old-stuff" / "a.bin").exists() and trashed(home) == set()
    assert tab.status.text() == "Nothing was moved to the trash."


def test_the_users_own_folders_are_never_moved_to_the_trash_as_a_whole(
    qtbot: QtBot, window: MainWindow, home: Path, dialogs: Any
) -> None:
    tab = walk(qtbot, window)
    _trash(qtbot, tab, home / "Documents")
    assert dialogs.informed[-1] == (
        "Not moved to the trash",
        "~/Documents cannot be moved to the trash as a whole: refused: it is your Documents "
        "folder.",
    )
    assert dialogs.summaries == []  # never asked: refused before
    assert (home / "Documents" / "thesis.pdf").exists()
    # A folder that holds one of them (Documents moved into ~/work by user-dirs) neither.
    docs = home / "work" / "docs"
    write(docs / "cv.pdf", 1000)
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/work/docs"\n')
    _trash(qtbot, tab, home / "work")
    assert dialogs.informed[-1][1] == (
        "~/work cannot be moved to the trash as a whole: refused: it contains your Documents "
        "folder."
    )
    assert (docs / "cv.pdf").exists() and trashed(home) == set()


def test_the_map_fills_in_while_the_walk_runs(qtbot: QtBot, window: MainWindow, home: Path) -> None:
    tab = window.page("disk").map_tab
    finished = UsageNode("Videos", 900_000, 1)
    tab.runner.progress.emit(UsageProgress(str(home / "projects"), 12, 1_500_000, (finished,)))
    assert tab.status.text() == f"Scanning: 12 files, {human_size(1_500_000)}"
    kinds = [(t.kind, t.path) for t in tab.treemap.tiles()]
    assert kinds == [(TileKind.FOLDER, ("Videos",)), (TileKind.PENDING, ())]
    pending = tab.treemap.tiles()[1]
    assert tab.treemap.describe(pending).startswith(f"Still being scanned in {home}")


def test_a_cancelled_walk_says_so_and_shows_what_was_counted(
    qtbot: QtBot, window: MainWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = finder_jobs.usage_map

    def after_cancel(folder: str, **kw: Any) -> Any:
        cancel: threading.Event = kw["cancel"]
        assert cancel.wait(10)  # the walk starts once Cancel was pressed
        return real(folder, **kw)

    monkeypatch.setattr(finder_jobs, "usage_map", after_cancel)
    tab = window.page("disk").map_tab
    with qtbot.waitSignal(tab.runner.finished, timeout=TIMEOUT):
        tab.scan()
        assert tab.cancel_button.isEnabled() and not tab.scan_button.isEnabled()
        assert tab.progress.isVisible()
        assert not window.page("disk").choose_button.isEnabled()  # not while it walks
        tab.cancel()
    assert tab.status.text() == "Scan cancelled: the sizes are what was counted so far."
    assert tab.scan_button.isEnabled() and not tab.progress.isVisible()
    assert window.page("disk").choose_button.isEnabled()


def test_choosing_another_folder_maps_it(
    qtbot: QtBot, window: MainWindow, home: Path, dialogs: Any
) -> None:
    page = window.page("disk")
    dialogs.folder = str(home / "projects")
    with qtbot.waitSignal(page.map_tab.runner.finished, timeout=TIMEOUT):
        page.choose_folder()
    assert page.folder_label.text() == "~/projects"
    assert page.map_tab.breadcrumb.steps() == ["~/projects"]
    assert [r[0] for r in rows(page.map_tab)] == ["shop", "notes"]
    assert "in ~/projects" in page.finder_tabs[next(iter(page.finder_tabs))].description.text()
    assert not page.home_button.isHidden()
    page.home_button.click()
    assert page.folder_label.text() == "~"
