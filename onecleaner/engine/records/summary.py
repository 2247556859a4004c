"""What a plan's record targets will do, for the faces' confirmation: which browsers, how many
records, and which domains keep their cookies (so the user sees whom they stay signed in to)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onecleaner.engine.errors import EngineError
from onecleaner.engine.model import Plan
from onecleaner.engine.records.recipes import CLEANERS
from onecleaner.engine.records.scan import app_name
from onecleaner.engine.roots import CatalogView


@dataclass(frozen=True, slots=True)
class RecordSummary:
    """The record part of a plan, in the words a confirmation needs."""

    targets: tuple[str, ...]  # record target ids with rows to remove
    browsers: tuple[str, ...]  # their applications' names, in plan order
    records: int
    cookies: bool  # a cookie target is among them: the keep-list matters
    kept: tuple[str, ...]  # the kept domains those cookie targets were scanned with

    def __bool__(self) -> bool:
        return bool(self.targets)


def record_summary(plan: Plan, catalog: CatalogView) -> RecordSummary:
    """Summarize the record targets of `plan` that have rows to remove."""
    targets: list[str] = []
    browsers: dict[str, None] = {}
    kept: dict[str, None] = {}
    cookies = False
    for tp in plan.targets:
        if not tp.records:
            continue
        targets.append(tp.target_id)
        try:
            target = catalog.target(tp.target_id)
        except EngineError:
            continue
        browsers.setdefault(app_name(catalog, target))
        spec = target.records
        if spec is not None and CLEANERS[spec.cleaner].uses_keep_list:
            cookies = True
            for db in tp.databases:
                kept.update(dict.fromkeys(db.keep))
    return RecordSummary(tuple(targets), tuple(browsers), plan.records, cookies, tuple(kept))


def uses_keep_list(target_ids: Sequence[str], catalog: CatalogView) -> bool:
    """Whether any of these targets removes cookies (and so depends on the keep-list)."""
    for tid in target_ids:
        try:
            spec = catalog.target(tid).records
        except EngineError:
            continue
        if spec is not None and CLEANERS[spec.cleaner].uses_keep_list:
            return True
    return False


__all__ = ["RecordSummary", "record_summary", "uses_keep_list"]
