"""The journal's files on disk: period logs, the sealed checkpoint, locking and batching.

`JournalStore` is the low level of `journal.Journal`: it knows where each month's log ends,
writes frames, keeps the checkpoint (each month's last sequence number and hash, sealed with
its own key: see `journal_checkpoint`) and starts a new log when a month's key is lost.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy import journal_format as fmt
from onecleaner.privacy.errors import KeyUnavailable
from onecleaner.privacy.journal_checkpoint import (
    CHECKPOINT_FILE,
    Checkpoint,
    checkpoint_entry,
    checkpoint_problem,
    read_checkpoint,
    write_checkpoint,
)
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.storage import (
    atomic_write_bytes,
    ensure_data_dir,
    locked,
)

JOURNAL_DIR = "journal"
KEY_PREFIX = "journal-"
_PERIOD_FILE = re.compile(r"(\d{4})-(\d{2})\.log")
_ASIDE_FILE = re.compile(r"(\d{4}-\d{2})\.log\.(?:corrupt|tampered)-[0-9a-f]+")


@dataclass
class _Tail:
    """Where the next record of a period goes."""

    log_id: str
    key: bytes
    next_seq: int
    last_hash: bytes
    size: int


class JournalStore:
    """The period files and checkpoint of one data folder's journal."""

    def __init__(
        self, data_dir: Path, keys: KeyStore, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.dir = data_dir / JOURNAL_DIR
        self.keys = keys
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.RLock()
        self._depth = 0
        self._file_lock: contextlib.ExitStack | None = None
        self._tails: dict[str, _Tail] = {}
        self._ckpt: Checkpoint | None = None
        self._batch = 0
        self._dirty: set[str] = set()
        # While this process holds the lock file nobody else writes: what was checked once
        # (a period's end, the checkpoint) stays true until the lock is released.
        self._fresh: set[str] = set()
        self._fds: dict[str, int] = {}
        self._paths: dict[str, Path] = {}  # period files kept open during a batch
        self.repaired: list[str] = []  # torn last records discarded, for verify to report
        self.notices: list[str] = []  # messages for the user (a lost log restarted...)
        self.incidents: list[str] = []  # security events to journal (minimal, non-personal)

    # -- locking, paths, time ---------------------------------------------------------------

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """This thread holds the journal, and this process holds the journal's lock file."""
        with self._lock:
            if self._depth == 0:
                stack = contextlib.ExitStack()
                ensure_data_dir(self.dir)
                stack.enter_context(locked(self.dir / ".lock"))
                self._file_lock = stack
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._file_lock is not None:
                    self._fresh.clear()
                    self._file_lock.close()
                    self._file_lock = None

    def forget_tails(self) -> None:
        """Drop cached append positions (after files were removed or rewritten)."""
        for period in list(self._fds):
            self._close(period)
        self._tails.clear()

    def now(self) -> datetime:
        """The clock's time, in UTC."""
        now = self._clock()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        return now.astimezone(UTC)

    def path(self, period: str) -> Path:
        """The file of ``period`` (YYYY-MM)."""
        path = self._paths.get(period)
        if path is None:
            path = self._paths[period] = self.dir / f"{period}.log"
        return path

    def periods(self) -> list[str]:
        """The periods that have a file, oldest first."""
        if not self.dir.is_dir():
            return []
        return sorted(p.name[:-4] for p in self.dir.iterdir() if _PERIOD_FILE.fullmatch(p.name))

    def load(self, period: str, *, repair: bool = True) -> fmt.PeriodFile | None:
        """The parsed period file; a torn last record is cut off the file (crash recovery)."""
        path = self.path(period)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        pf = fmt.parse(raw)
        if pf.torn and repair:
            os.truncate(path, len(raw) - pf.torn)
            self.repaired.append(
                f"journal {period}: an incomplete last record left by an interrupted write "
                "was discarded"
            )
            self._tails.pop(period, None)
        return pf

    # -- the checkpoint ---------------------------------------------------------------------

    @property
    def ckpt_path(self) -> Path:
        return self.dir / CHECKPOINT_FILE

    def checkpoint(self) -> Checkpoint:
        """The checkpoint as on disk (cached until the file changes)."""
        if self._ckpt is not None and CHECKPOINT_FILE in self._fresh:
            return self._ckpt
        try:
            st = self.ckpt_path.stat()
            sig: tuple[int, int, int] | None = (st.st_mtime_ns, st.st_size, st.st_ino)
        except FileNotFoundError:
            sig = None
        if self._ckpt is not None and self._ckpt.sig == sig:
            self._fresh.add(CHECKPOINT_FILE)
            return self._ckpt
        ckpt = read_checkpoint(self.ckpt_path, self.keys, sig)
        self._ckpt = ckpt
        self._fresh.add(CHECKPOINT_FILE)
        return ckpt

    def entries(self) -> dict[str, dict[str, Any]]:
        """Checkpoint entries to update; rebuilt from the files if the checkpoint is unusable."""
        ckpt = self.checkpoint()
        if ckpt.state != "ok":
            if ckpt.state != "absent":
                self.notices.append(
                    "The journal checkpoint could not be read; it was rebuilt from the journal."
                )
            ckpt.entries = {}
            for period in self.periods():
                pf = self.load(period)
                if pf is not None and pf.header is not None:
                    last = pf.frames[-1] if pf.frames else None
                    seq = (last.seq or len(pf.frames)) if last else 0
                    ckpt.entries[period] = checkpoint_entry(pf.log_id, seq, pf.hash_at(seq) or b"")
            if ckpt.state == "absent" and any(e["seq"] for e in ckpt.entries.values()):
                self.notices.append(
                    "The journal checkpoint was missing; it was rebuilt from the journal "
                    "(records cut off the end before now cannot be ruled out)."
                )
            ckpt.state = "ok"
        return ckpt.entries

    def save_checkpoint(self) -> None:
        sig = write_checkpoint(self.ckpt_path, self.keys, self.entries())
        assert self._ckpt is not None
        self._ckpt.sig = sig

    # -- writing ----------------------------------------------------------------------------

    def tail(self, period: str) -> _Tail:
        """The append position of ``period``, starting a new log if there is none usable."""
        path = self.path(period)
        cached = self._tails.get(period)
        if cached is not None and period in self._fresh:
            return cached
        with contextlib.suppress(FileNotFoundError):
            if cached is not None and path.stat().st_size == cached.size:
                self._fresh.add(period)
                return cached
        pf = self.load(period)
        if pf is None or (pf.header is None and not pf.frames):
            return self.create(period)
        if pf.header is None:
            aside = path.with_name(f"{path.name}.corrupt-{secrets.token_hex(3)}")
            os.replace(path, aside)
            self.notices.append(
                f"The header of journal {period} was damaged; the file was kept aside as "
                f"{aside.name} and a new log was started."
            )
            return self.create(period)
        try:
            key = self.keys.data_key(pf.key_name, create=False)
        except KeyUnavailable as exc:
            if not exc.lost:
                raise
            self.drop_lost()
            return self.create(period)
        last = pf.frames[-1] if pf.frames else None
        if self._cut_or_swapped(period, pf, (last.seq or len(pf.frames)) if last else 0):
            # The records that still open in order go on in a new log under a fresh key.
            kept = [payload for _seq, payload in fmt.walk(pf, key, period).payloads]
            name = f"{KEY_PREFIX}{period}-{secrets.token_hex(3)}"
            return self.write_new(period, name, self.keys.data_key(name), kept)
        tail = _Tail(
            log_id=pf.log_id,
            key=key,
            next_seq=((last.seq or len(pf.frames)) if last else 0) + 1,
            last_hash=fmt.line_hash(last.line if last else pf.header_raw),
            size=path.stat().st_size,
        )
        self._tails[period] = tail
        self._fresh.add(period)
        return tail

    def _cut_or_swapped(self, period: str, pf: fmt.PeriodFile, last: int) -> bool:
        """Whether ``period`` lost records off its end (or was swapped) since its checkpoint.

        Appending to it would move the checkpoint past the evidence, so the file is kept
        aside for inspection (its key stays until the month expires), the user is told, and
        an incident is queued for the journal.
        """
        ckpt = self.checkpoint()
        entry = ckpt.entries.get(period) if ckpt.state == "ok" else None
        if entry is None:
            return False
        problem = checkpoint_problem(entry, pf, last, period)
        if problem is None:
            return False
        path = self.path(period)
        self._close(period)
        aside = path.with_name(f"{path.name}.tampered-{secrets.token_hex(3)}")
        os.replace(path, aside)
        self._tails.pop(period, None)
        self.notices.append(
            f"Journal {period} no longer matches its checkpoint ({problem[0]}); it was kept "
            f"aside as {aside.name} for inspection and its intact records go on in a new log."
        )
        self.incidents.append(f"journal-tampered: {problem[2]} ({period})")
        return True

    def remove_expired_aside(self, expired: Callable[[str], bool]) -> None:
        """Delete journal files kept aside whose period is ``expired`` (their key went too)."""
        if not self.dir.is_dir():
            return
        for path in self.dir.iterdir():
            match = _ASIDE_FILE.fullmatch(path.name)
            if match and expired(match.group(1)):
                path.unlink(missing_ok=True)

    def create(self, period: str) -> _Tail:
        """Start the log of ``period`` under a fresh data key."""
        key_name = KEY_PREFIX + period
        self.keys.destroy(key_name)  # a key left without its file is never reused
        key = self.keys.data_key(key_name)
        return self.write_new(period, key_name, key, [])

    def write_new(self, period: str, key_name: str, key: bytes, payloads: list[bytes]) -> _Tail:
        """Write a whole period file (new log id) holding ``payloads``, and checkpoint it."""
        log_id = secrets.token_hex(16)
        header = fmt.header_line(period, log_id, key_name)
        lines = [header]
        prev = fmt.line_hash(header)
        for seq, payload in enumerate(payloads, start=1):
            lines.append(fmt.frame_line(key, log_id, seq, prev, payload))
            prev = fmt.line_hash(lines[-1])
        data = b"\n".join(lines) + b"\n"
        self._close(period)
        atomic_write_bytes(self.path(period), data)
        tail = _Tail(log_id, key, len(payloads) + 1, prev, len(data))
        self._tails[period] = tail
        self._fresh.add(period)
        self.entries()[period] = checkpoint_entry(log_id, len(payloads), prev)
        self.save_checkpoint()
        return tail

    def drop_lost(self) -> None:
        """Discard every period whose key is lost: its records can never be read again."""
        for period in self.periods():
            pf = self.load(period, repair=False)
            if pf is None or pf.header is None:
                continue  # a damaged header is reported by verify, not silently removed
            try:
                self.keys.data_key(pf.key_name, create=False)
                continue
            except KeyUnavailable as exc:
                if not exc.lost:
                    raise
                reason = str(exc)
            self.remove_period(period, pf)
            self.save_checkpoint()
            self.notices.append(
                f"The journal for {period} could not be read and was discarded; a new log "
                f"was started. ({reason})"
            )

    def _close(self, period: str) -> None:
        fd = self._fds.pop(period, None)
        if fd is not None:
            os.close(fd)

    def remove_period(self, period: str, pf: fmt.PeriodFile | None) -> None:
        """Delete the file of ``period``, its keys and its checkpoint entry."""
        self._close(period)
        with contextlib.suppress(FileNotFoundError):
            self.path(period).unlink()
        if pf is not None and pf.key_name:
            self.keys.destroy(pf.key_name)
        self.keys.destroy(KEY_PREFIX + period)
        self._tails.pop(period, None)
        self.entries().pop(period, None)

    def append_payload(self, period: str, payload: bytes) -> int:
        """Seal ``payload`` as the next record of ``period``; its sequence number."""
        tail = self.tail(period)
        seq = tail.next_seq
        line = fmt.frame_line(tail.key, tail.log_id, seq, tail.last_hash, payload) + b"\n"
        fd = self._fds.get(period)
        if fd is None:
            fd = os.open(self.path(period), os.O_WRONLY | os.O_APPEND)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            if not self._batch:
                os.fsync(fd)
        finally:
            if self._batch:
                self._fds[period] = fd
            else:
                os.close(fd)
        tail.next_seq, tail.last_hash = seq + 1, fmt.line_hash(line[:-1])
        tail.size += len(line)
        self.entries()[period] = checkpoint_entry(tail.log_id, seq, tail.last_hash)
        if self._batch:
            self._dirty.add(period)
        else:
            # The record is on disk before the checkpoint names it: a crash between the two
            # leaves the checkpoint behind the file, which verify accepts.
            self.save_checkpoint()
        return seq

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Append many records with one flush to disk and one checkpoint at the end."""
        with self.guard():
            self._batch += 1
            try:
                yield
            finally:
                self._batch -= 1
                if not self._batch and self._dirty:
                    for period in sorted(self._dirty):
                        fd = self._fds.pop(period, None)
                        if fd is None:
                            fd = os.open(self.path(period), os.O_RDONLY)
                        try:
                            os.fsync(fd)
                        finally:
                            os.close(fd)
                    self._dirty.clear()
                    self.save_checkpoint()
