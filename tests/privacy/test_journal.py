"""The encrypted journal: round trip, tamper detection, crash recovery, key loss, retention."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from onecleaner.privacy.errors import ExportFailed, JournalTampered, KeyUnavailable
from onecleaner.privacy.journal import Journal
from onecleaner.privacy.keys import KeyStore
from tests.privacy.forkkit import no_hang

NOV = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make(data_dir: Path, clock: Clock | None = None, retention_days: int = 30) -> Journal:
    return Journal(
        data_dir, KeyStore(data_dir), retention_days=retention_days, clock=clock or Clock(NOV)
    )


def fill(journal: Journal, count: int, purpose: str = "history") -> None:
    for i in range(1, count + 1):
        journal.append("clean", f"cleaned target {i}", purpose=purpose, data={"n": i})


def log_path(data_dir: Path, period: str = "2026-11") -> Path:
    return data_dir / "journal" / f"{period}.log"


def rewrite_lines(path: Path, edit: object) -> None:
    """Apply ``edit`` (a function of the list of lines) to a journal file."""
    lines = path.read_bytes().split(b"\n")[:-1]
    lines = edit(lines)  # type: ignore[operator]
    path.write_bytes(b"\n".join(lines) + b"\n")


def test_records_round_trip_in_order(data_dir: Path) -> None:
    journal = make(data_dir)
    fill(journal, 3)
    journal.append("error", "scan failed", purpose="diagnostics", data={"code": 2})
    records = make(data_dir).read()
    assert [r.seq for r in records] == [1, 2, 3, 4]
    assert [r.text for r in records[:3]] == [f"cleaned target {i}" for i in (1, 2, 3)]
    assert records[3].purpose == "diagnostics"
    assert records[3].data == {"code": 2}
    assert records[0].at == "2026-11-05T12:00:00+00:00"
    assert records[0].period == "2026-11"
    assert [r.seq for r in make(data_dir).read(limit=2)] == [3, 4]
    assert [r.seq for r in make(data_dir).read(purpose="diagnostics")] == [4]


def test_text_and_data_are_redacted_before_writing(data_dir: Path, isolated_home: Path) -> None:
    journal = make(data_dir)
    home = str(isolated_home)
    record = journal.append(
        "clean",
        f"mail zhang@example.org, phone +8613812345678, {home}/.cache",
        purpose="history",
        data={"path": f"{home}/.cache/x", "who": "13912345678"},
    )
    assert record.text == "mail [email], phone [phone], ~/.cache"
    assert record.data == {"path": "~/.cache/x", "who": "[phone]"}
    assert make(data_dir).read()[0].text == record.text


def test_kind_and_purpose_must_be_identifiers(data_dir: Path) -> None:
    journal = make(data_dir)
    with pytest.raises(ValueError, match="identifier"):
        journal.append("clean", "x", purpose="zhang@example.org")
    with pytest.raises(ValueError, match="identifier"):
        journal.append("Clean Now", "x", purpose="history")


def test_intact_journal_verifies(data_dir: Path) -> None:
    fill(make(data_dir), 5)
    report = make(data_dir).verify()
    assert report.ok
    assert report.records == 5
    assert report.problem is None
    assert report.repaired == ()


def test_flipped_byte_is_named_as_changed(data_dir: Path) -> None:
    fill(make(data_dir), 5)

    def flip(lines: list[bytes]) -> list[bytes]:
        line = bytearray(lines[3])  # record 3 (line 0 is the header)
        line[20] = ord("A") if line[20] != ord("A") else ord("B")
        lines[3] = bytes(line)
        return lines

    rewrite_lines(log_path(data_dir), flip)
    report = make(data_dir).verify()
    assert not report.ok
    assert (report.kind, report.bad_seq) == ("changed", 3)
    assert report.problem == "record 3 in journal 2026-11 was changed"
    with pytest.raises(JournalTampered) as info:
        make(data_dir).read()
    assert (info.value.kind, info.value.seq) == ("changed", 3)


def test_changed_sequence_number_is_named_as_changed(data_dir: Path) -> None:
    fill(make(data_dir), 5)
    rewrite_lines(log_path(data_dir), lambda ls: [*ls[:3], b"9" + ls[3][1:], *ls[4:]])
    report = make(data_dir).verify()
    assert (report.kind, report.bad_seq) == ("changed", 3)


def test_removed_record_is_named_as_missing(data_dir: Path) -> None:
    fill(make(data_dir), 5)
    rewrite_lines(log_path(data_dir), lambda ls: [*ls[:3], *ls[4:]])
    report = make(data_dir).verify()
    assert (report.kind, report.bad_seq) == ("missing", 3)
    assert report.problem == "record 3 is missing in journal 2026-11"


def test_swapped_records_are_named_as_reordered(data_dir: Path) -> None:
    fill(make(data_dir), 5)
    rewrite_lines(log_path(data_dir), lambda ls: [*ls[:3], ls[4], ls[3], *ls[5:]])
    report = make(data_dir).verify()
    assert (report.kind, report.bad_seq) == ("reordered", 4)
    assert "out of order" in (report.problem or "")


def test_replayed_record_is_named_as_reordered(data_dir: Path) -> None:
    fill(make(data_dir), 3)
    rewrite_lines(log_path(data_dir), lambda ls: [*ls, ls[2]])
    report = make(data_dir).verify()
    assert (report.kind, report.bad_seq) == ("reordered", 2)


def test_cut_off_end_is_noticed(data_dir: Path) -> None:
    fill(make(data_dir), 5)
    rewrite_lines(log_path(data_dir), lambda ls: ls[:-2])  # records 4 and 5 removed
    report = make(data_dir).verify()
    assert not report.ok
    assert (report.kind, report.bad_seq) == ("cut off", 4)
    assert report.problem == "records 4 to 5 of journal 2026-11 were cut off the end"


def test_deleted_checkpoint_is_noticed(data_dir: Path) -> None:
    fill(make(data_dir), 2)
    (data_dir / "journal" / "checkpoint.json").unlink()
    report = make(data_dir).verify()
    assert (report.ok, report.kind) == (False, "cut off")


def test_changed_checkpoint_is_noticed(data_dir: Path) -> None:
    fill(make(data_dir), 2)
    ckpt = data_dir / "journal" / "checkpoint.json"
    doc = json.loads(ckpt.read_text())
    sealed = doc["sealed"]
    doc["sealed"] = sealed[:10] + ("A" if sealed[10] != "A" else "B") + sealed[11:]
    ckpt.write_text(json.dumps(doc))
    report = make(data_dir).verify()
    assert (report.ok, report.kind) == (False, "changed")
    assert report.problem == "the journal checkpoint was changed"


def test_deleted_month_is_noticed(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 10, 20, tzinfo=UTC))
    journal = make(data_dir, clock)
    fill(journal, 2)
    clock.now = NOV
    fill(journal, 2)
    log_path(data_dir, "2026-10").unlink()
    report = make(data_dir, clock).verify()
    assert (report.kind, report.period) == ("missing", "2026-10")
    assert report.problem == "journal 2026-10 (2 records) is missing"


def test_torn_last_record_is_discarded_and_reported(data_dir: Path) -> None:
    journal = make(data_dir)
    fill(journal, 3)
    ckpt = data_dir / "journal" / "checkpoint.json"
    before_crash = ckpt.read_bytes()
    journal.append("clean", "the record being written at the crash", purpose="history")
    # The crash: the frame was half written and the checkpoint never updated.
    ckpt.write_bytes(before_crash)
    raw = log_path(data_dir).read_bytes()
    last_line_start = raw.rstrip(b"\n").rfind(b"\n") + 1
    torn = raw[: last_line_start + (len(raw) - last_line_start) // 2]
    log_path(data_dir).write_bytes(torn)

    after = make(data_dir)
    report = after.verify()
    assert report.ok
    assert report.records == 3
    assert len(report.repaired) == 1
    assert "incomplete last record" in report.repaired[0]
    assert log_path(data_dir).read_bytes() == raw[:last_line_start]
    assert after.append("clean", "after the crash", purpose="history").seq == 4
    assert make(data_dir).verify().ok
    assert [r.text for r in make(data_dir).read()][-1] == "after the crash"


def test_checkpoint_behind_the_file_after_a_crash_is_accepted(data_dir: Path) -> None:
    journal = make(data_dir)
    fill(journal, 2)
    ckpt = data_dir / "journal" / "checkpoint.json"
    before = ckpt.read_bytes()
    journal.append("clean", "written, checkpoint not yet", purpose="history")
    ckpt.write_bytes(before)
    assert make(data_dir).verify().ok


def test_lost_key_says_so_and_a_new_log_starts(data_dir: Path) -> None:
    fill(make(data_dir), 3)
    (data_dir / "master.key").unlink()
    with pytest.raises(KeyUnavailable) as info:
        make(data_dir).read()
    assert "The journal could not be read" in str(info.value)
    assert "a new log will start" in str(info.value)

    journal = make(data_dir)
    record = journal.append("clean", "first of the new log", purpose="history")
    assert record.seq == 1
    assert any("journal for 2026-11 could not be read" in n for n in journal.notices)
    assert [r.text for r in make(data_dir).read()] == ["first of the new log"]
    assert make(data_dir).verify().ok


def test_destroyed_month_key_shreds_only_that_month(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 10, 20, tzinfo=UTC))
    journal = make(data_dir, clock)
    fill(journal, 2)
    clock.now = NOV
    journal.append("clean", "november", purpose="history")
    KeyStore(data_dir).destroy("journal-2026-10")
    with pytest.raises(KeyUnavailable, match="journal-2026-10"):
        make(data_dir, clock).read()
    later = make(data_dir, clock)
    later.append("clean", "november again", purpose="history")
    assert [r.text for r in later.read()] == ["november", "november again"]
    assert not log_path(data_dir, "2026-10").exists()


def test_retention_purges_whole_expired_months_and_their_keys(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 9, 10, tzinfo=UTC))
    journal = make(data_dir, clock)
    fill(journal, 2)
    clock.now = datetime(2026, 10, 20, tzinfo=UTC)
    fill(journal, 3)
    clock.now = datetime(2026, 11, 15, tzinfo=UTC)  # 30 days back is 16 October
    assert journal.purge_expired() == 2
    assert not log_path(data_dir, "2026-09").exists()
    assert log_path(data_dir, "2026-10").exists()
    assert "journal-2026-09" not in KeyStore(data_dir).names()
    assert "journal-2026-10" in KeyStore(data_dir).names()
    assert make(data_dir, clock).verify().ok
    clock.now = datetime(2026, 12, 1, tzinfo=UTC)  # 1 November: October has expired
    assert make(data_dir, clock).read() == []
    assert not log_path(data_dir, "2026-10").exists()


def test_retention_is_per_record_not_per_month(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 2, 12, 0, tzinfo=UTC))
    journal = make(data_dir, clock)  # the default retention: 30 days
    journal.append("clean", "thirty-one days old", purpose="history")
    clock.now = datetime(2026, 11, 4, 12, 0, tzinfo=UTC)
    journal.append("clean", "twenty-nine days old", purpose="history")
    old_file = log_path(data_dir).read_bytes()
    clock.now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)

    later = make(data_dir, clock)
    assert later.retention_days == 30
    assert later.purge_expired() == 1
    assert [(r.seq, r.text) for r in make(data_dir, clock).read()] == [(1, "twenty-nine days old")]
    report = make(data_dir, clock).verify()
    assert (report.ok, report.records) == (True, 1)
    # The month was rewritten under a fresh key; the key of the old file is destroyed, so a
    # copy of the old file (a backup) can no longer be opened.
    names = KeyStore(data_dir).names()
    assert "journal-2026-11" not in names
    assert [n for n in names if n.startswith("journal-2026-11-")]
    assert log_path(data_dir).read_bytes() != old_file
    log_path(data_dir).write_bytes(old_file)
    with pytest.raises(KeyUnavailable):
        make(data_dir, clock).read()


def test_retention_applies_inside_the_month_being_written(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 1, 8, 0, tzinfo=UTC))
    journal = make(data_dir, clock, retention_days=7)
    journal.append("clean", "first of the month", purpose="history")
    clock.now = datetime(2026, 11, 20, tzinfo=UTC)
    journal.append("clean", "recent", purpose="history")
    clock.now = datetime(2026, 11, 25, tzinfo=UTC)
    current = make(data_dir, clock, retention_days=7)
    # Reading alone applies the retention: the 24-day-old record is gone.
    assert [r.text for r in current.read()] == ["recent"]
    assert current.append("clean", "today", purpose="history").seq == 2
    assert [r.text for r in make(data_dir, clock).read()] == ["recent", "today"]
    assert make(data_dir, clock).verify().ok


def test_retention_does_not_rewrite_a_tampered_month(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 2, tzinfo=UTC))
    fill(make(data_dir, clock), 3)

    def flip(lines: list[bytes]) -> list[bytes]:
        line = bytearray(lines[2])
        line[20] = ord("A") if line[20] != ord("A") else ord("B")
        lines[2] = bytes(line)
        return lines

    rewrite_lines(log_path(data_dir), flip)
    clock.now = datetime(2026, 12, 10, tzinfo=UTC)
    assert make(data_dir, clock).purge_expired() == 0
    report = make(data_dir, clock).verify()
    assert (report.ok, report.kind, report.bad_seq) == (False, "changed", 2)


def test_retention_is_a_setting(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 9, 10, tzinfo=UTC))
    fill(make(data_dir, clock), 2)
    clock.now = datetime(2026, 11, 15, tzinfo=UTC)
    kept = make(data_dir, clock, retention_days=90)
    assert kept.purge_expired() == 0
    assert len(kept.read()) == 2
    assert make(data_dir, clock, retention_days=30).purge_expired() == 2


def test_erase_all(data_dir: Path) -> None:
    journal = make(data_dir)
    fill(journal, 4)
    assert journal.erase() == 4
    assert list((data_dir / "journal").glob("*.log")) == []
    assert not [n for n in KeyStore(data_dir).names() if n.startswith("journal")]
    assert make(data_dir).read() == []
    assert make(data_dir).verify().ok
    assert journal.append("clean", "again", purpose="history").seq == 1


def test_erase_one_purpose_rewrites_under_a_fresh_key(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 10, 20, tzinfo=UTC))
    journal = make(data_dir, clock)
    journal.append("error", "october error", purpose="diagnostics")
    clock.now = NOV
    journal.append("clean", "kept 1", purpose="history")
    journal.append("error", "november error", purpose="diagnostics")
    journal.append("clean", "kept 2", purpose="history")
    old_nov = log_path(data_dir).read_bytes()
    assert journal.erase(purpose="diagnostics") == 2
    remaining = make(data_dir, clock).read()
    assert [(r.seq, r.text) for r in remaining] == [(1, "kept 1"), (2, "kept 2")]
    assert not log_path(data_dir, "2026-10").exists()
    names = KeyStore(data_dir).names()
    assert "journal-2026-11" not in names  # the key of the old file is destroyed
    assert any(n.startswith("journal-2026-11-") for n in names)
    assert log_path(data_dir).read_bytes() != old_nov
    assert make(data_dir, clock).verify().ok
    assert journal.append("clean", "kept 3", purpose="history").seq == 3
    assert make(data_dir, clock).verify().ok


def test_export_writes_decrypted_records(data_dir: Path, tmp_path: Path) -> None:
    journal = make(data_dir)
    fill(journal, 2)
    target = tmp_path / "journal.json"
    assert journal.export(target) == 2
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "onecleaner-journal-export"
    assert [r["text"] for r in doc["records"]] == ["cleaned target 1", "cleaned target 2"]
    assert [r["seq"] for r in doc["records"]] == [1, 2]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_export_keeps_the_mode_of_the_users_folder(data_dir: Path, tmp_path: Path) -> None:
    journal = make(data_dir)
    fill(journal, 1)
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    journal.export(documents / "journal.json")
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755
    assert stat.S_IMODE((documents / "journal.json").stat().st_mode) == 0o600
    assert [p.name for p in documents.iterdir()] == ["journal.json"]  # no temp file left
    # A folder that does not exist is not made (and so not made private) for the user.
    with pytest.raises(ExportFailed, match="does not exist"):
        journal.export(tmp_path / "nowhere" / "journal.json")
    assert not (tmp_path / "nowhere").exists()


def test_size_counts_records_and_months(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 10, 20, tzinfo=UTC))
    journal = make(data_dir, clock)
    fill(journal, 2)
    clock.now = NOV
    fill(journal, 3)
    size = journal.size()
    assert size["records"] == 5
    assert size["periods"] == ["2026-10", "2026-11"]
    assert (size["oldest"], size["newest"]) == ("2026-10", "2026-11")
    assert size["bytes"] == sum(p.stat().st_size for p in (data_dir / "journal").glob("*.log"))


def test_batch_appends_verify_and_survive_reopening(data_dir: Path) -> None:
    journal = make(data_dir)
    with journal.batch():
        fill(journal, 50)
    report = make(data_dir).verify()
    assert (report.ok, report.records) == (True, 50)


def test_two_writers_take_turns(data_dir: Path) -> None:
    cli, gui = make(data_dir), make(data_dir)
    for i in range(4):
        (cli if i % 2 else gui).append("clean", f"from writer {i}", purpose="history")
    assert [r.seq for r in make(data_dir).read()] == [1, 2, 3, 4]
    assert make(data_dir).verify().ok


def test_no_personal_data_in_clear_anywhere_in_the_data_folder(
    data_dir: Path, isolated_home: Path
) -> None:
    home = str(isolated_home)
    secrets = [
        "zhang.san@example.org",
        "+8613812345678",
        "13812345678",
        home,
        "UNIQUE-RECORD-TEXT",
    ]
    journal = make(data_dir)
    journal.append(
        "clean",
        "UNIQUE-RECORD-TEXT by zhang.san@example.org +8613812345678 in " + home,
        purpose="history",
        data={"path": home + "/Downloads", "phone": "13812345678"},
    )
    with journal.batch():
        journal.append("clean", "UNIQUE-RECORD-TEXT again", purpose="history")
    journal.erase(purpose="nothing")
    assert len(make(data_dir).read()) == 2
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert len(files) >= 4  # keys, master key, checkpoint, log
    blob = b"".join(p.read_bytes() for p in files)
    for secret in secrets:
        assert secret.encode() not in blob
        assert secret.encode("utf-16-le") not in blob


def test_expired_records_are_not_kept_by_a_clock_far_ahead(data_dir: Path) -> None:
    clock = Clock(NOV)
    fill(make(data_dir, clock), 2)
    clock.now = NOV + timedelta(days=400)
    journal = make(data_dir, clock)
    journal.append("clean", "a year later", purpose="history")
    assert [r.text for r in journal.read()] == ["a year later"]
    assert not log_path(data_dir).exists()


def test_changed_header_is_named(data_dir: Path) -> None:
    fill(make(data_dir), 2)
    rewrite_lines(
        log_path(data_dir), lambda ls: [ls[0].replace(b'"log_id":"', b'"log_id":"0'), *ls[1:]]
    )
    report = make(data_dir).verify()
    assert (report.ok, report.kind, report.bad_seq) == (False, "changed", 1)


def test_a_cut_off_end_is_not_hidden_by_the_next_append(data_dir: Path) -> None:
    fill(make(data_dir), 5)
    rewrite_lines(log_path(data_dir), lambda ls: ls[:-2])  # records 4 and 5 removed
    journal = make(data_dir)
    journal.append("clean", "after the cut", purpose="history")
    assert any("kept aside" in n and "cut off" in n for n in journal.notices)
    records = make(data_dir).read()
    assert [r.text for r in records] == [
        "cleaned target 1",
        "cleaned target 2",
        "cleaned target 3",
        "journal-tampered: cut off (2026-11)",
        "after the cut",
    ]
    assert (records[3].kind, records[3].purpose) == ("security", "essential")
    (aside,) = (data_dir / "journal").glob("2026-11.log.tampered-*")
    assert aside.read_bytes().count(b"\n") == 4  # header + the 3 records left: the evidence
    assert make(data_dir).verify().ok
    # Kept aside only while its month is kept: it goes with the month.
    make(data_dir, Clock(NOV + timedelta(days=90))).purge_expired()
    assert not aside.exists()


def test_a_deleted_current_month_is_still_reported_after_new_records(data_dir: Path) -> None:
    clock = Clock(NOV)
    fill(make(data_dir, clock), 3)
    log_path(data_dir).unlink()
    later = make(data_dir, clock)
    later.append("clean", "after the deletion", purpose="history")
    assert any("is missing" in n and "3 records" in n for n in later.notices)
    report = make(data_dir, clock).verify()
    assert not report.ok and report.kind == "missing" and report.period == "2026-11"
    assert "3 records" in (report.problem or "")
    texts = [r.text for r in make(data_dir, clock).read()]
    assert texts == ["journal-tampered: missing (2026-11)", "after the deletion"]
    for n in range(3):  # more records, even in later months, do not hide the gap
        clock.now = NOV + timedelta(days=10 * n)
        make(data_dir, clock).append("clean", f"later {n}", purpose="history")
    assert make(data_dir, clock).verify().kind == "missing"
    # Once the lost month would have expired anyway, it is no longer reported.
    clock.now = datetime(2027, 2, 1, tzinfo=UTC)
    make(data_dir, clock).purge_expired()
    assert make(data_dir, clock).verify().ok


def test_a_deleted_past_month_stays_reported_after_appends_in_a_new_month(data_dir: Path) -> None:
    clock = Clock(NOV - timedelta(days=20))
    fill(make(data_dir, clock, retention_days=90), 2)
    log_path(data_dir, "2026-10").unlink()
    clock.now = NOV
    for n in range(3):
        make(data_dir, clock, retention_days=90).append("clean", f"{n}", purpose="history")
    report = make(data_dir, clock, retention_days=90).verify()
    assert report.kind == "missing" and report.period == "2026-10"


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_a_fifo_as_a_month_is_set_aside_and_reported_missing(data_dir: Path) -> None:
    fill(make(data_dir), 2)
    log_path(data_dir).unlink()
    os.mkfifo(log_path(data_dir), 0o600)
    journal = make(data_dir)
    with no_hang():  # opened without blocking: no writer is ever waited for
        report = journal.verify()
    assert report.kind == "missing"
    assert any("a FIFO (named pipe) stands in its place" in n for n in journal.notices)
    assert list((data_dir / "journal").glob("2026-11.log.corrupt-*"))
