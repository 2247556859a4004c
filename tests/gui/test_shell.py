"""The window: a sidebar of pages (mouse, keyboard, a narrow window), no menu bar, shortcuts that
work from any page, a page opened by the tray, a second launch or `onecleaner gui --page`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar, QWidget
from pytestqt.qtbot import QtBot

from onecleaner.gui.pages import PageContext, PageSpec, page_ids, registered
from onecleaner.gui.shell import COMPACT_BELOW, MainWindow
from onecleaner.gui.single_instance import SingleInstance
from onecleaner.gui.widgets.sidebar import COMPACT_WIDTH

MakeFiles = Callable[..., list[Path]]
TIMEOUT = 20_000
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


PAGE_LABELS = ["Home", "Clean", "Browser traces", "Disk usage", "History", "Settings"]


def _labels(window: MainWindow) -> list[str]:
    lst = window.sidebar.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_the_sidebar_lists_the_pages_and_the_window_only_switches(
    qtbot: QtBot, shell_window: MainWindow
) -> None:
    window = shell_window
    window.resize(1100, 700)
    window.show()
    assert page_ids() == ("home", "clean", "traces", "disk", "history", "settings")
    assert _labels(window) == PAGE_LABELS
    assert window.current_page == "home"
    lst = window.sidebar.list
    assert all(not lst.item(i).icon().isNull() for i in range(lst.count()))
    # By mouse (a row picked) and by keyboard (arrow keys in the focused list).
    lst.setCurrentRow(4)
    assert window.current_page == "history"
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    assert window.current_page == "settings"
    qtbot.keyClick(lst, Qt.Key.Key_Up)
    assert window.current_page == "history"
    # Each page is its own widget; the stack shows one at a time.
    assert type(window.page("clean")).__module__ == "onecleaner.gui.pages.clean.page"
    assert window.stack.currentWidget() is window.page("history")


def test_ctrl_and_a_number_opens_a_page(qtbot: QtBot, shell_window: MainWindow) -> None:
    window = shell_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "clean"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "traces"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "disk"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "settings"
    assert window.sidebar.list.hasFocus()  # the keyboard can go on from the sidebar


def test_a_narrow_window_shows_icons_only(qtbot: QtBot, shell_window: MainWindow) -> None:
    window = shell_window
    window.resize(COMPACT_BELOW + 200, 700)
    window.show()
    assert _labels(window) == PAGE_LABELS
    window.resize(COMPACT_BELOW - 200, 700)
    qtbot.waitUntil(lambda: window.sidebar.compact)
    assert _labels(window) == ["", "", "", "", "", ""]
    assert window.sidebar.width() == COMPACT_WIDTH
    lst = window.sidebar.list
    # The names stay for tooltips and screen readers.
    assert lst.item(1).toolTip() == "Clean (Ctrl+2)"
    assert lst.item(1).data(Qt.ItemDataRole.AccessibleTextRole) == "Clean"
    window.resize(COMPACT_BELOW + 200, 700)
    qtbot.waitUntil(lambda: not window.sidebar.compact)
    assert _labels(window)[0] == "Home"


def test_no_menu_bar_no_status_bar_and_the_shortcuts_work_from_any_page(
    qtbot: QtBot, shell_window: MainWindow, cache: Path, make_files: MakeFiles
) -> None:
    window = shell_window
    make_files(cache / "someapp", 5)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    assert window.menuBar().actions() == []
    assert window.findChildren(QStatusBar) == []
    keys = {a.shortcut().toString() for a in window.actions() if isinstance(a, QAction)}
    assert {"F5", "Ctrl+Return", "Esc", "Ctrl+E", "Ctrl+Q", "Ctrl+,"} <= keys
    clean = window.page("clean")
    clean.target_model.set_checked(["system.cache"])
    assert window.current_page == "home"
    with qtbot.waitSignal(clean.session.scanned, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_F5)  # on Home: the scan starts, Clean is shown
    assert window.current_page == "clean"
    assert clean.file_model.rowCount() == 5


def test_a_page_is_one_module_and_one_registration(qtbot: QtBot, services: Any) -> None:
    class Extra(QLabel):
        def activate(self, section: str = "") -> None:
            self.setText(f"shown {section}")

        def retranslate(self) -> None:
            pass

        def shortcuts(self) -> list[QAction]:
            return []

    def build(context: PageContext) -> QWidget:
        return Extra()

    extra = PageSpec("extra", "about", lambda: "Extra", build)
    window = MainWindow(services, pages=(*registered(), extra))
    qtbot.addWidget(window)
    try:
        assert _labels(window)[-1] == "Extra"
        window.open_page("extra", "part")
        assert window.page("extra").text() == "shown part"
    finally:
        window.stop()


def test_unknown_pages_open_the_first(shell_window: MainWindow) -> None:
    shell_window.open_page("history")
    shell_window.open_page("no-such-page")
    assert shell_window.current_page == "home"


def test_a_second_launch_asks_for_a_page(qtbot: QtBot) -> None:
    # A short key: the socket lives in the (long) temporary folder, and its path is limited.
    first = SingleInstance("oc-page")
    second = SingleInstance("oc-page")
    try:
        assert first.acquire()
        with qtbot.waitSignal(first.activateRequested, timeout=3000) as asked:
            assert second.acquire("history") is False
        assert asked.args == ["history"]
        with qtbot.waitSignal(first.activateRequested, timeout=3000) as asked:
            assert SingleInstance("oc-page").acquire() is False
        assert asked.args == [""]
    finally:
        second.release()
        first.release()


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_app_opens_on_the_page_asked_for(qtbot: QtBot, services: Any) -> None:
    from onecleaner.gui import app as app_module

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    shell = app_module.AppShell(qapp, services, interactive=False, page="history")
    qtbot.addWidget(shell.window)
    try:
        assert shell.window.current_page == "history"
        shell.window.show_and_raise("settings")  # what a second launch with a page does
        assert shell.window.current_page == "settings"
    finally:
        shell.shutdown()
        qapp.setQuitOnLastWindowClosed(True)


def test_an_unknown_page_on_the_command_line_is_refused(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "onecleaner", "gui", "--page", "nope"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "no page 'nope'" in done.stderr and "history" in done.stderr


def test_the_window_title_and_pages_follow_a_language_switch(
    qtbot: QtBot, shell_window: MainWindow
) -> None:
    from onecleaner.gui.i18n import install_translator

    window = shell_window
    app = QCoreApplication.instance()
    assert app is not None
    clean = window.page("clean")
    home = window.page("home")
    settings = window.page("settings")
    history = window.page("history")
    try:
        install_translator(app, "zh_CN")
        qtbot.waitUntil(
            lambda: _labels(window) == ["主页", "清理", "浏览痕迹", "磁盘占用", "历史", "设置"]
        )
        assert clean.scan_button.text() == "扫描(&S)"
        assert clean.title.text() == "清理"
        assert home.quick_button.text() == "快速清理"
        assert settings.tabs.tabText(1) == "隐私(&P)"
        assert settings.general.delete_mode.itemText(1) == "移到回收站（可以恢复）"
        assert history.off_title.text() == "活动历史已关闭"
        assert clean.target_model.headerData(0, Qt.Orientation.Horizontal) == "清理什么"
        # Chinese rows are taller: the quick list grows with them, nothing is clipped.
        quick = settings.general.quick_list
        assert quick.height() >= quick.count() * quick.sizeHintForRow(0)
    finally:
        install_translator(app, "en")
    qtbot.waitUntil(lambda: _labels(window) == PAGE_LABELS)
    assert clean.scan_button.text() == "&Scan"
    assert settings.general.delete_mode.itemText(1) == "Move to the trash (can be restored)"
