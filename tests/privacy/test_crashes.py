"""A command killed at every write step leaves a data folder the next start makes consistent.

For each command, a child process runs it from the same prepared data folder and dies
(``os._exit``) just before its N-th write call (write, fsync, replace, unlink...), for N = 1,
2, ... until the command finishes. After each crash the next start runs, and the state must
be the old one or the new one, never a mix: intents completed, ``log verify`` clean, no
temporary or set-aside file, withdrawn data unreadable. To stay fast, the default run calls
the service as the CLI's handler does and crashes the longer commands at every fifth step;
the slow run goes through the CLI, crashes at every step, and crashes the recovery too.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.journal import Journal
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.recovery import recover_data_folder
from onecleaner.privacy.service import PrivacyService
from onecleaner.privacy.startup import run_startup
from onecleaner.settings import Settings, save_settings
from tests.privacy.forkkit import needs_fork, run_crashing

pytestmark = [needs_fork, pytest.mark.usefixtures("no_fsync")]

EMAIL = "zoe.li@example.org"
NEW_EMAIL = "zoe@example.com"
MAX_STEPS = 400


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Sweep:
    """How a sweep went: the write steps the command took, and the states seen after crashes."""

    steps: int = 0
    old: int = 0
    new: int = 0


#: The default run crashes the longer commands at every STRIDE-th write step only.
STRIDE = 5


def cli(data_dir: Path, *argv: str) -> Callable[[], None]:
    def run() -> None:
        code = main(["--data-dir", str(data_dir), *argv])
        if code != 0:
            raise SystemExit(f"{argv} exited {code}")

    return run


def leftovers(data_dir: Path) -> list[str]:
    """Files no consistent data folder holds: temporary, set aside, unfinished intents."""
    return sorted(
        p.name
        for p in data_dir.rglob("*")
        if p.name.endswith(".tmp")
        or ".corrupt-" in p.name
        or ".tampered-" in p.name
        or p.name in ("intents.json", "master.key.new")
    )


def sweep(
    tmp_path: Path,
    build: Callable[[Path], None],
    command: Callable[[Path], Callable[[], None]],
    check: Callable[[Path], str],
    *,
    stride: int = 1,
    recovery_crashes: bool = False,
) -> Sweep:
    """Crash ``command`` at every ``stride``-th write step; ``check`` says 'old' or 'new'."""
    template = tmp_path / "template"
    build(template)
    result = Sweep()
    log = tmp_path / "child.log"
    for step in range(1, MAX_STEPS, stride):
        run = tmp_path / "run"
        shutil.rmtree(run, ignore_errors=True)
        shutil.copytree(template, run, symlinks=True)
        finished = run_crashing(command(run), step, log)
        if recovery_crashes and not finished:
            _crash_recovery(run, tmp_path, log)
        state = check(run)
        assert state in ("old", "new"), f"step {step}: {state}"
        if finished:
            assert state == "new", f"the command finished but the state is {state}"
            result.steps = step - 1  # at most stride - 1 more than it took
            return result
        setattr(result, state, getattr(result, state) + 1)
    raise AssertionError(f"the command did not finish in {MAX_STEPS} write steps")


def _crash_recovery(run: Path, tmp_path: Path, log: Path) -> None:
    """Crash the next start's recovery at every step of it too, on copies of the crash."""
    crashed = tmp_path / "crashed"
    shutil.rmtree(crashed, ignore_errors=True)
    shutil.copytree(run, crashed, symlinks=True)
    for step in range(1, MAX_STEPS):
        shutil.rmtree(run, ignore_errors=True)
        shutil.copytree(crashed, run, symlinks=True)
        if run_crashing(lambda: recover_data_folder(run), step, log):
            return
        # The recovery crashed: the start after it must still end consistent (checked next).
        shutil.rmtree(crashed)
        shutil.copytree(run, crashed, symlinks=True)
    raise AssertionError("the recovery did not finish")


def next_start(data_dir: Path, clock: Callable[[], datetime] | None = None) -> PrivacyService:
    """What the next command sees: start-up work done, then a fresh service."""
    messages = run_startup(data_dir, clock=clock)
    assert not [m for m in messages if "could not" in m], messages
    service = PrivacyService(data_dir, clock=clock)
    report = service.verify_log()
    assert report.ok, report
    return service


# -- consent withdraw ---------------------------------------------------------------------------


def build_withdraw(data_dir: Path) -> None:
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    service.grant(Purpose.DIAGNOSTICS)
    for n in range(3):
        service.record_activity("clean", {"files": n})
    for n in range(2):
        service.record_error("scan", f"Error{n}")


def check_withdraw(data_dir: Path) -> str:
    service = next_start(data_dir)
    records = service.log_records()
    history = [r for r in records if r.purpose == "history"]
    assert len([r for r in records if r.purpose == "diagnostics"]) == 2
    assert service.is_granted(Purpose.DIAGNOSTICS)
    assert leftovers(data_dir) == []
    if service.is_granted(Purpose.HISTORY):
        assert len(history) == 3, "still granted, yet records went"
        return "old"
    assert history == [], "withdrawn, yet its records are readable"
    return "new"


def withdraw_history(data_dir: Path) -> Callable[[], None]:
    return lambda: PrivacyService(data_dir).withdraw(Purpose.HISTORY)


def test_a_crashed_withdrawal_is_completed_at_the_next_start(tmp_path: Path) -> None:
    done = sweep(tmp_path, build_withdraw, withdraw_history, check_withdraw, stride=STRIDE)
    assert done.steps > 10 and done.old and done.new  # the sweep went through the erasure


# -- forget -------------------------------------------------------------------------------------


def build_everything(data_dir: Path) -> None:
    service = PrivacyService(data_dir)
    for purpose in Purpose:
        service.grant(purpose)
    service.set_profile(email=EMAIL, phone="13812345678")
    for n in range(3):
        service.record_activity("scan", {"files": n})
    service.record_usage("scan")
    save_settings(data_dir, Settings(journal_retention_days=60))


def check_forget(data_dir: Path) -> str:
    service = next_start(data_dir)
    assert leftovers(data_dir) == []
    profile = service.profile()
    held = {
        "profile": profile is not None,
        "consent": bool(service.consent_history()),
        "journal": bool(service.log_records()),
        "usage": service.usage_store().load().install_id is not None,
        "settings": (data_dir / "settings.json").exists(),
        "keys": bool(service.keys.names()),
    }
    if all(held.values()):
        assert profile is not None and profile.email == EMAIL
        assert len(service.log_records()) == 3
        return "old"
    assert not any(held.values()), f"a forget half done: {held}"
    return "new"


def forget(data_dir: Path) -> Callable[[], None]:
    return lambda: PrivacyService(data_dir).forget()


def test_a_crashed_forget_is_completed_at_the_next_start(tmp_path: Path) -> None:
    done = sweep(tmp_path, build_everything, forget, check_forget, stride=STRIDE)
    assert done.old and done.new


# -- profile set --------------------------------------------------------------------------------


def build_profile(data_dir: Path) -> None:
    PrivacyService(data_dir).set_profile(email=EMAIL, phone="13812345678")


def check_profile(data_dir: Path) -> str:
    service = next_start(data_dir)
    profile = service.profile()  # ProfileUnreadable fails the test
    assert leftovers(data_dir) == []
    assert profile is not None and profile.phone == "+8613812345678"
    return {EMAIL: "old", NEW_EMAIL: "new"}.get(str(profile.email), f"email {profile.email}")


def test_a_crashed_profile_set_leaves_the_old_or_the_new_profile(tmp_path: Path) -> None:
    def set_email(data_dir: Path) -> Callable[[], None]:
        return lambda: PrivacyService(data_dir).set_profile(email=NEW_EMAIL)

    done = sweep(tmp_path, build_profile, set_email, check_profile)
    assert done.old and done.steps >= 3


# -- journal retention rewrite ------------------------------------------------------------------

OCTOBER = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)
EARLY = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
LATE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PURGE_AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def build_journal(data_dir: Path) -> None:
    """October (expired whole, removed) and November (rewritten without its early records)."""
    save_settings(data_dir, Settings(journal_retention_days=10))
    clock = Clock(OCTOBER)
    journal = Journal(data_dir, KeyStore(data_dir), retention_days=60, clock=clock)
    journal.append("clean", "october", purpose="history")
    clock.now = EARLY
    for n in range(3):
        journal.append("clean", f"early {n}", purpose="history")
    clock.now = LATE
    for n in range(2):
        journal.append("clean", f"late {n}", purpose="history")


def check_journal(data_dir: Path) -> str:
    # The log verifies right after the crash, before the next start repairs anything.
    straight = Journal(data_dir, KeyStore(data_dir), retention_days=10, clock=Clock(PURGE_AT))
    report = straight.verify()
    assert report.ok, f"a crashed rewrite is reported as tampering: {report}"
    service = next_start(data_dir, Clock(PURGE_AT))
    # The next start purges in any case: only the late records are left, under a new key.
    assert [r.text for r in service.log_records()] == ["late 0", "late 1"]
    assert leftovers(data_dir) == []
    assert not (data_dir / "journal" / "2026-10.log").exists()
    month_keys = [n for n in KeyStore(data_dir).names() if n.startswith("journal-2026-1")]
    assert len(month_keys) == 1, f"a month key no file uses is left: {month_keys}"
    assert month_keys != ["journal-2026-11"], "the early records' key was not destroyed"
    return "new"


def purge_at_start(data_dir: Path) -> Callable[[], None]:
    return lambda: run_startup(data_dir, clock=Clock(PURGE_AT))


def test_a_crashed_retention_rewrite_is_never_taken_for_tampering(tmp_path: Path) -> None:
    done = sweep(tmp_path, build_journal, purge_at_start, check_journal, stride=STRIDE)
    assert done.steps >= 4


# -- key rotation -------------------------------------------------------------------------------


def check_rotation(data_dir: Path) -> str:
    """Everything opens, whichever master key wraps it (old and new are told apart below)."""
    service = next_start(data_dir)
    assert leftovers(data_dir) == []
    profile = service.profile()
    assert profile is not None and profile.email == EMAIL
    assert len(service.log_records()) == 3
    assert service.usage_store().load().counters == {"scan": 1}
    assert service.keys.problems == []
    return "new"


def master_id(data_dir: Path) -> str:
    """The id of the master key keys.json names."""
    return str(json.loads((data_dir / "keys.json").read_text(encoding="utf-8"))["master"]["id"])


def rotate(data_dir: Path) -> Callable[[], None]:
    return lambda: KeyStore(data_dir).rotate_master()


def test_a_crashed_key_rotation_keeps_every_key_usable(tmp_path: Path) -> None:
    template = tmp_path / "prepared"
    build_everything(template)
    before = master_id(template)
    masters: set[str] = set()

    def check(data_dir: Path) -> str:
        check_rotation(data_dir)
        masters.add(master_id(data_dir))
        return "old" if masters == {before} else "new"

    sweep(tmp_path, lambda d: shutil.copytree(template, d), rotate, check)
    assert before in masters and len(masters) > 1, "the sweep saw both the old and the new key"


# -- the wider sweep ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("build", "command", "check"),
    [
        (build_withdraw, ("privacy", "consent", "withdraw", "history"), check_withdraw),
        (build_everything, ("privacy", "forget", "--yes"), check_forget),
        (build_profile, ("privacy", "profile", "set", "--email", NEW_EMAIL), check_profile),
        (build_journal, purge_at_start, check_journal),
        (build_everything, rotate, check_rotation),
    ],
    ids=["withdraw", "forget", "profile-set", "retention-rewrite", "key-rotation"],
)
def test_every_step_and_a_crash_during_the_recovery(
    tmp_path: Path,
    build: Callable[[Path], None],
    command: tuple[str, ...] | Callable[[Path], Callable[[], None]],
    check: Callable[[Path], str],
) -> None:
    """Every write step through the CLI, and the next start's recovery crashed at every step."""
    run = (lambda d: cli(d, *command)) if isinstance(command, tuple) else command
    sweep(tmp_path, build, run, check, recovery_crashes=True)
