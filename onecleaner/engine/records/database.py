"""One browser database under a recipe: opening it safely, checking its layout, counting the
rows a clean removes, estimating the space, removing them in one transaction, compacting.

The scan reads through a read-only connection (it never checkpoints or writes the database).
The clean takes the database for itself first (`locking_mode=EXCLUSIVE` and `BEGIN
EXCLUSIVE`, which fails while any other program has it open), so a browser that runs under a
name the process check missed still makes the clean stop with nothing changed.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from onecleaner.engine.records.domains import KeepList
from onecleaner.engine.records.recipes import KEPT_FUNCTION, Family, Recipe, Step, Update

_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class DatabaseLocked(Exception):
    """Another program holds the database (a running browser)."""


class UnknownLayout(Exception):
    """The database lacks a table or column its recipe needs; nothing was changed."""

    def __init__(self, version: str, missing: str) -> None:
        super().__init__(f"schema version {version}: {missing}")
        self.version = version
        self.missing = missing


@dataclass(frozen=True, slots=True)
class Layout:
    """What a database holds of its recipe: its version and the steps and updates that apply."""

    version: str
    steps: tuple[Step, ...]
    updates: tuple[Update, ...]


def files_size(path: str) -> int:
    """The bytes of a database with its write-ahead log (what a clean can shrink)."""
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += os.stat(path + suffix).st_size
    return total


def _uri(path: str, mode: str) -> str:
    return f"{Path(path).as_uri()}?mode={mode}"


def _keep_function(keep: KeepList) -> Callable[[object], int]:
    def kept(host: object) -> int:
        return 1 if isinstance(host, str) and keep.keeps(host) else 0

    return kept


def _connect(path: str, mode: str, keep: KeepList) -> sqlite3.Connection:
    con = sqlite3.connect(_uri(path, mode), uri=True, timeout=0, isolation_level=None)
    con.create_function(KEPT_FUNCTION, 1, _keep_function(keep), deterministic=True)
    return con


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether an SQLite error means another connection holds the database."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code in _BUSY
    return "locked" in str(exc) or "busy" in str(exc)


def open_for_reading(path: str, keep: KeepList) -> sqlite3.Connection:
    """A read-only connection (it cannot checkpoint or change the file); DatabaseLocked if held."""
    con = _connect(path, "ro", keep)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        con.close()
        if is_busy(exc):
            raise DatabaseLocked(str(exc)) from exc
        raise
    return con


def open_for_editing(path: str, keep: KeepList) -> sqlite3.Connection:
    """A connection that holds the database alone until it closes; DatabaseLocked if it cannot.

    Exclusive locking mode keeps the lock between transactions, so nothing can slip in between
    the checks, the copy to the trash, the removal and the vacuum.
    """
    con = _connect(path, "rw", keep)
    try:
        con.execute("PRAGMA locking_mode = EXCLUSIVE")
        con.execute("PRAGMA secure_delete = ON")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("COMMIT")
    except sqlite3.Error as exc:
        con.close()
        if is_busy(exc):
            raise DatabaseLocked(str(exc)) from exc
        raise
    return con


def schema_version(con: sqlite3.Connection, family: Family) -> str:
    """The browser's schema version of the database ("?" when it does not say)."""
    try:
        if family is Family.CHROMIUM:
            row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        else:
            row = con.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error:
        return "?"
    return str(row[0]) if row and row[0] is not None else "?"


def _columns(con: sqlite3.Connection, table: str) -> set[str] | None:
    """The columns of `table`, or None when there is no such table (or view)."""
    rows = con.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
    kind = con.execute(
        "SELECT type FROM sqlite_master WHERE name = ? COLLATE NOCASE", (table,)
    ).fetchone()
    if not rows or kind is None or kind[0] != "table":
        return None
    return {r[0] for r in rows}


def check_layout(con: sqlite3.Connection, recipe: Recipe, family: Family) -> Layout:
    """The steps that apply to this database; UnknownLayout naming what is missing."""
    version = schema_version(con, family)
    for table, needed in recipe.requires.items():
        columns = _columns(con, table)
        if columns is None:
            raise UnknownLayout(version, f"no table {table}")
        missing = [c for c in needed if c not in columns]
        if missing:
            raise UnknownLayout(version, f"table {table} has no column {missing[0]}")
    steps = tuple(s for s in recipe.steps if not s.optional or _columns(con, s.table) is not None)
    if not steps:
        names = ", ".join(s.table for s in recipe.steps)
        raise UnknownLayout(version, f"none of the tables {names}")
    updates = []
    for u in recipe.updates:
        columns = _columns(con, u.table)
        if columns is not None and all(c in columns for c in u.columns):
            updates.append(u)
        elif not u.optional:
            raise UnknownLayout(version, f"table {u.table} lacks {', '.join(u.columns)}")
    return Layout(version, steps, tuple(updates))


def _where(step: Step) -> str:
    return f" WHERE {step.where}" if step.where else ""


def count_rows(con: sqlite3.Connection, layout: Layout) -> dict[str, int]:
    """Table -> rows a clean removes from it (tables with none left out)."""
    counts: dict[str, int] = {}
    for step in layout.steps:
        (n,) = con.execute(f'SELECT count(*) FROM "{step.table}"{_where(step)}').fetchone()
        if n:
            counts[step.table] = counts.get(step.table, 0) + int(n)
    return counts


def estimate_freed(con: sqlite3.Connection, path: str, counts: dict[str, int]) -> int:
    """Bytes a clean and vacuum would free: the removed rows' share of their tables' pages
    (with the tables' indexes), the free pages, and the write-ahead log.

    Uses SQLite's dbstat table where the library has it; otherwise the removed rows' share of
    every used page.
    """
    page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
    page_count = int(con.execute("PRAGMA page_count").fetchone()[0])
    free_pages = int(con.execute("PRAGMA freelist_count").fetchone()[0])
    try:
        wal = os.stat(path + "-wal").st_size
    except OSError:
        wal = 0
    if not counts:
        return 0
    totals = {
        table: int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]) for table in counts
    }
    try:
        sizes = dict(con.execute("SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE"))
    except sqlite3.Error:  # no dbstat (or no aggregate mode) in this SQLite
        used = (page_count - free_pages) * page_size
        share = sum(counts.values()) / max(1, _all_rows(con))
        return int(used * min(1.0, share)) + free_pages * page_size + wal
    owners = dict(
        con.execute("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")
    )
    freed = 0.0
    for name, size in sizes.items():
        table = owners.get(name)
        if table in counts and totals[table]:
            freed += int(size or 0) * counts[table] / totals[table]
    return int(freed) + free_pages * page_size + wal


def _all_rows(con: sqlite3.Connection) -> int:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return sum(int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables)


def remove_rows(con: sqlite3.Connection, layout: Layout) -> int:
    """Run the steps and updates in one transaction; the rows removed. Rolls back on error."""
    removed = 0
    con.execute("BEGIN EXCLUSIVE")
    try:
        for step in layout.steps:
            removed += con.execute(f'DELETE FROM "{step.table}"{_where(step)}').rowcount
        for update in layout.updates:
            con.execute(f'UPDATE "{update.table}" SET {update.assignments} WHERE {update.where}')
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    return removed


def is_wal(con: sqlite3.Connection) -> bool:
    (mode,) = con.execute("PRAGMA journal_mode").fetchone()
    return str(mode).lower() == "wal"


def checkpoint(con: sqlite3.Connection) -> None:
    """Write the log into the database and empty it (a no-op outside WAL mode)."""
    if is_wal(con):
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


def compact(con: sqlite3.Connection) -> None:
    """Rebuild the database without its free pages, so removed values do not linger."""
    con.execute("VACUUM")
    checkpoint(con)


__all__ = [
    "DatabaseLocked",
    "Layout",
    "UnknownLayout",
    "check_layout",
    "checkpoint",
    "compact",
    "count_rows",
    "estimate_freed",
    "files_size",
    "is_busy",
    "open_for_editing",
    "open_for_reading",
    "remove_rows",
    "schema_version",
]
