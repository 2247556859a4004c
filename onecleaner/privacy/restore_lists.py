"""What a trash-mode clean moved into the trash, kept so that History can put it back.

One file per clean, ``<data>/restore/<clean id>.json``: the trash folder and, for each file,
its item's id, the name it has in the trash and the DeletionDate of its ``.trashinfo``; for an
item the catalog does not define (a finder's), the folders it was cleaned from. The journal
record of the clean carries only the clean's id (no names, no paths).

Not encrypted, and why: the names are what the trash itself keeps in the clear, beside the
files, in its ``.trashinfo`` files (with the whole original paths); a copy sealed here would hide
nothing the trash does not show. What is done instead is to keep the list private and short-
lived: 0600 in the 0700 data folder, written atomically, kept only while `history` is allowed
(withdrawing it, or "Delete all my data", removes every list), dropped once its journal record
is gone (retention) and once nothing of it is left in the trash.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.storage import ensure_data_dir, read_json, write_json

RESTORE_DIR = "restore"
KIND = "restore-list"
SCHEMA = 1
_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True, slots=True)
class RestoreEntry:
    """One file a clean moved into the trash (see onecleaner.engine.model.TrashedFile)."""

    target_id: str
    trash_name: str
    deleted_at: str


@dataclass(frozen=True, slots=True)
class RestoreList:
    """A clean's files in the trash."""

    clean_id: str
    trash_folder: str
    entries: tuple[RestoreEntry, ...]
    roots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # item id -> folders


def _folder(data_dir: Path) -> Path:
    return data_dir / RESTORE_DIR


def _path(data_dir: Path, clean_id: str) -> Path:
    if not _ID.fullmatch(clean_id):
        raise ValueError(f"not a clean id: {clean_id!r}")
    return _folder(data_dir) / f"{clean_id}.json"


def save_restore_list(data_dir: Path, restore: RestoreList) -> None:
    """Keep a clean's list (atomic, 0600)."""
    ensure_data_dir(_folder(data_dir))
    doc: dict[str, Any] = {
        "clean_id": restore.clean_id,
        "trash_folder": restore.trash_folder,
        "entries": [[e.target_id, e.trash_name, e.deleted_at] for e in restore.entries],
    }
    if restore.roots:
        doc["roots"] = {tid: list(folders) for tid, folders in restore.roots.items()}
    write_json(_path(data_dir, restore.clean_id), doc, kind=KIND, schema=SCHEMA)


def load_restore_list(data_dir: Path, clean_id: str) -> RestoreList | None:
    """A clean's list; None when there is none (or it could not be read: set aside)."""
    try:
        doc = read_json(_path(data_dir, clean_id), kind=KIND, schema=SCHEMA)
    except (PrivacyError, ValueError):
        return None
    if doc is None or not isinstance(doc.get("entries"), list):
        return None
    entries = []
    for row in doc["entries"]:
        if isinstance(row, list) and len(row) == 3 and all(isinstance(v, str) for v in row):
            entries.append(RestoreEntry(*row))
    roots: dict[str, tuple[str, ...]] = {}
    listed = doc.get("roots")
    if isinstance(listed, dict):
        for tid, folders in listed.items():
            if isinstance(folders, list) and all(isinstance(f, str) for f in folders):
                roots[str(tid)] = tuple(folders)
    return RestoreList(clean_id, str(doc.get("trash_folder", "")), tuple(entries), roots)


def delete_restore_list(data_dir: Path, clean_id: str) -> None:
    try:
        _path(data_dir, clean_id).unlink(missing_ok=True)
    except ValueError:
        return


def restore_list_ids(data_dir: Path) -> set[str]:
    """The ids of the cleans that have a list."""
    folder = _folder(data_dir)
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.json") if _ID.fullmatch(p.stem)}


def prune_restore_lists(data_dir: Path, keep: set[str]) -> int:
    """Delete the lists whose clean is no longer in the journal; how many went."""
    gone = restore_list_ids(data_dir) - keep
    for clean_id in gone:
        delete_restore_list(data_dir, clean_id)
    return len(gone)


def erase_restore_lists(data_dir: Path) -> bool:
    """Delete every list (history withdrawn, or all data deleted); True when there were any."""
    folder = _folder(data_dir)
    if not folder.exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


__all__ = [
    "RestoreEntry",
    "RestoreList",
    "delete_restore_list",
    "erase_restore_lists",
    "load_restore_list",
    "prune_restore_lists",
    "restore_list_ids",
    "save_restore_list",
]
