"""Several real processes writing one data folder at once: nothing is lost, nothing unreadable.

Each test starts CHILDREN forked processes, all released at the same instant, that run what a
command runs (the CLI's `main` end to end, or the service call its handler makes, in a tight
loop of ROUNDS so the read-modify-writes overlap as often as possible).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy.consent import ConsentState, Purpose
from onecleaner.privacy.journal import Journal
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import load_settings, update_settings
from tests.privacy.forkkit import needs_fork, race

pytestmark = [needs_fork, pytest.mark.usefixtures("no_fsync")]

CHILDREN = 4
ROUNDS = 3  # whole CLI commands per child
CALLS = 12  # service calls per child


def cli(*argv: str) -> Callable[[], None]:
    """A child's work: run the command ROUNDS times, failing on any exit code but 0."""

    def run() -> None:
        for _ in range(ROUNDS):
            code = main(list(argv))
            if code != 0:
                raise SystemExit(f"{argv} exited {code}")

    return run


def test_consent_records_of_concurrent_commands_are_all_kept(
    data_dir: Path, tmp_path: Path
) -> None:
    def choose(i: int) -> Callable[[], None]:
        purpose = list(Purpose)[i % 3]

        def run() -> None:
            for n in range(CALLS):
                service = PrivacyService(data_dir)
                (service.grant if n % 2 else service.withdraw)(purpose)

        return run

    result = race([choose(i) for i in range(CHILDREN)], tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    history = PrivacyService(data_dir).consent_history()
    assert len(history) == CHILDREN * CALLS, "a concurrent read-modify-write lost records"


def test_a_reported_withdrawal_stays_withdrawn(data_dir: Path, tmp_path: Path) -> None:
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    for n in range(3):
        assert service.record_activity("clean", {"files": n})
    actions = [cli("privacy", "consent", "withdraw", "history")]
    actions += [cli("privacy", "consent", "grant", p) for p in ("usage", "diagnostics") * 3]
    result = race(actions, tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    after = PrivacyService(data_dir)
    assert not after.is_granted(Purpose.HISTORY), "the withdrawal was overwritten"
    assert [r for r in after.log_records() if r.purpose == "history"] == []
    withdrawals = [
        r
        for r in after.consent_history()
        if r.purpose is Purpose.HISTORY and r.state is ConsentState.WITHDRAWN
    ]
    assert len(withdrawals) == ROUNDS


def test_concurrent_profile_sets_leave_a_readable_profile(data_dir: Path, tmp_path: Path) -> None:
    """Some set the e-mail, others the phone: the profile ends readable and holds both."""

    def set_field(i: int) -> Callable[[], None]:
        def run() -> None:
            for n in range(CALLS):
                service = PrivacyService(data_dir)
                if i % 2:
                    service.set_profile(phone=f"13812345{n:03d}")
                else:
                    service.set_profile(email=f"user{i}.{n}@example.org")

        return run

    actions = [cli("privacy", "profile", "set", "--email", "cli@example.org")]
    actions += [set_field(i) for i in range(1, CHILDREN + 1)]
    result = race(actions, tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    profile = PrivacyService(data_dir).profile()  # ProfileUnreadable would fail the test
    assert profile is not None and profile.email and profile.phone, profile


def test_no_history_is_recorded_past_a_withdrawal(data_dir: Path, tmp_path: Path) -> None:
    """A scan recorded while the user withdraws lands before the erasure, never after it.

    The window is narrow (a consent check, then a write): the race is run three times.
    """

    def record() -> None:
        for n in range(CALLS):
            PrivacyService(data_dir).record_activity("scan", {"n": n})

    def withdraw() -> None:
        for _ in range(2):
            PrivacyService(data_dir).record_activity("scan", {"n": -1})
        PrivacyService(data_dir).withdraw(Purpose.HISTORY)

    for attempt in range(3):
        PrivacyService(data_dir).grant(Purpose.HISTORY)
        result = race([record] * (CHILDREN - 1) + [withdraw], tmp_path / "errors.txt")
        assert result.all_done(), result.errors
        service = PrivacyService(data_dir)
        assert not service.is_granted(Purpose.HISTORY)
        late = [r for r in service.log_records() if r.purpose == "history"]
        assert late == [], f"attempt {attempt}: recorded after the withdrawal: {late}"


def test_concurrent_settings_changes_are_all_kept(data_dir: Path, tmp_path: Path) -> None:
    def add_places(i: int) -> Callable[[], None]:
        def run() -> None:
            for r in range(CALLS):
                update_settings(
                    data_dir,
                    lambda s, r=r: dataclasses.replace(
                        s, never_touch=(*s.never_touch, f"/keep/{i}-{r}")
                    ),
                )

        return run

    def toggle_identifier() -> None:
        for r in range(CALLS):
            PrivacyService(data_dir).set_usage_id_enabled(r == CALLS - 1)

    result = race([add_places(i) for i in range(CHILDREN)] + [toggle_identifier], tmp_path / "e")
    assert result.all_done(), result.errors
    settings, problem = load_settings(data_dir)
    assert problem is None
    assert len(settings.never_touch) == CHILDREN * CALLS, "a settings change was lost"
    assert settings.usage_id_enabled is True  # the toggler's last word


def test_concurrent_key_creation_makes_one_master_and_keeps_every_key(
    data_dir: Path, tmp_path: Path
) -> None:
    def make_key(i: int) -> Callable[[], None]:
        def run() -> None:
            (tmp_path / f"key{i}").write_bytes(KeyStore(data_dir).data_key(f"data-{i}"))

        return run

    result = race([make_key(i) for i in range(CHILDREN)], tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    store = KeyStore(data_dir)
    assert store.names() == sorted(f"data-{i}" for i in range(CHILDREN)), "a key was lost"
    for i in range(CHILDREN):
        # Every key opens with the one master key that remains, and is the key its maker used.
        assert store.data_key(f"data-{i}", create=False) == (tmp_path / f"key{i}").read_bytes()
    assert store.problems == []


def test_concurrent_journal_appends_and_key_making_lose_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    PrivacyService(data_dir).grant(Purpose.HISTORY)

    def record(i: int) -> Callable[[], None]:
        def run() -> None:
            for r in range(ROUNDS):
                if not PrivacyService(data_dir).record_activity("clean", {"child": i, "n": r}):
                    raise SystemExit("not recorded")

        return run

    profile = cli("privacy", "profile", "set", "--phone", "13812345678")
    result = race([record(i) for i in range(CHILDREN)] + [profile], tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    service = PrivacyService(data_dir)
    records = service.log_records()
    assert len(records) == CHILDREN * ROUNDS
    assert sorted(r.seq for r in records) == list(range(1, CHILDREN * ROUNDS + 1))
    assert service.verify_log().ok
    profile_now = service.profile()
    assert profile_now is not None and profile_now.phone == "+8613812345678"


def test_concurrent_usage_counts_are_all_counted(data_dir: Path, tmp_path: Path) -> None:
    PrivacyService(data_dir).grant(Purpose.USAGE)

    def count() -> None:
        for _ in range(CALLS):
            if not PrivacyService(data_dir).record_usage("scan"):
                raise SystemExit("not counted")

    result = race([count] * CHILDREN, tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    usage = PrivacyService(data_dir).usage_store().load()
    assert usage.counters == {"scan": CHILDREN * CALLS}
    assert usage.install_id is not None


def test_a_journal_rewrite_racing_appends_stays_verifiable(data_dir: Path, tmp_path: Path) -> None:
    """Withdrawing diagnostics rewrites the month while other processes append history."""
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    service.grant(Purpose.DIAGNOSTICS)
    for n in range(4):
        service.record_error("scan", f"Error{n}")
        service.record_activity("scan", {"n": n})

    def record() -> None:
        for r in range(ROUNDS):
            PrivacyService(data_dir).record_activity("clean", {"n": r})

    withdraw = cli("privacy", "consent", "withdraw", "diagnostics")
    result = race([record] * (CHILDREN - 1) + [withdraw], tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    after = PrivacyService(data_dir)
    assert after.verify_log().ok
    records = Journal(data_dir, KeyStore(data_dir)).read()
    assert [r for r in records if r.purpose == "diagnostics"] == []
    assert len([r for r in records if r.purpose == "history"]) == 4 + (CHILDREN - 1) * ROUNDS
