"""Item painting beyond plain text: the coloured risk badge of the target tree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from onecleaner.engine.model import Risk
from onecleaner.gui.pages.clean.models import MissingRole, RiskRole, risk_label
from onecleaner.gui.theme import accent, readable_on


class RiskBadgeDelegate(QStyledItemDelegate):
    """Draws a risk as a small rounded badge: its word on its colour (never colour alone)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        risk = index.data(RiskRole)
        if not isinstance(risk, Risk):
            super().paint(painter, option, index)
            return
        # The row's selection background first, as the style draws it.
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        text = risk_label(risk)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 2
        rect = option.rect
        badge = QRectF(rect.left() + 4, rect.top() + (rect.height() - height) / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(MissingRole):
            painter.setOpacity(0.45)  # greyed like the rest of a row that is not on this machine
        painter.setPen(Qt.PenStyle.NoPen)
        fill = accent(risk.value)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(readable_on(fill))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        risk = index.data(RiskRole)
        if isinstance(risk, Risk):
            hint.setWidth(option.fontMetrics.horizontalAdvance(risk_label(risk)) + 24)
        return hint
