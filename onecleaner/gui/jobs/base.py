"""Background work's plumbing: the Worker base class and the Job that runs one on a thread.

A Worker reports progress (throttled), its outcome and errors as signals and has a cancel
flag; a Job gives it a QThread, keeps both alive and deletes them on the GUI thread when done.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QThread, Signal, Slot

from onecleaner.engine.errors import EngineError
from onecleaner.engine.model import Progress

log = logging.getLogger(__name__)

#: The GIL switch interval while workers run (seconds; Python's default is 0.005).
GUI_SWITCH_INTERVAL = 0.001
#: The fewest seconds between two progress signals: at most 20 per second reach the GUI thread.
PROGRESS_INTERVAL = 0.05


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

    def report(self, progress: Progress | object) -> None:
        """The engine's progress callback (a Progress, or a finder's own report such as
        UsageProgress): forwards at most one report per PROGRESS_INTERVAL."""
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
