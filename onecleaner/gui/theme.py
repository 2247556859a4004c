"""Look-and-feel helpers: the app's icons, and colours derived from the system palette.

Nothing here sets a style or a palette of its own: the app keeps the platform's native style
and the system's light or dark palette, and only derives accents (banner, risk badges, muted
text) from that palette so they stay readable in both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QStyle, QWidget

from onecleaner.resources import resource


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


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette (default: the application's) is a dark one."""
    hints = QGuiApplication.styleHints()
    if palette is None:
        scheme = hints.colorScheme()
        if scheme != Qt.ColorScheme.Unknown:
            return scheme == Qt.ColorScheme.Dark
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return text.lightness() > window.lightness()


def muted_text(palette: QPalette) -> QColor:
    """A secondary text colour (hints, dates) that keeps contrast in light and dark palettes."""
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
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


def banner_colors(level: str, palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """Background, border and text colours for a banner of a level, readable on the palette."""
    pal = palette if palette is not None else QGuiApplication.palette()
    base = pal.color(QPalette.ColorRole.Window)
    text = pal.color(QPalette.ColorRole.WindowText)
    hue = accent(level)
    background = _blend(base, hue, 0.28 if is_dark(pal) else 0.14)
    border = _blend(base, hue, 0.7)
    return background, border, text


def banner_style_sheet(level: str, palette: QPalette | None = None) -> str:
    """A style sheet for a QFrame banner of a level (only colours and spacing are set)."""
    background, border, text = banner_colors(level, palette)
    return (
        f"QFrame#noticeBanner {{ background-color: {background.name()};"
        f" border: 1px solid {border.name()}; border-radius: 6px; }}"
        f" QFrame#noticeBanner QLabel {{ color: {text.name()}; background: transparent; }}"
    )
