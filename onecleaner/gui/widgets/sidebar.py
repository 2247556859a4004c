"""The window's sidebar: one entry per page (icon and label), reachable by keyboard, and a
compact form with icons only for narrow windows."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onecleaner.appinfo import APP_DISPLAY_NAME
from onecleaner.gui.pages import PageSpec
from onecleaner.gui.theme import GAP, SPACING, app_icon, page_icon

_ID_ROLE = Qt.ItemDataRole.UserRole
#: Widths of the sidebar, full and compact (icons only).
FULL_WIDTH = 208
COMPACT_WIDTH = 64
ICON = 22


class Sidebar(QWidget):
    """The list of pages; choosing one (click, arrow keys, Enter) emits `pageChosen(id)`."""

    pageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._specs: list[PageSpec] = []
        self.compact = False

        self.logo = QLabel(self)
        self.logo.setPixmap(app_icon().pixmap(QSize(28, 28)))
        self.title = QLabel(APP_DISPLAY_NAME, self)
        self.title.setObjectName("sidebarTitle")
        header = QHBoxLayout()
        header.setContentsMargins(GAP, GAP, GAP, GAP)
        header.setSpacing(SPACING)
        header.addWidget(self.logo)
        header.addWidget(self.title, 1)

        self.list = QListWidget(self)
        self.list.setObjectName("sidebarList")
        self.list.setIconSize(QSize(ICON, ICON))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.currentRowChanged.connect(self._on_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, SPACING)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        self.setFixedWidth(FULL_WIDTH)
        self.retranslate()

    def add_page(self, spec: PageSpec) -> None:
        item = QListWidgetItem(page_icon(spec.icon, self.palette()), "", self.list)
        item.setData(_ID_ROLE, spec.id)
        self._specs.append(spec)
        self._label(item, spec)

    def page_ids(self) -> list[str]:
        return [spec.id for spec in self._specs]

    def current(self) -> str:
        item = self.list.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None else ""

    def set_current(self, page_id: str) -> None:
        """Mark a page as the one shown (without emitting `pageChosen`)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(_ID_ROLE) == page_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                return

    def set_compact(self, compact: bool) -> None:
        """Icons only (a narrow window) or icons and labels."""
        if compact == self.compact:
            return
        self.compact = compact
        self.title.setVisible(not compact)
        self.setFixedWidth(COMPACT_WIDTH if compact else FULL_WIDTH)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Pages"))
        self.setAccessibleName(self.tr("Navigation"))
        for row, spec in enumerate(self._specs):
            self._label(self.list.item(row), spec)

    def refresh_icons(self) -> None:
        """Draw the icons again in the palette's text colour (light or dark scheme)."""
        for row, spec in enumerate(self._specs):
            self.list.item(row).setIcon(page_icon(spec.icon, self.palette()))
        self.logo.setPixmap(app_icon().pixmap(QSize(28, 28)))

    def _label(self, item: QListWidgetItem, spec: PageSpec) -> None:
        title = spec.title()
        shortcut = self._shortcut_text(spec)
        item.setText("" if self.compact else title)
        item.setToolTip(f"{title} ({shortcut})" if shortcut else title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setSizeHint(QSize(0, ICON + 2 * SPACING + 4))

    def _shortcut_text(self, spec: PageSpec) -> str:
        position = self._specs.index(spec) + 1
        return f"Ctrl+{position}" if position <= 9 else ""

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            self.pageChosen.emit(self._specs[row].id)
