"""Sorting a big file table off the GUI thread: a worker computes the rows' order by a column."""

from __future__ import annotations

import enum
import heapq
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from onecleaner.engine.model import PlanEntry
from onecleaner.gui.jobs.base import Worker

#: Rows sorted in one C call, which holds the GIL throughout: sorting 200,000 shuffled paths in
#: one call held it 340 ms here; a run this size takes about 7 ms, and the Python-level merge
#: lets the window in between (bench_gui_stall.py: the 200k-row sort's longest tick gap 14 ms).
RUN = 8_192


class SortColumn(enum.Enum):
    """What the file table can be sorted by."""

    PATH = "path"
    FREES = "frees"
    MODIFIED = "modified"


def _key_of(column: SortColumn) -> Callable[[PlanEntry], Any]:
    if column is SortColumn.PATH:
        return lambda e: e.path.casefold()
    if column is SortColumn.FREES:
        return lambda e: e.frees
    return lambda e: e.identity.mtime_ns


class SortCancelled(Exception):
    """A newer sort or a new set of rows made this one useless."""


def sorted_order(
    keys: Sequence[Any], *, descending: bool, cancel: threading.Event | None = None
) -> list[int]:
    """The row numbers ordered by their keys (stable: equal keys keep their order)."""
    get = keys.__getitem__
    runs: list[list[int]] = []
    for start in range(0, len(keys), RUN):
        if cancel is not None and cancel.is_set():
            raise SortCancelled
        run = list(range(start, min(len(keys), start + RUN)))
        run.sort(key=get, reverse=descending)
        runs.append(run)
    if len(runs) == 1:
        return runs[0]
    return list(heapq.merge(*runs, key=get, reverse=descending))


@dataclass(frozen=True)
class SortOutcome:
    """The order of a set of rows by a column (`entries` is the very sequence that was sorted)."""

    entries: Sequence[PlanEntry]
    column: SortColumn
    descending: bool
    order: list[int] | None  # None: cancelled


class SortWorker(Worker):
    """Orders a file table's entries by a column, on its own thread."""

    def __init__(
        self, entries: Sequence[PlanEntry], column: SortColumn, *, descending: bool
    ) -> None:
        super().__init__()
        self.entries = entries
        self.column = column
        self.descending = descending

    def work(self) -> SortOutcome:
        key = _key_of(self.column)
        keys = [key(e) for e in self.entries]
        try:
            order: list[int] | None = sorted_order(
                keys, descending=self.descending, cancel=self.cancel_event
            )
        except SortCancelled:
            order = None
        return SortOutcome(self.entries, self.column, self.descending, order)
