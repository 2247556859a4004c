"""The scan → review → clean cycle of the window: its stage, its plan, its jobs (no widgets)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from onecleaner.engine.model import Application, CleanResult, Plan, Risk, Target
from onecleaner.engine.reasons import SkipCode
from onecleaner.engine.records.summary import record_summary
from onecleaner.gui.jobs.base import Job, Worker
from onecleaner.gui.jobs.workers import (
    CleanWorker,
    CloseAppsWorker,
    CloseOutcome,
    QuickOutcome,
    ScanOutcome,
    ScanWorker,
)
from onecleaner.gui.pages.clean.confirm import CleanSummary, RiskyItem
from onecleaner.gui.pages.clean.models import FileSelection
from onecleaner.gui.services import AppServices

log = logging.getLogger(__name__)


class Stage(enum.Enum):
    """Where the cycle is."""

    IDLE = "idle"  # nothing scanned yet (or the plan was cleaned)
    SCANNING = "scanning"
    SCANNED = "scanned"  # a plan is ready for review
    CLOSING = "closing"  # closing running applications before a new scan
    CLEANING = "cleaning"
    CLEANED = "cleaned"


class CleaningSession(QObject):
    """Runs scans, closes and cleans on worker threads and keeps what they produced.

    The window binds its widgets to these signals; it never touches a worker itself.
    """

    stageChanged = Signal(object)  # Stage
    progress = Signal(object)  # Progress (throttled by the worker)
    scanned = Signal(object)  # ScanOutcome
    cleaned = Signal(object)  # CleanResult
    closed = Signal(object)  # CloseOutcome
    failed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QObject | None = None,
        *,
        remember_scans: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services = services
        # Home's "reclaimable" is the Clean page's last scan: another page's count keeps off it.
        self.remember_scans = remember_scans
        self.selection = FileSelection()
        self.stage = Stage.IDLE
        self.outcome: ScanOutcome | None = None
        self.result: CleanResult | None = None
        self.result_plan: Plan | None = None  # the plan the last clean ran (for its skips)
        self.targets: tuple[Target, ...] = ()
        self.closer: Any = None  # tests inject a fake "close application"
        self.probe: Any = None  # tests inject a process probe
        self._job: Job | None = None
        self._finishing: list[Job] = []
        self._asked_for: ScanOutcome | None = None
        self._asked: tuple[Application, ...] = ()  # jobs whose result arrived, threads still ending

    # --- state -----------------------------------------------------------------------------
    @property
    def plan(self) -> Plan | None:
        return self.outcome.plan if self.outcome is not None else None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def can_clean(self) -> bool:
        plan = self.plan
        return (
            not self.busy
            and self.stage is Stage.SCANNED
            and plan is not None
            and not plan.cancelled
            and self._has_work(plan)
        )

    def _has_work(self, plan: Plan) -> bool:
        """Files left ticked, or browser records (their databases are not in the file list)."""
        return plan.files > self.selection.count or plan.records > 0

    def can_start_clean(self) -> bool:
        """Whether Clean may be pressed: files to remove, or running programs to ask about."""
        plan = self.plan
        if self.busy or self.stage is not Stage.SCANNED or plan is None or plan.cancelled:
            return False
        return self._has_work(plan) or bool(self.running_apps_to_ask())

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        self.stageChanged.emit(stage)

    # --- scan --------------------------------------------------------------------------------
    def start_scan(self, targets: Sequence[Target], *, keep_unticked: bool = False) -> bool:
        """Scan targets; unticked files stay unticked only when asked (a rescan after closing)."""
        if self.busy or not targets:
            return False
        self.targets = tuple(targets)
        unticked = self.selection.paths() if keep_unticked else frozenset()
        if not keep_unticked:
            self.selection.clear()
        worker = ScanWorker(
            self.targets,
            self.services.env,
            catalog=self.services.catalog,
            options=self.services.scan_options(),
            probe=self.probe,
            unticked=unticked,
        )
        worker.finished.connect(self._on_scanned)
        self._run(worker, Stage.SCANNING)
        return True

    @Slot(object)
    def _on_scanned(self, outcome: ScanOutcome) -> None:
        self._release_job()
        self.outcome = outcome
        self.selection.replace(outcome.unticked)
        self._set_stage(Stage.SCANNED)
        # outcome.bytes leaves out what the user had unticked before this scan.
        self.services.record_activity("scan", {**outcome.plan.activity(), "bytes": outcome.bytes})
        plan = outcome.plan
        if self.remember_scans:
            self.services.remember(
                "scan", plan.files, outcome.bytes, len(plan.targets), plan.cancelled
            )
        self.scanned.emit(outcome)

    # --- running applications ---------------------------------------------------------------
    def running_apps_to_ask(self) -> list[Application]:
        """Running applications whose files the reviewed plan had to leave out.

        An application counts when a selected target belongs to it, or when the scan named it
        in a skip reason (its folders reached through a broader target such as system.cache).
        """
        if self.outcome is None:
            return []
        if self._asked_for is self.outcome:
            return list(self._asked)
        plan = self.outcome.plan
        selected_apps = {t.app_id for t in self.targets}
        named_apps = {
            s.reason.param("app") for s in plan.skipped if s.reason.code is SkipCode.APP_RUNNING
        }
        asked = []
        for app in self.outcome.running:
            named = app.name in named_apps
            if app.id in selected_apps or named:
                asked.append(app)
        # Asked on every button update: remembered per scan (skip lists can be long).
        self._asked_for, self._asked = self.outcome, tuple(asked)
        return asked

    def start_close(self, apps: Sequence[Application]) -> bool:
        """Close applications politely (on a worker thread: it may take seconds)."""
        if self.busy or not apps:
            return False
        worker = CloseAppsWorker(apps, self.services.env, closer=self.closer)
        worker.finished.connect(self._on_closed)
        self._run(worker, Stage.CLOSING)
        return True

    @Slot(object)
    def _on_closed(self, outcome: CloseOutcome) -> None:
        self._release_job()
        self._set_stage(Stage.SCANNED if self.outcome is not None else Stage.IDLE)
        self.closed.emit(outcome)

    # --- clean -------------------------------------------------------------------------------
    def clean_summary(self) -> CleanSummary:
        """What the confirmation names for the reviewed plan and the user's unticks."""
        plan = self.plan
        if plan is None or self.outcome is None:
            return CleanSummary(0, 0, self.services.delete_mode)
        ticked = self.selection.is_ticked
        found = {
            t.target_id
            for t in plan.targets
            if t.databases or any(ticked(e.path) for e in t.entries)
        }
        risky = tuple(  # in the tree's order (the scan walks narrow targets first)
            RiskyItem(t.label, t.risk, t.description)
            for t in self.targets
            if t.id in found and t.risk is not Risk.SAFE
        )
        return CleanSummary(
            files=plan.files - self.selection.count,
            bytes=self.outcome.bytes - self.selection.bytes,
            mode=self.services.delete_mode,
            risky=risky,
            unticked=self.selection.count,
            traces=record_summary(plan, self.services.catalog),
        )

    def start_clean(self) -> bool:
        """Clean the reviewed plan without the unticked files."""
        plan = self.plan
        if plan is None or not self.can_clean():
            return False
        worker = CleanWorker(
            plan,
            self.services.env,
            catalog=self.services.catalog,
            mode=self.services.delete_mode,
            unticked=self.selection.paths(),
            probe=self.probe,
            policy=self.services.policy,
        )
        worker.finished.connect(self._on_cleaned)
        self._run(worker, Stage.CLEANING)
        return True

    @Slot(object)
    def _on_cleaned(self, result: CleanResult) -> None:
        self._release_job()
        self.result = result
        self.result_plan = self.plan
        self.outcome = None
        self.selection.clear()
        self._set_stage(Stage.CLEANED)
        self.services.record_clean("clean", result)
        self.cleaned.emit(result)

    def show_quick_result(self, outcome: QuickOutcome) -> None:
        """A quick clean ran elsewhere (tray, Home, schedule): its results become the page's."""
        if self.busy:
            return
        self.result = outcome.result
        self.result_plan = outcome.plan
        self.outcome = None
        self.selection.clear()
        self._set_stage(Stage.CLEANED)
        self.cleaned.emit(outcome.result)

    # --- jobs --------------------------------------------------------------------------------
    def _run(self, worker: Worker, stage: Stage) -> None:
        job = Job(worker, self)
        worker.progress.connect(self._on_progress)
        worker.failed.connect(self._on_failed)
        job.done.connect(lambda: self._forget(job))
        self._job = job
        self._set_stage(stage)
        job.start()

    @Slot(object)
    def _on_progress(self, progress: object) -> None:
        self.progress.emit(progress)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.services.record_error("gui", message)
        self._release_job()
        self._set_stage(Stage.SCANNED if self.outcome is not None else Stage.IDLE)
        self.failed.emit(message)

    def _release_job(self) -> None:
        # The result is in: the session is free for the next job at once (a rescan right after
        # closing applications), while the finished job's thread winds down in the background.
        if self._job is not None:
            self._finishing.append(self._job)
            self._job = None

    def _forget(self, job: Job) -> None:
        if job is self._job:  # the thread ended without a result signal
            self._job = None
            self.stageChanged.emit(self.stage)
        if job in self._finishing:
            self._finishing.remove(job)
        job.deleteLater()

    def cancel(self) -> None:
        """Ask the running job to stop between two files."""
        if self._job is not None:
            self._job.cancel()

    def stop(self) -> None:
        """Cancel and wait for every job's thread (the app is quitting)."""
        for job in [*self._finishing, *([self._job] if self._job is not None else [])]:
            job.stop()
