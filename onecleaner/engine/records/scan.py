"""Scanning a record target: its databases, the rows a clean would remove, the space it frees.

Nothing is written: a running browser's databases are skipped without being opened, and the
others are read through read-only connections.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence

from onecleaner.engine.env import Environment
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import DatabaseEntry, Identity, Skip, Target, TargetPlan
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.records.database import (
    DatabaseLocked,
    UnknownLayout,
    check_layout,
    count_rows,
    estimate_freed,
    is_busy,
    open_for_reading,
)
from onecleaner.engine.records.domains import KeepList
from onecleaner.engine.records.profiles import find_databases
from onecleaner.engine.records.recipes import CLEANERS, Recipe
from onecleaner.engine.roots import CatalogView, Prober, running_reason


def running_apps(catalog: CatalogView, env: Environment, probe: Prober) -> dict[str, Reason]:
    """App id -> why ("<App> is running") for every application of the catalog running now."""
    apps = tuple(catalog.applications)
    try:
        running = probe.running_apps(apps, env.os)
    except Exception:  # a refused process table: the database lock still tells
        return {}
    return {a.id: running_reason(a) for a in apps if running.get(a.id)}


def app_name(catalog: CatalogView, target: Target) -> str:
    """The name of a target's application for messages ("Chromium")."""
    for app in catalog.applications:
        if app.id == target.app_id:
            return app.name
    return target.app_id


def layout_reason(app: str, recipe: Recipe, exc: UnknownLayout) -> Reason:
    return Reason.of(
        SkipCode.UNKNOWN_LAYOUT,
        app=app,
        database=recipe.what,
        version=exc.version,
        missing=exc.missing,
    )


def sqlite_reason(app: str, exc: sqlite3.Error) -> Reason:
    """A database error in words: in use (a running browser) or unreadable."""
    if is_busy(exc):
        return Reason.of(SkipCode.DATABASE_LOCKED, app=app)
    return Reason.of(SkipCode.UNREADABLE, what="database", error=str(exc))


def scan_record_target(
    target: Target,
    env: Environment,
    guard: Guard,
    *,
    app: str,
    running: Mapping[str, Reason],
    keep: Sequence[str],
    on_database: Callable[[str], None] | None = None,
) -> TargetPlan:
    """The plan of one record target: each database with rows to remove, and the skips.

    `on_database` is told each database's path before it is read (progress).
    """
    spec = target.records
    assert spec is not None
    cleaner = CLEANERS[spec.cleaner]
    folders, found, skips = find_databases(target, env, guard)
    why = running.get(target.app_id)
    if why is not None:
        skips.extend(Skip(db.path, why, target.id) for db in found)
        return TargetPlan(target.id, tuple(folders), (), tuple(skips))
    keep_list = KeepList(keep)
    entries: list[DatabaseEntry] = []
    for db in found:
        recipe = cleaner.recipe(db.relative)
        assert recipe is not None  # the catalog checks every database has a recipe
        if on_database is not None:
            on_database(db.path)
        try:
            st = os.stat(db.path, follow_symlinks=False)
            con = open_for_reading(db.path, keep_list)
        except DatabaseLocked:
            skips.append(Skip(db.path, Reason.of(SkipCode.DATABASE_LOCKED, app=app), target.id))
            continue
        except (OSError, sqlite3.Error) as exc:
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            reason = Reason.of(SkipCode.UNREADABLE, what="database", error=error)
            skips.append(Skip(db.path, reason, target.id))
            continue
        try:
            layout = check_layout(con, recipe, cleaner.family)
            counts = count_rows(con, layout)
            frees = estimate_freed(con, db.path, counts)
        except UnknownLayout as exc:
            skips.append(Skip(db.path, layout_reason(app, recipe, exc), target.id))
            continue
        except sqlite3.Error as exc:
            skips.append(Skip(db.path, sqlite_reason(app, exc), target.id))
            continue
        finally:
            con.close()
        rows = sum(counts.values())
        if rows:
            entries.append(
                DatabaseEntry(
                    path=db.path,
                    root=db.profile,
                    target_id=target.id,
                    identity=Identity(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns),
                    rows=rows,
                    frees=frees,
                    keep=tuple(keep) if recipe.uses_keep_list else (),
                )
            )
    return TargetPlan(target.id, tuple(folders), (), tuple(skips), tuple(entries))


def scan_record_targets(
    targets: Sequence[Target],
    env: Environment,
    guard: Guard,
    *,
    catalog: CatalogView,
    probe: Prober,
    keep: Sequence[str],
    cancel: threading.Event | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[dict[str, TargetPlan], bool]:
    """(target id -> plan for the record targets among `targets`, whether it was cancelled).

    `progress(database path, targets done, targets in all)` is called before each database.
    """
    chosen = [t for t in targets if t.records is not None]
    running = running_apps(catalog, env, probe) if chosen else {}
    plans: dict[str, TargetPlan] = {}
    cancelled = False
    for done, target in enumerate(chosen):
        if cancel is not None and cancel.is_set():
            cancelled = True
            plans[target.id] = TargetPlan(target.id, (), ())
            continue
        on_database = None
        if progress is not None:
            on_database = functools.partial(_database_progress, progress, done, len(chosen))
        plans[target.id] = scan_record_target(
            target, env, guard, app=app_name(catalog, target), running=running, keep=keep,
            on_database=on_database,
        )  # fmt: skip
    return plans, cancelled


def _database_progress(
    progress: Callable[[str, int, int], None], done: int, total: int, path: str
) -> None:
    progress(path, done, total)


__all__ = [
    "app_name",
    "layout_reason",
    "running_apps",
    "scan_record_target",
    "scan_record_targets",
    "sqlite_reason",
]
