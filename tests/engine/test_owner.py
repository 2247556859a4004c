"""owner_only targets take only the user's own files, also where no uid tells (Windows)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, paths_of, reasons, rule, target, write

from onecleaner.engine import owner
from onecleaner.engine.clean import clean
from onecleaner.engine.model import Plan
from onecleaner.engine.scan import scan

ME = b"S-1-5-21-1004-me"
SYSTEM = b"S-1-5-18"
ADMINS = b"S-1-5-32-544"
OTHER = b"S-1-5-21-1004-someone-else"


@pytest.fixture
def windows_owners(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes | None]:
    """Owner SIDs by file name, read where Windows' security descriptor would be (simulated)."""
    owners: dict[str, bytes | None] = {}
    monkeypatch.setattr(owner, "owner_sid", lambda path: owners.get(os.path.basename(path)))
    monkeypatch.setattr(owner, "user_sid", lambda: ME)
    return owners


def shared_temp(sysroot: Path, owners: dict[str, bytes | None]) -> dict[str, Path]:
    """A shared temporary folder with files of the user, SYSTEM, the administrators, another
    account, and one whose owner cannot be read."""
    made = {}
    for name, sid in [
        ("mine.tmp", ME),
        ("system.log", SYSTEM),
        ("admin.dat", ADMINS),
        ("theirs.tmp", OTHER),
        ("unreadable.tmp", None),
    ]:
        made[name] = write(sysroot / "tmp" / "shared" / name)
        owners[name] = sid
    return made


def test_only_the_users_own_files_are_selected_where_no_uid_tells(
    sysroot: Path, windows_owners: dict[str, bytes | None]
) -> None:
    files = shared_temp(sysroot, windows_owners)
    temp = target("system.tmp", rule("/tmp", owner_only=True))
    plan = scan([temp], env(uid=None), catalog=catalog(), probe=FakeProbe())
    assert paths_of(plan) == {str(files["mine.tmp"])}
    assert plan.skipped == ()  # owner_only: the others' files are silently not considered


def test_a_file_given_to_another_account_after_the_scan_stays(
    sysroot: Path, windows_owners: dict[str, bytes | None]
) -> None:
    files = shared_temp(sysroot, windows_owners)
    mine2 = write(sysroot / "tmp" / "shared" / "mine2.tmp")
    windows_owners["mine2.tmp"] = ME
    temp = target("system.tmp", rule("/tmp", owner_only=True))
    cat = catalog(app("system", "System", [temp]))
    plan: Plan = scan([temp], env(uid=None), catalog=cat, probe=FakeProbe())
    assert paths_of(plan) == {str(files["mine.tmp"]), str(mine2)}
    windows_owners["mine2.tmp"] = SYSTEM
    result = clean(plan, env(uid=None), catalog=cat, probe=FakeProbe())
    assert not files["mine.tmp"].exists() and mine2.exists()
    assert reasons(result.skipped) == {str(mine2): "owned by another user"}
    assert all(f.exists() for n, f in files.items() if n != "mine.tmp")


def test_without_owner_only_the_owner_is_not_asked(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(path: str) -> bytes:
        raise AssertionError("asked the owner of a file of a target that is not owner_only")

    monkeypatch.setattr(owner, "owner_sid", never)
    cached = write(isolated_home / ".cache" / "app" / "a.bin")
    plan = scan([target("app.cache", cached.parent)], env(uid=None), catalog=catalog(),
                probe=FakeProbe())  # fmt: skip
    assert paths_of(plan) == {str(cached)}


def test_the_owner_test_compares_the_file_owner_with_the_user(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine")
    assert owner.is_users(str(mine))
    assert not owner.is_users(str(tmp_path / "missing"))
    if os.geteuid() == 0:
        os.chown(mine, 4242, 4242)
        assert not owner.is_users(str(mine))
