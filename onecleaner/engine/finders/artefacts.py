"""The build-artefact finder: rebuildable build output, known by its project's marker.

An artefact is a folder named as a rule says, beside (or holding) the file that makes its
parent a project of that kind: `node_modules` beside `package.json`, `target` beside
`Cargo.toml`... (`RULES`). It is listed with every file in it and with its project's last
change: the newest time (modified, opened or changed) of the project's own files, build output
and version-control folders left out. Artefacts of a project changed in the last 30 days are
listed unticked. Nothing inside a version-control folder is searched, and a folder that holds
one, or holds one of the user's own folders, is not build output.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from onecleaner.engine.entries import make_entry
from onecleaner.engine.env import Environment
from onecleaner.engine.finders.found import Candidate, FinderKind, Findings, Unticked, Why
from onecleaner.engine.finders.places import VCS_NAMES
from onecleaner.engine.finders.search import DAY, IN_USE, OTHER_OWNER, Search
from onecleaner.engine.finders.walk import IS_POSIX, allocated, reason_for
from onecleaner.engine.model import EntryKind, PlanEntry, Progress
from onecleaner.engine.reasons import Place, Reason, SkipCode
from onecleaner.engine.roots import CatalogView, Prober

RECENT_DAYS = 30.0


@dataclass(frozen=True, slots=True)
class ArtefactRule:
    """A kind of build output: its folder name and the marker that proves it.

    `beside`: a file one of these names (`*.csproj`: any name with that ending) in the parent
    folder; `holding`: such a file in the folder itself; neither: the name alone is proof.
    `only`: when given, only files with these endings are build output (others stay).
    """

    name: str
    beside: tuple[str, ...] = ()
    holding: tuple[str, ...] = ()
    only: tuple[str, ...] = ()


RULES: tuple[ArtefactRule, ...] = (
    ArtefactRule("node_modules", beside=("package.json",)),
    ArtefactRule("target", beside=("Cargo.toml", "pom.xml")),
    ArtefactRule(".venv", holding=("pyvenv.cfg",)),
    ArtefactRule("venv", holding=("pyvenv.cfg",)),
    ArtefactRule("__pycache__", only=(".pyc",)),
    ArtefactRule("build", beside=("build.gradle", "build.gradle.kts")),
    # A project's .gradle, never the home's ~/.gradle (settings and credentials).
    ArtefactRule(
        ".gradle",
        beside=("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"),
    ),
    ArtefactRule(".next", beside=("package.json",)),
    ArtefactRule(".tox"),
    ArtefactRule(".pytest_cache"),
    ArtefactRule("dist", beside=("setup.py", "pyproject.toml")),
    ArtefactRule("bin", beside=("*.csproj",)),
    ArtefactRule("obj", beside=("*.csproj",)),
)
RULES_BY_NAME = {r.name: r for r in RULES}
#: Files that make a folder a project (the markers of the rules, and a few more of Python's).
PROJECT_MARKERS = frozenset(
    {m for r in RULES for m in r.beside if not m.startswith("*")}
    | {"setup.cfg", "tox.ini", "pytest.ini"}
)
_MARKER_ENDINGS = tuple(m[1:] for r in RULES for m in r.beside if m.startswith("*"))

HOLDS_VCS = Reason.of(SkipCode.HOLDS_VCS)


def matches(names: Collection[str], wanted: Sequence[str]) -> bool:
    """Whether a folder's file names hold one of `wanted` (`*.csproj`: by its ending)."""
    for w in wanted:
        if w.startswith("*"):
            if any(n.endswith(w[1:]) for n in names):
                return True
        elif w in names:
            return True
    return False


def rule_of(path: str) -> ArtefactRule | None:
    """The rule `path` is build output under now (its marker checked on disk), or None."""
    rule = RULES_BY_NAME.get(os.path.basename(path))
    if rule is None:
        return None
    if rule.beside:
        where, wanted = os.path.dirname(path), rule.beside
    elif rule.holding:
        where, wanted = path, rule.holding
    else:
        return rule
    try:
        with os.scandir(where) as it:
            names = [e.name for e in it if e.is_file(follow_symlinks=False)]
    except OSError:
        return None
    return rule if matches(names, wanted) else None


class _Artefact:
    """An artefact folder being collected: its files' plan entries and what they take."""

    __slots__ = ("dropped", "entries", "files", "path", "project", "rule", "size")

    def __init__(self, path: str, rule: ArtefactRule, project: _Folder) -> None:
        self.path = path
        self.rule = rule
        self.project = project
        self.entries: list[PlanEntry] = []
        self.size = 0
        self.files = 0
        self.dropped: Reason | None = None


class _Folder:
    """A folder on the walk's path: its markers, its newest own time, what waits for it."""

    __slots__ = ("artefact", "complete", "markers", "newest", "path", "waiting")

    def __init__(self, path: str, artefact: _Artefact | None) -> None:
        self.path = path
        self.artefact = artefact  # the artefact this folder is (part of)
        self.markers: set[str] = set()
        self.newest = 0.0
        self.complete = True  # every file of its subtree could be read
        self.waiting: list[_Artefact] = []  # artefacts whose project this folder is


class _ArtefactVisitor:
    def __init__(self, search: Search, cut: float, done: list[tuple[_Artefact, float, bool]]):
        self.search = search
        self.cut = cut
        self.done = done  # (artefact, project's last change, project fully read)
        self.stack: list[_Folder] = []

    def descend(self, path: str, name: str) -> bool:
        if name in VCS_NAMES:
            art = self.stack[-1].artefact if self.stack else None
            if art is not None and art.dropped is None:
                art.dropped = HOLDS_VCS  # a repository inside it: not build output
            return False
        return True

    def enter(self, path: str, depth: int, st: os.stat_result) -> None:
        parent = self.stack[-1] if self.stack else None
        art = parent.artefact if parent is not None else None
        if art is not None:
            if self.search.places.is_user_folder(path) and art.dropped is None:
                art.dropped = Reason.of(SkipCode.PROTECTED, place=Place.USER_FOLDER.value)
        elif parent is not None:
            rule = RULES_BY_NAME.get(os.path.basename(path))
            if (
                rule is not None
                and not rule.holding
                and (not rule.beside or matches(parent.markers, rule.beside))
            ):
                art = self._start(path, rule, parent)
        self.stack.append(_Folder(path, art))

    def _start(self, path: str, rule: ArtefactRule, parent: _Folder) -> _Artefact | None:
        if self.search.places.is_user_folder(path):
            return None  # the user's own folder is never build output, whatever its name
        project = parent
        if not rule.beside and not rule.holding:  # by name alone: the nearest project above
            project = next((f for f in reversed(self.stack) if f.markers), parent)
        art = _Artefact(path, rule, project)
        project.waiting.append(art)
        return art

    def files(self, prefix: str, entries: list[os.DirEntry[str]]) -> None:
        folder = self.stack[-1]
        if folder.artefact is None and len(self.stack) > 1:
            rule = RULES_BY_NAME.get(os.path.basename(folder.path))
            if rule is not None and rule.holding:
                held = [e.name for e in entries if e.is_file(follow_symlinks=False)]
                if matches(held, rule.holding):
                    folder.artefact = self._start(folder.path, rule, self.stack[-2])
        self.search.files += len(entries)
        if folder.artefact is not None:
            self._collect(folder.artefact, prefix, entries)
            return
        posix = IS_POSIX
        newest = folder.newest
        for entry in entries:
            name = entry.name
            try:
                st = entry.stat(follow_symlinks=False) if posix else os.lstat(entry.path)
            except OSError:
                folder.complete = False
                continue
            when = max(st.st_mtime, st.st_atime, st.st_ctime)
            if when > newest:
                newest = when
            if (name in PROJECT_MARKERS or name.endswith(_MARKER_ENDINGS)) and stat.S_ISREG(
                st.st_mode
            ):
                folder.markers.add(name)
        folder.newest = newest

    def _collect(self, art: _Artefact, prefix: str, entries: list[os.DirEntry[str]]) -> None:
        """Add the files of a folder inside an artefact to its plan entries."""
        search = self.search
        posix = IS_POSIX
        only = art.rule.only
        uid = search.uid
        open_files = search.open_files
        for entry in entries:
            name = entry.name
            if only and not name.endswith(only):
                continue
            path = prefix + name
            try:
                st = entry.stat(follow_symlinks=False) if posix else os.lstat(entry.path)
            except OSError as exc:
                search.skip(path, reason_for(exc, "file"))
                continue
            if stat.S_ISREG(st.st_mode):
                kind = EntryKind.FILE
            elif stat.S_ISLNK(st.st_mode):
                kind = EntryKind.LINK
            else:
                continue  # sockets, fifos: never entries (the folder then stays)
            if uid is not None and st.st_uid != uid:
                search.skip(path, OTHER_OWNER)
                continue
            if path in open_files:
                search.skip(path, IN_USE)
                continue
            size = allocated(st)
            if st.st_nlink > 1:
                search.links.add((st.st_dev, st.st_ino), st.st_nlink, size, art.entries)
                frees = 0
            else:
                frees = size
                search.bytes += size
            art.entries.append(make_entry(path, art.path, search.tid, kind, st, frees))
            art.size += st.st_size
            art.files += 1

    def leave(self, path: str) -> None:
        folder = self.stack.pop()
        if folder.artefact is not None:
            return  # build output says nothing of when its project changed
        for art in folder.waiting:
            self.done.append((art, folder.newest, folder.complete))
        if self.stack:
            parent = self.stack[-1]
            if folder.newest > parent.newest:
                parent.newest = folder.newest
            parent.complete = parent.complete and folder.complete

    def unreadable(self, path: str, depth: int, st: os.stat_result | None) -> None:
        if self.stack:
            self.stack[-1].complete = False


def find_artefacts(
    folder: str,
    env: Environment,
    *,
    recent_days: float = RECENT_DAYS,
    min_bytes: int = 0,
    catalog: CatalogView | None = None,
    probe: Prober | None = None,
    data_dir: Path | None = None,
    never_touch: Sequence[str] = (),
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    now: float | None = None,
) -> Findings:
    """The build artefacts below `folder`, per project (largest project first); artefacts of
    projects changed in the last `recent_days` are unticked. Raises FinderError for a folder
    it may not search."""
    search = Search(
        env, target_id=FinderKind.ARTEFACTS.target_id, catalog=catalog, probe=probe,
        data_dir=data_dir, never_touch=never_touch, progress=progress, cancel=cancel, now=now,
    )  # fmt: skip
    root = search.folder(folder)
    done: list[tuple[_Artefact, float, bool]] = []
    visitor = _ArtefactVisitor(search, search.now - recent_days * DAY, done)
    search.walk(root, visitor, descend=visitor.descend)
    search.done()  # hard links settled: the entries' frees are final
    candidates: list[Candidate] = []
    for art, changed, complete in done:
        if art.dropped is not None:
            search.skip(art.path, art.dropped)
            continue
        freed = sum(e.frees for e in art.entries)
        if not art.entries or freed < min_bytes:
            continue
        unticked = None
        if search.cancelled:
            unticked = Unticked.INTERRUPTED
        elif changed > visitor.cut:
            unticked = Unticked.RECENT_PROJECT
        elif not complete:
            unticked = Unticked.PROJECT_UNREADABLE
        candidates.append(
            Candidate(
                path=art.path,
                root=art.path,
                why=Why.ARTEFACT,
                bytes=freed,
                size=art.size,
                files=art.files,
                last_used=changed,
                ticked=unticked is None,
                unticked=unticked,
                rule=art.rule.name,
                project=art.project.path,
                entries=tuple(art.entries),
            )
        )
    return search.findings(FinderKind.ARTEFACTS, (root,), by_project(candidates))


def by_project(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates grouped per project, the project freeing most first, largest first within."""
    totals: dict[str, int] = {}
    for c in candidates:
        totals[c.project] = totals.get(c.project, 0) + c.bytes
    return sorted(candidates, key=lambda c: (-totals[c.project], c.project, -c.bytes, c.path))


__all__ = [
    "PROJECT_MARKERS",
    "RECENT_DAYS",
    "RULES",
    "ArtefactRule",
    "by_project",
    "find_artefacts",
    "matches",
    "rule_of",
]
