"""The privacy facade: consent gates collection, withdrawal erases, export, forget, the deadline."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from onecleaner.privacy.consent import Purpose, Way
from onecleaner.privacy.errors import CollectionStopped
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.notice import NoticeRejected, NoticeState
from onecleaner.privacy.policy import load_policy
from onecleaner.privacy.service import PrivacyService
from onecleaner.privacy.startup import run_startup
from onecleaner.settings import Settings, load_settings, save_settings
from tests.privacy.notice_helpers import (
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)

EMAIL = "zoe.li@example.org"
PHONE = "13812345678"
NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)


def service(data_dir: Path, when: datetime = NOW) -> PrivacyService:
    return PrivacyService(data_dir, clock=lambda: when)


def all_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def install_notice(data_dir: Path, tmp_path: Path, *, ended: bool, past_deadline: bool) -> None:
    key = trust_new_key(data_dir)
    end = NOW - timedelta(days=1) if ended else NOW + timedelta(days=30)
    deadline = NOW - timedelta(hours=1) if past_deadline else end + timedelta(days=30)
    fields = notice_fields(announced=NOW - timedelta(days=60), end=end, deadline=deadline)
    path = write_document(tmp_path / "notice.json", signed_document(key, fields))
    service(data_dir).install_notice(path)


def test_fresh_install_collects_nothing(data_dir: Path) -> None:
    svc = service(data_dir)
    assert svc.record_activity("scan", {"files": 3}) is False
    assert svc.record_usage("scan") is False
    assert svc.usage_id() is None
    assert not data_dir.exists(), "nothing is written before the user allows something"
    assert [s.granted for s in svc.consent()] == [False, False, False]


def test_history_consent_records_redacted_activity(data_dir: Path) -> None:
    svc = service(data_dir)
    svc.grant(Purpose.HISTORY, Way.CLI)
    home = os.environ["HOME"]
    assert svc.record_activity("clean", {"files": 2, "root": f"{home}/.cache/x", "by": EMAIL})
    (rec,) = svc.log_records()
    assert rec.kind == "clean" and rec.purpose == "history"
    assert home not in rec.text and EMAIL not in rec.text and "~/.cache/x" in rec.text
    assert rec.data["root"] == "~/.cache/x" and EMAIL not in json.dumps(rec.data)


def test_errors_minimal_without_diagnostics_and_detailed_with_it(data_dir: Path) -> None:
    svc = service(data_dir)
    home = os.environ["HOME"]
    assert svc.record_error("clean", PermissionError(f"denied: {home}/secret/{EMAIL}.txt"))
    (minimal,) = svc.log_records()
    assert minimal.purpose == "essential"
    assert minimal.text == "clean: PermissionError"
    assert minimal.data == {}
    svc.grant(Purpose.DIAGNOSTICS, Way.CLI)
    assert svc.record_error("scan", OSError("disk on fire"))
    detailed = svc.log_records()[-1]
    assert detailed.purpose == "diagnostics" and "disk on fire" in detailed.text
    device = detailed.data["device"]
    assert device["memory_total_mb"] > 0 and device["os"] and device["python"]


@pytest.mark.parametrize(
    ("where", "error", "text"),
    [
        ("scan", "zhangsan could not open his thesis", "scan: Error"),
        ("scan", "zoe.li@example.org", "scan: Error"),
        ("scan", "PermissionError", "scan: PermissionError"),
        ("Zhang San's folder", OSError("x"), "app: OSError"),
        ("/home/zhangsan/.cache", "Error", "app: Error"),
    ],
)
def test_minimal_error_records_keep_no_free_text(
    data_dir: Path, where: str, error: BaseException | str, text: str
) -> None:
    svc = service(data_dir)
    assert svc.record_error(where, error)
    (record,) = svc.log_records()
    assert (record.purpose, record.text, record.data) == ("essential", text, {})


def test_forged_notice_is_journalled_as_a_minimal_security_event(
    data_dir: Path, tmp_path: Path
) -> None:
    key = trust_new_key(data_dir)
    forged = signed_document(key, notice_fields())
    forged["notice"]["contact"] = "attacker@example.org"
    svc = service(data_dir)
    with pytest.raises(NoticeRejected):
        svc.install_notice(write_document(tmp_path / "forged.json", forged))
    (record,) = svc.log_records()
    assert (record.kind, record.purpose) == ("security", "essential")
    assert (record.text, record.data) == ("notice-rejected: bad-signature", {})
    # A file that is simply unreadable is a mistake, not a security event.
    with pytest.raises(NoticeRejected):
        svc.install_notice(tmp_path / "absent.json")
    assert len(svc.log_records()) == 1


def test_withdrawal_erases_that_purpose_only(data_dir: Path) -> None:
    svc = service(data_dir)
    svc.grant(Purpose.HISTORY)
    svc.grant(Purpose.DIAGNOSTICS)
    svc.record_activity("scan", {"files": 1})
    svc.record_error("scan", ValueError("x"))
    svc.record_activity("clean", {"files": 1})
    erased = svc.withdraw(Purpose.HISTORY, Way.GUI)
    assert erased and "2 journal record(s)" in erased[0]
    assert [r.purpose for r in svc.log_records()] == ["diagnostics"]
    assert svc.record_activity("scan", {"files": 1}) is False
    assert svc.verify_log().ok
    svc.withdraw(Purpose.DIAGNOSTICS)
    assert svc.log_records() == []


def test_usage_identifier_lifecycle_and_withdrawal(data_dir: Path) -> None:
    svc = service(data_dir)
    svc.grant(Purpose.USAGE)
    assert svc.record_usage("quick-clean") and svc.record_usage("quick-clean")
    first = svc.usage_id()
    assert first is not None and len(first) == 36
    assert svc.reset_usage_id() not in (None, first)
    svc.set_usage_id_enabled(False)
    assert svc.usage_id() is None and svc.usage_id_enabled() is False
    assert svc.record_usage("scan"), "counting goes on without an identifier"
    svc.set_usage_id_enabled(True)
    assert svc.usage_id() is not None
    raw = (data_dir / "usage.bin").read_bytes()
    assert b"quick-clean" not in raw
    erased = svc.withdraw(Purpose.USAGE)
    assert "install identifier" in " ".join(erased)
    assert not (data_dir / "usage.bin").exists()
    assert not KeyStore(data_dir).has_key("usage")
    assert svc.usage_id() is None


def test_policy_bump_stops_collection_until_asked_again(data_dir: Path) -> None:
    service(data_dir).grant(Purpose.HISTORY)
    newer = dataclasses.replace(load_policy(), version="99")
    svc = PrivacyService(data_dir, clock=lambda: NOW, policy=newer)
    assert svc.record_activity("scan", {"files": 1}) is False
    status = next(s for s in svc.consent() if s.purpose is Purpose.HISTORY)
    assert not status.granted and status.outdated
    svc.grant(Purpose.HISTORY)
    assert svc.record_activity("scan", {"files": 1}) is True


def full_session(data_dir: Path) -> PrivacyService:
    svc = service(data_dir)
    for purpose in Purpose:
        svc.grant(purpose)
    svc.set_profile(email=EMAIL, phone=PHONE)
    home = os.environ["HOME"]
    svc.record_activity(
        "scan", {"note": f"asked by {EMAIL} / {PHONE}", "root": f"{home}/.cache", "files": 5}
    )
    svc.record_error("clean", RuntimeError(f"mail {EMAIL} phone +86 138 1234 5678"))
    svc.record_usage("scan")
    svc.usage_id()
    save_settings(data_dir, Settings(journal_retention_days=60))
    return svc


def test_no_plaintext_personal_data_anywhere_in_the_data_folder(data_dir: Path) -> None:
    svc = full_session(data_dir)
    identifier = svc.usage_id()
    assert identifier is not None
    home = os.environ["HOME"]
    needles = [EMAIL, "zoe.li", "example.org", PHONE, "12345678", "1234 5678", identifier, home]
    files = all_files(data_dir)
    assert len(files) >= 5
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle.encode() not in content, f"{needle!r} in clear in {path.name}"


def test_everything_written_is_private(data_dir: Path, tmp_path: Path) -> None:
    full_session(data_dir)
    install_notice(data_dir, tmp_path, ended=False, past_deadline=False)
    for path in [data_dir, *data_dir.rglob("*")]:
        if path.parent.name == "notice-keys" or path.name == "notice-keys":
            continue  # put there by the test, as a user would
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"


def test_export_holds_everything_decrypted(data_dir: Path, tmp_path: Path) -> None:
    svc = full_session(data_dir)
    outside = tmp_path / "documents"
    outside.mkdir(mode=0o755)
    outside.chmod(0o755)
    target = outside / "my-data.json"
    svc.export_all(target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["profile"]["email"] == EMAIL and doc["profile"]["phone"] == "+86" + PHONE
    assert [h["purpose"] for h in doc["consent"]["history"]] == ["history", "diagnostics", "usage"]
    assert all(c["granted"] for c in doc["consent"]["current"])
    kinds = [r["kind"] for r in doc["journal"]]
    assert kinds == ["scan", "error"]
    assert doc["settings"]["journal_retention_days"] == 60
    assert doc["identifiers"]["install_id"] == svc.usage_id()
    assert doc["identifiers"]["usage_counters"] == {"scan": 1}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755, "the user's folder keeps its mode"


def test_forget_erases_everything_and_app_keeps_working(data_dir: Path, tmp_path: Path) -> None:
    svc = full_session(data_dir)
    done = svc.forget()
    assert {"journal", "profile", "consent history", "settings", "encryption keys"} <= set(done)
    # Only empty lock files may stay: removing one another process holds would break locking.
    left = all_files(data_dir)
    assert [p for p in left if p.name != ".lock" or p.stat().st_size] == []
    fresh = service(data_dir)
    assert fresh.profile() is None and fresh.log_records() == [] and fresh.usage_id() is None
    assert not any(s.granted for s in fresh.consent())
    assert load_settings(data_dir)[0] == Settings()
    fresh.grant(Purpose.HISTORY)
    assert fresh.record_activity("scan", {"files": 1})


def test_forget_also_removes_files_kept_aside(data_dir: Path) -> None:
    svc = full_session(data_dir)
    (log,) = (data_dir / "journal").glob("*.log")
    log.write_bytes(b"\n".join(log.read_bytes().split(b"\n")[:-2]) + b"\n")  # cut the end
    svc.record_activity("scan", {"files": 1})  # the cut log is kept aside for inspection
    assert list((data_dir / "journal").glob("*.tampered-*"))
    svc.forget()
    left = [p for p in all_files(data_dir) if p.name != ".lock" or p.stat().st_size]
    assert left == []


def test_corrupt_files_give_safe_defaults_and_messages(data_dir: Path) -> None:
    full_session(data_dir)
    (data_dir / "consent.json").write_text("{", encoding="utf-8")
    (data_dir / "settings.json").write_text("[]", encoding="utf-8")
    (data_dir / "profile.bin").write_bytes(b"garbage")
    svc = service(data_dir)
    status = svc.status()
    assert not any(s.granted for s in status.consent)
    assert status.profile == "unreadable"
    assert status.retention_days == 30
    text = " | ".join(svc.warnings)
    assert "consent" in text and "settings" in text and "profile" in text
    names = {p.name.split(".corrupt-")[0] for p in data_dir.iterdir() if ".corrupt-" in p.name}
    assert names == {"consent.json", "settings.json"}
    assert svc.record_activity("scan", {"files": 1}) is False, "nothing granted any more"


def test_service_ended_stops_collection_but_allows_export(data_dir: Path, tmp_path: Path) -> None:
    full_session(data_dir)
    install_notice(data_dir, tmp_path, ended=True, past_deadline=False)
    svc = service(data_dir)
    assert svc.notice_state() is NoticeState.SERVICE_ENDED
    before = len(svc.log_records())
    assert svc.record_activity("scan", {"files": 1}) is False
    assert svc.record_error("scan", ValueError("x")) is False
    assert svc.record_usage("scan") is False
    assert len(svc.log_records()) == before
    with pytest.raises(CollectionStopped):
        svc.grant(Purpose.HISTORY)
    with pytest.raises(CollectionStopped):
        svc.set_profile(email="new@example.org")
    svc.export_all(tmp_path / "out.json")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["profile"]
    (reminder,) = run_startup(data_dir, clock=lambda: NOW)
    assert "has ended" in reminder and "privacy export" in reminder
    assert (data_dir / "profile.bin").exists(), "nothing is deleted before the deadline"


def test_past_deadline_startup_deletes_and_writes_receipt(data_dir: Path, tmp_path: Path) -> None:
    full_session(data_dir)
    install_notice(data_dir, tmp_path, ended=True, past_deadline=True)
    messages = run_startup(data_dir, clock=lambda: NOW)
    text = " ".join(messages)
    assert "deletion deadline" in text and "profile" in text and "journal" in text
    assert not (data_dir / "profile.bin").exists()
    assert not (data_dir / "usage.bin").exists()
    assert not (data_dir / "keys.json").exists() and not (data_dir / "master.key").exists()
    assert not list((data_dir / "journal").glob("*.log"))
    svc = service(data_dir)
    assert svc.profile() is None and svc.log_records() == [] and svc.usage_id() is None
    receipt = svc.notice_receipt()
    assert receipt is not None and receipt["notice_id"] == "end-2030"
    assert {"profile", "journal", "install identifier and usage data"} <= set(receipt["deleted"])
    assert datetime.fromisoformat(receipt["deleted_at"]) == NOW
    raw = (data_dir / "deletion-receipt.json").read_text(encoding="utf-8")
    assert "zoe" not in raw and PHONE not in raw
    assert run_startup(data_dir, clock=lambda: NOW) == [], "quiet once done"


def test_past_deadline_with_nothing_held_still_leaves_a_receipt(
    data_dir: Path, tmp_path: Path
) -> None:
    install_notice(data_dir, tmp_path, ended=True, past_deadline=True)
    messages = run_startup(data_dir, clock=lambda: NOW)
    assert messages and "no personal information was held" in messages[0]
    assert (data_dir / "deletion-receipt.json").exists()


def test_startup_without_data_folder_creates_nothing(data_dir: Path) -> None:
    assert run_startup(data_dir) == []
    assert not data_dir.exists()


def test_startup_purges_expired_journal_months(data_dir: Path) -> None:
    old = datetime(2030, 1, 5, tzinfo=UTC)
    svc = service(data_dir, old)
    svc.grant(Purpose.HISTORY)
    svc.record_activity("scan", {"files": 1})
    assert run_startup(data_dir, clock=lambda: old + timedelta(days=120)) == []
    assert service(data_dir).log_records() == []


def test_unreadable_profile_is_kept_aside_when_replaced(data_dir: Path) -> None:
    svc = service(data_dir)
    svc.set_profile(email=EMAIL)
    (data_dir / "profile.bin").write_bytes(b"damaged")
    svc.set_profile(phone=PHONE)
    profile = svc.profile()
    assert profile is not None and profile.email is None and profile.phone == "+86" + PHONE
    aside = [p for p in data_dir.iterdir() if p.name.startswith("profile.bin.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"damaged"
    assert any("kept aside" in w for w in svc.warnings)


def test_announced_notice_is_shown_at_each_start(data_dir: Path, tmp_path: Path) -> None:
    install_notice(data_dir, tmp_path, ended=False, past_deadline=False)
    (line,) = run_startup(data_dir, clock=lambda: NOW)
    assert "service ends" in line and "onecleaner privacy notice" in line
