"""The process probe: running applications, open files, free space, priority, closing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest
from engine_kit import app, write

from onecleaner.engine.model import OS
from onecleaner.engine.processes import (
    ProcessProbe,
    _names_match,
    close_application,
    disk_free,
)


def _named_sleeper(tmp_path: Path, name: str, *args: str) -> subprocess.Popen[bytes]:
    sleeper = shutil.which("sleep")
    assert sleeper is not None
    exe = tmp_path / "bin" / name
    exe.parent.mkdir(exist_ok=True)
    shutil.copy2(sleeper, exe)
    proc = subprocess.Popen([str(exe), *args])
    deadline = time.monotonic() + 10
    while psutil.Process(proc.pid).name() != name and time.monotonic() < deadline:
        time.sleep(0.01)
    return proc


@pytest.fixture
def dummy(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    proc = _named_sleeper(tmp_path, "oc-dummy-app", "60")
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def test_running_apps_finds_an_application_by_its_process_name(
    dummy: subprocess.Popen[bytes],
) -> None:
    here = app("dummy", "Dummy", [], ["oc-dummy-app"])
    absent = app("absent", "Absent", [], ["oc-not-running-anywhere"])
    running = ProcessProbe().running_apps([here, absent], OS.LINUX)
    assert running == {"dummy": (dummy.pid,)}


def test_process_names_compare_case_insensitively_on_windows_only() -> None:
    assert _names_match("chrome.exe", "Chrome.EXE", fold=True)
    assert not _names_match("chrome", "Chrome", fold=False)
    # A Linux name cut to 15 characters still matches the long name it came from.
    assert _names_match("chromium-browser", "chromium-browse", fold=False)
    assert not _names_match("chromium", "chromium-browse", fold=False)


def test_open_files_sees_a_file_another_process_holds_and_is_cached(
    tmp_path: Path, isolated_home: Path
) -> None:
    held = write(isolated_home / "held.txt")
    code = "import sys,time; f=open(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code, str(held)], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline() == b"ready\n"
        probe = ProcessProbe(ttl=60)
        assert probe.is_open(str(held))
        assert not probe.is_open(str(isolated_home / "not-open.txt"))
        proc.kill()
        proc.wait()
        assert probe.is_open(str(held))  # cached: the set is read once per ttl
        assert not ProcessProbe(ttl=0).is_open(str(held))
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def test_disk_free_names_the_mount_point_and_its_free_bytes(tmp_path: Path) -> None:
    free = disk_free([str(tmp_path), str(tmp_path / "not" / "there")])
    assert len(free) == 1
    ((mount, nbytes),) = free.items()
    assert os.path.ismount(mount) and str(tmp_path).startswith(mount)
    assert nbytes > 0 and abs(nbytes - psutil.disk_usage(mount).free) < 2**30  # others write too


def test_lower_priority_lowers_the_calling_process() -> None:
    code = (
        "import psutil; from onecleaner.engine.processes import lower_priority;"
        "before = psutil.Process().nice(); lower_priority(); print(before, psutil.Process().nice())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True)
    before, after = map(int, out.stdout.split())
    assert after >= max(before, 10)


def test_close_application_asks_politely_and_reports_who_stayed(tmp_path: Path) -> None:
    polite = _named_sleeper(tmp_path, "oc-polite-app", "60")
    # A process of its own name (never "python": other programs bear that name) that
    # ignores SIGTERM.
    stubborn_code = (
        "import ctypes,signal,time; ctypes.CDLL(None).prctl(15, b'oc-stubborn', 0, 0, 0);"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); time.sleep(60)"
    )
    stubborn = subprocess.Popen([sys.executable, "-c", stubborn_code], stdout=subprocess.PIPE)
    assert stubborn.stdout is not None
    try:
        assert stubborn.stdout.readline() == b"ready\n"
        closed = close_application(app("polite", "Polite", [], ["oc-polite-app"]), OS.LINUX, 5)
        assert closed.closed and closed.asked == (polite.pid,) and closed.still_running == ()
        assert polite.wait(5) is not None

        assert psutil.Process(stubborn.pid).name() == "oc-stubborn"
        kept = close_application(app("stub", "Stubborn", [], ["oc-stubborn"]), OS.LINUX, 0.5)
        assert stubborn.pid in kept.still_running and not kept.closed
        assert stubborn.poll() is None  # never killed
    finally:
        for proc in (polite, stubborn):
            proc.kill()
            proc.wait()
        stubborn.stdout.close()


class _FakeProcess:
    def __init__(self, outcome: list[str] | Exception) -> None:
        self.outcome = outcome

    def open_files(self) -> list[SimpleNamespace]:
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return [SimpleNamespace(path=path, fd=3) for path in self.outcome]


def test_open_files_pass_over_processes_they_may_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS/Windows path: a process that denies access (or vanished, or is a zombie) is passed
    over; the files of the others are still seen."""
    from onecleaner.engine import processes

    procs = [
        _FakeProcess(psutil.AccessDenied(1)),
        _FakeProcess(psutil.NoSuchProcess(2)),
        _FakeProcess(psutil.ZombieProcess(3)),
        _FakeProcess(["/home/u/.cache/app/held.bin"]),
    ]
    monkeypatch.setattr(processes.psutil, "process_iter", lambda *a, **k: iter(procs))
    assert processes._psutil_open_files() == {"/home/u/.cache/app/held.bin"}


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads Linux's /proc")
def test_open_files_pass_over_processes_whose_descriptors_are_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linux path: another user's /proc/PID/fd is unreadable; that is passed over, not fatal."""
    from onecleaner.engine import processes

    held = write(tmp_path / "held.bin")
    holder = subprocess.Popen(
        [sys.executable, "-c", f"f = open({str(held)!r}); import time; time.sleep(30)"]
    )
    try:
        deadline = time.monotonic() + 10
        while str(held) not in processes._linux_open_files() and time.monotonic() < deadline:
            time.sleep(0.05)
        real_listdir = os.listdir

        def denying(path: str) -> list[str]:
            if (
                path.startswith("/proc/")
                and path.endswith("/fd")
                and path != f"/proc/{holder.pid}/fd"
            ):
                raise PermissionError(13, "Permission denied", path)
            return real_listdir(path)

        monkeypatch.setattr(processes.os, "listdir", denying)
        assert str(held) in processes._linux_open_files()
    finally:
        holder.kill()
        holder.wait()


def test_windows_lists_no_handles_for_open_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enumerating every handle of every process is slow on Windows: the probe does not, and
    the clean lets the removal fail instead (see test_clean's sharing violation test)."""
    from onecleaner.engine import processes

    def forbidden(*a: object, **k: object) -> Iterator[object]:
        raise AssertionError("the Windows open-files probe walked the process table")

    monkeypatch.setattr(processes.sys, "platform", "win32")
    monkeypatch.setattr(processes.psutil, "process_iter", forbidden)
    assert ProcessProbe().open_files() == frozenset()
