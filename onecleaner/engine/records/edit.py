"""Cleaning one browser database: take it alone, check it again, keep a copy, remove, compact.

The order guarantees what a user was promised: nothing changes unless the database is held by
this process alone, is still the file the scan saw, has the layout its recipe expects and
still holds exactly the rows the scan counted; with `--trash` a copy goes to the trash before
the edit; the rows go in one transaction (a crash leaves the database as SQLite's own
rollback leaves it: all or nothing); then the file is rebuilt so the removed values do not
linger in free pages or the write-ahead log.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import tempfile
from dataclasses import dataclass

from onecleaner.engine.env import Environment
from onecleaner.engine.fsops import HomeTrash, open_dir_nofollow
from onecleaner.engine.model import OS, DatabaseEntry
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.recheck import reason_for, trash_folders
from onecleaner.engine.records.database import (
    DatabaseLocked,
    UnknownLayout,
    check_layout,
    checkpoint,
    compact,
    count_rows,
    files_size,
    open_for_editing,
    remove_rows,
)
from onecleaner.engine.records.domains import KeepList
from onecleaner.engine.records.recipes import Family, Recipe
from onecleaner.engine.records.scan import layout_reason, sqlite_reason

CHANGED = Reason.of(SkipCode.CHANGED)


@dataclass(frozen=True, slots=True)
class EditOutcome:
    """What cleaning one database did: rows removed, bytes freed, why not (or a remark)."""

    removed: int = 0
    freed: int = 0
    skip: Reason | None = None  # set: nothing was changed
    note: Reason | None = None  # set: rows removed, with something to say (not compacted)


def _same_file(path: str, entry: DatabaseEntry, uid: int | None) -> Reason | None:
    """Why `path` is no longer the database the scan saw, or None."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return Reason.of(SkipCode.GONE)
    except OSError as exc:
        return reason_for(exc)
    if not stat.S_ISREG(st.st_mode):
        return Reason.of(SkipCode.NOT_PLAIN_FILE)
    if (st.st_dev, st.st_ino) != (entry.identity.dev, entry.identity.ino):
        return CHANGED
    if uid is not None and st.st_uid != uid:
        return Reason.of(SkipCode.OTHER_OWNER)
    return None


def trash_copy(path: str, env: Environment) -> None:
    """Put a copy of the database file `path` in the user's trash, named and placed like it.

    The copy is made beside the database (same disk), then moved: into the home trash with
    the database's own path as where it came from (so "restore" puts it back), or through
    send2trash elsewhere. Raises OSError when the copy cannot be made or trashed.
    """
    folder = tempfile.mkdtemp(prefix=".onecleaner-copy-", dir=os.path.dirname(path))
    name = os.path.basename(path)
    copy = os.path.join(folder, name)
    try:
        shutil.copyfile(path, copy)
        os.chmod(copy, 0o600)
        moved = False
        if env.os is OS.LINUX:
            trash = HomeTrash(trash_folders(env)[0])
            fd = open_dir_nofollow(os.path.realpath(folder))
            try:
                trash.move(fd, name, path)
                moved = True
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
            finally:
                os.close(fd)
                trash.close()
        if not moved:
            from send2trash import send2trash

            send2trash(copy)
    finally:
        if os.path.lexists(copy):
            os.unlink(copy)
        os.rmdir(folder)


def edit_database(
    entry: DatabaseEntry,
    recipe: Recipe,
    family: Family,
    keep: KeepList,
    *,
    app: str,
    env: Environment,
    trash: bool,
    dry_run: bool,
) -> EditOutcome:
    """Clean one database as its scan planned it; see the module's docstring for the order."""
    path = entry.path
    why = _same_file(path, entry, env.uid)
    if why is not None:
        return EditOutcome(skip=why)
    before = files_size(path)
    try:
        con = open_for_editing(path, keep)
    except DatabaseLocked:
        return EditOutcome(skip=Reason.of(SkipCode.DATABASE_LOCKED, app=app))
    except sqlite3.Error as exc:
        return EditOutcome(skip=sqlite_reason(app, exc))
    try:
        why = _same_file(path, entry, env.uid)  # the file opened is still the one checked
        if why is not None:
            return EditOutcome(skip=why)
        try:
            layout = check_layout(con, recipe, family)
            rows = sum(count_rows(con, layout).values())
        except UnknownLayout as exc:
            return EditOutcome(skip=layout_reason(app, recipe, exc))
        if rows != entry.rows:
            return EditOutcome(skip=CHANGED)
        if dry_run:
            return EditOutcome(removed=rows, freed=entry.frees)
        if trash:
            try:
                checkpoint(con)  # the copy is then the whole database in one file
                trash_copy(path, env)
            except Exception as exc:  # send2trash has its own errors; nothing was changed
                if isinstance(exc, OSError):
                    cause = reason_for(exc)
                elif isinstance(exc, sqlite3.Error):
                    cause = sqlite_reason(app, exc)
                else:
                    cause = Reason.of(SkipCode.NOT_REMOVED, error=str(exc))
                return EditOutcome(skip=Reason.of(SkipCode.TRASH_FAILED, cause=cause))
        try:
            removed = remove_rows(con, layout)
        except sqlite3.Error as exc:
            return EditOutcome(skip=Reason.of(SkipCode.RECORDS_NOT_REMOVED, error=str(exc)))
        note = None
        try:
            compact(con)
        except sqlite3.Error as exc:
            note = Reason.of(SkipCode.NOT_VACUUMED, error=str(exc))
    finally:
        con.close()
    return EditOutcome(removed=removed, freed=max(0, before - files_size(path)), note=note)


__all__ = ["EditOutcome", "edit_database", "trash_copy"]
