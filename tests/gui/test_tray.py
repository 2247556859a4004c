"""The tray: its menu, Quick clean, notifications, the next scheduled run in its tooltip."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from onecleaner.gui.app import AppShell
from onecleaner.gui.services import AppServices
from onecleaner.settings import Schedule

TIMEOUT = 20_000


@pytest.fixture
def shell(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, services: AppServices
) -> Iterator[AppShell]:
    """The app with a tray, as on a desktop that has one (offscreen Qt has none)."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    # Offscreen Qt has no tray to put the icon in: showing it would fall back to an X11 embed.
    shown: list[bool] = []
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: shown.append(True))
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app_shell = AppShell(qapp, services, start_hidden=True, interactive=False)
    qtbot.addWidget(app_shell.window)
    yield app_shell
    app_shell.shutdown()
    qapp.setQuitOnLastWindowClosed(True)


def test_tray_menu_and_start_hidden(shell: AppShell) -> None:
    assert shell.tray is not None
    assert not shell.window.isVisible()  # --tray: only the icon
    assert shell.window.keep_running_in_tray
    shell.tray.menu.aboutToShow.emit()  # the menu is rebuilt each time it opens
    assert shell.tray.action_texts() == [
        "Quick clean",
        "Open ONE Cleaner",
        "History",
        "Settings…",
        "Quit",
    ]


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen Qt cannot raise windows
def test_open_shows_the_window_and_closing_hides_it(qtbot: QtBot, shell: AppShell) -> None:
    assert shell.tray is not None
    shell.tray.openRequested.emit()
    qtbot.waitUntil(shell.window.isVisible)
    shell.window.close()  # with a tray, closing keeps the app (and the schedule) running
    assert not shell.window.isVisible()


def test_quick_clean_removes_quick_preset_junk_and_notifies(
    qtbot: QtBot,
    shell: AppShell,
    cache: Path,
    make_files: Callable[..., list[Path]],
    isolated_home: Path,
) -> None:
    assert shell.tray is not None
    junk = make_files(cache / "someapp", 20, size=1000)
    documents = isolated_home / "Documents" / "notes.txt"
    documents.parent.mkdir()
    documents.write_text("mine")
    with qtbot.waitSignal(shell.quick.finished, timeout=TIMEOUT) as finished:
        assert shell.tray.quick_clean()
        shell.tray.menu.aboutToShow.emit()
        assert shell.tray.action_texts()[0] == "Stop the quick clean"
    outcome = finished.args[0]
    assert outcome.result.files >= 20
    assert not any(p.exists() for p in junk)
    assert documents.read_text() == "mine"
    title, text = shell.tray.last_notification or ("", "")
    assert title == "ONE Cleaner"
    assert text.startswith("Quick clean freed ")
    assert f"({outcome.result.files:,} files)" in text
    qtbot.waitUntil(lambda: not shell.quick.busy, timeout=TIMEOUT)


def test_quick_clean_waits_for_the_window(
    qtbot: QtBot, shell: AppShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shell.tray is not None
    monkeypatch.setattr(type(shell.window.session), "busy", property(lambda self: True))
    assert not shell.tray.quick_clean()
    assert shell.tray.last_notification is not None
    assert "Busy" in shell.tray.last_notification[1]


def test_service_notice_is_pushed_as_a_notification(shell: AppShell) -> None:
    assert shell.tray is not None
    notice = SimpleNamespace(
        title_in=lambda lang: "ONE Cleaner is closing down",
        body_in=lambda lang: "The service ends on 1 June.",
    )
    shell.tray.notify_notice(notice, "Export your data before 1 September.")
    assert shell.tray.last_notification == (
        "ONE Cleaner is closing down",
        "Export your data before 1 September.",
    )


def test_next_scheduled_run_in_the_tooltip(shell: AppShell) -> None:
    assert shell.tray is not None
    assert "Next scheduled clean" not in shell.tray.tooltip  # off by default
    shell.apply_settings(dataclasses.replace(shell.services.settings, schedule=Schedule.DAILY))
    assert shell.tray.next_run is not None
    assert "Next scheduled clean" in shell.tray.tooltip
    shell.apply_settings(dataclasses.replace(shell.services.settings, schedule=Schedule.OFF))
    assert shell.tray.next_run is None


def test_startup_deletion_is_reported(shell: AppShell, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shell, "_first_run", lambda: None)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text))
    )
    shell._greet(["The deletion deadline passed: your profile and history were deleted."])
    assert shown == ["The deletion deadline passed: your profile and history were deleted."]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen Qt only
def test_first_run_dialog_opens_without_blocking(qtbot: QtBot, shell: AppShell) -> None:
    if shell.services.privacy is None:
        pytest.fail("the privacy service did not start on a fresh data folder")
    shell._first_run()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "firstRunDialog"]
    assert dialogs and dialogs[0].isVisible()
    for dialog in dialogs:
        dialog.close()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen Qt cannot raise windows
def test_the_tray_opens_a_page_and_settings_apply_at_once(qtbot: QtBot, shell: AppShell) -> None:
    assert shell.tray is not None
    shell.tray.pageRequested.emit("settings")
    qtbot.waitUntil(shell.window.isVisible)
    assert shell.window.current_page == "settings"
    shell.tray.pageRequested.emit("history")
    assert shell.window.current_page == "history"
    page = shell.window.page("settings")
    page.general.schedule.setCurrentIndex(page.general.schedule.findData(Schedule.WEEKLY))
    assert shell.services.settings.schedule is Schedule.WEEKLY  # saved and applied at once
    assert shell.tray.next_run is not None


@pytest.mark.parametrize("cancelled", [False, True])
def test_a_quick_clean_into_the_trash_says_so_not_freed(
    qapp: QApplication, cancelled: bool
) -> None:
    """Files moved to the trash still take their space: the notice says where they went and
    how much they take, never "0 B freed"."""
    from onecleaner.engine.model import OS, CleanResult, DeleteMode, Plan, TargetResult
    from onecleaner.gui.jobs.workers import QuickOutcome
    from onecleaner.gui.tray import freed_text

    moved = TargetResult("system.cache", 3, 0, trashed=3, trashed_bytes=3 * 1024**2)
    result = CleanResult((moved,), DeleteMode.TRASH, dry_run=False, cancelled=cancelled)
    text = freed_text(QuickOutcome(Plan((), OS.LINUX, 0.0), result))
    assert text == (
        "Quick clean stopped: 3.0 MiB moved to the trash (3 files)."
        if cancelled
        else "Quick clean moved 3.0 MiB to the trash (3 files)."
    )
