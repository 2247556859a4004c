"""The notice shown like a push: each stage once per face, the receipt after the deletion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from onecleaner.cli import main
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.notice_news import NoticeFace, NoticeStage, claim_news, unseen_news
from onecleaner.privacy.notice_sources import SHIPPED_VAR
from onecleaner.privacy.service import PrivacyService
from onecleaner.privacy.startup import run_startup
from tests.privacy.notice_helpers import (
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)

ANNOUNCED = datetime(2030, 1, 1, tzinfo=UTC)
END = datetime(2030, 4, 1, tzinfo=UTC)
DEADLINE = datetime(2030, 5, 1, tzinfo=UTC)
EMAIL = "zoe@example.org"


@pytest.fixture
def shipped(data_dir: Path) -> Path:
    """A notice shipped with the app (announced, end, deadline in 2030), its key trusted."""
    folder = Path(os.environ[SHIPPED_VAR])
    folder.mkdir(parents=True)
    key = trust_new_key(data_dir)
    fields = notice_fields(announced=ANNOUNCED, end=END, deadline=DEADLINE)
    write_document(folder / "end.json", signed_document(key, fields))
    return folder


def start(data_dir: Path, when: datetime, face: NoticeFace = NoticeFace.CLI) -> list[str]:
    return run_startup(data_dir, clock=lambda: when, face=face)


def with_personal_data(data_dir: Path, when: datetime) -> None:
    service = PrivacyService(data_dir, clock=lambda: when)
    service.set_profile(email=EMAIL)
    service.grant(Purpose.HISTORY)
    service.record_activity("scan", {"files": 3})


def test_each_stage_is_shown_once_by_the_cli(data_dir: Path, shipped: Path) -> None:
    (announced,) = start(data_dir, ANNOUNCED + timedelta(days=1))
    assert announced.startswith("Service notice: ONE Cleaner's service ends 2030-04-01")
    assert start(data_dir, ANNOUNCED + timedelta(days=2)) == [], "once, not at every command"

    (ended,) = start(data_dir, END + timedelta(days=1))
    assert "the service has ended" in ended and "privacy export" in ended
    assert start(data_dir, END + timedelta(days=2)) == []

    with_personal_data(data_dir, ANNOUNCED)  # (collection stopped since; made as of before)
    (deleted,) = start(data_dir, DEADLINE + timedelta(hours=1))
    assert "deletion deadline (2030-05-01" in deleted and "profile" in deleted
    receipt = data_dir / "deletion-receipt.json"
    assert f"A receipt (with nothing personal in it) is in {receipt}." in deleted
    assert not (data_dir / "profile.bin").exists()
    assert start(data_dir, DEADLINE + timedelta(days=1)) == [], "the receipt is shown once"


def test_a_missed_stage_is_skipped_for_the_current_one(data_dir: Path, shipped: Path) -> None:
    (line,) = start(data_dir, END + timedelta(days=3))
    assert "the service has ended" in line
    assert start(data_dir, END + timedelta(days=4)) == []


def test_the_window_and_the_cli_each_show_a_stage(data_dir: Path, shipped: Path) -> None:
    when = ANNOUNCED + timedelta(days=1)
    assert start(data_dir, when, NoticeFace.GUI) == [], "the window shows its own"
    gui = unseen_news(PrivacyService(data_dir, clock=lambda: when), NoticeFace.GUI)
    assert gui is not None and gui.stage is NoticeStage.ANNOUNCED
    assert len(start(data_dir, when)) == 1, "the CLI has not shown it yet"
    assert unseen_news(PrivacyService(data_dir, clock=lambda: when), NoticeFace.GUI) == gui


def test_of_two_starts_that_both_found_the_news_only_one_shows_it(
    data_dir: Path, shipped: Path
) -> None:
    when = ANNOUNCED + timedelta(days=1)
    start(data_dir, when, NoticeFace.GUI)  # installs the notice; the window shows it itself
    first, second = (PrivacyService(data_dir, clock=lambda: when) for _ in range(2))
    news_first, news_second = (
        unseen_news(first, NoticeFace.GUI),
        unseen_news(second, NoticeFace.GUI),
    )
    assert news_first is not None and news_first == news_second, "both see it before either shows"
    assert claim_news(first, NoticeFace.GUI, news_first) is True
    assert claim_news(second, NoticeFace.GUI, news_first) is False


def test_a_deletion_done_at_a_window_start_is_told_by_the_next_command(
    data_dir: Path, shipped: Path
) -> None:
    with_personal_data(data_dir, ANNOUNCED)
    assert start(data_dir, DEADLINE + timedelta(hours=1), NoticeFace.GUI) == []
    assert not (data_dir / "profile.bin").exists()
    service = PrivacyService(data_dir, clock=lambda: DEADLINE + timedelta(hours=2))
    news = unseen_news(service, NoticeFace.GUI)
    assert news is not None and news.stage is NoticeStage.DELETION_DONE
    assert news.receipt is not None and "profile" in news.receipt.deleted
    (line,) = start(data_dir, DEADLINE + timedelta(hours=2))
    assert "has passed: deleted " in line and "profile" in line


def test_a_newer_notice_is_news_again(data_dir: Path, shipped: Path) -> None:
    when = ANNOUNCED + timedelta(days=1)
    assert len(start(data_dir, when)) == 1
    key = trust_new_key(data_dir, "second")
    later = notice_fields(seq=2, announced=ANNOUNCED, end=END + timedelta(days=30))
    write_document(shipped / "later.json", signed_document(key, later))
    (line,) = start(data_dir, when)
    assert "ends 2030-05-01" in line


def test_a_damaged_memo_is_set_aside_and_the_notice_shown_again(
    data_dir: Path, shipped: Path
) -> None:
    when = ANNOUNCED + timedelta(days=1)
    assert len(start(data_dir, when)) == 1
    (data_dir / "notice-memo.json").write_bytes(b'{"kind": "notice-me')  # torn by a crash
    messages = start(data_dir, when)
    assert any(m.startswith("Service notice:") for m in messages)
    assert any("notice-memo.json could not be read" in m for m in messages)
    assert [p for p in data_dir.iterdir() if p.name.startswith("notice-memo.json.corrupt-")]
    assert start(data_dir, when) == []


def test_the_cli_prints_the_notice_line_once(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = trust_new_key(data_dir)
    now = datetime.now(UTC)
    fields = notice_fields(announced=now - timedelta(days=1), end=now + timedelta(days=20))
    folder = Path(os.environ[SHIPPED_VAR])
    folder.mkdir(parents=True)
    write_document(folder / "end.json", signed_document(key, fields))
    assert main(["list"]) == 0
    first = capsys.readouterr()
    (line,) = [m for m in first.err.splitlines() if m.startswith("Service notice:")]
    assert "service ends" in line and "onecleaner privacy notice" in line
    assert "Service notice:" not in first.out, "stdout stays the command's own"
    assert main(["privacy", "status"]) == 0
    assert "Service notice:" not in capsys.readouterr().err, "once, not at every command"


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "onecleaner", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deadline_deletion_from_a_shipped_notice_by_just_starting_the_app(
    data_dir: Path, tmp_path: Path
) -> None:
    with_personal_data(data_dir, datetime.now(UTC))
    assert (data_dir / "profile.bin").exists() and list((data_dir / "journal").glob("*.log"))
    key: Ed25519PrivateKey = trust_new_key(data_dir)
    past = datetime.now(UTC) - timedelta(days=100)
    fields = notice_fields(
        announced=past, end=past + timedelta(days=30), deadline=past + timedelta(days=60)
    )
    folder = Path(os.environ[SHIPPED_VAR])
    folder.mkdir(parents=True)
    write_document(folder / "last-update.json", signed_document(key, fields))
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}

    listed = _cli(env, "list")
    assert listed.returncode == 0, listed.stderr
    assert "system.cache" in listed.stdout, "the command itself still works"
    (line,) = [m for m in listed.stderr.splitlines() if "deletion deadline" in m]
    assert "profile" in line and "journal" in line
    receipt = json.loads((data_dir / "deletion-receipt.json").read_text(encoding="utf-8"))
    assert receipt["notice_id"] == "end-2030" and "profile" in receipt["deleted"]
    assert EMAIL not in json.dumps(receipt)
    assert not (data_dir / "profile.bin").exists()
    assert not list((data_dir / "journal").glob("*.log"))
    assert not (data_dir / "master.key").exists()

    again = _cli(env, "list")
    assert again.returncode == 0 and "deletion deadline" not in again.stderr, "said once"
