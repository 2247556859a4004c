"""A finder's tab of the Disk usage page: search on a worker, the candidates with their ticks,
one button that removes the ticked ones through the clean confirmation, and what was left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QWidget,
)

from onecleaner.app.finders import finder_mode
from onecleaner.engine.finders import FinderKind, Findings
from onecleaner.engine.model import CleanResult, DeleteMode, Progress
from onecleaner.gui.jobs.finders import (
    FinderOptions,
    FinderWorker,
    FoundCleanOutcome,
    FoundCleanWorker,
)
from onecleaner.gui.pages.clean.confirm import CleanSummary, Dialogs
from onecleaner.gui.pages.clean.export import all_skips
from onecleaner.gui.pages.clean.result_text import cleaned_text
from onecleaner.gui.pages.disk_usage.finder_layout import FinderLayout
from onecleaner.gui.pages.disk_usage.runner import JobRunner
from onecleaner.gui.pages.disk_usage.texts import (
    finder_description,
    finder_title,
    found_text,
    search_progress_text,
)
from onecleaner.gui.services import AppServices


class FinderTab(FinderLayout):
    """Large files, old files or build artefacts of the folder chosen."""

    removed = Signal()  # files went (the map may show them still)

    def __init__(
        self,
        kind: FinderKind,
        services: AppServices,
        dialogs: Dialogs,
        options: Callable[[], FinderOptions],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.services = services
        self.dialogs = dialogs
        self.options = options
        self.runner = JobRunner(self)
        self.folder = services.env.home
        self.findings: Findings | None = None
        self.result: CleanResult | None = None
        self._status_key: Callable[[], str] = lambda: ""
        self._build(kind, services.env.home)
        self.tick_all.clicked.connect(lambda: self.model.set_all_ticked(True))
        self.untick_all.clicked.connect(lambda: self.model.set_all_ticked(False))
        self.find_button.clicked.connect(self.search)
        self.remove_button.clicked.connect(self.remove)
        self.cancel_button.clicked.connect(self.cancel)
        self.model.ticksChanged.connect(self._on_ticks)
        self.runner.busyChanged.connect(self._on_busy)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._retranslate_own()
        self._on_busy(False)

    # --- the page's questions -----------------------------------------------------------------
    def title(self) -> str:
        return finder_title(self.kind)

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.model.retranslate()
        self.skip_model.retranslate()
        self._retranslate_own()

    def _retranslate_own(self) -> None:
        self.description.setText(
            finder_description(self.kind, self.folder, self.services.env.home)
        )
        self.show_mode()
        self.status.setText(self._status_key())
        self._show_skips()
        self._show_summary()

    def show_mode(self) -> None:
        """The remove button says what it does under the settings now."""
        trash = self.mode() is DeleteMode.TRASH
        self.remove_button.setText(self.tr("Move to &trash…") if trash else self.tr("&Delete…"))
        self.remove_button.setToolTip(
            self.tr("Move the ticked items to the trash (asks first)")
            if trash
            else self.tr("Delete the ticked build output permanently (asks first)")
        )

    def stop(self) -> None:
        self.runner.stop()

    def set_folder(self, folder: str) -> None:
        """Search another folder: what was found goes."""
        if self.runner.busy:
            return
        self.folder = folder
        self.findings = None
        self.result = None
        self.model.set_findings(None)
        self.skip_model.set_skips(())
        self._say(lambda: "")
        self._retranslate_own()

    def mode(self) -> DeleteMode:
        """How this finder's ticked items are removed (the settings may have changed)."""
        return finder_mode(self.kind, self.services.delete_mode)

    def mark_stale(self) -> None:
        """Files went elsewhere on the page: what is listed may be gone."""
        if self.findings is not None and not self.runner.busy:
            self._say(lambda: self.tr("Files were removed since this search: find again to see."))

    # --- commands -----------------------------------------------------------------------------
    @Slot()
    def search(self) -> bool:
        """Run the finder on a worker."""
        if self.runner.busy:
            return False
        folders: list[str] | None = [self.folder]
        if self.kind is FinderKind.OLD and self.folder == self.services.env.home:
            folders = None  # the home: its Downloads and Desktop
        self.result = None
        self._say(lambda: self.tr("Searching…"))
        return self.runner.start(FinderWorker(self.kind, folders, self.options()), "find")

    @Slot()
    def remove(self) -> bool:
        """Confirm, then remove the ticked items through the re-checked clean."""
        if self.runner.busy or self.findings is None:
            return False
        ticked = self.model.ticked()
        if not ticked:
            self._say(lambda: self.tr("Tick at least one item."))
            return False
        mode = self.mode()
        summary = CleanSummary(
            files=sum(c.files for c in ticked),
            bytes=sum(c.bytes for c in ticked),
            mode=mode,
            unticked=self.model.rowCount() - len(ticked),
            found_by=self.kind,
        )
        if not self.dialogs.confirm_clean(self, summary):
            self._say(lambda: self.tr("Nothing was removed."))
            return False
        worker = FoundCleanWorker(self.findings, self.model.ticked_paths(), mode, self.options())
        self._say(
            lambda: self.tr("Moving to the trash…")
            if mode is DeleteMode.TRASH
            else self.tr("Deleting…")
        )
        return self.runner.start(worker, "clean")

    @Slot()
    def cancel(self) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self._say(lambda: self.tr("Cancelling: stopping after the current file…"))

    # --- outcomes -----------------------------------------------------------------------------
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.show_mode()
        has = self.findings is not None and self.model.rowCount() > 0
        self.find_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and has and bool(self.model.ticked_paths()))
        self.cancel_button.setEnabled(busy)
        self.tick_all.setEnabled(not busy and has)
        self.untick_all.setEnabled(not busy and has)
        self.table.setEnabled(not busy or self.runner.what != "clean")
        self.progress.setVisible(busy)
        self.current.setVisible(busy)
        if not busy:
            self.current.setText("")

    @Slot(object)
    def _on_progress(self, report: object) -> None:
        if isinstance(report, Progress):
            self._say(lambda: search_progress_text(report))
            metrics = self.current.fontMetrics()
            width = max(self.current.width() - 4, 80)
            self.current.setText(
                metrics.elidedText(report.current, Qt.TextElideMode.ElideMiddle, width)
            )

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        if isinstance(outcome, Findings):
            self.findings = outcome
            self.model.set_findings(outcome)
            self._say(lambda: self.tr("Search cancelled.") if outcome.cancelled else "")
        elif isinstance(outcome, FoundCleanOutcome):
            self.result = outcome.result
            self.services.record_clean("clean", outcome.result)
            self.model.remove(outcome.gone)
            self._say(lambda: "")
            self.removed.emit()
        self._show_skips()
        self._show_summary()  # after the skips: a clean's headline counts them
        self._on_busy(False)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.services.record_error("gui", message)
        self._say(lambda: self.tr("Stopped by an error: %1").replace("%1", message))

    @Slot()
    def _on_ticks(self) -> None:
        if self.result is None:
            self._show_summary()
        self._on_busy(self.runner.busy)

    def _show_summary(self) -> None:
        if self.result is not None:
            skips = self.skip_model.rowCount()
            headline, detail = cleaned_text(self.result, skips)
        elif self.findings is not None:
            headline, detail = found_text(
                self.findings, len(self.model.ticked_paths()), self.model.ticked_bytes
            )
        else:
            headline, detail = self.tr("Press Find to search."), ""
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def _show_skips(self) -> None:
        found = self.findings.skipped if self.findings is not None else ()
        skips = all_skips(self.result, found) if self.result is not None else list(found)
        self.skip_model.set_skips(skips)
        self.skips_caption.setText(self.tr("Left alone: %Ln item(s), and why", "", len(skips)))
        self.skips_box.setVisible(bool(skips))

    def _say(self, text: Callable[[], str]) -> None:
        self._status_key = text
        self.status.setText(text())


__all__ = ["FinderTab"]
