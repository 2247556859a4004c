"""A breadcrumb: where the view stands (home › projects › web), each step a button back to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from onecleaner.gui.theme import SPACING

#: The most steps shown; earlier ones are folded into "…" (still reachable with Backspace).
MAX_STEPS = 6


class Breadcrumb(QWidget):
    """Steps from the top to the current place; `chosen(level)` when a step is clicked
    (0 is the top). The last step is where the view stands, and is not a button."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[str] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(SPACING // 2)
        self._row.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_steps(self, steps: Sequence[str]) -> None:
        """The names from the top to the current place."""
        self._steps = list(steps)
        while self._row.count() > 1:
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        first_shown = max(len(self._steps) - MAX_STEPS, 0)
        position = 0
        for level, name in enumerate(self._steps):
            if 0 < level < first_shown:
                continue
            if level > 0:
                self._row.insertWidget(position, self._separator("›"))
                position += 1
            if level == first_shown and first_shown > 0:
                self._row.insertWidget(position, self._separator("…"))
                position += 1
                self._row.insertWidget(position, self._separator("›"))
                position += 1
            last = level == len(self._steps) - 1
            self._row.insertWidget(position, self._step(name, level, last))
            position += 1

    def steps(self) -> list[str]:
        return list(self._steps)

    def buttons(self) -> list[QToolButton]:
        """The steps that can be clicked, top first (tests and keyboard users)."""
        found = []
        for i in range(self._row.count()):
            item = self._row.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QToolButton):
                found.append(widget)
        return found

    def _step(self, name: str, level: int, last: bool) -> QWidget:
        if last:
            label = QLabel(name, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            return label
        button = QToolButton(self)
        button.setText(name.replace("&", "&&"))
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _=False, lv=level: self.chosen.emit(lv))
        return button

    def _separator(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "muted")
        return label


__all__ = ["Breadcrumb"]
