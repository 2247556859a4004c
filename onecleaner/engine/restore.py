"""Putting back what a trash-mode clean moved into the freedesktop.org home trash (Linux).

The clean records, for each file, the name it got in the trash and the DeletionDate written in
its ``<name>.trashinfo`` (`TrashedFile`). Restoring reads that ``.trashinfo`` (``Path=`` says
where the file came from) and puts the file back only when:

- the ``.trashinfo`` still carries the recorded DeletionDate (the name was not reused by a later
  deletion) and its ``Path=`` lies inside one of its target's folders now;
- every folder on the way back is a real folder on the same filesystem, opened from the target's
  folder down without following links (emptied folders the clean pruned are made again);
- nothing exists at that place again: a hard link makes the move fail rather than overwrite
  (a file that came back meanwhile is reported, never replaced).

The file is linked to its old place and then unlinked from the trash, with its ``.trashinfo``.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import stat
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from onecleaner.engine.fsops import open_dir_nofollow
from onecleaner.engine.model import TrashedFile

_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_INFO_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
_INFO_LIMIT = 64 * 1024  # a .trashinfo is a few lines; anything bigger is not one of ours
#: Errors of a filesystem that cannot hard-link: the move falls back to a checked rename.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


class Outcome(enum.Enum):
    """What happened to one file."""

    RESTORED = "restored"
    EXISTS = "exists"  # something is at its old place again: left in the trash
    GONE = "gone"  # no longer in the trash (emptied, or restored by hand)
    NOT_THIS_CLEAN = "not_this_clean"  # the name now belongs to another deletion
    OUTSIDE = "outside"  # its .trashinfo points outside its item's folders
    UNSAFE = "unsafe"  # a link or another filesystem on the way back, or not a plain file
    FAILED = "failed"  # the system refused (the detail says why)


@dataclass(frozen=True, slots=True)
class RestoredItem:
    """One file's outcome; `path` is where it came from (empty when that is not known)."""

    trash_name: str
    path: str
    outcome: Outcome
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What a restore did, file by file."""

    items: tuple[RestoredItem, ...]

    def with_outcome(self, outcome: Outcome) -> tuple[RestoredItem, ...]:
        return tuple(i for i in self.items if i.outcome is outcome)

    @property
    def restored(self) -> int:
        return len(self.with_outcome(Outcome.RESTORED))

    @property
    def still_in_trash(self) -> tuple[RestoredItem, ...]:
        """Files that stay in the trash (a later restore may try them again)."""
        gone = (Outcome.RESTORED, Outcome.GONE, Outcome.NOT_THIS_CLEAN)
        return tuple(i for i in self.items if i.outcome not in gone)


class _Unsafe(Exception):
    """A folder on the way back is not what it must be."""


def parse_trashinfo(data: bytes) -> tuple[str, str] | None:
    """(original path, DeletionDate) of a ``.trashinfo``; None when it is not a valid one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [line.strip() for line in text.splitlines()]
    if "[Trash Info]" not in lines:
        return None
    values: dict[str, str] = {}
    for line in lines[lines.index("[Trash Info]") + 1 :]:
        if line.startswith("["):
            break
        key, sep, value = line.partition("=")
        if sep:
            values.setdefault(key.strip(), value.strip())
    if "Path" not in values or "DeletionDate" not in values:
        return None
    path = os.fsdecode(urllib.parse.unquote_to_bytes(values["Path"]))
    return path, values["DeletionDate"]


def _inside(path: str, roots: Iterable[str]) -> str | None:
    """The root `path` lies strictly inside, if any (`path` must be absolute and normal)."""
    if not os.path.isabs(path) or os.path.normpath(path) != path or "\0" in path:
        return None
    for root in roots:
        if path.startswith(root.rstrip(os.sep) + os.sep):
            return root
    return None


def _open_parent(root: str, parts: list[str]) -> int:
    """The folder root/parts..., made where missing, entered without following any link."""
    fd = open_dir_nofollow(root)
    try:
        device = os.fstat(fd).st_dev
        for part in parts:
            if part in ("", ".", ".."):
                raise _Unsafe("a '.' or '..' on the way back")
            try:
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                os.mkdir(part, 0o700, dir_fd=fd)  # pruned by the clean: made again, private
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise _Unsafe("a folder on the way back is now a link or a file") from exc
                raise
            os.close(fd)
            fd = child
            if os.fstat(fd).st_dev != device:
                raise _Unsafe("a folder on the way back is on another filesystem")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _put_back(files_fd: int, trash_name: str, parent_fd: int, name: str) -> None:
    """Move the trashed file to `name` in `parent_fd`, never over an existing entry."""
    try:
        os.link(
            trash_name, name, src_dir_fd=files_fd, dst_dir_fd=parent_fd, follow_symlinks=False
        )
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # No hard links here: check, then rename (the one window a racing writer could use).
        try:
            os.stat(name, dir_fd=parent_fd, follow_symlinks=False)
        except FileNotFoundError:
            os.rename(trash_name, name, src_dir_fd=files_fd, dst_dir_fd=parent_fd)
            return
        raise FileExistsError(errno.EEXIST, "exists", name) from None
    os.unlink(trash_name, dir_fd=files_fd)


def _one(
    files_fd: int, info_fd: int, item: TrashedFile, roots: Sequence[str]
) -> RestoredItem:
    info_name = f"{item.trash_name}.trashinfo"
    if "/" in item.trash_name or item.trash_name in ("", ".", ".."):
        return RestoredItem(item.trash_name, "", Outcome.OUTSIDE, "not a trash name")
    try:
        fd = os.open(info_name, _INFO_FLAGS, dir_fd=info_fd)
    except FileNotFoundError:
        return RestoredItem(item.trash_name, "", Outcome.GONE)
    except OSError as exc:
        return RestoredItem(item.trash_name, "", Outcome.UNSAFE, exc.strerror or str(exc))
    try:
        data = os.read(fd, _INFO_LIMIT + 1)
    finally:
        os.close(fd)
    parsed = parse_trashinfo(data) if len(data) <= _INFO_LIMIT else None
    if parsed is None:
        return RestoredItem(item.trash_name, "", Outcome.OUTSIDE, "not a valid .trashinfo")
    path, deleted_at = parsed
    if deleted_at != item.deleted_at:
        return RestoredItem(item.trash_name, path, Outcome.NOT_THIS_CLEAN)
    root = _inside(path, roots)
    if root is None:
        return RestoredItem(item.trash_name, path, Outcome.OUTSIDE)
    try:
        st = os.stat(item.trash_name, dir_fd=files_fd, follow_symlinks=False)
    except FileNotFoundError:
        return RestoredItem(item.trash_name, path, Outcome.GONE)
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        return RestoredItem(item.trash_name, path, Outcome.UNSAFE, "not a plain file")
    parts = path[len(root.rstrip(os.sep)) + 1 :].split(os.sep)
    try:
        parent_fd = _open_parent(root, parts[:-1])
    except _Unsafe as exc:
        return RestoredItem(item.trash_name, path, Outcome.UNSAFE, str(exc))
    except OSError as exc:
        return RestoredItem(item.trash_name, path, Outcome.FAILED, exc.strerror or str(exc))
    try:
        _put_back(files_fd, item.trash_name, parent_fd, parts[-1])
    except FileExistsError:
        return RestoredItem(item.trash_name, path, Outcome.EXISTS)
    except OSError as exc:
        detail = "the trash is on another disk" if exc.errno == errno.EXDEV else exc.strerror
        return RestoredItem(item.trash_name, path, Outcome.FAILED, detail or str(exc))
    finally:
        os.close(parent_fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(info_name, dir_fd=info_fd)
    return RestoredItem(item.trash_name, path, Outcome.RESTORED)


def restore_from_trash(
    trash_folder: str,
    items: Sequence[TrashedFile],
    allowed_roots: Mapping[str, Sequence[str]],
) -> RestoreReport:
    """Put the files of a clean back where they came from (see the module's rules).

    `allowed_roots` maps each target id to its folders on this machine now (resolved): a file
    only goes back inside one of its own target's folders.
    """
    try:
        files_fd = open_dir_nofollow(os.path.realpath(os.path.join(trash_folder, "files")))
    except FileNotFoundError:
        return RestoreReport(tuple(RestoredItem(i.trash_name, "", Outcome.GONE) for i in items))
    try:
        info_fd = open_dir_nofollow(os.path.realpath(os.path.join(trash_folder, "info")))
    except FileNotFoundError:
        os.close(files_fd)
        return RestoreReport(tuple(RestoredItem(i.trash_name, "", Outcome.GONE) for i in items))
    try:
        done = tuple(
            _one(files_fd, info_fd, item, allowed_roots.get(item.target_id, ())) for item in items
        )
    finally:
        os.close(files_fd)
        os.close(info_fd)
    return RestoreReport(done)


__all__ = ["Outcome", "RestoreReport", "RestoredItem", "parse_trashinfo", "restore_from_trash"]
