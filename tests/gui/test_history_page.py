"""The History page: nothing without the history consent (and how to turn it on); with it, the
scans and cleans newest first, what each did and left alone, and a trash clean put back."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from onecleaner.engine.model import OS, DeleteMode
from onecleaner.gui.pages.history import HistoryModel, open_system_trash
from onecleaner.gui.shell import MainWindow
from onecleaner.privacy.consent import Purpose, Way

MakeFiles = Callable[..., list[Path]]
TIMEOUT = 20_000


def _clean(qtbot: QtBot, window: MainWindow, ids: list[str]) -> None:
    page = window.page("clean")
    page.activate()
    page.target_model.set_checked(ids)
    with qtbot.waitSignal(page.session.scanned, timeout=TIMEOUT):
        page.scan()
    with qtbot.waitSignal(page.session.cleaned, timeout=TIMEOUT):
        page.clean()
    qtbot.waitUntil(lambda: not page.session.busy, timeout=TIMEOUT)


def test_without_history_consent_the_page_says_how_and_shows_nothing(
    qtbot: QtBot, shell_window: MainWindow, cache: Path, make_files: MakeFiles
) -> None:
    make_files(cache / "someapp", 3)
    _clean(qtbot, shell_window, ["system.cache"])  # a clean happened, but was not recorded
    shell_window.open_page("history")
    page = shell_window.page("history")
    assert page.stack.currentWidget() is page.off_page
    assert page.model.rowCount() == 0
    assert "Settings → Privacy" in page.off_text.text()
    page.turn_on.click()
    assert shell_window.current_page == "settings"
    assert shell_window.page("settings").tabs.currentIndex() == 1  # the Privacy tab


@pytest.mark.skipif(sys.platform != "linux", reason="restore from the freedesktop trash")
def test_a_trash_clean_is_listed_with_its_reasons_and_put_back(
    qtbot: QtBot,
    shell_window: MainWindow,
    services: Any,
    cache: Path,
    make_files: MakeFiles,
) -> None:
    services.privacy.grant(Purpose.HISTORY, Way.GUI)
    services.settings = dataclasses.replace(services.settings, delete_mode=DeleteMode.TRASH)
    junk = make_files(cache / "someapp", 4, size=500)
    page = shell_window.page("clean")
    page.activate()
    page.target_model.set_checked(["system.cache"])
    with qtbot.waitSignal(page.session.scanned, timeout=TIMEOUT):
        page.scan()
    page.file_model.setData(  # one file kept by the user: not cleaned, not listed
        page.file_model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    with qtbot.waitSignal(page.session.cleaned, timeout=TIMEOUT):
        page.clean()
    qtbot.waitUntil(lambda: not page.session.busy, timeout=TIMEOUT)
    assert sum(p.exists() for p in junk) == 1

    shell_window.open_page("history")
    history = shell_window.page("history")
    assert history.stack.currentWidget() is history.on_page
    model = history.model
    kinds = [model.data(model.index(r, HistoryModel.WHAT)) for r in range(model.rowCount())]
    assert kinds == ["Clean (to the trash)", "Scan"]  # newest first
    assert model.data(model.index(0, HistoryModel.FILES)) == "3"
    # Files in the trash still take their space: the page says where they went, never
    # "0 B freed", and with the space they take there.
    amount = model.data(model.index(0, HistoryModel.AMOUNT))
    moved = amount.removesuffix(" to the trash")
    assert amount.endswith(" to the trash") and moved != "0 B", amount
    details = history.details.text()
    assert f"Moved 3 files ({moved}) to the trash." in details
    assert f"System — User cache folder: {moved} (3 files)" in details
    assert "Freed" not in details and "freed" not in amount
    # So does Home's last clean.
    shell_window.open_page("home")
    assert shell_window.page("home").last_clean.text().endswith(f": {moved} moved to the trash.")
    shell_window.open_page("history")
    assert not history.restore_button.isHidden()
    assert history.open_trash.isHidden()

    with qtbot.waitSignal(history.model.modelReset, timeout=TIMEOUT):
        assert history.restore_current()
    qtbot.waitUntil(lambda: history._job is None, timeout=TIMEOUT)
    assert all(p.exists() for p in junk)  # all four are back
    assert history.status.text() == "3 files put back where they were."
    kinds = [model.data(model.index(r, HistoryModel.WHAT)) for r in range(model.rowCount())]
    assert kinds[0] == "Put back from the trash"
    # The clean's list is gone with its files: it cannot be put back twice.
    clean_row = kinds.index("Clean (to the trash)")
    history.table.selectRow(clean_row)
    assert history.restore_button.isHidden()
    assert not history.open_trash.isHidden()


def test_left_alone_reasons_are_counted_in_words(
    qtbot: QtBot, shell_window: MainWindow, services: Any
) -> None:
    services.privacy.grant(Purpose.HISTORY, Way.GUI)
    services.privacy.record_activity(
        "quick_clean",
        {
            "files": 1,
            "bytes": 4096,
            "skipped": 3,
            "mode": "permanent",
            "skip_codes": {"app_running": 2, "in_use": 1},
            "skipped_apps": ["Google Chrome"],
            "per_target": {"system.cache": {"files": 1, "bytes": 4096}},
        },
    )
    shell_window.open_page("history")
    history = shell_window.page("history")
    details = history.details.text()
    assert "Left alone: 3 items, and why:" in details
    assert "skipped: Google Chrome is running: 2" in details
    assert "in use by a running program: 1" in details
    assert history.restore_button.isHidden() and history.open_trash.isHidden()  # not trash


def test_elsewhere_the_page_opens_the_system_trash(
    qtbot: QtBot,
    shell_window: MainWindow,
    services: Any,
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
) -> None:
    services.privacy.grant(Purpose.HISTORY, Way.GUI)
    services.env = dataclasses.replace(services.env, os=OS.WINDOWS)
    services.privacy.record_activity(
        "clean", {"files": 2, "bytes": 10, "mode": "trash", "clean_id": "0" * 32}
    )
    shell_window.open_page("history")
    history = shell_window.page("history")
    assert history.restore_button.isHidden()
    assert not history.open_trash.isHidden()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    assert open_system_trash("win32") is not None
    open_system_trash("darwin")
    open_system_trash("linux")
    assert opened[0] == "shell:RecycleBinFolder"
    assert opened[1] == QUrl.fromLocalFile(str(isolated_home / ".Trash")).toString()
    assert opened[2] == "trash:///"


def test_a_count_of_browser_traces_is_told_in_records(
    qtbot: QtBot, shell_window: MainWindow, services: Any
) -> None:
    """A scan of the Browser traces page found records, not files: "0 files" would read as
    nothing found."""
    services.privacy.grant(Purpose.HISTORY, Way.GUI)
    services.privacy.record_activity(
        "scan",
        {
            "files": 0,
            "records": 587,
            "bytes": 219_000,
            "per_target": {"chromium.cookies": {"files": 0, "records": 32, "bytes": 7475}},
        },
    )
    shell_window.open_page("history")
    history = shell_window.page("history")
    model = history.model
    assert model.data(model.index(0, HistoryModel.FILES)) == "587 records"
    details = history.details.text()
    assert "Found 214 KiB in 587 browser records." in details
    assert "Chromium — Chromium cookies: 7.3 KiB (32 browser records)" in details
