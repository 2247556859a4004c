"""The app quits cleanly: after a scan, with the tray, the single-instance server and the
first-run dialog up, the process ends with 0 and Qt reports nothing deleted in the wrong order."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# Runs the real `run()` in a child process: the way out (the interpreter's exit after Qt's
# teardown) is exactly what is tested, and a crash there must not take pytest down.
DRIVER = r"""
import atexit
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from onecleaner.gui import app as app_module
from onecleaner.gui.shell import MainWindow

# A desktop with a tray (offscreen Qt has none; showing the icon would need one).
QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
QSystemTrayIcon.show = lambda self: None
app = app_module._application()
seen = []


def left_for_exit():
    # Registered after Qt's own exit handler, so it runs first: the Python-owned Qt objects
    # still alive here are the ones PySide would delete in no fixed order during the exit.
    objects = [
        w
        for w in shiboken6.getAllValidWrappers()
        if isinstance(w, QObject) and not isinstance(w, QCoreApplication)
    ]
    names = sorted(type(w).__name__ for w in objects if shiboken6.ownedByPython(w))
    print("left for exit:", names, flush=True)


atexit.register(left_for_exit)


def drive():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    page = window.page("clean")

    def scanned(outcome):
        seen.append(outcome.plan.files)
        page.scan()  # a second scan whose thread is still busy when the app quits
        QTimer.singleShot(0, window.quitRequested.emit)

    page.session.scanned.connect(scanned)
    page.select_quick()
    page.scan()


QTimer.singleShot(300, drive)
QTimer.singleShot(30_000, app.quit)  # never hang the test run
code = app_module.run(Path(sys.argv[1]), tray=False, smoke_test=False)
print("files found:", seen[0] if seen else None, flush=True)
sys.exit(code)
"""


def test_quitting_after_a_scan_ends_cleanly(
    data_dir: Path, tmp_path: Path, cache: Path, make_files: Callable[..., list[Path]]
) -> None:
    made = make_files(cache / "someapp", 300)
    script = tmp_path / "drive.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    done = subprocess.run(
        [sys.executable, str(script), str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert "files found: 300" in done.stdout, done.stdout + done.stderr
    assert all(p.exists() for p in made)  # scanned, never cleaned
    # The window, the shell, the tray menu, the workers and their threads were deleted on the
    # way out, while the application existed; none was left to the interpreter's exit.
    assert "left for exit: []" in done.stdout, done.stdout
    for sign in ("Traceback", "Fatal", "deleted directly", "Destroyed while thread", "QObject::"):
        assert sign not in done.stderr, done.stderr
