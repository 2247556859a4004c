"""The note above the Clean page's tree once a browser trace is ticked: what the user loses,
who they stay signed in to. Inline and dismissible (once dismissed, it stays away)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from onecleaner.engine.model import Target
from onecleaner.engine.records.recipes import TraceKind
from onecleaner.gui.catalog_text import catalog_text
from onecleaner.gui.i18n import Texts, list_text
from onecleaner.gui.theme import GAP, SPACING
from onecleaner.gui.trace_text import (
    kept_domains_text,
    kind_label,
    loses_text,
    trace_kind,
)


class TraceNote(QFrame):
    """Explains the ticked browser traces, per kind; shown until the user dismisses it."""

    keepListRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traceNote")
        self.setProperty("role", "note")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.dismissed = False
        self._ticked: tuple[tuple[Target, str], ...] = ()  # (trace, its application's name)
        self._keep: tuple[str, ...] = ()
        self.texts = Texts()
        bind = self.texts.bind
        self.title = QLabel(self)
        self.title.setProperty("role", "strong")
        bind(self.title.setText, lambda: self.tr("Browser traces are not caches"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_keep = QPushButton(self)
        bind(self.edit_keep.setText, lambda: self.tr("Edit the &keep-list"))
        self.edit_keep.clicked.connect(self.keepListRequested)
        self.dismiss = QPushButton(self)
        bind(self.dismiss.setText, lambda: self.tr("&Got it"))
        bind(self.dismiss.setAccessibleName, lambda: self.tr("Hide this note"))
        self.dismiss.clicked.connect(self._dismiss)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_keep)
        buttons.addWidget(self.dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, SPACING + 2, GAP, SPACING + 2)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

    def show_for(self, ticked: Sequence[tuple[Target, str]], keep: Sequence[str]) -> None:
        """Explain these ticked traces (with their applications' names); hide when none."""
        self._ticked = tuple(ticked)
        self._keep = tuple(keep)
        self._render()
        self.setVisible(bool(self._ticked) and not self.dismissed)

    def _render(self) -> None:
        by_kind: dict[TraceKind, list[str]] = {}
        for target, app in self._ticked:
            kind = trace_kind(target)
            if kind is not None:
                by_kind.setdefault(kind, []).append(catalog_text(app))
        lines = []
        for kind in TraceKind:
            if kind not in by_kind:
                continue
            what = (
                self.tr("%1 (%2)")
                .replace("%2", list_text(by_kind[kind]))
                .replace("%1", kind_label(kind))
            )
            line = self.tr("%1: %2.").replace("%2", loses_text(kind)).replace("%1", what)
            if kind is TraceKind.COOKIES:
                line = self.tr("%1 %2").replace("%2", kept_domains_text(self._keep)).replace(
                    "%1", line
                )
            lines.append(f"• {line}")
        lines.append(
            self.tr(
                "Close the browsers before cleaning: a running browser's traces are left alone."
            )
        )
        self.text.setText("\n".join(lines))
        self.edit_keep.setVisible(TraceKind.COOKIES in by_kind)

    def _dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._render()
        super().changeEvent(event)
