"""macOS in the window: the menu-bar icon is a template image, and a Dock click brings back a
window hidden in the tray. Simulated: ``sys.platform`` says darwin and the application-state
signal is what Qt's Cocoa plugin emits for a Dock click (reopen), since it cannot run here."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from onecleaner.gui.app import AppShell
from onecleaner.gui.services import AppServices


@pytest.fixture
def services(data_dir: Path) -> AppServices:
    return AppServices.load(data_dir)


def _shell(monkeypatch: pytest.MonkeyPatch, services: AppServices, platform: str) -> AppShell:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)  # offscreen has no tray
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    return AppShell(qapp, services, start_hidden=True, interactive=False)


@pytest.fixture
def mac_shell(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, services: AppServices
) -> Iterator[AppShell]:
    shell = _shell(monkeypatch, services, "darwin")
    qtbot.addWidget(shell.window)
    yield shell
    shell.shutdown()
    QApplication.instance().setQuitOnLastWindowClosed(True)  # type: ignore[union-attr]


def _is_one_colour(icon_image: QImage) -> bool:
    """Whether every visible pixel has the same colour (anti-aliased edges differ by rounding)."""
    image = icon_image.convertToFormat(QImage.Format.Format_ARGB32)
    colours = {
        (c.red() // 32, c.green() // 32, c.blue() // 32)
        for x in range(image.width())
        for y in range(image.height())
        if (c := image.pixelColor(x, y)).alpha() >= 96
    }
    return len(colours) == 1


def test_the_menu_bar_icon_is_a_one_colour_template(mac_shell: AppShell) -> None:
    tray = mac_shell.tray
    assert tray is not None
    for icon in (tray._idle_icon, tray._busy_icon):
        assert icon.isMask()
        image = icon.pixmap(22, 22).toImage()
        assert not image.isNull() and _is_one_colour(image)
    assert tray.icon.icon().isMask()


def test_elsewhere_the_tray_icon_keeps_its_colours(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, services: AppServices
) -> None:
    shell = _shell(monkeypatch, services, "linux")
    qtbot.addWidget(shell.window)
    try:
        assert shell.tray is not None
        assert not shell.tray._idle_icon.isMask()
        assert not _is_one_colour(shell.tray._idle_icon.pixmap(22, 22).toImage())
    finally:
        shell.shutdown()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen Qt cannot raise windows
def test_a_dock_click_brings_back_the_window_hidden_in_the_tray(
    qtbot: QtBot, mac_shell: AppShell
) -> None:
    assert not mac_shell.window.isVisible()

    mac_shell.app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)

    qtbot.waitUntil(mac_shell.window.isVisible)


def test_a_dock_click_does_not_open_the_window_over_a_dialog_that_is_up(
    qtbot: QtBot, mac_shell: AppShell
) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()

    mac_shell.app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    mac_shell.app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)

    assert not mac_shell.window.isVisible()
