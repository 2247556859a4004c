"""Finishing journal work a crash cut short: pending rewrites, removals, orphaned keys.

A rewrite names its new log in the checkpoint (``pending``) before the file is replaced and a
removal marks the month (``removing``) before the file goes (see `journal_store`). `settle`
looks at what is on disk and completes the change, or rolls it back when the file was never
replaced, so `log verify` never mistakes a crash for tampering. `sweep_orphan_keys` destroys
the month keys no file uses any more (a crash between replacing a file and destroying the
old key would otherwise leave the removed records decryptable from a copy).
"""

from __future__ import annotations

import json
import os
import re

from onecleaner.privacy.journal_checkpoint import checkpoint_entry
from onecleaner.privacy.journal_store import JournalStore
from onecleaner.privacy.storage import binary

_PERIOD_KEY = re.compile(r"journal-(\d{4}-\d{2})(?:-[0-9a-f]+)?")
_JOURNAL_FILE = re.compile(r"(\d{4}-\d{2})\.log(?:\..*)?")


def settle(store: JournalStore) -> bool:
    """Complete or roll back the rewrites and removals the checkpoint names; True if any.

    Call it holding the store's guard.
    """
    ckpt = store.checkpoint()
    if ckpt.state != "ok":
        return False
    changed = False
    for period, entry in list(store.entries().items()):
        if entry.get("removing"):
            store.remove_period(period, store.load(period, repair=False))
            changed = True
            continue
        pending = entry.get("pending")
        if not isinstance(pending, dict):
            continue
        pf = store.load(period, repair=False)
        new_key = str(pending.get("key") or "")
        if pf is not None and pf.log_id == pending.get("log_id"):
            # The new log is in place: the old key goes first, then the checkpoint names it.
            retire = str(pending.get("retire") or "")
            if retire and retire != new_key:
                store.keys.destroy(retire)
            store.entries()[period] = checkpoint_entry(
                str(pending["log_id"]), int(pending.get("seq", 0)), bytes.fromhex(pending["hash"])
            )
        else:
            # The old log stayed: the key made for the new one was never used.
            if new_key and (pf is None or pf.key_name != new_key):
                store.keys.destroy(new_key)
            del entry["pending"]
        store.forget_tails()
        changed = True
    if changed:
        store.save_checkpoint()
    return changed


def _header_key(path: os.PathLike[str] | str) -> str | None:
    """The key name in a journal file's header line, None if it cannot be read."""
    flags = os.O_RDONLY | binary() | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        first = os.read(fd, 4096).split(b"\n", 1)[0]
        header = json.loads(first.decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)
    key = header.get("key") if isinstance(header, dict) else None
    return key if isinstance(key, str) else None


def sweep_orphan_keys(store: JournalStore) -> list[str]:
    """Destroy the month keys that no journal file (kept aside ones included) names.

    A month with a file whose header cannot be read keeps all its keys: that file may be
    evidence verify reports. Call it holding the store's guard; returns the keys destroyed.
    """
    used: set[str] = set()
    unsure: set[str] = set()
    if store.dir.is_dir():
        for path in store.dir.iterdir():
            match = _JOURNAL_FILE.fullmatch(path.name)
            if match is None:
                continue
            key = _header_key(path)
            if key is None:
                unsure.add(match.group(1))
            else:
                used.add(key)
    ckpt = store.checkpoint()
    for entry in ckpt.entries.values() if ckpt.state == "ok" else ():
        pending = entry.get("pending")
        if isinstance(pending, dict) and pending.get("key"):
            used.add(str(pending["key"]))
    destroyed = []
    for name in store.keys.names():
        match = _PERIOD_KEY.fullmatch(name)
        if match is None or name in used or match.group(1) in unsure:
            continue
        store.keys.destroy(name)
        destroyed.append(name)
    return destroyed


__all__ = ["settle", "sweep_orphan_keys"]
