"""Removing the planned files below one root: each folder checked once, each file again, then gone.

A plan holds its files by folder (filetable.FolderFiles). For each folder the checks that hold
for the whole folder are made once (`_enter`: keep globs, protected places, the trash, a running
application's places, and the descent through directory descriptors opened without following
links, never into a mount); each file then gets a tight loop: its own name, the exact-path
checks (a running application's file, a file open in a process), a fresh stat through the
folder's descriptor compared with the scan's identity (device, inode, size, modification time,
kind), its owner, and the removal.

Folders are independent, so a permanent delete may spread them over a few threads, each with
its own descriptor cursor; the skips are merged back in plan order, so the report is the one a
single thread gives. Cancellation is checked before every file by every thread.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from onecleaner.engine.entries import allocated_bytes
from onecleaner.engine.filetable import FolderFiles
from onecleaner.engine.fsops import (
    Cursor,
    FdCursor,
    HomeTrash,
    MountCrossing,
    make_cursor,
    move_to_trash,
)
from onecleaner.engine.model import Skip, TrashedFile
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.recheck import (
    CHANGED,
    IN_TRASH,
    KEPT,
    NOT_A_PATH,
    NOT_INSIDE,
    OTHER_OWNER,
    KeepTest,
    ProtectedPlaces,
    Watch,
    in_trash,
    reason_for,
)
from onecleaner.engine.rules import Matcher
from onecleaner.engine.scan import IN_USE

_NOT_NAMES = frozenset(("", ".", ".."))
_S_IFMT, _S_IFREG, _S_IFLNK = 0o170000, 0o100000, 0o120000
_CHECK_EVERY = 64  # files between progress reports and fresh open files (a power of two)
_WAIT = 0.05  # seconds the calling thread waits between progress reports (threads)


@dataclass(frozen=True)
class CleanChecks:
    """What a clean checks every folder and file against (shared by its threads)."""

    uid: int | None
    watch: Watch
    protected: ProtectedPlaces
    trash_folders: tuple[str, ...]
    trash: bool  # move to the trash instead of deleting
    dry_run: bool
    home_trash: HomeTrash | None
    trashed: list[TrashedFile]  # what went into the home trash (appended by every thread)
    mounts: frozenset[str]
    cancel: threading.Event | None


class Tally:
    """What one thread has done so far (written by it alone; read for progress)."""

    __slots__ = ("current", "done", "freed", "removed")

    def __init__(self) -> None:
        self.done = 0  # rows handled
        self.removed = 0
        self.freed = 0  # bytes freed (in trash mode: moved)
        self.current = ""


class _Once(NamedTuple):
    """A skip that names a place (a running application's, a mount point) rather than a file:
    reported once per root however many files it stops."""

    skip: Skip


class _Here(NamedTuple):
    """The folder a clean stands in, checked once for all its files."""

    stop: Reason | None  # why none of its files may go, or None
    stop_place: str = ""  # the place behind `stop` (a running application's, a mount point)
    name_keep: Matcher | None = None  # the keep test of a file's name
    path_keep: Matcher | None = None  # the keep test of a file's relative path
    rel_prefix: str = ""  # its path relative to the root, with a '/'
    fd: int = -1  # its descriptor, or -1
    protected: dict[str, Reason] | None = None  # protected names in it (folded), or None


class RootRemoval:
    """The removal of the planned files below one root (`base`: the root, or the folder of a
    single-file root)."""

    def __init__(
        self,
        checks: CleanChecks,
        tid: str,
        base: str,
        *,
        prune: bool,
        keep: KeepTest | None,
        owned: Callable[[str], bool] | None,
    ) -> None:
        self.checks = checks
        self.tid = tid
        self.base = base
        self.prefix = base + os.sep
        self.prune = prune
        self.keep = keep
        self.owned = owned
        self.cancelled = False
        self._halted = False  # another thread failed or was interrupted: stop between files

    def run(
        self,
        folders: Sequence[FolderFiles],
        *,
        threads: int,
        tally: Tally,
        report: Callable[[list[Tally]], None],
    ) -> tuple[int, int, list[Skip]]:
        """Remove what `folders` hold; returns (removed, bytes, skips in plan order).

        `report` is called on this thread now and then with every thread's tally. Raises
        OSError when the root itself cannot be entered (nothing was removed then).
        """
        checks = self.checks
        if threads > 1 and len(folders) > 1 and not checks.trash and not checks.dry_run:
            results = self._parallel(folders, threads, tally, report)
        else:
            results = self._serial(folders, tally, report)
        return tally.removed, tally.freed, _merged(results)

    # -- one thread -----------------------------------------------------------------------------

    def _serial(
        self, folders: Sequence[FolderFiles], tally: Tally, report: Callable[[list[Tally]], None]
    ) -> list[list[Skip | _Once]]:
        cursor = make_cursor(self.base, prune=self.prune, mounts=self.checks.mounts)
        cancel = self.checks.cancel
        is_set = cancel.is_set if cancel is not None else None
        results: list[list[Skip | _Once]] = []
        try:
            for files in folders:
                if self.cancelled:
                    break
                results.append(
                    self._folder(files, cursor, tally, is_set, lambda: report([tally]))
                )
        finally:
            cursor.close()
        return results

    # -- a few threads --------------------------------------------------------------------------

    def _parallel(
        self,
        folders: Sequence[FolderFiles],
        threads: int,
        tally: Tally,
        report: Callable[[list[Tally]], None],
    ) -> list[list[Skip | _Once]]:
        """Each thread takes the next folder in plan order with its own cursor; this thread
        passes a cancel on, reports progress and re-reads open files and running applications.
        """
        cursors: list[Cursor] = []
        try:
            for _ in range(min(threads, len(folders))):  # all open, or nothing is removed
                cursors.append(make_cursor(self.base, prune=self.prune, mounts=self.checks.mounts))
        except BaseException:
            for cursor in cursors:
                cursor.close()
            raise
        results: list[list[Skip | _Once] | None] = [None] * len(folders)
        turns: queue.SimpleQueue[int] = queue.SimpleQueue()
        for n in range(len(folders)):
            turns.put(n)
        cancel = self.checks.cancel
        is_set = cancel.is_set if cancel is not None else None
        tallies = [Tally() for _ in cursors]
        errors: list[BaseException] = []

        def work(cursor: Cursor, mine: Tally) -> None:
            try:
                while not self.cancelled and not self._halted:
                    try:
                        n = turns.get_nowait()
                    except queue.Empty:
                        return
                    results[n] = self._folder(folders[n], cursor, mine, is_set, None)
            except BaseException as exc:  # a bug: stop every thread, raise it below
                errors.append(exc)
                self._halted = True

        workers = [
            threading.Thread(target=work, args=(c, t), name="clean", daemon=True)
            for c, t in zip(cursors, tallies, strict=True)
        ]
        report(tallies)  # as a single thread does before its first file
        for worker in workers:
            worker.start()
        watch = self.checks.watch
        try:
            for worker in workers:
                while worker.is_alive():
                    worker.join(_WAIT)
                    if time.monotonic() >= watch.next:
                        watch.refresh()
                    report(tallies)
        except BaseException:  # Ctrl-C: every thread stops before its next file
            self._halted = True
            raise
        finally:
            for worker in workers:
                worker.join()
            for cursor in cursors:
                cursor.close()
            for t in tallies:
                tally.done += t.done
                tally.removed += t.removed
                tally.freed += t.freed
        if errors:
            raise errors[0]
        return [r for r in results if r is not None]

    # -- one folder -----------------------------------------------------------------------------

    def _folder(
        self,
        files: FolderFiles,
        cursor: Cursor,
        tally: Tally,
        is_set: Callable[[], bool] | None,
        report: Callable[[], None] | None,
    ) -> list[Skip | _Once]:
        """Check and remove the rows of one folder; returns its skips."""
        checks = self.checks
        tid = self.tid
        skips: list[Skip | _Once] = []
        prefix = files.prefix
        tally.current = prefix
        here = self._enter(prefix, cursor)
        names = files.names
        if here.stop is not None:
            if here.stop_place:
                skips.append(_Once(Skip(here.stop_place, here.stop, tid)))
            else:
                skips.extend(Skip(prefix + name, here.stop, tid) for name in names)
            tally.done += len(names)
            return skips
        watch = checks.watch
        generation = watch.generation
        places = watch.places
        open_files = watch.open
        uid = checks.uid
        owned = self.owned
        dry = checks.dry_run
        trash = checks.trash
        fd_cursor = cursor if isinstance(cursor, FdCursor) else None
        fd = here.fd
        altsep = os.altsep
        not_names = _NOT_NAMES
        fold = checks.protected.fold
        name_keep = here.name_keep
        name_ends = self.keep.name_ends if self.keep is not None else ("",)
        path_keep = here.path_keep
        rel_prefix = here.rel_prefix
        protected_here = here.protected
        lstat = os.lstat
        unlink = os.unlink
        dev = files.dev
        inos, sizes, mtimes, frees = files.ino, files.size, files.mtime_ns, files.frees
        links = files.links
        emptied = False
        for i, name in enumerate(names):
            if (is_set is not None and is_set()) or self.cancelled or self._halted:
                self.cancelled = self.cancelled or not self._halted
                break
            if tally.done & (_CHECK_EVERY - 1) == 0:  # now and then: progress, fresh watch
                if report is not None:
                    if time.monotonic() >= watch.next:
                        watch.refresh()
                    report()
                if watch.generation != generation:  # open files or applications read again
                    generation = watch.generation
                    places = watch.places
                    open_files = watch.open
                    hit = watch.blocked(prefix[:-1], os.sep) if watch.blocks else None
                    if hit is not None:  # an application started meanwhile
                        skips.append(_Once(Skip(hit[0], hit[1], tid)))
                        tally.done += len(names) - i
                        break
            tally.done += 1
            path = prefix + name
            if name in not_names or (altsep is not None and altsep in name):
                skips.append(Skip(path, NOT_A_PATH, tid))
                continue
            if (name_keep is not None and name.endswith(name_ends) and name_keep(name)) or (
                path_keep is not None and path_keep(rel_prefix + name)
            ):
                skips.append(Skip(path, KEPT, tid))
                continue
            if protected_here is not None:
                key = name if fold is None else fold(name)
                if key in protected_here:
                    skips.append(Skip(path, protected_here[key], tid))
                    continue
            if path in places:
                skips.append(_Once(Skip(path, places[path], tid)))
                continue
            if path in open_files:
                skips.append(Skip(path, IN_USE, tid))
                continue
            if trash and name.startswith(".Trash"):
                skips.append(Skip(path, IN_TRASH, tid))
                continue
            try:
                st = lstat(name, dir_fd=fd) if fd >= 0 else cursor.lstat(name)
            except (OSError, ValueError) as exc:
                skips.append(Skip(path, reason_for(exc), tid))
                continue
            if (
                st.st_ino != inos[i]
                or st.st_dev != dev
                or st.st_size != sizes[i]
                or st.st_mtime_ns != mtimes[i]
                or st.st_mode & _S_IFMT != (_S_IFLNK if i in links else _S_IFREG)
            ):
                skips.append(Skip(path, CHANGED, tid))
                continue
            if (uid is not None and st.st_uid != uid) or (
                owned is not None and not owned(cursor.path_of(name))
            ):
                skips.append(Skip(path, OTHER_OWNER, tid))
                continue
            if dry:
                tally.removed += 1
                tally.freed += frees[i]  # what a clean would free (or, in trash mode, move)
                continue
            try:
                if trash:
                    went = move_to_trash(cursor, fd_cursor, checks.home_trash, name, st)
                    if went is not None:
                        checks.trashed.append(TrashedFile(tid, *went))
                elif fd >= 0:
                    unlink(name, dir_fd=fd)
                else:
                    cursor.unlink(name, st)
            except OSError as exc:
                why = reason_for(exc)
                if trash:
                    why = Reason.of(SkipCode.TRASH_FAILED, cause=why)
                skips.append(Skip(path, why, tid))
                continue
            emptied = True
            tally.removed += 1
            if trash:
                tally.freed += frees[i]  # moved, not freed: the caller counts it as in the trash
            elif st.st_nlink == 1:  # otherwise another link keeps the data
                tally.freed += allocated_bytes(st)
        if emptied:
            cursor.mark_removed()
        return skips

    def _enter(self, prefix: str, cursor: Cursor) -> _Here:
        """Stand in the folder `prefix` (its path with a separator), checked as a whole."""
        sep = os.sep
        checks = self.checks
        root_prefix = self.prefix
        if not prefix.startswith(root_prefix):
            return _Here(NOT_INSIDE)
        folder = prefix[:-1]
        rel_dir = prefix[len(root_prefix) : -1]
        parts = rel_dir.split(sep) if rel_dir else []
        rel = "/".join(parts)
        name_keep = path_keep = None
        why = None
        keep = self.keep
        if keep is not None:
            if rel and keep.full(rel):
                why = KEPT
            name_keep = keep.names
            if keep.anchored is not None and keep.anchored.may_match_below(rel):
                path_keep = keep.anchored
        if why is None:
            why = checks.protected.above(folder, sep)
        if why is None and checks.trash and in_trash(folder, checks.trash_folders, sep):
            why = IN_TRASH
        if why is None and checks.watch.blocks:
            hit = checks.watch.blocked(folder, sep)
            if hit is not None:
                return _Here(hit[1], hit[0])
        if why is None:
            try:
                cursor.goto(parts)
            except MountCrossing as exc:  # one skip names the mount point, not each file
                return _Here(reason_for(exc), str(exc.filename))
            except (OSError, ValueError) as exc:
                why = reason_for(exc)
        if why is not None:
            return _Here(why)
        fd = cursor.fds[-1] if isinstance(cursor, FdCursor) else -1
        return _Here(
            None,
            "",
            name_keep,
            path_keep,
            rel + "/" if rel else "",
            fd,
            checks.protected.named_in(folder),
        )


def _merged(results: list[list[Skip | _Once]]) -> list[Skip]:
    """The folders' skips in plan order, a place named once however many folders it stopped."""
    skips: list[Skip] = []
    named: set[str] = set()
    for folder in results:
        for item in folder:
            if isinstance(item, _Once):
                if item.skip.path in named:
                    continue
                named.add(item.skip.path)
                skips.append(item.skip)
            else:
                skips.append(item)
    return skips


__all__ = ["CleanChecks", "RootRemoval", "Tally"]
