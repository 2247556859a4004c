"""One lock per data folder, held around every read-modify-write of its state.

The lock is an OS file lock on ``<data>/.lock`` (``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows), so the CLI, the window and the tray take turns across processes. Inside one
process it is re-entrant and shared by threads in turn: a withdrawal holds it while the
consent book, the journal and the key store below it take it again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from onecleaner.privacy.errors import DataFolderError, DataFolderProblem
from onecleaner.privacy.storage import ensure_data_dir, folder_error, set_aside

LOCK_FILE = ".lock"
#: How long a command waits for another process to finish with the data folder.
WAIT_SECONDS = 60.0
_FILE_MODE = 0o600


@dataclass
class _FolderLock:
    """This process's hold on one data folder's lock file."""

    rlock: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0
    fd: int | None = None
    owner: int | None = None  # the thread that holds it
    generation: int = 0  # counts acquisitions: what was read under an older one may be stale


_registry: dict[str, _FolderLock] = {}
_registry_lock = threading.Lock()


def _reset_after_fork() -> None:
    # A forked child must take the lock with its own open file: flock is shared across fork.
    global _registry, _registry_lock
    _registry = {}
    _registry_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


_real_paths: dict[str, str] = {}


def _key(folder: Path) -> str:
    """The folder's identity for this process (its real path, resolved once)."""
    given = os.fspath(folder)
    found = _real_paths.get(given)
    if found is None:
        found = _real_paths[given] = os.path.normcase(os.path.realpath(given))
    return found


def _entry(folder: Path) -> _FolderLock:
    with _registry_lock:
        return _registry.setdefault(_key(folder), _FolderLock())


def _held(folder: Path) -> _FolderLock | None:
    """This folder's lock if this thread holds it already."""
    entry = _registry.get(_key(folder))
    if entry is None or entry.depth == 0 or entry.owner != threading.get_ident():
        return None
    return entry


def generation(folder: Path) -> int | None:
    """The current acquisition of ``folder``'s lock if this thread holds it, else None.

    A cache read under generation G stays true while the generation is still G: no other
    process can have written in between.
    """
    entry = _held(folder)
    return None if entry is None else entry.generation


@contextlib.contextmanager
def data_lock(folder: Path, *, create: bool = True) -> Iterator[None]:
    """Hold ``folder``'s lock (re-entrant in this process); the folder is made if ``create``.

    With ``create`` False a folder that does not exist is not made and nothing is locked:
    there is no state to read, and reading must never create the data folder.
    """
    held = _held(folder)
    if held is not None:  # taken again by the thread that holds it: nothing to do
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
        return
    if not create and not folder.is_dir():
        yield
        return
    if create:
        ensure_data_dir(folder)
    entry = _entry(folder)
    with entry.rlock:
        if entry.depth == 0:
            entry.fd = _acquire(folder)
            entry.generation += 1
            entry.owner = threading.get_ident()
        entry.depth += 1
        try:
            yield
        finally:
            entry.depth -= 1
            if entry.depth == 0:
                fd, entry.fd, entry.owner = entry.fd, None, None
                if fd is not None:
                    _release(fd)


def _open_lock_file(path: Path) -> int:
    """The lock file, opened for writing; a folder, FIFO or link in its place is moved aside."""
    flags = (
        os.O_RDWR
        | os.O_CREAT
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
    )
    for _attempt in range(2):
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            st = None
        if st is None or stat.S_ISREG(st.st_mode):
            try:
                fd = os.open(path, flags, _FILE_MODE)
            except OSError as exc:
                if exc.errno not in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                    raise folder_error(path.parent, exc) from exc
            else:
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    return fd
                os.close(fd)
        set_aside(path)  # not a plain file: nothing of ours, keep it for inspection
    raise DataFolderError(
        path.parent, DataFolderProblem.OTHER, f"the lock file {path} cannot be made"
    )


def _acquire(folder: Path) -> int:
    path = folder / LOCK_FILE
    fd = _open_lock_file(path)
    deadline = time.monotonic() + WAIT_SECONDS
    pause = 0.001
    try:
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise DataFolderError(
                    folder,
                    DataFolderProblem.BUSY,
                    f"another ONE Cleaner process has held the data folder {folder} for more "
                    f"than {WAIT_SECONDS:.0f} seconds; close it or try again later",
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.005)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _try_lock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _release(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)  # closing releases the lock on every platform anyway
