"""The app's look in one place: palettes for the system's light or dark scheme, the style sheet,
the icons, the accents and the spacing. Widgets name a role; they never hold a colour.

The platform's native style and palette are kept whenever they match the system's colour scheme
(QStyleHints.colorScheme). Where the platform reports a dark scheme but gives a light palette
(or the other way round), the matching palette below is set, so the window still follows.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from onecleaner.resources import resource

#: Spacing, in device-independent pixels: between related controls, groups, and page edges.
SPACING = 8
GAP = 16
MARGIN = 24
RADIUS = 8


def icon_path(name: str) -> str:
    """The path of a shipped SVG icon by name (``onecleaner``, ``tray``, ``tray-busy``...)."""
    return str(resource("icons", f"{name}.svg"))


def app_icon() -> QIcon:
    """The application icon (window, dialogs, task bar)."""
    icon = QIcon(icon_path("onecleaner"))
    if icon.isNull():
        return QIcon.fromTheme("edit-clear")
    return icon


def standard_icon(widget: QWidget, which: QStyle.StandardPixmap) -> QIcon:
    """A standard icon of the current style (information, warning, folder...)."""
    return widget.style().standardIcon(which)


class _SvgIconEngine(QIconEngine):
    """An SVG drawn at whatever size and pixel ratio is asked: sharp on every HiDPI screen."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        QSvgRenderer(QByteArray(self._data)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._data)


def tinted_icon(name: str, colour: QColor) -> QIcon:
    """A one-colour SVG icon (``pages/home``...) drawn in `colour` (its ``currentColor``)."""
    with open(icon_path(name), "rb") as fh:
        data = fh.read().replace(b"currentColor", colour.name().encode())
    return QIcon(_SvgIconEngine(data))


def page_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """A page's sidebar icon in the palette's text colour."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return tinted_icon(f"pages/{name}", pal.color(QPalette.ColorRole.WindowText))


# --- colour scheme -------------------------------------------------------------------------


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette (default: the application's) is a dark one."""
    pal = palette if palette is not None else QGuiApplication.palette()
    window = pal.color(QPalette.ColorRole.Window)
    text = pal.color(QPalette.ColorRole.WindowText)
    return text.lightness() > window.lightness()


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def dark_palette() -> QPalette:
    """The dark palette used when the system asks for dark and the platform gives none."""
    R = QPalette.ColorRole
    return _palette(
        {
            R.Window: "#1f2023",
            R.WindowText: "#e6e6e8",
            R.Base: "#17181a",
            R.AlternateBase: "#222326",
            R.ToolTipBase: "#2b2c30",
            R.ToolTipText: "#e6e6e8",
            R.PlaceholderText: "#8d8f94",
            R.Text: "#e6e6e8",
            R.Button: "#2b2c30",
            R.ButtonText: "#e6e6e8",
            R.BrightText: "#ffffff",
            R.Light: "#3a3b40",
            R.Midlight: "#323338",
            R.Mid: "#45464c",
            R.Dark: "#121315",
            R.Shadow: "#000000",
            R.Highlight: "#2e6bd3",
            R.HighlightedText: "#ffffff",
            R.Link: "#7fb0ff",
            R.LinkVisited: "#b69cff",
        },
        disabled_text="#7b7d82",
    )


def light_palette() -> QPalette:
    """The light palette used when the system asks for light and the platform gives a dark one."""
    R = QPalette.ColorRole
    return _palette(
        {
            R.Window: "#f3f4f6",
            R.WindowText: "#1d1e20",
            R.Base: "#ffffff",
            R.AlternateBase: "#f6f7f9",
            R.ToolTipBase: "#ffffff",
            R.ToolTipText: "#1d1e20",
            R.PlaceholderText: "#808388",
            R.Text: "#1d1e20",
            R.Button: "#fbfbfc",
            R.ButtonText: "#1d1e20",
            R.BrightText: "#ffffff",
            R.Light: "#ffffff",
            R.Midlight: "#e9eaed",
            R.Mid: "#c9cbd0",
            R.Dark: "#9a9ca1",
            R.Shadow: "#5a5b5e",
            R.Highlight: "#2f6fde",
            R.HighlightedText: "#ffffff",
            R.Link: "#1f5fd6",
            R.LinkVisited: "#6a3fc0",
        },
        disabled_text="#9a9ca1",
    )


class _OutlinedChecks(QProxyStyle):
    """Fusion with check boxes that stay visible on a dark palette.

    Fusion outlines a check box with the window colour darkened, which vanishes on a dark
    base: on a dark palette a muted outline is drawn round it too.
    """

    _CHECKS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in self._CHECKS and is_dark(option.palette):
            rect = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
            side = min(rect.width(), rect.height())
            box = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(muted_text(option.palette))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 2, 2)
            painter.restore()


class ThemeWatcher(QObject):
    """Follows the system's light or dark scheme; `changed` fires once the palette matches it."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.scheme = Qt.ColorScheme.Unknown
        if app.style().name().lower() == "fusion":
            base = QStyleFactory.create("fusion")
            app.setStyle(_OutlinedChecks(base))
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.apply_scheme)
        self.apply_scheme(hints.colorScheme())

    @Slot(Qt.ColorScheme)
    def apply_scheme(self, scheme: Qt.ColorScheme) -> None:
        """Use the platform's palette when it matches `scheme`, else the app's own."""
        self.scheme = scheme
        self._app.setPalette(QPalette())  # back to the platform's own palette
        if scheme != Qt.ColorScheme.Unknown:
            wanted_dark = scheme == Qt.ColorScheme.Dark
            if is_dark(self._app.palette()) != wanted_dark:
                self._app.setPalette(dark_palette() if wanted_dark else light_palette())
        self.changed.emit()


# --- accents ---------------------------------------------------------------------------------


def muted_text(palette: QPalette) -> QColor:
    """A secondary text colour (hints, dates) that keeps contrast in light and dark palettes."""
    return blend(
        palette.color(QPalette.ColorRole.Window),
        palette.color(QPalette.ColorRole.WindowText),
        0.62,
    )


def problem_text(palette: QPalette) -> QColor:
    """The colour of a validation message under a field: the danger hue, moved towards the
    text colour until it reads on the window (WCAG 4.5:1) in light and dark palettes."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    colour = accent("danger")
    step = 0.0
    while contrast(colour, window) < 4.5 and step < 1.0:
        step += 0.1
        colour = blend(accent("danger"), text, step)
    return colour


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved towards `b` by `amount` (0: a, 1: b)."""
    return QColor(
        round(a.red() * (1 - amount) + b.red() * amount),
        round(a.green() * (1 - amount) + b.green() * amount),
        round(a.blue() * (1 - amount) + b.blue() * amount),
    )


# Accent hues for message levels and risk badges; blended into the palette's base colour.
_ACCENTS = {
    "info": QColor(0x2F, 0x6F, 0xDE),
    "warning": QColor(0xD9, 0x8C, 0x00),
    "danger": QColor(0xC6, 0x28, 0x28),
    "safe": QColor(0x2E, 0x8B, 0x57),
    "care": QColor(0xD9, 0x8C, 0x00),
    "privacy": QColor(0x8E, 0x44, 0xAD),
}


def accent(level: str) -> QColor:
    """The accent colour of a level (info, warning, danger) or risk (safe, care, privacy)."""
    return QColor(_ACCENTS.get(level, _ACCENTS["info"]))


def readable_on(fill: QColor) -> QColor:
    """Black or white, whichever contrasts more with a fill (WCAG relative luminance)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(fill.redF())
        + 0.7152 * channel(fill.greenF())
        + 0.0722 * channel(fill.blueF())
    )
    # Contrast with white is 1.05/(lum+0.05), with black (lum+0.05)/0.05: pick the larger.
    return QColor("black") if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else QColor("white")


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(
            c.blueF()
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def primary_colour(palette: QPalette) -> QColor:
    """The fill of the primary button: the selection accent, darkened until white text on it
    reads well (WCAG 4.5:1), so the button's words are white in both schemes."""
    colour = palette.color(QPalette.ColorRole.Highlight)
    white = QColor("white")
    while contrast(white, colour) < 4.5 and colour.lightness() > 20:
        colour = blend(colour, QColor("black"), 0.08)
    return colour


def chart_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The fill and the track of bars and rings (the selection accent, and a faint trace of it)."""
    fill = palette.color(QPalette.ColorRole.Highlight)
    share = 0.22 if is_dark(palette) else 0.16
    track = blend(palette.color(QPalette.ColorRole.Window), fill, share)
    return fill, track


#: The treemap's hues, one per folder at the top of the map (repeated past nine), chosen to
#: stay apart for the common colour-vision deficiencies when blended as below.
_TREEMAP_HUES = (
    QColor(0x3B, 0x75, 0xC4),  # blue
    QColor(0xE0, 0x8A, 0x2E),  # orange
    QColor(0x3F, 0x9E, 0x6E),  # green
    QColor(0xC8, 0x4B, 0x5A),  # red
    QColor(0x7D, 0x5B, 0xB8),  # violet
    QColor(0x2A, 0x9D, 0xA8),  # teal
    QColor(0xB8, 0x8A, 0x1E),  # ochre
    QColor(0xC2, 0x5E, 0x9E),  # pink
    QColor(0x6E, 0x7F, 0x3A),  # olive
)


#: How many hues the treemap has (the tile colours repeat after them).
TREEMAP_HUE_COUNT = len(_TREEMAP_HUES)


def treemap_fill(palette: QPalette, hue: int, depth: int, kind: str = "folder") -> QColor:
    """The fill of a treemap tile: its top folder's hue, paler (light) or deeper (dark) one level
    down; files directly in a folder, and many small folders summed, in a neutral grey."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = is_dark(palette)
    if kind in ("files", "other", "pending"):
        text = palette.color(QPalette.ColorRole.Text)
        return blend(base, text, (0.26 if dark else 0.16) + (0.06 if kind == "files" else 0.0))
    colour = _TREEMAP_HUES[hue % len(_TREEMAP_HUES)]
    # Top level strongest; each level below a step closer to the base colour.
    strength = (0.78 if dark else 0.82) - min(depth, 3) * (0.16 if dark else 0.2)
    return blend(base, colour, strength)


def treemap_lines(palette: QPalette) -> tuple[QColor, QColor]:
    """The treemap's tile edge and the outline of the tile under the mouse or picked."""
    base = palette.color(QPalette.ColorRole.Base)
    edge = blend(base, palette.color(QPalette.ColorRole.Text), 0.1 if is_dark(palette) else 0.0)
    return edge, palette.color(QPalette.ColorRole.Highlight)


def banner_colors(level: str, palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """Background, border and text colours for a banner of a level, readable on the palette."""
    pal = palette if palette is not None else QGuiApplication.palette()
    base = pal.color(QPalette.ColorRole.Window)
    text = pal.color(QPalette.ColorRole.WindowText)
    hue = accent(level)
    background = blend(base, hue, 0.28 if is_dark(pal) else 0.14)
    border = blend(base, hue, 0.7)
    return background, border, text


def banner_style_sheet(level: str, palette: QPalette | None = None) -> str:
    """A style sheet for a QFrame banner of a level (only colours and spacing are set)."""
    background, border, text = banner_colors(level, palette)
    return (
        f"QFrame#noticeBanner {{ background-color: {background.name()};"
        f" border: 1px solid {border.name()}; border-radius: {RADIUS}px; }}"
        f" QFrame#noticeBanner QLabel {{ color: {text.name()}; background: transparent; }}"
    )


def message_style_sheet(level: str, palette: QPalette | None = None) -> str:
    """A style sheet for a QLabel#message line of a level (a page's "what happened" line)."""
    background, border, text = banner_colors(level, palette)
    return (
        f"QLabel {{ background-color: {background.name()}; border: 1px solid {border.name()};"
        f" border-radius: {RADIUS}px; color: {text.name()}; padding: 6px 10px; }}"
    )


# --- the window's style sheet -------------------------------------------------------------


def style_sheet(palette: QPalette) -> str:
    """The window's style sheet: the sidebar, page titles, cards and the primary button.

    Widgets opt in by object name or by a ``role`` property; everything else keeps the
    platform's native look.
    """
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    dark = is_dark(palette)
    sidebar = blend(window, text, 0.06 if dark else 0.035)
    hover = blend(sidebar, text, 0.08)
    selected = blend(sidebar, highlight, 0.35 if dark else 0.18)
    # Cards stand a little above the window: lighter in both schemes.
    card = blend(window, text, 0.045) if dark else blend(window, base, 0.6)
    border = blend(window, text, 0.16 if dark else 0.12)
    muted = muted_text(palette)
    primary = primary_colour(palette)
    primary_hover = blend(primary, QColor("white" if dark else "black"), 0.12)
    primary_pressed = blend(primary, QColor("black"), 0.18)
    primary_text = readable_on(primary)
    disabled = blend(window, text, 0.18)
    note, note_border, _note_text = banner_colors("privacy", palette)
    return f"""
QWidget#sidebar {{ background: {sidebar.name()}; border-right: 1px solid {border.name()}; }}
QListWidget#sidebarList {{ background: transparent; border: none; outline: none; }}
QListWidget#sidebarList::item {{
    color: {text.name()}; padding: 8px 10px; margin: 2px 8px; border-radius: {RADIUS}px;
}}
QListWidget#sidebarList::item:hover {{ background: {hover.name()}; }}
QListWidget#sidebarList::item:selected {{ background: {selected.name()}; color: {text.name()}; }}
QLabel#sidebarTitle {{ font-weight: 600; padding: 0 4px; }}
QLabel[role="title"] {{ font-size: 18pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: 12pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {muted.name()}; }}
QLabel[role="figure"] {{ font-size: 20pt; font-weight: 600; }}
QLabel[role="strong"] {{ font-weight: 600; }}
QLabel[role="problem"] {{ color: {problem_text(palette).name()}; }}
QFrame[role="note"] {{
    background: {note.name()}; border: 1px solid {note_border.name()}; border-radius: {RADIUS}px;
}}
QFrame[role="note"] QLabel {{ background: transparent; }}
QAbstractItemView[role="roomy"]::item {{ padding: 4px 6px; }}
QFrame[role="card"] {{
    background: {card.name()}; border: 1px solid {border.name()}; border-radius: {RADIUS + 2}px;
}}
QFrame[role="card"] QLabel {{ background: transparent; }}
QPushButton[role="primary"] {{
    background: {primary.name()}; color: {primary_text.name()}; border: none;
    border-radius: {RADIUS}px; padding: 12px 28px; font-size: 13pt; font-weight: 600;
}}
QPushButton[role="primary"]:hover {{ background: {primary_hover.name()}; }}
QPushButton[role="primary"]:pressed {{ background: {primary_pressed.name()}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid {text.name()}; }}
QPushButton[role="primary"]:disabled {{ background: {disabled.name()}; color: {muted.name()}; }}
"""
