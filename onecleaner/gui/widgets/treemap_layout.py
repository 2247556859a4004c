"""The treemap's layout: pure functions of folder sizes and a rectangle (no Qt), tested alone.

The layout is Bruls, Huizing and van Wijk's squarified algorithm ("Squarified Treemaps", 2000):
tiles in rows along the shorter side, each row as square as it can be. A folder's files directly
in it are one tile; folders too small to see are summed into one; big tiles hold their own
subfolders, one level down.
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

#: The smallest tile drawn, in square pixels; smaller folders are summed into one tile.
MIN_AREA = 64.0
#: The most tiles laid out in one folder (the rest are summed): bounds the layout's time.
MAX_ITEMS = 400
#: A folder's tile shows its subfolders inside when it is at least this big.
NEST_MIN = (56.0, 44.0)
#: Space round a nested layout, and the height of the strip naming its folder.
PAD = 3.0


class TileKind(enum.Enum):
    """What a tile stands for."""

    FOLDER = "folder"
    FILES = "files"  # the files directly in the folder above it
    OTHER = "other"  # folders too small to draw, summed
    PENDING = "pending"  # what the walk has counted but not finished yet


class TreeNode(Protocol):
    """A folder as the treemap needs it (the engine's UsageNode is one)."""

    @property
    def name(self) -> str: ...
    @property
    def bytes(self) -> int: ...
    @property
    def files(self) -> int: ...
    @property
    def children(self) -> Sequence[TreeNode]: ...
    @property
    def unreadable(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in pixels (floats: tiles are exact until painted)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def area(self) -> float:
        return self.w * self.h

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    def inset(self, left: float, top: float, right: float, bottom: float) -> Box:
        """The box with its edges moved in (never below zero size)."""
        return Box(
            self.x + left,
            self.y + top,
            max(self.w - left - right, 0.0),
            max(self.h - top - bottom, 0.0),
        )


def _worst(row_sum: float, largest: float, smallest: float, side: float) -> float:
    """The worst aspect ratio of a row of areas laid along `side` (Bruls et al.'s worst())."""
    side2 = side * side
    total2 = row_sum * row_sum
    return max(side2 * largest / total2, total2 / (side2 * smallest))


def squarify(sizes: Sequence[float], box: Box) -> list[Box]:
    """Boxes filling `box`, one per size, each with an area proportional to its size.

    Tiles are laid in rows along the box's shorter side; a row takes the next size while that
    makes its worst aspect ratio no worse. Sizes sorted largest first give the squarest tiles.
    A size of 0 or less gets an empty box.
    """
    out = [Box(box.x, box.y, 0.0, 0.0)] * len(sizes)
    total = sum(s for s in sizes if s > 0)
    if total <= 0 or box.w <= 0 or box.h <= 0:
        return out
    scale = box.w * box.h / total
    order = [i for i, s in enumerate(sizes) if s > 0]
    areas = [sizes[i] * scale for i in order]
    x, y, w, h = box.x, box.y, box.w, box.h
    start = 0
    while start < len(order):
        side = min(w, h)
        row_sum = largest = smallest = areas[start]
        worst = _worst(row_sum, largest, smallest, side)
        end = start + 1
        while end < len(order):
            area = areas[end]
            trial = _worst(row_sum + area, max(largest, area), min(smallest, area), side)
            if trial > worst:
                break
            row_sum += area
            largest, smallest, worst = max(largest, area), min(smallest, area), trial
            end += 1
        last = end == len(order)  # the last row takes what is left: no drift past the box
        if w >= h:  # a column at the left
            width = w if last else row_sum / h
            along = y
            for k in range(start, end):
                height = areas[k] / row_sum * h
                out[order[k]] = Box(x, along, width, height)
                along += height
            x, w = x + width, w - width
        else:  # a row at the top
            height = h if last else row_sum / w
            along = x
            for k in range(start, end):
                width = areas[k] / row_sum * w
                out[order[k]] = Box(along, y, width, height)
                along += width
            y, h = y + height, h - height
        start = end
    return out


@dataclass(frozen=True, slots=True)
class Tile:
    """One tile of a laid-out treemap."""

    path: tuple[str, ...]  # a folder's names from the folder shown; other kinds: their folder's
    kind: TileKind
    bytes: int
    files: int
    box: Box
    depth: int  # 0: in the folder shown; 1: inside one of its subfolders
    hue: int  # the colour of the top-level tile it is part of
    count: int = 1  # OTHER: how many folders it sums
    nested: bool = False  # its subfolders are drawn inside it, its name in a strip on top
    has_children: bool = False
    unreadable: bool = False

    @property
    def name(self) -> str:
        return self.path[-1] if self.kind is TileKind.FOLDER and self.path else ""


@dataclass(frozen=True, slots=True)
class _Item:
    kind: TileKind
    bytes: int
    node: TreeNode | None = None
    count: int = 1


def _items(node: TreeNode, area: float, walking: bool) -> list[_Item]:
    """What one folder's layout shows, largest first: its subfolders big enough to see, one
    tile for the rest, one for the files directly in it (or still being walked)."""
    total = node.bytes
    if total <= 0 or area <= 0:
        return []
    children = node.children
    listed = sum(c.bytes for c in children)
    loose = total - listed
    # The largest first, at most MAX_ITEMS: heapq keeps this O(n) for a folder of 50k folders.
    biggest = heapq.nlargest(MAX_ITEMS, children, key=lambda c: c.bytes)
    items: list[_Item] = []
    cut = MIN_AREA * total / area  # bytes of the smallest tile drawn
    shown = 0
    for child in biggest:
        if child.bytes < cut or child.bytes <= 0:
            break
        items.append(_Item(TileKind.FOLDER, child.bytes, child))
        shown += child.bytes
    rest = listed - shown
    if rest > 0:
        items.append(_Item(TileKind.OTHER, rest, count=len(children) - len(items)))
    if loose > 0:
        items.append(_Item(TileKind.PENDING if walking else TileKind.FILES, loose))
    items.sort(key=lambda i: -i.bytes)
    return items


def layout_tiles(
    node: TreeNode,
    box: Box,
    *,
    levels: int = 2,
    header: float = 18.0,
    walking: bool = False,
) -> list[Tile]:
    """The tiles of `node` laid out in `box`, parents before the tiles drawn inside them.

    `levels`: how many folder levels are drawn (1: the subfolders only). `header`: the height
    of the strip naming a folder whose subfolders are drawn inside it. `walking`: the files not
    in a finished subfolder are still being counted (a PENDING tile, not FILES).
    """
    tiles: list[Tile] = []
    _lay(node, (), box, 0, -1, levels, header, walking, tiles)
    return tiles


def _lay(
    node: TreeNode,
    path: tuple[str, ...],
    box: Box,
    depth: int,
    hue: int,
    levels: int,
    header: float,
    walking: bool,
    tiles: list[Tile],
) -> None:
    items = _items(node, box.area, walking and depth == 0)
    boxes = squarify([i.bytes for i in items], box)
    for index, (item, where) in enumerate(zip(items, boxes, strict=True)):
        own_hue = index if hue < 0 else hue
        if item.kind is not TileKind.FOLDER or item.node is None:
            tiles.append(Tile(path, item.kind, item.bytes, 0, where, depth, own_hue, item.count))
            continue
        child = item.node
        child_path = (*path, child.name)
        nest = (
            depth + 1 < levels
            and bool(child.children)
            and where.w >= NEST_MIN[0]
            and where.h >= NEST_MIN[1] + header
        )
        tiles.append(
            Tile(
                child_path,
                TileKind.FOLDER,
                child.bytes,
                child.files,
                where,
                depth,
                own_hue,
                nested=nest,
                has_children=bool(child.children),
                unreadable=child.unreadable,
            )
        )
        if nest:
            inner = where.inset(PAD, header, PAD, PAD)
            _lay(child, child_path, inner, depth + 1, own_hue, levels, header, False, tiles)


def share_text(part: int, whole: int) -> str:
    """A share as a percentage for people: 42.1%, <0.1% for a sliver, 0% for nothing."""
    if whole <= 0 or part <= 0:
        return "0%"
    share = part * 100 / whole
    if share < 0.1:
        return "<0.1%"
    return f"{share:.1f}%" if share < 99.95 else "100%"


__all__ = [
    "MAX_ITEMS",
    "MIN_AREA",
    "Box",
    "Tile",
    "TileKind",
    "TreeNode",
    "layout_tiles",
    "share_text",
    "squarify",
]
