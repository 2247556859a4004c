"""What other programs are doing (psutil): running applications, open files, free space.

Everything here tolerates the process table's refusals (AccessDenied, a process that ends
while it is read, zombies): a process we may not look at is passed over, and the engine's
per-file checks at removal time still hold.
"""

from __future__ import annotations

import logging
import os
import plistlib
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from onecleaner import child_process
from onecleaner.engine.model import OS, Application

log = logging.getLogger(__name__)

_TOLERATED = (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess, OSError)
_COMM_LEN = 15  # Linux truncates a process's name (comm) to 15 characters


@dataclass(frozen=True, slots=True)
class CloseResult:
    """What asking an application to close did: which processes were asked, which stayed."""

    app_id: str
    asked: tuple[int, ...]
    still_running: tuple[int, ...]

    @property
    def closed(self) -> bool:
        """True when none of the application's processes remain."""
        return not self.still_running


def _names_match(wanted: str, name: str, fold: bool) -> bool:
    if fold:
        wanted, name = wanted.casefold(), name.casefold()
    if name == wanted:
        return True
    # A long Linux name may be cut to 15 characters ("chromium-browse") when psutil could
    # not read the command line to restore it.
    return len(name) == _COMM_LEN and len(wanted) > _COMM_LEN and wanted.startswith(name)


def _app_pids(apps: Sequence[Application], os_: OS) -> dict[str, list[int]]:
    """app id -> pids of its processes (our own process excluded)."""
    fold = os_ is OS.WINDOWS
    wanted = [(a.id, a.processes.get(os_, ())) for a in apps]
    found: dict[str, list[int]] = {}
    me = os.getpid()
    for proc in psutil.process_iter(["pid", "name"]):
        try:
            pid = proc.info["pid"]
            name = proc.info["name"] or ""
        except _TOLERATED:
            continue
        if pid == me or not name:
            continue
        for app_id, names in wanted:
            if any(_names_match(want, name, fold) for want in names):
                found.setdefault(app_id, []).append(pid)
    return found


class ProcessProbe:
    """Running applications and open files, read through psutil; tests may subclass it."""

    def __init__(self, ttl: float = 2.0) -> None:
        self.ttl = ttl
        self._open: frozenset[str] | None = None
        self._open_at = 0.0

    def running_apps(self, apps: Sequence[Application], os_: OS) -> dict[str, tuple[int, ...]]:
        """app id -> pids of its running processes, for the apps that run now.

        Process names are compared as the OS names them, case-insensitively on Windows.
        """
        return {k: tuple(v) for k, v in _app_pids(apps, os_).items() if v}

    def open_files(self) -> frozenset[str]:
        """Real paths of the files any process has open now (cached for `ttl` seconds)."""
        now = time.monotonic()
        if self._open is None or now - self._open_at > self.ttl:
            self._open = frozenset(_read_open_files())
            self._open_at = time.monotonic()
        return self._open

    def is_open(self, path: str) -> bool:
        """Whether a process has `path` open (as of the cached set)."""
        return path in self.open_files()


def _read_open_files() -> set[str]:
    if sys.platform == "win32":
        # Listing every handle of every process takes seconds on Windows, and there a file
        # open elsewhere refuses its removal anyway: the clean reports that sharing violation
        # as "in use" (recheck.reason_for).
        return set()
    if sys.platform.startswith("linux") and os.path.isdir("/proc/self/fd"):
        return _linux_open_files()
    return _psutil_open_files()


def _psutil_open_files() -> set[str]:
    """Open files through psutil (macOS, Windows); processes it may not read are passed over."""
    found: set[str] = set()
    for proc in psutil.process_iter():
        try:
            for f in proc.open_files():
                found.add(f.path)
        except _TOLERATED:
            continue
    return found


def _linux_open_files() -> set[str]:
    """The targets of /proc/*/fd links: what psutil reads, without its per-descriptor extras.

    psutil's open_files also reads each descriptor's position and flags, which costs a file
    read per descriptor; the set of paths is all the engine needs.
    """
    found: set[str] = set()
    me = str(os.getpid())
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return found
    for pid in pids:
        base = f"/proc/{pid}/fd"
        try:
            fds = os.listdir(base)
        except OSError:  # not ours to read, or gone
            continue
        for fd in fds:
            try:
                target = os.readlink(f"{base}/{fd}")
            except OSError:
                continue
            if target.startswith("/") and not (pid == me and target.startswith("/proc/")):
                if target.endswith(" (deleted)"):
                    continue
                found.add(target)
    return found


def _mount_of(path: str) -> str:
    path = os.path.abspath(path)
    while not os.path.exists(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    while not os.path.ismount(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    return path


def disk_free(paths: Iterable[str]) -> dict[str, int]:
    """Mount point -> free bytes (for the user) of the disks holding `paths`."""
    out: dict[str, int] = {}
    for path in paths:
        mount = _mount_of(path)
        if mount in out:
            continue
        try:
            out[mount] = psutil.disk_usage(mount).free
        except OSError:
            continue
    return out


@dataclass(frozen=True, slots=True)
class DiskSpace:
    """A disk's size and what is free on it for the user."""

    total: int
    free: int

    @property
    def used(self) -> int:
        return max(self.total - self.free, 0)


def disk_space(paths: Iterable[str]) -> dict[str, DiskSpace]:
    """Mount point -> size and free space of the disks holding `paths` (each disk once)."""
    out: dict[str, DiskSpace] = {}
    for path in paths:
        mount = _mount_of(path)
        if mount in out:
            continue
        try:
            usage = psutil.disk_usage(mount)
        except OSError:
            continue
        out[mount] = DiskSpace(usage.total, usage.free)
    return out


def lower_priority() -> None:
    """Run this process's remaining work at a lower CPU and I/O priority (background work)."""
    proc = psutil.Process()
    try:
        if sys.platform.startswith("win"):
            proc.nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
        elif proc.nice() < 10:
            proc.nice(10)
    except _TOLERATED:
        pass
    if sys.platform.startswith("linux"):
        try:
            proc.ionice(psutil.IOPRIO_CLASS_BE, value=7)
        except (*_TOLERATED, ValueError, AttributeError):
            pass


def close_application(app: Application, os_: OS, timeout: float = 10.0) -> CloseResult:
    """Ask an application to close, the way its OS asks, and wait up to `timeout` seconds.

    Linux: SIGTERM to its top processes (children follow their parent). Windows: a window
    close request (taskkill without /F). macOS: the application is asked to quit as the Dock's
    Quit asks (see `_quit_macos_app`). Never a forced kill; the result names what stayed.
    """
    pids = _app_pids([app], os_).get(app.id, [])
    procs: list[psutil.Process] = []
    for pid in pids:
        try:
            procs.append(psutil.Process(pid))
        except _TOLERATED:
            continue
    ours = {p.pid for p in procs}
    tops = []
    for p in procs:
        try:
            if p.ppid() not in ours:
                tops.append(p)
        except _TOLERATED:
            continue
    for p in tops:
        try:
            _ask_to_quit(p, os_, timeout)
        except (*_TOLERATED, subprocess.SubprocessError):
            continue
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    return CloseResult(app.id, tuple(sorted(ours)), tuple(sorted(p.pid for p in alive)))


def _ask_to_quit(proc: psutil.Process, os_: OS, timeout: float) -> None:
    if os_ is OS.WINDOWS:
        child_process.run(["taskkill", "/PID", str(proc.pid)], timeout=timeout)
    elif os_ is OS.MACOS and _quit_macos_app(proc, timeout):
        return
    else:
        proc.terminate()


# A bundle identifier as Apple defines it: it goes into an AppleScript string, so only these.
_BUNDLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


def _quit_macos_app(proc: psutil.Process, timeout: float) -> bool:
    """Ask a macOS application to quit (it may save and ask the user); False when it cannot be.

    Through AppKit's NSRunningApplication.terminate where pyobjc is installed, else an Apple
    event sent by ``osascript`` to the bundle the process runs from. A process that is not an
    application bundle (or refuses both) gets SIGTERM from the caller, and a log line says so.
    """
    try:
        from AppKit import NSRunningApplication
    except ImportError:
        pass
    else:
        running = NSRunningApplication.runningApplicationWithProcessIdentifier_(proc.pid)
        if running is not None and bool(running.terminate()):
            return True
    bundle_id = _bundle_id(_executable(proc))
    if bundle_id is None:
        log.warning("process %s is not an application bundle: sending SIGTERM", proc.pid)
        return False
    app_ref = f'application id "{bundle_id}"'
    # "is running" first: telling an application that has just quit would launch it again.
    script = f"if {app_ref} is running then tell {app_ref} to quit"
    try:
        done = child_process.run(["osascript", "-e", script], timeout=timeout)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("osascript could not ask %s to quit (%s): sending SIGTERM", bundle_id, exc)
        return False
    if done.returncode != 0:
        log.warning(
            "osascript could not ask %s to quit (%s): sending SIGTERM",
            bundle_id,
            done.stderr.strip() or f"exit {done.returncode}",
        )
        return False
    return True


def _executable(proc: psutil.Process) -> str:
    try:
        return proc.exe()
    except _TOLERATED:
        return ""


def _bundle_id(executable: str) -> str | None:
    """The bundle identifier of the ``X.app`` whose ``Contents/MacOS`` holds `executable`."""
    path = Path(executable)
    if not executable or path.parent.name != "MacOS" or path.parent.parent.name != "Contents":
        return None
    bundle = path.parent.parent.parent
    if bundle.suffix != ".app":
        return None
    try:
        with open(bundle / "Contents" / "Info.plist", "rb") as fh:
            info = plistlib.load(fh)
    except (OSError, plistlib.InvalidFileException, ValueError):
        return None
    ident = info.get("CFBundleIdentifier") if isinstance(info, dict) else None
    if isinstance(ident, str) and _BUNDLE_ID.fullmatch(ident):
        return ident
    return None
