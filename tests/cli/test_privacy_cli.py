"""`onecleaner privacy ...`: the exact commands, JSON shapes, exit codes and messages."""

from __future__ import annotations

import dataclasses
import io
import json
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from onecleaner.cli import main
from onecleaner.cli.context import CliContext
from onecleaner.privacy import policy as policy_mod
from onecleaner.privacy.keys import KeyStore
from tests.privacy.notice_helpers import (
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)


@dataclasses.dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    def run(*argv: str) -> Run:
        capsys.readouterr()
        try:
            code = main(["privacy", *argv])
        except SystemExit as exc:  # argparse's own usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def test_consent_json_shape_and_fresh_install(cli: Any) -> None:
    result = cli("consent", "--json")
    assert result.code == 0
    doc = result.json()
    assert set(doc) == {"policy_version", "purposes"}
    assert doc["policy_version"] == policy_mod.load_policy().version
    assert [p["id"] for p in doc["purposes"]] == ["history", "diagnostics", "usage"]
    for purpose in doc["purposes"]:
        assert purpose == {
            "id": purpose["id"],
            "granted": False,
            "at": None,
            "policy_version": None,
        }


def test_grant_and_withdraw(cli: Any) -> None:
    assert cli("consent", "grant", "history").code == 0
    doc = cli("consent", "--json").json()
    history = doc["purposes"][0]
    assert history["granted"] is True and history["policy_version"] == doc["policy_version"]
    assert datetime.fromisoformat(history["at"]).tzinfo is not None
    withdrawn = cli("consent", "withdraw", "history")
    assert withdrawn.code == 0 and "Withdrew 'history'" in withdrawn.out
    assert cli("consent", "--json").json()["purposes"][0]["granted"] is False


def test_unknown_purpose_is_a_usage_error(cli: Any, data_dir: Path) -> None:
    result = cli("consent", "grant", "marketing")
    assert result.code == 2
    assert "unknown purpose 'marketing'" in result.err and "history" in result.err
    assert not (data_dir / "consent.json").exists()


def test_policy_version_bump_shows_not_granted(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("consent", "grant", "diagnostics").code == 0
    shipped = policy_mod.load_policy()
    newer = dataclasses.replace(shipped, version="2")
    monkeypatch.setattr(policy_mod, "load_policy", lambda folder=None: newer)
    doc = cli("consent", "--json").json()
    assert doc["policy_version"] == "2"
    diagnostics = doc["purposes"][1]
    assert diagnostics["granted"] is False
    assert diagnostics["policy_version"] == shipped.version
    human = cli("consent").out
    assert "policy changed" in human


def test_profile_set_show_delete_never_prints_in_clear(cli: Any) -> None:
    result = cli("profile", "set", "--email", "zoe@example.org", "--phone", "+86 138 1234 5678")
    assert result.code == 0
    assert "z***@example.org" in result.out and "138****5678" in result.out
    shown = cli("profile", "--json")
    assert shown.code == 0
    doc = shown.json()
    assert doc["email"] == "z***@example.org" and doc["phone"] == "138****5678"
    for run in (result, shown, cli("profile"), cli("status"), cli("status", "--json")):
        assert "zoe@" not in run.out + run.err and "12345678" not in run.out + run.err
    assert cli("profile", "set", "--email", "").code == 0
    assert cli("profile", "--json").json()["email"] is None
    deleted = cli("profile", "delete")
    assert deleted.code == 0 and "deleted" in deleted.out
    assert cli("profile", "--json").json() == {
        "email": None,
        "phone": None,
        "updated_at": None,
        "readable": True,
    }


@pytest.mark.parametrize(
    "args",
    [
        ("--email", "not-an-address"),
        ("--phone", "12345"),
        ("--phone", "+86 128 1234 5678"),
        (),
    ],
)
def test_malformed_profile_input_is_a_usage_error(
    cli: Any, data_dir: Path, args: tuple[str, ...]
) -> None:
    result = cli("profile", "set", *args)
    assert result.code == 2
    assert result.err.startswith("onecleaner: ")
    assert not (data_dir / "profile.bin").exists()


def test_lost_profile_key_is_reported(cli: Any, data_dir: Path) -> None:
    assert cli("profile", "set", "--phone", "13812345678").code == 0
    KeyStore(data_dir).destroy_all()
    result = cli("profile")
    assert result.code == 1 and "could not be read" in result.err
    status = cli("status")
    assert status.code == 0 and "could not be read" in status.out
    assert cli("status", "--json").json()["profile"] == "unreadable"


def test_status_json(cli: Any, data_dir: Path) -> None:
    doc = cli("status", "--json").json()
    assert doc["data_dir"] == str(data_dir)
    assert doc["key_store"]["store"] == "file"  # the tests run with keyring's fail backend
    assert set(doc["consent"]) == {"policy_version", "purposes"}
    assert doc["journal"]["retention_days"] == 30
    assert doc["notice"]["state"] == "none"
    assert doc["collection_stopped"] is False
    human = cli("status").out
    assert str(data_dir) in human and "Key store" in human and "no end-of-service notice" in human


def test_log_commands(cli: Any, data_dir: Path, tmp_path: Path) -> None:
    from onecleaner.privacy.service import PrivacyService

    assert cli("consent", "grant", "history").code == 0
    service = PrivacyService(data_dir)
    for n in range(3):
        assert service.record_activity("scan", {"files": n, "bytes": 100 * n})
    shown = cli("log", "--json", "--limit", "2")
    assert shown.code == 0
    records = shown.json()["records"]
    assert [r["data"]["files"] for r in records] == [1, 2]
    assert "scan" in cli("log").out
    verified = cli("log", "verify")
    assert verified.code == 0 and "3 record" in verified.out
    target = tmp_path / "journal.json"
    exported = cli("log", "export", str(target))
    assert exported.code == 0 and target.exists()
    assert "files=2" in target.read_text(encoding="utf-8")
    assert cli("log", "--limit", "0").code == 2
    assert cli("log", "export", str(tmp_path / "missing" / "j.json")).code == 2


def test_tampered_log_fails_verification(cli: Any, data_dir: Path) -> None:
    from onecleaner.privacy.service import PrivacyService

    assert cli("consent", "grant", "history").code == 0
    service = PrivacyService(data_dir)
    for n in range(3):
        service.record_activity("clean", {"files": n})
    (log,) = (data_dir / "journal").glob("*.log")
    lines = log.read_bytes().split(b"\n")
    middle = len(lines[2]) // 2  # inside the base64 of record 2: still base64, other bits
    swapped = b"B" if lines[2][middle : middle + 1] == b"A" else b"A"
    lines[2] = lines[2][:middle] + swapped + lines[2][middle + 1 :]
    log.write_bytes(b"\n".join(lines))
    result = cli("log", "verify")
    assert result.code == 1 and "record" in result.err


def test_export_everything(cli: Any, tmp_path: Path) -> None:
    assert cli("profile", "set", "--email", "zoe@example.org").code == 0
    assert cli("consent", "grant", "usage").code == 0
    target = tmp_path / "me.json"
    result = cli("export", str(target))
    assert result.code == 0 and str(target) in result.out
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["profile"]["email"] == "zoe@example.org"
    assert doc["consent"]["history"][0]["purpose"] == "usage"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert cli("export", str(tmp_path / "nowhere" / "me.json")).code == 2
    assert cli("export", str(tmp_path)).code == 2


def test_forget_refuses_without_terminal_or_yes(cli: Any, data_dir: Path) -> None:
    assert cli("profile", "set", "--email", "zoe@example.org").code == 0
    refused = cli("forget")
    assert refused.code == 2 and "--yes" in refused.err
    assert (data_dir / "profile.bin").exists()
    done = cli("forget", "--yes")
    assert done.code == 0 and "profile" in done.out
    assert not (data_dir / "profile.bin").exists()
    assert cli("consent", "--json").code == 0, "the app keeps working on its defaults"


@pytest.mark.parametrize(("answer", "code", "kept"), [("n\n", 1, True), ("yes\n", 0, False)])
def test_forget_asks_on_a_terminal(
    cli: Any,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
    kept: bool,
) -> None:
    assert cli("profile", "set", "--email", "zoe@example.org").code == 0
    monkeypatch.setattr(CliContext, "interactive", property(lambda self: True))
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    result = cli("forget")
    assert result.code == code
    assert "cannot be undone" in result.err
    assert (data_dir / "profile.bin").exists() is kept


def test_notice_install_show_and_rejections(cli: Any, data_dir: Path, tmp_path: Path) -> None:
    assert cli("notice", "--json").json() == {"state": "none", "notice": None, "receipt": None}
    key = trust_new_key(data_dir)
    now = datetime.now(UTC)
    fields = notice_fields(seq=5, announced=now - timedelta(days=1))
    good = write_document(tmp_path / "good.json", signed_document(key, fields))
    installed = cli("notice", "install", str(good))
    assert installed.code == 0 and "seq 5" in installed.out
    doc = cli("notice", "--json").json()
    assert doc["state"] == "announced" and doc["notice"]["notice_id"] == "end-2030"
    assert "ONE Cleaner is ending" in cli("notice").out

    replay = cli("notice", "install", str(good))
    assert replay.code == 2 and "not newer" in replay.err
    forged = signed_document(key, notice_fields(seq=6))
    forged["notice"]["contact"] = "attacker@example.org"
    bad = cli("notice", "install", str(write_document(tmp_path / "bad.json", forged)))
    assert bad.code == 2 and "forged" in bad.err
    missing = cli("notice", "install", str(tmp_path / "absent.json"))
    assert missing.code == 2 and "cannot read" in missing.err
    assert cli("notice", "--json").json()["notice"]["seq"] == 5


def test_deadline_passed_deletes_at_next_command(cli: Any, data_dir: Path, tmp_path: Path) -> None:
    assert cli("profile", "set", "--email", "zoe@example.org").code == 0
    assert cli("consent", "grant", "history").code == 0
    key = trust_new_key(data_dir)
    past = datetime.now(UTC) - timedelta(days=100)
    fields = notice_fields(
        announced=past, end=past + timedelta(days=30), deadline=past + timedelta(days=60)
    )
    notice_file = write_document(tmp_path / "n.json", signed_document(key, fields))
    installed = cli("notice", "install", str(notice_file))
    assert installed.code == 0 and "next starts" in installed.out
    after = cli("status", "--json")
    assert "deletion deadline" in after.err and "profile" in after.err
    doc = after.json()
    assert doc["profile"] == "none" and doc["notice"]["state"] == "past-deadline"
    assert doc["collection_stopped"] is True
    assert not (data_dir / "profile.bin").exists()
    receipt = json.loads((data_dir / "deletion-receipt.json").read_text(encoding="utf-8"))
    assert receipt["notice_id"] == "end-2030" and "profile" in receipt["deleted"]
    assert "zoe" not in json.dumps(receipt)
    assert cli("consent", "grant", "history").code == 2, "collection has stopped"
    quiet = cli("status")
    assert "deletion deadline (" not in quiet.err, "said once, not at every start"


def test_reading_commands_on_a_fresh_install_create_nothing(cli: Any, data_dir: Path) -> None:
    for argv in (("status",), ("consent",), ("profile",), ("log",), ("notice",)):
        assert cli(*argv).code == 0, argv
    assert not data_dir.exists()


def test_privacy_without_subcommand_shows_help(cli: Any) -> None:
    result = cli()
    assert result.code == 2 and "consent" in result.err and "forget" in result.err
