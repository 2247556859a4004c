"""The Home page's remembered figures: kept across runs, never a path, safe against a crash
during a write and against two processes writing at once."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from onecleaner import app_state
from onecleaner.app_state import RunFigures, load_app_state, remember_clean, remember_scan
from onecleaner.privacy.errors import DataFolderError

AT = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)


def test_the_last_scan_and_clean_are_kept_and_read_back(data_dir: Path) -> None:
    assert load_app_state(data_dir) == app_state.AppState()
    remember_scan(data_dir, RunFigures(AT, 1292, 61_000_000, 7))
    remember_clean(data_dir, RunFigures(AT, 1200, 60_000_000, 7, cancelled=True))
    state = load_app_state(data_dir)
    assert state.last_scan == RunFigures(AT, 1292, 61_000_000, 7)
    assert state.last_clean == RunFigures(AT, 1200, 60_000_000, 7, cancelled=True)
    path = app_state.state_path(data_dir)
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert "/" not in path.read_text().replace("\\/", "")  # counts and times, no path


def test_an_unreadable_file_is_set_aside_and_the_app_starts_afresh(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    app_state.state_path(data_dir).write_text("{not json")
    assert load_app_state(data_dir) == app_state.AppState()
    assert any(".corrupt-" in p.name for p in data_dir.iterdir())
    remember_scan(data_dir, RunFigures(AT, 1, 2, 3))
    assert load_app_state(data_dir).last_scan == RunFigures(AT, 1, 2, 3)


def test_bad_values_are_dropped_not_trusted(data_dir: Path) -> None:
    remember_scan(data_dir, RunFigures(AT, 1, 2, 3))
    path = app_state.state_path(data_dir)
    path.write_text(path.read_text().replace('"files": 1', '"files": -5'))
    assert load_app_state(data_dir).last_scan is None


def test_a_crash_during_a_write_keeps_the_previous_figures(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember_scan(data_dir, RunFigures(AT, 1, 2, 3))

    def crash(*args: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr("onecleaner.privacy.storage.os.replace", crash)
    with pytest.raises(DataFolderError, match="power cut; nothing was changed"):
        remember_scan(data_dir, RunFigures(AT, 9, 9, 9))
    monkeypatch.undo()
    assert load_app_state(data_dir).last_scan == RunFigures(AT, 1, 2, 3)
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


WRITER = r"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from onecleaner.app_state import RunFigures, remember_clean, remember_scan

data, what, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(count):
    figures = RunFigures(datetime.now(UTC), i, i * 10, 1)
    (remember_scan if what == "scan" else remember_clean)(data, figures)
"""


def test_two_processes_writing_at_once_lose_neither_figure(data_dir: Path) -> None:
    # One writes the last scan, the other the last clean, over and over: the read-modify-write
    # under the lock must never drop the other's field nor leave a torn file.
    runs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), what, "60"])
        for what in ("scan", "clean")
    ]
    for run in runs:
        assert run.wait(timeout=120) == 0
    state = load_app_state(data_dir)
    assert state.last_scan is not None and state.last_scan.files == 59
    assert state.last_clean is not None and state.last_clean.files == 59
    assert not [p for p in data_dir.iterdir() if ".corrupt-" in p.name]


def test_a_write_waits_for_the_other_process_holding_the_lock(data_dir: Path) -> None:
    from onecleaner.privacy.datalock import data_lock

    remember_scan(data_dir, RunFigures(AT, 1, 2, 3))
    with data_lock(data_dir):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), "scan", "1"])
        with contextlib.suppress(subprocess.TimeoutExpired):
            writer.wait(timeout=1)  # it blocks on the lock, as it must
        assert writer.poll() is None
        assert load_app_state(data_dir).last_scan == RunFigures(AT, 1, 2, 3)
    assert writer.wait(timeout=60) == 0
    assert load_app_state(data_dir).last_scan.files == 0  # type: ignore[union-attr]
