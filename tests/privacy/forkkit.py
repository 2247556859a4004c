"""Real processes for the data-folder tests: crashes at the N-th write, races, hang guards.

Children are forked from the test process (cheap: no interpreter start, modules already
imported) and always leave with ``os._exit``, so nothing of pytest runs twice. POSIX only.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

#: The exit code of a child killed by the fault injector.
CRASHED = 86
#: The os calls that change files: the fault injector counts them and dies at the N-th.
WRITE_CALLS = (
    "write",
    "replace",
    "rename",
    "fsync",
    "unlink",
    "remove",
    "truncate",
    "ftruncate",
    "rmdir",
    "mkdir",
    "chmod",
)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def install_crash_at(step: int) -> None:
    """In this (child) process: die with CRASHED just before the ``step``-th write call.

    The call is not made: what is on disk is what the steps before it left, as after a
    kill -9 at that moment.
    """
    count = [0]

    def tick() -> None:
        count[0] += 1
        if count[0] >= step:
            os._exit(CRASHED)

    for name in WRITE_CALLS:
        real = getattr(os, name)

        def wrapper(*args: object, _real: Callable[..., object] = real, **kwargs: object) -> object:
            tick()
            return _real(*args, **kwargs)

        setattr(os, name, wrapper)
    real_open = os.open

    def opening(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & _WRITE_FLAGS:
            tick()
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    os.open = opening  # type: ignore[assignment]


def _child(action: Callable[[], object], log: Path | None) -> None:
    """Run ``action`` in a forked child and leave: 0 done, 1 failed (traceback in ``log``)."""
    code = 1
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        action()
        code = 0
    except BaseException:
        if log is not None:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(traceback.format_exc())
    finally:
        os._exit(code)


def _wait(pid: int) -> int:
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def run_crashing(action: Callable[[], object], step: int, log: Path) -> bool:
    """Run ``action`` in a child that dies at write ``step``; True if it finished first."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        install_crash_at(step)
        _child(action, log)
    code = _wait(pid)
    if code == CRASHED:
        return False
    if code != 0:
        raise AssertionError(f"the command failed at step {step}:\n{log.read_text()}")
    return True


@dataclass(frozen=True)
class RaceResult:
    """How the racing children ended: their exit codes and any traceback."""

    codes: tuple[int, ...]
    errors: str

    def all_done(self) -> bool:
        return all(code == 0 for code in self.codes)


def race(actions: Sequence[Callable[[], object]], log: Path) -> RaceResult:
    """Start one child per action, release them together, wait for all of them."""
    read_end, write_end = os.pipe()
    pids = []
    for action in actions:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(write_end)
            os.read(read_end, 1)  # wait for the start: they all begin at once
            _child(action, log)
        pids.append(pid)
    os.close(read_end)
    os.write(write_end, b"x" * len(actions))
    os.close(write_end)
    codes = tuple(_wait(pid) for pid in pids)
    return RaceResult(codes, log.read_text() if log.exists() else "")


class Hung(BaseException):
    """Raised into a call blocked too long; a BaseException so no `except Exception` eats it."""


@contextlib.contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging (a FIFO opened for reading blocks until a writer comes).

    The alarm repeats every second after the first: a blocked call is interrupted again if
    the first interruption was caught and the code blocked once more.
    """

    def expired(signum: int, frame: object) -> None:
        raise Hung(f"still blocked after {seconds} s: a FIFO was waited on")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
