"""The usage map: how much each folder below a chosen folder takes on disk.

Sizes are allocated blocks (what `du` counts), a file with several hard links counted once
(in the first folder the walk meets it), folders' own blocks included; links are counted as
links, never followed, and no mount point is entered (nor counted). The map holds one record
per folder, never one per file, so a home of a million files stays small. The walk streams:
its progress reports carry the walked folder's subfolders finished so far, so a face can draw
them while the rest is walked.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from onecleaner.engine.finders.errors import NotAFolder
from onecleaner.engine.finders.walk import FolderWalk, allocated, reason_for
from onecleaner.engine.model import Skip
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.reasons import skip_data


@dataclass(frozen=True, slots=True)
class UsageNode:
    """One folder of the map: its name, what it and everything below it take, its subfolders.

    `children` are sorted largest first; they are empty below the depth the map keeps (their
    sizes are still counted in their parents). `unreadable`: the folder could not be opened,
    so only its own entry's size is known.
    """

    name: str
    bytes: int
    files: int
    children: tuple[UsageNode, ...] = ()
    unreadable: bool = False

    def to_data(self) -> dict[str, Any]:
        """The node as the JSON contract has it: name, bytes, files, children (unreadable)."""
        data: dict[str, Any] = {
            "name": self.name,
            "bytes": self.bytes,
            "files": self.files,
            "children": [c.to_data() for c in self.children],
        }
        if self.unreadable:
            data["unreadable"] = True
        return data


@dataclass(frozen=True, slots=True)
class UsageProgress:
    """A throttled report while the map is made: totals so far and the finished top folders."""

    current: str  # the folder being walked
    files: int
    bytes: int
    finished: tuple[UsageNode, ...]  # subfolders of the walked folder already complete


@dataclass(frozen=True)
class UsageMap:
    """The finished (or cancelled) map of one folder."""

    path: str  # the folder walked (resolved)
    root: UsageNode
    skipped: tuple[Skip, ...] = ()
    cancelled: bool = False

    @property
    def bytes(self) -> int:
        return self.root.bytes

    @property
    def files(self) -> int:
        return self.root.files

    def to_data(self) -> dict[str, Any]:
        """`usage --json`: path, bytes, files, children (nested), skipped, cancelled."""
        data = self.root.to_data()
        del data["name"]
        return {
            "path": self.path,
            **data,
            "skipped": [skip_data(s) for s in self.skipped],
            "cancelled": self.cancelled,
        }

    def find(self, path: str) -> UsageNode | None:
        """The node of `path` (the walked folder or a folder below it) if the map keeps it."""
        if path == self.path:
            return self.root
        prefix = self.path.rstrip(os.sep) + os.sep
        if not path.startswith(prefix):
            return None
        node = self.root
        for name in path[len(prefix) :].split(os.sep):
            node = next((c for c in node.children if c.name == name), None)  # type: ignore[assignment]
            if node is None:
                return None
        return node


@dataclass(slots=True)
class _Open:
    """A folder being walked: its totals so far and its finished subfolders."""

    name: str
    depth: int
    bytes: int
    files: int = 0
    children: list[UsageNode] = field(default_factory=list)
    unreadable: bool = False


if sys.platform == "win32":

    def _measure(
        entries: list[os.DirEntry[str]], linked: set[tuple[int, int]]
    ) -> tuple[int, int, OSError | None]:
        """Windows: the files' sizes (no allocated blocks), each hard-linked file once."""
        total = count = 0
        failed: OSError | None = None
        for entry in entries:
            try:
                st = os.lstat(entry.path)  # the entry's own stat has no inode or link count
            except OSError as exc:
                failed = failed or exc
                continue
            if st.st_nlink > 1:
                key = (st.st_dev, st.st_ino)
                if key in linked:
                    continue
                linked.add(key)
            total += st.st_size
            count += 1
        return total, count, failed

else:

    def _measure(
        entries: list[os.DirEntry[str]], linked: set[tuple[int, int]]
    ) -> tuple[int, int, OSError | None]:
        """(allocated bytes, files, the first error) of a folder's files, each hard-linked
        file once (the first time the walk meets it)."""
        total = count = 0
        failed: OSError | None = None
        for entry in entries:
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                failed = failed or exc
                continue
            if st.st_nlink > 1:
                key = (st.st_dev, st.st_ino)
                if key in linked:
                    continue
                linked.add(key)
            total += st.st_blocks
            count += 1
        return total * 512, count, failed


def _largest_first(node: UsageNode) -> tuple[int, str]:
    return (-node.bytes, node.name)


class _UsageVisitor:
    """Folds the walk into one node per folder as each folder is left."""

    def __init__(self, keep_depth: int | None) -> None:
        self.keep_depth = keep_depth
        self.stack: list[_Open] = []
        self.linked: set[tuple[int, int]] = set()  # (dev, ino) of hard-linked files counted
        self.files_total = 0
        self.bytes_total = 0
        self.root: UsageNode | None = None
        self.skipped: list[Skip] = []

    def enter(self, path: str, depth: int, st: os.stat_result) -> None:
        size = allocated(st)
        self.stack.append(_Open(os.path.basename(path) or path, depth, size))
        self.bytes_total += size

    def files(self, prefix: str, entries: list[os.DirEntry[str]]) -> None:
        total, count, failed = _measure(entries, self.linked)
        top = self.stack[-1]
        top.bytes += total
        top.files += count
        self.bytes_total += total
        self.files_total += count
        if failed is not None:  # one record per folder: a folder of 100k unreadable files
            top.unreadable = True
            self.skipped.append(Skip(prefix[:-1], reason_for(failed, "file")))

    def leave(self, path: str) -> None:
        done = self.stack.pop()
        keep = self.keep_depth is None or done.depth < self.keep_depth
        node = UsageNode(
            done.name,
            done.bytes,
            done.files,
            tuple(sorted(done.children, key=_largest_first)) if keep else (),
            done.unreadable,
        )
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        parent.children.append(node)
        parent.bytes += done.bytes
        parent.files += done.files

    def unreadable(self, path: str, depth: int, st: os.stat_result | None) -> None:
        size = allocated(st) if st is not None else 0
        node = UsageNode(os.path.basename(path) or path, size, 0, (), True)
        self.bytes_total += size
        if not self.stack:
            self.root = node
            return
        self.stack[-1].children.append(node)
        self.stack[-1].bytes += size

    def finished(self) -> tuple[UsageNode, ...]:
        return tuple(self.stack[0].children) if self.stack else ()


def usage_map(
    folder: str,
    *,
    depth: int | None = None,
    progress: Callable[[UsageProgress], None] | None = None,
    cancel: threading.Event | None = None,
    mounts: MountTable | None = None,
) -> UsageMap:
    """Walk `folder` (resolved first) and return what each folder below it takes.

    `depth` limits the folders kept in the map (0: the folder alone; None: all); every size
    counts everything below, whatever the depth. Raises NotAFolder for a missing path or a
    file. A cancelled walk returns the map of what was walked, marked cancelled.
    """
    root = os.path.realpath(folder)
    if not os.path.isdir(root):
        raise NotAFolder(folder)
    visitor = _UsageVisitor(depth)

    def tick(current: str) -> None:
        if progress is not None:
            totals = (visitor.files_total, visitor.bytes_total)
            progress(UsageProgress(current, *totals, visitor.finished()))

    walk = FolderWalk(root, visitor, mounts=mounts, tick=tick, cancel=cancel)
    walk.run()
    node = visitor.root or UsageNode(os.path.basename(root) or root, 0, 0, (), True)
    if progress is not None:
        progress(UsageProgress("", node.files, node.bytes, node.children))
    return UsageMap(root, node, tuple(walk.skipped + visitor.skipped), walk.cancelled)


def walk_nodes(node: UsageNode, path: str) -> Iterator[tuple[str, UsageNode]]:
    """Every node of a map with its path, parents first (for faces that list the map)."""
    stack = [(path, node)]
    while stack:
        here, current = stack.pop()
        yield here, current
        for child in reversed(current.children):
            stack.append((os.path.join(here, child.name), child))


__all__ = ["UsageMap", "UsageNode", "UsageProgress", "usage_map", "walk_nodes"]
