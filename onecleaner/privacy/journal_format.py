"""The journal's period file: header, sealed frames chained by hash, and the chain walk.

A period file is text: a JSON header line (log id, period, key name), then one line per
record, ``<seq> <base64(nonce || ciphertext || tag)>``. Each record is sealed with the
period's data key; its associated data binds the log id, its sequence number and the SHA-256
of the previous line (the header for the first record), so a changed, removed or moved line
fails to open. The sequence number is also written in the clear so a failure can be named.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import struct
from dataclasses import dataclass, field
from typing import Any

from onecleaner.privacy import crypto
from onecleaner.privacy.errors import DecryptError

FORMAT_KIND = "journal"
FORMAT_VERSION = 1
_AAD_PREFIX = b"onecleaner journal record\x00"


def line_hash(line: bytes) -> bytes:
    """The chain hash of one line (without its newline)."""
    return hashlib.sha256(line).digest()


def record_aad(log_id: str, seq: int, prev_hash: bytes) -> bytes:
    """Associated data of record ``seq``: binds the log, the position and the previous line."""
    return _AAD_PREFIX + log_id.encode("ascii") + struct.pack(">Q", seq) + prev_hash


def header_line(period: str, log_id: str, key_name: str) -> bytes:
    doc = {
        "schema": FORMAT_VERSION,
        "kind": FORMAT_KIND,
        "period": period,
        "log_id": log_id,
        "key": key_name,
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")


def frame_line(key: bytes, log_id: str, seq: int, prev_hash: bytes, payload: bytes) -> bytes:
    """The line for record ``seq`` holding ``payload`` (no newline)."""
    blob = crypto.seal(key, payload, record_aad(log_id, seq, prev_hash))
    return f"{seq} ".encode("ascii") + base64.b64encode(blob)


@dataclass(frozen=True)
class Frame:
    """One record line as found in the file; ``seq``/``blob`` are None if unparsable."""

    line: bytes
    seq: int | None
    blob: bytes | None


@dataclass
class PeriodFile:
    """A parsed period file."""

    header: dict[str, Any] | None
    header_raw: bytes
    frames: list[Frame]
    torn: int  # bytes after the last newline: a record cut short by a crash

    @property
    def log_id(self) -> str:
        return str((self.header or {}).get("log_id", ""))

    @property
    def key_name(self) -> str:
        return str((self.header or {}).get("key", ""))

    def hash_at(self, seq: int) -> bytes | None:
        """The chain hash after record ``seq`` (0: the header), if that line is present."""
        if seq == 0:
            return line_hash(self.header_raw)
        for frame in self.frames:
            if frame.seq == seq:
                return line_hash(frame.line)
        return None


def _frame(line: bytes) -> Frame:
    seq_text, _, b64 = line.partition(b" ")
    try:
        seq = int(seq_text.decode("ascii"))
        blob = base64.b64decode(b64, validate=True)
    except (UnicodeDecodeError, ValueError, binascii.Error):
        return Frame(line, None, None)
    if seq < 1 or not seq_text.isdigit():
        return Frame(line, None, None)
    return Frame(line, seq, blob)


def parse(raw: bytes) -> PeriodFile:
    """Split a period file into header and frames; a torn tail is measured, not parsed."""
    end = raw.rfind(b"\n") + 1
    torn = len(raw) - end
    lines = raw[:end].split(b"\n")[:-1] if end else []
    if not lines:
        return PeriodFile(None, b"", [], torn)
    header: dict[str, Any] | None
    try:
        loaded = json.loads(lines[0].decode("utf-8"))
        header = loaded if _header_ok(loaded) else None
    except (UnicodeDecodeError, ValueError):
        header = None
    return PeriodFile(header, lines[0], [_frame(line) for line in lines[1:]], torn)


def _header_ok(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and doc.get("kind") == FORMAT_KIND
        and doc.get("schema") == FORMAT_VERSION
        and isinstance(doc.get("log_id"), str)
        and isinstance(doc.get("key"), str)
        and isinstance(doc.get("period"), str)
    )


@dataclass(frozen=True)
class Problem:
    """The first bad record of a walk: ``kind`` is changed, missing, reordered or cut off."""

    kind: str
    seq: int | None
    message: str


@dataclass
class Walk:
    """What a walk along the chain found: the opened payloads, and the first problem."""

    payloads: list[tuple[int, bytes]] = field(default_factory=list)
    problem: Problem | None = None
    last_seq: int = 0


def walk(pf: PeriodFile, key: bytes, period: str) -> Walk:
    """Open every record in order; stop at the first one that is not where it belongs."""
    result = Walk()
    if pf.header is None:
        result.problem = Problem("changed", None, f"the header of journal {period} was changed")
        return result
    log_id = pf.log_id
    prev = line_hash(pf.header_raw)
    expected = 1
    present = {f.seq for f in pf.frames if f.seq is not None}
    for frame in pf.frames:
        payload = open_frame(key, log_id, frame, frame.seq, prev)
        if payload is None:
            result.problem = _classify(pf, key, frame, expected, prev, present, period)
            return result
        result.payloads.append((expected, payload))
        result.last_seq = expected
        prev = line_hash(frame.line)
        expected += 1
    return result


def open_frame(key: bytes, log_id: str, frame: Frame, seq: int | None, prev: bytes) -> bytes | None:
    """The payload of ``frame`` read as record ``seq`` after a line hashing to ``prev``."""
    if frame.blob is None or seq is None:
        return None
    try:
        return crypto.unseal(key, frame.blob, record_aad(log_id, seq, prev))
    except DecryptError:
        return None


def _classify(
    pf: PeriodFile,
    key: bytes,
    frame: Frame,
    expected: int,
    prev: bytes,
    present: set[int],
    period: str,
) -> Problem:
    """Why ``frame`` (where record ``expected`` should be) does not open."""
    where = f"in journal {period}"
    seq = frame.seq
    if (
        seq is None
        or seq == expected
        or open_frame(key, pf.log_id, frame, expected, prev) is not None
    ):
        # Its bytes (or its sequence number) were altered in place.
        return Problem("changed", expected, f"record {expected} {where} was changed")
    if seq < expected:
        return Problem(
            "reordered", seq, f"record {seq} {where} appears again after record {expected - 1}"
        )
    if expected in present:
        return Problem(
            "reordered", seq, f"record {seq} {where} is out of order (found before {expected})"
        )
    if expected == seq - 1:
        what = f"record {expected} is missing"
    else:
        what = f"records {expected} to {seq - 1} are missing"
    return Problem("missing", expected, f"{what} {where}")
