"""The scan's walk below one root: what is there, what may go, and why the rest stays.

An iterative depth-first walk (no recursion limit) with os.scandir. On POSIX it descends
through directory descriptors opened with O_NOFOLLOW relative to their parent, and stats
through them, so no symlink below a root is ever followed and long paths never matter.
The hot loop keeps to the scandir entry's own stat, one dictionary lookup and one record
per file: the scan must stay within a small factor of `du`.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from onecleaner.engine.entries import (
    HardLinks,
    _new,
    _set_dev,
    _set_frees,
    _set_ident,
    _set_ino,
    _set_kind,
    _set_mtime,
    _set_path,
    _set_root,
    _set_size,
    _set_tid,
    allocated_bytes,
    make_entry,
)
from onecleaner.engine.fsops import open_dir_nofollow
from onecleaner.engine.model import EntryKind, Identity, Phase, PlanEntry, Progress, Skip
from onecleaner.engine.mounts import MountRootTest, MountTable
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.roots import Root
from onecleaner.engine.rules import Matcher, compile_globs, has_magic
from onecleaner.engine.stops import NOT_FOUND, Stops

_IS_POSIX = os.name == "posix"
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_REPARSE = 0x400
_PROGRESS_EVERY = 0.05  # seconds between progress reports
_CHECK_EVERY = 4096  # files between cancel/progress checks inside one big folder

FILE = EntryKind.FILE
LINK = EntryKind.LINK

def name_test(matcher: Matcher) -> Callable[[str], object]:
    """A fast test of one file name against name-only globs (truthy: it matches).

    The hot loop runs it once per file: globs that are all `*suffix` become one
    str.endswith call; others use the compiled pattern's own fullmatch when the matcher
    exposes it (the same test as the matcher's for a non-empty name).
    """
    globs = matcher.globs
    if all(g.startswith("*") and not has_magic(g[1:]) and g[1:] for g in globs):
        suffixes = tuple(g[1:] for g in globs)
        if not matcher.case_insensitive:
            return lambda name: name.endswith(suffixes)
        folded = tuple(x.casefold() for x in suffixes)
        return lambda name: name.casefold().endswith(folded)
    compiled = getattr(matcher, "_match", None)
    if compiled is not None:
        return cast("Callable[[str], object]", compiled.fullmatch)
    return matcher


def _close(handle: int | str) -> None:
    if isinstance(handle, int):
        os.close(handle)


OTHER_FILESYSTEM = Reason.of(SkipCode.OTHER_FILESYSTEM)
MOUNT_POINT = Reason.of(SkipCode.MOUNT_POINT)
OTHER_OWNER = Reason.of(SkipCode.OTHER_OWNER)
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


_Sub = tuple[str, "Matcher | None", "Matcher | None"]  # a subfolder, its include and keep


@dataclass(slots=True)
class _Job:
    """One root being walked: where entries and skips go, and the rules that hold there."""

    tid: str
    root: str
    dev: int
    age_cut: float | None
    owner_only: bool
    keep_names: Matcher | None
    entries: list[PlanEntry]
    skips: list[Skip]
    keep_names_re: Callable[[str], object] | None = None

    def __post_init__(self) -> None:
        if self.keep_names is not None:
            self.keep_names_re = name_test(self.keep_names)


class Walker:
    """Walks roots for one scan, sharing the stops, the dedup set and the progress count."""

    def __init__(
        self,
        *,
        stops: dict[str, Reason | None],
        uid: int | None,
        case_insensitive: bool,
        dedup: bool,
        progress: Callable[[Progress], None] | None,
        cancel: threading.Event | None,
        mounts: MountTable | None = None,
        fold: Callable[[str], str] | None = None,
        owned: Callable[[str], bool] | None = None,
    ) -> None:
        self.stops = Stops(stops, fold)
        # Where no uid tells (Windows): whether the user owns a file of an owner_only rule.
        self.owned = owned
        # A bind mount has its parent's device number: the mount table (read once per scan)
        # and statx's mount-root flag on each opened folder (a mount made since) catch it.
        self.mount_points = mounts.points if mounts is not None else frozenset()
        self.mount_root = MountRootTest() if _IS_POSIX else None
        self.uid = uid
        self.case_insensitive = case_insensitive
        self.seen: set[str] | None = set() if dedup else None
        self.progress = progress
        self.cancel = cancel
        self.cancelled = False
        self.files = 0
        self.bytes = 0
        self._last = 0.0
        self.links = HardLinks()

    # -- progress and cancellation ------------------------------------------------------

    def _tick(self, current: str) -> bool:
        """Report progress when due; True when the scan must stop."""
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True
            return True
        if self.progress is not None:
            now = time.monotonic()
            if now - self._last >= _PROGRESS_EVERY:
                self._last = now
                self.progress(Progress(Phase.SCAN, current, self.files, self.bytes))
        return False

    # -- one root -----------------------------------------------------------------------

    def walk(
        self,
        root: Root,
        tid: str,
        age_cut: float | None,
        entries: list[PlanEntry],
        skips: list[Skip],
    ) -> None:
        """Add the entries below `root` (or the root file itself) to `entries`."""
        if self.cancelled or self._tick(root.path):
            return
        if root.is_file:
            self._file_root(root, tid, age_cut, entries, skips)
            return
        rule = root.rule
        fold = self.case_insensitive
        # A keep glob without '/' matches any one component: the folders above a file were
        # checked when they were listed, so testing the file's own name is enough (and fast).
        by_name = [g for g in rule.keep if "/" not in g]
        by_path = [g for g in rule.keep if "/" in g]
        keep_names = compile_globs(by_name, case_insensitive=fold) if by_name else None
        keep_paths = compile_globs(by_path, case_insensitive=fold) if by_path else None
        include = compile_globs(rule.include, case_insensitive=fold) if rule.include else None
        try:
            handle: int | str
            if _IS_POSIX:
                root_fd = open_dir_nofollow(root.path)
                handle = root_fd
                dev = os.fstat(root_fd).st_dev
            else:
                handle = root.path
                dev = os.stat(handle).st_dev
        except OSError as exc:
            skips.append(Skip(root.path, reason_for(exc), tid))
            return
        job = _Job(tid, root.path, dev, age_cut, rule.owner_only, keep_names, entries, skips)
        sep = os.sep
        mount_points = self.mount_points
        mount_root = self.mount_root
        # Each frame: the open folder, its path prefix, its relative prefix, its subfolders.
        frames: list[tuple[int | str, str, str, list[_Sub]]] = []
        try:
            first: list[_Sub] = []
            frames.append((handle, root.path + sep, "", first))
            first.extend(
                self._list(job, handle, root.path + sep, "", include, keep_paths, rule.recursive)
            )
            while frames and not self.cancelled:
                fd, prefix, rel, pending = frames[-1]
                if not pending:
                    frames.pop()
                    _close(fd)
                    continue
                name, child_include, child_keep = pending.pop()
                path = prefix + name
                if self._tick(path):
                    break
                if path in mount_points:
                    skips.append(Skip(path, MOUNT_POINT, tid))
                    continue
                child: int | str
                mounted = False
                try:
                    if isinstance(fd, int):
                        child_fd = os.open(name, _DIR_FLAGS, dir_fd=fd)
                        child = child_fd
                        try:
                            child_dev = os.fstat(child_fd).st_dev
                            mounted = mount_root is not None and bool(mount_root(child_fd))
                        except OSError:
                            os.close(child_fd)
                            raise
                    else:
                        child = path
                        st = os.lstat(path)
                        attrs = getattr(st, "st_file_attributes", 0)
                        if not stat.S_ISDIR(st.st_mode) or attrs & _REPARSE:
                            skips.append(Skip(path, LINK_NOT_FOLLOWED, tid))
                            continue
                        child_dev = st.st_dev
                except OSError as exc:
                    skips.append(Skip(path, reason_for(exc), tid))
                    continue
                if child_dev != dev or mounted:
                    _close(child)
                    why = OTHER_FILESYSTEM if child_dev != dev else MOUNT_POINT
                    skips.append(Skip(path, why, tid))
                    continue
                child_rel = rel + name + "/"
                subs: list[_Sub] = []
                frames.append((child, path + sep, child_rel, subs))
                subs.extend(
                    self._list(job, child, path + sep, child_rel, child_include, child_keep, True)
                )
        finally:
            for frame in frames:
                _close(frame[0])

    def _list(
        self,
        job: _Job,
        handle: int | str,
        prefix: str,
        rel: str,
        include: Matcher | None,
        keep_paths: Matcher | None,
        recursive: bool,
    ) -> list[_Sub]:
        """List one folder: add its files to the plan, return the subfolders to walk."""
        subdirs: list[_Sub] = []
        stops = self.stops.in_folder(prefix[:-1])
        fold = self.stops.fold
        seen = self.seen
        uid = self.uid
        tid = job.tid
        root = job.root
        age_cut = job.age_cut
        owner_only = job.owner_only
        owned = self.owned
        keep_names = job.keep_names_re
        skips = job.skips
        entries = job.entries
        append = entries.append
        root_dev = job.dev
        links = self.links
        statf = None if _IS_POSIX else os.lstat
        allocated = allocated_bytes
        S_ISREG = stat.S_ISREG
        S_ISLNK = stat.S_ISLNK
        new = _new
        count = 0
        nbytes = 0
        try:
            it = os.scandir(handle)
        except OSError as exc:
            skips.append(Skip(prefix[:-1], reason_for(exc), tid))
            return subdirs
        # An OSError that reaches the outer handler comes from reading the folder itself:
        # the ones of a single entry are caught inside the loop.
        try:
            with it:
                for e in it:
                    name = e.name
                    try:
                        if e.is_dir(follow_symlinks=False):
                            if recursive:
                                self._subdir(
                                    job, subdirs, prefix, rel, name, include, keep_paths, stops
                                )
                            continue
                        if statf is None:
                            st = e.stat(follow_symlinks=False)
                        else:  # Windows: the entry's own stat lacks the inode and device
                            st = statf(prefix + name)
                    except OSError as exc:
                        skips.append(Skip(prefix + name, reason_for(exc, "file"), tid))
                        continue
                    mode = st.st_mode
                    if S_ISREG(mode):
                        kind = FILE
                    elif S_ISLNK(mode):
                        kind = LINK
                    else:
                        continue  # sockets, fifos, devices: never entries
                    if keep_names is not None and keep_names(name):
                        continue
                    if keep_paths is not None and keep_paths(rel + name):
                        continue
                    if include is not None and not include(rel + name):
                        continue
                    # Age is the newest of the three times: a file copied or unpacked a
                    # minute ago with an old mtime has a fresh ctime (as systemd-tmpfiles).
                    if age_cut is not None and (
                        st.st_mtime > age_cut or st.st_atime > age_cut or st.st_ctime > age_cut
                    ):
                        continue
                    theirs = uid is not None and st.st_uid != uid
                    if owner_only and (theirs or (owned is not None and not owned(prefix + name))):
                        continue
                    path = prefix + name
                    if seen is not None:
                        if path in seen:
                            continue  # an earlier target of the selection has it
                        seen.add(path)
                    if stops is not None:
                        folded = name if fold is None else fold(name)
                        if folded in stops:
                            why = stops[folded]
                            if why is not None:
                                skips.append(Skip(path, why, tid))
                            continue
                    if theirs:
                        skips.append(Skip(path, OTHER_OWNER, tid))
                        continue
                    blocks = allocated(st)
                    dev = st.st_dev
                    if dev == root_dev:
                        dev = root_dev  # one shared int object instead of one per entry
                    if st.st_nlink > 1:
                        key = (dev, st.st_ino)
                        links.add(key, st.st_nlink, blocks, entries)
                        frees = 0
                    else:
                        frees = blocks
                        nbytes += blocks
                    # make_entry, inlined: this line runs once per file.
                    ident = new(Identity)
                    _set_dev(ident, dev)
                    _set_ino(ident, st.st_ino)
                    _set_size(ident, st.st_size)
                    _set_mtime(ident, st.st_mtime_ns)
                    entry = new(PlanEntry)
                    _set_path(entry, path)
                    _set_root(entry, root)
                    _set_tid(entry, tid)
                    _set_kind(entry, kind)
                    _set_ident(entry, ident)
                    _set_frees(entry, frees)
                    append(entry)
                    count += 1
                    if count % _CHECK_EVERY == 0:
                        self.files += count
                        self.bytes += nbytes
                        count = nbytes = 0
                        if self._tick(prefix[:-1]):
                            break
        except OSError as exc:
            skips.append(Skip(prefix[:-1], reason_for(exc), tid))
        self.files += count
        self.bytes += nbytes
        return subdirs

    def _subdir(
        self,
        job: _Job,
        subdirs: list[_Sub],
        prefix: str,
        rel: str,
        name: str,
        include: Matcher | None,
        keep_paths: Matcher | None,
        stops: dict[str, Reason | None] | None,
    ) -> None:
        """Decide whether a subfolder is walked, and with which rules below it."""
        if stops is not None:
            folded = name if self.stops.fold is None else self.stops.fold(name)
            if folded in stops:
                why = stops[folded]
                if why is not None:
                    job.skips.append(Skip(prefix + name, why, job.tid))
                return
        r = rel + name
        if job.keep_names is not None and job.keep_names(name):
            return
        if keep_paths is not None:
            if keep_paths(r):
                return
            if not keep_paths.may_match_below(r):
                keep_paths = None  # nothing below can be kept by a path glob
        sub_include = include
        if include is not None:
            if include(r):
                sub_include = None  # the whole subtree is taken
            elif not include.may_match_below(r):
                return
        subdirs.append((name, sub_include, keep_paths))

    def _file_root(
        self,
        root: Root,
        tid: str,
        age_cut: float | None,
        entries: list[PlanEntry],
        skips: list[Skip],
    ) -> None:
        """A root that is one regular file (recently-used.xbel)."""
        path = root.path
        try:
            st = os.stat(path, follow_symlinks=False)
        except OSError as exc:
            if not isinstance(exc, FileNotFoundError):
                skips.append(Skip(path, reason_for(exc, "file"), tid))
            return
        if not stat.S_ISREG(st.st_mode):
            return
        if age_cut is not None and max(st.st_mtime, st.st_atime, st.st_ctime) > age_cut:
            return
        uid = self.uid
        if root.rule.owner_only and (
            (uid is not None and st.st_uid != uid)
            or (self.owned is not None and not self.owned(path))
        ):
            return
        if self.seen is not None:
            if path in self.seen:
                return
            self.seen.add(path)
        why = self.stops.get(path)
        if why is not NOT_FOUND:
            if isinstance(why, Reason):
                skips.append(Skip(path, why, tid))
            return
        if uid is not None and st.st_uid != uid:
            skips.append(Skip(path, OTHER_OWNER, tid))
            return
        blocks = allocated_bytes(st)
        if st.st_nlink > 1:
            key = (st.st_dev, st.st_ino)
            self.links.add(key, st.st_nlink, blocks, entries)
            blocks_now = 0
        else:
            blocks_now = blocks
        entries.append(make_entry(path, path, tid, FILE, st, blocks_now))
        self.files += 1
        self.bytes += blocks_now

    def settle_links(self) -> None:
        """Give a hard-linked file's blocks to one entry when every link is in the plan."""
        self.bytes += self.links.settle()
