"""The scan's walk below one root: what is there, what may go, and why the rest stays.

The folders are walked by `treewalk.WalkPool` (a thread pool, descriptors opened without
following links, never into another mount, delivered in one fixed order); this module is what
the scan does in each folder. The hot loop keeps to the scandir entry's own stat, a few tests of
None and one row of numbers per file: the plan is stored by folder and by column
(`filetable.FolderFiles`), not as one record per file.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from onecleaner.engine.entries import allocated_bytes
from onecleaner.engine.filetable import FolderFiles
from onecleaner.engine.model import Phase, Progress, Skip
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.roots import Root
from onecleaner.engine.rules import Matcher, compile_globs, has_magic
from onecleaner.engine.stops import NOT_FOUND, Stops
from onecleaner.engine.treewalk import CHECK_EVERY, IS_POSIX, Folder, Sub, reason_for, shared_pool

_PROGRESS_EVERY = 0.05  # seconds between progress reports

OTHER_OWNER = Reason.of(SkipCode.OTHER_OWNER)
MOUNT_POINT = Reason.of(SkipCode.MOUNT_POINT)


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


#: The rules below one folder: its path relative to the root (with '/'), include and keep.
_Rules = tuple[str, "Matcher | None", "Matcher | None"]


@dataclass(slots=True)
class _Listing:
    """What the scan made of one folder: its files' rows, its skips, its hard links."""

    files: FolderFiles | None
    skips: list[Skip] | None
    links: list[tuple[int, tuple[int, int], int, int]] | None  # row, (dev, ino), nlink, blocks


@dataclass
class HardLinkRows:
    """Hard links met by a scan, in plan order: (dev, ino) -> their rows, links and blocks."""

    places: dict[tuple[int, int], list[tuple[FolderFiles, int]]] = field(default_factory=dict)
    counts: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def settle(self) -> int:
        """Give each file's blocks to its first row when all its links are in the plan.

        A file with a link outside the plan frees nothing when its rows go; returns the bytes
        given out.
        """
        given = 0
        for key, places in self.places.items():
            nlink, blocks = self.counts[key]
            if len(places) < nlink:
                continue
            files, row = places[0]
            files.frees[row] = blocks
            given += blocks
        return given


class _RootWalk:
    """One root being walked: the rules that hold there, and where its results go."""

    def __init__(
        self,
        walker: Walker,
        root: Root,
        tid: str,
        age_cut: float | None,
        folders: list[FolderFiles],
        skips: list[Skip],
    ) -> None:
        self.walker = walker
        self.root = root.path
        self.tid = tid
        self.age_cut = age_cut
        self.owner_only = root.rule.owner_only
        self.recursive = root.rule.recursive
        self.folders = folders
        self.skips = skips
        fold = walker.case_insensitive
        # A keep glob without '/' matches any one component: the folders above a file were
        # checked when they were listed, so testing the file's own name is enough (and fast).
        by_name = [g for g in root.rule.keep if "/" not in g]
        by_path = [g for g in root.rule.keep if "/" in g]
        self.keep_names = compile_globs(by_name, case_insensitive=fold) if by_name else None
        self.keep_names_test = name_test(self.keep_names) if self.keep_names else None
        keep_paths = compile_globs(by_path, case_insensitive=fold) if by_path else None
        include = (
            compile_globs(root.rule.include, case_insensitive=fold) if root.rule.include else None
        )
        self.top_rules: _Rules = ("", include, keep_paths)

    # -- on the calling thread, in plan order ---------------------------------------------

    def enter(self, folder: Folder) -> None:
        listing: _Listing = folder.result
        walker = self.walker
        files = listing.files
        if files is not None:
            self.folders.append(files)
            walker.files += len(files)
            walker.bytes += sum(files.frees)
            if listing.links is not None:
                links = walker.links
                for row, key, nlink, blocks in listing.links:
                    links.places.setdefault(key, []).append((files, row))
                    links.counts[key] = (nlink, blocks)
        if listing.skips is not None:
            self.skips.extend(listing.skips)
        walker.current = folder.path

    def leave(self, folder: Folder) -> None:
        pass

    def refused(self, folder: Folder) -> None:
        assert folder.refused is not None
        self.skips.append(Skip(folder.path, folder.refused, self.tid))

    # -- on a worker thread -----------------------------------------------------------------

    def list_folder(
        self, folder: Folder, handle: int | str, stopping: Callable[[], bool]
    ) -> list[Sub]:
        """List one folder: its files' rows, its skips, the subfolders to walk."""
        walker = self.walker
        rel, include, keep_paths = cast(_Rules, folder.context)
        sep = os.sep
        prefix = folder.path + sep
        subdirs: list[Sub] = []
        skips: list[Skip] = []
        stops = walker.stops.in_folder(folder.path)
        fold = walker.stops.fold
        seen = walker.seen
        uid = walker.uid
        tid = self.tid
        age_cut = self.age_cut
        owner_only = self.owner_only
        owned = walker.owned
        keep_names = self.keep_names_test
        recursive = self.recursive  # False: the root's files only (no subfolder is kept)
        assert folder.stat is not None
        dev = folder.stat.st_dev
        statf = None if IS_POSIX else os.lstat
        S_ISREG = stat.S_ISREG
        S_ISLNK = stat.S_ISLNK
        names: list[str] = []
        links: list[int] = []
        hard: list[tuple[int, tuple[int, int], int, int]] | None = None
        inos = array("Q")
        sizes = array("q")
        mtimes = array("q")
        frees = array("q")
        add_name = names.append
        add_ino = inos.append
        add_size = sizes.append
        add_mtime = mtimes.append
        add_frees = frees.append
        count = 0
        try:
            it = os.scandir(handle)
        except OSError as exc:
            skips.append(Skip(folder.path, reason_for(exc), tid))
            folder.result = _Listing(None, skips, None)
            return subdirs
        # An OSError that reaches the outer handler comes from reading the folder itself:
        # the ones of a single entry are caught inside the loop.
        try:
            with it:
                for e in it:
                    name = e.name
                    count += 1
                    if count % CHECK_EVERY == 0 and stopping():
                        break
                    try:
                        if e.is_dir(follow_symlinks=False):
                            if recursive:
                                self._subdir(subdirs, skips, prefix, rel, name, include,
                                             keep_paths, stops)  # fmt: skip
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
                        is_link = False
                    elif S_ISLNK(mode):
                        is_link = True
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
                    if seen is not None:
                        path = prefix + name
                        if path in seen:
                            continue  # an earlier target of the selection has it
                        seen.add(path)
                    if stops is not None:
                        folded = name if fold is None else fold(name)
                        if folded in stops:
                            why = stops[folded]
                            if why is not None:
                                skips.append(Skip(prefix + name, why, tid))
                            continue
                    if theirs:
                        skips.append(Skip(prefix + name, OTHER_OWNER, tid))
                        continue
                    if st.st_dev != dev:  # a file mounted over this one (a bind mount)
                        skips.append(Skip(prefix + name, MOUNT_POINT, tid))
                        continue
                    if sys.platform == "win32":  # no allocated blocks reported
                        blocks = st.st_size
                    else:
                        blocks = st.st_blocks * 512
                    row = len(names)
                    if st.st_nlink > 1:  # its blocks go to one row once all links are known
                        if hard is None:
                            hard = []
                        hard.append((row, (dev, st.st_ino), st.st_nlink, blocks))
                        blocks = 0
                    if is_link:
                        links.append(row)
                    add_name(name)
                    add_ino(st.st_ino)
                    add_size(st.st_size)
                    add_mtime(st.st_mtime_ns)
                    add_frees(blocks)
        except OSError as exc:
            skips.append(Skip(folder.path, reason_for(exc), tid))
        files = None
        if names:
            files = FolderFiles(prefix, self.root, tid, dev, tuple(names), inos, sizes, mtimes,
                                frees, frozenset(links))  # fmt: skip
        folder.result = _Listing(files, skips or None, hard)
        return subdirs

    def _subdir(
        self,
        subdirs: list[Sub],
        skips: list[Skip],
        prefix: str,
        rel: str,
        name: str,
        include: Matcher | None,
        keep_paths: Matcher | None,
        stops: dict[str, Reason | None] | None,
    ) -> None:
        """Decide whether a subfolder is walked, and with which rules below it."""
        if stops is not None:
            fold = self.walker.stops.fold
            folded = name if fold is None else fold(name)
            if folded in stops:
                why = stops[folded]
                if why is not None:
                    skips.append(Skip(prefix + name, why, self.tid))
                return
        r = rel + name
        if self.keep_names is not None and self.keep_names(name):
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
        subdirs.append((name, (r + "/", sub_include, keep_paths)))


class Walker:
    """Walks roots for one scan, sharing the thread pool, the stops, the dedup set and the
    progress count."""

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
        threads: int = 1,
    ) -> None:
        self.stops = Stops(stops, fold)
        # Where no uid tells (Windows): whether the user owns a file of an owner_only rule.
        self.owned = owned
        # A bind mount has its parent's device number: the mount table (read once per scan)
        # and statx's mount-root flag on each opened folder (a mount made since) catch it.
        self.mount_points = mounts.points if mounts is not None else frozenset()
        self.uid = uid
        self.case_insensitive = case_insensitive
        self.seen: set[str] | None = set() if dedup else None
        self.progress = progress
        self.cancel = cancel
        self.cancelled = False
        self.files = 0
        self.bytes = 0
        self.current = ""
        self._last = 0.0
        self.links = HardLinkRows()
        self.pool = shared_pool(threads)

    def _tick(self) -> None:
        if self.progress is not None:
            now = time.monotonic()
            if now - self._last >= _PROGRESS_EVERY:
                self._last = now
                self.progress(Progress(Phase.SCAN, self.current, self.files, self.bytes))

    def walk(
        self,
        root: Root,
        tid: str,
        age_cut: float | None,
        folders: list[FolderFiles],
        skips: list[Skip],
    ) -> None:
        """Add the files below `root` (or the root file itself) to `folders`, by folder."""
        if self.cancelled:
            return
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True
            return
        self.current = root.path
        self._tick()
        if root.is_file:
            self._file_root(root, tid, age_cut, folders, skips)
            return
        job = _RootWalk(self, root, tid, age_cut, folders, skips)
        why = self.pool.walk(
            root.path,
            job,
            job,
            context=job.top_rules,
            mounts=self.mount_points,
            cancel=self.cancel,
            tick=self._tick,
        )
        if why is not None:
            skips.append(Skip(root.path, why, tid))
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True

    def _file_root(
        self,
        root: Root,
        tid: str,
        age_cut: float | None,
        folders: list[FolderFiles],
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
        cut = path.rfind(os.sep) + 1
        linked = st.st_nlink > 1
        files = FolderFiles(
            path[:cut], path, tid, st.st_dev, (path[cut:],), array("Q", [st.st_ino]),
            array("q", [st.st_size]), array("q", [st.st_mtime_ns]),
            array("q", [0 if linked else blocks]),
        )  # fmt: skip
        if linked:
            key = (st.st_dev, st.st_ino)
            self.links.places.setdefault(key, []).append((files, 0))
            self.links.counts[key] = (st.st_nlink, blocks)
        folders.append(files)
        self.files += 1
        self.bytes += files.frees[0]

    def settle_links(self) -> None:
        """Give a hard-linked file's blocks to one row when every link is in the plan."""
        self.bytes += self.links.settle()
