"""The viewer of the decrypted activity log: a virtual table model and its dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.i18n import format_datetime
from onecleaner.privacy.errors import PrivacyError

_Index = QModelIndex | QPersistentModelIndex


class LogRecord(Protocol):
    """What the viewer shows of a journal record (privacy.journal.JournalRecord)."""

    @property
    def seq(self) -> int: ...
    @property
    def at(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def text(self) -> str: ...


def _when(at: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(at))
    except ValueError:
        return at


class JournalModel(QAbstractTableModel):
    """The journal's records as rows; only the visible cells are ever formatted."""

    COLUMNS = ("seq", "at", "purpose", "kind", "text")

    def __init__(self, records: Sequence[LogRecord] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[LogRecord] = list(records)

    def set_records(self, records: Sequence[LogRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> LogRecord:
        return self._records[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("#"),
            self.tr("When"),
            self.tr("Purpose"),
            self.tr("Event"),
            self.tr("Text"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "seq":
                return rec.seq
            if column == "at":
                return _when(rec.at)
            return str(getattr(rec, column))
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return rec.text
        if role == Qt.ItemDataRole.UserRole:
            # Sorting by time uses the ISO text, which orders correctly.
            return rec.at if column == "at" else getattr(rec, column)
        return None


class JournalDialog(QDialog):
    """Shows the decrypted activity log, newest last, with a filter box."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        load: Callable[[], Sequence[LogRecord]],
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Activity log"))
        self.resize(820, 480)
        self.model = JournalModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter the log…"))
        self.filter.setAccessibleName(self.tr("Filter the log"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Activity log records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._load = load
        self._note = note
        self.reload()

    def reload(self) -> None:
        """Read the log again (the caller's load function decrypts it)."""
        try:
            records = list(self._load())
        except (PrivacyError, OSError) as exc:  # a lost key or tampered file: say so
            self.model.set_records([])
            self.status.setText(
                self.tr("The activity log could not be read: %1").replace("%1", str(exc))
            )
            return
        self.model.set_records(records)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        text = self.tr("Records: %1.").replace("%1", str(len(records)))
        self.status.setText(f"{text} {self._note}".strip())
