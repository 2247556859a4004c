"""Where the shipped resources (catalog, policy texts, keys, icons, translations) live."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding the shipped resources, in a source tree, a wheel or a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        bundled = Path(frozen) / "resources"
        if bundled.is_dir():
            return bundled
    source_tree = Path(__file__).resolve().parent.parent / "resources"
    if (source_tree / "cleaners").is_dir():
        return source_tree
    import onecleaner.resources_data as data

    return Path(next(iter(data.__path__)))


def resource(*parts: str) -> Path:
    """A path inside the shipped resources folder."""
    return resources_dir().joinpath(*parts)
