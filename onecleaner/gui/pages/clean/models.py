"""Qt models over engine records: the files of a target, the skipped items; shared roles and
words (the target tree is in target_tree.py)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from onecleaner.engine.model import PlanEntry, Risk, Skip
from onecleaner.gui.jobs.base import Job
from onecleaner.gui.jobs.sort import SortColumn, SortOutcome, SortWorker
from onecleaner.gui.skip_text import reason_text
from onecleaner.gui.units import human_size, human_time

Index = QModelIndex | QPersistentModelIndex

#: The invisible root index, the default parent of model methods (one shared instance).
_ROOT = QModelIndex()

#: The role that returns a row's target id (tree) or path (files).
IdRole = Qt.ItemDataRole.UserRole + 1
#: The role that returns a row's Risk (tree), for the badge delegate.
RiskRole = Qt.ItemDataRole.UserRole + 2
#: The role that is True for a tree row whose folders do not exist on this machine.
MissingRole = Qt.ItemDataRole.UserRole + 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


def not_found_text() -> str:
    """What the size column says for a target whose folders are not on this machine."""
    return _tr("not found")


def not_found_explanation() -> str:
    """The tooltip line of such a target."""
    return _tr("Not found on this computer: none of its folders exist here.")


def risk_label(risk: Risk) -> str:
    """The risk as one word for the badge."""
    return {Risk.SAFE: _tr("Safe"), Risk.CARE: _tr("Care"), Risk.PRIVACY: _tr("Privacy")}[risk]


def risk_explanation(risk: Risk) -> str:
    """What the risk level means for the user, for tooltips and screen readers."""
    return {
        Risk.SAFE: _tr("Safe: regenerable cache, nothing you would miss"),
        Risk.CARE: _tr("Care: you may notice it is gone (recent files, logs, trash)"),
        Risk.PRIVACY: _tr("Privacy: history or cookie-like data"),
    }[risk]


def check_state(value: Any) -> Qt.CheckState:
    """A check state from what setData receives (an enum member or its int value)."""
    if isinstance(value, Qt.CheckState):
        return value
    return Qt.CheckState(int(value))


class FileSelection:
    """The files the user unticked, across all targets, with the space they would have freed."""

    def __init__(self) -> None:
        self._unticked: dict[str, int] = {}
        self._bytes = 0  # kept up to date: summing 200k values per tick would lag

    def is_ticked(self, path: str) -> bool:
        return path not in self._unticked

    def untick(self, entries: Iterable[PlanEntry]) -> None:
        for e in entries:
            if e.path not in self._unticked:
                self._unticked[e.path] = e.frees
                self._bytes += e.frees

    def tick(self, entries: Iterable[PlanEntry]) -> None:
        for e in entries:
            self._bytes -= self._unticked.pop(e.path, 0)

    def clear(self) -> None:
        self._unticked.clear()
        self._bytes = 0

    def replace(self, unticked: dict[str, int]) -> None:
        """Start over from a set of unticked paths with their frees (after a new scan)."""
        self._unticked = dict(unticked)
        self._bytes = sum(self._unticked.values())

    def paths(self) -> frozenset[str]:
        return frozenset(self._unticked)

    @property
    def count(self) -> int:
        return len(self._unticked)

    @property
    def bytes(self) -> int:
        return self._bytes


class FileTableModel(QAbstractTableModel):
    """The files a target's clean would remove: a virtual table (no widget, no copy per row).

    The first column is tickable; unticked files are kept in the shared FileSelection and left
    out of the clean (Plan.without). Sorting by a column runs on a worker thread; the rows keep
    their plan order until the new order is swapped in (`sorted` fires then).
    """

    selectionChanged = Signal()
    sorted = Signal()  # a sort's order was swapped in

    PATH, SIZE, MODIFIED = range(3)

    def __init__(
        self, selection: FileSelection, parent: Any = None, home: str | None = None
    ) -> None:
        super().__init__(parent)
        self.selection = selection
        self._entries: Sequence[PlanEntry] = ()
        self._order: list[int] | None = None  # row -> index into _entries, when sorted
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sort_jobs: list[Job] = []
        # Paths in the home folder are shown from "~" (the tooltip has the whole path): the
        # part that tells files apart stays visible in a narrow column. Not on Windows, where
        # "~" is not how people name their profile folder.
        if home is None:
            home = "" if os.name == "nt" else str(Path.home())
        self._home = home.rstrip("/") + "/" if home.strip("/") else ""

    def set_entries(self, entries: Sequence[PlanEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._order = None
        self.endResetModel()
        if self._sort is not None and entries:
            self._start_sort()

    def entries(self) -> Sequence[PlanEntry]:
        return self._entries

    def entry_at(self, row: int) -> PlanEntry:
        return self._entries[self._order[row] if self._order is not None else row]

    # --- sorting, off the GUI thread ---------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (the view calls this when a column title is clicked)."""
        if column < 0:
            self._sort = None
            self._cancel_sorts()
            if self._order is not None:
                self.beginResetModel()
                self._order = None
                self.endResetModel()
            return
        self._sort = (column, order)
        if self._entries:
            self._start_sort()

    def sort_column(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def is_sorting(self) -> bool:
        return bool(self._sort_jobs)

    def _start_sort(self) -> None:
        assert self._sort is not None
        self._cancel_sorts()
        column, order = self._sort
        by = (SortColumn.PATH, SortColumn.FREES, SortColumn.MODIFIED)[column]
        worker = SortWorker(
            self._entries, by, descending=order == Qt.SortOrder.DescendingOrder
        )
        job = Job(worker, self)
        worker.finished.connect(self._on_sorted)
        job.done.connect(lambda: self._forget_sort(job))
        self._sort_jobs.append(job)
        job.start()

    def _cancel_sorts(self) -> None:
        for job in self._sort_jobs:
            job.cancel()

    def _forget_sort(self, job: Job) -> None:
        if job in self._sort_jobs:
            self._sort_jobs.remove(job)
        job.deleteLater()

    def _on_sorted(self, outcome: SortOutcome) -> None:
        wanted = self._sort
        if outcome.order is None or outcome.entries is not self._entries or wanted is None:
            return  # cancelled, or made for rows no longer shown
        column, order = wanted
        if (outcome.column, outcome.descending) != (
            (SortColumn.PATH, SortColumn.FREES, SortColumn.MODIFIED)[column],
            order == Qt.SortOrder.DescendingOrder,
        ):
            return  # an older request; the newer one is on its way
        self.beginResetModel()
        self._order = outcome.order
        self.endResetModel()
        self.sorted.emit()

    def stop(self) -> None:
        """Cancel and wait for the sorting threads (the app is quitting)."""
        for job in list(self._sort_jobs):
            job.stop()

    def retranslate(self) -> None:
        """The column titles are asked again (the language changed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def set_all_ticked(self, ticked: bool) -> None:
        """Tick or untick every file shown."""
        if ticked:
            self.selection.tick(self._entries)
        else:
            self.selection.untick(self._entries)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, self.PATH),
                self.index(len(self._entries) - 1, self.PATH),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.selectionChanged.emit()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return None
        return (_tr("File"), _tr("Frees"), _tr("Modified"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.PATH:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.PATH:
                return self.shown_path(entry.path)
            if col == self.SIZE:
                return human_size(entry.frees)
            return human_time(entry.identity.mtime_ns)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.PATH:
            ticked = self.selection.is_ticked(entry.path)
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and col == self.PATH:
            return entry.path
        if role == IdRole:
            return entry.path
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def shown_path(self, path: str) -> str:
        """A path as the table shows it: from "~" when it is in the home folder."""
        if self._home and path.startswith(self._home):
            return "~/" + path[len(self._home) :]
        return path

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.PATH:
            return False
        entry = self.entry_at(index.row())
        if check_state(value) == Qt.CheckState.Checked:
            self.selection.tick((entry,))
        else:
            self.selection.untick((entry,))
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.selectionChanged.emit()
        return True


class SkipTableModel(QAbstractTableModel):
    """What the engine left alone and why (a virtual table: there may be many)."""

    PATH, REASON = range(2)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._skips: Sequence[Skip] = ()

    def set_skips(self, skips: Sequence[Skip]) -> None:
        self.beginResetModel()
        self._skips = skips
        self.endResetModel()

    def skips(self) -> Sequence[Skip]:
        return self._skips

    def retranslate(self) -> None:
        """Titles and reasons are asked again (the language changed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        if self._skips:
            self.dataChanged.emit(
                self.index(0, self.REASON), self.index(len(self._skips) - 1, self.REASON)
            )

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._skips)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (_tr("Left alone"), _tr("Why"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        skip = self._skips[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return skip.path if index.column() == self.PATH else reason_text(skip.reason)
        return None
