"""The Home page: the home's disk, what the last scan found and when, one Quick clean with the
tray's rules, the next scheduled clean, the service notice."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from notice_kit import install_signed_notice
from pytestqt.qtbot import QtBot

from onecleaner import app_state
from onecleaner.engine.processes import _mount_of
from onecleaner.gui.shell import MainWindow
from onecleaner.gui.units import human_size
from onecleaner.settings import Schedule

MakeFiles = Callable[..., list[Path]]
TIMEOUT = 20_000


@pytest.fixture
def home(shell_window: MainWindow) -> Any:
    return shell_window.page("home")


def test_the_disk_the_home_lives_on_is_shown_as_a_ring(home: Any, isolated_home: Path) -> None:
    cards = [c for c in home.disk_cards if not c.isHidden()]
    assert cards
    mount = _mount_of(str(isolated_home))
    assert cards[0].name.text() == mount
    assert 0.0 < cards[0].ring.used_share() <= 1.0
    assert " free of " in cards[0].free.text()
    assert cards[0].ring.accessibleDescription().endswith("free")


def test_before_any_scan_it_says_so_and_after_one_it_shows_what_and_when(
    home: Any, data_dir: Path
) -> None:
    assert home.found.text() == "—"
    assert home.found_when.text().startswith("No scan yet")
    assert home.last_clean.isHidden()
    when = datetime(2026, 3, 1, 9, 15, tzinfo=UTC)
    app_state.remember_scan(data_dir, app_state.RunFigures(when, 1292, 61_000_000, 7))
    app_state.remember_clean(data_dir, app_state.RunFigures(when, 1200, 60_000_000, 7))
    home.activate()
    assert home.found.text() == human_size(61_000_000)
    assert home.found_when.text().startswith("Found in 1,292 files by the scan of ")
    assert "57.2 MiB freed" in home.last_clean.text()


def test_a_scan_on_the_clean_page_is_remembered_for_home(
    qtbot: QtBot, shell_window: MainWindow, cache: Path, make_files: MakeFiles
) -> None:
    make_files(cache / "someapp", 3, size=1000)
    clean = shell_window.page("clean")
    clean.target_model.set_checked(["system.cache"])
    with qtbot.waitSignal(clean.session.scanned, timeout=TIMEOUT):
        clean.scan()
    shell_window.open_page("home")
    home = shell_window.page("home")
    assert home.found_when.text().startswith("Found in 3 files by the scan of ")


def test_the_big_button_runs_the_quick_preset_without_a_question(
    qtbot: QtBot,
    home: Any,
    dialogs: Any,
    cache: Path,
    make_files: MakeFiles,
    isolated_home: Path,
) -> None:
    junk = make_files(cache / "someapp", 8, size=1000)
    mine = isolated_home / "Documents" / "a.txt"
    mine.parent.mkdir()
    mine.write_text("mine")
    with qtbot.waitSignal(home.quick.finished, timeout=TIMEOUT):
        assert home.quick_clean()
        assert not home.quick_button.isEnabled()
    qtbot.waitUntil(lambda: not home.quick.busy, timeout=TIMEOUT)
    assert dialogs.quick_asked == []  # the safe preset: no question, as in the tray
    assert not any(p.exists() for p in junk)
    assert mine.read_text() == "mine"
    assert home.quick_status.text().startswith("Quick clean freed ")
    assert home.quick_button.isEnabled()
    assert not home.last_clean.isHidden()  # the figures are refreshed at once


def test_care_items_in_the_quick_preset_are_asked_about_first(
    qtbot: QtBot, home: Any, services: Any, dialogs: Any, isolated_home: Path
) -> None:
    trash = isolated_home / ".local" / "share" / "Trash" / "files"
    trash.mkdir(parents=True)
    (trash / "old.pdf").write_bytes(b"x" * 100)
    services.settings = dataclasses.replace(
        services.settings, quick_targets=("system.cache", "system.trash")
    )
    dialogs.confirm = False
    assert not home.quick_clean()
    assert [label for label, _risk in dialogs.quick_asked[0]] == ["Trash"]
    assert (trash / "old.pdf").exists()  # declined: nothing removed
    assert not home.quick.busy


def test_the_next_scheduled_clean_is_shown(home: Any, services: Any) -> None:
    assert home.next_run.text() == "Off"
    assert home.schedule_button.text() == "Turn &on…"
    services.settings = dataclasses.replace(services.settings, schedule=Schedule.DAILY)
    home.refresh()
    assert home.next_run.text() == "Due now: runs as soon as possible"  # never ran before


def test_the_schedule_button_opens_the_settings(shell_window: MainWindow) -> None:
    shell_window.page("home").schedule_button.click()
    assert shell_window.current_page == "settings"
    assert shell_window.page("settings").tabs.currentIndex() == 0


def test_the_end_of_service_notice_shows_on_home(
    qtbot: QtBot, services: Any, dialogs: Any, data_dir: Path, tmp_path: Path
) -> None:
    install_signed_notice(data_dir, tmp_path)
    window = MainWindow(services, dialogs=dialogs)
    qtbot.addWidget(window)
    try:
        home = window.page("home")
        assert window.banner is home.banner
        assert not home.banner.isHidden()
        assert home.banner.title.text() == "ONE Cleaner is ending"
    finally:
        window.stop()
