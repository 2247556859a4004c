"""Taking records out of the journal: expired ones (retention) and erased ones, crypto-shredded.

A month whose records all go is deleted with its key. A month that keeps some is rewritten
as a new log of the records that stay, under a fresh key, and the old key is destroyed, so
the removed records cannot be recovered from a copy of the old file.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
from datetime import UTC, datetime, timedelta

from onecleaner.privacy import journal_format as fmt
from onecleaner.privacy.errors import KeyUnavailable
from onecleaner.privacy.journal_checkpoint import checkpoint_problem
from onecleaner.privacy.journal_store import JournalStore
from onecleaner.privacy.journal_tail import KEY_PREFIX
from onecleaner.privacy.keys import KeyStore

_PERIOD_KEY = re.compile(r"journal-(\d{4}-\d{2})(?:-[0-9a-f]+)?")


def _period_start(period: str) -> datetime:
    year, month = (int(part) for part in period.split("-"))
    return datetime(year, month, 1, tzinfo=UTC)


def _period_end(period: str) -> datetime:
    year, month = (int(part) for part in period.split("-"))
    return datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)


def _older_than(payload: bytes, cutoff: datetime) -> bool:
    """Whether the record ``payload`` was written before ``cutoff``.

    A record whose time cannot be read cannot be shown to be needed: it counts as expired.
    """
    try:
        at = datetime.fromisoformat(str(json.loads(payload).get("at", "")))
    except (ValueError, AttributeError):
        return True
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at < cutoff


def purge(store: JournalStore, keys: KeyStore, now: datetime, retention_days: int) -> int:
    """Remove the records older than ``retention_days`` before ``now``; how many went.

    Months whose records are all too old go whole, with their keys; the month that straddles
    the limit is rewritten without its old records under a fresh key.
    """
    cutoff = now - timedelta(days=retention_days)
    removed = 0
    dropped_whole = False
    for period in store.periods():
        if _period_end(period) <= cutoff:
            pf = store.load(period, repair=False)
            removed += len(pf.frames) if pf is not None else 0
            store.remove_period(period, pf)
            dropped_whole = True
        elif _period_start(period) < cutoff:
            removed += _drop_older(store, keys, period, cutoff)
    for name in keys.names():
        match = _PERIOD_KEY.fullmatch(name)
        if match and _period_end(match.group(1)) <= cutoff:
            keys.destroy(name)  # a key whose file is already gone
    store.remove_expired_aside(lambda period: _period_end(period) <= cutoff)
    # A month lost or missing stays reported until it would have expired anyway.
    for period in [p for p in store.lost() if _period_end(p) <= cutoff]:
        del store.lost()[period]
        dropped_whole = True
    for period in [p for p in store.entries() if _period_end(p) <= cutoff]:
        if not store.path(period).exists():
            del store.entries()[period]
            dropped_whole = True
    if dropped_whole:
        store.save_checkpoint()
    return removed


def _drop_older(store: JournalStore, keys: KeyStore, period: str, cutoff: datetime) -> int:
    """Rewrite ``period`` without its records from before ``cutoff``; how many went."""
    pf = store.load(period)
    if pf is None or pf.header is None:
        return 0  # a damaged header is reported by verify and replaced at the next append
    try:
        key = keys.data_key(pf.key_name, create=False)
    except KeyUnavailable:
        return 0  # a lost key: the log is discarded as a whole; a locked one: next time
    walk = fmt.walk(pf, key, period)
    if walk.problem is not None or not _agrees_with_checkpoint(store, period, pf, walk):
        # Rewriting would hide the tampering from verify; the month still goes whole
        # when all of it has expired.
        return 0
    keep = [payload for _seq, payload in walk.payloads if not _older_than(payload, cutoff)]
    dropped = len(walk.payloads) - len(keep)
    if dropped:
        _rewrite(store, keys, period, pf, keep)
    return dropped


def _agrees_with_checkpoint(
    store: JournalStore, period: str, pf: fmt.PeriodFile, walk: fmt.Walk
) -> bool:
    ckpt = store.checkpoint()
    if ckpt.state != "ok":
        return False
    entry = ckpt.entries.get(period)
    return entry is not None and checkpoint_problem(entry, pf, walk.last_seq, period) is None


def _rewrite(
    store: JournalStore, keys: KeyStore, period: str, pf: fmt.PeriodFile, keep: list[bytes]
) -> None:
    """Replace ``period`` by a new log of ``keep`` under a fresh key; shred the old key."""
    if not keep:
        store.remove_period(period, pf)
        store.save_checkpoint()
        return
    new_name = f"{KEY_PREFIX}{period}-{secrets.token_hex(3)}"
    store.write_new(period, new_name, keys.data_key(new_name), keep, retire=pf.key_name)


def erase_all(store: JournalStore, keys: KeyStore) -> int:
    """Remove every record, key and the checkpoint; how many records went."""
    erased = 0
    for period in store.periods():
        pf = store.load(period, repair=False)
        erased += len(pf.frames) if pf is not None else 0
        store.remove_period(period, pf)
    for name in keys.names():
        if name.startswith(KEY_PREFIX):
            keys.destroy(name)
    with contextlib.suppress(FileNotFoundError):
        store.ckpt_path.unlink()
    store.remove_expired_aside(lambda period: True)
    store.forget_tails()
    store.entries().clear()
    store.lost().clear()
    return erased


def erase_purpose(store: JournalStore, keys: KeyStore, period: str, purpose: str) -> int:
    """Remove ``purpose``'s records from ``period`` (rewritten under a fresh key); how many."""
    pf = store.load(period)
    if pf is None:
        return 0
    try:
        if pf.header is None:
            raise KeyUnavailable("header changed")
        key = keys.data_key(pf.key_name, create=False)
    except KeyUnavailable as exc:
        if not exc.lost:
            raise
        # Unreadable records might be of this purpose: they go too.
        store.remove_period(period, pf)
        store.save_checkpoint()
        return len(pf.frames)
    keep: list[bytes] = []
    prev = fmt.line_hash(pf.header_raw)
    for frame in pf.frames:
        payload = fmt.open_frame(key, pf.log_id, frame, frame.seq, prev)
        prev = fmt.line_hash(frame.line)
        # A record that does not open has no known purpose: erasing errs on its side.
        if payload is not None and json.loads(payload).get("purpose") != purpose:
            keep.append(payload)
    erased = len(pf.frames) - len(keep)
    if erased:
        _rewrite(store, keys, period, pf, keep)
    return erased
