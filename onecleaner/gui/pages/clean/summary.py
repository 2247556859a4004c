"""The overview: what a scan found or a clean did, a chart of space by category, disk free space."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.theme import SPACING, blend, chart_colours, muted_text
from onecleaner.gui.units import human_size

#: The most bars the chart draws; smaller categories are summed into "Other".
MAX_BARS = 6


@dataclass(frozen=True)
class Category:
    """One bar of the chart: a name and its bytes."""

    name: str
    bytes: int


def top_categories(sizes: Mapping[str, int], other: str, limit: int = MAX_BARS) -> list[Category]:
    """The largest categories, biggest first, the rest summed as `other` (empty ones dropped)."""
    ranked = sorted(((n, b) for n, b in sizes.items() if b > 0), key=lambda nb: (-nb[1], nb[0]))
    if len(ranked) <= limit:
        return [Category(n, b) for n, b in ranked]
    head = [Category(n, b) for n, b in ranked[: limit - 1]]
    return [*head, Category(other, sum(b for _, b in ranked[limit - 1 :]))]


class SpaceChart(QWidget):
    """Horizontal bars of space by category, drawn with QPainter (no chart library needed)."""

    BAR_HEIGHT = 18
    GAP = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Category] = []
        self.retranslate()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: Sequence[Category]) -> None:
        self._bars = list(bars)
        self._describe()
        self.updateGeometry()
        self.update()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Space by category"))
        self._describe()
        self.update()

    def _describe(self) -> None:
        # Screen readers cannot see a painting: the same figures as text.
        self.setAccessibleDescription(
            "; ".join(f"{b.name}: {human_size(b.bytes)}" for b in self._bars)
            or self.tr("nothing to show")
        )

    def bars(self) -> list[Category]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1)
        return QSize(320, rows * (self.BAR_HEIGHT + self.GAP) + self.GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(muted_text(palette))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing yet"))
            painter.end()
            return
        metrics = painter.fontMetrics()
        label_w = min(
            max(metrics.horizontalAdvance(b.name) for b in self._bars) + 12, self.width() // 3
        )
        value_w = max(metrics.horizontalAdvance(human_size(b.bytes)) for b in self._bars) + 12
        bar_space = max(self.width() - label_w - value_w, 10)
        biggest = max(b.bytes for b in self._bars) or 1
        accent, track = chart_colours(palette)
        window = palette.color(QPalette.ColorRole.Window)
        y = float(self.GAP)
        for i, bar in enumerate(self._bars):
            row = QRectF(0, y, self.width(), self.BAR_HEIGHT)
            painter.setPen(text_colour)
            name = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(
                QRectF(row.left(), row.top(), label_w - 8, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                name,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(label_w, y + 2, bar_space, self.BAR_HEIGHT - 4), 4, 4)
            fill = blend(accent, window, min(i, 5) * 0.1)  # lighter shades down the ranking
            painter.setBrush(fill)
            width = max(bar_space * bar.bytes / biggest, 3.0)
            painter.drawRoundedRect(QRectF(label_w, y + 2, width, self.BAR_HEIGHT - 4), 4, 4)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(label_w + bar_space + 6, y, value_w - 6, self.BAR_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                human_size(bar.bytes),
            )
            y += self.BAR_HEIGHT + self.GAP
        painter.end()


class SummaryView(QWidget):
    """The headline, the chart, the disk's free space and the export button."""

    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = False  # whether a scan or clean put its words here
        self.headline = QLabel()
        self.headline.setObjectName("summaryHeadline")
        self.headline.setProperty("role", "subtitle")
        self.headline.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart_title = QLabel()
        self.chart_title.setProperty("role", "muted")
        self.chart = SpaceChart()
        self.disk = QLabel("")
        self.disk.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.exportRequested)

        bottom = QHBoxLayout()
        bottom.addWidget(self.disk, 1)
        bottom.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, 0, 0, SPACING)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addSpacing(SPACING // 2)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.headline.setAccessibleName(self.tr("Summary"))
        self.detail.setAccessibleName(self.tr("Details of the summary"))
        self.disk.setAccessibleName(self.tr("Free disk space"))
        self.export_button.setText(self.tr("&Export results…"))
        self.export_button.setAccessibleName(self.tr("Export results as CSV or JSON"))
        self.export_button.setToolTip(self.tr("Export results (Ctrl+E)"))
        if not self._shown:
            self.headline.setText(self.tr("Choose what to clean, then press Scan."))
            self.chart_title.setText(self.tr("Reclaimable space by category"))
        self.chart.retranslate()

    def show_message(self, headline: str, detail: str = "") -> None:
        self._shown = True
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def show_chart(self, title: str, sizes: Mapping[str, int]) -> None:
        self.chart_title.setText(title)
        self.chart.set_bars(top_categories(sizes, self.tr("Other")))

    def show_disk(
        self, before: Mapping[str, int], after: Mapping[str, int] | None, freeing: int
    ) -> None:
        """Free space now and after (measured after a clean, estimated after a scan)."""
        lines = []
        for mount, free in sorted(before.items()):
            if after is not None and mount in after:
                gained = after[mount] - free
                sign = "+" if gained >= 0 else "−"
                lines.append(
                    self.tr("Free space on {0}: {1} before, {2} after ({3})").format(
                        mount,
                        human_size(free),
                        human_size(after[mount]),
                        f"{sign}{human_size(abs(gained))}",
                    )
                )
            elif len(before) == 1:  # the estimate only holds when one disk gets it all
                # The gain too: on a big disk, before and after round to the same figure.
                lines.append(
                    self.tr("Free space on {0}: {1} now, about {2} after cleaning (+{3})").format(
                        mount, human_size(free), human_size(free + freeing), human_size(freeing)
                    )
                )
            else:
                lines.append(self.tr("Free space on {0}: {1} now").format(mount, human_size(free)))
        self.disk.setText("\n".join(lines))
        self.disk.setVisible(bool(lines))
