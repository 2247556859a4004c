"""Where a walk stops: protected places, running applications' places, files in use.

Looked up folder by folder, so that a walk pays one dictionary look per folder and a test of
None per file in the many folders where nothing stops it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from onecleaner.engine.reasons import Reason

NOT_FOUND = object()


class Stops:
    """Where a walk stops (path -> why, None: silently), looked up folder by folder.

    A folder's stops are one dictionary look, so the files of the many folders without any
    cost a test of None each. Names compare as the OS compares them (`fold`: Windows ignores
    case, macOS case and Unicode normalisation); None compares them as they are.
    """

    def __init__(
        self,
        stops: Mapping[str, Reason | None],
        fold: Callable[[str], str] | None = None,
        sep: str = os.sep,
    ) -> None:
        self.fold = fold
        self.sep = sep
        self._by_folder: dict[str, dict[str, Reason | None]] = {}
        for path, why in stops.items():
            parent, _, name = (path if fold is None else fold(path)).rpartition(sep)
            self._by_folder.setdefault(parent, {}).setdefault(name, why)

    def in_folder(self, folder: str) -> dict[str, Reason | None] | None:
        """The stops in `folder` by (folded) name, or None when it has none."""
        return self._by_folder.get(folder if self.fold is None else self.fold(folder))

    def get(self, path: str) -> object:
        """Why the walk stops at `path` (a reason or None), or `NOT_FOUND`."""
        folder, _, name = path.rpartition(self.sep)
        here = self.in_folder(folder)
        if here is None:
            return NOT_FOUND
        return here.get(name if self.fold is None else self.fold(name), NOT_FOUND)


__all__ = ["NOT_FOUND", "Stops"]
