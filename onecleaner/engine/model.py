"""The engine's records: catalog entries, plans, progress and results (plain, frozen data)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from onecleaner.engine.reasons import Reason

if TYPE_CHECKING:
    from onecleaner.engine.filetable import FileTable


class OS(enum.Enum):
    """The operating systems a definition can name paths and process names for."""

    LINUX = "linux"
    MACOS = "macos"
    WINDOWS = "windows"


class Risk(enum.Enum):
    """How much a user may notice a target's removal."""

    SAFE = "safe"  # regenerable cache
    CARE = "care"  # the user may notice: recent documents list, logs, trash
    PRIVACY = "privacy"  # history/cookies-like data


class DeleteMode(enum.Enum):
    """How a clean removes a file."""

    PERMANENT = "permanent"
    TRASH = "trash"


class EntryKind(enum.Enum):
    """What a plan entry is on disk; folders are never entries (emptied ones are pruned)."""

    FILE = "file"
    LINK = "link"  # a symbolic link, removed as a link, never followed


class Phase(enum.Enum):
    """The stage a long operation is in, for progress reports."""

    SCAN = "scan"
    CLEAN = "clean"
    PRUNE = "prune"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class PathRule:
    """One root pattern of a target on one OS, with what to take below it.

    `root` is unexpanded: `~`, `$VAR`/`${VAR}` and `%VAR%` variables, and glob characters in
    any component (`*/Cache`). `include`/`keep` are globs matched against the path relative
    to the root, with `/` separators; a `keep` glob that matches a folder excludes (and never
    walks) the whole subtree.
    """

    root: str
    include: tuple[str, ...] = ()  # empty: everything below the root
    keep: tuple[str, ...] = ()
    recursive: bool = True  # False: only the root's direct children
    prune: bool = True  # False: never remove folders, even emptied ones (logs)
    owner_only: bool = False  # True: what another user owns is silently not considered


class ProfileLayout(enum.Enum):
    """What a record target's roots are: the profile folders, or folders listing them."""

    FOLDERS = "folders"  # every root is a profile folder (Chromium family)
    PROFILES_INI = "profiles.ini"  # every root holds a profiles.ini naming the profiles (Firefox)


@dataclass(frozen=True, slots=True)
class RecordSpec:
    """What a record target edits: the record cleaner and its database files in a profile."""

    cleaner: str  # a known record cleaner: "chromium.cookies", "firefox.history"...
    databases: tuple[str, ...]  # relative to a profile folder, "/" between folders
    profiles: ProfileLayout = ProfileLayout.FOLDERS


@dataclass(frozen=True, slots=True)
class Target:
    """One cleaning option of an application: `app.option`, e.g. `chromium.cache`."""

    id: str
    app_id: str
    label: str
    description: str
    risk: Risk
    rules: Mapping[OS, tuple[PathRule, ...]]
    min_age_hours: float | None = None
    source: str = ""  # the definition file it came from
    records: RecordSpec | None = None  # set: rows of databases are removed, not files

    def exists_on(self, os_: OS) -> bool:
        return bool(self.rules.get(os_))


@dataclass(frozen=True, slots=True)
class Application:
    """An application of the catalog, with the process names that mean it is running."""

    id: str
    name: str
    processes: Mapping[OS, tuple[str, ...]]
    targets: tuple[Target, ...]
    running_hint: str = ""  # extra words for the "is running" message (e.g. Edge's background)
    source: str = ""


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    """A definition that could not be loaded: which file, which key, why."""

    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else self.file
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Identity:
    """What a file was at scan time; a clean removes it only if it still is."""

    dev: int
    ino: int
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One file (or link) a clean would remove, and the space removing it frees."""

    path: str  # absolute; undecodable bytes kept with surrogateescape (os.fsdecode)
    root: str  # the expanded root it was found under
    target_id: str
    kind: EntryKind
    identity: Identity
    frees: int  # allocated bytes freed (0 for a hard link whose other links stay)


@dataclass(frozen=True, slots=True)
class DatabaseEntry:
    """One browser database a record target edits, as the scan saw it.

    A clean edits it only if it is still the same file (device and inode) and still holds
    exactly `rows` rows to remove, counted with the same keep-list.
    """

    path: str  # absolute
    root: str  # the profile folder it lies in
    target_id: str
    identity: Identity
    rows: int  # rows a clean removes
    frees: int  # estimated from page counts; a clean reports what the vacuum freed
    keep: tuple[str, ...] = ()  # the keep-list the rows were counted with (cookies)


@dataclass(frozen=True, slots=True)
class Skip:
    """Something the engine left alone, and why (a code the faces put in words)."""

    path: str
    reason: Reason
    target_id: str = ""


@dataclass(frozen=True, slots=True)
class TargetPlan:
    """What a scan found for one target.

    `entries` may be given as any sequence of PlanEntry; it is kept as a FileTable (by folder
    and by column: engine/filetable.py), which reads back as the same entries in the same order.
    """

    target_id: str
    roots: tuple[str, ...]
    entries: Sequence[PlanEntry]
    skipped: tuple[Skip, ...] = ()
    databases: tuple[DatabaseEntry, ...] = ()  # a record target's databases (no entries)

    def __post_init__(self) -> None:
        from onecleaner.engine.filetable import FileTable

        if not isinstance(self.entries, FileTable):
            object.__setattr__(self, "entries", FileTable.of(self.entries))

    @property
    def table(self) -> FileTable:
        """The entries by folder and by column."""
        return self.entries  # type: ignore[return-value]

    @property
    def files(self) -> int:
        return len(self.entries)

    @property
    def records(self) -> int:
        return sum(d.rows for d in self.databases)

    @property
    def bytes(self) -> int:
        return self.table.bytes + sum(d.frees for d in self.databases)


@dataclass(frozen=True, slots=True)
class Plan:
    """The result of a scan: what a clean of exactly these targets would remove."""

    targets: tuple[TargetPlan, ...]
    os: OS
    created_at: float  # time.time() when the scan finished
    cancelled: bool = False

    @property
    def files(self) -> int:
        return sum(t.files for t in self.targets)

    @property
    def records(self) -> int:
        return sum(t.records for t in self.targets)

    @property
    def bytes(self) -> int:
        return sum(t.bytes for t in self.targets)

    @property
    def skipped(self) -> tuple[Skip, ...]:
        return tuple(s for t in self.targets for s in t.skipped)

    def activity(self) -> dict[str, object]:
        """What the activity history keeps of this scan: counts and target ids, never paths."""
        per_target = {
            t.target_id: {"files": t.files, "records": t.records, "bytes": t.bytes}
            for t in self.targets
        }
        return {
            "targets": list(per_target),
            "files": self.files,
            "records": self.records,
            "bytes": self.bytes,
            "skipped": len(self.skipped),
            "cancelled": self.cancelled,
            "per_target": per_target,
            **skip_summary(self.skipped),
        }

    def without(self, paths: frozenset[str] | set[str]) -> Plan:
        """The same plan with some entries unticked by the user (they are not removed)."""
        return Plan(
            targets=tuple(
                TargetPlan(
                    t.target_id,
                    t.roots,
                    t.table.without(paths),
                    t.skipped,
                    tuple(d for d in t.databases if d.path not in paths),
                )
                for t in self.targets
            ),
            os=self.os,
            created_at=self.created_at,
            cancelled=self.cancelled,
        )


@dataclass(frozen=True, slots=True)
class Progress:
    """A throttled progress report from a scan or a clean."""

    phase: Phase
    current: str  # the folder being walked or the file being removed
    files: int  # files found (scan) or removed (clean) so far
    bytes: int
    done: int = 0  # entries handled so far (clean); 0 while scanning
    total: int = 0  # entries to handle (clean); 0 when unknown


@dataclass(frozen=True, slots=True)
class TargetResult:
    """What a clean did for one target.

    `removed` counts the files that left their folder, deleted or moved to the trash; `freed`
    is the space that left the disk (nothing for a file in the trash); `trashed` and
    `trashed_bytes` are the files moved to the trash and the space they still take there.
    """

    target_id: str
    removed: int
    freed: int
    skipped: tuple[Skip, ...] = ()
    records: int = 0  # rows removed from a record target's databases
    trashed: int = 0
    trashed_bytes: int = 0


@dataclass(frozen=True, slots=True)
class TrashedFile:
    """A file a clean moved into the home trash: the name it has there and when it went.

    The trash's own `<name>.trashinfo` says where it came from; `deleted_at` is the
    DeletionDate written there, which tells this file from a later one given the same name.
    """

    target_id: str
    trash_name: str
    deleted_at: str


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What a clean did, in total and per target, with the disk's free space around it."""

    targets: tuple[TargetResult, ...]
    mode: DeleteMode
    dry_run: bool
    cancelled: bool
    disk_free_before: Mapping[str, int] = field(default_factory=dict)  # mount point -> bytes
    disk_free_after: Mapping[str, int] = field(default_factory=dict)
    # Trash mode: what went into the home trash (`trash_folder`), for History's restore.
    trashed: tuple[TrashedFile, ...] = ()
    trash_folder: str = ""
    # For items the catalog does not define (a finder's), the folders they were cleaned from:
    # History's restore puts their files back only inside these (a target's come from the catalog).
    trash_roots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def files(self) -> int:
        return sum(t.removed for t in self.targets)

    @property
    def records(self) -> int:
        return sum(t.records for t in self.targets)

    @property
    def bytes(self) -> int:
        """The space that left the disk (files moved to the trash still take theirs)."""
        return sum(t.freed for t in self.targets)

    @property
    def trashed_files(self) -> int:
        return sum(t.trashed for t in self.targets)

    @property
    def trashed_bytes(self) -> int:
        """The space the files moved to the trash take there (freed when it is emptied)."""
        return sum(t.trashed_bytes for t in self.targets)

    @property
    def skipped(self) -> tuple[Skip, ...]:
        return tuple(s for t in self.targets for s in t.skipped)

    def activity(self) -> dict[str, object]:
        """What the activity history keeps of this clean: counts and target ids, never paths."""
        return {
            "targets": [t.target_id for t in self.targets],
            "files": self.files,
            "records": self.records,
            "bytes": self.bytes,
            "trashed_files": self.trashed_files,
            "trashed_bytes": self.trashed_bytes,
            "skipped": len(self.skipped),
            "cancelled": self.cancelled,
            "mode": self.mode.value,
            "dry_run": self.dry_run,
            "per_target": {
                t.target_id: {
                    "files": t.removed,
                    "records": t.records,
                    "bytes": t.freed,
                    "trashed_bytes": t.trashed_bytes,
                }
                for t in self.targets
            },
            "trashed": len(self.trashed),
            **skip_summary(self.skipped),
        }


def skip_summary(skips: tuple[Skip, ...]) -> dict[str, object]:
    """Why things were left alone, counted by code, and the running programs named (no paths)."""
    codes: dict[str, int] = {}
    apps: set[str] = set()
    for skip in skips:
        code = skip.reason.code.value
        codes[code] = codes.get(code, 0) + 1
        app = skip.reason.param("app")
        if app:
            apps.add(app)
    return {"skip_codes": codes, "skipped_apps": sorted(apps)}
