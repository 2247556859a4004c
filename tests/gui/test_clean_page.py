"""The Clean page on a temporary HOME: scan, review, untick, clean, cancel, running browsers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from onecleaner.engine.model import OS, Application
from onecleaner.gui.pages.clean.confirm import RunningChoice
from onecleaner.gui.pages.clean.page import CleanPage
from onecleaner.gui.pages.clean.session import Stage
from onecleaner.gui.services import AppServices

MakeFiles = Callable[..., list[Path]]
FakeDialogs = Any  # tests/gui/conftest.py's FakeDialogs (conftest modules are not importable)
TIMEOUT = 20_000


def _scan(qtbot: QtBot, window: CleanPage, ids: Sequence[str]) -> None:
    window.activate()  # as when the page is shown: items installed meanwhile appear
    window.target_model.set_checked(ids)
    with qtbot.waitSignal(window.session.scanned, timeout=TIMEOUT):
        window.scan_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)


def _clean(qtbot: QtBot, window: CleanPage) -> None:
    with qtbot.waitSignal(window.session.cleaned, timeout=TIMEOUT):
        window.clean_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen Qt only
def test_scan_then_clean_removes_cache_junk_and_nothing_else(
    qtbot: QtBot,
    window: CleanPage,
    dialogs: FakeDialogs,
    cache: Path,
    make_files: MakeFiles,
    isolated_home: Path,
) -> None:
    home = isolated_home
    junk = make_files(cache / "someapp", 50)
    documents = home / "Documents" / "letter.txt"
    documents.parent.mkdir()
    documents.write_text("keep me")
    window.show()
    _scan(qtbot, window, ["system.cache"])

    assert window.session.stage is Stage.SCANNED
    assert window.clean_button.isEnabled()
    system_cache = window.target_model.index_of("system.cache")
    files_cell = window.target_model.index(system_cache.row(), 3, system_cache.parent())
    assert window.target_model.data(files_cell) == "50"
    assert window.file_model.rowCount() == 50  # the biggest target's files are shown
    assert "Ready to free" in window.summary.headline.text()
    assert window.summary.chart.bars()[0].name == "System"

    _clean(qtbot, window)
    assert not any(p.exists() for p in junk)
    assert documents.read_text() == "keep me"
    assert cache.is_dir()  # the root itself stays
    (summary,) = dialogs.summaries
    assert summary.files == 50
    assert window.summary.headline.text().startswith("Freed ")
    assert "50 files removed" in window.summary.headline.text()
    assert window.summary.export_button.isEnabled()
    assert not window.clean_button.isEnabled()


def test_declining_the_confirmation_removes_nothing(
    qtbot: QtBot, window: CleanPage, dialogs: FakeDialogs, cache: Path, make_files: MakeFiles
) -> None:
    junk = make_files(cache / "someapp", 5)
    dialogs.confirm = False
    _scan(qtbot, window, ["system.cache"])
    window.clean_button.click()
    assert len(dialogs.summaries) == 1
    assert not window.session.busy
    assert all(p.exists() for p in junk)
    assert window.status_text() == "Nothing was cleaned."


def test_unticked_files_survive_the_clean(
    qtbot: QtBot, window: CleanPage, dialogs: FakeDialogs, cache: Path, make_files: MakeFiles
) -> None:
    junk = make_files(cache / "someapp", 12)
    _scan(qtbot, window, ["system.cache"])
    model = window.file_model
    kept = []
    for row in (0, 7):
        index = model.index(row, 0)
        kept.append(model.entry_at(row).path)
        assert model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert "2 unticked files stay" in window.summary.detail.text()
    _clean(qtbot, window)
    assert dialogs.summaries[0].files == 10
    assert dialogs.summaries[0].unticked == 2
    assert sorted(str(p) for p in junk if p.exists()) == sorted(kept)


def test_cancel_mid_scan_shows_partial_results_and_cleans_nothing(
    qtbot: QtBot, window: CleanPage, cache: Path, make_files: MakeFiles
) -> None:
    for i in range(60):
        make_files(cache / f"app{i}", 50, size=1)
    window.target_model.set_checked(["system.cache"])
    with qtbot.waitSignal(window.session.scanned, timeout=TIMEOUT):
        window.scan_button.click()
        assert window.cancel_button.isEnabled()
        window.cancel_button.click()  # the engine stops at its next check
    plan = window.session.plan
    assert plan is not None and plan.cancelled
    assert plan.files < 3000
    assert window.summary.headline.text().startswith("Scan cancelled")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)
    assert not window.clean_button.isEnabled()
    assert len(list(cache.rglob("*.bin"))) == 3000


class _FakeProbe:
    """A process probe that says Chromium runs until `running` is switched off."""

    def __init__(self) -> None:
        self.running = True

    def running_apps(self, apps: Sequence[Application], os_: OS) -> Mapping[str, tuple[int, ...]]:
        return {"chromium": (4242,)} if self.running else {}

    def open_files(self) -> frozenset[str]:
        return frozenset()


@pytest.mark.parametrize("choice", [RunningChoice.SKIP, RunningChoice.CLOSE])
def test_running_browser_is_named_and_skipped_or_closed(
    qtbot: QtBot,
    window: CleanPage,
    dialogs: FakeDialogs,
    cache: Path,
    make_files: MakeFiles,
    choice: RunningChoice,
) -> None:
    browser = make_files(cache / "chromium" / "Default" / "Cache", 6)
    other = make_files(cache / "someapp", 4)
    probe = _FakeProbe()
    closed: list[str] = []

    def close(app: Application) -> bool:
        closed.append(app.name)
        probe.running = False
        return True

    window.session.probe = probe
    window.session.closer = close
    dialogs.running_choice = choice
    _scan(qtbot, window, ["system.cache", "chromium.cache"])
    assert any("Chromium is running" in str(s.reason) for s in window.skip_model.skips())
    _clean(qtbot, window)
    assert dialogs.running_asked == [["Chromium"]]
    assert not any(p.exists() for p in other)
    if choice is RunningChoice.SKIP:
        assert all(p.exists() for p in browser)
        assert closed == []
        reasons = [str(s.reason) for s in window.skip_model.skips()]
        assert any("Chromium is running" in r for r in reasons)
    else:
        assert closed == ["Chromium"]
        assert not any(p.exists() for p in browser)
    assert len(dialogs.summaries) == 1


def test_a_browser_that_does_not_close_is_reported(
    qtbot: QtBot, window: CleanPage, dialogs: FakeDialogs, cache: Path, make_files: MakeFiles
) -> None:
    browser = make_files(cache / "chromium" / "Default" / "Cache", 3)
    window.session.probe = _FakeProbe()
    window.session.closer = lambda app: False
    dialogs.running_choice = RunningChoice.CLOSE
    _scan(qtbot, window, ["chromium.cache"])
    with qtbot.waitSignal(window.session.scanned, timeout=TIMEOUT):
        window.clean_button.click()  # close fails, then a rescan
    qtbot.waitUntil(lambda: bool(dialogs.informed), timeout=TIMEOUT)
    _title, text = dialogs.informed[0]
    assert "Chromium did not close" in text
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)
    assert all(p.exists() for p in browser)


def test_export_after_clean_writes_json(
    qtbot: QtBot,
    window: CleanPage,
    dialogs: FakeDialogs,
    cache: Path,
    make_files: MakeFiles,
    tmp_path: Path,
    isolated_home: Path,
) -> None:
    make_files(cache / "someapp", 3, size=10)
    _scan(qtbot, window, ["system.cache"])
    _clean(qtbot, window)
    dialogs.save_to = tmp_path / "out.json"
    window.summary.export_button.click()
    doc = json.loads(dialogs.save_to.read_text(encoding="utf-8"))
    assert doc["files"] == 3
    assert [t["id"] for t in doc["targets"]] == ["system.cache"]
    assert "Results saved to" in window.status_text()
    # The save dialog opens in the home folder, not wherever the app was started from.
    assert dialogs.suggested == [str(isolated_home / "onecleaner-results.csv")]


def test_nothing_ticked_means_no_scan(qtbot: QtBot, window: CleanPage) -> None:
    window.select_none()
    assert not window.scan_button.isEnabled()
    window.scan()
    assert window.status_text() == "Tick at least one item to scan."
    window.select_quick()
    assert window.scan_button.isEnabled()


def test_every_control_has_an_accessible_name_and_keys(qtbot: QtBot, window: CleanPage) -> None:
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text():
            assert button.accessibleName() or button.text(), button
    for widget in (window.tree, window.files_view, window.skips_view, window.progress):
        assert widget.accessibleName()
    assert window.scan_action.shortcut().toString()
    assert window.clean_action.shortcut().toString() == "Ctrl+Return"
    assert window.cancel_action.shortcut().toString() == "Esc"


def test_smoke_test_exits_zero(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "onecleaner", "gui", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # Qt's complaints about objects deleted in the wrong order at exit (they precede a crash).
    for sign in ("Fatal", "deleted directly", "Destroyed while thread", "QObject::"):
        assert sign not in done.stderr, done.stderr


def test_without_a_tray_the_window_is_the_app(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, services: object
) -> None:
    from onecleaner.gui import app as app_module

    monkeypatch.setattr(app_module, "tray_available", lambda: False)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    shell = app_module.AppShell(qapp, services, start_hidden=True, interactive=False)  # type: ignore[arg-type]
    qtbot.addWidget(shell.window)
    try:
        assert shell.tray is None
        assert shell.window.isVisible()  # --tray without a tray still shows the window
        assert qapp.quitOnLastWindowClosed()
        assert not shell.window.keep_running_in_tray
    finally:
        shell.shutdown()
        qapp.setQuitOnLastWindowClosed(True)


def test_without_a_display_the_gui_says_so(data_dir: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "onecleaner", "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "no display" in done.stderr


def test_sizes_wait_for_a_scan_and_absent_targets_say_not_found(
    qtbot: QtBot,
    services: Any,
    dialogs: FakeDialogs,
    cache: Path,
    make_files: MakeFiles,
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
) -> None:
    from onecleaner.gui.pages.clean.models import MissingRole
    from onecleaner.gui.pages.clean.target_tree import TargetTreeModel

    monkeypatch.delenv("PIP_CACHE_DIR", raising=False)
    make_files(cache / "someapp", 4, size=1000)
    (cache / "pip").mkdir()  # pip is installed here, with nothing in its cache
    window = CleanPage(services, dialogs=dialogs)
    qtbot.addWidget(window)
    model = window.target_model
    # Not on this computer: hidden from the tree, and never scanned, until "Show all".
    assert not model.index_of("brave.cache").isValid()
    assert "brave.cache" not in [t.id for t in model.targets()]
    model.set_checked(["brave.cache", "system.cache"])
    assert [t.id for t in model.checked_targets()] == ["system.cache"]
    window.show_all.setChecked(True)

    def cell(target_id: str, column: int, *, app_row: bool = False) -> str:
        index = model.index_of(target_id)
        if app_row:
            index = index.parent()
        return str(model.data(model.index(index.row(), column, index.parent())))

    # Before a scan: no sizes at all, never a "0 B" that was not measured.
    for target_id in ("system.cache", "pip.cache"):
        assert cell(target_id, TargetTreeModel.SIZE) == ""
        assert cell(target_id, TargetTreeModel.FILES) == ""
    # Brave has no folder in this home: said, greyed, and still tickable.
    brave = model.index_of("brave.cache")
    assert cell("brave.cache", TargetTreeModel.SIZE) == "not found"
    assert cell("brave.cache", TargetTreeModel.SIZE, app_row=True) == "not found"
    assert model.data(brave, MissingRole) is True
    assert model.data(brave, Qt.ItemDataRole.ForegroundRole) is not None
    assert "Not found on this computer" in model.data(brave, Qt.ItemDataRole.ToolTipRole)
    assert model.flags(brave) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index_of("system.cache"), MissingRole) is False
    assert model.data(model.index_of("system.cache"), Qt.ItemDataRole.ForegroundRole) is None

    _scan(qtbot, window, ["system.cache", "pip.cache", "brave.cache"])
    assert cell("system.cache", TargetTreeModel.FILES) == "4"
    assert cell("pip.cache", TargetTreeModel.SIZE) == "0 B"  # scanned: there, and empty
    assert cell("brave.cache", TargetTreeModel.SIZE) == "not found"
    assert cell("brave.cache", TargetTreeModel.FILES) == ""

    # Brave gets installed: the next scan finds its folder.
    make_files(isolated_home / ".config/BraveSoftware/Brave-Browser/Default/Cache", 2)
    _scan(qtbot, window, ["brave.cache"])
    assert cell("brave.cache", TargetTreeModel.FILES) == "2"
    assert model.data(brave, MissingRole) is False


def test_a_scan_counts_as_usage_only_once_the_user_allowed_it(
    qtbot: QtBot,
    window: CleanPage,
    services: AppServices,
    cache: Path,
    make_files: Callable[..., list[Path]],
) -> None:
    from onecleaner.privacy.consent import Purpose, Way

    make_files(cache / "someapp", 3)
    _scan(qtbot, window, ["system.cache"])
    assert services.privacy.usage_store().load().counters == {}, "nothing without consent"
    services.privacy.grant(Purpose.USAGE, Way.GUI)
    _scan(qtbot, window, ["system.cache"])
    assert services.privacy.usage_store().load().counters == {"gui.scan": 1}


def test_the_status_is_said_once(
    qtbot: QtBot, window: CleanPage, cache: Path, make_files: MakeFiles
) -> None:
    from PySide6.QtWidgets import QLabel

    make_files(cache / "someapp", 2)
    _scan(qtbot, window, ["system.cache"])
    status = window.status_text()
    # Nothing was left alone: the line does not say "0 items left alone".
    assert re.fullmatch(r"Scan finished: [0-9.]+ (B|KiB) in 2 files\.", status), status
    shown = [
        label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)
    ]
    assert shown.count(status) == 1
    assert not any(t.startswith("Scan finished") for t in shown if t != status)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_after_a_quick_clean_elsewhere_the_page_shows_fresh_results(
    qtbot: QtBot, shell_window: Any, cache: Path, make_files: MakeFiles
) -> None:
    make_files(cache / "someapp", 6)
    page = shell_window.page("clean")
    _scan(qtbot, page, ["system.cache"])
    assert page.session.plan.files == 6
    # The tray (or Home) runs the quick clean: the reviewed plan names files that are gone.
    with qtbot.waitSignal(page.session.scanned, timeout=TIMEOUT):
        assert shell_window.quick.start()
    qtbot.waitUntil(lambda: not page.session.busy and not shell_window.quick.busy, timeout=TIMEOUT)
    assert page.session.plan.files == 0
    assert page.file_model.rowCount() == 0

    # Without a reviewed plan, the page shows what the quick clean did.
    page.session.outcome = None
    page.session.stage = Stage.IDLE
    make_files(cache / "again", 2)
    with qtbot.waitSignal(page.session.cleaned, timeout=TIMEOUT):
        assert shell_window.quick.start()
    assert page.session.stage is Stage.CLEANED
    assert page.summary.headline.text().startswith("Freed ")
    assert "2 files removed" in page.summary.headline.text()
    qtbot.waitUntil(lambda: not shell_window.quick.busy, timeout=TIMEOUT)
