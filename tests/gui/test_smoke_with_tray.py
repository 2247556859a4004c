"""`onecleaner gui --smoke-test` always exits on a desktop with a system tray: 50 runs in a row
on a real X display (Xvfb) with a tray host (trayer). It hung in about half the runs when the
quit was a request the window, hiding to the tray, could refuse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.x11_kit import display_env, missing_tools, tray_host, xvfb

RUNS = 50
#: Far beyond a normal run (about two seconds); a run that has not ended by then hangs.
RUN_TIMEOUT_S = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs an X server (Linux)"),
    pytest.mark.skipif(
        bool(missing_tools("Xvfb", "trayer")),
        reason="needs Xvfb and trayer (apt install xvfb trayer)",
    ),
]


def test_the_smoke_test_exits_every_time_with_a_tray(data_dir: Path) -> None:
    failures: list[str] = []
    with xvfb() as display, tray_host(display):
        for run in range(1, RUNS + 1):
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "onecleaner", "gui", "--smoke-test"],
                    env=display_env(display),
                    capture_output=True,
                    text=True,
                    timeout=RUN_TIMEOUT_S,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                failures.append(f"run {run}: still running after {RUN_TIMEOUT_S} s")
                continue
            if done.returncode != 0:
                failures.append(f"run {run}: exit {done.returncode}: {done.stderr[-500:]}")
    assert failures == [], f"{len(failures)} of {RUNS} smoke tests failed:\n" + "\n".join(failures)
