"""The Browser traces page's table: one row per installed browser, one tickable cell per kind of
trace (cookies, history, form entries) with what a scan counted in all its profiles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication

from onecleaner.engine.model import Application, Plan, Skip, Target
from onecleaner.engine.reasons import SkipCode
from onecleaner.engine.records.recipes import TraceKind
from onecleaner.gui.catalog_text import app_name, target_description
from onecleaner.gui.pages.clean.models import check_state
from onecleaner.gui.skip_text import code_text, reason_text
from onecleaner.gui.theme import muted_text
from onecleaner.gui.trace_text import kind_label, kind_line, trace_kind
from onecleaner.gui.units import human_size

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: The kinds of trace, in column order.
KINDS = (TraceKind.COOKIES, TraceKind.HISTORY, TraceKind.FORM_HISTORY)
#: The role that returns a cell's target id (or an application id in the browser column).
IdRole = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("TracesModel", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("TracesModel", text, None, n)


@dataclass(frozen=True)
class Browser:
    """An installed browser and its record targets by kind."""

    app: Application
    traces: dict[TraceKind, Target]


@dataclass(frozen=True)
class TraceFigures:
    """What a scan found for one target: rows to remove, bytes they free, what it left alone."""

    records: int
    bytes: int
    databases: int
    skipped: tuple[Skip, ...] = ()


def browsers_of(
    groups: Iterable[tuple[Application, Sequence[Target]]], missing: set[str]
) -> list[Browser]:
    """The browsers with at least one trace target on this machine (not in `missing`)."""
    found = []
    for app, targets in groups:
        traces = {}
        for target in targets:
            kind = trace_kind(target)
            if kind is not None and target.id not in missing:
                traces[kind] = target
        if traces:
            found.append(Browser(app, traces))
    return found


def figures_of(plan: Plan) -> dict[str, TraceFigures]:
    """Each record target's figures in a plan (of a cancelled scan: those it reached)."""
    return {
        tp.target_id: TraceFigures(tp.records, tp.bytes, len(tp.databases), tp.skipped)
        for tp in plan.targets
        if tp.roots or not plan.cancelled  # a target the cancel cut off has no roots
    }


class TracesModel(QAbstractTableModel):
    """Browsers as rows, kinds of trace as tickable cells; nothing ticked at first.

    A cell shows the records a clean removes and the space they take (an estimate), or why
    the scan could not count them (a running browser). Ticking a browser's name ticks all its
    traces.
    """

    checkedChanged = Signal()

    BROWSER = 0

    def __init__(self, browsers: Sequence[Browser] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._browsers = list(browsers)
        self._checked: set[str] = set()
        self._figures: dict[str, TraceFigures] = {}

    # --- queries -------------------------------------------------------------------------
    def browsers(self) -> list[Browser]:
        return list(self._browsers)

    def targets(self) -> list[Target]:
        """Every trace target shown, browser by browser, in column order."""
        return [b.traces[k] for b in self._browsers for k in KINDS if k in b.traces]

    def checked_targets(self) -> list[Target]:
        return [t for t in self.targets() if t.id in self._checked]

    def checked_ids(self) -> list[str]:
        return [t.id for t in self.checked_targets()]

    def target_at(self, index: _Index) -> Target | None:
        if not index.isValid() or index.column() == self.BROWSER:
            return None
        return self._browsers[index.row()].traces.get(KINDS[index.column() - 1])

    def index_of(self, target_id: str) -> QModelIndex:
        for row, browser in enumerate(self._browsers):
            for col, kind in enumerate(KINDS, start=1):
                target = browser.traces.get(kind)
                if target is not None and target.id == target_id:
                    return self.index(row, col)
        return QModelIndex()

    def figures(self, target_id: str) -> TraceFigures | None:
        return self._figures.get(target_id)

    def records(self) -> int:
        """The records counted in all the browsers shown (by the latest scan of each trace)."""
        shown = {t.id for t in self.targets()}
        return sum(f.records for tid, f in self._figures.items() if tid in shown)

    # --- updates -------------------------------------------------------------------------
    def set_browsers(self, browsers: Sequence[Browser]) -> None:
        self.beginResetModel()
        self._browsers = list(browsers)
        self._checked &= {t.id for t in self.targets()}
        self.endResetModel()
        self.checkedChanged.emit()

    def set_checked(self, ids: Iterable[str]) -> None:
        self._checked = set(ids) & {t.id for t in self.targets()}
        self._changed(Qt.ItemDataRole.CheckStateRole)
        self.checkedChanged.emit()

    def update_figures(self, figures: dict[str, TraceFigures]) -> None:
        """Set the figures of the targets a scan covered (the others keep theirs)."""
        self._figures.update(figures)
        self._changed(Qt.ItemDataRole.DisplayRole)

    def clear_figures(self) -> None:
        self._figures.clear()
        self._changed(Qt.ItemDataRole.DisplayRole)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(KINDS))
        self._changed(Qt.ItemDataRole.DisplayRole)

    def _changed(self, role: Qt.ItemDataRole) -> None:
        if self._browsers:
            last = self.index(len(self._browsers) - 1, len(KINDS))
            self.dataChanged.emit(self.index(0, 0), last, [role])

    # --- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._browsers)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(KINDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.BROWSER:
            return _tr("Browser")
        return kind_label(KINDS[section - 1])

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() != self.BROWSER and self.target_at(index) is None:
            return Qt.ItemFlag.NoItemFlags  # this browser keeps no such trace
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def _browser_state(self, browser: Browser) -> Qt.CheckState:
        ticked = sum(1 for t in browser.traces.values() if t.id in self._checked)
        if ticked == 0:
            return Qt.CheckState.Unchecked
        if ticked == len(browser.traces):
            return Qt.CheckState.Checked
        return Qt.CheckState.PartiallyChecked

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        browser = self._browsers[index.row()]
        if index.column() == self.BROWSER:
            if role == Qt.ItemDataRole.DisplayRole:
                return app_name(browser.app)
            if role == Qt.ItemDataRole.CheckStateRole:
                return self._browser_state(browser)
            if role == IdRole:
                return browser.app.id
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr("Tick to select all of this browser's traces.")
            return None
        target = self.target_at(index)
        if target is None:
            return _tr("—") if role == Qt.ItemDataRole.DisplayRole else None
        figures = self._figures.get(target.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figures)
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = target.id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(target, figures)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = kind_label(KINDS[index.column() - 1])
            return f"{app_name(browser.app)}, {kind}: {cell_text(figures).replace(chr(10), ', ')}"
        if role == Qt.ItemDataRole.ForegroundRole and (figures is None or not figures.records):
            return muted_text(QGuiApplication.palette())
        if role == IdRole:
            return target.id
        return None

    def _tooltip(self, target: Target, figures: TraceFigures | None) -> str:
        kind = trace_kind(target)
        lines = [target_description(target)]
        if kind is not None:
            lines.append(kind_line(kind))
        if figures is not None:
            lines.append(
                _trn("Found in %Ln database(s) of its profiles.", figures.databases)
                if figures.databases
                else _tr("Nothing to remove was found.")
            )
            lines.extend(reason_text(s.reason) for s in unique_reasons(figures.skipped))
        return "\n".join(lines)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        browser = self._browsers[index.row()]
        if index.column() == self.BROWSER:
            ids = {t.id for t in browser.traces.values()}
        else:
            target = self.target_at(index)
            if target is None:
                return False
            ids = {target.id}
        if check_state(value) == Qt.CheckState.Checked:
            self._checked |= ids
        else:
            self._checked -= ids
        row = index.row()
        self.dataChanged.emit(
            self.index(row, 0), self.index(row, len(KINDS)), [Qt.ItemDataRole.CheckStateRole]
        )
        self.checkedChanged.emit()
        return True


def unique_reasons(skips: Sequence[Skip]) -> list[Skip]:
    """One skip per distinct reason (a browser's profiles are left alone for the same one)."""
    seen: dict[object, Skip] = {}
    for skip in skips:
        seen.setdefault(skip.reason, skip)
    return list(seen.values())


def cell_text(figures: TraceFigures | None) -> str:
    """A cell's words: the records and their estimated size, or why they were not counted."""
    if figures is None:
        return _tr("not scanned")
    if not figures.records and figures.skipped:
        code = figures.skipped[0].reason.code
        if code in (SkipCode.APP_RUNNING, SkipCode.DATABASE_LOCKED):
            return _tr("browser running")
        return code_text(code)
    if not figures.records:
        return _tr("none")
    count = _trn("%Ln record(s)", figures.records)
    return _tr("%1\nabout %2").replace("%2", human_size(figures.bytes)).replace("%1", count)


__all__ = ["KINDS", "Browser", "TraceFigures", "TracesModel", "browsers_of", "figures_of"]
