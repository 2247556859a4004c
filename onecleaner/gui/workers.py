"""Scan, clean and close-application work on their own threads, reported through Qt signals."""

from __future__ import annotations

import contextlib
import gc
import heapq
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from onecleaner.engine import processes
from onecleaner.engine.clean import clean
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import EngineError
from onecleaner.engine.model import (
    Application,
    CleanResult,
    DeleteMode,
    Plan,
    Progress,
    Target,
    TargetPlan,
)
from onecleaner.engine.scan import ScanOptions, scan

if TYPE_CHECKING:
    from onecleaner.engine.catalog import Catalog

log = logging.getLogger(__name__)

#: The GIL switch interval while workers run (seconds; Python's default is 0.005).
GUI_SWITCH_INTERVAL = 0.001
#: The fewest seconds between two progress signals: at most 20 per second reach the GUI thread.
PROGRESS_INTERVAL = 0.05


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


class Worker(QObject):
    """A unit of background work: run() on a worker thread, results and errors as signals.

    Subclasses implement `work()`. Cancellation is a threading.Event the engine polls between
    files, so `cancel()` is called directly from the GUI thread (the worker thread is busy and
    would not see a queued signal until the work is over).
    """

    progress = Signal(object)  # Progress, throttled
    finished = Signal(object)  # the work's outcome
    failed = Signal(str)  # a message for a person

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()
        self._last_progress = 0.0
        # The thread the worker returns to when its work is over (set by Job): back there, the
        # job can own it, and it is deleted on the GUI thread with the job.
        self.home: QThread | None = None

    def cancel(self) -> None:
        """Ask the work to stop between two files (safe from any thread)."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def work(self) -> object:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        """Run the work on the current (worker) thread and report how it went."""
        _yield_cpu_to_the_window()
        try:
            with _quiet_collector():
                outcome = self.work()
        except EngineError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must reach the user as a message, not kill the thread
            log.exception("background work failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(outcome)
        finally:
            # Only the worker's own thread may push it to another: done here, its last act.
            if self.home is not None:
                self.moveToThread(self.home)

    def report(self, progress: Progress) -> None:
        """The engine's progress callback: forwards at most one report per PROGRESS_INTERVAL."""
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progress.emit(progress)


def _yield_cpu_to_the_window() -> None:
    """Give the calling worker thread a lower CPU priority than the GUI thread.

    On a busy machine the window's thread then gets the processor first whenever the worker
    releases the GIL. Linux applies a nice value per thread; elsewhere the QThread priority
    set in Job.start does this job.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), 5))


_gc_lock = threading.Lock()
_gc_users = 0
_gc_was_enabled = True


@contextlib.contextmanager
def _quiet_collector() -> Iterator[None]:
    """Keep Python's cyclic garbage collector from pausing every thread during big work.

    A 200k-file plan is about a million small objects; a full collection over them holds the GIL
    for a tenth of a second or more, and the window would stall. Plan records hold no reference
    cycles, so reference counting frees them: the collector is paused while work runs, and what
    survives is frozen out of later collections (gc.freeze) so it never costs a pause either.
    """
    global _gc_users, _gc_was_enabled
    with _gc_lock:
        if _gc_users == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.freeze()
                if _gc_was_enabled:
                    gc.enable()


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
    ) -> None:
        super().__init__()
        self.plan = plan
        self.env = env
        self.catalog = catalog
        self.mode = mode
        self.unticked = unticked
        self.probe = probe

    def work(self) -> CleanResult:
        # Plan.without walks every entry: done here so a big plan never costs the GUI thread.
        plan = self.plan.without(self.unticked) if self.unticked else self.plan
        plan = presorted(plan, self.cancel_event)
        return clean(
            plan,
            self.env,
            catalog=self.catalog,
            mode=self.mode,
            probe=self.probe,
            progress=self.report,
            cancel=self.cancel_event,
        )


#: Entries sorted at a time by `presorted`: a sort of this many holds the GIL for ~2 ms.
SORT_CHUNK = 4096


def presorted(plan: Plan, cancel: threading.Event | None = None) -> Plan:
    """The plan with each target's entries in path order, sorted without stalling the window.

    The engine removes entries in path order (to reuse open folders) and sorts them itself;
    a single sort of 200k paths runs in C for a tenth of a second holding the GIL, and the GUI
    thread cannot run meanwhile. Sorting small chunks and merging them in Python lets the GIL
    change hands between items; the engine's own sort then meets sorted data and is linear.
    """
    targets = []
    for tp in plan.targets:
        entries = tp.entries
        if len(entries) > SORT_CHUNK and not (cancel is not None and cancel.is_set()):
            by_path = attrgetter("path")
            chunks = [
                sorted(entries[i : i + SORT_CHUNK], key=by_path)
                for i in range(0, len(entries), SORT_CHUNK)
            ]
            entries = tuple(heapq.merge(*chunks, key=by_path))
        targets.append(TargetPlan(tp.target_id, tp.roots, entries, tp.skipped))
    return Plan(tuple(targets), plan.os, plan.created_at, plan.cancelled)


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
        options: ScanOptions | None = None,
        background: bool = False,
    ) -> None:
        super().__init__()
        self.targets = tuple(targets)
        self.env = env
        self.catalog = catalog
        self.mode = mode
        self.options = options
        self.background = background

    def work(self) -> QuickOutcome:
        if self.background:
            _lower_priority()
        probe = processes.ProcessProbe()
        plan = scan(
            self.targets,
            self.env,
            catalog=self.catalog,
            options=self.options if self.options is not None else ScanOptions(),
            probe=probe,
            progress=self.report,
            cancel=self.cancel_event,
        )
        if plan.cancelled:
            empty = CleanResult(targets=(), mode=self.mode, dry_run=False, cancelled=True)
            return QuickOutcome(plan, empty)
        result = clean(
            plan,
            self.env,
            catalog=self.catalog,
            mode=self.mode,
            probe=probe,
            progress=self.report,
            cancel=self.cancel_event,
        )
        return QuickOutcome(plan, result)


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


class Job(QObject):
    """A worker on its own QThread: starts it, keeps both alive, and cleans up when done.

    Connect to `worker.progress/finished/failed` before `start()`. `done` fires on the GUI
    thread once the thread has finished (whatever the outcome).

    The thread is the job's child from the start, and the worker becomes one when its work is
    over (it moves itself back to the job's thread): deleting the job (deleteLater once done,
    or with its owner) deletes all three on the GUI thread while the application exists. Left
    to Python, they were deleted at interpreter exit, after or among the Qt objects they
    depend on, and the app crashed on the way out.
    """

    done = Signal()

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.qthread = QThread(self)
        self.qthread.setObjectName(type(worker).__name__)
        worker.home = self.thread()
        worker.moveToThread(self.qthread)
        self.qthread.started.connect(worker.run)
        worker.finished.connect(self.qthread.quit)
        worker.failed.connect(self.qthread.quit)
        self.qthread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        # Each Python call the GUI thread makes (a slot, a model's data()) must take the GIL
        # from a busy worker; a shorter switch interval than the default 5 ms bounds that wait.
        if sys.getswitchinterval() > GUI_SWITCH_INTERVAL:
            sys.setswitchinterval(GUI_SWITCH_INTERVAL)
        self.qthread.start(QThread.Priority.LowPriority)

    def cancel(self) -> None:
        self.worker.cancel()

    def is_running(self) -> bool:
        return bool(self.qthread.isRunning())

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Cancel and wait for the thread (app quit); True when it ended in time.

        A thread that does not end in time (a file system that stopped answering) is let go
        of: it is never deleted, since deleting a running QThread aborts the process.
        """
        self.worker.cancel()
        self.qthread.quit()
        if self.qthread.wait(timeout_ms):
            self._adopt_worker()
            return True
        log.warning("a %s did not stop in time; leaving it", self.qthread.objectName())
        self.qthread.setParent(None)
        _stuck.append((self.qthread, self.worker))
        return False

    def _adopt_worker(self) -> None:
        # Once home (the work is over), the worker is the job's child and dies with it.
        if self.worker.thread() is self.thread() and self.worker.parent() is None:
            self.worker.setParent(self)

    @Slot()
    def _on_thread_finished(self) -> None:
        self._adopt_worker()
        self.done.emit()


#: Threads that did not stop when asked, kept referenced so that nothing deletes them running.
_stuck: list[tuple[QThread, Worker]] = []
