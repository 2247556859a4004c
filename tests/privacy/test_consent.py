"""Consent: off by default, append-only history, policy version bumps, bad files, shipped policy."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from onecleaner.privacy.consent import (
    ConsentBook,
    ConsentState,
    Purpose,
    UnknownPurpose,
    Way,
    parse_purpose,
)
from onecleaner.privacy.policy import Policy, PolicyUnavailable, load_policy, policy_dir


def bumped(policy: Policy) -> Policy:
    """The same policy published as a newer version."""
    return dataclasses.replace(policy, version=policy.version + ".1", sha256="0" * 64)


@pytest.fixture
def policy() -> Policy:
    return load_policy()


def test_shipped_policy_matches_the_shared_text_and_its_hash(policy: Policy) -> None:
    en = (policy_dir() / "privacy-policy.en.md").read_bytes()
    assert policy.sha256 == hashlib.sha256(en).hexdigest()
    assert policy.text("en").startswith("ONE Cleaner Privacy Policy")
    assert "2.3 notice when the product or service stops operation" in policy.text("en")
    zh = policy.text("zh_CN")
    assert zh.startswith("ONE Cleaner 隐私政策")
    # Same structure in both languages: the numbered sections line up.
    for heading in ("1.", "2.1", "2.2", "2.3", "3."):
        assert f"\n{heading} " in policy.text("en") or policy.text("en").startswith(heading)
        assert f"\n{heading} " in zh
    assert policy.text("zh") == zh and policy.text("fr") == policy.text("en")


def test_edited_policy_text_without_new_hash_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    folder.mkdir()
    for item in policy_dir().iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    en = folder / "privacy-policy.en.md"
    en.write_bytes(en.read_bytes() + b"\nWe now share everything.")
    with pytest.raises(PolicyUnavailable, match="bump the version"):
        load_policy(folder)


def test_fresh_install_grants_nothing(data_dir: Path, policy: Policy) -> None:
    book = ConsentBook(data_dir, policy)
    assert [s.granted for s in book.summary()] == [False, False, False]
    assert {s.purpose for s in book.summary()} == set(Purpose)
    assert book.warnings == []
    assert not data_dir.exists()


def test_grant_is_recorded_with_policy_time_and_way(data_dir: Path, policy: Policy) -> None:
    when = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    book = ConsentBook(data_dir, policy, clock=lambda: when)
    book.record(Purpose.HISTORY, ConsentState.GRANTED, Way.GUI)
    assert book.is_granted(Purpose.HISTORY)
    assert not book.is_granted(Purpose.USAGE)
    (rec,) = book.history()
    assert rec.purpose is Purpose.HISTORY and rec.state is ConsentState.GRANTED
    assert rec.policy_version == policy.version and rec.policy_sha256 == policy.sha256
    assert rec.at == when and rec.way is Way.GUI
    assert stat.S_IMODE((data_dir / "consent.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_history_is_append_only(data_dir: Path, policy: Policy) -> None:
    book = ConsentBook(data_dir, policy)
    book.record(Purpose.USAGE, ConsentState.GRANTED, Way.FIRST_RUN)
    first = (data_dir / "consent.json").read_text(encoding="utf-8")
    book.record(Purpose.USAGE, ConsentState.WITHDRAWN, Way.CLI)
    book.record(Purpose.DIAGNOSTICS, ConsentState.GRANTED, Way.CLI)
    history = book.history()
    assert [(r.purpose, r.state, r.way) for r in history] == [
        (Purpose.USAGE, ConsentState.GRANTED, Way.FIRST_RUN),
        (Purpose.USAGE, ConsentState.WITHDRAWN, Way.CLI),
        (Purpose.DIAGNOSTICS, ConsentState.GRANTED, Way.CLI),
    ]
    assert json.loads(first)["records"] == [r.to_json() for r in history[:1]]
    assert not book.is_granted(Purpose.USAGE)
    assert book.is_granted(Purpose.DIAGNOSTICS)


def test_newer_policy_version_counts_as_not_granted(data_dir: Path, policy: Policy) -> None:
    ConsentBook(data_dir, policy).record(Purpose.HISTORY, ConsentState.GRANTED, Way.CLI)

    after_bump = ConsentBook(data_dir, bumped(policy))
    status = after_bump.status(Purpose.HISTORY)
    assert not status.granted
    assert status.outdated, "the user is told the policy changed, not that they refused"

    after_bump.record(Purpose.HISTORY, ConsentState.GRANTED, Way.CLI)
    assert after_bump.is_granted(Purpose.HISTORY)
    assert after_bump.history()[-1].policy_version == bumped(policy).version


def test_corrupt_consent_file_means_nothing_granted_and_is_kept_aside(
    data_dir: Path, policy: Policy
) -> None:
    book = ConsentBook(data_dir, policy)
    book.record(Purpose.HISTORY, ConsentState.GRANTED, Way.CLI)
    (data_dir / "consent.json").write_bytes(b"\xff\xfe garbage")

    fresh = ConsentBook(data_dir, policy)
    assert not any(s.granted for s in fresh.summary())
    assert fresh.warnings and "set aside" in fresh.warnings[0]
    aside = [p for p in data_dir.iterdir() if p.name.startswith("consent.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"\xff\xfe garbage"


def test_unreadable_records_are_skipped_with_a_message(data_dir: Path, policy: Policy) -> None:
    book = ConsentBook(data_dir, policy)
    book.record(Purpose.HISTORY, ConsentState.GRANTED, Way.CLI)
    doc = json.loads((data_dir / "consent.json").read_text(encoding="utf-8"))
    doc["records"].append({"purpose": "telepathy", "state": "granted"})
    (data_dir / "consent.json").write_text(json.dumps(doc), encoding="utf-8")
    again = ConsentBook(data_dir, policy)
    assert again.is_granted(Purpose.HISTORY)
    assert any("could not be read" in w for w in again.warnings)


def test_purpose_names() -> None:
    assert parse_purpose(" History ") is Purpose.HISTORY
    with pytest.raises(UnknownPurpose, match=r"unknown purpose 'marketing'.*history"):
        parse_purpose("marketing")


SHARED_POLICY = Path(__file__).resolve().parents[3] / "shared" / "privacy-policy.md"


@pytest.mark.skipif(not SHARED_POLICY.exists(), reason="the shared docs are not beside the repo")
def test_shipped_english_policy_is_the_published_text(policy: Policy) -> None:
    assert policy.text("en").encode("utf-8") == SHARED_POLICY.read_bytes()
