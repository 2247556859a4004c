"""A disk's use as a ring: the used share drawn round a circle, the free share in the middle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from onecleaner.gui.theme import accent, chart_colours, muted_text

#: Above this used share the ring turns to the warning colour.
NEARLY_FULL = 0.9


class DiskRing(QWidget):
    """Paints used/total as a ring with the free percentage inside (colours from the theme)."""

    def __init__(self, parent: QWidget | None = None, *, diameter: int = 96) -> None:
        super().__init__(parent)
        self._used = 0.0
        self._figure = ""
        self._word = ""
        self._diameter = diameter
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_share(self, used: float, figure: str, word: str) -> None:
        """The used share (0 to 1) and, in the middle, a figure over a word ("37%", "free")."""
        self._used = min(max(used, 0.0), 1.0)
        self._figure = figure
        self._word = word
        self.setAccessibleDescription(f"{figure} {word}")
        self.update()

    def used_share(self) -> float:
        return self._used

    def sizeHint(self) -> QSize:
        return QSize(self._diameter, self._diameter)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fill, track = chart_colours(palette)
        if self._used >= NEARLY_FULL:
            fill = accent("warning")
        width = max(self._diameter / 9, 6.0)
        side = min(self.width(), self.height()) - width
        ring = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        pen = QPen(track, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawArc(ring, 0, 360 * 16)
        pen.setColor(fill)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        # Qt angles: 1/16 degree, counter-clockwise from three o'clock; start at twelve.
        painter.drawArc(ring, 90 * 16, -round(self._used * 360 * 16))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.95)
        font.setBold(True)
        painter.setFont(font)
        inner = ring.adjusted(width, width, -width, -width)
        top = QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2)
        bottom = QRectF(inner.left(), inner.center().y(), inner.width(), inner.height() / 2)
        centre = Qt.AlignmentFlag.AlignHCenter
        painter.drawText(top, centre | Qt.AlignmentFlag.AlignBottom, self._figure)
        font.setBold(False)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(muted_text(palette))
        painter.drawText(bottom, centre | Qt.AlignmentFlag.AlignTop, self._word)
        painter.end()
