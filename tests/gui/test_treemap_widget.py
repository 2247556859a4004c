"""The treemap as the user sees it: tile colours from the theme with readable words on them in
light and dark, labels only where they fit, and the map kept whole when a folder is measured
again or while the walk still runs."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from onecleaner.engine.finders import UsageNode, UsageProgress
from onecleaner.gui.pages.disk_usage.usage_tree import live_root, loose, node_at, replace_node
from onecleaner.gui.theme import (
    contrast,
    dark_palette,
    light_palette,
    readable_on,
    treemap_fill,
    treemap_lines,
)
from onecleaner.gui.units import human_size
from onecleaner.gui.widgets.treemap import Box, Tile, TileKind, TreemapWidget


def n(name: str, size: int, *children: UsageNode, files: int = 1) -> UsageNode:
    return UsageNode(name, size, files, tuple(children))


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_every_tile_colour_carries_readable_words_and_stands_out_from_the_background(
    palette: QPalette,
) -> None:
    edge, outline = treemap_lines(palette)
    fills = [
        treemap_fill(palette, hue, depth, kind)
        for hue in range(12)
        for depth in range(3)
        for kind in ("folder", "files", "other", "pending")
    ]
    for fill in fills:
        assert contrast(readable_on(fill), fill) >= 4.5  # WCAG AA for the labels
    tops = [treemap_fill(palette, hue, 0) for hue in range(9)]
    assert len({c.name() for c in tops}) == 9  # nine top folders, nine colours
    assert all(contrast(c, edge) > 1.2 for c in tops)  # a tile is seen against the gaps
    assert contrast(outline, palette.color(QPalette.ColorRole.Base)) >= 3  # the picked tile


def test_the_dark_scheme_paints_dark_tiles(qtbot: QtBot) -> None:
    light = treemap_fill(light_palette(), 0, 0)
    dark = treemap_fill(dark_palette(), 0, 0)
    assert dark.lightness() < light.lightness()
    widget = TreemapWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.setPalette(dark_palette())
    widget.set_node(n("top", 1000, n("a", 1000)), "/top")
    image = widget.grab().toImage()
    assert image.pixelColor(200, 150).name() == dark.name()  # the one tile, its dark fill
    widget.setPalette(QApplication.palette())


def test_labels_only_where_they_fit_and_long_names_are_cut(qtbot: QtBot) -> None:
    widget = TreemapWidget()
    qtbot.addWidget(widget)
    metrics = widget.fontMetrics()
    big = Tile(("videos",), TileKind.FOLDER, 5_000_000, 3, Box(0, 0, 300, 200), 0, 0)
    assert widget.label_lines(big) == ["videos", human_size(5_000_000)]
    low = Box(0, 0, 300, metrics.height() + 6)
    short = Tile(("videos",), TileKind.FOLDER, 5_000_000, 3, low, 0, 0)
    assert widget.label_lines(short) == ["videos"]  # no room for the size below
    narrow_box = Box(0, 0, metrics.horizontalAdvance("a long folder name") / 2, 80)
    narrow = Tile(("a long folder name",), TileKind.FOLDER, 1, 1, narrow_box, 1, 0)
    (cut, *_) = widget.label_lines(narrow)
    assert cut.endswith("…") and cut != "…"
    tiny = Tile(("videos",), TileKind.FOLDER, 1, 1, Box(0, 0, 14, 10), 1, 0)
    assert widget.label_lines(tiny) == []
    nested = Tile(("src",), TileKind.FOLDER, 2_000, 3, Box(0, 0, 300, 200), 0, 0, nested=True)
    # One line: the strip over its subfolders.
    assert widget.label_lines(nested) == [f"src  {human_size(2_000)}"]
    files = Tile((), TileKind.FILES, 10_000, 4, Box(0, 0, 200, 100), 0, 0)
    assert widget.label_lines(files) == ["Files", human_size(10_000)]


def test_a_folder_measured_again_changes_every_folder_above_it() -> None:
    shop = n("shop", 500, n("node_modules", 400), n("src", 50), files=10)
    root = n("home", 1000, n("code", 600, shop), n("music", 300), files=20)
    smaller = replace_node(root, ("code", "shop", "node_modules"), n("node_modules", 40))
    assert node_at(smaller, ("code",)).bytes == 240  # type: ignore[union-attr]
    assert smaller.bytes == 640
    assert [c.name for c in smaller.children] == ["music", "code"]  # largest first again
    gone = replace_node(root, ("code", "shop", "node_modules"), None)
    assert [c.name for c in node_at(gone, ("code", "shop")).children] == ["src"]  # type: ignore[union-attr]
    assert gone.bytes == 600 and gone.files == 19
    assert replace_node(root, ("nowhere",), None) is root
    assert loose(root) == (100, 18)


def test_the_map_while_walking_holds_the_finished_folders_and_the_total_so_far() -> None:
    report = UsageProgress("/home/u/b", 30, 5000, (n("a", 100), n("c", 3000)))
    live = live_root("/home/u", report)
    assert (live.name, live.bytes, live.files) == ("u", 5000, 30)
    assert [c.name for c in live.children] == ["c", "a"]
