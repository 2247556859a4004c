"""The finders' walk below one folder: every real subfolder, never a link or another mount.

An iterative depth-first walk (no recursion limit). On POSIX each folder is opened with
O_NOFOLLOW relative to its parent's descriptor and its files are stat'ed through it, so no
symlink below the folder is ever followed. A subfolder is not entered when it is on another
device, listed as a mount point in the mount table (a bind mount has its parent's device), or
the kernel says it is the root of a mount (a mount made after the table was read).

The walk knows nothing of what it is looking for: a `Visitor` gets each folder as it is
entered, its non-folder entries in one list (the per-file loop is the visitor's, so each
finder keeps its own hot loop tight), and each folder as it is left.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from collections.abc import Callable, Mapping
from typing import Protocol

from onecleaner.engine.fsops import open_dir_nofollow
from onecleaner.engine.model import Skip
from onecleaner.engine.mounts import MountTable, is_mount_root
from onecleaner.engine.reasons import Reason, SkipCode

IS_POSIX = os.name == "posix"
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_REPARSE = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT: a junction, a symlink or a mounted folder
PROGRESS_EVERY = 0.05  # seconds between progress reports
CHECK_EVERY = 4096  # entries between cancel checks inside one big folder

OTHER_FILESYSTEM = Reason.of(SkipCode.OTHER_FILESYSTEM)
MOUNT_POINT = Reason.of(SkipCode.MOUNT_POINT)
LINK_NOT_FOLLOWED = Reason.of(SkipCode.LINK_NOT_FOLLOWED)


def reason_for(exc: OSError, what: str = "folder") -> Reason:
    """Why a file or folder could not be read."""
    if isinstance(exc, FileNotFoundError):
        return Reason.of(SkipCode.VANISHED)
    if isinstance(exc, PermissionError):
        return Reason.of(SkipCode.PERMISSION_DENIED, what=what)
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        return Reason.of(SkipCode.SWAPPED_DURING_SCAN, what=what)
    if exc.errno == errno.EMFILE:
        return Reason.of(SkipCode.TOO_DEEP, what=what)
    return Reason.of(SkipCode.UNREADABLE, what=what, error=str(exc.strerror or exc))


def stat_entry(entry: os.DirEntry[str]) -> os.stat_result:
    """A non-folder entry's own stat (not following a link), with its inode and link count.

    POSIX: the entry's fstatat through the open folder. Windows: the entry's cached stat has
    no inode, device or link count, so the file is stat'ed by path.
    """
    if IS_POSIX:
        return entry.stat(follow_symlinks=False)
    return os.lstat(entry.path)


def allocated(st: os.stat_result) -> int:
    """The bytes a file takes on disk: its allocated blocks (its size where none are reported)."""
    blocks = getattr(st, "st_blocks", None)
    return st.st_size if blocks is None else blocks * 512


class Visitor(Protocol):
    """What a finder does with the walk (called on the walking thread, in walk order)."""

    def enter(self, path: str, depth: int, st: os.stat_result) -> None:
        """A folder the walk stands in now (`depth` 0 is the walked folder itself)."""

    def files(self, prefix: str, entries: list[os.DirEntry[str]]) -> None:
        """The non-folder entries of the folder entered last (`prefix` ends with a separator)."""

    def leave(self, path: str) -> None:
        """The folder entered last, with everything below it walked."""

    def unreadable(self, path: str, depth: int, st: os.stat_result | None) -> None:
        """A folder that could not be opened (never entered); `st` is its own stat if known."""


class FolderWalk:
    """One walk below a resolved folder, with its stops, skips, progress and cancel flag.

    `stops` maps a path to why the walk does not enter it (None: silently); `descend`, when
    given, may refuse a subfolder by its path and name before it is opened (a version-control
    folder). Skipped places are collected in `skipped`.
    """

    def __init__(
        self,
        root: str,
        visitor: Visitor,
        *,
        stops: Mapping[str, Reason | None] | None = None,
        descend: Callable[[str, str], bool] | None = None,
        mounts: MountTable | None = None,
        tick: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
        target_id: str = "",
    ) -> None:
        self.root = root
        self.visitor = visitor
        self.stops = stops or {}
        self.descend = descend
        self.mounts = mounts if mounts is not None else MountTable.current()
        self.tick = tick
        self.cancel = cancel
        self.tid = target_id
        self.skipped: list[Skip] = []
        self.cancelled = False
        self._last = time.monotonic()

    def skip(self, path: str, reason: Reason) -> None:
        self.skipped.append(Skip(path, reason, self.tid))

    def _due(self, current: str) -> bool:
        """Report progress when due; True when the walk must stop."""
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True
            return True
        if self.tick is not None:
            now = time.monotonic()
            if now - self._last >= PROGRESS_EVERY:
                self._last = now
                self.tick(current)
        return False

    def run(self) -> None:
        """Walk the whole folder (or until cancelled)."""
        visitor = self.visitor
        root = self.root
        sep = os.sep
        try:
            handle: int | str
            if IS_POSIX:
                handle = open_dir_nofollow(root)
                try:
                    root_st = os.fstat(handle)
                except OSError:
                    os.close(handle)
                    raise
            else:
                handle = root
                root_st = os.stat(root)
        except OSError as exc:
            self.skip(root, reason_for(exc))
            visitor.unreadable(root, 0, None)
            return
        dev = root_st.st_dev
        prefix0 = root if root.endswith(sep) else root + sep
        visitor.enter(root, 0, root_st)
        frames: list[tuple[int | str, str, int, list[tuple[str, int]]]] = []
        try:
            frames.append((handle, prefix0, 0, self._list(handle, prefix0)))
            while frames:
                fd, prefix, depth, pending = frames[-1]
                if not pending or self.cancelled:
                    frames.pop()
                    _close(fd)
                    visitor.leave(prefix[:-1] if len(prefix) > 1 else prefix)
                    continue
                name, listed_ino = pending.pop()
                path = prefix + name
                if self._due(path):
                    continue  # unwinds: every open folder is left, so totals stay whole
                opened = self._open(fd, name, listed_ino, path, dev, depth + 1)
                if opened is None:
                    continue
                child, child_st = opened
                visitor.enter(path, depth + 1, child_st)
                child_prefix = path + sep
                frames.append((child, child_prefix, depth + 1, self._list(child, child_prefix)))
        finally:
            for frame in frames:
                _close(frame[0])

    def _open(
        self, parent: int | str, name: str, listed_ino: int, path: str, dev: int, depth: int
    ) -> tuple[int | str, os.stat_result] | None:
        """The subfolder `name` opened and checked, or None (skipped, with a reason).

        A folder mounted over shows another inode than its parent listed for it: only then is
        the kernel asked (statx) whether it is a mount made after the table was read; asking
        for every folder cost 7% of a usage walk.
        """
        if path in self.stops:
            why = self.stops[path]
            if why is not None:
                self.skip(path, why)
            return None
        if self.descend is not None and not self.descend(path, name):
            return None
        child: int | str
        try:
            if isinstance(parent, int):
                child = os.open(name, _DIR_FLAGS, dir_fd=parent)
                try:
                    st = os.fstat(child)
                except OSError:
                    os.close(child)
                    raise
            else:
                child = path
                st = os.lstat(path)
                if not stat.S_ISDIR(st.st_mode) or getattr(st, "st_file_attributes", 0) & _REPARSE:
                    self.skip(path, LINK_NOT_FOLLOWED)
                    return None
        except OSError as exc:
            self.skip(path, reason_for(exc))
            if isinstance(exc, PermissionError):
                self.visitor.unreadable(path, depth, _own_stat(parent, name, path, dev))
            return None
        if st.st_dev != dev:
            _close(child)
            self.skip(path, OTHER_FILESYSTEM)
            return None
        if self.mounts.is_mount_point(path) or (
            isinstance(child, int) and st.st_ino != listed_ino and is_mount_root(child)
        ):
            _close(child)
            self.skip(path, MOUNT_POINT)
            return None
        return child, st

    def _list(self, handle: int | str, prefix: str) -> list[tuple[str, int]]:
        """Hand the folder's files to the visitor; return its subfolders' names and listed
        inodes (to pop in name order)."""
        subdirs: list[tuple[str, int]] = []
        posix = IS_POSIX
        files: list[os.DirEntry[str]] = []
        try:
            it = os.scandir(handle)
        except OSError as exc:
            self.skip(prefix[:-1], reason_for(exc))
            return subdirs
        count = 0
        try:
            with it:
                for entry in it:
                    try:
                        is_dir = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        is_dir = False  # the visitor's stat reports it
                    if is_dir:  # the listed inode is free on POSIX (d_ino), a syscall on Windows
                        subdirs.append((entry.name, entry.inode() if posix else 0))
                    else:
                        files.append(entry)
                    count += 1
                    if count % CHECK_EVERY == 0 and self._due(prefix[:-1]):
                        break
        except OSError as exc:  # reading the folder itself failed part-way
            self.skip(prefix[:-1], reason_for(exc))
        if files:
            self.visitor.files(prefix, files)
        subdirs.sort(reverse=True)
        return subdirs


def _own_stat(parent: int | str, name: str, path: str, dev: int) -> os.stat_result | None:
    """An unopenable folder's own stat, when it is a real folder on the walked filesystem."""
    try:
        if isinstance(parent, int):
            st = os.stat(name, dir_fd=parent, follow_symlinks=False)
        else:
            st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_dev != dev:
        return None
    return st


def _close(handle: int | str) -> None:
    if isinstance(handle, int):
        os.close(handle)


__all__ = [
    "IS_POSIX",
    "LINK_NOT_FOLLOWED",
    "MOUNT_POINT",
    "OTHER_FILESYSTEM",
    "FolderWalk",
    "Visitor",
    "allocated",
    "reason_for",
    "stat_entry",
]
