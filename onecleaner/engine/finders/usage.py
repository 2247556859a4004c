"""The usage map: how much each folder below a chosen folder takes on disk.

Sizes are allocated blocks (what `du` counts), a file with several hard links counted once
(in the first folder the walk meets it), folders' own blocks included; links are counted as
links, never followed, and no mount point is entered (nor counted). The map holds one record
per folder, never one per file, so a home of a million files stays small. The walk streams:
its progress reports carry the walked folder's subfolders finished so far, so a face can draw
them while the rest is walked.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from onecleaner.engine.finders.errors import NotAFolder
from onecleaner.engine.finders.walk import allocated
from onecleaner.engine.model import Skip
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.reasons import Reason, SkipCode, skip_data
from onecleaner.engine.threads import walk_processes, walk_threads
from onecleaner.engine.treewalk import CHECK_EVERY, Folder, Sub, reason_for, shared_pool

log = logging.getLogger(__name__)


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
    """A folder being folded: its totals so far and its finished subfolders."""

    name: str
    depth: int
    bytes: int
    files: int = 0
    children: list[UsageNode] = field(default_factory=list)
    unreadable: bool = False


#: One folder's files as a lister measured them: (bytes, files, linked, failed, unreadable).
#: `linked`: the hard-linked files apart, ((dev, ino), bytes), counted once in walk order;
#: `failed`: why the first file that could not be read was not; `unreadable`: why the folder
#: itself could not be read (part-way). A plain tuple: worker processes send millions.
Linked = list[tuple[tuple[int, int], int]]
Measured = tuple[int, int, Linked | None, Reason | None, Reason | None]


def measure(handle: int | str, stopping: Callable[[], bool]) -> tuple[list[Sub], Measured]:
    """List one open folder: its subfolders to walk and what its files take."""
    subs: list[Sub] = []
    total = count = 0
    linked: list[tuple[tuple[int, int], int]] | None = None
    failed: OSError | None = None
    unreadable: Reason | None = None
    windows = sys.platform == "win32"
    try:
        with os.scandir(handle) as it:
            for entry in it:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        subs.append((entry.name, None))
                        continue
                    # Windows: the entry's own stat has no inode or link count.
                    st = os.lstat(entry.path) if windows else entry.stat(follow_symlinks=False)
                except OSError as exc:
                    failed = failed or exc
                    continue
                size = allocated(st)
                if st.st_nlink > 1:  # counted once, where the walk's order meets it first
                    if linked is None:
                        linked = []
                    linked.append(((st.st_dev, st.st_ino), size))
                    continue
                total += size
                count += 1
                if count % CHECK_EVERY == 0 and stopping():
                    break
    except OSError as exc:
        unreadable = reason_for(exc)
    why_failed = reason_for(failed, "file") if failed is not None else None
    return subs, (total, count, linked, why_failed, unreadable)


def _largest_first(node: UsageNode) -> tuple[int, str]:
    return (-node.bytes, node.name)


class UsageFold:
    """Folds measured folders, given in walk order, into one node per folder as each folder is
    left; hard-linked files are counted where that order meets them first."""

    def __init__(self, keep_depth: int | None) -> None:
        self.keep_depth = keep_depth
        self.stack: list[_Open] = []
        self.linked: set[tuple[int, int]] = set()  # (dev, ino) of hard-linked files counted
        self.files_total = 0
        self.bytes_total = 0
        self.root: UsageNode | None = None
        self.skipped: list[Skip] = []
        self.current = ""

    def open_folder(self, path: str, own: int, measured: Measured) -> None:
        """A folder entered: `own` is its own entry's blocks, `measured` its files."""
        total, count, linked, failed, unreadable = measured
        size = own + total
        if linked is not None:
            for key, blocks in linked:
                if key not in self.linked:
                    self.linked.add(key)
                    size += blocks
                    count += 1
        node = _Open(os.path.basename(path) or path, len(self.stack), size, count)
        self.stack.append(node)
        self.bytes_total += size
        self.files_total += count
        self.current = path
        if unreadable is not None:
            self.skipped.append(Skip(path, unreadable))
        if failed is not None:  # one record per folder: a folder of 100k unreadable files
            node.unreadable = True
            self.skipped.append(Skip(path, failed))

    def close_folder(self) -> None:
        """The folder entered last, with everything below it given."""
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

    def refuse(self, path: str, name: str, why: Reason, own: int | None) -> None:
        """A subfolder not entered; `own`: its own entry's blocks if it is a real folder that
        could not be opened (counted, as du counts it)."""
        self.skipped.append(Skip(path, why))
        if why.code is not SkipCode.PERMISSION_DENIED:
            return  # a link, another filesystem, a mount point: neither counted nor shown
        size = own or 0
        node = UsageNode(name, size, 0, (), True)
        self.bytes_total += size
        if self.stack:
            self.stack[-1].children.append(node)
            self.stack[-1].bytes += size

    def finished(self) -> tuple[UsageNode, ...]:
        """The walked folder's subfolders complete so far (all of them once it is left)."""
        if not self.stack:
            return self.root.children if self.root is not None else ()
        return tuple(self.stack[0].children)

    def progress(self) -> UsageProgress:
        return UsageProgress(self.current, self.files_total, self.bytes_total, self.finished())


class _UsageWalk:
    """The walk's lister and events in this process: measures folders on the walk's threads
    and folds them on the calling thread."""

    def __init__(self, fold: UsageFold) -> None:
        self.fold = fold

    def list_folder(
        self, folder: Folder, handle: int | str, stopping: Callable[[], bool]
    ) -> list[Sub]:
        subs, folder.result = measure(handle, stopping)
        return subs

    def enter(self, folder: Folder) -> None:
        assert folder.stat is not None
        self.fold.open_folder(folder.path, allocated(folder.stat), folder.result)

    def leave(self, folder: Folder) -> None:
        self.fold.close_folder()

    def refused(self, folder: Folder) -> None:
        assert folder.refused is not None
        st = folder.own_stat
        own = allocated(st) if st is not None else None
        self.fold.refuse(folder.path, folder.name, folder.refused, own)


def usage_map(
    folder: str,
    *,
    depth: int | None = None,
    progress: Callable[[UsageProgress], None] | None = None,
    cancel: threading.Event | None = None,
    mounts: MountTable | None = None,
    threads: int | None = None,
    processes: int | None = None,
) -> UsageMap:
    """Walk `folder` (resolved first) and return what each folder below it takes.

    `depth` limits the folders kept in the map (0: the folder alone; None: all); every size
    counts everything below, whatever the depth. `threads`: walking threads per process,
    `processes`: walking processes (None: the defaults; with one, this process walks alone).
    The map is the same whoever walked what. Raises NotAFolder for a missing path or a file.
    A cancelled walk returns the map of what was walked, marked cancelled.
    """
    root = os.path.realpath(folder)
    if not os.path.isdir(root):
        raise NotAFolder(folder)
    table = mounts if mounts is not None else MountTable.current()
    threads = walk_threads(threads)
    collecting = gc.isenabled()
    gc.disable()  # one small record per folder and no cycles: nothing for the collector
    try:
        fold = UsageFold(depth)
        why: Reason | None = None
        walked = False
        count = walk_processes(processes)
        if count > 1:
            from onecleaner.engine.finders.usage_procs import WorkersLost, walk_in_processes

            try:
                why = walk_in_processes(
                    root, fold, count, table.points, threads, cancel, _ticker(fold, progress)
                )
                walked = True
            except WorkersLost as exc:  # read-only: walking again here loses nothing
                log.warning("walking %s in this process: %s", root, exc)
                fold = UsageFold(depth)
        if not walked:
            here = _UsageWalk(fold)
            why = shared_pool(threads).walk(
                root,
                here,
                here,
                mounts=table.points,
                cancel=cancel,
                tick=_ticker(fold, progress),
            )
    finally:
        if collecting:
            gc.enable()
    if why is not None:
        fold.skipped.append(Skip(root, why))
    node = fold.root or UsageNode(os.path.basename(root) or root, 0, 0, (), True)
    if progress is not None:
        progress(UsageProgress("", node.files, node.bytes, node.children))
    cancelled = cancel is not None and cancel.is_set()
    return UsageMap(root, node, tuple(fold.skipped), cancelled)


def _ticker(
    fold: UsageFold, progress: Callable[[UsageProgress], None] | None
) -> Callable[[], None] | None:
    if progress is None:
        return None
    return lambda: progress(fold.progress())


def walk_nodes(node: UsageNode, path: str) -> Iterator[tuple[str, UsageNode]]:
    """Every node of a map with its path, parents first (for faces that list the map)."""
    stack = [(path, node)]
    while stack:
        here, current = stack.pop()
        yield here, current
        for child in reversed(current.children):
            stack.append((os.path.join(here, child.name), child))


__all__ = [
    "Measured",
    "UsageFold",
    "UsageMap",
    "UsageNode",
    "UsageProgress",
    "measure",
    "usage_map",
    "walk_nodes",
]
