"""Where a month's next journal record goes: the end of its log, or a new log when it cannot.

A new log starts when the month's file is missing (the loss is kept in the checkpoint for
`log verify`), its header is damaged, its key is lost, or it no longer matches the checkpoint
(the file is kept aside as evidence and its intact records go on in the new log).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from onecleaner.privacy import journal_format as fmt
from onecleaner.privacy.errors import KeyUnavailable
from onecleaner.privacy.journal_checkpoint import checkpoint_problem
from onecleaner.privacy.storage import binary

if TYPE_CHECKING:
    from onecleaner.privacy.journal_store import JournalStore

KEY_PREFIX = "journal-"


@dataclass
class Tail:
    """Where the next record of a period goes."""

    log_id: str
    key: bytes
    next_seq: int
    last_hash: bytes
    size: int
    last_line: bytes = b""  # the file's last line (without its newline), to recognise it


def find_tail(store: JournalStore, period: str) -> Tail:
    """The append position of ``period``, starting a new log if there is none usable."""
    path = store.path(period)
    cached = store.tails.get(period)
    if cached is not None and (period in store.fresh or still_ends(path, cached)):
        store.fresh.add(period)
        return cached
    pf = store.load(period)
    if pf is None:
        mark_lost(store, period)
        return store.create(period)
    if pf.header is None and not pf.frames:
        return store.create(period)
    if pf.header is None:
        aside = path.with_name(f"{path.name}.corrupt-{secrets.token_hex(3)}")
        os.replace(path, aside)
        store.notices.append(
            f"The header of journal {period} was damaged; the file was kept aside as "
            f"{aside.name} and a new log was started."
        )
        return store.create(period)
    try:
        key = store.keys.data_key(pf.key_name, create=False)
    except KeyUnavailable as exc:
        if not exc.lost:
            raise
        store.drop_lost()
        return store.create(period)
    last = pf.frames[-1] if pf.frames else None
    if _cut_or_swapped(store, period, pf, (last.seq or len(pf.frames)) if last else 0):
        # The records that still open in order go on in a new log under a fresh key.
        kept = [payload for _seq, payload in fmt.walk(pf, key, period).payloads]
        name = f"{KEY_PREFIX}{period}-{secrets.token_hex(3)}"
        return store.write_new(period, name, store.keys.data_key(name), kept)
    last_line = last.line if last else pf.header_raw
    tail = Tail(
        log_id=pf.log_id,
        key=key,
        next_seq=((last.seq or len(pf.frames)) if last else 0) + 1,
        last_hash=fmt.line_hash(last_line),
        size=path.stat().st_size,
        last_line=last_line,
    )
    store.tails[period] = tail
    store.fresh.add(period)
    return tail

def still_ends(path: Path, tail: Tail) -> bool:
    """Whether ``path`` still ends where ``tail`` says: same size, same last line.

    A rewrite by another process starts a new log (new id, new ciphertext), so its
    last line differs even at the same size; this saves reading the whole month.
    """
    if not tail.last_line:
        return False
    want = tail.last_line + b"\n"
    try:
        fd = os.open(path, os.O_RDONLY | binary() | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if os.fstat(fd).st_size != tail.size or tail.size < len(want):
            return False
        os.lseek(fd, tail.size - len(want), os.SEEK_SET)
        return os.read(fd, len(want)) == want
    except OSError:
        return False
    finally:
        os.close(fd)

def mark_lost(store: JournalStore, period: str) -> None:
    """Remember in the checkpoint that ``period``'s file vanished (if it held records).

    `log verify` names a lost month until it expires, even after new records were
    written; the user is told now and a security event is journalled.
    """
    entry = store.entries().get(period)
    if entry is None or entry.get("removing") or int(entry.get("seq", 0)) <= 0:
        return
    store.lost()[period] = {"log_id": entry.get("log_id"), "seq": int(entry["seq"])}
    store.entries().pop(period, None)
    store.save_checkpoint()
    store.notices.append(
        f"The journal for {period} ({entry['seq']} records) is missing: its file was "
        "removed outside ONE Cleaner. A new log was started; `onecleaner privacy log "
        "verify` keeps reporting the gap."
    )
    store.incidents.append(f"journal-tampered: missing ({period})")

def _cut_or_swapped(store: JournalStore, period: str, pf: fmt.PeriodFile, last: int) -> bool:
    """Whether ``period`` lost records off its end (or was swapped) since its checkpoint.

    Appending to it would move the checkpoint past the evidence, so the file is kept
    aside for inspection (its key stays until the month expires), the user is told, and
    an incident is queued for the journal.
    """
    ckpt = store.checkpoint()
    entry = ckpt.entries.get(period) if ckpt.state == "ok" else None
    if entry is None:
        return False
    problem = checkpoint_problem(entry, pf, last, period)
    if problem is None:
        return False
    path = store.path(period)
    store.close_fd(period)
    aside = path.with_name(f"{path.name}.tampered-{secrets.token_hex(3)}")
    os.replace(path, aside)
    store.tails.pop(period, None)
    store.notices.append(
        f"Journal {period} no longer matches its checkpoint ({problem[0]}); it was kept "
        f"aside as {aside.name} for inspection and its intact records go on in a new log."
    )
    store.incidents.append(f"journal-tampered: {problem[2]} ({period})")
    return True
