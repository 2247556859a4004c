"""A finder's candidates as a table with ticks: ticked as the finder ticked them, the note saying
why one is not; the user's ticks decide what the plan takes."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from onecleaner.engine.finders import Candidate, FinderKind, Findings
from onecleaner.gui.pages.clean.models import check_state
from onecleaner.gui.pages.disk_usage.texts import day_text, note_detail, note_text, shown_path
from onecleaner.gui.units import human_size

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Candidates", text)


class Column:
    """The columns a finder's table shows (artefacts have a project and a file count)."""

    PATH = "path"
    PROJECT = "project"
    SIZE = "size"
    FILES = "files"
    USED = "used"
    NOTE = "note"


_COLUMNS = {
    FinderKind.LARGE: (Column.PATH, Column.SIZE, Column.USED, Column.NOTE),
    FinderKind.OLD: (Column.PATH, Column.SIZE, Column.USED, Column.NOTE),
    FinderKind.ARTEFACTS: (
        Column.PATH, Column.PROJECT, Column.SIZE, Column.FILES, Column.USED, Column.NOTE,
    ),
}  # fmt: skip

_SORT_KEYS: dict[str, Callable[[Candidate], Any]] = {
    Column.PATH: lambda c: c.path.casefold(),
    Column.PROJECT: lambda c: (c.project.casefold(), -c.bytes),
    Column.SIZE: lambda c: c.bytes,
    Column.FILES: lambda c: c.files,
    Column.USED: lambda c: c.last_used,
    Column.NOTE: lambda c: (c.ticked, c.unticked.value if c.unticked else ""),
}


class CandidateModel(QAbstractTableModel):
    """The candidates of one finder run; the first column is the tick."""

    ticksChanged = Signal()

    def __init__(self, kind: FinderKind, parent: Any = None, home: str | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = _COLUMNS[kind]
        self._home = home if home is not None else os.path.expanduser("~")
        self._rows: list[Candidate] = []
        self._ticked: set[str] = set()
        self._ticked_bytes = 0

    # --- what it holds ------------------------------------------------------------------------
    def set_findings(self, findings: Findings | None) -> None:
        self.beginResetModel()
        self._rows = list(findings.candidates) if findings is not None else []
        self._ticked = {c.path for c in self._rows if c.ticked}
        self._ticked_bytes = sum(c.bytes for c in self._rows if c.ticked)
        self.endResetModel()
        self.ticksChanged.emit()

    def candidates(self) -> list[Candidate]:
        return list(self._rows)

    def candidate(self, row: int) -> Candidate:
        return self._rows[row]

    def row_of(self, path: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.path == path), -1)

    def ticked_paths(self) -> frozenset[str]:
        return frozenset(self._ticked)

    def ticked(self) -> list[Candidate]:
        return [c for c in self._rows if c.path in self._ticked]

    @property
    def ticked_bytes(self) -> int:
        return self._ticked_bytes

    def is_ticked(self, path: str) -> bool:
        return path in self._ticked

    def set_ticked(self, path: str, ticked: bool) -> None:
        row = self.row_of(path)
        if row < 0 or (path in self._ticked) == ticked:
            return
        candidate = self._rows[row]
        if ticked:
            self._ticked.add(path)
            self._ticked_bytes += candidate.bytes
        else:
            self._ticked.discard(path)
            self._ticked_bytes -= candidate.bytes
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticksChanged.emit()

    def set_all_ticked(self, ticked: bool) -> None:
        self._ticked = {c.path for c in self._rows} if ticked else set()
        self._ticked_bytes = sum(c.bytes for c in self._rows) if ticked else 0
        if self._rows:
            last = self.index(len(self._rows) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])
        self.ticksChanged.emit()

    def remove(self, paths: Collection[str]) -> None:
        """Drop the candidates that are gone (removed by a clean)."""
        gone = set(paths)
        if not gone:
            return
        self.beginResetModel()
        self._rows = [c for c in self._rows if c.path not in gone]
        self._ticked -= gone
        self._ticked_bytes = sum(c.bytes for c in self._rows if c.path in self._ticked)
        self.endResetModel()
        self.ticksChanged.emit()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- sorting ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (a finder lists at most thousands: sorted here at once)."""
        if not 0 <= column < len(self.columns):
            return
        key = _SORT_KEYS[self.columns[column]]
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    # --- the model ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.columns[section]
        artefacts = self.kind is FinderKind.ARTEFACTS
        return {
            Column.PATH: _tr("Build output") if artefacts else _tr("File"),
            Column.PROJECT: _tr("Project"),
            Column.SIZE: _tr("Frees"),
            Column.FILES: _tr("Files"),
            Column.USED: _tr("Project changed") if artefacts else _tr("Last used"),
            Column.NOTE: _tr("Note"),
        }[column]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(c, column)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if c.path in self._ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.PATH, Column.PROJECT):
                return c.path if column == Column.PATH else c.project
            if column == Column.NOTE:
                return note_detail(c) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.SIZE, Column.FILES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, c: Candidate, column: str) -> str:
        if column == Column.PATH:
            if self.kind is FinderKind.ARTEFACTS and c.project:
                return os.path.relpath(c.path, c.project)
            return shown_path(c.path, self._home)
        if column == Column.PROJECT:
            return shown_path(c.project, self._home)
        if column == Column.SIZE:
            return human_size(c.bytes)
        if column == Column.FILES:
            return f"{c.files:,}"
        if column == Column.USED:
            return day_text(c.last_used) if c.last_used > 0 else ""
        return note_text(c)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        c = self._rows[index.row()]
        self.set_ticked(c.path, check_state(value) == Qt.CheckState.Checked)
        return True


__all__ = ["CandidateModel", "Column"]
