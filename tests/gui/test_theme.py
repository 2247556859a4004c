"""The look: the window follows the system's light or dark scheme (the hint forced here, and a
palette set), its icons are SVG drawn sharp at any pixel ratio, and no widget holds a colour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from onecleaner.gui.shell import MainWindow
from onecleaner.gui.theme import ThemeWatcher, contrast, dark_palette, is_dark, page_icon

GUI = Path(__file__).resolve().parents[2] / "onecleaner" / "gui"


@pytest.fixture
def watcher(qapp: QApplication) -> Iterator[ThemeWatcher]:
    found = qapp.findChild(ThemeWatcher)
    theme = found if found is not None else ThemeWatcher(qapp)
    yield theme
    theme.apply_scheme(Qt.ColorScheme.Unknown)  # back to the platform's own palette


def _force(scheme: Qt.ColorScheme) -> None:
    # What the platform does when the user switches: the style hint announces the scheme.
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


def _readable(palette: QPalette) -> None:
    R = QPalette.ColorRole
    assert contrast(palette.color(R.WindowText), palette.color(R.Window)) >= 7
    assert contrast(palette.color(R.Text), palette.color(R.Base)) >= 7


def test_the_window_follows_a_dark_then_a_light_scheme(
    qtbot: QtBot, watcher: ThemeWatcher, shell_window: MainWindow
) -> None:
    window = shell_window
    assert not is_dark()  # offscreen Qt's own palette is light
    _force(Qt.ColorScheme.Dark)
    assert watcher.scheme == Qt.ColorScheme.Dark
    assert is_dark(QApplication.palette())
    _readable(QApplication.palette())
    selection = QApplication.palette()
    R = QPalette.ColorRole
    assert contrast(selection.color(R.HighlightedText), selection.color(R.Highlight)) >= 4.5
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    # The style sheet and the icons are made again from the dark palette.
    sheet = window.styleSheet()
    sidebar_colour = re.search(r"QWidget#sidebar \{ background: (#[0-9a-f]{6})", sheet)
    assert sidebar_colour is not None
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    icon = window.sidebar.list.item(0).icon().pixmap(QSize(22, 22)).toImage()
    drawn = [icon.pixelColor(x, y) for x in range(22) for y in range(22)]
    strokes = [c for c in drawn if c.alpha() > 200]
    assert strokes and min(c.lightness() for c in strokes) > 150  # light strokes on dark

    _force(Qt.ColorScheme.Light)
    assert not is_dark(QApplication.palette())
    _readable(QApplication.palette())
    qtbot.waitUntil(lambda: not is_dark(window.palette()))
    icon = window.sidebar.list.item(0).icon().pixmap(QSize(22, 22)).toImage()
    strokes = [
        icon.pixelColor(x, y)
        for x in range(22)
        for y in range(22)
        if icon.pixelColor(x, y).alpha() > 200
    ]
    assert strokes and max(c.lightness() for c in strokes) < 100  # dark strokes on light


def test_a_dark_palette_set_by_the_platform_is_followed_too(
    qtbot: QtBot, qapp: QApplication, watcher: ThemeWatcher, shell_window: MainWindow
) -> None:
    light_sheet = shell_window.styleSheet()
    qapp.setPalette(dark_palette())
    try:
        qtbot.waitUntil(lambda: shell_window.styleSheet() != light_sheet)
        card = shell_window.page("home").palette()
        assert is_dark(card)
    finally:
        watcher.apply_scheme(Qt.ColorScheme.Unknown)


def test_page_icons_are_svg_and_sharp_at_a_high_pixel_ratio(qapp: QApplication) -> None:
    for name in ("home", "clean", "history", "settings", "about", "quick", "restore"):
        icon = page_icon(name)
        pixmap = icon.pixmap(QSize(24, 24), 2.0)
        assert pixmap.size() == QSize(48, 48), name  # drawn at 48 px, not scaled up
        image = pixmap.toImage()
        opaque = sum(
            1 for x in range(48) for y in range(48) if image.pixelColor(x, y).alpha() > 128
        )
        assert 0.03 < opaque / (48 * 48) < 0.6, name  # a glyph, not a blank or a block


def test_no_widget_holds_a_colour_of_its_own() -> None:
    """Colours come from theme.py (palettes, accents, style sheets); elsewhere none is written."""
    offenders = []
    for path in GUI.rglob("*.py"):
        if path.name == "theme.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"#[0-9a-fA-F]{6}\b", r"QColor\(", r"setStyleSheet\(\s*[\"f]"):
            for match in re.finditer(pattern, text):
                offenders.append(f"{path.relative_to(GUI)}: {match.group(0)}")
    assert offenders == []
