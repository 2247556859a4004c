"""The main window: choose targets, scan, review the files, clean, and read the results."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.engine.model import CleanResult, Phase, PlanEntry, Progress, Skip
from onecleaner.gui.catalog_text import app_name, target_label
from onecleaner.gui.confirm import Dialogs, RunningChoice
from onecleaner.gui.delegates import RiskBadgeDelegate
from onecleaner.gui.export import all_skips, export_results
from onecleaner.gui.models import FileTableModel, SkipTableModel, not_found_text
from onecleaner.gui.services import AppServices
from onecleaner.gui.session import CleaningSession, Stage
from onecleaner.gui.summary import SummaryView
from onecleaner.gui.target_tree import TargetFigures, TargetTreeModel, group_targets
from onecleaner.gui.units import human_size
from onecleaner.gui.workers import CloseOutcome, ScanOutcome

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
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
        self._build_models()
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._update_buttons()
        # An explicit minimum keeps the layout from resizing the window's limits each time a
        # label changes (and keeps the window usable on small screens).
        self.setMinimumSize(760, 480)
        self.resize(1100, 720)
        for message in services.messages:
            self.statusBar().showMessage(message, 15_000)

    # --- construction ------------------------------------------------------------------------
    def _build_models(self) -> None:
        groups = group_targets(self.services.catalog, self.services.env.os)
        self.target_model = TargetTreeModel(groups, self.services.quick_target_ids(), self)
        self.target_model.set_missing(self.services.missing_target_ids())
        self.file_model = FileTableModel(self.session.selection, self)
        self.skip_model = SkipTableModel(self)

    def _build_widgets(self) -> None:
        self.banner = _make_banner(self, self.services)

        self.tree = QTreeView()
        self.tree.setObjectName("targetTree")
        self.tree.setModel(self.target_model)
        self.tree.setAccessibleName(self.tr("What to clean"))
        self.tree.setAccessibleDescription(
            self.tr("Tick the items to scan and clean; the sizes appear after a scan.")
        )
        self.tree.setItemDelegateForColumn(TargetTreeModel.RISK, RiskBadgeDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TargetTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that re-measures every row on each
        # change, and filling the sizes after a scan then froze the window for a second.
        metrics = self.tree.fontMetrics()
        widths = {
            TargetTreeModel.RISK: metrics.horizontalAdvance("Privacy") + 32,
            TargetTreeModel.SIZE: max(
                metrics.horizontalAdvance(text) for text in ("999.9 MB", not_found_text())
            )
            + 24,
            TargetTreeModel.FILES: metrics.horizontalAdvance("999,999") + 24,
        }
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)

        self.summary = SummaryView()

        self.files_view = QTableView()
        self.files_view.setObjectName("fileTable")
        self.files_view.setModel(self.file_model)
        self.files_view.setAccessibleName(self.tr("Files to remove"))
        self.files_view.setAccessibleDescription(
            self.tr("Untick a file to keep it; press Space to tick or untick the current file.")
        )
        _setup_big_table(self.files_view, stretch=FileTableModel.PATH)
        metrics = self.files_view.fontMetrics()
        files_header = self.files_view.horizontalHeader()
        files_header.resizeSection(FileTableModel.SIZE, metrics.horizontalAdvance("999.9 MB") + 28)
        files_header.resizeSection(
            FileTableModel.MODIFIED, metrics.horizontalAdvance("2000-00-00 00:00") + 28
        )
        self.tick_all = QPushButton(self.tr("Tick a&ll"))
        self.tick_all.setAccessibleName(self.tr("Tick all files shown"))
        self.untick_all = QPushButton(self.tr("&Untick all"))
        self.untick_all.setAccessibleName(self.tr("Untick all files shown"))
        self.files_caption = QLabel(self.tr("Scan, then pick an item to see its files."))
        self.files_caption.setWordWrap(True)
        files_bar = QHBoxLayout()
        files_bar.addWidget(self.files_caption, 1)
        files_bar.addWidget(self.tick_all)
        files_bar.addWidget(self.untick_all)
        files_page = QWidget()
        files_layout = QVBoxLayout(files_page)
        files_layout.setContentsMargins(0, 4, 0, 0)
        files_layout.addLayout(files_bar)
        files_layout.addWidget(self.files_view, 1)

        self.skips_view = QTableView()
        self.skips_view.setObjectName("skipTable")
        self.skips_view.setModel(self.skip_model)
        self.skips_view.setAccessibleName(self.tr("Items left alone, with the reason"))
        _setup_big_table(self.skips_view, stretch=SkipTableModel.REASON)
        self.skips_view.horizontalHeader().resizeSection(SkipTableModel.PATH, 380)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Files and items left alone"))
        self.tabs.addTab(files_page, self.tr("&Files"))
        self.tabs.addTab(self.skips_view, self.tr("Left &alone"))

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.summary)
        right.addWidget(self.tabs)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([480, 620])
        self.splitter.setChildrenCollapsible(False)

        self.phase_label = QLabel(self.tr("Ready."))
        self.phase_label.setAccessibleName(self.tr("What is happening"))
        self.phase_label.setMinimumWidth(120)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.current_label = QLabel("")
        self.current_label.setAccessibleName(self.tr("Current folder"))
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setMinimumWidth(10)
        self.scan_button = QPushButton(self.tr("&Scan"))
        self.scan_button.setAccessibleName(self.tr("Scan the ticked items"))
        self.clean_button = QPushButton(self.tr("&Clean…"))
        self.clean_button.setAccessibleName(self.tr("Clean the scanned files"))
        self.cancel_button = QPushButton(self.tr("Cance&l"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running scan or clean"))
        self.scan_button.setDefault(True)

        status = QVBoxLayout()
        status.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.phase_label)
        top.addWidget(self.progress, 1)
        status.addLayout(top)
        status.addWidget(self.current_label)
        actions = QHBoxLayout()
        actions.addLayout(status, 1)
        actions.addSpacing(12)
        actions.addWidget(self.scan_button)
        actions.addWidget(self.clean_button)
        actions.addWidget(self.cancel_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        if self.banner is not None:
            layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        self.setCentralWidget(central)

        # Keyboard order follows reading order: targets, summary, files, then the actions.
        QWidget.setTabOrder(self.tree, self.summary.export_button)
        QWidget.setTabOrder(self.summary.export_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.tick_all)
        QWidget.setTabOrder(self.tick_all, self.untick_all)
        QWidget.setTabOrder(self.untick_all, self.files_view)
        QWidget.setTabOrder(self.files_view, self.skips_view)
        QWidget.setTabOrder(self.skips_view, self.scan_button)
        QWidget.setTabOrder(self.scan_button, self.clean_button)
        QWidget.setTabOrder(self.clean_button, self.cancel_button)

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.scan_action = self._action(
            self.tr("&Scan"), self.scan, QKeySequence.StandardKey.Refresh
        )
        self.clean_action = self._action(self.tr("&Clean…"), self.clean, "Ctrl+Return")
        self.cancel_action = self._action(self.tr("C&ancel"), self.cancel, "Esc")
        self.export_action = self._action(self.tr("&Export results…"), self.export, "Ctrl+E")
        quit_action = self._action(
            self.tr("&Quit"), self.quitRequested, QKeySequence.StandardKey.Quit
        )
        settings_action = self._action(
            self.tr("&Settings…"), self.settingsRequested, QKeySequence.StandardKey.Preferences
        )
        if settings_action.shortcut().isEmpty():
            settings_action.setShortcut(QKeySequence("Ctrl+,"))
        select_quick = self._action(self.tr("Select the &quick preset"), self.select_quick)
        select_all = self._action(self.tr("Select &all"), self.select_all, "Ctrl+Shift+A")
        select_none = self._action(self.tr("Select &none"), self.select_none, "Ctrl+Shift+N")
        focus_tree = self._action(self.tr("Go to the &items"), self.tree.setFocus, "Alt+1")
        focus_files = self._action(self.tr("Go to the &files"), self._focus_files, "Alt+2")

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.scan_action, self.clean_action, self.cancel_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (select_quick, select_all, select_none):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(settings_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(focus_tree)
        view_menu.addAction(focus_files)

    def _connect(self) -> None:
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
        if progress.phase is Phase.SCAN:
            self.phase_label.setText(
                self.tr("Scanning: {0} files, {1}").format(
                    f"{progress.files:,}", human_size(progress.bytes)
                )
            )
        elif progress.phase in (Phase.CLEAN, Phase.PRUNE):
            self.phase_label.setText(
                self.tr("Cleaning: {0} files removed, {1} freed").format(
                    f"{progress.files:,}", human_size(progress.bytes)
                )
            )
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
        sizes = self._by_category(outcome.target_bytes)
        self.summary.show_chart(self.tr("Reclaimable space by category"), sizes)
        self.summary.show_disk(
            outcome.disk_free, None, outcome.bytes - self.session.selection.bytes
        )
        if plan.cancelled:
            self.summary.show_message(
                self.tr("Scan cancelled: {0} in {1} files found so far").format(
                    human_size(outcome.bytes), f"{plan.files:,}"
                ),
                self.tr("Scan again to clean."),
            )
        self._show_files_of_current(default_first=True)
        count_skips = len(plan.skipped)
        self.statusBar().showMessage(
            self.tr("Scan finished: {0} in {1} files; {2} items left alone.").format(
                human_size(outcome.bytes), f"{plan.files:,}", f"{count_skips:,}"
            ),
            15_000,
        )
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
            self._by_category({t.target_id: t.freed for t in result.targets}),
        )
        self.summary.show_disk(result.disk_free_before, result.disk_free_after, result.bytes)
        verb = self.tr("Moved to the trash") if result.mode.value == "trash" else self.tr("Freed")
        headline = self.tr("{0} {1}: {2} files removed").format(
            verb, human_size(result.bytes), f"{result.files:,}"
        )
        if result.cancelled:
            headline = self.tr(
                "Cleaning cancelled: {0} files removed ({1}) before stopping"
            ).format(f"{result.files:,}", human_size(result.bytes))
        detail = (
            self.tr("{0} items were left alone; see “Left alone” for the reasons.").format(
                f"{len(skips):,}"
            )
            if skips
            else self.tr("Nothing was left alone.")
        )
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
        plan = outcome.plan
        text = self.tr("Ready to free {0} in {1} files").format(
            human_size(outcome.bytes - selection.bytes), f"{plan.files - selection.count:,}"
        )
        detail = (
            self.tr("{0} files unticked stay where they are.").format(f"{selection.count:,}")
            if selection.count
            else self.tr("Untick single files below to keep them.")
        )
        if not plan.cancelled:
            self.summary.show_message(text, detail)
        self._update_buttons()

    # --- helpers -----------------------------------------------------------------------------
    def _by_category(self, per_target: dict[str, int]) -> dict[str, int]:
        """Sizes summed per application (the chart's categories, named in the UI language)."""
        sizes: dict[str, int] = {}
        catalog = self.services.catalog
        for target_id, size in per_target.items():
            try:
                name = app_name(catalog.app_of(target_id))
            except Exception:  # a target the catalog no longer knows keeps its own id
                name = target_id
            sizes[name] = sizes.get(name, 0) + size
        return sizes

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


def _setup_big_table(view: QTableView, *, stretch: int) -> None:
    """A table that stays smooth with 200,000 rows: fixed row heights, no content sizing."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    horizontal = view.horizontalHeader()
    horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    horizontal.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    horizontal.setHighlightSections(False)


def _make_banner(parent: QWidget, services: AppServices) -> QWidget | None:
    """The end-of-service banner, when the privacy parts are installed (hidden without notice)."""
    if services.privacy is None:
        return None
    try:
        from onecleaner.gui.notice_banner import NoticeBanner
    except ImportError:
        return None
    try:
        return NoticeBanner(parent, privacy=services.privacy)
    except Exception:  # a broken notice must not keep the window from opening
        log.warning("could not show the service notice banner", exc_info=True)
        return None
