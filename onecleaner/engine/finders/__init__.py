"""Finders (no Qt): what fills the disk, and what could go.

- `usage_map`: the size of every folder below a chosen one (allocated blocks, hard links once),
  streamed while it walks; one record per folder.
- `find_large`, `find_old`, `find_artefacts`: candidates, ticked or not, whose `Findings.plan()`
  goes through `clean_found`, the cleaner's own re-checked removal.

Every walk here is `walk.FolderWalk`: no link followed, no mount point entered. A face runs
them on a worker thread with a progress callback and a cancel event.
"""

from __future__ import annotations

from onecleaner.engine.finders.artefacts import find_artefacts
from onecleaner.engine.finders.clean import clean_found, default_mode
from onecleaner.engine.finders.errors import FinderError, FolderRefused, NotAFolder
from onecleaner.engine.finders.files import find_large, find_old
from onecleaner.engine.finders.found import (
    Candidate,
    FinderKind,
    Findings,
    Unticked,
    Why,
    is_finder_plan,
)
from onecleaner.engine.finders.usage import UsageMap, UsageNode, UsageProgress, usage_map

__all__ = [
    "Candidate",
    "FinderError",
    "FinderKind",
    "Findings",
    "FolderRefused",
    "NotAFolder",
    "Unticked",
    "UsageMap",
    "UsageNode",
    "UsageProgress",
    "Why",
    "clean_found",
    "default_mode",
    "find_artefacts",
    "find_large",
    "find_old",
    "is_finder_plan",
    "usage_map",
]
