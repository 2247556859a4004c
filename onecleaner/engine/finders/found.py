"""What a finder found: candidates, ticked or not, and the plan the ticked ones make.

A finder lists candidates (a file, or a build-artefact folder with every file in it); each is
ticked or not by default (an artefact of a project touched recently is not). The plan of a
finding holds only the ticked candidates' files, each with the identity seen by the finder, as
one target `find:<finder>` whose roots are the folders searched (large, old) or the artefact
folders themselves (artefacts); it goes through the same re-checked clean as a scan's plan.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from onecleaner.engine.model import OS, DeleteMode, Plan, PlanEntry, Skip, TargetPlan
from onecleaner.engine.reasons import skip_data

TARGET_PREFIX = "find:"


class FinderKind(enum.Enum):
    """The finders, each a target id `find:<value>` in plans."""

    LARGE = "large"
    OLD = "old"
    ARTEFACTS = "artefacts"

    @property
    def target_id(self) -> str:
        return TARGET_PREFIX + self.value

    @property
    def default_mode(self) -> DeleteMode:
        """User files go to the trash; rebuildable build output is deleted."""
        return DeleteMode.PERMANENT if self is FinderKind.ARTEFACTS else DeleteMode.TRASH

    @classmethod
    def of_target(cls, target_id: str) -> FinderKind | None:
        """The finder a plan's target id names, or None for a catalog target."""
        if not target_id.startswith(TARGET_PREFIX):
            return None
        try:
            return cls(target_id[len(TARGET_PREFIX) :])
        except ValueError:
            return None


def is_finder_plan(plan: Plan) -> bool:
    """Whether a plan was made by a finder (its targets are `find:<finder>`)."""
    return bool(plan.targets) and all(
        FinderKind.of_target(t.target_id) is not None for t in plan.targets
    )


class Why(enum.Enum):
    """Why a candidate is listed."""

    LARGE = "large"
    OLD = "old"  # not modified, opened or changed for the days asked
    INSTALLER = "installer"  # an installer or disk image in Downloads, older than 30 days
    ARTEFACT = "artefact"  # build output beside (or holding) its project's marker


class Unticked(enum.Enum):
    """Why a candidate is listed but not ticked by default."""

    RECENT_PROJECT = "recent_project"  # its project changed in the last days
    HIDDEN = "hidden"  # inside a hidden folder (application data): review first
    PROJECT_UNREADABLE = "project_unreadable"  # part of its project could not be read
    INTERRUPTED = "interrupted"  # the search stopped before its project was fully read


UNTICKED_TEXT = {
    Unticked.RECENT_PROJECT: "its project changed recently",
    Unticked.HIDDEN: "inside a hidden folder (application data): check before removing",
    Unticked.PROJECT_UNREADABLE: "part of its project could not be read, so its last change "
    "is unknown",
    Unticked.INTERRUPTED: "the search was interrupted before its project was fully read",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One thing a finder proposes to remove: a file, or an artefact folder and its files."""

    path: str
    root: str  # the plan root of its entries: the folder searched, or the artefact folder
    why: Why
    bytes: int  # what removing it frees (allocated; a hard link frees nothing alone)
    size: int  # apparent size
    files: int
    last_used: float  # newest of mtime, atime, ctime; an artefact: its project's last change
    ticked: bool
    unticked: Unticked | None = None
    rule: str = ""  # an artefact's folder name (node_modules, target...)
    project: str = ""  # an artefact's project folder
    entries: tuple[PlanEntry, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """The candidate as `find --json` has it."""
        data: dict[str, Any] = {
            "path": self.path,
            "why": self.why.value,
            "bytes": self.bytes,
            "size": self.size,
            "files": self.files,
            "last_used": self.last_used,
            "ticked": self.ticked,
        }
        if self.unticked is not None:
            data["unticked"] = self.unticked.value
        if self.rule:
            data["rule"] = self.rule
            data["project"] = self.project
        return data


@dataclass(frozen=True)
class Findings:
    """A finder's result: candidates (largest first), what it passed over, and why."""

    kind: FinderKind
    folders: tuple[str, ...]  # the folders searched (resolved)
    candidates: tuple[Candidate, ...]
    skipped: tuple[Skip, ...]
    os: OS
    created_at: float
    cancelled: bool = False

    @property
    def ticked(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.ticked)

    def retick(
        self, *, tick: Collection[str] = (), untick: Collection[str] = (), all_: bool = False
    ) -> Findings:
        """The same findings with the user's choices: `all_` ticks every candidate; a candidate
        at or below a path of `tick` is ticked, at or below one of `untick` unticked (wins)."""

        def under(path: str, places: Collection[str]) -> bool:
            return any(path == p or path.startswith(p.rstrip(os.sep) + os.sep) for p in places)

        changed = []
        for c in self.candidates:
            ticked = c.ticked or all_ or under(c.path, tick)
            if under(c.path, untick):
                ticked = False
            changed.append(c if ticked == c.ticked else replace(c, ticked=ticked))
        return Findings(
            self.kind, self.folders, tuple(changed), self.skipped, self.os, self.created_at,
            self.cancelled,
        )  # fmt: skip

    def plan(self, paths: Collection[str] | None = None) -> Plan:
        """The plan of the ticked candidates (or of the candidates whose paths are given)."""
        chosen = [
            c for c in self.candidates if (c.ticked if paths is None else c.path in paths)
        ]
        roots: dict[str, None] = {}
        entries: dict[str, PlanEntry] = {}
        for c in sorted(chosen, key=lambda c: c.root):
            roots.setdefault(c.root)
            for e in c.entries:
                entries.setdefault(e.path, e)
        # The clean takes entries folder by folder: sorted by root, then by path.
        ordered = sorted(entries.values(), key=lambda e: (e.root, e.path))
        target = TargetPlan(self.kind.target_id, tuple(roots), tuple(ordered), self.skipped)
        return Plan((target,), self.os, self.created_at, self.cancelled)

    def to_data(self) -> dict[str, Any]:
        """`find --json`: the finder, the folders, every candidate, the ticked totals, skips."""
        ticked = self.ticked
        return {
            "finder": self.kind.value,
            "folders": list(self.folders),
            "candidates": [c.to_data() for c in self.candidates],
            "ticked": {
                "count": len(ticked),
                "files": sum(c.files for c in ticked),
                "bytes": sum(c.bytes for c in ticked),
            },
            "skipped": [skip_data(s) for s in self.skipped],
            "cancelled": self.cancelled,
        }


__all__ = [
    "TARGET_PREFIX",
    "UNTICKED_TEXT",
    "Candidate",
    "FinderKind",
    "Findings",
    "Unticked",
    "Why",
    "is_finder_plan",
]
