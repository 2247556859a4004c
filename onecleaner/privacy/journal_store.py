"""The journal's files on disk: period logs, the sealed checkpoint, locking and batching.

`JournalStore` is the low level of `journal.Journal`: it knows where each month's log ends,
writes frames, keeps the checkpoint (each month's last sequence number and hash, sealed with
its own key: see `journal_checkpoint`) and starts a new log when a month's key is lost. It
works under the data folder's lock (`datalock`), shared with every other state file.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy import journal_format as fmt
from onecleaner.privacy.datalock import data_lock, generation
from onecleaner.privacy.errors import CorruptFile, KeyUnavailable
from onecleaner.privacy.journal_checkpoint import (
    CHECKPOINT_FILE,
    Checkpoint,
    checkpoint_entry,
    read_checkpoint,
    write_checkpoint,
)
from onecleaner.privacy.journal_tail import KEY_PREFIX, Tail, find_tail
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.storage import (
    atomic_write_bytes,
    binary,
    ensure_data_dir,
    folder_error,
    read_state_bytes,
    write_all,
)

JOURNAL_DIR = "journal"
#: A month's log is read whole; one larger than this is not ours.
MAX_PERIOD_BYTES = 512 * 1024 * 1024
_PERIOD_FILE = re.compile(r"(\d{4})-(\d{2})\.log")
_ASIDE_FILE = re.compile(r"(\d{4}-\d{2})\.log\.(?:corrupt|tampered)-[0-9a-f]+")


class JournalStore:
    """The period files and checkpoint of one data folder's journal."""

    def __init__(
        self, data_dir: Path, keys: KeyStore, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.dir = data_dir / JOURNAL_DIR
        self.keys = keys
        self._clock = clock or (lambda: datetime.now(UTC))
        self._gen: int | None = None  # the data folder lock's acquisition the caches belong to
        self.tails: dict[str, Tail] = {}  # where each month's next record goes (journal_tail)
        self._ckpt: Checkpoint | None = None
        self._batch = 0
        self._dirty: set[str] = set()
        # While this process holds the data folder's lock nobody else writes: what was
        # checked once (a period's end, the checkpoint) stays true until it is released.
        self.fresh: set[str] = set()
        self._fds: dict[str, int] = {}
        self._paths: dict[str, Path] = {}  # period files kept open during a batch
        self.repaired: list[str] = []  # torn last records discarded, for verify to report
        self.notices: list[str] = []  # messages for the user (a lost log restarted...)
        self.incidents: list[str] = []  # security events to journal (minimal, non-personal)

    # -- locking, paths, time ---------------------------------------------------------------

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """This thread holds the journal: this process holds the data folder's lock."""
        with data_lock(self.data_dir):
            now = generation(self.data_dir)
            if now != self._gen:
                self.fresh.clear()  # the lock was let go: another process may have written
                self._gen = now
                ensure_data_dir(self.dir)
            yield

    def forget_tails(self) -> None:
        """Drop cached append positions (after files were removed or rewritten)."""
        for period in list(self._fds):
            self.close_fd(period)
        self.tails.clear()

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
        """The parsed period file; a torn last record is cut off the file (crash recovery).

        Something that is not a plain file in its place (a folder, a FIFO...) is set aside
        and the month counts as missing.
        """
        path = self.path(period)
        try:
            raw = read_state_bytes(path, max_bytes=MAX_PERIOD_BYTES)
        except CorruptFile as exc:
            self.notices.append(
                f"The journal file for {period} could not be read ({exc.reason}); it was kept "
                f"aside as {exc.aside.name}."
            )
            self.tails.pop(period, None)
            return None
        if raw is None:
            return None
        pf = fmt.parse(raw)
        if pf.torn and repair:
            os.truncate(path, len(raw) - pf.torn)
            self.repaired.append(
                f"journal {period}: an incomplete last record left by an interrupted write "
                "was discarded"
            )
            self.tails.pop(period, None)
        return pf

    # -- the checkpoint ---------------------------------------------------------------------

    @property
    def ckpt_path(self) -> Path:
        return self.dir / CHECKPOINT_FILE

    def checkpoint(self) -> Checkpoint:
        """The checkpoint as on disk (read again each time the lock was let go)."""
        if self._ckpt is not None and CHECKPOINT_FILE in self.fresh:
            return self._ckpt
        ckpt = read_checkpoint(self.ckpt_path, self.keys, None)
        self._ckpt = ckpt
        self.fresh.add(CHECKPOINT_FILE)
        return ckpt

    def entries(self) -> dict[str, dict[str, Any]]:
        """Checkpoint entries to update; rebuilt from the files if the checkpoint is unusable."""
        ckpt = self.checkpoint()
        if ckpt.state != "ok":
            if ckpt.state != "absent":
                self.notices.append(
                    "The journal checkpoint could not be read; it was rebuilt from the journal."
                )
            ckpt.entries, ckpt.lost = {}, {}
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

    def lost(self) -> dict[str, dict[str, Any]]:
        """The months whose file vanished, as the checkpoint keeps them (see `mark_lost`)."""
        self.entries()
        return self.checkpoint().lost

    def save_checkpoint(self) -> None:
        sig = write_checkpoint(self.ckpt_path, self.keys, self.entries(), self.lost())
        assert self._ckpt is not None
        self._ckpt.sig = sig

    # -- writing ----------------------------------------------------------------------------

    def tail(self, period: str) -> Tail:
        """The append position of ``period``, starting a new log if there is none usable."""
        return find_tail(self, period)

    def remove_expired_aside(self, expired: Callable[[str], bool]) -> None:
        """Delete journal files kept aside whose period is ``expired`` (their key went too)."""
        if not self.dir.is_dir():
            return
        for path in self.dir.iterdir():
            match = _ASIDE_FILE.fullmatch(path.name)
            if match and expired(match.group(1)):
                path.unlink(missing_ok=True)

    def create(self, period: str) -> Tail:
        """Start the log of ``period`` under a fresh data key."""
        key_name = KEY_PREFIX + period
        self.keys.destroy(key_name)  # a key left without its file is never reused
        key = self.keys.data_key(key_name)
        return self.write_new(period, key_name, key, [])

    def write_new(
        self,
        period: str,
        key_name: str,
        key: bytes,
        payloads: list[bytes],
        *,
        retire: str | None = None,
    ) -> Tail:
        """Write a whole period file (new log id) holding ``payloads``, and checkpoint it.

        When the month already has a checkpoint entry, the new log is first named in it as
        ``pending``: a crash before the checkpoint's final write leaves a state that verify
        accepts and `settle` finishes. ``retire`` is the key of the old log, destroyed last.
        """
        log_id = secrets.token_hex(16)
        header = fmt.header_line(period, log_id, key_name)
        lines = [header]
        prev = fmt.line_hash(header)
        for seq, payload in enumerate(payloads, start=1):
            lines.append(fmt.frame_line(key, log_id, seq, prev, payload))
            prev = fmt.line_hash(lines[-1])
        data = b"\n".join(lines) + b"\n"
        new_entry = checkpoint_entry(log_id, len(payloads), prev)
        entries = self.entries()
        old = entries.get(period)
        if old is not None and not old.get("removing"):
            old["pending"] = {**new_entry, "key": key_name, "retire": retire}
            self.save_checkpoint()
        self.close_fd(period)
        atomic_write_bytes(self.path(period), data)
        tail = Tail(log_id, key, len(payloads) + 1, prev, len(data), lines[-1])
        self.tails[period] = tail
        self.fresh.add(period)
        entries[period] = new_entry
        self.save_checkpoint()
        if retire and retire != key_name:
            self.keys.destroy(retire)
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

    def close_fd(self, period: str) -> None:
        """Close the log of ``period`` kept open by a batch, if it is."""
        fd = self._fds.pop(period, None)
        if fd is not None:
            os.close(fd)

    def remove_period(self, period: str, pf: fmt.PeriodFile | None) -> None:
        """Delete the file of ``period``, its keys and its checkpoint entry.

        The entry is marked ``removing`` (and saved) before the file goes, so a crash in
        between is finished by `settle`, never taken for a deleted month; the caller saves
        the checkpoint afterwards.
        """
        self.close_fd(period)
        entry = self.entries().get(period)
        if entry is not None and not entry.get("removing") and self.path(period).exists():
            entry["removing"] = True
            self.save_checkpoint()
        with contextlib.suppress(FileNotFoundError):
            self.path(period).unlink()
        if pf is not None and pf.key_name:
            self.keys.destroy(pf.key_name)
        self.keys.destroy(KEY_PREFIX + period)
        self.tails.pop(period, None)
        self.entries().pop(period, None)

    def append_payload(self, period: str, payload: bytes) -> int:
        """Seal ``payload`` as the next record of ``period``; its sequence number.

        A write that fails (a full disk) is cut back off the file, so the month ends where
        it did: DataFolderError says what happened.
        """
        tail = self.tail(period)
        seq = tail.next_seq
        line = fmt.frame_line(tail.key, tail.log_id, seq, tail.last_hash, payload) + b"\n"
        fd = self._fds.get(period)
        if fd is None:
            fd = os.open(self.path(period), os.O_WRONLY | os.O_APPEND | binary())
        keep_open = bool(self._batch)
        try:
            write_all(fd, line)
            if not self._batch:
                os.fsync(fd)
        except OSError as exc:
            keep_open = False
            self._fds.pop(period, None)
            with contextlib.suppress(OSError):
                os.ftruncate(fd, tail.size)
            raise folder_error(self.dir, exc, needed=len(line)) from exc
        finally:
            if keep_open:
                self._fds[period] = fd
            else:
                os.close(fd)
        tail.next_seq, tail.last_hash = seq + 1, fmt.line_hash(line[:-1])
        tail.size += len(line)
        tail.last_line = line[:-1]
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
                            # Opened for writing: Windows refuses fsync on a read-only handle.
                            fd = os.open(self.path(period), os.O_WRONLY | os.O_APPEND | binary())
                        try:
                            os.fsync(fd)
                        finally:
                            os.close(fd)
                    self._dirty.clear()
                    self.save_checkpoint()
