"""Child processes: no console window on Windows; applications quit the way their OS asks.

Windows and macOS cannot run here: the platform is simulated where the code meets it
(``sys.platform``, the ``subprocess.run`` call, the process's executable, AppKit).
"""

from __future__ import annotations

import ast
import logging
import plistlib
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from onecleaner import child_process
from onecleaner.engine import processes
from onecleaner.engine.model import OS, Application

PACKAGE = Path(__file__).resolve().parent.parent / "onecleaner"

# Calls that start another program; only onecleaner/child_process.py may make them.
_STARTERS = {
    "subprocess": {
        "run", "Popen", "call", "check_call", "check_output", "getoutput", "getstatusoutput",
    },
    "os": {
        "system", "popen", "startfile", "execv", "execve", "execl", "execlp", "execvp",
        "spawnl", "spawnv", "spawnve", "posix_spawn", "posix_spawnp",
    },
}


def _starters_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in _STARTERS:
            found += [f"from {node.module} import {a.name}" for a in node.names
                      if a.name in _STARTERS[node.module]]  # fmt: skip
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in _STARTERS.get(node.value.id, ()):
                found.append(f"{node.value.id}.{node.attr} (line {node.lineno})")
        elif isinstance(node, ast.Name | ast.Attribute) and "QProcess" in ast.unparse(node):
            found.append(f"QProcess (line {node.lineno})")
    return found


def test_only_the_child_process_module_starts_programs() -> None:
    """Every program the app starts goes through child_process.run (and so gets the flag)."""
    offenders = {
        str(path.relative_to(PACKAGE)): hits
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "child_process.py" and (hits := _starters_in(path))
    }
    assert offenders == {}


class _Recorder:
    """Stands in for subprocess.run: remembers each call, answers with `returncode`."""

    def __init__(self, returncode: int = 0, stderr: str = "", then: Any = None) -> None:
        self.calls: list[tuple[list[str], dict[str, Any]]] = []
        self.returncode = returncode
        self.stderr = stderr
        self.then = then

    def __call__(self, args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append((list(args), kwargs))
        if self.then is not None:
            self.then()
        return subprocess.CompletedProcess(args, self.returncode, "", self.stderr)


def test_on_windows_a_child_gets_create_no_window(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = _Recorder()
    monkeypatch.setattr(child_process.subprocess, "run", recorder)
    monkeypatch.setattr(sys, "platform", "win32")

    child_process.run(["taskkill", "/PID", "42"], timeout=5)

    (args, kwargs), = recorder.calls
    assert args == ["taskkill", "/PID", "42"]
    assert kwargs["creationflags"] == child_process.CREATE_NO_WINDOW == 0x08000000
    assert kwargs["stdin"] is subprocess.DEVNULL  # a windowed app has no stdin to hand on


def test_elsewhere_a_child_runs_for_real_without_flags() -> None:
    done = child_process.run([sys.executable, "-c", "print('hello')"], timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "hello")
    assert child_process.creation_flags() == 0


# --- closing an application -------------------------------------------------------------------


@pytest.fixture
def sleeper() -> Iterator[psutil.Process]:
    """A real process standing for the application to close (ended at the test's end)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield psutil.Process(proc.pid)
    finally:
        proc.kill()
        proc.wait()


def _the_app_is(monkeypatch: pytest.MonkeyPatch, proc: psutil.Process) -> Application:
    """Make `proc` the only process of a catalog application (never a real one's)."""
    app = Application(id="firefox", name="Firefox", processes={}, targets=())
    monkeypatch.setattr(processes, "_app_pids", lambda apps, os_: {"firefox": [proc.pid]})
    return app


@pytest.fixture
def terminations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pids sent SIGTERM by the code under test (sent for real, and recorded)."""
    sent: list[int] = []
    real = psutil.Process.terminate

    def recording(self: psutil.Process) -> None:
        sent.append(self.pid)
        real(self)

    monkeypatch.setattr(psutil.Process, "terminate", recording)
    return sent


def _bundle(tmp_path: Path, ident: str = "org.mozilla.firefox") -> str:
    """A fake Firefox.app; returns the path of its executable."""
    contents = tmp_path / "Applications" / "Firefox.app" / "Contents"
    (contents / "MacOS").mkdir(parents=True)
    (contents / "Info.plist").write_bytes(plistlib.dumps({"CFBundleIdentifier": ident}))
    exe = contents / "MacOS" / "firefox"
    exe.write_text("")
    return str(exe)


def test_windows_asks_with_taskkill_without_force_and_without_a_console(
    monkeypatch: pytest.MonkeyPatch, sleeper: psutil.Process, terminations: list[int]
) -> None:
    app = _the_app_is(monkeypatch, sleeper)
    recorder = _Recorder(then=sleeper.kill)  # the window closed: the program ends
    monkeypatch.setattr(child_process.subprocess, "run", recorder)
    monkeypatch.setattr(sys, "platform", "win32")

    result = processes.close_application(app, OS.WINDOWS, timeout=10)

    assert result.closed
    (args, kwargs), = recorder.calls
    assert args == ["taskkill", "/PID", str(sleeper.pid)]  # no /F: a request, not a kill
    assert kwargs["creationflags"] == child_process.CREATE_NO_WINDOW
    assert terminations == []


def test_macos_asks_the_application_to_quit_by_apple_event_not_sigterm(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sleeper: psutil.Process,
    terminations: list[int],
) -> None:
    app = _the_app_is(monkeypatch, sleeper)
    monkeypatch.setattr(processes, "_executable", lambda proc: _bundle(tmp_path))
    recorder = _Recorder(then=sleeper.kill)
    monkeypatch.setattr(child_process.subprocess, "run", recorder)

    result = processes.close_application(app, OS.MACOS, timeout=10)

    assert result.closed
    (args, _kwargs), = recorder.calls
    assert args == [
        "osascript",
        "-e",
        'if application id "org.mozilla.firefox" is running then '
        'tell application id "org.mozilla.firefox" to quit',
    ]
    assert terminations == []


def test_macos_uses_appkit_when_pyobjc_is_there(
    monkeypatch: pytest.MonkeyPatch, sleeper: psutil.Process, terminations: list[int]
) -> None:
    app = _the_app_is(monkeypatch, sleeper)
    asked: list[int] = []

    class RunningApp:
        def __init__(self, pid: int) -> None:
            self.pid = pid

        def terminate(self) -> bool:
            asked.append(self.pid)
            sleeper.kill()
            return True

    appkit = types.ModuleType("AppKit")
    appkit.NSRunningApplication = types.SimpleNamespace(  # type: ignore[attr-defined]
        runningApplicationWithProcessIdentifier_=RunningApp
    )
    monkeypatch.setitem(sys.modules, "AppKit", appkit)
    recorder = _Recorder()
    monkeypatch.setattr(child_process.subprocess, "run", recorder)

    assert processes.close_application(app, OS.MACOS, timeout=10).closed
    assert asked == [sleeper.pid]
    assert recorder.calls == [] and terminations == []


def test_macos_falls_back_to_sigterm_and_says_why_when_the_apple_event_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sleeper: psutil.Process,
    terminations: list[int],
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = _the_app_is(monkeypatch, sleeper)
    monkeypatch.setattr(processes, "_executable", lambda proc: _bundle(tmp_path))
    refused = "execution error: Not authorised to send Apple events to Firefox. (-1743)"
    monkeypatch.setattr(child_process.subprocess, "run", _Recorder(1, refused))

    with caplog.at_level(logging.WARNING, logger="onecleaner.engine.processes"):
        result = processes.close_application(app, OS.MACOS, timeout=10)

    assert result.closed  # SIGTERM ended it
    assert terminations == [sleeper.pid]
    assert "Not authorised to send Apple events" in caplog.text
    assert "SIGTERM" in caplog.text


def test_macos_process_outside_a_bundle_gets_sigterm(
    monkeypatch: pytest.MonkeyPatch, sleeper: psutil.Process, terminations: list[int]
) -> None:
    app = _the_app_is(monkeypatch, sleeper)  # its executable is python: not in an .app
    recorder = _Recorder()
    monkeypatch.setattr(child_process.subprocess, "run", recorder)

    assert processes.close_application(app, OS.MACOS, timeout=10).closed
    assert recorder.calls == [] and terminations == [sleeper.pid]


@pytest.mark.parametrize(
    "ident", ['evil" to quit\ndo shell script "rm -rf ~', "", "-leading.dash"]
)
def test_a_bundle_id_that_is_not_one_never_reaches_applescript(tmp_path: Path, ident: str) -> None:
    assert processes._bundle_id(_bundle(tmp_path, ident)) is None


def test_the_bundle_id_is_read_only_from_an_app_bundle(tmp_path: Path) -> None:
    exe = _bundle(tmp_path)
    assert processes._bundle_id(exe) == "org.mozilla.firefox"
    assert processes._bundle_id(str(tmp_path / "bin" / "firefox")) is None
