"""The folder list beside the treemap: the subfolders of the folder shown (and the files directly
in it), with size, share and files, sortable by any column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from onecleaner.engine.finders import UsageNode
from onecleaner.gui.pages.disk_usage.usage_tree import loose
from onecleaner.gui.units import human_size
from onecleaner.gui.widgets.treemap import share_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: The role giving a row's folder name ("" for the row of files directly in the folder).
NameRole = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("FolderList", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("FolderList", text, None, n)


@dataclass(frozen=True, slots=True)
class FolderRow:
    """One row: a subfolder, or (name "") the files directly in the folder shown."""

    name: str
    bytes: int
    files: int
    unreadable: bool = False
    has_children: bool = False


class FolderListModel(QAbstractTableModel):
    """The rows of one folder of the usage map; sorting reorders them in place (a folder holds
    thousands of subfolders at most, so the GUI thread sorts them in milliseconds)."""

    NAME, SIZE, SHARE, FILES = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FolderRow] = []
        self._total = 0
        self._sort: tuple[int, Qt.SortOrder] = (self.SIZE, Qt.SortOrder.DescendingOrder)

    def set_node(self, node: UsageNode | None) -> None:
        rows = [
            FolderRow(c.name, c.bytes, c.files, c.unreadable, bool(c.children))
            for c in (node.children if node is not None else ())
        ]
        if node is not None:
            size, files = loose(node)
            if files > 0:  # (a folder's own entry alone is not worth a row)
                rows.append(FolderRow("", size, files))
        self.beginResetModel()
        self._rows = rows
        self._total = node.bytes if node is not None else 0
        self._order_rows()
        self.endResetModel()

    def rows(self) -> list[FolderRow]:
        return list(self._rows)

    def row_of(self, name: str) -> int:
        """The row of a subfolder by name; -1 when it is not listed."""
        return next((i for i, r in enumerate(self._rows) if r.name == name and name), -1)

    def row_at(self, row: int) -> FolderRow:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.FILES)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.FILES))

    # --- sorting ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            column, order = self.SIZE, Qt.SortOrder.DescendingOrder
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._order_rows()
        self.layoutChanged.emit()

    def _order_rows(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self.NAME:
            # The row of loose files stays last either way.
            self._rows.sort(key=lambda r: r.name.casefold(), reverse=descending)
            self._rows.sort(key=lambda r: r.name == "")
            return
        sign = -1 if descending else 1
        if column == self.FILES:
            self._rows.sort(key=lambda r: (sign * r.files, r.name.casefold()))
        else:  # size and share: ties by name, as the map orders them
            self._rows.sort(key=lambda r: (sign * r.bytes, r.name.casefold()))

    # --- the model ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Folder"), _tr("Size"), _tr("Share"), _tr("Files"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return row.name or _tr("(files in this folder)")
            if col == self.SIZE:
                return human_size(row.bytes)
            if col == self.SHARE:
                return share_text(row.bytes, self._total)
            return f"{row.files:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            if row.unreadable:
                return _tr("Could not be read entirely: what is inside is not counted.")
            if not row.name:
                return _trn("%Ln file(s) directly in this folder", row.files)
            return None
        if role == NameRole:
            return row.name
        if role == Qt.ItemDataRole.FontRole and not row.name:
            font = QFont()
            font.setItalic(True)
            return font
        return None


__all__ = ["FolderListModel", "FolderRow", "NameRole"]
