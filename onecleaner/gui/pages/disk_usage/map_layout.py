"""The Disk usage map's frame: breadcrumb, treemap, folder list, status and buttons, laid out
and named (no behaviour: MapTab wires them up)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.i18n import Texts
from onecleaner.gui.pages.disk_usage.folder_list import FolderListModel
from onecleaner.gui.theme import SPACING
from onecleaner.gui.units import size_width
from onecleaner.gui.widgets.breadcrumb import Breadcrumb
from onecleaner.gui.widgets.treemap import TreemapWidget


class MapLayout(QWidget):
    """The widgets of `MapTab`, built and laid out in reading order, their texts bound."""

    def _build(self) -> QShortcut:
        """Make the widgets; returns the Backspace shortcut (the tab connects it)."""
        self.texts = Texts()
        bind = self.texts.bind

        self.breadcrumb = Breadcrumb(self)
        self.total = QLabel(self)
        self.total.setProperty("role", "muted")
        top = QHBoxLayout()
        top.addWidget(self.breadcrumb, 1)
        top.addWidget(self.total)

        self.treemap = TreemapWidget(self)
        self.treemap.setObjectName("treemap")

        self.model = FolderListModel(self)
        self.list = QTableView(self)
        self.list.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.list.setObjectName("folderList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.verticalHeader().setVisible(False)
        self.list.verticalHeader().setDefaultSectionSize(self.list.fontMetrics().height() + 8)
        head = self.list.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(FolderListModel.NAME, QHeaderView.ResizeMode.Stretch)
        metrics = self.list.fontMetrics()
        head.resizeSection(FolderListModel.SIZE, size_width(metrics) + 28)
        head.resizeSection(FolderListModel.SHARE, metrics.horizontalAdvance("100.0%") + 28)
        head.resizeSection(FolderListModel.FILES, metrics.horizontalAdvance("9,999,999") + 24)
        self.list.setSortingEnabled(True)
        head.setSortIndicator(FolderListModel.SIZE, Qt.SortOrder.DescendingOrder)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.treemap)
        split.addWidget(self.list)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([560, 380])
        self.splitter = split

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current = QLabel(self)
        self.current.setProperty("role", "muted")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setMinimumWidth(10)
        self.current.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.scan_button = QPushButton(self)
        self.scan_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        status = QVBoxLayout()
        status.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(self.status, 3)
        line.addWidget(self.progress, 2)
        status.addLayout(line)
        status.addWidget(self.current)
        actions = QHBoxLayout()
        actions.setSpacing(SPACING)
        actions.addLayout(status, 1)
        actions.addWidget(self.scan_button)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        back = QShortcut(QKeySequence(Qt.Key.Key_Backspace), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        bind(self.scan_button.setText, lambda: self.tr("&Scan"))
        bind(
            self.scan_button.setToolTip,
            lambda: self.tr("Measure every folder in the folder chosen (nothing is removed)"),
        )
        bind(self.cancel_button.setText, lambda: self.tr("Cance&l"))
        bind(self.list.setAccessibleName, lambda: self.tr("Folders, largest first"))
        bind(
            self.list.setAccessibleDescription,
            lambda: self.tr(
                "Enter opens a folder, Backspace goes back up; the menu key offers to move a "
                "folder to the trash or open it."
            ),
        )
        bind(self.breadcrumb.setAccessibleName, lambda: self.tr("Where the map is"))
        bind(self.status.setAccessibleName, lambda: self.tr("What is happening"))
        bind(self.progress.setAccessibleName, lambda: self.tr("Progress"))
        return back
