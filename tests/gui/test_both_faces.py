"""The window and the command line mean the same by each setting: the quick selection, the delete
mode, the data folder no clean touches, the JSON report, the size units, "forget", and the
settings written under the data folder's lock."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from onecleaner import logsetup, schedule, units
from onecleaner.cli import main
from onecleaner.engine.catalog import load_catalog
from onecleaner.engine.model import CleanResult, DeleteMode
from onecleaner.gui.i18n import install_translator
from onecleaner.gui.jobs.workers import QuickOutcome
from onecleaner.gui.pages.clean.export import export_results
from onecleaner.gui.pages.clean.session import CleaningSession
from onecleaner.gui.pages.settings.page import SettingsPage
from onecleaner.gui.pages.settings.privacy import PrivacyPanel
from onecleaner.gui.schedule import Scheduler
from onecleaner.gui.services import AppServices
from onecleaner.gui.tray import QuickCleaner, TrayController
from onecleaner.gui.units import human_size
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import Schedule, Settings, load_settings, save_settings

TIMEOUT = 20_000
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX names are bytes")


def _junk(folder: Path, prefix: str, n: int = 4) -> list[Path]:
    made = []
    for i in range(n):
        path = folder / f"d{i % 2}" / f"{prefix}{i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 3000)
        made.append(path)
    return made


@contextlib.contextmanager
def _deleted_after(*objects: QObject) -> Iterator[None]:
    """Delete Qt objects that run jobs while the application exists: left to Python, their
    jobs' threads are deleted at interpreter exit, after the Qt objects they need (a crash)."""
    try:
        yield
    finally:
        for obj in objects:
            obj.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@contextlib.contextmanager
def _window_session(services: AppServices) -> Iterator[CleaningSession]:
    """The window's scan/review/clean cycle over `services`."""
    session = CleaningSession(services)
    with _deleted_after(session):
        try:
            yield session
        finally:
            session.stop()


@pytest.fixture
def session(services: AppServices) -> Iterator[CleaningSession]:
    with _window_session(services) as made:
        yield made


def _scan_and_clean(qtbot: QtBot, session: CleaningSession, ids: list[str]) -> CleanResult:
    """The window's scan of `ids`, then its clean of everything found."""
    targets = [session.services.catalog.target(i) for i in ids]
    with qtbot.waitSignal(session.scanned, timeout=TIMEOUT):
        assert session.start_scan(targets)
    qtbot.waitUntil(lambda: not session.busy, timeout=TIMEOUT)
    with qtbot.waitSignal(session.cleaned, timeout=TIMEOUT) as cleaned:
        assert session.start_clean()
    qtbot.waitUntil(lambda: not session.busy, timeout=TIMEOUT)
    result: CleanResult = cleaned.args[0]
    return result


def _quick_clean(qtbot: QtBot, services: AppServices) -> tuple[QuickOutcome, tuple[str, str]]:
    """The tray's Quick clean: what it did and the notification it showed."""
    quick = QuickCleaner(services)
    tray = TrayController(services, quick)
    with _deleted_after(quick, tray):
        try:
            with qtbot.waitSignal(quick.finished, timeout=TIMEOUT) as finished:
                assert tray.quick_clean()
            qtbot.waitUntil(lambda: not quick.busy, timeout=TIMEOUT)
            assert tray.last_notification is not None
            return finished.args[0], tray.last_notification
        finally:
            quick.stop()
            tray.dispose()


# -- the quick selection -------------------------------------------------------------------


def test_an_emptied_quick_selection_cleans_nothing_from_the_tray_and_says_so(
    qtbot: QtBot, services: AppServices, cache: Path
) -> None:
    junk = _junk(cache / "someapp", "tray")
    services.settings = dataclasses.replace(services.settings, quick_targets=())
    outcome, (title, text) = _quick_clean(qtbot, services)
    assert outcome.nothing_selected and outcome.result.files == 0
    assert title == "ONE Cleaner"  # not a failure: there is nothing to do
    assert text.startswith("Your quick selection is empty: nothing was cleaned.")
    assert all(p.exists() for p in junk)


def test_a_scheduled_run_with_an_emptied_selection_counts_as_done(
    qtbot: QtBot, services: AppServices, cache: Path
) -> None:
    junk = _junk(cache / "someapp", "sched")
    services.settings = dataclasses.replace(
        services.settings, quick_targets=(), schedule=Schedule.DAILY
    )
    quick = QuickCleaner(services)
    told: list[QuickOutcome] = []
    quick.finished.connect(told.append)
    now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    scheduler = Scheduler(
        services, lambda: quick.start(background=True), clock=lambda: now, on_battery=lambda: False
    )
    with _deleted_after(quick, scheduler):
        assert scheduler.check()
        assert schedule.load_last_run(services.data_dir) == now  # not retried every minute
        assert not scheduler.check()
    assert len(told) == 1 and told[0].nothing_selected
    assert all(p.exists() for p in junk)


def test_saving_the_settings_unchanged_keeps_following_the_catalogs_preset(
    qtbot: QtBot, data_dir: Path
) -> None:
    # The real catalog's preset names targets of every OS; the settings list this OS's only.
    dialog = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(dialog)
    dialog.general.delete_mode.setCurrentIndex(dialog.general.delete_mode.findData(DeleteMode.TRASH))
    assert dialog.apply()
    assert load_settings(data_dir)[0].quick_targets is None


# -- the delete mode -----------------------------------------------------------------------


def test_a_trash_setting_moves_to_the_trash_in_both_faces(
    qtbot: QtBot, data_dir: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_settings(data_dir, Settings(delete_mode=DeleteMode.TRASH))
    trash = Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files"
    window_junk = _junk(cache / "a", "window")
    with _window_session(AppServices.load(data_dir)) as session:
        assert _scan_and_clean(qtbot, session, ["system.cache"]).mode is DeleteMode.TRASH
    assert {p.name for p in window_junk} <= {p.name for p in trash.iterdir()}

    cli_junk = _junk(cache / "b", "cli")
    assert main(["clean", "system.cache", "--yes"]) == 0
    assert {p.name for p in cli_junk} <= {p.name for p in trash.iterdir()}

    permanent = _junk(cache / "c", "gone")
    assert main(["clean", "system.cache", "--yes", "--permanent"]) == 0
    assert not any(p.exists() for p in permanent)
    assert not {p.name for p in permanent} & {p.name for p in trash.iterdir()}
    capsys.readouterr()


# -- the data folder ---------------------------------------------------------------------------


@pytest.mark.parametrize("chosen_by", ["--data-dir", "ONECLEANER_DATA_DIR"])
def test_a_data_folder_inside_a_cache_folder_survives_the_windows_cleans(
    qtbot: QtBot, cache: Path, monkeypatch: pytest.MonkeyPatch, chosen_by: str
) -> None:
    data = cache / "onecleaner-data"  # inside ~/.cache, the root of system.cache (quick)
    if chosen_by == "ONECLEANER_DATA_DIR":
        monkeypatch.setenv("ONECLEANER_DATA_DIR", str(data))
    PrivacyService(data).grant(Purpose.HISTORY)
    save_settings(data, Settings(journal_retention_days=60))
    services = AppServices.load(data)  # what `onecleaner gui --data-dir DATA` starts with
    ours = sorted(p for p in data.rglob("*") if p.is_file())
    assert len(ours) >= 3

    junk = _junk(cache / "someapp", "scan")
    with _window_session(services) as session:
        result = _scan_and_clean(qtbot, session, ["system.cache"])
    assert result.files >= len(junk) and not any(p.exists() for p in junk)
    assert all(p.exists() for p in ours), "the window's clean removed its own data folder"

    junk = _junk(cache / "someapp", "quick")
    outcome, _ = _quick_clean(qtbot, services)
    assert outcome.result.files >= len(junk) and not any(p.exists() for p in junk)
    assert all(p.exists() for p in ours), "the quick clean removed its own data folder"
    assert load_settings(data)[0].journal_retention_days == 60


def test_a_folder_made_never_touch_after_the_scan_is_kept_by_both_faces_cleans(
    qtbot: QtBot,
    session: CleaningSession,
    data_dir: Path,
    cache: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kept, gone = _junk(cache / "precious", "keep"), _junk(cache / "someapp", "junk")
    plan = tmp_path / "plan.json"
    assert main(["scan", "system.cache", "--plan-out", str(plan)]) == 0
    targets = [session.services.catalog.target("system.cache")]
    with qtbot.waitSignal(session.scanned, timeout=TIMEOUT):
        assert session.start_scan(targets)
    qtbot.waitUntil(lambda: not session.busy, timeout=TIMEOUT)

    # Both plans hold the folder; then the user protects it (Settings, OK) before cleaning.
    never = Settings(never_touch=(str(cache / "precious"),))
    save_settings(data_dir, never)
    session.services.settings = never
    with qtbot.waitSignal(session.cleaned, timeout=TIMEOUT):
        assert session.start_clean()
    qtbot.waitUntil(lambda: not session.busy, timeout=TIMEOUT)
    assert all(p.exists() for p in kept), "the window's clean ignored the never-touch folder"
    assert not any(p.exists() for p in gone)

    gone = _junk(cache / "someapp", "junk")  # the same paths again, for the saved plan
    main(["clean", "--plan", str(plan), "--yes"])
    capsys.readouterr()
    assert all(p.exists() for p in kept), "the command line's clean ignored it"


# -- the JSON report ---------------------------------------------------------------------------


@posix_only
def test_the_windows_export_is_the_command_lines_json(
    qtbot: QtBot,
    session: CleaningSession,
    isolated_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = Path(os.environ["XDG_CACHE_HOME"]) / "pip"
    root.mkdir()
    odd = Path(os.fsdecode(os.path.join(os.fsencode(root), b"bad\xffname")))
    plain = root / "plain.bin"
    shown = f"{root}/bad\\xffname"

    def fresh() -> None:
        odd.write_bytes(b"x" * 100)
        plain.write_bytes(b"y" * 5000)

    fresh()  # the command line: scan, the file changes, clean
    plan = tmp_path / "plan.json"
    assert main(["scan", "pip.cache", "--plan-out", str(plan)]) == 0
    capsys.readouterr()
    odd.write_bytes(b"changed")
    assert main(["clean", "--plan", str(plan), "--yes", "--json"]) == 1
    cli_report = json.loads(capsys.readouterr().out)

    fresh()  # the window: the same
    targets = [session.services.catalog.target("pip.cache")]
    with qtbot.waitSignal(session.scanned, timeout=TIMEOUT):
        assert session.start_scan(targets)
    qtbot.waitUntil(lambda: not session.busy, timeout=TIMEOUT)
    odd.write_bytes(b"changed")
    with qtbot.waitSignal(session.cleaned, timeout=TIMEOUT):
        assert session.start_clean()
    qtbot.waitUntil(lambda: not session.busy, timeout=TIMEOUT)
    assert session.result is not None and session.result_plan is not None
    saved = tmp_path / "results.json"
    export_results(saved, session.result, session.result_plan.skipped)
    window_report = json.loads(saved.read_bytes().decode("utf-8"))  # strict: valid UTF-8

    assert set(window_report) == set(cli_report)
    for report in (cli_report, window_report):
        (row,) = report["targets"]
        fields = {"id", "files", "records", "bytes", "trashed_files", "trashed_bytes", "skipped"}
        assert set(row) == fields
        assert row["files"] == 1
        assert row["skipped"] == [
            {"path": shown, "reason": "changed since the scan", "code": "changed_since_scan"}
        ]
    assert odd.read_bytes() == b"changed"


# -- size units ------------------------------------------------------------------------------


def test_sizes_read_the_same_in_both_faces_and_only_the_words_are_translated(
    qapp: QCoreApplication,
) -> None:
    sizes = (0, 812, 4200, 5 * 2**20, 12_300_000_000)
    assert [human_size(n) for n in sizes] == ["0 B", "812 B", "4.1 KiB", "5.0 MiB", "11.5 GiB"]
    assert [human_size(n) for n in sizes] == [units.human_size(n) for n in sizes]
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        assert human_size(812) == "812 字节"
        assert human_size(5 * 2**20) == "5.0 MiB"
    finally:
        install_translator(qapp, "en")


# -- forget ------------------------------------------------------------------------------------


def _logged(data_dir: Path, line: str) -> None:
    logging.getLogger("onecleaner.test").warning(line)


def test_forget_removes_the_log_files_from_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with logsetup.logging_to_file(data_dir) as log:
        _logged(data_dir, "a line of an earlier run")
    (log.parent / "onecleaner.log.1").write_text("an older, rotated log\n")
    assert log.exists()
    assert main(["privacy", "forget", "--yes"]) == 0
    assert "log files" in capsys.readouterr().out
    assert not log.parent.exists()


def test_delete_all_my_data_removes_the_log_files_and_the_log_goes_on(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    panel = PrivacyPanel(None, privacy=PrivacyService(data_dir))
    qtbot.addWidget(panel)
    with logsetup.logging_to_file(data_dir) as log:  # the window's whole run logs
        _logged(data_dir, "before: the user's day")
        panel.forget_button.click()
        assert panel.message.text() == "All your data was deleted from this device."
        assert not log.exists()
        _logged(data_dir, "after the forget")
    assert log.read_text(encoding="utf-8").count("\n") == 1  # a new file, the new line only
    assert "after the forget" in log.read_text(encoding="utf-8")


# -- settings written under the lock -----------------------------------------------------------


def test_the_settings_dialog_keeps_what_the_command_line_changed_meanwhile(
    qtbot: QtBot, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dialog = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(dialog)
    assert main(["cookies", "keep", "add", "bank.example"]) == 0  # while the dialog is open
    capsys.readouterr()
    dialog.general.delete_mode.setCurrentIndex(dialog.general.delete_mode.findData(DeleteMode.TRASH))
    assert dialog.apply()
    stored = load_settings(data_dir)[0]
    assert stored.delete_mode is DeleteMode.TRASH
    assert stored.cookie_keep_list == ("bank.example",), "the dialog signed the user out"
