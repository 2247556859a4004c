"""The target tree: applications and their targets, tickable, with scanned sizes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication

from onecleaner.engine.model import Application, Risk, Target
from onecleaner.engine.records.recipes import TraceKind
from onecleaner.gui.catalog_text import app_name, target_description, target_label
from onecleaner.gui.pages.clean.models import (
    IdRole,
    Index,
    MissingRole,
    RiskRole,
    check_state,
    not_found_explanation,
    not_found_text,
    risk_explanation,
    risk_label,
)
from onecleaner.gui.theme import accent, muted_text
from onecleaner.gui.trace_text import is_trace, kept_domains_text, trace_kind
from onecleaner.gui.units import human_size

#: The invisible root index, the default parent of model methods (one shared instance).
_ROOT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate("models", text)  # the context the tree's texts always had


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("models", text, None, n)


def records_text(records: int) -> str:
    """A count of browser records for the tree's count column ("57 records")."""
    return _trn("%Ln record(s)", records)


@dataclass(frozen=True)
class TargetFigures:
    """What the tree's size columns show for one target."""

    files: int
    bytes: int
    records: int = 0  # rows a record target's clean removes from browser databases


class TargetTreeModel(QAbstractItemModel):
    """Applications with their targets, tickable (applications tristate), with scanned sizes.

    Rows: applications at the top level, their targets below. Index internal ids: 0 for an
    application row, application row + 1 for a target row (no Python objects in indexes).

    The size columns are empty until a scan fills them. Targets whose folders do not exist on
    this machine (and applications with none) are hidden unless `set_show_missing(True)`;
    shown, they say "not found" and are greyed, but stay tickable (the folders may appear
    later, and a preset may hold them). Hidden targets are never scanned or cleaned.

    Browser traces (record targets) are ticked one by one: ticking an application's row
    ticks its other targets, never its traces (see `setData`).
    """

    checkedChanged = Signal()

    NAME, RISK, SIZE, FILES = range(4)

    def __init__(
        self,
        groups: Sequence[tuple[Application, Sequence[Target]]],
        checked: Iterable[str] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._all_groups = [(app, tuple(targets)) for app, targets in groups if targets]
        self._groups = list(self._all_groups)  # the rows shown
        self._show_missing = False
        self._checked: set[str] = {t.id for _, ts in self._all_groups for t in ts} & set(checked)
        self._figures: dict[str, TargetFigures] = {}
        self._missing: set[str] = set()
        self._keep: tuple[str, ...] = ()  # the cookie keep-list, for the cookie items' tooltip

    # --- queries -------------------------------------------------------------------------
    def targets(self) -> list[Target]:
        """The targets shown, in tree order."""
        return [t for _, targets in self._groups for t in targets]

    def all_targets(self) -> list[Target]:
        """Every target of this OS, shown or hidden."""
        return [t for _, targets in self._all_groups for t in targets]

    def checked_targets(self) -> list[Target]:
        """The ticked targets that are shown, in tree order (hidden ones are never scanned)."""
        return [t for t in self.targets() if t.id in self._checked]

    def checked_ids(self) -> list[str]:
        return [t.id for t in self.checked_targets()]

    def target_at(self, index: Index) -> Target | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def targets_at(self, index: Index) -> tuple[Target, ...]:
        """The targets a row stands for: itself, or all of an application's."""
        if not index.isValid():
            return ()
        if index.internalId() == 0:
            return self._groups[index.row()][1]
        return (self._groups[index.internalId() - 1][1][index.row()],)

    def index_of(self, target_id: str) -> QModelIndex:
        for app_row, (_, targets) in enumerate(self._groups):
            for row, t in enumerate(targets):
                if t.id == target_id:
                    return self.createIndex(row, 0, app_row + 1)
        return QModelIndex()

    # --- updates -------------------------------------------------------------------------
    def set_checked(self, ids: Iterable[str]) -> None:
        self._checked = set(ids) & {t.id for t in self.all_targets()}
        self._all_changed(self.NAME, Qt.ItemDataRole.CheckStateRole)
        self.checkedChanged.emit()

    def set_figures(self, figures: Mapping[str, TargetFigures]) -> None:
        """Fill the size columns (empty mapping: not scanned)."""
        self._figures = dict(figures)
        self._all_changed(self.SIZE, Qt.ItemDataRole.DisplayRole)
        self._all_changed(self.FILES, Qt.ItemDataRole.DisplayRole)

    def set_keep_list(self, keep: Sequence[str]) -> None:
        """The cookie keep-list the cookie items' tooltips name."""
        self._keep = tuple(keep)
        self._all_changed(self.NAME, Qt.ItemDataRole.ToolTipRole)

    def set_missing(self, ids: Iterable[str]) -> None:
        """Mark the targets whose folders do not exist on this machine (all others exist)."""
        missing = set(ids) & {t.id for t in self.all_targets()}
        if missing == self._missing:
            return
        self._missing = missing
        self._regroup()

    def set_show_missing(self, show: bool) -> None:
        """Show (greyed) or hide the targets whose folders are not on this machine."""
        if show != self._show_missing:
            self._show_missing = show
            self._regroup()

    def shows_missing(self) -> bool:
        return self._show_missing

    def _regroup(self) -> None:
        shown = [
            (app, targets if self._show_missing else tuple(
                t for t in targets if t.id not in self._missing
            ))
            for app, targets in self._all_groups
        ]
        self.beginResetModel()
        self._groups = [(app, targets) for app, targets in shown if targets]
        self.endResetModel()
        self.checkedChanged.emit()

    def retranslate(self) -> None:
        """Names, words and titles are asked again (the language changed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.FILES)
        for col in range(self.columnCount()):
            self._all_changed(col, Qt.ItemDataRole.DisplayRole)

    def missing_ids(self) -> set[str]:
        return set(self._missing)

    def is_missing(self, target_id: str) -> bool:
        return target_id in self._missing

    def _all_changed(self, column: int, role: Qt.ItemDataRole) -> None:
        for app_row, (_, targets) in enumerate(self._groups):
            app_index = self.index(app_row, column)
            self.dataChanged.emit(app_index, app_index, [role])
            if targets:
                first = self.index(0, column, self.index(app_row, 0))
                last = self.index(len(targets) - 1, column, self.index(app_row, 0))
                self.dataChanged.emit(first, last, [role])

    # --- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column < 0 or column > self.FILES or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("What to clean"), _tr("Risk"), _tr("Size"), _tr("Files"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _app_state(self, targets: Sequence[Target]) -> Qt.CheckState:
        ticked = sum(1 for t in targets if t.id in self._checked)
        if ticked == 0:
            return Qt.CheckState.Unchecked
        if ticked == len(targets):
            return Qt.CheckState.Checked
        return Qt.CheckState.PartiallyChecked

    def _figures_of(self, targets: Sequence[Target]) -> TargetFigures | None:
        found = [self._figures[t.id] for t in targets if t.id in self._figures]
        if not found:
            return None
        return TargetFigures(
            sum(f.files for f in found), sum(f.bytes for f in found), sum(f.records for f in found)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            app, targets = self._groups[index.row()]
            return self._app_data(app, targets, col, role)
        target = self._groups[index.internalId() - 1][1][index.row()]
        return self._target_data(target, col, role)

    def _app_data(self, app: Application, targets: Sequence[Target], col: int, role: int) -> Any:
        missing = all(t.id in self._missing for t in targets)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return app_name(app)
            if col == self.RISK:
                worst = max((t.risk for t in targets), key=_RISK_ORDER.index)
                return risk_label(worst) if worst != Risk.SAFE else ""
            if missing:
                return not_found_text() if col == self.SIZE else ""
            return self._figure_text(self._figures_of(targets), col)
        if role == MissingRole:
            return missing
        if role == Qt.ItemDataRole.ForegroundRole and missing and col != self.RISK:
            return muted_text(QGuiApplication.palette())
        if role == Qt.ItemDataRole.ToolTipRole and missing:
            return not_found_explanation()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.NAME:
            return self._app_state(targets)
        if role == IdRole:
            return app.id
        if role == RiskRole and col == self.RISK:
            worst = max((t.risk for t in targets), key=_RISK_ORDER.index)
            return worst if worst != Risk.SAFE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SIZE, self.FILES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.NAME:
            state = self._app_state(targets)
            word = {
                Qt.CheckState.Checked: _tr("all selected"),
                Qt.CheckState.Unchecked: _tr("none selected"),
                Qt.CheckState.PartiallyChecked: _tr("some selected"),
            }[state]
            if missing:
                return f"{app_name(app)}, {word}, {not_found_text()}"
            return f"{app_name(app)}, {word}"
        return None

    def _target_data(self, target: Target, col: int, role: int) -> Any:
        missing = target.id in self._missing
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return target_label(target)
            if col == self.RISK:
                return risk_label(target.risk)
            if missing:
                return not_found_text() if col == self.SIZE else ""
            return self._figure_text(self._figures.get(target.id), col)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.NAME:
            ticked = target.id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [target_description(target), risk_explanation(target.risk)]
            if trace_kind(target) is TraceKind.COOKIES:
                lines.append(kept_domains_text(self._keep))
            if missing:
                lines.append(not_found_explanation())
            return "\n".join([*lines, target.id])
        if role == MissingRole:
            return missing
        if role == Qt.ItemDataRole.ForegroundRole and missing and col != self.RISK:
            return muted_text(QGuiApplication.palette())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.RISK:
                return risk_explanation(target.risk)
            if col == self.NAME:
                name = f"{target_label(target)}, {risk_label(target.risk)}"
                return f"{name}, {not_found_text()}" if missing else name
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return target_description(target)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.RISK:
            return accent(target.risk.value)
        if role == RiskRole and col == self.RISK:
            return target.risk
        if role == IdRole:
            return target.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SIZE, self.FILES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _figure_text(self, figures: TargetFigures | None, col: int) -> str:
        if figures is None or col not in (self.SIZE, self.FILES):
            return ""
        if col == self.SIZE:
            return human_size(figures.bytes)
        if figures.records and not figures.files:
            return records_text(figures.records)
        return f"{figures.files:,}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.NAME:
            return False
        targets = self.targets_at(index)
        ids = {t.id for t in targets}
        if check_state(value) == Qt.CheckState.Checked:
            if index.internalId() == 0:
                # An application's row ticks its other items, never its browser traces: those
                # are ticked one by one. Once the others are all ticked, the click unticks all
                # (else the row would stay partly ticked, and a click would do nothing).
                bulk = {t.id for t in targets if not is_trace(t)}
                if bulk and not bulk <= self._checked:
                    self._checked |= bulk
                else:
                    self._checked -= ids
            else:
                self._checked |= ids
        else:
            self._checked -= ids
        # The application row and all its target rows may change together.
        app_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        app_index = self.index(app_row, self.NAME)
        self.dataChanged.emit(app_index, app_index, [Qt.ItemDataRole.CheckStateRole])
        count = len(self._groups[app_row][1])
        self.dataChanged.emit(
            self.index(0, self.NAME, app_index),
            self.index(count - 1, self.NAME, app_index),
            [Qt.ItemDataRole.CheckStateRole],
        )
        self.checkedChanged.emit()
        return True


_RISK_ORDER = [Risk.SAFE, Risk.CARE, Risk.PRIVACY]


def group_targets(catalog: Any, os_: Any) -> list[tuple[Application, list[Target]]]:
    """The catalog's targets for an OS grouped by application, applications in catalog order."""
    groups: dict[str, tuple[Application, list[Target]]] = {}
    for target in catalog.targets_for(os_):
        app = catalog.app_of(target)
        groups.setdefault(app.id, (app, []))[1].append(target)
    order = {a.id: i for i, a in enumerate(catalog.applications)}
    return sorted(groups.values(), key=lambda g: order.get(g[0].id, len(order)))
