"""The window and the command line mean the same by each setting: the quick selection, the delete
mode, the data folder no clean touches, the JSON report, the size units, "forget", and the
settings written under the data folder's lock."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from onecleaner import units
from onecleaner.cli import main
from onecleaner.gui.export import export_results
from onecleaner.gui.i18n import install_translator
from onecleaner.gui.services import AppServices
from onecleaner.gui.session import CleaningSession
from onecleaner.gui.units import human_size

TIMEOUT = 20_000
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX names are bytes")


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
        assert set(row) == {"id", "files", "records", "bytes", "skipped"}
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
