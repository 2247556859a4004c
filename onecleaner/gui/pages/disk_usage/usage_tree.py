"""The usage map as the Disk usage page walks it (no Qt): a folder by its path from the top,
the files directly in a folder, the map while its walk runs, and a folder measured again."""

from __future__ import annotations

import os
from collections.abc import Sequence

from onecleaner.engine.finders import UsageNode, UsageProgress


def node_at(root: UsageNode, path: Sequence[str]) -> UsageNode | None:
    """The folder at `path` (names from `root`), or None when the map does not hold it."""
    node = root
    for name in path:
        found = next((c for c in node.children if c.name == name), None)
        if found is None:
            return None
        node = found
    return node


def loose(node: UsageNode) -> tuple[int, int]:
    """(bytes, files) of the files directly in a folder, outside its subfolders."""
    return (
        node.bytes - sum(c.bytes for c in node.children),
        node.files - sum(c.files for c in node.children),
    )


def live_root(folder: str, progress: UsageProgress) -> UsageNode:
    """The map of a walk still running: its totals so far and the subfolders already finished
    (largest first); what is counted but not finished is the rest of the total."""
    finished = tuple(sorted(progress.finished, key=lambda n: (-n.bytes, n.name)))
    name = os.path.basename(folder.rstrip(os.sep)) or folder
    return UsageNode(name, progress.bytes, progress.files, finished)


def replace_node(root: UsageNode, path: Sequence[str], new: UsageNode | None) -> UsageNode:
    """`root` with the folder at `path` replaced by `new` (None: it is gone), the sizes of the
    folders above it changed by the difference. A path the map does not hold changes nothing."""
    if not path:
        return new if new is not None else UsageNode(root.name, 0, 0)
    old = next((c for c in root.children if c.name == path[0]), None)
    if old is None:
        return root
    if len(path) == 1:
        changed = UsageNode(old.name, new.bytes, new.files, new.children, new.unreadable) if (
            new is not None
        ) else None
    else:
        changed = replace_node(old, path[1:], new)
    children = [c for c in root.children if c is not old]
    if changed is not None:
        children.append(changed)
    children.sort(key=lambda n: (-n.bytes, n.name))
    gained = (changed.bytes if changed is not None else 0) - old.bytes
    files = (changed.files if changed is not None else 0) - old.files
    return UsageNode(
        root.name, root.bytes + gained, root.files + files, tuple(children), root.unreadable
    )


__all__ = ["live_root", "loose", "node_at", "replace_node"]
