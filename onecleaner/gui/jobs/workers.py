"""The background work itself: scan, clean, quick clean, close applications, restore; their
outcomes.

Each is a `jobs.Worker`, run on its own thread by a `jobs.Job`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onecleaner.app.policy import CleanPolicy
from onecleaner.engine import processes
from onecleaner.engine.clean import clean
from onecleaner.engine.env import Environment
from onecleaner.engine.model import (
    Application,
    CleanResult,
    DeleteMode,
    Plan,
    Target,
)
from onecleaner.engine.restore import RestoreReport
from onecleaner.engine.scan import ScanOptions, scan
from onecleaner.gui.jobs.base import Worker

if TYPE_CHECKING:
    from onecleaner.engine.catalog import Catalog

log = logging.getLogger(__name__)

#: A worker made without the settings' policy (tests): the engine's own rules only.
NO_POLICY = CleanPolicy(never_touch=(), keep_domains=(), min_age_days=None)


@dataclass(frozen=True)
class ScanOutcome:
    """What a scan worker hands back: the plan, the running applications, the disks' free space."""

    plan: Plan
    running: tuple[Application, ...] = ()  # catalog applications running when the scan ended
    disk_free: dict[str, int] = field(default_factory=dict)  # mount point -> free bytes
    unticked: dict[str, int] = field(default_factory=dict)  # kept unticked path -> its frees
    # Bytes each target frees, summed here on the worker thread: summing 200k entries on the
    # GUI thread (TargetPlan.bytes walks them all, every time) would stall the window.
    target_bytes: dict[str, int] = field(default_factory=dict)

    @property
    def bytes(self) -> int:
        return sum(self.target_bytes.values())

    @property
    def files(self) -> int:
        return self.plan.files


@dataclass(frozen=True)
class CloseOutcome:
    """What closing running applications did: who closed, who did not."""

    closed: tuple[str, ...]  # application names
    still_running: tuple[str, ...]


@dataclass(frozen=True)
class QuickOutcome:
    """What a quick clean (scan then clean without questions) did."""

    plan: Plan
    result: CleanResult
    found: int = 0  # bytes the scan found (summed on the worker thread)
    nothing_selected: bool = False  # the user emptied the quick selection: nothing was cleaned


class ScanWorker(Worker):
    """Scan targets into a plan; also notes which catalog applications run and the free space."""

    def __init__(
        self,
        targets: Sequence[Target],
        env: Environment,
        *,
        catalog: Catalog,
        options: ScanOptions | None = None,
        probe: Any = None,
        unticked: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.targets = tuple(targets)
        self.env = env
        self.catalog = catalog
        self.options = options
        self.probe = probe
        self.unticked = unticked

    def work(self) -> ScanOutcome:
        probe = self.probe if self.probe is not None else processes.ProcessProbe()
        plan = scan(
            self.targets,
            self.env,
            catalog=self.catalog,
            options=self.options if self.options is not None else ScanOptions(),
            probe=probe,
            progress=self.report,
            cancel=self.cancel_event,
        )
        # Files the user had unticked stay unticked in the new plan (found here, off the GUI).
        kept = {}
        if self.unticked:
            kept = {
                e.path: e.frees for t in plan.targets for e in t.entries if e.path in self.unticked
            }
        return ScanOutcome(
            plan=plan,
            running=running_applications(self.catalog, self.env, probe),
            disk_free=free_space_of(plan),
            unticked=kept,
            target_bytes={t.target_id: t.bytes for t in plan.targets},
        )


class CleanWorker(Worker):
    """Clean a reviewed plan, leaving out the files the user unticked."""

    def __init__(
        self,
        plan: Plan,
        env: Environment,
        *,
        catalog: Catalog,
        mode: DeleteMode = DeleteMode.PERMANENT,
        unticked: frozenset[str] = frozenset(),
        probe: Any = None,
        policy: CleanPolicy | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.env = env
        self.catalog = catalog
        self.mode = mode
        self.unticked = unticked
        self.probe = probe
        self.policy = policy if policy is not None else NO_POLICY

    def work(self) -> CleanResult:
        # Plan.without walks every entry: done here so a big plan never costs the GUI thread.
        plan = self.plan.without(self.unticked) if self.unticked else self.plan
        return clean(
            plan,
            self.env,
            catalog=self.catalog,
            mode=self.mode,
            probe=self.probe,
            progress=self.report,
            cancel=self.cancel_event,
            never_touch=self.policy.never_touch,  # re-checked at removal, the data folder too
            keep_domains=self.policy.keep_domains,
        )


class QuickCleanWorker(Worker):
    """Scan and clean a preset without questions: the tray's Quick clean and the schedule.

    Every engine safety rule applies; running applications are skipped, never closed.
    """

    def __init__(
        self,
        targets: Sequence[Target],
        env: Environment,
        *,
        catalog: Catalog,
        mode: DeleteMode = DeleteMode.PERMANENT,
        policy: CleanPolicy | None = None,
        background: bool = False,
    ) -> None:
        super().__init__()
        self.targets = tuple(targets)
        self.env = env
        self.catalog = catalog
        self.mode = mode
        self.policy = policy if policy is not None else NO_POLICY
        self.background = background

    def work(self) -> QuickOutcome:
        if self.background:
            _lower_priority()
        probe = processes.ProcessProbe()
        plan = scan(
            self.targets,
            self.env,
            catalog=self.catalog,
            options=self.policy.scan_options(),
            probe=probe,
            progress=self.report,
            cancel=self.cancel_event,
        )
        if plan.cancelled:
            empty = CleanResult(targets=(), mode=self.mode, dry_run=False, cancelled=True)
            return QuickOutcome(plan, empty, plan.bytes)
        result = clean(
            plan,
            self.env,
            catalog=self.catalog,
            mode=self.mode,
            probe=probe,
            progress=self.report,
            cancel=self.cancel_event,
            never_touch=self.policy.never_touch,  # re-checked at removal, the data folder too
            keep_domains=self.policy.keep_domains,
        )
        return QuickOutcome(plan, result, plan.bytes)


class CloseAppsWorker(Worker):
    """Close running applications politely (they may take seconds), reporting who stayed."""

    def __init__(
        self,
        apps: Sequence[Application],
        env: Environment,
        *,
        closer: Callable[[Application], bool] | None = None,
    ) -> None:
        super().__init__()
        self.apps = tuple(apps)
        self.env = env
        self.closer = closer

    def work(self) -> CloseOutcome:
        closed: list[str] = []
        still: list[str] = []
        for app in self.apps:
            ok = self.closer(app) if self.closer is not None else _close(app, self.env)
            (closed if ok else still).append(app.name)
        return CloseOutcome(tuple(closed), tuple(still))


def _close(app: Application, env: Environment) -> bool:
    """Ask the engine to close an application politely; True when none of its processes remain."""
    return processes.close_application(app, env.os).closed


def running_applications(catalog: Catalog, env: Environment, probe: Any) -> tuple[Application, ...]:
    """The catalog's applications that have a process running now."""
    try:
        running = probe.running_apps(list(catalog.applications), env.os)
    except Exception:  # process listing refused: the engine still re-checks before each removal
        log.warning("could not list running applications", exc_info=True)
        return ()
    return tuple(a for a in catalog.applications if running.get(a.id))


def free_space_of(plan: Plan) -> dict[str, int]:
    """Free bytes of the disks holding the plan's roots (mount point -> bytes)."""
    roots = sorted({r for t in plan.targets for r in t.roots})
    try:
        return dict(processes.disk_free(roots))
    except Exception:  # a vanished root must not fail the scan
        return {}


def _lower_priority() -> None:
    try:
        processes.lower_priority()
    except Exception:  # a lower priority is a courtesy, never a reason to fail
        log.debug("could not lower priority", exc_info=True)


class RestoreWorker(Worker):
    """Put a recorded trash-mode clean's files back (onecleaner.history.restore_clean)."""

    def __init__(self, data_dir: Path, clean_id: str, env: Environment, catalog: Catalog) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.clean_id = clean_id
        self.env = env
        self.catalog = catalog

    def work(self) -> RestoreReport:
        from onecleaner.history import NothingToRestore, restore_clean

        try:
            return restore_clean(self.data_dir, self.clean_id, self.env, self.catalog)
        except NothingToRestore:
            return RestoreReport(())
