"""The main window: choose targets, scan, review the files, clean, and read the results."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent

from onecleaner.engine.model import CleanResult, PlanEntry, Progress, Skip
from onecleaner.gui.catalog_text import app_name, target_label
from onecleaner.gui.jobs.workers import CloseOutcome, ScanOutcome
from onecleaner.gui.pages.clean.confirm import Dialogs, RunningChoice
from onecleaner.gui.pages.clean.export import all_skips, export_results
from onecleaner.gui.pages.clean.layout import WindowLayout
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


class MainWindow(WindowLayout):
    """The app's window; the work itself runs in `CleaningSession`'s workers."""

    settingsRequested = Signal()
    quitRequested = Signal()

    def __init__(self, services: AppServices, *, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.services = services
        self.dialogs = dialogs if dialogs is not None else Dialogs()
        self.session = CleaningSession(services, self)
        self.keep_running_in_tray = False  # set by the app when a tray icon holds the app
        self._clean_after_scan = False
        self.setWindowTitle(self.tr("ONE Cleaner"))
        self.setObjectName("mainWindow")
        self._build_models(services, self.session.selection)
        self._build_widgets(services)
        self._build_actions()
        self._connect()
        self._update_buttons()
        # An explicit minimum keeps the layout from resizing the window's limits each time a
        # label changes (and keeps the window usable on small screens).
        self.setMinimumSize(760, 480)
        self.resize(1100, 720)
        for message in services.messages:
            self.statusBar().showMessage(message, 15_000)

    # --- wiring ------------------------------------------------------------------------------
    def _connect(self) -> None:
        self.scan_action.triggered.connect(self.scan)
        self.clean_action.triggered.connect(self.clean)
        self.cancel_action.triggered.connect(self.cancel)
        self.export_action.triggered.connect(self.export)
        self.quit_action.triggered.connect(self.quitRequested)
        self.settings_action.triggered.connect(self.settingsRequested)
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
            self.statusBar().showMessage(self.tr("Tick at least one item to scan."), 8000)
            return
        if self.session.busy:
            return
        self._clean_after_scan = False
        # Views first, worker second: see _on_stage.
        self.summary.show_message(self.tr("Scanning…"))
        self.file_model.set_entries(())
        self.skip_model.set_skips(())
        self.target_model.set_figures({})
        self.session.start_scan(targets)

    @Slot()
    def clean(self) -> None:
        """Ask about running programs and for confirmation, then clean the reviewed plan."""
        if not self.session.can_start_clean():
            self.statusBar().showMessage(self.tr("Scan first: there is nothing to clean."), 8000)
            return
        running = self.session.running_apps_to_ask()
        if running:
            choice = self.dialogs.choose_running(self, [app_name(a) for a in running])
            if choice is RunningChoice.CANCEL:
                self.statusBar().showMessage(self.tr("Nothing was cleaned."), 8000)
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
            self.statusBar().showMessage(message, 8000)
            return
        summary = self.session.clean_summary()
        if not self.dialogs.confirm_clean(self, summary):
            self.statusBar().showMessage(self.tr("Nothing was cleaned."), 8000)
            return
        self.session.start_clean()

    @Slot()
    def cancel(self) -> None:
        if self.session.busy:
            self.session.cancel()
            self._clean_after_scan = False
            self.phase_label.setText(self.tr("Cancelling…"))
            self.statusBar().showMessage(self.tr("Stopping after the current file…"))

    @Slot()
    def export(self) -> None:
        """Save the last clean's results as CSV or JSON."""
        result = self.session.result
        if result is None:
            self.statusBar().showMessage(
                self.tr("Clean first: there are no results to save."), 8000
            )
            return
        path = self.dialogs.save_path(self, self.tr("Export results"), "onecleaner-results.csv")
        if path is None:
            return
        try:
            export_results(path, result, self._scan_skips())
        except OSError as exc:
            self.dialogs.inform(
                self, self.tr("Export failed"), self.tr("Could not save {0}: {1}").format(path, exc)
            )
            return
        self.statusBar().showMessage(self.tr("Results saved to {0}").format(path), 10_000)

    def select_quick(self) -> None:
        self.target_model.set_checked(self.services.quick_target_ids())

    def select_all(self) -> None:
        self.target_model.set_checked(t.id for t in self.target_model.targets())

    def select_none(self) -> None:
        self.target_model.set_checked(())

    def _focus_files(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.files_view.setFocus()

    # --- session events ----------------------------------------------------------------------
    @Slot(object)
    def _on_stage(self, stage: Stage) -> None:
        busy = self.session.busy
        if stage is Stage.SCANNING:
            self.phase_label.setText(self.tr("Scanning…"))
        elif stage is Stage.CLEANING:
            self.phase_label.setText(self.tr("Cleaning…"))
        elif stage is Stage.CLOSING:
            self.phase_label.setText(self.tr("Closing programs…"))
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

    def _update_buttons(self) -> None:
        busy = self.session.busy
        can_clean = self.session.can_start_clean()
        has_ticked = bool(self.target_model.checked_ids())
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
        self.phase_label.setText(
            self.tr("Scan cancelled.") if plan.cancelled else self.tr("Scan finished.")
        )
        # What the scan met is the freshest word on which targets exist here.
        scanned = {t.target_id for t in plan.targets}
        missing = self.target_model.missing_ids() - scanned
        # (A root the guard refused is there, only not cleaned: it is in "Left alone".)
        missing |= {t.target_id for t in plan.targets if not t.roots and not t.skipped}
        self.target_model.set_missing(missing)
        self.target_model.set_figures(
            {
                t.target_id: TargetFigures(t.files, outcome.target_bytes.get(t.target_id, 0))
                for t in plan.targets
            }
        )
        self.skip_model.set_skips(plan.skipped)
        self._on_files_ticked()
        sizes = by_category(self.services.catalog, outcome.target_bytes)
        self.summary.show_chart(self.tr("Reclaimable space by category"), sizes)
        self.summary.show_disk(
            outcome.disk_free, None, outcome.bytes - self.session.selection.bytes
        )
        if plan.cancelled:
            self.summary.show_message(*scan_cancelled_text(outcome))
        self._show_files_of_current(default_first=True)
        self.statusBar().showMessage(scan_status_text(outcome), 15_000)
        if self._clean_after_scan:
            self._clean_after_scan = False
            # Let the window paint the new plan before the confirmation appears.
            QTimer.singleShot(0, self._confirm_and_clean)

    @Slot(object)
    def _on_closed(self, outcome: CloseOutcome) -> None:
        if outcome.still_running:
            self.dialogs.inform(
                self,
                self.tr("Programs still running"),
                self.tr(
                    "{0} did not close. Their files are left alone; the rest will be cleaned."
                ).format(", ".join(outcome.still_running)),
            )
        if outcome.closed:
            self.statusBar().showMessage(
                self.tr("Closed {0}; scanning again…").format(", ".join(outcome.closed)), 8000
            )
        # Scan again so the plan holds what the programs were keeping, then confirm and clean.
        self._clean_after_scan = True
        if not self.session.start_scan(self.session.targets, keep_unticked=True):
            self._clean_after_scan = False

    @Slot(object)
    def _on_cleaned(self, result: CleanResult) -> None:
        self.phase_label.setText(
            self.tr("Cleaning cancelled.") if result.cancelled else self.tr("Done.")
        )
        self.target_model.set_figures({})
        self.file_model.set_entries(())
        skips = all_skips(result, self._scan_skips())
        self.skip_model.set_skips(skips)
        self.summary.show_chart(
            self.tr("Freed space by category"),
            by_category(self.services.catalog, {t.target_id: t.freed for t in result.targets}),
        )
        self.summary.show_disk(result.disk_free_before, result.disk_free_after, result.bytes)
        headline, detail = cleaned_text(result, len(skips))
        self.summary.show_message(headline, detail)
        self.files_caption.setText(self.tr("Scan again to see what is left."))
        if skips:
            self.tabs.setCurrentWidget(self.skips_view)
        self.statusBar().showMessage(headline, 15_000)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._clean_after_scan = False
        self.phase_label.setText(self.tr("Stopped by an error."))
        self.summary.show_message(self.tr("Something went wrong"), message)
        self.statusBar().showMessage(message, 15_000)

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
        names = ", ".join(target_label(t) for t in targets)
        self.files_caption.setText(
            self.tr("{0}: {1} files").format(names, f"{len(entries):,}") if targets else ""
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

    # --- helpers -----------------------------------------------------------------------------
    def _scan_skips(self) -> tuple[Skip, ...]:
        plan = self.session.result_plan
        return plan.skipped if plan is not None else ()

    def show_and_raise(self) -> None:
        """Bring the window forward (tray "Open", a second launch)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.keep_running_in_tray:
            # The tray icon keeps the app (and the schedule) alive: closing only hides.
            event.ignore()
            self.hide()
            return
        self.session.stop()
        event.accept()
        self.quitRequested.emit()
