"""A squarified treemap of a folder: the widget that paints it, tells what is under the mouse,
and lets the user drill into a folder (click, Enter) and back out (Backspace).

Each subfolder is a tile whose area is its share of the folder shown (the layout, a pure
function, is in treemap_layout.py). Colours come from the theme; labels are drawn where they
fit, in black or white, whichever reads better on the tile.
"""

from __future__ import annotations

import heapq
import os

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from onecleaner.gui.theme import (
    TREEMAP_HUE_COUNT,
    muted_text,
    readable_on,
    treemap_fill,
    treemap_lines,
)
from onecleaner.gui.units import human_size
from onecleaner.gui.widgets.treemap_layout import (
    Box,
    Tile,
    TileKind,
    TreeNode,
    layout_tiles,
    share_text,
    squarify,
)

#: Space between a tile's edge and its words.
LABEL_PAD = 5


class TreemapWidget(QWidget):
    """Paints a folder's treemap; click or Enter drills into a folder, Backspace goes back.

    The widget shows one folder (`set_node`) and speaks in paths relative to it: a tuple of
    folder names. The page decides what drilling and going back mean.
    """

    folderActivated = Signal(object)  # tuple[str, ...]: drill into this folder
    currentChanged = Signal(object)  # tuple[str, ...] | None: the tile picked
    menuRequested = Signal(object, QPoint)  # Tile, global position: a right click or menu key
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._node: TreeNode | None = None
        self._base = ""  # the folder shown, as a path
        self._walking = False
        self._tiles: list[Tile] = []
        self._laid_for: QSize | None = None
        self._hover: Tile | None = None
        self._current: tuple[str, ...] | None = None
        self._empty_text = ""
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName(self.tr("Map of folder sizes"))

    # --- what is shown ------------------------------------------------------------------------
    def set_node(self, node: TreeNode | None, base: str, *, walking: bool = False) -> None:
        """Show `node` (the folder at `base`); `walking`: its walk is still running."""
        changed_folder = base != self._base
        self._node = node
        self._base = base
        self._walking = walking
        if changed_folder:
            self._current = None
        self._relayout()

    def set_empty_text(self, text: str) -> None:
        """What the widget says when there is nothing to draw."""
        self._empty_text = text
        self.update()

    def node(self) -> TreeNode | None:
        return self._node

    def tiles(self) -> list[Tile]:
        """The tiles as laid out now (parents before the tiles inside them)."""
        self._ensure_layout()
        return list(self._tiles)

    def current(self) -> tuple[str, ...] | None:
        return self._current

    def set_current(self, path: tuple[str, ...] | None) -> None:
        """Pick a tile by its folder path (the folder list does this to stay in step)."""
        if path == self._current:
            return
        self._current = path
        self.update()
        self.currentChanged.emit(path)

    def tile_at(self, x: float, y: float) -> Tile | None:
        """The innermost tile at a point of the widget."""
        self._ensure_layout()
        for tile in reversed(self._tiles):
            if tile.box.contains(x, y):
                return tile
        return None

    def tile_of(self, path: tuple[str, ...]) -> Tile | None:
        self._ensure_layout()
        return next(
            (t for t in self._tiles if t.kind is TileKind.FOLDER and t.path == path), None
        )

    def full_path(self, tile: Tile) -> str:
        """The path of a folder tile, or of the folder holding a files/other tile."""
        return os.path.join(self._base, *tile.path) if tile.path else self._base

    def describe(self, tile: Tile) -> str:
        """A tile's tooltip: where, how much, its share of the folder shown, how many files."""
        whole = self._node.bytes if self._node is not None else 0
        size = human_size(tile.bytes)
        share = self.tr("%1 of %2").replace("%1", share_text(tile.bytes, whole))
        share = share.replace("%2", os.path.basename(self._base.rstrip(os.sep)) or self._base)
        where = self.full_path(tile)
        if tile.kind is TileKind.FOLDER:
            lines = [where, f"{size} — {share}", self.tr("%Ln file(s)", "", tile.files)]
            if tile.unreadable:
                lines.append(self.tr("Could not be read entirely: what is inside is not counted."))
            elif tile.has_children:
                lines.append(self.tr("Click to open it."))
            return "\n".join(lines)
        if tile.kind is TileKind.FILES:
            head = self.tr("Files directly in %1").replace("%1", where)
        elif tile.kind is TileKind.OTHER:
            head = self.tr("%Ln smaller folder(s) in %1", "", tile.count).replace("%1", where)
        else:
            head = self.tr("Still being scanned in %1").replace("%1", where)
        return "\n".join((head, f"{size} — {share}"))

    # --- layout -------------------------------------------------------------------------------
    def _relayout(self) -> None:
        self._laid_for = None
        self._hover = None
        self.update()
        self._describe_for_screen_readers()

    def _ensure_layout(self) -> None:
        if self._laid_for == self.size():
            return
        self._laid_for = self.size()
        if self._node is None:
            self._tiles = []
            return
        box = Box(0.0, 0.0, float(self.width()), float(self.height()))
        self._tiles = layout_tiles(
            self._node, box, header=float(self.fontMetrics().height() + 4), walking=self._walking
        )

    def _describe_for_screen_readers(self) -> None:
        node = self._node
        if node is None:
            self.setAccessibleDescription(self._empty_text)
            return
        top = heapq.nlargest(8, node.children, key=lambda c: c.bytes)
        self.setAccessibleDescription(
            "; ".join(
                f"{c.name}: {human_size(c.bytes)} ({share_text(c.bytes, node.bytes)})" for c in top
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._laid_for = None
        self._hover = None
        super().resizeEvent(event)

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_layout()
        painter = QPainter(self)
        palette = self.palette()
        edge, outline = treemap_lines(palette)
        painter.fillRect(self.rect(), edge)
        if not self._tiles:
            painter.setPen(muted_text(palette))
            margin = self.rect().adjusted(16, 16, -16, -16)
            painter.drawText(
                margin,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._empty_text,
            )
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = (self.fontMetrics(), QFontMetrics(bold))
        # Colours and text colours per (hue, depth, kind): a few dozen for hundreds of tiles.
        colours: dict[tuple[int, int, str], tuple[QColor, QColor]] = {}
        for tile in self._tiles:
            key = (tile.hue % TREEMAP_HUE_COUNT, tile.depth, tile.kind.value)
            pair = colours.get(key)
            if pair is None:
                fill = treemap_fill(palette, *key)
                pair = colours[key] = (fill, readable_on(fill))
            self._paint_tile(painter, tile, pair, bold, metrics)
        self._paint_outline(painter, self._hover, outline, 2.0)
        if self._current is not None:
            current = self.tile_of(self._current)
            self._paint_outline(painter, current, outline, 3.0 if self.hasFocus() else 2.0)
        painter.end()

    def _paint_tile(
        self,
        painter: QPainter,
        tile: Tile,
        colours: tuple[QColor, QColor],
        bold: QFont,
        metrics: tuple[QFontMetrics, QFontMetrics],
    ) -> None:
        box = tile.box
        if box.w < 2 or box.h < 2:
            return
        fill, text = colours
        rect = QRectF(box.x + 1, box.y + 1, box.w - 2, box.h - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        if tile.kind is TileKind.PENDING:
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        lines = self.label_lines(tile, metrics)
        if not lines:
            return
        painter.setPen(text)
        line = metrics[0].height()
        inner = rect.adjusted(LABEL_PAD, 2, -LABEL_PAD, -2)
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if tile.nested:  # the name strip on top of the subfolders
            painter.setFont(bold)
            strip = QRectF(inner.left(), rect.top(), inner.width(), line + 4)
            painter.drawText(strip, int(Qt.AlignmentFlag.AlignVCenter), lines[0])
        else:
            painter.setFont(bold if tile.depth == 0 else self.font())
            painter.drawText(inner, int(top), lines[0])
            painter.setFont(self.font())
            for extra in lines[1:]:
                inner = inner.adjusted(0, line, 0, 0)
                painter.drawText(inner, int(top), extra)
        painter.setFont(self.font())

    def label_lines(
        self, tile: Tile, metrics: tuple[QFontMetrics, QFontMetrics] | None = None
    ) -> list[str]:
        """The words drawn on a tile: its name, and its size below where there is room; a name
        too long is cut with "…"; nothing where no word would be readable. `metrics`: the
        plain and bold font metrics (made here when not given)."""
        box = tile.box
        if metrics is None:
            bold_font = QFont(self.font())
            bold_font.setBold(True)
            metrics = (self.fontMetrics(), QFontMetrics(bold_font))
        plain, bold = metrics
        line = plain.height()
        room = int(box.w - 2 - 2 * LABEL_PAD)
        if room < 18 or box.h - 2 < line + 2:
            return []
        label = self._label(tile)
        size = human_size(tile.bytes)
        if tile.nested:
            head = f"{label}  {size}"
            if bold.horizontalAdvance(head) > room:
                head = bold.elidedText(label, Qt.TextElideMode.ElideRight, room)
            return [head] if head and head != "…" else []
        font = bold if tile.depth == 0 else plain
        name = font.elidedText(label, Qt.TextElideMode.ElideRight, room)
        if not name or name == "…":
            return []
        lines = [name]
        if box.h - 6 >= 2 * line and plain.horizontalAdvance(size) <= room:
            lines.append(size)
        return lines

    def _label(self, tile: Tile) -> str:
        if tile.kind is TileKind.FOLDER:
            return tile.name
        if tile.kind is TileKind.FILES:
            return self.tr("Files")
        if tile.kind is TileKind.OTHER:
            return self.tr("%Ln more", "", tile.count)
        return self.tr("Scanning…")

    def _paint_outline(
        self, painter: QPainter, tile: Tile | None, colour: QColor, width: float
    ) -> None:
        if tile is None:
            return
        painter.setPen(QPen(colour, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2 + 1
        box = tile.box
        painter.drawRoundedRect(
            QRectF(box.x + half, box.y + half, box.w - 2 * half, box.h - 2 * half), 3, 3
        )

    # --- mouse, keyboard, tooltip -------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tile = self.tile_at(event.position().x(), event.position().y())
        if tile != self._hover:
            self._hover = tile
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        tile = self.tile_at(event.position().x(), event.position().y())
        if tile is None:
            super().mousePressEvent(event)
            return
        if tile.kind is TileKind.FOLDER:
            self.set_current(tile.path)
        if event.button() == Qt.MouseButton.LeftButton and tile.kind is TileKind.FOLDER:
            if tile.has_children:
                self.folderActivated.emit(tile.path)
        elif event.button() == Qt.MouseButton.RightButton:
            self.menuRequested.emit(tile, event.globalPosition().toPoint())
        elif event.button() == Qt.MouseButton.BackButton:
            self.backRequested.emit()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        top = [t for t in self.tiles() if t.depth == 0 and t.kind is TileKind.FOLDER]
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up) and top:
            paths = [t.path for t in top]
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            at = paths.index(self._current) if self._current in paths else (-1 if step > 0 else 0)
            self.set_current(paths[(at + step) % len(paths)])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            tile = self.tile_of(self._current)
            if tile is not None and tile.has_children:
                self.folderActivated.emit(tile.path)
        elif key == Qt.Key.Key_Backspace:
            self.backRequested.emit()
        elif key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            tile = self.tile_of(self._current) if self._current is not None else None
            if tile is not None:
                centre = QPoint(int(tile.box.x + tile.box.w / 2), int(tile.box.y + tile.box.h / 2))
                self.menuRequested.emit(tile, self.mapToGlobal(centre))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tile = self.tile_at(event.pos().x(), event.pos().y())
            if tile is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(tile), self)
            return True
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Map of folder sizes"))
            self.update()
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(640, 420)


__all__ = [
    "Box",
    "Tile",
    "TileKind",
    "TreeNode",
    "TreemapWidget",
    "layout_tiles",
    "share_text",
    "squarify",
]
