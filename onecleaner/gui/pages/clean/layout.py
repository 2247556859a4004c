"""The main window's frame: its models, widgets, menus and keyboard order, laid out (no logic)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
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

from onecleaner.gui.pages.clean.delegates import RiskBadgeDelegate
from onecleaner.gui.pages.clean.models import (
    FileSelection,
    FileTableModel,
    SkipTableModel,
    not_found_text,
)
from onecleaner.gui.pages.clean.summary import SummaryView
from onecleaner.gui.pages.clean.target_tree import TargetTreeModel, group_targets
from onecleaner.gui.services import AppServices

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the context these texts always had


class WindowLayout(QMainWindow):
    """The widgets and menus of `MainWindow`, built and laid out; the window wires them up."""

    def _build_models(self, services: AppServices, selection: FileSelection) -> None:
        """The target tree's, files' and left-alone items' models."""
        groups = group_targets(services.catalog, services.env.os)
        self.target_model = TargetTreeModel(groups, services.quick_target_ids(), self)
        self.target_model.set_missing(services.missing_target_ids())
        self.file_model = FileTableModel(selection, self)
        self.skip_model = SkipTableModel(self)

    def _build_widgets(self, services: AppServices) -> None:
        """The widgets over the models, laid out, in reading order for the keyboard."""
        self.banner = _make_banner(self, services)

        self.tree = QTreeView()
        self.tree.setObjectName("targetTree")
        self.tree.setModel(self.target_model)
        self.tree.setAccessibleName(_tr("What to clean"))
        self.tree.setAccessibleDescription(
            _tr("Tick the items to scan and clean; the sizes appear after a scan.")
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
        self.files_view.setAccessibleName(_tr("Files to remove"))
        self.files_view.setAccessibleDescription(
            _tr("Untick a file to keep it; press Space to tick or untick the current file.")
        )
        _setup_big_table(self.files_view, stretch=FileTableModel.PATH)
        metrics = self.files_view.fontMetrics()
        files_header = self.files_view.horizontalHeader()
        files_header.resizeSection(FileTableModel.SIZE, metrics.horizontalAdvance("999.9 MB") + 28)
        files_header.resizeSection(
            FileTableModel.MODIFIED, metrics.horizontalAdvance("2000-00-00 00:00") + 28
        )
        self.tick_all = QPushButton(_tr("Tick a&ll"))
        self.tick_all.setAccessibleName(_tr("Tick all files shown"))
        self.untick_all = QPushButton(_tr("&Untick all"))
        self.untick_all.setAccessibleName(_tr("Untick all files shown"))
        self.files_caption = QLabel(_tr("Scan, then pick an item to see its files."))
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
        self.skips_view.setAccessibleName(_tr("Items left alone, with the reason"))
        _setup_big_table(self.skips_view, stretch=SkipTableModel.REASON)
        self.skips_view.horizontalHeader().resizeSection(SkipTableModel.PATH, 380)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_tr("Files and items left alone"))
        self.tabs.addTab(files_page, _tr("&Files"))
        self.tabs.addTab(self.skips_view, _tr("Left &alone"))

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

        self.phase_label = QLabel(_tr("Ready."))
        self.phase_label.setAccessibleName(_tr("What is happening"))
        self.phase_label.setMinimumWidth(120)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_tr("Progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.current_label = QLabel("")
        self.current_label.setAccessibleName(_tr("Current folder"))
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setMinimumWidth(10)
        self.scan_button = QPushButton(_tr("&Scan"))
        self.scan_button.setAccessibleName(_tr("Scan the ticked items"))
        self.clean_button = QPushButton(_tr("&Clean…"))
        self.clean_button.setAccessibleName(_tr("Clean the scanned files"))
        self.cancel_button = QPushButton(_tr("Cance&l"))
        self.cancel_button.setAccessibleName(_tr("Cancel the running scan or clean"))
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
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        """The menus and their actions with shortcuts (MainWindow connects what they do)."""
        self.scan_action = self._action(_tr("&Scan"), QKeySequence.StandardKey.Refresh)
        self.clean_action = self._action(_tr("&Clean…"), "Ctrl+Return")
        self.cancel_action = self._action(_tr("C&ancel"), "Esc")
        self.export_action = self._action(_tr("&Export results…"), "Ctrl+E")
        self.quit_action = self._action(_tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.settings_action = self._action(_tr("&Settings…"), QKeySequence.StandardKey.Preferences)
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.select_quick_action = self._action(_tr("Select the &quick preset"))
        self.select_all_action = self._action(_tr("Select &all"), "Ctrl+Shift+A")
        self.select_none_action = self._action(_tr("Select &none"), "Ctrl+Shift+N")
        self.focus_tree_action = self._action(_tr("Go to the &items"), "Alt+1")
        self.focus_files_action = self._action(_tr("Go to the &files"), "Alt+2")

        file_menu = self.menuBar().addMenu(_tr("&File"))
        for action in (self.scan_action, self.clean_action, self.cancel_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(_tr("&Edit"))
        for action in (self.select_quick_action, self.select_all_action, self.select_none_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = self.menuBar().addMenu(_tr("&View"))
        view_menu.addAction(self.focus_tree_action)
        view_menu.addAction(self.focus_files_action)


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
        from onecleaner.gui.widgets.notice_banner import NoticeBanner
    except ImportError:
        return None
    try:
        return NoticeBanner(parent, privacy=services.privacy)
    except Exception:  # a broken notice must not keep the window from opening
        log.warning("could not show the service notice banner", exc_info=True)
        return None
