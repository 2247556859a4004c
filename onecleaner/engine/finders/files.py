"""The large and old file finders: user files worth a look when the disk is full.

- `find_large`: the N files that take the most space below a folder (allocated blocks).
- `find_old`: files not modified, opened or changed for N days (180 by default) in Downloads,
  Desktop or the folders given, and installers and disk images in Downloads older than 30 days.

Only regular files are candidates; a file inside a hidden folder below the searched folder
(application data, such as ~/.local/share) is listed but not ticked. Files open in a program,
files of another user and everything of a running application are left alone with a reason.
"""

from __future__ import annotations

import heapq
import os
import stat
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from onecleaner.engine.entries import make_entry
from onecleaner.engine.env import Environment
from onecleaner.engine.finders.found import Candidate, FinderKind, Findings, Unticked, Why
from onecleaner.engine.finders.search import DAY, IN_USE, OTHER_OWNER, Search, newest_time
from onecleaner.engine.finders.walk import IS_POSIX, allocated, reason_for
from onecleaner.engine.model import EntryKind, PlanEntry, Progress
from onecleaner.engine.paths import is_within
from onecleaner.engine.roots import CatalogView, Prober

LARGE_COUNT = 50
OLD_DAYS = 180.0
INSTALLER_DAYS = 30.0
#: Installers and disk images (compared case-insensitively).
INSTALLER_SUFFIXES = (".exe", ".msi", ".dmg", ".pkg", ".deb", ".rpm", ".appimage", ".iso")


class _Found:
    """A file chosen while walking; its plan entry is made once the walk is over."""

    __slots__ = ("hidden", "path", "root", "st", "why")

    def __init__(self, path: str, root: str, st: os.stat_result, why: Why, hidden: bool) -> None:
        self.path = path
        self.root = root
        self.st = st
        self.why = why
        self.hidden = hidden


class _FileVisitor:
    """Hands each folder's regular files to `consider`, with whether they are hidden."""

    def __init__(self, search: Search, root: str) -> None:
        self.search = search
        self.root = root
        self.cut = len(root.rstrip(os.sep))

    def enter(self, path: str, depth: int, st: os.stat_result) -> None:
        pass

    def leave(self, path: str) -> None:
        pass

    def unreadable(self, path: str, depth: int, st: os.stat_result | None) -> None:
        pass  # the walk has recorded why

    def files(self, prefix: str, entries: list[os.DirEntry[str]]) -> None:
        search = self.search
        hidden_folder = (os.sep + ".") in prefix[self.cut :]
        posix = IS_POSIX
        is_reg = stat.S_ISREG
        search.files += len(entries)
        for entry in entries:
            try:
                st = entry.stat(follow_symlinks=False) if posix else os.lstat(entry.path)
            except OSError as exc:
                search.skip(prefix + entry.name, reason_for(exc, "file"))
                continue
            if is_reg(st.st_mode):
                self.consider(prefix, entry.name, st, hidden_folder or entry.name[:1] == ".")

    def consider(self, prefix: str, name: str, st: os.stat_result, hidden: bool) -> None:
        raise NotImplementedError

    def allowed(self, path: str, st: os.stat_result) -> bool:
        """Whether a chosen file may be listed: the user's own, not open (else a skip)."""
        search = self.search
        if search.uid is not None and st.st_uid != search.uid:
            search.skip(path, OTHER_OWNER)
            return False
        if path in search.open_files:
            search.skip(path, IN_USE)
            return False
        return True


class _LargeVisitor(_FileVisitor):
    """Keeps the `count` files with the most allocated bytes (a heap: memory stays small)."""

    def __init__(
        self, search: Search, root: str, count: int, min_bytes: int, age_cut: float | None
    ) -> None:
        super().__init__(search, root)
        self.count = count
        self.min_bytes = min_bytes
        self.age_cut = age_cut
        self.heap: list[tuple[int, int, _Found]] = []
        self.seq = 0

    def consider(self, prefix: str, name: str, st: os.stat_result, hidden: bool) -> None:
        size = allocated(st)
        full = len(self.heap) >= self.count
        if size < self.min_bytes or (full and (not self.heap or size <= self.heap[0][0])):
            return
        if self.age_cut is not None and newest_time(st) > self.age_cut:
            return
        path = prefix + name
        if not self.allowed(path, st):
            return
        self.seq += 1
        item = (size, -self.seq, _Found(path, self.root, st, Why.LARGE, hidden))
        if full:
            self.search.bytes -= heapq.heappushpop(self.heap, item)[0]
        else:
            heapq.heappush(self.heap, item)
        self.search.bytes += size


class _OldVisitor(_FileVisitor):
    """Keeps every file older than the cut, and installers in Downloads older than theirs."""

    def __init__(
        self,
        search: Search,
        root: str,
        cut: float,
        installer_cut: float,
        min_bytes: int,
        found: list[_Found],
        seen: set[str],
    ) -> None:
        super().__init__(search, root)
        self.old_cut = cut
        self.installer_cut = installer_cut
        self.min_bytes = min_bytes
        self.found = found
        self.seen = seen
        self.downloads = search.places.downloads
        self._in_downloads: tuple[str, bool] = ("", False)

    def in_downloads(self, prefix: str) -> bool:
        if self._in_downloads[0] != prefix:  # once per folder
            inside = any(is_within(prefix[:-1], d, self.search.env.os) for d in self.downloads)
            self._in_downloads = (prefix, inside)
        return self._in_downloads[1]

    def consider(self, prefix: str, name: str, st: os.stat_result, hidden: bool) -> None:
        when = newest_time(st)
        if when > self.old_cut:
            if when > self.installer_cut or not name.casefold().endswith(INSTALLER_SUFFIXES):
                return
            if not self.in_downloads(prefix):
                return
            why = Why.INSTALLER
        else:
            why = Why.INSTALLER if name.casefold().endswith(INSTALLER_SUFFIXES) else Why.OLD
        if allocated(st) < self.min_bytes:
            return
        path = prefix + name
        if path in self.seen or not self.allowed(path, st):
            return
        self.seen.add(path)
        self.found.append(_Found(path, self.root, st, why, hidden))
        self.search.bytes += allocated(st)


def _candidates(search: Search, found: Sequence[_Found]) -> list[Candidate]:
    """Plan entries for the chosen files, hard links settled, as candidates (largest first)."""
    lists: list[tuple[_Found, list[PlanEntry]]] = []
    for f in sorted(found, key=lambda f: (-allocated(f.st), f.path)):
        st = f.st
        size = allocated(st)
        entries: list[PlanEntry] = []
        if st.st_nlink > 1:  # frees nothing unless every link is among the candidates
            search.links.add((st.st_dev, st.st_ino), st.st_nlink, size, entries)
            size = 0
        entries.append(make_entry(f.path, f.root, search.tid, EntryKind.FILE, f.st, size))
        lists.append((f, entries))
    search.done()
    return [
        Candidate(
            path=f.path,
            root=f.root,
            why=f.why,
            bytes=entries[0].frees,
            size=f.st.st_size,
            files=1,
            last_used=newest_time(f.st),
            ticked=not f.hidden,
            unticked=Unticked.HIDDEN if f.hidden else None,
            entries=tuple(entries),
        )
        for f, entries in lists
    ]


def find_large(
    folder: str,
    env: Environment,
    *,
    count: int = LARGE_COUNT,
    min_bytes: int = 0,
    older_than_days: float | None = None,
    catalog: CatalogView | None = None,
    probe: Prober | None = None,
    data_dir: Path | None = None,
    never_touch: Sequence[str] = (),
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    now: float | None = None,
) -> Findings:
    """The `count` files below `folder` that take the most space (at least `min_bytes`, and
    not used for `older_than_days` when given). Raises FinderError for a folder it may not
    search."""
    search = Search(
        env, target_id=FinderKind.LARGE.target_id, catalog=catalog, probe=probe,
        data_dir=data_dir, never_touch=never_touch, progress=progress, cancel=cancel, now=now,
    )  # fmt: skip
    root = search.folder(folder)
    cut = None if older_than_days is None else search.now - older_than_days * DAY
    visitor = _LargeVisitor(search, root, max(0, count), min_bytes, cut)
    search.walk(root, visitor)
    chosen = [item[2] for item in sorted(visitor.heap, reverse=True)]
    return search.findings(FinderKind.LARGE, (root,), _candidates(search, chosen))


def find_old(
    folders: Sequence[str] | None,
    env: Environment,
    *,
    older_than_days: float = OLD_DAYS,
    installer_days: float = INSTALLER_DAYS,
    min_bytes: int = 0,
    catalog: CatalogView | None = None,
    probe: Prober | None = None,
    data_dir: Path | None = None,
    never_touch: Sequence[str] = (),
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    now: float | None = None,
) -> Findings:
    """Files not used for `older_than_days` in `folders` (None: Downloads and Desktop), and
    installers and disk images in Downloads older than `installer_days`."""
    search = Search(
        env, target_id=FinderKind.OLD.target_id, catalog=catalog, probe=probe,
        data_dir=data_dir, never_touch=never_touch, progress=progress, cancel=cancel, now=now,
    )  # fmt: skip
    if folders is None:
        roots = []
        for folder in dict.fromkeys((*search.places.downloads, *search.places.desktop)):
            refused = search.places.refusal(folder)  # on the never-touch list, say
            if refused is None:
                roots.append(folder)
            else:
                search.skip(folder, refused)
    else:
        roots = list(dict.fromkeys(search.folder(f) for f in folders))
    # A folder inside another one given is walked with it, once.
    roots = [r for r in roots if not any(o != r and is_within(r, o, env.os) for o in roots)]
    found: list[_Found] = []
    seen: set[str] = set()
    cut = search.now - older_than_days * DAY
    installer_cut = search.now - installer_days * DAY
    for root in roots:
        search.walk(root, _OldVisitor(search, root, cut, installer_cut, min_bytes, found, seen))
    return search.findings(FinderKind.OLD, tuple(roots), _candidates(search, found))


__all__ = [
    "INSTALLER_DAYS",
    "INSTALLER_SUFFIXES",
    "LARGE_COUNT",
    "OLD_DAYS",
    "find_large",
    "find_old",
]
