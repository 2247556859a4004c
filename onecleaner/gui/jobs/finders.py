"""The Disk usage page's background work: the usage walk, the finders, a map folder's plan, and
the re-checked clean of what the user kept ticked. Each is a `jobs.Worker` on its own thread.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onecleaner.app.finders import FolderPlan, plan_folder
from onecleaner.engine.env import Environment
from onecleaner.engine.finders import (
    FinderKind,
    Findings,
    UsageMap,
    clean_found,
    find_artefacts,
    find_large,
    find_old,
    usage_map,
)
from onecleaner.engine.model import CleanResult, DeleteMode, Plan
from onecleaner.gui.jobs.base import Worker

if TYPE_CHECKING:
    from onecleaner.engine.catalog import Catalog


@dataclass(frozen=True)
class FinderOptions:
    """What every finder run and finder clean is given by the app (settings, data folder)."""

    env: Environment
    catalog: Catalog
    data_dir: Path
    never_touch: tuple[str, ...]
    probe: Any = None  # None: the real process probe (tests give their own)
    now: float | None = None  # None: now (tests look from a later day)

    def common(self) -> dict[str, Any]:
        return {
            "catalog": self.catalog,
            "probe": self.probe,
            "data_dir": self.data_dir,
            "never_touch": self.never_touch,
            "now": self.now,
        }


class UsageWorker(Worker):
    """Walk a folder into its usage map; progress carries the subfolders finished so far."""

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def work(self) -> UsageMap:
        return usage_map(self.folder, progress=self.report, cancel=self.cancel_event)


class FinderWorker(Worker):
    """Run one finder on the folder chosen (old: Downloads and Desktop when it is the home)."""

    def __init__(self, kind: FinderKind, folders: Sequence[str] | None, options: FinderOptions):
        super().__init__()
        self.kind = kind
        self.folders = tuple(folders) if folders is not None else None
        self.options = options

    def work(self) -> Findings:
        common = {**self.options.common(), "progress": self.report, "cancel": self.cancel_event}
        env = self.options.env
        if self.kind is FinderKind.OLD:
            return find_old(self.folders, env, **common)
        folder = self.folders[0] if self.folders else env.home
        if self.kind is FinderKind.LARGE:
            return find_large(folder, env, **common)
        return find_artefacts(folder, env, **common)


class FolderPlanWorker(Worker):
    """What removing one folder of the map would take (or why it may not be removed)."""

    def __init__(self, folder: str, options: FinderOptions) -> None:
        super().__init__()
        self.folder = folder
        self.options = options

    def work(self) -> FolderPlan:
        return plan_folder(
            self.folder,
            self.options.env,
            progress=self.report,
            cancel=self.cancel_event,
            **self.options.common(),
        )


@dataclass(frozen=True)
class FoundCleanOutcome:
    """What a finder clean did, the plan it ran, and the folder measured again after it."""

    result: CleanResult
    plan: Plan
    folder: str = ""  # the folder measured again ("": none was asked)
    remeasured: UsageMap | None = None  # its new usage (None: it is gone)
    gone: frozenset[str] = frozenset()  # the candidates no longer there


class FoundCleanWorker(Worker):
    """Clean the candidates the user kept of a finder's findings, re-checking every file.

    `remeasure`: a folder of the map to walk again once the clean is over, so the map shows
    what is left without walking everything again.
    """

    def __init__(
        self,
        findings: Findings,
        paths: Collection[str],
        mode: DeleteMode,
        options: FinderOptions,
        *,
        remeasure: str = "",
    ) -> None:
        super().__init__()
        self.findings = findings
        self.paths = frozenset(paths)
        self.mode = mode
        self.options = options
        self.remeasure = remeasure

    def work(self) -> FoundCleanOutcome:
        # The plan holds every file of the ticked candidates: made here, never on the GUI thread.
        plan = self.findings.plan(self.paths)
        opts = self.options
        result = clean_found(
            plan,
            opts.env,
            catalog=opts.catalog,
            mode=self.mode,
            probe=opts.probe,
            progress=self.report,
            cancel=self.cancel_event,
            never_touch=opts.never_touch,
            data_dir=opts.data_dir,
        )
        remeasured = None
        if self.remeasure and os.path.isdir(self.remeasure):
            remeasured = usage_map(self.remeasure)
        gone = frozenset(p for p in self.paths if not os.path.lexists(p))
        return FoundCleanOutcome(result, plan, self.remeasure, remeasured, gone)


__all__ = [
    "FinderOptions",
    "FinderWorker",
    "FolderPlanWorker",
    "FoundCleanOutcome",
    "FoundCleanWorker",
    "UsageWorker",
]
