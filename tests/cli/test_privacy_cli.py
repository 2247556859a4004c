"""`onecleaner privacy ...`: the exact commands, JSON shapes, exit codes and messages."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import os
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

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
    assert result.code == 1
    assert "failed verification at record 2 (changed)" in result.err


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


def _thumbnails(count: int) -> list[Path]:
    folder = Path(os.environ["HOME"]) / ".cache" / "thumbnails" / "normal"
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"{n}.png" for n in range(count)]
    for path in files:
        path.write_bytes(b"p" * 1000)
    return files


def _engine(*argv: str) -> int:
    try:
        return main(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)


def test_scans_and_cleans_are_journalled_only_with_history_consent(
    cli: Any, data_dir: Path
) -> None:
    from onecleaner.privacy.service import PrivacyService

    files = _thumbnails(3)
    assert _engine("scan", "thumbnails.cache") == 0
    # Refusing consent never limits cleaning; and nothing is kept of it.
    assert _engine("clean", "thumbnails.cache", "--yes") == 0
    assert not any(p.exists() for p in files)
    assert PrivacyService(data_dir).log_records() == []
    assert not (data_dir / "journal").exists()

    assert cli("consent", "grant", "history").code == 0
    _thumbnails(2)
    assert _engine("scan", "thumbnails.cache") == 0
    assert _engine("clean", "thumbnails.cache", "--yes") == 0
    records = cli("log", "--json").json()["records"]
    assert [(r["kind"], r["purpose"]) for r in records] == [
        ("scan", "history"),
        ("clean", "history"),
    ]
    assert records[0]["data"]["files"] == 2 and records[1]["data"]["files"] == 2
    assert os.environ["HOME"] not in json.dumps(records)

    assert cli("consent", "withdraw", "history").code == 0
    assert _engine("scan", "thumbnails.cache") == 0
    assert cli("log", "--json").json()["records"] == []


def test_json_shapes_are_stable(cli: Any, data_dir: Path) -> None:
    from onecleaner.privacy.service import PrivacyService

    fresh = cli("status", "--json").json()
    assert set(fresh) == {
        "data_dir",
        "key_store",
        "consent",
        "profile",
        "journal",
        "notice",
        "collection_stopped",
        "warnings",
    }
    assert set(fresh["key_store"]) == {"store", "backend", "location", "note"}
    assert set(fresh["notice"]) == {"state", "notice_id", "service_end_at", "deletion_deadline"}
    journal_keys = {"records", "bytes", "periods", "oldest", "newest", "retention_days"}
    assert set(fresh["journal"]) == journal_keys
    assert cli("consent", "grant", "history").code == 0
    assert PrivacyService(data_dir).record_activity("scan", {"files": 1})
    used = cli("status", "--json").json()
    assert set(used["journal"]) == journal_keys
    assert used["journal"]["records"] == 1 and len(used["journal"]["periods"]) == 1
    (record,) = cli("log", "--json").json()["records"]
    assert set(record) == {"seq", "at", "kind", "purpose", "text", "data", "period"}
    assert set(cli("profile", "--json").json()) == {"email", "phone", "updated_at", "readable"}
    assert set(cli("notice", "--json").json()) == {"state", "notice", "receipt"}


def test_log_export_keeps_the_mode_of_the_users_folder(cli: Any, tmp_path: Path) -> None:
    assert cli("consent", "grant", "history").code == 0
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    result = cli("log", "export", str(documents / "journal.json"))
    assert result.code == 0
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755
    assert stat.S_IMODE((documents / "journal.json").stat().st_mode) == 0o600
    assert cli("export", str(documents / "all.json")).code == 0
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755


def test_deadline_deletion_runs_at_the_start_of_an_engine_command(
    cli: Any, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("profile", "set", "--phone", "13812345678").code == 0
    key = trust_new_key(data_dir)
    past = datetime.now(UTC) - timedelta(days=100)
    fields = notice_fields(
        announced=past, end=past + timedelta(days=30), deadline=past + timedelta(days=60)
    )
    notice_file = write_document(tmp_path / "n.json", signed_document(key, fields))
    assert cli("notice", "install", str(notice_file)).code == 0
    capsys.readouterr()
    assert _engine("list") == 0
    err = capsys.readouterr().err
    assert "deletion deadline" in err and "profile" in err
    assert not (data_dir / "profile.bin").exists()
    assert (data_dir / "deletion-receipt.json").exists()


@pytest.mark.parametrize("problem", ["unknown-key", "bad-dates", "ascii-escaped", "replayed"])
def test_every_notice_rejection_is_exit_2_with_a_message(
    cli: Any, data_dir: Path, tmp_path: Path, problem: str
) -> None:
    key = trust_new_key(data_dir)
    fields = notice_fields(seq=4)
    if problem == "unknown-key":
        document = signed_document(Ed25519PrivateKey.generate(), fields)
        expected = "unknown key"
    elif problem == "bad-dates":
        fields["deletion_deadline"] = fields["announced_at"]
        fields["announced_at"] = fields["service_end_at"]
        document = signed_document(key, fields)
        expected = "inconsistent dates"
    elif problem == "ascii-escaped":
        # Signed over the notice with non-ASCII escaped: not the specified canonical form.
        raw = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")
        document = {"notice": fields, "signature": base64.b64encode(key.sign(raw)).decode()}
        expected = "forged"
    else:
        good = write_document(tmp_path / "first.json", signed_document(key, fields))
        assert cli("notice", "install", str(good)).code == 0
        document = signed_document(key, notice_fields(seq=4))
        expected = "not newer"
    result = cli("notice", "install", str(write_document(tmp_path / "n.json", document)))
    assert result.code == 2
    assert "\nonecleaner: " in "\n" + result.err and expected in result.err


def test_corrupted_files_never_crash_a_command(cli: Any, data_dir: Path) -> None:
    assert cli("consent", "grant", "history").code == 0
    assert cli("profile", "set", "--email", "zoe@example.org").code == 0
    assert cli("status").code == 0  # nothing wrong yet
    (data_dir / "consent.json").write_bytes(b"{broken")
    (data_dir / "settings.json").write_bytes(b"\x00\x01")
    KeyStore(data_dir).destroy("profile")
    result = cli("status", "--json")
    assert result.code == 0
    doc = result.json()
    assert not any(p["granted"] for p in doc["consent"]["purposes"])
    assert doc["profile"] == "unreadable"
    assert doc["journal"]["retention_days"] == 30
    assert "consent file could not be read" in result.err
    assert "settings file could not be read" in result.err
    assert "profile could not be read" in result.err
    aside = sorted(p.name.split(".corrupt-")[0] for p in data_dir.glob("*.corrupt-*"))
    assert aside == ["consent.json", "settings.json"]
    assert cli("consent", "--json").code == 0 and cli("profile", "--json").code == 1


def test_an_unwritable_export_target_is_exit_2(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refused(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.basename(path).startswith(".out.json."):  # the export's temporary file
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    for argv in (("export",), ("log", "export")):
        result = cli(*argv, str(tmp_path / "out.json"))
        assert result.code == 2, argv
        assert "cannot write" in result.err and "Permission denied" in result.err
    assert not (tmp_path / "out.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []
