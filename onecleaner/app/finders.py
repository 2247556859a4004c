"""The finders' policy for the faces (no Qt): how their plans are removed, the places no finder
touches, and the plan of one folder removed as a unit (the window's Disk usage map).

A folder picked on the map is planned as the finders plan: build output (a `node_modules`
beside its `package.json`...) as the artefact finder makes it, removed whole; any other folder
as its files, each re-checked at removal, the folders themselves left in place. The home, a
folder holding it, the user's own folders (Documents, Downloads...) and a folder holding one of
them are never a unit: those are refused with the reason.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from onecleaner.app.policy import mode_of
from onecleaner.engine.env import Environment
from onecleaner.engine.finders import (
    Candidate,
    FinderError,
    FinderKind,
    Findings,
    find_artefacts,
    find_large,
)
from onecleaner.engine.finders.artefacts import rule_of
from onecleaner.engine.finders.places import FinderPlaces
from onecleaner.engine.model import DeleteMode, Progress
from onecleaner.engine.paths import is_within
from onecleaner.engine.reasons import Place, Reason, SkipCode
from onecleaner.engine.roots import CatalogView, Prober


def finder_mode(kind: FinderKind | None, setting: DeleteMode) -> DeleteMode:
    """How a finder's plan is removed in the window: the user's own files always go to the
    trash (a "delete permanently" setting never deletes them outright); build output is
    deleted, as the CLI does, unless the settings say "move to the trash". `kind` None: a
    folder of the map."""
    default = DeleteMode.PERMANENT if kind is FinderKind.ARTEFACTS else DeleteMode.TRASH
    return mode_of(setting, default)


def unit_refusal(resolved: str, places: FinderPlaces) -> Reason | None:
    """Why a resolved folder may not be removed as a whole; None if it may.

    Refused: the home or a folder holding it, a user folder (Documents...) or a folder holding
    one, and whatever the finders may not search (system folders, the data folder, the
    never-touch list, folders of configuration and keys).
    """
    guard = places.guard
    for home in dict.fromkeys((guard.home, os.path.realpath(guard.home))):
        if is_within(home, resolved, guard.os):
            if is_within(resolved, home, guard.os):
                return Reason.of(SkipCode.REFUSED_IS, place=Place.HOME.value)
            return Reason.of(SkipCode.REFUSED_HOLDS_HOME)
    for p in guard.protected:
        if p.place is not Place.USER_FOLDER or not is_within(p.path, resolved, guard.os):
            continue
        itself = is_within(resolved, p.path, guard.os)
        return p.reason(SkipCode.REFUSED_IS if itself else SkipCode.REFUSED_HOLDS)
    return places.refusal(resolved)


@dataclass(frozen=True)
class FolderPlan:
    """What removing one folder of the map would take: refused, or its candidates."""

    folder: str  # resolved
    refused: Reason | None = None
    findings: Findings | None = None
    paths: frozenset[str] = frozenset()  # the candidates of `findings` the plan takes
    artefact: Candidate | None = None  # the folder is build output, removed whole
    files: int = 0
    bytes: int = 0
    cancelled: bool = False

    @property
    def kind(self) -> FinderKind | None:
        return self.findings.kind if self.findings is not None else None


def plan_folder(
    folder: str,
    env: Environment,
    *,
    catalog: CatalogView | None = None,
    probe: Prober | None = None,
    data_dir: Path | None = None,
    never_touch: Sequence[str] = (),
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    now: float | None = None,
) -> FolderPlan:
    """The plan of one folder as a unit (see the module's docstring). Raises FinderError for a
    folder that vanished."""
    resolved = os.path.realpath(folder)
    places = FinderPlaces.for_env(env, data_dir=data_dir, never_touch=never_touch)
    refused = unit_refusal(resolved, places)
    if refused is not None:
        return FolderPlan(resolved, refused)
    parent = os.path.dirname(resolved)
    # Build output is known by its project's marker and last change: the artefact finder reads
    # the project (the parent). Never the whole home for it: a folder there goes by its files.
    if rule_of(resolved) is not None and not is_within(places.guard.home, parent, env.os):
        try:
            found = find_artefacts(
                parent, env, catalog=catalog, probe=probe, data_dir=data_dir,
                never_touch=never_touch, progress=progress, cancel=cancel, now=now,
            )  # fmt: skip
        except FinderError:
            found = None
        if found is not None:
            if found.cancelled:
                return FolderPlan(resolved, findings=found, cancelled=True)
            artefact = next((c for c in found.candidates if c.path == resolved), None)
            if artefact is not None:
                return FolderPlan(
                    resolved, None, found, frozenset({resolved}), artefact,
                    artefact.files, artefact.bytes,
                )  # fmt: skip
    found = find_large(
        resolved, env, count=sys.maxsize, catalog=catalog, probe=probe, data_dir=data_dir,
        never_touch=never_touch, progress=progress, cancel=cancel, now=now,
    )  # fmt: skip
    every = frozenset(c.path for c in found.candidates)
    return FolderPlan(
        resolved, None, found, every, None,
        sum(c.files for c in found.candidates), sum(c.bytes for c in found.candidates),
        found.cancelled,
    )  # fmt: skip


__all__ = ["FolderPlan", "finder_mode", "plan_folder", "unit_refusal"]
