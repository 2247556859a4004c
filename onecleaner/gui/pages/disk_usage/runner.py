"""One background job at a time for a tab of the Disk usage page (no widgets)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from onecleaner.gui.jobs.base import Job, Worker


class JobRunner(QObject):
    """Runs a tab's workers one at a time; its signals reach the GUI thread.

    `what` names the job running (or the last one), so the tab knows what a progress report or
    an outcome is about.
    """

    busyChanged = Signal(bool)
    progress = Signal(object)  # the worker's (throttled) progress report
    finished = Signal(object)  # the worker's outcome
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.what = ""
        self._job: Job | None = None
        self._ending: list[Job] = []  # jobs whose outcome arrived, threads still winding down

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, worker: Worker, what: str) -> bool:
        """Start `worker` on its own thread; False (nothing started) while another job runs."""
        if self._job is not None:
            return False
        job = Job(worker, self)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        job.done.connect(lambda: self._forget(job))
        self._job = job
        self.what = what
        self.busyChanged.emit(True)
        job.start()
        return True

    def cancel(self) -> None:
        """Ask the running job to stop between two files."""
        if self._job is not None:
            self._job.cancel()

    def stop(self) -> None:
        """Cancel and wait for every thread (the app is quitting)."""
        for job in [*self._ending, *([self._job] if self._job is not None else [])]:
            job.stop()

    @Slot(object)
    def _on_progress(self, report: object) -> None:
        if self._job is not None:
            self.progress.emit(report)

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        self._release()
        self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._release()
        self.failed.emit(message)

    def _release(self) -> None:
        # Free for the next job at once (a clean right after its plan), while the thread ends.
        if self._job is not None:
            self._ending.append(self._job)
            self._job = None
            self.busyChanged.emit(False)

    def _forget(self, job: Job) -> None:
        if job is self._job:  # the thread ended without an outcome
            self._job = None
            self.busyChanged.emit(False)
        if job in self._ending:
            self._ending.remove(job)
        job.deleteLater()


__all__ = ["JobRunner"]
