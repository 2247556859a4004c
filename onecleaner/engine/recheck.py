"""What a clean checks again at removal time: the words of its skips, the open files and running
applications it keeps watching, the trash folders, and a root's keep globs split for speed.

The clean itself (the loop over a plan) is in clean.py; these pieces hold no per-file loop.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from onecleaner.engine.env import Environment
from onecleaner.engine.fsops import FileChanged, MountCrossing, UnsafeFolder
from onecleaner.engine.guard import Protected
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.recycle import RecycleBinRefused
from onecleaner.engine.roots import CatalogView, Prober, running_blocks
from onecleaner.engine.rules import Matcher, compile_globs
from onecleaner.engine.scan import IN_USE, open_files_of

REFRESH_EVERY = 2.0  # seconds between re-reads of open files and running applications
REFRESH_FACTOR = 20.0  # ... and at least this many times one re-read's own cost
CHANGED = Reason.of(SkipCode.CHANGED)
GONE = Reason.of(SkipCode.GONE)
SWAPPED = Reason.of(SkipCode.PATH_SWAPPED)
OTHER_FS = Reason.of(SkipCode.PATH_OTHER_FILESYSTEM)
OTHER_OWNER = Reason.of(SkipCode.OTHER_OWNER)
IN_TRASH = Reason.of(SkipCode.IN_TRASH)
KEPT = Reason.of(SkipCode.KEPT)
NOT_A_PATH = Reason.of(SkipCode.NOT_A_PATH)
NOT_INSIDE = Reason.of(SkipCode.NOT_INSIDE)
MOUNT_POINT = Reason.of(SkipCode.MOUNT_POINT)


class Watch:
    """Open files and running applications, re-read every couple of seconds during a clean.

    Reading every process's open files costs a few milliseconds here, but grows with the
    number of processes and descriptors; on a machine where one re-read is slow the clean
    waits `REFRESH_FACTOR` times its cost before the next one, so the watch never takes more
    than about 5% of a long clean.
    """

    def __init__(self, probe: Prober, catalog: CatalogView, env: Environment) -> None:
        self.probe = probe
        self.catalog = catalog
        self.env = env
        self.next = 0.0
        self.open: frozenset[str] = frozenset()
        self.blocks: list[tuple[str, Reason]] = []  # (place, reason) of running applications
        self.places: dict[str, Reason] = {}  # the same, for a look-up by exact path
        self.generation = 0  # how many times they were read (a clean's threads compare it)
        self.refresh()

    def refresh(self) -> None:
        """Read the open files and the running applications again."""
        start = time.monotonic()
        self.open = open_files_of(self.probe)
        self.blocks = list(running_blocks(self.catalog, self.env, self.probe).items())
        self.places = dict(self.blocks)
        self.generation += 1
        now = time.monotonic()
        self.next = now + max(REFRESH_EVERY, REFRESH_FACTOR * (now - start))

    def blocked(self, path: str, sep: str) -> tuple[str, Reason] | None:
        """The (place, reason) of a running application at or above `path`, or None."""
        for place, reason in self.blocks:
            if path == place or path.startswith(place + sep):
                return place, reason
        return None


class ProtectedPlaces:
    """The guard's protected places, for a plan that reaches into one (an old or edited plan
    file): looked up by path, so a folder costs a few dictionary looks.

    Paths compare as the OS compares them (`fold`: case and, on macOS, Unicode normalisation
    ignored); None compares them as they are.
    """

    def __init__(
        self,
        protected: Sequence[Protected],
        fold: Callable[[str], str] | None = None,
        sep: str = os.sep,
    ) -> None:
        self.fold = fold
        self._by_path: dict[str, tuple[int, Protected, tuple[str, ...]]] = {}
        # Folder -> the protected names in it (a never-touch file, a fragile cache file).
        self._names: dict[str, dict[str, Reason]] = {}
        self._free: set[str] = set()  # folders with no protected place at or above them
        for n, p in enumerate(protected):
            key = self._key(p.path)
            self._by_path.setdefault(key, (n, p, tuple(self._key(e) for e in p.exceptions)))
            parent, _, name = key.rpartition(sep)
            self._names.setdefault(parent, {}).setdefault(name, p.reason())

    def _key(self, path: str) -> str:
        return path if self.fold is None else self.fold(path)

    def named_in(self, folder: str) -> dict[str, Reason] | None:
        """The protected names in `folder` (folded like the paths), or None when it has none."""
        return self._names.get(self._key(folder))

    def above(self, folder: str, sep: str) -> Reason | None:
        """Why nothing in `folder` may go (a protected place at or above it), or None."""
        folder = self._key(folder)
        by_path = self._by_path
        # A folder whose parent has no protected place at or above it, and that is not one
        # itself, has none either (a clean meets parents first: one look per folder).
        if folder[: folder.rfind(sep)] in self._free and folder not in by_path:
            self._free.add(folder)
            return None
        # The places `folder` is at or below are exactly `folder` and its prefixes that end
        # before a separator: the first protected one that does not except it wins.
        above = {folder}
        i = folder.find(sep)
        while i >= 0:
            above.add(folder[:i])
            i = folder.find(sep, i + 1)
        hits = sorted((by_path[a] for a in above if a in by_path), key=lambda hit: hit[0])
        if not hits:
            self._free.add(folder)
        for _, p, exceptions in hits:
            if any(ex in above for ex in exceptions):
                continue
            return p.reason()
        return None


def trash_folders(env: Environment) -> tuple[str, ...]:
    """The user's trash folders (freedesktop.org and macOS)."""
    data = env.vars.get("XDG_DATA_HOME") or os.path.join(env.home, ".local", "share")
    return (os.path.join(data, "Trash"), os.path.join(env.home, ".Trash"))


def in_trash(folder: str, trash: tuple[str, ...], sep: str) -> bool:
    """Whether the files of `folder` are in a trash (a file whose own name starts with
    ".Trash" is caught by the caller)."""
    if any(folder == t or folder.startswith(t + sep) for t in trash):
        return True
    return any(part.startswith(".Trash") for part in folder.split(sep))


@dataclass(frozen=True)
class KeepTest:
    """A root's keep globs split so that a clean tests each folder once and each file cheaply.

    A file is kept when its folder (or one above) matches any glob, or its own name matches a
    glob without '/', or its whole relative path matches a glob with '/' - tried only in
    folders below which such a glob can match at all. A name can only match a glob without
    '/' if it ends with the glob's literal tail (`.kcache` of `*.kcache`): `name_ends` holds
    those tails, a cheap test before the regular expression (("",) when one glob has none, or
    when case is ignored).
    """

    full: Matcher
    names: Matcher | None
    anchored: Matcher | None
    name_ends: tuple[str, ...] = ("",)

    @classmethod
    def of(cls, globs: Sequence[str], *, case_insensitive: bool) -> KeepTest:
        """The split test of `globs` (as a target's rule gives them)."""
        names = [g for g in globs if "/" not in g]
        anchored = [g for g in globs if "/" in g]
        ends = tuple(literal_tail(g) for g in names)
        return cls(
            compile_globs(globs, case_insensitive=case_insensitive),
            compile_globs(names, case_insensitive=case_insensitive) if names else None,
            compile_globs(anchored, case_insensitive=case_insensitive) if anchored else None,
            ("",) if case_insensitive or "" in ends else ends,
        )


def literal_tail(glob: str) -> str:
    """The plain characters a glob component ends with: every name it matches ends so."""
    i = len(glob)
    while i > 0 and glob[i - 1] not in "*?[]":
        i -= 1
    return glob[i:]


#: Windows errors of a file another program holds open (a sharing or lock violation).
WINDOWS_IN_USE = (32, 33)


def reason_for(exc: OSError | ValueError) -> Reason:
    """The reason of a skip for an error met while checking or removing an entry."""
    if isinstance(exc, ValueError):  # a NUL in a hand-made plan's path
        return NOT_A_PATH
    if getattr(exc, "winerror", None) in WINDOWS_IN_USE:  # Python maps these to EACCES
        return IN_USE
    if isinstance(exc, MountCrossing):
        return MOUNT_POINT
    if isinstance(exc, FileChanged):
        return CHANGED
    if isinstance(exc, RecycleBinRefused):
        return Reason.of(SkipCode.TRASH_REFUSED)
    if isinstance(exc, UnsafeFolder):
        return OTHER_FS if exc.errno == errno.EXDEV else SWAPPED
    if isinstance(exc, FileNotFoundError):
        return GONE
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        return SWAPPED
    if isinstance(exc, PermissionError):
        return Reason.of(SkipCode.REMOVE_DENIED)
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return IN_USE
    return Reason.of(SkipCode.NOT_REMOVED, error=str(exc.strerror or exc))
