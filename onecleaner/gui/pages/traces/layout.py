"""The Browser traces page's frame: its widgets laid out, their fixed texts (no logic)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.i18n import Texts
from onecleaner.gui.pages.traces.keep_list import KeepListEditor
from onecleaner.gui.pages.traces.model import TracesModel
from onecleaner.gui.theme import GAP, MARGIN, SPACING


def _card(parent: QWidget) -> QFrame:
    card = QFrame(parent)
    card.setProperty("role", "card")
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return card


class TracesLayout(QWidget):
    """The widgets of `TracesPage`, built and laid out; the page wires them up."""

    def _build_widgets(self, data_dir: Path) -> None:
        self.texts = Texts()
        bind = self.texts.bind
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        bind(self.title.setText, lambda: self.tr("Browser traces"))
        self.scan_button = QPushButton(self)
        bind(self.scan_button.setText, lambda: self.tr("&Scan again"))
        bind(
            self.scan_button.setAccessibleName,
            lambda: self.tr("Count the browsers' traces again"),
        )
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.scan_button)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        bind(
            self.intro.setText,
            lambda: self.tr(
                "What your browsers keep about the sites you visit, in every profile. Nothing "
                "is removed until you tick it and press Clean; saved passwords, bookmarks and "
                "site settings always stay."
            ),
        )

        # --- a running browser, named ---------------------------------------------------------
        self.running_note = QFrame(self)
        self.running_note.setObjectName("runningNote")
        self.running_note.setProperty("role", "note")
        self.running_note.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.running_text = QLabel(self.running_note)
        self.running_text.setWordWrap(True)
        self.close_button = QPushButton(self.running_note)
        running_row = QHBoxLayout(self.running_note)
        running_row.setContentsMargins(GAP, SPACING, GAP, SPACING)
        running_row.addWidget(self.running_text, 1)
        running_row.addWidget(self.close_button)
        self.running_note.hide()

        # --- the browsers and their traces ----------------------------------------------------
        left = _card(self)
        self.model = TracesModel(parent=self)
        self.table = QTableView(left)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setObjectName("tracesTable")
        self.table.setProperty("role", "roomy")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Two lines a row (the count, then the size), as tall as the language's script needs:
        # a few rows, so measuring them costs nothing.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(TracesModel.BROWSER, QHeaderView.ResizeMode.ResizeToContents)
        head.setHighlightSections(False)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        bind(self.table.setAccessibleName, lambda: self.tr("Browsers and their traces"))
        bind(
            self.table.setAccessibleDescription,
            lambda: self.tr("Tick the traces to clean; press Space to tick the current one."),
        )
        self.none_found = QLabel(left)
        self.none_found.setWordWrap(True)
        self.none_found.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        bind(
            self.none_found.setText,
            lambda: self.tr(
                "No supported browser was found on this computer (Chromium, Google Chrome, "
                "Microsoft Edge, Brave, Opera, Vivaldi, Firefox)."
            ),
        )
        self.table_stack = QStackedWidget(left)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.none_found)
        self.explain = QLabel(left)
        self.explain.setObjectName("tracesExplanation")
        self.explain.setWordWrap(True)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results = QLabel(left)
        self.results.setObjectName("tracesResults")
        self.results.setWordWrap(True)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results.hide()
        self.explain.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        table_column = QVBoxLayout()
        table_column.setSpacing(GAP)
        table_column.addWidget(self.table_stack)
        table_column.addWidget(self.results)
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        left_layout.setSpacing(MARGIN)
        left_layout.addLayout(table_column, 3)
        left_layout.addWidget(self.explain, 2)
        self.browsers_card = left

        # --- the keep-list ----------------------------------------------------------------------
        right = _card(self)
        self.keep_editor = KeepListEditor(data_dir, right)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        right_layout.addWidget(self.keep_editor)
        self.keep_card = right

        # --- status and actions -------------------------------------------------------------------
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        bind(self.status.setAccessibleName, lambda: self.tr("What is happening"))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.hide()
        bind(self.progress.setAccessibleName, lambda: self.tr("Progress"))
        self.cancel_button = QPushButton(self)
        bind(self.cancel_button.setText, lambda: self.tr("Cance&l"))
        bind(
            self.cancel_button.setAccessibleName,
            lambda: self.tr("Cancel the running scan or clean"),
        )
        self.clean_button = QPushButton(self)
        bind(self.clean_button.setText, lambda: self.tr("&Clean…"))
        bind(self.clean_button.setAccessibleName, lambda: self.tr("Clean the ticked traces"))
        footer = QHBoxLayout()
        footer.setSpacing(SPACING)
        footer.addWidget(self.status, 3)
        footer.addWidget(self.progress, 2)
        footer.addSpacing(GAP)
        # Cancel last, as on the Clean and Disk usage pages.
        footer.addWidget(self.clean_button)
        footer.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP, MARGIN, GAP)
        layout.setSpacing(GAP)
        layout.addLayout(header)
        layout.addWidget(self.intro)
        layout.addWidget(self.running_note)
        layout.addWidget(self.browsers_card)
        layout.addWidget(self.keep_card, 1)
        layout.addLayout(footer)

        QWidget.setTabOrder(self.scan_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.table)
        QWidget.setTabOrder(self.table, self.keep_editor.field)
        QWidget.setTabOrder(self.keep_editor.suggestions, self.clean_button)
        QWidget.setTabOrder(self.clean_button, self.cancel_button)
        self.model.modelReset.connect(self.fit_table)
        self.model.dataChanged.connect(lambda *_args: self.fit_table())
        self.fit_table()

    def fit_table(self) -> None:
        """The table as tall as its rows (no empty box under two browsers, no scroll bar)."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
        if not rows:
            rows = self.table.fontMetrics().lineSpacing() * 2 + 12
        height = (
            self.table.horizontalHeader().sizeHint().height() + rows + 2 * self.table.frameWidth()
        )
        self.table.setFixedHeight(height)
        self.table_stack.setFixedHeight(max(height, self.none_found.sizeHint().height()))
