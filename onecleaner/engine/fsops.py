"""Removing files below a root without ever following a link: directory cursors.

On POSIX a cursor holds open directory descriptors from the root down to the current folder,
each opened with O_NOFOLLOW|O_DIRECTORY relative to its parent, so a folder swapped for a
symlink after the scan makes the open fail instead of redirecting a delete. Entries sorted by
path reuse the open descriptors, so removing 200k files opens each folder once. Folders a
clean emptied are removed on the way back up (never the root itself).

The Windows fallback (`PathCursor`) works on paths and checks, before each folder is used,
that it still resolves to itself (no junction or link swapped in).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from typing import Protocol

from onecleaner.engine.mounts import MountRootTest

_IS_POSIX = os.name == "posix"
_WINDOWS = sys.platform == "win32"
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_FILE_ATTRIBUTE_REPARSE_POINT = 0x400


class UnsafeFolder(OSError):
    """A folder on an entry's path is not what the scan saw (a link, another filesystem)."""


class FileChanged(OSError):
    """A file is not the one the clean checked a moment ago (swapped, replaced)."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.ESTALE, "changed since it was checked", path)


class MountCrossing(UnsafeFolder):
    """A folder on an entry's path is a mount point (a bind mount keeps its parent's device).

    `filename` is the mount point's path.
    """

    def __init__(self, path: str) -> None:
        super().__init__(errno.EXDEV, "a mount point", path)


def open_dir_nofollow(path: str) -> int:
    """A descriptor of the folder `path`, opened component by component without following links.

    `path` must be absolute and resolved (a realpath): any symlink on the way is refused.
    """
    if not os.path.isabs(path):
        raise UnsafeFolder(errno.EINVAL, "not an absolute path", path)
    fd = os.open("/", _DIR_FLAGS)
    try:
        for name in path.split("/"):
            if not name:
                continue
            if name in (".", ".."):
                raise UnsafeFolder(errno.EINVAL, "a '.' or '..' component", path)
            child = os.open(name, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


class Cursor(Protocol):
    """Where a clean stands below one root: folders entered, files checked and removed."""

    def goto(self, parts: list[str]) -> None: ...

    def lstat(self, name: str) -> os.stat_result: ...

    def unlink(self, name: str, st: os.stat_result) -> None: ...

    def path_of(self, name: str) -> str: ...

    def mark_removed(self) -> None: ...

    def close(self) -> None: ...


class FdCursor:
    """POSIX: open descriptors from the root down, names checked through them.

    Every folder it opens below the root must be on the root's device and not a mount point:
    neither in `mounts` (the table read when the clean started) nor, by statx, the root of a
    mount made since.
    """

    def __init__(self, root: str, *, prune: bool, mounts: frozenset[str] = frozenset()) -> None:
        self.root = root
        self.prune = prune
        self.mounts = mounts
        self._mount_root = MountRootTest()
        fd = open_dir_nofollow(root)
        self.dev = os.fstat(fd).st_dev
        self.fds: list[int] = [fd]
        self.names: list[str] = []
        self.dirty: list[bool] = [False]
        self.pruned = 0

    def goto(self, parts: list[str]) -> None:
        """Stand in the folder root/parts (closing and opening only what differs)."""
        names = self.names
        n = 0
        limit = min(len(parts), len(names))
        while n < limit and names[n] == parts[n]:
            n += 1
        while len(names) > n:
            self._leave()
        for name in parts[n:]:
            if name in ("", ".", ".."):
                raise UnsafeFolder(errno.EINVAL, "a '.' or '..' component", name)
            fd = os.open(name, _DIR_FLAGS, dir_fd=self.fds[-1])
            try:
                if os.fstat(fd).st_dev != self.dev:
                    raise UnsafeFolder(errno.EXDEV, "on another filesystem", name)
                if self._mount_root(fd) or (self.mounts and self.path_of(name) in self.mounts):
                    raise MountCrossing(self.path_of(name))
            except BaseException:
                os.close(fd)
                raise
            self.fds.append(fd)
            names.append(name)
            self.dirty.append(False)

    def lstat(self, name: str) -> os.stat_result:
        return os.stat(name, dir_fd=self.fds[-1], follow_symlinks=False)

    def unlink(self, name: str, st: os.stat_result) -> None:
        os.unlink(name, dir_fd=self.fds[-1])

    def path_of(self, name: str) -> str:
        return "/".join((self.root, *self.names, name))

    def mark_removed(self) -> None:
        self.dirty[-1] = True

    def _leave(self) -> None:
        fd = self.fds.pop()
        name = self.names.pop()
        emptied = self.dirty.pop()
        os.close(fd)
        if emptied and self.prune:
            try:  # only an empty folder goes; a link or a full folder makes this fail
                os.rmdir(name, dir_fd=self.fds[-1])
            except OSError:
                return
            self.pruned += 1
            self.dirty[-1] = True

    def close(self) -> None:
        while self.names:
            self._leave()
        for fd in self.fds:
            os.close(fd)
        self.fds = []


class PathCursor:
    """Windows (and any OS without dir_fd): path-based, each folder checked to resolve to itself.

    A junction or a volume mounted in a folder is a reparse point there: refused like a link.
    """

    def __init__(self, root: str, *, prune: bool, mounts: frozenset[str] = frozenset()) -> None:
        self.root = root
        self.prune = prune
        self.mounts = mounts
        st = os.lstat(root)
        if not stat.S_ISDIR(st.st_mode) or _is_reparse(st):
            raise UnsafeFolder(errno.ENOTDIR, "not a plain folder", root)
        self.dev = st.st_dev
        self.names: list[str] = []
        self.dirty: list[bool] = [False]
        self.here = root
        self.pruned = 0

    def goto(self, parts: list[str]) -> None:
        names = self.names
        n = 0
        limit = min(len(parts), len(names))
        while n < limit and names[n] == parts[n]:
            n += 1
        while len(names) > n:
            self._leave()
        for name in parts[n:]:
            if name in ("", ".", ".."):
                raise UnsafeFolder(errno.EINVAL, "a '.' or '..' component", name)
            names.append(name)
            self.dirty.append(False)
        self.here = os.path.join(self.root, *names)
        self._check_here()

    def _check_here(self) -> None:
        if self.names and self.here in self.mounts:
            raise MountCrossing(self.here)
        st = os.lstat(self.here)
        if not stat.S_ISDIR(st.st_mode) or _is_reparse(st):
            raise UnsafeFolder(errno.ELOOP, "replaced by a link", self.here)
        if st.st_dev != self.dev:
            raise UnsafeFolder(errno.EXDEV, "on another filesystem", self.here)
        real = os.path.realpath(self.here)
        if os.path.normcase(real) != os.path.normcase(self.here):
            raise UnsafeFolder(errno.ELOOP, "resolves elsewhere", self.here)

    def lstat(self, name: str) -> os.stat_result:
        self._check_here()
        return os.lstat(os.path.join(self.here, name))

    def unlink(self, name: str, st: os.stat_result) -> None:
        path = os.path.join(self.here, name)
        attrs = getattr(st, "st_file_attributes", 0)
        if stat.S_ISLNK(st.st_mode) and attrs & stat.FILE_ATTRIBUTE_DIRECTORY:
            os.rmdir(path)  # a directory link goes with rmdir; its target is untouched
        else:
            os.unlink(path)

    def path_of(self, name: str) -> str:
        return os.path.join(self.here, name)

    def mark_removed(self) -> None:
        self.dirty[-1] = True

    def _leave(self) -> None:
        path = os.path.join(self.root, *self.names)
        self.names.pop()
        emptied = self.dirty.pop()
        if emptied and self.prune:
            try:
                st = os.lstat(path)
                if stat.S_ISDIR(st.st_mode) and not _is_reparse(st):
                    os.rmdir(path)
                else:
                    return
            except OSError:
                return
            self.pruned += 1
            self.dirty[-1] = True

    def close(self) -> None:
        while self.names:
            self._leave()


def _is_reparse(st: os.stat_result) -> bool:
    return bool(getattr(st, "st_file_attributes", 0) & _FILE_ATTRIBUTE_REPARSE_POINT)


def move_to_trash(
    cursor: Cursor,
    fd_cursor: FdCursor | None,
    home_trash: HomeTrash | None,
    name: str,
    st: os.stat_result,
) -> tuple[str, str] | None:
    """Move `name`, in the folder the cursor stands in, to the user's trash.

    `st` is what the clean just checked the file to be. Through the folder's descriptor into
    the home trash when there is one on the same disk (returns the name it got there and its
    DeletionDate, for a restore); otherwise by path with send2trash (which knows each drive's
    trash, macOS's and Windows'; returns None), right after checking that the path still
    leads to the folder the cursor checked and to that same file (device, inode): a link
    swapped in since cannot redirect the move.
    """
    path = cursor.path_of(name)
    if fd_cursor is not None and home_trash is not None:
        try:
            return home_trash.move(fd_cursor.fds[-1], name, path)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
    if fd_cursor is not None:
        here = os.stat(os.path.dirname(path))
        mine = os.fstat(fd_cursor.fds[-1])
        if (here.st_dev, here.st_ino) != (mine.st_dev, mine.st_ino):
            raise UnsafeFolder(errno.ELOOP, "replaced by a link or moved", path)
    now = os.lstat(path)
    if (now.st_dev, now.st_ino, now.st_mode) != (st.st_dev, st.st_ino, st.st_mode):
        raise FileChanged(path)
    trash_by_path(path)
    return None


def trash_by_path(path: str) -> None:
    """Move `path` to the system trash: send2trash, but on Windows our own Recycle Bin call,
    which keeps a file the bin refuses instead of deleting it for good (see recycle.py)."""
    if _WINDOWS:
        from onecleaner.engine.recycle import recycle

        recycle(path)
        return
    from send2trash import send2trash

    send2trash(path)


def make_cursor(
    root: str, *, prune: bool, paths_only: bool = False, mounts: frozenset[str] = frozenset()
) -> Cursor:
    """The cursor this OS supports (descriptors on POSIX), or the path-based one if asked.

    `mounts`: the mount points known now; the cursor never enters one below the root.
    """
    if _IS_POSIX and not paths_only and os.unlink in os.supports_dir_fd:
        return FdCursor(root, prune=prune, mounts=mounts)
    return PathCursor(root, prune=prune, mounts=mounts)


class HomeTrash:
    """The freedesktop.org home trash ($XDG_DATA_HOME/Trash), filled through directory fds.

    A file is moved with one rename from the folder the cursor verified, so the move cannot be
    redirected either. A file on another disk raises OSError(EXDEV): the caller falls back to
    send2trash, which knows the per-drive trash folders.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._fds: tuple[int, int] | None = None

    def _open(self) -> tuple[int, int]:
        if self._fds is None:
            for sub in ("", "files", "info"):
                os.makedirs(os.path.join(self.folder, sub), mode=0o700, exist_ok=True)
            files = open_dir_nofollow(os.path.realpath(os.path.join(self.folder, "files")))
            try:
                info = open_dir_nofollow(os.path.realpath(os.path.join(self.folder, "info")))
            except BaseException:
                os.close(files)
                raise
            self._fds = (files, info)
        return self._fds

    def move(self, dir_fd: int, name: str, original: str) -> tuple[str, str]:
        """Move `name` (in the folder `dir_fd`) into the trash, recording where it came from.

        Returns the name it has in the trash and the DeletionDate of its `.trashinfo`.
        """
        import datetime
        import urllib.parse

        files_fd, info_fd = self._open()
        if os.fstat(dir_fd).st_dev != os.fstat(files_fd).st_dev:
            raise OSError(errno.EXDEV, "the trash is on another disk", original)
        when = datetime.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
        quoted = urllib.parse.quote(os.fsencode(original), safe="/")
        info = f"[Trash Info]\nPath={quoted}\nDeletionDate={when}\n".encode()
        base = name
        for n in range(1, 10_000):
            candidate = base if n == 1 else f"{base}.{n}"
            try:  # reserving the .trashinfo name first makes the choice race-free
                fd = os.open(
                    f"{candidate}.trashinfo",
                    os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                    0o600,
                    dir_fd=info_fd,
                )
            except FileExistsError:
                continue
            try:
                os.write(fd, info)
            finally:
                os.close(fd)
            try:
                os.stat(candidate, dir_fd=files_fd, follow_symlinks=False)
            except FileNotFoundError:
                pass
            else:  # a stray file without its info: take another name
                os.unlink(f"{candidate}.trashinfo", dir_fd=info_fd)
                continue
            try:
                os.rename(name, candidate, src_dir_fd=dir_fd, dst_dir_fd=files_fd)
            except BaseException:
                os.unlink(f"{candidate}.trashinfo", dir_fd=info_fd)
                raise
            return candidate, when
        raise OSError(errno.EEXIST, "no free name in the trash", original)

    def close(self) -> None:
        if self._fds is not None:
            for fd in self._fds:
                os.close(fd)
            self._fds = None
