"""Cleaning a record target's part of a plan: each database checked against what the target
reaches now, then edited (see edit.py).

A plan names databases; a saved one could have been made elsewhere or edited, so each
database must still be one of its target's databases on this machine, in a profile the guard
allows, of an application that is not running.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence

from onecleaner.engine.env import Environment
from onecleaner.engine.errors import EngineError
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import Skip, TargetPlan, TargetResult
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.records.domains import KeepList
from onecleaner.engine.records.edit import edit_database
from onecleaner.engine.records.profiles import find_databases
from onecleaner.engine.records.recipes import CLEANERS
from onecleaner.engine.records.scan import app_name
from onecleaner.engine.roots import CatalogView

NOT_ITS_DATABASE = Reason.of(SkipCode.NOT_TARGET_FILE)


def clean_record_target(
    tp: TargetPlan,
    env: Environment,
    *,
    catalog: CatalogView,
    guard: Guard,
    running: Mapping[str, Reason],
    keep: Sequence[str],
    trash: bool,
    dry_run: bool,
    cancel: threading.Event | None = None,
    on_database: Callable[[str], None] | None = None,
) -> tuple[TargetResult, bool]:
    """Clean the databases of one record target's plan; (the result, whether it was cancelled).

    `keep` is the user's keep-list now; each database also keeps what its scan kept, so a
    domain added or removed since the scan changes the count and the database is skipped as
    changed (scan again), rather than cleaned with a list the user did not review.
    """
    tid = tp.target_id
    skips: list[Skip] = []
    try:
        target = catalog.target(tid)
    except EngineError:
        target = None
    if target is None or target.records is None:
        if tp.databases:
            skips.append(Skip(tp.databases[0].path, Reason.of(SkipCode.UNKNOWN_TARGET), tid))
        return TargetResult(tid, 0, 0, tuple(skips)), False
    cleaner = CLEANERS[target.records.cleaner]
    app = app_name(catalog, target)
    _, found, _ = find_databases(target, env, guard)
    current = {(db.profile, db.path): db for db in found}
    freed = records = 0
    for entry in tp.databases:
        if cancel is not None and cancel.is_set():
            return TargetResult(tid, 0, freed, tuple(skips), records), True
        if on_database is not None:
            on_database(entry.path)
        db = current.get((entry.root, entry.path))
        if db is None:
            skips.append(Skip(entry.path, NOT_ITS_DATABASE, tid))
            continue
        app_running = running.get(target.app_id)
        if app_running is not None:
            skips.append(Skip(entry.path, app_running, tid))
            continue
        recipe = cleaner.recipe(db.relative)
        assert recipe is not None
        outcome = edit_database(
            entry,
            recipe,
            cleaner.family,
            KeepList((*entry.keep, *keep)) if recipe.uses_keep_list else KeepList(()),
            app=app,
            env=env,
            trash=trash,
            dry_run=dry_run,
        )
        if outcome.skip is not None:
            skips.append(Skip(entry.path, outcome.skip, tid))
            continue
        if outcome.note is not None:
            skips.append(Skip(entry.path, outcome.note, tid))
        records += outcome.removed
        freed += outcome.freed
    return TargetResult(tid, 0, freed, tuple(skips), records), False


__all__ = ["clean_record_target"]
