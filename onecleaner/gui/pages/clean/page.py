"""The Clean page: choose targets, scan, review the files, clean, and read the results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction

from onecleaner.engine.model import CleanResult, PlanEntry, Progress, Skip, Target
from onecleaner.gui.catalog_text import app_name, target_label
from onecleaner.gui.jobs.workers import CloseOutcome, QuickOutcome, ScanOutcome
from onecleaner.gui.pages import PageContext
from onecleaner.gui.pages.clean.confirm import Dialogs, RunningChoice
from onecleaner.gui.pages.clean.export import all_skips, export_results
from onecleaner.gui.pages.clean.layout import CleanLayout
from onecleaner.gui.pages.clean.result_text import (
    by_category,
    cleaned_text,
    progress_text,
    ready_text,
    scan_cancelled_text,
    scan_status_text,
)
from onecleaner.gui.pages.clean.session import CleaningSession, Stage
from onecleaner.gui.pages.clean.target_tree import TargetFigures
from onecleaner.gui.services import AppServices
from onecleaner.gui.trace_text import is_trace


class CleanPage(CleanLayout):
    """The Clean page; the work itself runs in `CleaningSession`'s workers."""

    def __init__(
        self,
        services: AppServices,
        *,
        dialogs: Dialogs | None = None,
        context: PageContext | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.dialogs = dialogs if dialogs is not None else Dialogs()
        self.session = CleaningSession(services, self)
        # What to do once the running scan is in: confirm and clean (after closing programs) or
        # the whole Clean command (after scanning items ticked since the last scan).
        self._after_scan: Callable[[], None] | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self._show_stage_status)
        self._build_models(services, self.session.selection)
        self._build_widgets()
        self._build_actions()
        self.retranslate()
        self._connect()
        self._update_buttons()
        if context is not None:
            context.quick.finished.connect(self.on_quick_clean)
            self.trace_note.keepListRequested.connect(
                lambda: context.open_page("traces", "keep-list")
            )
        else:
            self.trace_note.edit_keep.hide()  # no window to open the keep-list in

    # --- the shell's questions -------------------------------------------------------------
    def activate(self, section: str = "") -> None:
        """Shown: look again which items are on this computer (one may have been installed)."""
        if not self.session.busy:
            self.target_model.set_missing(self.services.missing_target_ids())
        keep = self.services.settings.cookie_keep_list  # the Browser traces page may edit it
        self.target_model.set_keep_list(keep)
        self._explain_traces()

    def shortcuts(self) -> list[QAction]:
        return [
            self.scan_action,
            self.clean_action,
            self.cancel_action,
            self.export_action,
            self.select_all_action,
            self.select_none_action,
            self.focus_tree_action,
            self.focus_files_action,
        ]

    def retranslate(self) -> None:
        self.retranslate_layout()
        self._show_stage_status()
        self._render_summary()
        if self.session.stage is Stage.IDLE:
            self.files_caption.setText(self.tr("Scan, then pick an item to see its files."))
        elif self.session.stage is Stage.SCANNED:
            self._caption_files()
        self._refresh_models()

    def stop(self) -> None:
        """Cancel and wait for the page's workers (the app is quitting)."""
        self.session.stop()
        self.file_model.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _refresh_models(self) -> None:
        """Headers and catalog names are asked again (in the new language)."""
        for model in (self.target_model, self.file_model, self.skip_model):
            model.retranslate()

    # --- wiring ------------------------------------------------------------------------------
    def _connect(self) -> None:
        self.scan_action.triggered.connect(self.scan)
        self.clean_action.triggered.connect(self.clean)
        self.cancel_action.triggered.connect(self.cancel)
        self.export_action.triggered.connect(self.export)
        self.show_all.toggled.connect(self.target_model.set_show_missing)
        self.target_model.modelReset.connect(self.tree.expandAll)
        self.select_quick_action.triggered.connect(self.select_quick)
        self.select_all_action.triggered.connect(self.select_all)
        self.select_none_action.triggered.connect(self.select_none)
        self.focus_tree_action.triggered.connect(self.tree.setFocus)
        self.focus_files_action.triggered.connect(self._focus_files)
        self.scan_button.clicked.connect(self.scan)
        self.clean_button.clicked.connect(self.clean)
        self.cancel_button.clicked.connect(self.cancel)
        self.tick_all.clicked.connect(lambda: self.file_model.set_all_ticked(True))
        self.untick_all.clicked.connect(lambda: self.file_model.set_all_ticked(False))
        self.file_model.selectionChanged.connect(self._on_files_ticked)
        self.target_model.checkedChanged.connect(self._update_buttons)
        self.target_model.checkedChanged.connect(self._explain_traces)
        self.tree.selectionModel().currentChanged.connect(self._on_current_target)
        self.summary.exportRequested.connect(self.export)
        self.session.stageChanged.connect(self._on_stage)
        self.session.progress.connect(self._on_progress)
        self.session.scanned.connect(self._on_scanned)
        self.session.cleaned.connect(self._on_cleaned)
        self.session.closed.connect(self._on_closed)
        self.session.failed.connect(self._on_failed)

    # --- commands ----------------------------------------------------------------------------
    @Slot()
    def scan(self) -> None:
        """Scan the ticked targets."""
        targets = self.target_model.checked_targets()
        if not targets:
            self.show_status(self.tr("Tick at least one item to scan."), 8000)
            return
        if self.session.busy:
            return
        self._after_scan = None
        self._start_scan(targets, keep_unticked=False)

    def _start_scan(self, targets: Sequence[Target], *, keep_unticked: bool) -> bool:
        # Views first, worker second: see _on_stage.
        self.summary.show_message(self.tr("Scanning…"))
        self.file_model.set_entries(())
        self.skip_model.set_skips(())
        self.target_model.set_figures({})
        return self.session.start_scan(targets, keep_unticked=keep_unticked)

    @Slot()
    def clean(self) -> None:
        """Ask about running programs and for confirmation, then clean the reviewed plan.

        Items ticked or unticked since the scan are scanned first (the plan is what is ticked
        now), keeping the files the user unticked; then Clean goes on by itself.
        """
        if self._ticks_changed_since_scan():
            ticked = self.target_model.checked_targets()
            if not ticked:
                self.show_status(self.tr("Tick at least one item to clean."), 8000)
                return
            self.show_status(
                self.tr("The ticked items changed since the scan: scanning them first…"), 8000
            )
            self._after_scan = self.clean
            if not self._start_scan(ticked, keep_unticked=True):
                self._after_scan = None
            return
        if not self.session.can_start_clean():
            self.show_status(self.tr("Scan first: there is nothing to clean."), 8000)
            return
        running = self.session.running_apps_to_ask()
        if running:
            choice = self.dialogs.choose_running(self, [app_name(a) for a in running])
            if choice is RunningChoice.CANCEL:
                self.show_status(self.tr("Nothing was cleaned."), 8000)
                return
            if choice is RunningChoice.CLOSE:
                self.session.start_close(running)
                return
        self._confirm_and_clean()

    def _confirm_and_clean(self) -> None:
        if not self.session.can_clean():
            plan = self.session.plan
            if plan is not None and plan.files > 0:
                message = self.tr("Every file is unticked: nothing to clean.")
            else:
                message = self.tr("Nothing to clean.")
            self.show_status(message, 8000)
            return
        summary = self.session.clean_summary()
        if not self.dialogs.confirm_clean(self, summary):
            self.show_status(self.tr("Nothing was cleaned."), 8000)
            return
        self.session.start_clean()

    @Slot()
    def cancel(self) -> None:
        if self.session.busy:
            self.session.cancel()
            self._after_scan = None
            self.show_status(self.tr("Cancelling: stopping after the current file…"))

    @Slot()
    def export(self) -> None:
        """Save the last clean's results as CSV or JSON."""
        result = self.session.result
        if result is None:
            self.show_status(
                self.tr("Clean first: there are no results to save."), 8000
            )
            return
        suggested = str(Path.home() / "onecleaner-results.csv")
        path = self.dialogs.save_path(self, self.tr("Export results"), suggested)
        if path is None:
            return
        try:
            export_results(path, result, self._scan_skips())
        except OSError as exc:
            self.dialogs.inform(
                self, self.tr("Export failed"), self.tr("Could not save {0}: {1}").format(path, exc)
            )
            return
        self.show_status(self.tr("Results saved to {0}").format(path), 10_000)

    def select_quick(self) -> None:
        self.target_model.set_checked(self.services.quick_target_ids())

    def select_all(self) -> None:
        """Tick every item shown except browser traces (those are ticked one by one)."""
        self.target_model.set_checked(
            t.id for t in self.target_model.targets() if not is_trace(t)
        )

    def _explain_traces(self) -> None:
        """The note on what ticked browser traces lose (until the user dismisses it)."""
        catalog = self.services.catalog
        ticked = [
            (t, catalog.app_of(t).name)
            for t in self.target_model.checked_targets()
            if is_trace(t)
        ]
        self.trace_note.show_for(ticked, self.services.settings.cookie_keep_list)

    def select_none(self) -> None:
        self.target_model.set_checked(())

    def _focus_files(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.files_view.setFocus()

    # --- session events ----------------------------------------------------------------------
    @Slot(object)
    def _on_stage(self, stage: Stage) -> None:
        busy = self.session.busy
        if busy:
            self.show_status("")
            self._show_stage_status()
        self.progress.setVisible(busy)
        self.current_label.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first figures arrive
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if stage in (Stage.SCANNED, Stage.CLEANED) else 0)
            self.current_label.setText("")
        self._update_buttons()
        if busy and self.isVisible():
            # Paint now, before the worker starts: painting the views calls back into Python
            # for every cell, and each call would wait for the busy worker to hand over the
            # GIL. During the work only C++ widgets (labels, progress bar) change.
            self.repaint()

    def _ticks_changed_since_scan(self) -> bool:
        """Whether the ticked items differ from those the reviewed plan was scanned for."""
        if self.session.stage is not Stage.SCANNED or self.session.busy:
            return False
        scanned = {t.id for t in self.session.targets}
        return set(self.target_model.checked_ids()) != scanned

    def _update_buttons(self) -> None:
        busy = self.session.busy
        has_ticked = bool(self.target_model.checked_ids())
        can_clean = self.session.can_start_clean() or (
            has_ticked and self._ticks_changed_since_scan()
        )
        self.scan_button.setEnabled(not busy and has_ticked)
        self.scan_action.setEnabled(not busy and has_ticked)
        self.clean_button.setEnabled(can_clean)
        self.clean_action.setEnabled(can_clean)
        self.cancel_button.setEnabled(busy)
        self.cancel_action.setEnabled(busy)
        has_result = self.session.result is not None and not busy
        self.export_action.setEnabled(has_result)
        self.summary.export_button.setEnabled(has_result)
        if can_clean:
            self.clean_button.setDefault(True)
        else:
            self.scan_button.setDefault(True)

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        text = progress_text(progress)
        if text is not None:
            self.phase_label.setText(text)
        if progress.total > 0:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))
        metrics = self.current_label.fontMetrics()
        width = max(self.current_label.width() - 4, 80)
        self.current_label.setText(
            metrics.elidedText(progress.current, Qt.TextElideMode.ElideMiddle, width)
        )

    @Slot(object)
    def _on_scanned(self, outcome: ScanOutcome) -> None:
        plan = outcome.plan
        # What the scan met is the freshest word on which targets exist here.
        scanned = {t.target_id for t in plan.targets}
        missing = self.target_model.missing_ids() - scanned
        # (A root the guard refused is there, only not cleaned: it is in "Left alone".)
        missing |= {t.target_id for t in plan.targets if not t.roots and not t.skipped}
        self.target_model.set_missing(missing)
        self.target_model.set_figures(
            {
                t.target_id: TargetFigures(
                    t.files, outcome.target_bytes.get(t.target_id, 0), t.records
                )
                for t in plan.targets
            }
        )
        self.skip_model.set_skips(plan.skipped)
        self._render_summary()
        self._update_buttons()
        self._show_files_of_current(default_first=True)
        self._show_stage_status()
        then, self._after_scan = self._after_scan, None
        if then is not None and not plan.cancelled:
            # Let the window paint the new plan before the questions appear.
            QTimer.singleShot(0, then)

    @Slot(object)
    def _on_closed(self, outcome: CloseOutcome) -> None:
        if outcome.still_running:
            self.dialogs.inform(
                self,
                self.tr("Programs still running"),
                self.tr(
                    "%n program(s) did not close: %1. The files are left alone; the rest will "
                    "be cleaned.",
                    "",
                    len(outcome.still_running),
                ).replace("%1", ", ".join(outcome.still_running)),
            )
        if outcome.closed:
            self.show_status(
                self.tr("Closed {0}; scanning again…").format(", ".join(outcome.closed)), 8000
            )
        # Scan again so the plan holds what the programs were keeping, then confirm and clean.
        self._after_scan = self._confirm_and_clean
        if not self._start_scan(self.session.targets, keep_unticked=True):
            self._after_scan = None

    @Slot(object)
    def _on_cleaned(self, result: CleanResult) -> None:
        self._show_stage_status()
        self.target_model.set_figures({})
        self.file_model.set_entries(())
        skips = all_skips(result, self._scan_skips())
        self.skip_model.set_skips(skips)
        self._render_summary()
        if skips:
            self.tabs.setCurrentWidget(self.skips_view)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._after_scan = None
        self.show_status(self.tr("Stopped by an error."))
        self.summary.show_message(self.tr("Something went wrong"), message)

    # --- files view --------------------------------------------------------------------------
    @Slot(QModelIndex, QModelIndex)
    def _on_current_target(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_files_of_current(default_first=False)

    def _show_files_of_current(self, *, default_first: bool) -> None:
        plan = self.session.plan
        if plan is None:
            self.file_model.set_entries(())
            return
        by_id = {t.target_id: t for t in plan.targets}
        index = self.tree.currentIndex()
        targets = self.target_model.targets_at(index)
        shown_ids = {t.id for t in targets}
        has_files = any(t.entries for t in plan.targets if t.target_id in shown_ids)
        if default_first and not has_files:
            # Nothing (or an empty item) picked: show the target with the most to free.
            sizes = self.session.outcome.target_bytes if self.session.outcome else {}
            best = max(plan.targets, key=lambda t: sizes.get(t.target_id, 0), default=None)
            if best is not None and best.entries:
                found = self.target_model.index_of(best.target_id)
                if found != index:
                    self.tree.setCurrentIndex(found)  # shows its files through the signal
                    self.tree.scrollTo(found)
                    return
        entries: Sequence[PlanEntry] = ()
        plans = [by_id[t.id] for t in targets if t.id in by_id]
        if len(plans) == 1:
            entries = plans[0].entries  # no copy: the view reads the plan's own tuple
        elif plans:
            entries = tuple(e for p in plans for e in p.entries)
        self.file_model.set_entries(entries)
        self._caption_files()

    def _caption_files(self) -> None:
        """Which item's files the table shows, and how many."""
        targets = self.target_model.targets_at(self.tree.currentIndex())
        names = ", ".join(target_label(t) for t in targets)
        count = len(self.file_model.entries())
        plan = self.session.plan
        if targets and plan is not None and all(is_trace(t) for t in targets):
            ids = {t.id for t in targets}
            records = sum(t.records for t in plan.targets if t.target_id in ids)
            self.files_caption.setText(
                self.tr(
                    "%1: %Ln record(s) in the browsers' databases, removed as rows (no files "
                    "to list).",
                    "",
                    records,
                ).replace("%1", names)
            )
            return
        self.files_caption.setText(
            self.tr("%1: %Ln file(s)", "", count).replace("%1", names) if targets else ""
        )

    @Slot()
    def _on_files_ticked(self) -> None:
        selection = self.session.selection
        outcome = self.session.outcome
        if outcome is None:
            return
        if not outcome.plan.cancelled:
            self.summary.show_message(*ready_text(outcome, selection))
        self._update_buttons()

    def _render_summary(self) -> None:
        """The summary's words, chart and disk lines for the stage (again after a new language)."""
        stage = self.session.stage
        outcome = self.session.outcome
        result = self.session.result
        if stage is Stage.SCANNED and outcome is not None:
            if outcome.plan.cancelled:
                self.summary.show_message(*scan_cancelled_text(outcome))
            else:
                self.summary.show_message(*ready_text(outcome, self.session.selection))
            sizes = by_category(self.services.catalog, outcome.target_bytes)
            self.summary.show_chart(self.tr("Reclaimable space by category"), sizes)
            self.summary.show_disk(
                outcome.disk_free, None, outcome.bytes - self.session.selection.bytes
            )
        elif stage is Stage.CLEANED and result is not None:
            self.summary.show_message(*cleaned_text(result, self.skip_model.rowCount()))
            freed = {t.target_id: t.freed for t in result.targets}
            self.summary.show_chart(
                self.tr("Freed space by category"), by_category(self.services.catalog, freed)
            )
            self.summary.show_disk(result.disk_free_before, result.disk_free_after, result.bytes)
            self.files_caption.setText(self.tr("Scan again to see what is left."))

    # --- helpers -----------------------------------------------------------------------------
    def _scan_skips(self) -> tuple[Skip, ...]:
        plan = self.session.result_plan
        return plan.skipped if plan is not None else ()

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        """Say what happened in the page's one status line (for a while, when a time is given)."""
        self.phase_label.setText(text)
        if timeout_ms:
            self._status_timer.start(timeout_ms)
        else:
            self._status_timer.stop()

    def status_text(self) -> str:
        return self.phase_label.text()

    def _show_stage_status(self) -> None:
        """The status line for the stage the session is in."""
        stage = self.session.stage
        texts = {
            Stage.IDLE: self.tr("Ready."),
            Stage.SCANNING: self.tr("Scanning…"),
            Stage.CLEANING: self.tr("Cleaning…"),
            Stage.CLOSING: self.tr("Closing programs…"),
        }
        if stage in texts:
            self.phase_label.setText(texts[stage])
        elif stage is Stage.SCANNED and self.session.outcome is not None:
            outcome = self.session.outcome
            self.phase_label.setText(
                self.tr("Scan cancelled.") if outcome.plan.cancelled else scan_status_text(outcome)
            )
        elif stage is Stage.CLEANED and self.session.result is not None:
            cancelled = self.session.result.cancelled
            self.phase_label.setText(
                self.tr("Cleaning cancelled.") if cancelled else self.tr("Done.")
            )

    # --- a quick clean ran meanwhile (tray, Home, schedule) ----------------------------------
    @Slot(object)
    def on_quick_clean(self, outcome: QuickOutcome) -> None:
        """Show truthful results after a quick clean: scan again, or show what it did."""
        if self.session.busy:
            return
        if self.session.stage is Stage.SCANNED and self.session.targets:
            # The reviewed plan may name files the quick clean just removed.
            self.show_status(self.tr("A quick clean ran: scanning again…"))
            self.session.start_scan(self.session.targets, keep_unticked=True)
            return
        self.session.show_quick_result(outcome)
