"""The finders' walk below one folder: every real subfolder, never a link or another mount.

It is the engine's tree walk (`engine.treewalk`: folders opened with O_NOFOLLOW relative to
their parent's descriptor on POSIX, never into another device, a mount point of the mount table
or the root of a mount statx reports) on the calling thread, which lists the folders in
depth-first order: a `Visitor` gets each folder as it is entered, its non-folder entries in one
list while the folder is open (the per-file loop is the visitor's, so each finder keeps its own
hot loop tight), and each folder as it is left. The usage map, whose per-folder work needs no
order, walks on the thread pool instead (usage.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from typing import Protocol

from onecleaner.engine.model import Skip
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.treewalk import (
    CHECK_EVERY,
    IS_POSIX,
    LINK_NOT_FOLLOWED,
    MOUNT_POINT,
    OTHER_FILESYSTEM,
    Folder,
    Sub,
    reason_for,
    shared_pool,
)


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
        self._current = root

    def skip(self, path: str, reason: Reason) -> None:
        self.skipped.append(Skip(path, reason, self.tid))

    def run(self) -> None:
        """Walk the whole folder (or until cancelled)."""
        why = shared_pool(1).walk(
            self.root,
            self,
            self,
            mounts=self.mounts.points,
            cancel=self.cancel,
            tick=self._tick if self.tick is not None else None,
        )
        if why is not None:
            self.skip(self.root, why)
            self.visitor.unreadable(self.root, 0, None)
        self.cancelled = self.cancel is not None and self.cancel.is_set()

    def _tick(self) -> None:
        if self.tick is not None:
            self.tick(self._current)

    # -- listing (on this thread, in depth-first order) ----------------------------------------

    def list_folder(
        self, folder: Folder, handle: int | str, stopping: Callable[[], bool]
    ) -> list[Sub]:
        """Enter the folder, hand its files to the visitor, return the subfolders to walk."""
        assert folder.stat is not None
        self._current = folder.path
        self.visitor.enter(folder.path, folder.depth, folder.stat)
        sep = os.sep
        prefix = folder.path if folder.path.endswith(sep) else folder.path + sep
        names: list[str] = []
        files: list[os.DirEntry[str]] = []
        try:
            it = os.scandir(handle)
        except OSError as exc:
            self.skip(folder.path, reason_for(exc))
            return []
        count = 0
        try:
            with it:
                for entry in it:
                    try:
                        is_dir = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        is_dir = False  # the visitor's stat reports it
                    if is_dir:
                        names.append(entry.name)
                    else:
                        files.append(entry)
                    count += 1
                    if count % CHECK_EVERY == 0 and stopping():
                        break
        except OSError as exc:  # reading the folder itself failed part-way
            self.skip(folder.path, reason_for(exc))
        if files:
            self.visitor.files(prefix, files)  # while the folder's descriptor is open
        subs: list[Sub] = []
        for name in sorted(names):
            path = prefix + name
            if path in self.stops:
                why = self.stops[path]
                if why is not None:
                    self.skip(path, why)
                continue
            if self.descend is not None and not self.descend(path, name):
                continue
            subs.append((name, None))
        return subs

    # -- delivery ------------------------------------------------------------------------------

    def enter(self, folder: Folder) -> None:
        pass  # the visitor was told while the folder was listed

    def leave(self, folder: Folder) -> None:
        self.visitor.leave(folder.path)

    def refused(self, folder: Folder) -> None:
        assert folder.refused is not None
        self.skip(folder.path, folder.refused)
        if folder.refused.code is SkipCode.PERMISSION_DENIED:
            self.visitor.unreadable(folder.path, folder.depth, folder.own_stat)


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
