"""The journal's sealed checkpoint: each month's log id, last sequence number and hash.

The checkpoint is sealed with its own key (``journal-checkpoint``). A checkpoint behind a
month's file is fine (a crash between writing a record and the checkpoint); one ahead of it
means records were cut off the end. `journal_store.JournalStore` keeps it up to date.

A rewrite (retention, erasure) names the new log in the month's entry as ``pending`` before
the file is replaced, and a removal marks the entry ``removing`` before the file goes, so a
crash in between is recognised (and finished) rather than reported as tampering. Months
whose file vanished are kept in ``lost`` until they expire: `log verify` names them even
after later records were written.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onecleaner.privacy import crypto
from onecleaner.privacy import journal_format as fmt
from onecleaner.privacy.errors import CorruptFile, DecryptError, KeyUnavailable
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.storage import read_json, write_json

CHECKPOINT_FILE = "checkpoint.json"
CHECKPOINT_KEY = "journal-checkpoint"
_CHECKPOINT_AAD = b"onecleaner journal checkpoint"


def checkpoint_problem(
    entry: dict[str, Any], pf: fmt.PeriodFile, last: int, period: str
) -> tuple[str, int | None, str] | None:
    """(problem, bad_seq, kind) if ``pf``, whose chain holds ``last`` records, disagrees
    with its checkpoint ``entry``; None if the file holds at least what the entry names.

    A checkpoint behind the file is fine (a crash between writing a record and the
    checkpoint); one ahead of it means records were cut off the end. A file that is the
    entry's pending rewrite is fine too (a crash between writing it and the checkpoint).
    """
    problem = _entry_problem(entry, pf, last, period)
    pending = entry.get("pending")
    if (
        problem is not None
        and isinstance(pending, dict)
        and _entry_problem(pending, pf, last, period) is None
    ):
        return None
    return problem


def _entry_problem(
    entry: dict[str, Any], pf: fmt.PeriodFile, last: int, period: str
) -> tuple[str, int | None, str] | None:
    seq = int(entry.get("seq", 0))
    if entry.get("log_id") != pf.log_id:
        return (f"journal {period} was replaced by another log", None, "changed")
    if seq > last:
        what = f"record {seq}" if seq == last + 1 else f"records {last + 1} to {seq}"
        return (f"{what} of journal {period} were cut off the end", last + 1, "cut off")
    found = pf.hash_at(seq)
    if found is None or found.hex() != entry.get("hash"):
        return (f"record {seq} in journal {period} was changed", seq, "changed")
    return None


@dataclass
class Checkpoint:
    """Each period's last sequence number and hash as last recorded, and the file's state.

    ``lost`` holds the months whose file vanished: their log id and record count.
    """

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    state: str = "absent"  # 'ok' | 'absent' | 'changed' | 'lost'
    sig: tuple[int, int, int] | None = None
    lost: dict[str, dict[str, Any]] = field(default_factory=dict)


def checkpoint_entry(log_id: str, seq: int, last_hash: bytes) -> dict[str, Any]:
    """The checkpoint's entry for a month whose log ``log_id`` ends at ``seq``."""
    return {"log_id": log_id, "seq": seq, "hash": last_hash.hex()}


def read_checkpoint(path: Path, keys: KeyStore, sig: tuple[int, int, int] | None) -> Checkpoint:
    """The checkpoint file at ``path`` (whose stat signature is ``sig``), opened if it can be.

    Raises KeyUnavailable only when its key is not lost but cannot be had now (a locked
    keychain); a lost key or a changed file is the checkpoint's `state`.
    """
    ckpt = Checkpoint(sig=sig)
    try:
        doc = read_json(path, kind="journal-checkpoint")
    except CorruptFile:
        doc, ckpt.state = None, "changed"
    if doc is not None:
        try:
            key = keys.data_key(CHECKPOINT_KEY, create=False)
            sealed = base64.b64decode(str(doc.get("sealed", "")), validate=True)
            sealed_doc = json.loads(crypto.unseal(key, sealed, _CHECKPOINT_AAD))
            if not isinstance(sealed_doc, dict):
                raise ValueError("not an object")
            if isinstance(sealed_doc.get("periods"), dict):
                ckpt.entries = dict(sealed_doc["periods"])
                ckpt.lost = dict(sealed_doc.get("lost") or {})
            else:  # the first format: the entries alone
                ckpt.entries = dict(sealed_doc)
            ckpt.state = "ok"
        except KeyUnavailable as exc:
            if not exc.lost:
                raise
            ckpt.state = "lost"
        except (DecryptError, ValueError, TypeError):
            ckpt.state = "changed"
    return ckpt


def write_checkpoint(
    path: Path,
    keys: KeyStore,
    entries: dict[str, dict[str, Any]],
    lost: dict[str, dict[str, Any]] | None = None,
) -> tuple[int, int, int]:
    """Seal ``entries`` (and the ``lost`` months) into the checkpoint file at ``path``;
    the file's new stat signature."""
    try:
        key = keys.data_key(CHECKPOINT_KEY)
    except KeyUnavailable as exc:
        if not exc.lost:
            raise
        # The old checkpoint is unreadable anyway; entries were rebuilt from the files.
        keys.destroy(CHECKPOINT_KEY)
        key = keys.data_key(CHECKPOINT_KEY)
    doc = {"periods": entries, "lost": lost or {}}
    blob = crypto.seal(key, json.dumps(doc, sort_keys=True).encode(), _CHECKPOINT_AAD)
    write_json(path, {"sealed": base64.b64encode(blob).decode("ascii")}, kind="journal-checkpoint")
    st = path.stat()
    return (st.st_mtime_ns, st.st_size, st.st_ino)
