"""The Disk usage page's finder tabs: each search runs on a worker, lists what it found ticked as
the finder ticks it (with the reason when not), and removes what stays ticked through the clean
confirmation: user files to the trash, build output deleted (or to the trash when the settings
say so); what was left alone is listed with the reason, as on the Clean page."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from onecleaner.engine.finders import FinderKind
from onecleaner.engine.model import DeleteMode
from onecleaner.gui.pages.clean.confirm import confirmation_text
from onecleaner.gui.shell import MainWindow
from onecleaner.gui.units import human_size

TIMEOUT = 20_000
DAY = 86400.0
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),  # offscreen Qt only
    pytest.mark.skipif(os.name != "posix", reason="POSIX trees and the freedesktop trash"),
]


def write(path: Path, size: int, *, mtime: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def trashed(home: Path) -> set[str]:
    files = home / ".local" / "share" / "Trash" / "files"
    return {p.name for p in files.iterdir()} if files.exists() else set()


@pytest.fixture
def window(shell_window: MainWindow) -> Iterator[MainWindow]:
    shell_window.resize(1200, 760)
    shell_window.show()
    shell_window.open_page("disk")
    yield shell_window


def search(qtbot: QtBot, window: MainWindow, kind: FinderKind) -> Any:
    page = window.page("disk")
    page.activate(kind.value)
    tab = page.finder_tabs[kind]
    assert page.tabs.currentWidget() is tab
    with qtbot.waitSignal(tab.runner.finished, timeout=TIMEOUT):
        assert tab.search()
    return tab


def remove(qtbot: QtBot, tab: Any) -> None:
    with qtbot.waitSignal(tab.removed, timeout=TIMEOUT):
        assert tab.remove()
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=TIMEOUT)


def table(tab: Any) -> list[tuple[bool, list[str]]]:
    model = tab.model
    out = []
    for r in range(model.rowCount()):
        ticked = model.data(model.index(r, 0), Qt.ItemDataRole.CheckStateRole)
        texts = [model.data(model.index(r, c)) for c in range(model.columnCount())]
        out.append((ticked == Qt.CheckState.Checked, texts))
    return out


def test_large_files_are_listed_ticked_except_application_data_and_go_to_the_trash(
    qtbot: QtBot, window: MainWindow, isolated_home: Path, dialogs: Any
) -> None:
    home = isolated_home
    movie = write(home / "Videos" / "film.mkv", 400_000)
    iso = write(home / "Downloads" / "disk.iso", 300_000)
    kept = write(home / "Music" / "live.flac", 200_000)
    hidden = write(home / ".local" / "share" / "app" / "blob.db", 350_000)
    tab = search(qtbot, window, FinderKind.LARGE)
    assert tab.description.text().startswith("The 50 files that take the most space in ~.")
    assert tab.remove_button.text() == "Move to &trash…"
    rows = table(tab)
    assert [texts[0] for _, texts in rows[:4]] == [
        "~/Videos/film.mkv", "~/.local/share/app/blob.db", "~/Downloads/disk.iso",
        "~/Music/live.flac",
    ]  # fmt: skip
    ticks = {texts[0]: (ticked, texts[-1]) for ticked, texts in rows}
    assert ticks["~/.local/share/app/blob.db"] == (False, "In a hidden folder: look first")
    assert ticks["~/Videos/film.mkv"] == (True, "")
    assert tab.headline.text() == f"{len(rows)} items found"
    # The user keeps one more, then removes the rest.
    model = tab.model
    model.setData(
        model.index(model.row_of(str(kept)), 0), Qt.CheckState.Unchecked,
        Qt.ItemDataRole.CheckStateRole,
    )  # fmt: skip
    ticked = model.ticked()
    assert {c.path for c in ticked} >= {str(movie), str(iso)}
    freed = sum(c.bytes for c in ticked)
    assert tab.detail.text() == f"Ticked: {len(ticked)} items, {human_size(freed)}."
    remove(qtbot, tab)
    summary = dialogs.summaries[-1]
    assert summary.mode is DeleteMode.TRASH and summary.found_by is FinderKind.LARGE
    question, details = confirmation_text(summary)
    assert question == f"Move {len(ticked)} files ({human_size(freed)}) to the trash?"
    assert "your own files, not caches" in details
    assert "2 items you unticked stay." in details
    assert {"film.mkv", "disk.iso"} <= trashed(home)
    assert kept.exists() and hidden.exists()
    assert not movie.exists() and not iso.exists()
    # What went is no longer listed; what stayed is, with its tick.
    left = [texts[0] for _, texts in table(tab)]
    assert "~/Music/live.flac" in left and "~/Videos/film.mkv" not in left
    assert tab.headline.text() == f"Moved to the trash {human_size(freed)}: {len(ticked)} files"
    assert tab.detail.text() == "Nothing was left alone."


def test_build_artefacts_of_recent_projects_stay_unticked_and_the_rest_is_deleted(
    qtbot: QtBot, window: MainWindow, isolated_home: Path, dialogs: Any
) -> None:
    home = isolated_home
    now = time.time() + 60 * DAY  # every file written now is two months old then
    old = home / "code" / "shop"
    write(old / "package.json", 200)
    for i in range(5):
        write(old / "node_modules" / f"m{i}" / "index.js", 30_000)
    fresh = home / "code" / "api"
    write(fresh / "Cargo.toml", 200, mtime=now - 3 * DAY)  # changed three days before "now"
    write(fresh / "target" / "debug" / "api", 90_000)
    page = window.page("disk")
    page.now = now
    tab = search(qtbot, window, FinderKind.ARTEFACTS)
    assert tab.remove_button.text() == "&Delete…"
    rows = {texts[1]: (ticked, texts) for ticked, texts in table(tab)}
    assert rows["~/code/shop"][0] is True
    assert rows["~/code/shop"][1][0] == "node_modules"
    assert rows["~/code/shop"][1][3] == "5"  # files
    assert rows["~/code/api"][0] is False
    assert rows["~/code/api"][1][0] == "target"
    assert rows["~/code/api"][1][-1] == "Project changed in the last 30 days"
    remove(qtbot, tab)
    summary = dialogs.summaries[-1]
    assert summary.mode is DeleteMode.PERMANENT
    question, details = confirmation_text(summary)
    assert question.startswith("Delete 5 files (") and question.endswith(") permanently?")
    assert "Build output" in details and "Deleted permanently" in details
    assert not (old / "node_modules").exists()  # removed whole...
    assert trashed(home) == set()  # ...and for good, as the CLI does
    assert (old / "package.json").exists()
    assert (fresh / "target" / "debug" / "api").exists()
    assert [texts[1] for _, texts in table(tab)] == ["~/code/api"]


def test_with_the_trash_setting_build_output_goes_to_the_trash_too(
    qtbot: QtBot, window: MainWindow, isolated_home: Path, services: Any, dialogs: Any
) -> None:
    from onecleaner.privacy.consent import Purpose, Way

    services.privacy.grant(Purpose.HISTORY, Way.GUI)
    services.settings = dataclasses.replace(services.settings, delete_mode=DeleteMode.TRASH)
    project = isolated_home / "py"
    write(project / "pyproject.toml", 100)
    write(project / "dist" / "py-1.0.tar.gz", 40_000)
    window.page("disk").now = time.time() + 60 * DAY
    tab = search(qtbot, window, FinderKind.ARTEFACTS)
    assert tab.remove_button.text() == "Move to &trash…"
    remove(qtbot, tab)
    assert dialogs.summaries[-1].mode is DeleteMode.TRASH
    assert trashed(isolated_home) == {"py-1.0.tar.gz"}
    assert not (project / "dist").exists()
    # The history names the clean by its finder, not by an internal id.
    window.open_page("history")
    details = window.page("history").details.text()
    assert "Build artefacts: " in details and "find:" not in details


def test_old_files_of_downloads_and_desktop_with_installers_named(
    qtbot: QtBot, window: MainWindow, isolated_home: Path
) -> None:
    home = isolated_home
    write(home / "Downloads" / "report.pdf", 20_000)
    write(home / "Downloads" / "setup.exe", 60_000)
    write(home / "Desktop" / "note.txt", 5_000)
    write(home / "projects" / "ancient.txt", 5_000)  # not in Downloads or Desktop
    window.page("disk").now = time.time() + 400 * DAY
    tab = search(qtbot, window, FinderKind.OLD)
    assert "in your Downloads and Desktop folders" in tab.description.text()
    rows = {texts[0]: (ticked, texts[-1]) for ticked, texts in table(tab)}
    assert rows == {
        "~/Downloads/setup.exe": (True, "Installer or disk image"),
        "~/Downloads/report.pdf": (True, ""),
        "~/Desktop/note.txt": (True, ""),
    }


def test_what_a_search_left_alone_is_listed_with_the_reason(
    qtbot: QtBot, window: MainWindow, isolated_home: Path
) -> None:
    if not IS_ROOT:
        pytest.skip("giving a file to another user needs root")
    theirs = write(isolated_home / "shared" / "their.bin", 500_000)
    os.chown(theirs, 65534, 65534)
    tab = search(qtbot, window, FinderKind.LARGE)
    assert str(theirs) not in {c.path for c in tab.model.candidates()}
    assert not tab.skips_box.isHidden()
    assert tab.skips_caption.text() == "Left alone: 1 item, and why"
    model = tab.skip_model
    assert [(model.data(model.index(0, 0)), model.data(model.index(0, 1)))] == [
        (str(theirs), "owned by another user")
    ]
    # After the clean, its results count what the search left alone, as the Clean page does.
    write(isolated_home / "mine.bin", 100_000)
    with qtbot.waitSignal(tab.runner.finished, timeout=TIMEOUT):
        tab.search()
    remove(qtbot, tab)
    assert tab.detail.text() == "1 item was left alone; see “Left alone” for the reason."
    assert theirs.exists()


def test_a_search_can_be_cancelled_and_nothing_is_removed_without_a_tick(
    qtbot: QtBot, window: MainWindow, isolated_home: Path
) -> None:
    for i in range(30):
        write(isolated_home / "data" / f"d{i}" / "f.bin", 4_000)
    page = window.page("disk")
    page.activate("large")
    tab = page.finder_tabs[FinderKind.LARGE]
    with qtbot.waitSignal(tab.runner.finished, timeout=TIMEOUT):
        tab.runner.start = _cancelled_first(tab.runner.start)  # type: ignore[method-assign]
        tab.search()
    assert tab.headline.text().startswith("Search cancelled: ")
    tab.model.set_all_ticked(False)
    assert not tab.remove_button.isEnabled()
    assert not tab.remove()
    assert tab.status.text() == "Tick at least one item."


def _cancelled_first(start: Any) -> Any:
    """Runner.start that sets the worker's cancel flag before its thread runs."""

    def run(worker: Any, what: str) -> bool:
        worker.cancel()
        return bool(start(worker, what))

    return run


def test_another_folder_is_searched_once_chosen(
    qtbot: QtBot, window: MainWindow, isolated_home: Path, dialogs: Any
) -> None:
    archive = isolated_home / "archive"
    write(archive / "big.tar", 300_000)
    write(isolated_home / "Videos" / "elsewhere.mkv", 900_000)
    page = window.page("disk")
    page.set_folder(str(archive))
    tab = search(qtbot, window, FinderKind.LARGE)
    assert [texts[0] for _, texts in table(tab)] == ["~/archive/big.tar"]
    assert "in ~/archive" in tab.description.text()
    window.page("disk").now = time.time() + 400 * DAY
    old = search(qtbot, window, FinderKind.OLD)
    assert "Files not used for 180 days in ~/archive" in old.description.text()
    assert [texts[0] for _, texts in table(old)] == ["~/archive/big.tar"]


def test_the_confirmation_box_for_user_files_warns_and_defaults_to_cancel(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from onecleaner.gui.pages.clean.confirm import CleanSummary, confirm_box

    summary = CleanSummary(3, 3_000_000, DeleteMode.TRASH, found_by=FinderKind.OLD, unticked=1)
    box, accept = confirm_box(None, summary)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert accept.text() == "Move to &trash"
    assert box.defaultButton() is not accept  # Enter alone never removes anything
    assert box.text() == f"Move 3 files ({human_size(3_000_000)}) to the trash?"
    artefacts = CleanSummary(9, 9_000, DeleteMode.PERMANENT, found_by=FinderKind.ARTEFACTS)
    box, accept = confirm_box(None, artefacts)
    qtbot.addWidget(box)
    assert accept.text() == "&Delete"
    assert box.text() == f"Delete 9 files ({human_size(9_000)}) permanently?"


def test_the_page_speaks_chinese_after_a_language_switch(
    qtbot: QtBot, window: MainWindow, isolated_home: Path, qapp: Any
) -> None:
    from onecleaner.gui.i18n import install_translator

    write(isolated_home / "Videos" / "a.mkv", 50_000)
    page = window.page("disk")
    with qtbot.waitSignal(page.map_tab.runner.finished, timeout=TIMEOUT):
        page.map_tab.scan()
    tab = page.finder_tabs[FinderKind.LARGE]
    try:
        install_translator(qapp, "zh_CN")
        qtbot.waitUntil(lambda: page.title.text() == "磁盘占用")
        assert [page.tabs.tabText(i) for i in range(4)] == [
            "占用图(&M)", "大文件", "旧文件", "构建产物",
        ]  # fmt: skip
        assert page.map_tab.scan_button.text() == "扫描(&S)"
        assert page.map_tab.status.text() == "扫描完成。"
        assert page.map_tab.model.headerData(2, Qt.Orientation.Horizontal) == "占比"
        assert tab.remove_button.text() == "移到回收站(&T)…"
        assert tab.description.text().startswith("~ 中占用空间最多的 50 个文件。")
        videos = page.map_tab.treemap.tile_of(("Videos",))
        assert page.map_tab.treemap.describe(videos).splitlines()[-1] == "1 个文件"
    finally:
        install_translator(qapp, "en")
    qtbot.waitUntil(lambda: page.title.text() == "Disk usage")
    assert page.map_tab.status.text() == "Scan finished."
