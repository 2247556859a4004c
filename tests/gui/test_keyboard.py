"""The window by keyboard alone, on every page with content: Tab reaches each control and
leaves each table (no trap), top to bottom; the window's shortcuts do what they say."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from onecleaner.gui.shell import MainWindow
from onecleaner.privacy.consent import Purpose, Way

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from records_kit import chromium_profile

MakeFiles = Callable[..., list[Path]]
TIMEOUT = 20_000
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


def _focusable(page: QWidget) -> list[QWidget]:
    """The controls of a page a keyboard user must be able to reach: shown, enabled, taking
    focus by Tab (a tab widget's own focus is its tab bar's)."""
    wanted = Qt.FocusPolicy.TabFocus
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and (w.focusPolicy() & wanted) == wanted
        and not isinstance(w, QTabWidget)
    ]


def _tab_through(qtbot: QtBot, window: MainWindow, limit: int = 120) -> list[QWidget]:
    """Press Tab from the sidebar until the focus is back on it; what had the focus, in order."""
    window.sidebar.list.setFocus()
    visited: list[QWidget] = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is window.sidebar.list:
            return visited
        visited.append(focused)
    raise AssertionError(
        "Tab never came back to the sidebar: trapped in "
        + ", ".join(sorted({type(w).__name__ + ":" + w.objectName() for w in visited[-5:]}))
    )


@pytest.fixture
def full_window(
    qtbot: QtBot,
    shell_window: MainWindow,
    services: Any,
    cache: Path,
    make_files: MakeFiles,
    isolated_home: Path,
) -> MainWindow:
    """The window with something on every page: a scan on Clean, two history entries, a
    browser with traces and suggestions, a mapped home."""
    window = shell_window
    services.privacy.grant(Purpose.HISTORY, Way.GUI)
    make_files(cache / "someapp", 30)
    profile = chromium_profile(isolated_home / ".config" / "chromium")
    profile.add_cookies(".github.com", ".example.org")
    profile.add_login("https://github.com/")
    window.resize(1200, 760)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    clean = window.page("clean")
    clean.target_model.set_checked(["system.cache"])
    with qtbot.waitSignal(clean.session.scanned, timeout=TIMEOUT):
        clean.scan()
    services.privacy.record_activity("scan", {"files": 30, "bytes": 3000})
    disk = window.page("disk")
    window.open_page("disk")
    with qtbot.waitSignal(disk.map_tab.runner.finished, timeout=TIMEOUT):
        assert disk.map_tab.scan()
    traces = window.page("traces")
    window.open_page("traces")
    qtbot.waitUntil(lambda: traces.session.outcome is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: traces.keep_editor.suggestion_model.rowCount() > 0, timeout=TIMEOUT)
    traces.keep_editor.set_keep(("example.org",))
    return window


def test_tab_reaches_every_control_top_to_bottom_and_leaves_every_table(
    qtbot: QtBot, full_window: MainWindow
) -> None:
    """On each page (one window for all: building it is the slow part)."""
    window = full_window
    missed: dict[str, list[str]] = {}
    twice: dict[str, set[str]] = {}
    tabs_late: list[str] = []
    for page_id in ("home", "clean", "traces", "disk", "history", "settings"):
        window.open_page(page_id)
        page = window.page(page_id)
        qtbot.wait(50)
        # A table walks Tab through its cells only when it has rows: every one shown has some.
        empty = [
            v.objectName()
            for v in page.findChildren(QTableView)
            if v.isVisible() and v.model().rowCount() == 0
        ]
        assert empty == [], page_id
        visited = _tab_through(qtbot, window)
        missed[page_id] = [
            f"{type(w).__name__}:{w.objectName() or w.accessibleName()}"
            for w in _focusable(page)
            if w not in visited
        ]
        # Tab goes from control to control: a table is left at once (arrows move inside it).
        twice[page_id] = {
            f"{type(w).__name__}:{w.objectName()}" for w in visited if visited.count(w) > 1
        }
        # Top to bottom: a tab bar, then the controls of the tab it shows (not the tabs last).
        for tabs in page.findChildren(QTabWidget):
            if tabs.isVisible():
                inside = [i for i, w in enumerate(visited) if tabs.currentWidget().isAncestorOf(w)]
                if not inside or visited.index(tabs.tabBar()) > min(inside):
                    tabs_late.append(f"{page_id}: {tabs.accessibleName()}")
    assert {k: v for k, v in missed.items() if v} == {}
    assert {k: v for k, v in twice.items() if v} == {}
    assert tabs_late == []


def test_ctrl_1_and_5_open_home_and_history(qtbot: QtBot, shell_window: MainWindow) -> None:
    """The other numbers are in test_shell.py."""
    window = shell_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_page("settings")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "history"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "home"
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "settings"


def test_ctrl_enter_cleans_esc_cancels_and_ctrl_e_exports_from_another_page(
    qtbot: QtBot,
    shell_window: MainWindow,
    dialogs: Any,
    cache: Path,
    make_files: MakeFiles,
    tmp_path: Path,
) -> None:
    window = shell_window
    junk = make_files(cache / "someapp", 6)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    clean = window.page("clean")
    clean.target_model.set_checked(["system.cache"])
    with qtbot.waitSignal(clean.session.scanned, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    # Esc while nothing runs does nothing (and does not leave the page shown).
    window.open_page("history")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page == "history"
    # Ctrl+Enter from another page: the Clean page, its confirmation, the clean.
    with qtbot.waitSignal(clean.session.cleaned, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "clean"
    assert len(dialogs.summaries) == 1
    assert not any(p.exists() for p in junk)
    qtbot.waitUntil(lambda: not clean.session.busy, timeout=TIMEOUT)
    # Ctrl+E: the results, where the save dialog said.
    dialogs.save_to = tmp_path / "results.json"
    window.open_page("home")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "clean"
    assert dialogs.save_to.exists() and '"files"' in dialogs.save_to.read_text()
    # Esc cancels a running scan.
    make_files(cache / "more", 3)
    clean.scan()
    assert clean.session.busy
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not clean.session.busy, timeout=TIMEOUT)
    assert os.environ["HOME"]  # the temporary home, never the real one


def test_esc_stops_the_count_of_browser_traces(
    qtbot: QtBot, shell_window: MainWindow, isolated_home: Path
) -> None:
    """Esc cancels what runs on the Browser traces page (the Clean page's Esc is off then)."""
    from traces_kit import Probe

    chromium_profile(isolated_home / ".config" / "chromium").add_cookies(".a.example")
    window = shell_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    traces = window.page("traces")
    probe = Probe()
    probe.hold = threading.Event()  # the count waits until the test lets it go
    traces.session.probe = probe
    window.open_page("traces")
    assert traces.session.busy
    with qtbot.waitSignal(traces.session.scanned, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        probe.hold.set()
    assert traces.session.plan is not None and traces.session.plan.cancelled
    assert traces.status.text() == "Counting cancelled: the figures are incomplete."


def test_esc_stops_the_disk_usage_walk(
    qtbot: QtBot,
    shell_window: MainWindow,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import onecleaner.gui.jobs.finders as finder_jobs

    (isolated_home / "Videos").mkdir()
    (isolated_home / "Videos" / "a.mp4").write_bytes(b"x" * 5000)
    real = finder_jobs.usage_map

    def after_cancel(folder: str, **kw: Any) -> Any:
        assert kw["cancel"].wait(10)  # the walk starts once Esc was pressed
        return real(folder, **kw)

    monkeypatch.setattr(finder_jobs, "usage_map", after_cancel)
    window = shell_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_page("disk")
    tab = window.page("disk").map_tab
    with qtbot.waitSignal(tab.runner.finished, timeout=TIMEOUT):
        tab.scan()
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert tab.status.text() == "Scan cancelled: the sizes are what was counted so far."
    assert not window.page("disk").cancel_action.isEnabled()
