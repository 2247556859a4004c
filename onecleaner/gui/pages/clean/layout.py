"""The Clean page's frame: its models, widgets, actions and keyboard order, laid out (no logic)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.pages.clean.delegates import RiskBadgeDelegate
from onecleaner.gui.pages.clean.models import (
    FileSelection,
    FileTableModel,
    SkipTableModel,
    not_found_text,
)
from onecleaner.gui.pages.clean.summary import SummaryView
from onecleaner.gui.pages.clean.target_tree import TargetTreeModel, group_targets, records_text
from onecleaner.gui.pages.clean.trace_note import TraceNote
from onecleaner.gui.services import AppServices
from onecleaner.gui.theme import GAP, MARGIN, SPACING
from onecleaner.gui.units import size_width


class CleanLayout(QWidget):
    """The widgets and actions of `CleanPage`, built and laid out; the page wires them up."""

    def _build_models(self, services: AppServices, selection: FileSelection) -> None:
        """The target tree's, files' and left-alone items' models."""
        groups = group_targets(services.catalog, services.env.os)
        self.target_model = TargetTreeModel(groups, services.quick_target_ids(), self)
        self.target_model.set_missing(services.missing_target_ids())
        self.target_model.set_keep_list(services.settings.cookie_keep_list)
        self.file_model = FileTableModel(selection, self)
        self.skip_model = SkipTableModel(self)

    def _build_widgets(self) -> None:
        """The widgets over the models, laid out, in reading order for the keyboard."""
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.select_button = QPushButton(self)
        self.select_menu = QMenu(self.select_button)
        self.select_button.setMenu(self.select_menu)
        self.show_all = QCheckBox(self)
        header = QHBoxLayout()
        header.setSpacing(GAP)
        header.addWidget(self.title, 1)
        header.addWidget(self.show_all)
        header.addWidget(self.select_button)

        self.tree = QTreeView()
        self.tree.setObjectName("targetTree")
        self.tree.setModel(self.target_model)
        self.tree.setItemDelegateForColumn(TargetTreeModel.RISK, RiskBadgeDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.expandAll()
        header_view = self.tree.header()
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(TargetTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that re-measures every row on each
        # change, and filling the sizes after a scan then froze the window for a second.
        metrics = self.tree.fontMetrics()
        widths = {
            TargetTreeModel.RISK: metrics.horizontalAdvance("Privacy") + 26,
            TargetTreeModel.SIZE: max(
                size_width(metrics), metrics.horizontalAdvance(not_found_text())
            )
            + 24,
            TargetTreeModel.FILES: max(
                metrics.horizontalAdvance(text) for text in ("999,999", records_text(9999))
            )
            + 16,
        }
        for col, width in widths.items():
            header_view.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header_view.resizeSection(col, width)

        self.summary = SummaryView()

        self.files_view = QTableView()
        self.files_view.setObjectName("fileTable")
        self.files_view.setModel(self.file_model)
        _setup_big_table(self.files_view, stretch=FileTableModel.PATH)
        # Sorting by a column: the model sorts on a worker thread and swaps the order in.
        self.files_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.files_view.setSortingEnabled(True)
        metrics = self.files_view.fontMetrics()
        files_header = self.files_view.horizontalHeader()
        files_header.resizeSection(FileTableModel.SIZE, size_width(metrics) + 36)
        files_header.resizeSection(
            FileTableModel.MODIFIED, metrics.horizontalAdvance("2000-00-00 00:00") + 36
        )
        self.tick_all = QPushButton()
        self.untick_all = QPushButton()
        self.files_caption = QLabel()
        self.files_caption.setWordWrap(True)
        files_bar = QHBoxLayout()
        files_bar.addWidget(self.files_caption, 1)
        files_bar.addWidget(self.tick_all)
        files_bar.addWidget(self.untick_all)
        files_page = QWidget()
        files_layout = QVBoxLayout(files_page)
        files_layout.setContentsMargins(0, SPACING, 0, 0)
        files_layout.addLayout(files_bar)
        files_layout.addWidget(self.files_view, 1)

        self.skips_view = QTableView()
        self.skips_view.setObjectName("skipTable")
        self.skips_view.setModel(self.skip_model)
        _setup_big_table(self.skips_view, stretch=SkipTableModel.REASON)
        self.skips_view.horizontalHeader().resizeSection(SkipTableModel.PATH, 380)

        self.tabs = QTabWidget()
        self.files_page = files_page
        self.tabs.addTab(files_page, "")
        self.tabs.addTab(self.skips_view, "")

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
        self.splitter.setSizes([560, 520])  # the tree: whole names beside the count column
        self.splitter.setChildrenCollapsible(False)

        # One status line: what is happening or what just happened (never repeated elsewhere).
        self.phase_label = QLabel()
        self.phase_label.setMinimumWidth(120)
        self.phase_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.hide()  # shown while work runs
        self.current_label = QLabel("")
        self.current_label.setProperty("role", "muted")
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setMinimumWidth(10)
        self.current_label.hide()
        self.scan_button = QPushButton()
        self.clean_button = QPushButton()
        self.cancel_button = QPushButton()
        self.scan_button.setDefault(True)

        status = QVBoxLayout()
        status.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.phase_label, 3)
        top.addWidget(self.progress, 2)
        status.addLayout(top)
        status.addWidget(self.current_label)
        actions = QHBoxLayout()
        actions.setSpacing(SPACING)
        actions.addLayout(status, 1)
        actions.addSpacing(GAP)
        actions.addWidget(self.scan_button)
        actions.addWidget(self.clean_button)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP, MARGIN, GAP)
        layout.setSpacing(GAP)
        self.trace_note = TraceNote(self)
        layout.addLayout(header)
        layout.addWidget(self.trace_note)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

        # Keyboard order follows reading order: tools, targets, summary, files, then actions.
        QWidget.setTabOrder(self.show_all, self.select_button)
        QWidget.setTabOrder(self.select_button, self.tree)
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
        self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        """The page's actions with shortcuts (the window makes them work anywhere in it)."""
        self.scan_action = self._action(QKeySequence.StandardKey.Refresh)
        if self.scan_action.shortcut().isEmpty():
            self.scan_action.setShortcut(QKeySequence("F5"))
        self.clean_action = self._action("Ctrl+Return")
        self.cancel_action = self._action("Esc")
        self.export_action = self._action("Ctrl+E")
        self.select_quick_action = self._action()
        self.select_all_action = self._action("Ctrl+Shift+A")
        self.select_none_action = self._action("Ctrl+Shift+N")
        self.focus_tree_action = self._action("Alt+1")
        self.focus_files_action = self._action("Alt+2")
        for action in (self.select_quick_action, self.select_all_action, self.select_none_action):
            self.select_menu.addAction(action)

    def retranslate_layout(self) -> None:
        """Every text of the frame, in the UI language."""
        self.title.setText(self.tr("Clean"))
        self.show_all.setText(self.tr("Show items &not on this computer"))
        self.show_all.setToolTip(
            self.tr("Applications whose folders do not exist here are hidden until you show them.")
        )
        self.select_button.setText(self.tr("Se&lect"))
        self.select_button.setAccessibleName(self.tr("Select items"))
        self.tree.setAccessibleName(self.tr("What to clean"))
        self.tree.setAccessibleDescription(
            self.tr("Tick the items to scan and clean; the sizes appear after a scan.")
        )
        self.files_view.setAccessibleName(self.tr("Files to remove"))
        self.files_view.setAccessibleDescription(
            self.tr(
                "Untick a file to keep it; press Space to tick or untick the current file. "
                "Click a column's title to sort by it."
            )
        )
        self.tick_all.setText(self.tr("Tick a&ll"))
        self.tick_all.setAccessibleName(self.tr("Tick all files shown"))
        self.untick_all.setText(self.tr("&Untick all"))
        self.untick_all.setAccessibleName(self.tr("Untick all files shown"))
        self.skips_view.setAccessibleName(self.tr("Items left alone, with the reason"))
        self.tabs.setAccessibleName(self.tr("Files and items left alone"))
        self.tabs.setTabText(0, self.tr("&Files"))
        self.tabs.setTabText(1, self.tr("Left &alone"))
        self.phase_label.setAccessibleName(self.tr("What is happening"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.current_label.setAccessibleName(self.tr("Current folder"))
        self.scan_button.setText(self.tr("&Scan"))
        self.scan_button.setAccessibleName(self.tr("Scan the ticked items"))
        self.scan_button.setToolTip(self.tr("Scan (F5)"))
        self.clean_button.setText(self.tr("&Clean…"))
        self.clean_button.setAccessibleName(self.tr("Clean the scanned files"))
        self.clean_button.setToolTip(self.tr("Clean (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cance&l"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running scan or clean"))
        self.cancel_button.setToolTip(self.tr("Cancel (Esc)"))
        self.scan_action.setText(self.tr("Scan"))
        self.clean_action.setText(self.tr("Clean…"))
        self.cancel_action.setText(self.tr("Cancel"))
        self.export_action.setText(self.tr("Export results…"))
        self.select_quick_action.setText(self.tr("The &quick clean's items"))
        self.select_all_action.setText(self.tr("&All items except browser traces"))
        self.select_none_action.setText(self.tr("&No items"))
        self.focus_tree_action.setText(self.tr("Go to the items"))
        self.focus_files_action.setText(self.tr("Go to the files"))
        self.summary.retranslate()


def _setup_big_table(view: QTableView, *, stretch: int) -> None:
    """A table that stays smooth with 200,000 rows: fixed row heights, no content sizing."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
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
