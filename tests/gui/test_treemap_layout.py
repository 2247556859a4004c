"""The treemap's layout, as pure functions: every tile's area is its share, tiles fill the box
without overlapping, rows stay square, and a folder of 50,000 folders stays a few hundred tiles."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from onecleaner.gui.widgets.treemap import Box, TileKind, layout_tiles, share_text, squarify
from onecleaner.gui.widgets.treemap_layout import MAX_ITEMS, MIN_AREA


@dataclass(frozen=True)
class Node:
    name: str
    bytes: int
    files: int = 1
    children: tuple[Node, ...] = field(default=())
    unreadable: bool = False


def folder(name: str, *children: Node, loose: int = 0) -> Node:
    return Node(name, sum(c.bytes for c in children) + loose, 1, tuple(children))


def overlap(a: Box, b: Box) -> float:
    w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return max(w, 0.0) * max(h, 0.0)


def ratio(b: Box) -> float:
    return max(b.w / b.h, b.h / b.w)


def test_the_papers_example_is_laid_out_as_the_paper_draws_it() -> None:
    # Bruls, Huizing, van Wijk (2000), figure 3: areas 6 6 4 3 2 2 1 in a 6 x 4 rectangle.
    boxes = squarify([6, 6, 4, 3, 2, 2, 1], Box(0, 0, 6, 4))
    assert boxes[0] == Box(0, 0, 3, 2) and boxes[1] == Box(0, 2, 3, 2)  # the first column
    # 4 and 3 share a row on top of what is left (3 x 4), 7/3 high...
    assert boxes[2].y == boxes[3].y == 0 and abs(boxes[2].h - 7 / 3) < 1e-9
    assert boxes[2].x == 3 and abs(boxes[3].x - (3 + 4 / (7 / 3))) < 1e-9
    assert max(ratio(b) for b in boxes) < 3.0  # ...and nothing is a sliver


def test_equal_sizes_in_a_square_are_squares() -> None:
    boxes = squarify([1, 1, 1, 1], Box(10, 20, 100, 100))
    assert sorted((b.x, b.y) for b in boxes) == [(10, 20), (10, 70), (60, 20), (60, 70)]
    assert all(b.w == 50 and b.h == 50 for b in boxes)


def test_zero_and_negative_sizes_get_empty_boxes_and_the_rest_fill_the_box() -> None:
    boxes = squarify([0, 5, -3, 5], Box(0, 0, 10, 10))
    assert boxes[0].area == 0 and boxes[2].area == 0
    assert abs(boxes[1].area - 50) < 1e-9 and abs(boxes[3].area - 50) < 1e-9
    assert squarify([], Box(0, 0, 10, 10)) == []
    assert all(b.area == 0 for b in squarify([1, 2], Box(0, 0, 0, 10)))


@settings(max_examples=120, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=1, max_value=10**12), min_size=1, max_size=40),
    w=st.floats(min_value=1, max_value=4000),
    h=st.floats(min_value=1, max_value=4000),
)
def test_areas_are_shares_inside_the_box_and_never_overlap(
    sizes: list[int], w: float, h: float
) -> None:
    box = Box(7, 3, w, h)
    boxes = squarify(sorted(sizes, reverse=True), box)
    total = sum(sizes)
    for size, b in zip(sorted(sizes, reverse=True), boxes, strict=True):
        assert abs(b.area - size / total * w * h) <= 1e-6 * w * h
        assert b.x >= box.x - 1e-6 and b.y >= box.y - 1e-6
        assert b.x + b.w <= box.x + w + 1e-6 * w and b.y + b.h <= box.y + h + 1e-6 * h
    for a, b in itertools.combinations(boxes, 2):
        assert overlap(a, b) <= 1e-6 * w * h


def test_squarified_rows_are_squarer_than_slicing() -> None:
    sizes = [40, 25, 12, 9, 6, 4, 2, 1, 1]
    boxes = squarify(sizes, Box(0, 0, 800, 500))
    worst = max(ratio(b) for b in boxes)
    # Slicing the same box into strips gives the smallest strip a ratio of 800 / (500 / 100).
    assert worst < 4.0


def test_tiles_are_the_subfolders_the_files_here_and_nested_subfolders_inside_big_tiles() -> None:
    big = folder("projects", Node("a", 600), Node("b", 300), loose=100)
    root = folder("home", big, Node("music", 500), loose=500)
    tiles = layout_tiles(root, Box(0, 0, 800, 600), header=18)
    top = [t for t in tiles if t.depth == 0]
    assert [(t.kind, t.path, t.bytes) for t in top] == [
        (TileKind.FOLDER, ("projects",), 1000),
        (TileKind.FOLDER, ("music",), 500),
        (TileKind.FILES, (), 500),
    ]
    assert abs(top[0].box.area / (800 * 600) - 0.5) < 1e-9
    projects = top[0]
    assert projects.nested and projects.has_children
    inside = [t for t in tiles if t.depth == 1]
    assert [(t.kind, t.path) for t in inside] == [
        (TileKind.FOLDER, ("projects", "a")),
        (TileKind.FOLDER, ("projects", "b")),
        (TileKind.FILES, ("projects",)),
    ]
    for t in inside:  # inside the parent, below its name strip
        assert t.box.y >= projects.box.y + 18 - 1e-9
        assert projects.box.contains(t.box.x, t.box.y)
        assert t.hue == projects.hue
    assert tiles.index(projects) < tiles.index(inside[0])  # parents first: hit tests go last-in


def test_one_level_only_and_a_walk_in_progress_shows_what_is_still_counted() -> None:
    root = folder("home", folder("projects", Node("a", 600)), loose=400)
    tiles = layout_tiles(root, Box(0, 0, 800, 600), levels=1, walking=True)
    assert [(t.kind, t.depth) for t in tiles] == [
        (TileKind.FOLDER, 0),
        (TileKind.PENDING, 0),
    ]
    assert not tiles[0].nested


def test_a_folder_of_fifty_thousand_folders_is_a_few_hundred_tiles_plus_one_for_the_rest() -> None:
    # A cache folder: a few hundred big folders among 50,000 small ones.
    children = tuple(
        Node(f"d{i:05d}", 2_000_000 - i if i < 600 else 10 + (i % 1000)) for i in range(50_000)
    )
    root = Node("cache", sum(c.bytes for c in children), 50_000, children)
    tiles = layout_tiles(root, Box(0, 0, 1000, 700))
    folders = [t for t in tiles if t.kind is TileKind.FOLDER]
    other = [t for t in tiles if t.kind is TileKind.OTHER]
    assert 0 < len(folders) <= MAX_ITEMS
    assert len(other) == 1 and other[0].count == 50_000 - len(folders)
    assert sum(t.bytes for t in tiles) == root.bytes  # nothing lost, nothing counted twice
    assert all(t.box.area >= MIN_AREA - 1e-6 for t in folders)
    assert folders == sorted(folders, key=lambda t: -t.bytes)


def test_an_empty_folder_has_no_tiles() -> None:
    assert layout_tiles(Node("empty", 0), Box(0, 0, 100, 100)) == []
    assert layout_tiles(folder("x", Node("a", 5)), Box(0, 0, 0, 100)) == []


def test_shares_read_as_people_write_them() -> None:
    assert share_text(421, 1000) == "42.1%"
    assert share_text(1, 100_000) == "<0.1%"
    assert share_text(0, 100) == "0%"
    assert share_text(5, 0) == "0%"
    assert share_text(99_999, 100_000) == "100%"
    assert share_text(100, 100) == "100%"
