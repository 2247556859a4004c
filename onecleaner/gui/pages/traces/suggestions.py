"""The keep-list suggestions as a table: each domain bookmarked or with a saved login, ticked
when kept, with why and in which browsers (two lines)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from onecleaner.engine.records.suggest import Suggestion
from onecleaner.gui.catalog_text import catalog_text
from onecleaner.gui.i18n import list_text
from onecleaner.gui.pages.clean.models import check_state
from onecleaner.gui.trace_text import why_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeepListEditor", text)  # the editor's texts, one context


class SuggestionModel(QAbstractTableModel):
    """The suggested domains, ticked when kept: ticking one asks to keep it (`toggled`)."""

    toggled = Signal(str, bool)  # domain, keep it

    DOMAIN, WHY = range(2)  # WHY: why, then in which browsers (two lines)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._suggestions: list[Suggestion] = []
        self._kept: set[str] = set()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._suggestions = list(suggestions)
        self.endResetModel()

    def set_kept(self, keep: Iterable[str]) -> None:
        self._kept = set(keep)
        if self._suggestions:
            last = len(self._suggestions) - 1
            self.dataChanged.emit(
                self.index(0, 0), self.index(last, 0), [Qt.ItemDataRole.CheckStateRole]
            )

    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def row_of(self, domain: str) -> int:
        return next((i for i, s in enumerate(self._suggestions) if s.domain == domain), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.WHY)
        if self._suggestions:
            last = len(self._suggestions) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, self.WHY))

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._suggestions)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Domain"), _tr("Why"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DOMAIN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._suggestions[index.row()]
        col = index.column()
        browsers = list_text([catalog_text(b) for b in item.browsers])
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DOMAIN:
                return item.domain
            return _tr("%1\nin %2").replace("%2", browsers).replace("%1", why_text(item.why))
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DOMAIN:
            kept = item.domain in self._kept
            return Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                _tr("%1: you have a %2 for it in %3. Tick to keep its cookies.")
                .replace("%3", browsers)
                .replace("%2", why_text(item.why))
                .replace("%1", item.domain)
            )
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.DOMAIN:
            return False
        self.toggled.emit(
            self._suggestions[index.row()].domain, check_state(value) == Qt.CheckState.Checked
        )
        return True  # the tick follows the stored list (set_kept), once it is written


__all__ = ["SuggestionModel"]
