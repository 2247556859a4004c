"""A finder tab's frame: what it looks for, the candidates' table, what was left alone, the
status and buttons, laid out and named (no behaviour: FinderTab wires them up)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from onecleaner.engine.finders import FinderKind
from onecleaner.gui.i18n import Texts
from onecleaner.gui.pages.clean.models import SkipTableModel
from onecleaner.gui.pages.disk_usage.candidates import CandidateModel, Column
from onecleaner.gui.theme import SPACING
from onecleaner.gui.units import size_width


class FinderLayout(QWidget):
    """The widgets of `FinderTab`, built and laid out in reading order, their texts bound."""

    def _build(self, kind: FinderKind, home: str) -> None:
        self.texts = Texts()
        bind = self.texts.bind

        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setProperty("role", "muted")

        self.model = CandidateModel(kind, self, home=home)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setObjectName(f"{kind.value}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The long path stretches: the file's, or an artefact's project (its own name is short).
        long = Column.PROJECT if kind is FinderKind.ARTEFACTS else Column.PATH
        head.setSectionResizeMode(self.model.columns.index(long), QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        widths = {
            Column.PATH: metrics.horizontalAdvance("src/package/__pycache__") + 40,
            Column.SIZE: size_width(metrics) + 28,
            Column.FILES: metrics.horizontalAdvance("999,999") + 24,
            Column.USED: metrics.horizontalAdvance("2026-12-31") + 48,
            Column.NOTE: metrics.horizontalAdvance("Project changed in the last 30 days") + 16,
        }
        for section, column in enumerate(self.model.columns):
            if column in widths:
                head.resizeSection(section, widths[column])
        self.table.setSortingEnabled(True)
        head.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.tick_all = QPushButton(self)
        self.untick_all = QPushButton(self)
        self.headline = QLabel(self)
        self.headline.setProperty("role", "subtitle")
        self.headline.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        summary = QVBoxLayout()
        summary.setSpacing(2)
        summary.addWidget(self.headline)
        summary.addWidget(self.detail)
        ticks = QHBoxLayout()
        ticks.addLayout(summary, 1)
        ticks.addWidget(self.tick_all, 0, Qt.AlignmentFlag.AlignBottom)
        ticks.addWidget(self.untick_all, 0, Qt.AlignmentFlag.AlignBottom)

        self.skip_model = SkipTableModel(self)
        self.skips_view = QTableView(self)
        self.skips_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.skips_view.setObjectName(f"{kind.value}Skips")
        self.skips_view.setModel(self.skip_model)
        self.skips_view.verticalHeader().setVisible(False)
        self.skips_view.setWordWrap(False)
        self.skips_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        skips_head = self.skips_view.horizontalHeader()
        skips_head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        skips_head.setSectionResizeMode(SkipTableModel.REASON, QHeaderView.ResizeMode.Stretch)
        skips_head.resizeSection(SkipTableModel.PATH, 380)
        self.skips_caption = QLabel(self)
        skips_box = QWidget(self)
        skips_layout = QVBoxLayout(skips_box)
        skips_layout.setContentsMargins(0, SPACING, 0, 0)
        skips_layout.addWidget(self.skips_caption)
        skips_layout.addWidget(self.skips_view, 1)
        self.skips_box = skips_box
        skips_box.hide()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(skips_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.current = QLabel(self)
        self.current.setProperty("role", "muted")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setMinimumWidth(10)
        self.current.hide()
        self.find_button = QPushButton(self)
        self.find_button.setDefault(True)
        self.remove_button = QPushButton(self)
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
        actions.addWidget(self.find_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.addWidget(self.description)
        layout.addLayout(ticks)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        bind(self.find_button.setText, lambda: self.tr("&Find"))
        bind(
            self.find_button.setToolTip,
            lambda: self.tr("Search the folder chosen (nothing is removed)"),
        )
        bind(self.cancel_button.setText, lambda: self.tr("Cance&l"))
        bind(self.tick_all.setText, lambda: self.tr("Tick a&ll"))
        bind(self.untick_all.setText, lambda: self.tr("&Untick all"))
        bind(self.table.setAccessibleName, lambda: self.tr("What was found, with ticks"))
        bind(
            self.table.setAccessibleDescription,
            lambda: self.tr(
                "Press Space to tick or untick the current row; the note says why a row is not "
                "ticked. Click a column's title to sort by it."
            ),
        )
        bind(
            self.skips_view.setAccessibleName, lambda: self.tr("Items left alone, with the reason")
        )
        bind(self.status.setAccessibleName, lambda: self.tr("What is happening"))
