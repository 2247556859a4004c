"""Quitting is the app's decision: a window hiding to the tray (or any window that stays up)
cannot refuse it, so `gui --smoke-test`, the tray's Quit and `app.quit()` always end the loop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from onecleaner.gui import app as app_module
from onecleaner.gui.services import AppServices

#: How long a loop may run before the test's own guard ends it (the bug made it run forever).
GUARD_MS = 15_000


class StaysOpen(QWidget):
    """A top-level window that refuses to close: what Qt's quit left up in about half the runs
    on a desktop with a tray (the tray icon's own window, skipped once the main window refused)."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


@pytest.fixture
def qapp_with_tray(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The test application on a desktop that has a tray, with a window that will not close."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    stays = StaysOpen()
    qtbot.addWidget(stays)
    stays.show()
    yield qapp
    qapp.setQuitOnLastWindowClosed(True)


def exec_guarded(qapp: QApplication, run: Callable[[], int]) -> tuple[int, bool]:
    """Run `run` (which enters the event loop); the exit code and whether the guard had to
    end a loop that nothing else ended."""
    fired: list[bool] = []
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: (fired.append(True), qapp.exit(3)))
    guard.start(GUARD_MS)
    try:
        code = run()
    finally:
        guard.stop()
    return code, bool(fired)


def test_the_smoke_test_quits_with_a_tray_and_a_window_that_stays(
    qapp_with_tray: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "SMOKE_TEST_MS", 50)
    code, guard_fired = exec_guarded(
        qapp_with_tray, lambda: app_module.run(data_dir, tray=False, smoke_test=True)
    )
    assert not guard_fired, "the smoke test's quit was refused: the event loop kept running"
    assert code == 0


def test_a_quit_request_shuts_the_app_down_even_when_the_window_hides_to_the_tray(
    qapp_with_tray: QApplication, services: AppServices
) -> None:
    shell = app_module.AppShell(qapp_with_tray, services, interactive=False)
    window, tray = shell.window, shell.tray
    assert tray is not None and window.isVisible() and window.keep_running_in_tray
    QTimer.singleShot(0, qapp_with_tray.quit)  # as the session manager or a test would ask
    code, guard_fired = exec_guarded(qapp_with_tray, qapp_with_tray.exec)
    assert not guard_fired, "app.quit() was refused by the window hiding to the tray"
    assert code == 0
    assert not shiboken6.isValid(window), "the window was hidden to the tray, not closed"
    app_module.delete_now(qapp_with_tray)
