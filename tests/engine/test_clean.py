"""Clean: what goes, what stays, and the re-checks made just before each removal."""

from __future__ import annotations

import dataclasses
import importlib
import os
import threading
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, later, reasons, rule, target, tree, write

from onecleaner.engine import fsops, recheck
from onecleaner.engine.clean import clean
from onecleaner.engine.model import (
    CleanResult,
    DeleteMode,
    Phase,
    Plan,
    PlanEntry,
    Progress,
    Target,
    TargetPlan,
)
from onecleaner.engine.scan import ScanOptions, scan


def scan_and_clean(  # type: ignore[no-untyped-def]
    *targets: Target, cat=None, probe=None, clean_probe=None, between=None, options=None, **kw
) -> tuple[Plan, CleanResult]:
    cat = cat or catalog(app("t", "Test", list(targets)))
    probe = probe or FakeProbe()
    plan = scan(list(targets), env(), catalog=cat, options=options or ScanOptions(), probe=probe)
    if between is not None:
        between(plan)
    result = clean(plan, env(), catalog=cat, probe=clean_probe or probe, **kw)
    return plan, result


def test_clean_removes_the_plan_prunes_emptied_folders_and_keeps_the_root(
    isolated_home: Path,
) -> None:
    root = isolated_home / ".cache" / "app"
    files = [write(root / "a"), write(root / "x" / "y" / "b"), write(root / "x" / "c")]
    kept = write(root / "keep" / "k")
    expected = sum(os.lstat(f).st_blocks * 512 for f in files)

    plan, result = scan_and_clean(target("t.cache", rule(root, keep=("keep",))))

    assert plan.files == 3
    assert result.files == 3 and result.bytes == expected
    assert not any(f.exists() for f in files)
    assert not (root / "x").exists()  # emptied folders pruned
    assert kept.exists() and root.is_dir()  # the kept file and the root stay
    assert result.skipped == () and not result.cancelled and not result.dry_run
    assert result.mode is DeleteMode.PERMANENT
    assert result.disk_free_before and set(result.disk_free_after) == set(result.disk_free_before)
    assert all(v > 0 for v in result.disk_free_after.values())


def test_folders_stay_when_the_rule_says_prune_false(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "logs"
    write(root / "old" / "a.log")
    _, result = scan_and_clean(target("t.logs", rule(root, prune=False)))
    assert result.files == 1
    assert (root / "old").is_dir() and not (root / "old" / "a.log").exists()


def test_a_dry_run_checks_everything_and_removes_nothing(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "dry"
    write(root / "a")
    write(root / "b" / "c")
    before = tree(root)
    plan, result = scan_and_clean(target("t.cache", root), dry_run=True)
    assert tree(root) == before
    assert result.dry_run and result.files == 2 and result.bytes == plan.bytes


def test_files_changed_replaced_or_gone_since_the_scan_are_skipped(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "busy"
    grown = write(root / "grown", b"1")
    replaced = write(root / "replaced", b"22")
    gone = write(root / "gone")
    same = write(root / "same")

    def meanwhile(plan: Plan) -> None:
        grown.write_bytes(b"11")
        replaced.unlink()
        replaced.write_bytes(b"22")  # same name, same size: another file (inode)
        gone.unlink()

    _, result = scan_and_clean(target("t.cache", root), between=meanwhile)

    assert not same.exists()
    assert grown.read_bytes() == b"11" and replaced.read_bytes() == b"22"
    assert reasons(result.skipped) == {
        str(grown): "changed since the scan",
        str(replaced): "changed since the scan",
        str(gone): "no longer there",
    }
    assert result.files == 1


def test_files_opened_and_applications_started_after_the_scan_are_skipped(
    isolated_home: Path,
) -> None:
    cache = isolated_home / ".cache"
    opened = write(cache / "tool" / "opened")
    write(cache / "tool" / "free")
    browser_file = write(cache / "chromium" / "Default" / "Cache" / "data")
    chromium_cache = target("chromium.cache", cache / "chromium")
    system_cache = target("system.cache", cache)
    cat = catalog(
        app("chromium", "Chromium", [chromium_cache], ["chromium"]),
        app("system", "System", [system_cache]),
    )
    later = FakeProbe(running={"chromium": (77,)}, open_files=[opened])

    _, result = scan_and_clean(system_cache, cat=cat, clean_probe=later)

    assert opened.exists() and browser_file.exists()
    assert not (cache / "tool" / "free").exists()
    assert reasons(result.skipped) == {
        str(opened): "in use by a running program",
        str(cache / "chromium"): "skipped: Chromium is running",
    }


def test_a_file_given_to_another_user_after_the_scan_is_skipped(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "own"
    f = write(root / "f")
    t = target("t.cache", root)
    cat = catalog(app("t", "T", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    result = clean(plan, env(uid=os.getuid() + 1), catalog=cat, probe=FakeProbe())
    assert f.exists()
    assert reasons(result.skipped) == {str(f): "owned by another user"}


def test_a_tampered_plan_never_reaches_outside_its_root(
    isolated_home: Path, tmp_path: Path
) -> None:
    root = isolated_home / ".cache" / "app"
    inside = write(root / "inside")
    victim = write(tmp_path / "victim")
    t = target("t.cache", root)
    cat = catalog(app("t", "T", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    entry = plan.targets[0].entries[0]
    st = os.lstat(victim)
    ident = dataclasses.replace(entry.identity, dev=st.st_dev, ino=st.st_ino, size=st.st_size,
                                mtime_ns=st.st_mtime_ns)  # fmt: skip
    forged = [
        dataclasses.replace(entry, path=str(victim), identity=ident),
        dataclasses.replace(entry, path=f"{root}/../../../victim", identity=ident),
        dataclasses.replace(entry, root=str(tmp_path), path=str(victim), identity=ident),
    ]
    bad = Plan(
        targets=(TargetPlan("t.cache", (str(root),), (*forged, entry)),),
        os=plan.os,
        created_at=plan.created_at,
    )
    result = clean(bad, env(), catalog=cat, probe=FakeProbe())
    assert victim.exists()
    assert not inside.exists()
    assert result.files == 1
    assert len(result.skipped) == 3


def test_a_root_no_longer_among_its_targets_places_is_skipped(isolated_home: Path) -> None:
    old_root = isolated_home / ".cache" / "old"
    f = write(old_root / "f")
    t = target("t.cache", old_root)
    plan = scan([t], env(), catalog=catalog(app("t", "T", [t])), probe=FakeProbe())
    moved = target("t.cache", isolated_home / ".cache" / "new")
    result = clean(plan, env(), catalog=catalog(app("t", "T", [moved])), probe=FakeProbe())
    assert f.exists()
    assert reasons(result.skipped) == {
        str(old_root): "its folder is no longer one of this target's places; scan again"
    }


class _StopAfter(threading.Event):
    """A cancel flag that turns on after `n` looks: cancellation between two files."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n

    def is_set(self) -> bool:
        self.n -= 1
        return self.n < 0


def test_cancel_stops_between_files_and_counts_only_what_went(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "big"
    files = [write(root / f"d{i % 3}" / f"f{i}") for i in range(20)]
    _, result = scan_and_clean(target("t.cache", root), cancel=_StopAfter(7))
    gone = [f for f in files if not f.exists()]
    assert result.cancelled
    assert result.files == len(gone) == 7
    assert root.is_dir()


def test_progress_reports_clean_phase_and_totals(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "prog"
    for i in range(5):
        write(root / f"f{i}")
    seen: list[Progress] = []
    _, result = scan_and_clean(target("t.cache", root), progress=seen.append)
    assert seen[0].phase is Phase.CLEAN and seen[0].total == 5
    assert seen[-1].phase is Phase.DONE and seen[-1].files == 5 and seen[-1].done == 5
    assert seen[-1].bytes == result.bytes


def test_trash_mode_moves_files_to_the_users_trash(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "totrash"
    a = write(root / "a", b"first")
    b = write(root / "sub" / "a", b"second")  # same name: the trash keeps both
    plan, result = scan_and_clean(target("t.cache", root), mode=DeleteMode.TRASH)
    trash = isolated_home / ".local" / "share" / "Trash"
    assert result.files == 2 and result.mode is DeleteMode.TRASH
    # Moved, not freed: the files still take their space, in the trash.
    assert result.bytes == 0 and result.targets[0].freed == 0
    assert result.trashed_files == 2 and result.trashed_bytes == plan.bytes > 0
    assert not a.exists() and not b.exists()
    contents = sorted(p.read_bytes() for p in (trash / "files").iterdir())
    assert contents == [b"first", b"second"]
    infos = sorted(p.read_text() for p in (trash / "info").iterdir())
    assert any(f"Path={a}" in i for i in infos) and any(f"Path={b}" in i for i in infos)
    assert all("DeletionDate=" in i for i in infos)


def test_the_path_based_fallback_applies_the_same_checks(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "winlike"
    good = write(root / "ok" / "f")
    write(root / "swapped" / "g")
    outside = write(tmp_path / "outside" / "g")

    def swap(plan: Plan) -> None:
        (root / "swapped" / "g").unlink()
        (root / "swapped").rmdir()
        (root / "swapped").symlink_to(outside.parent)

    real = fsops.make_cursor
    removal_module = importlib.import_module("onecleaner.engine.removal")
    monkeypatch.setattr(
        removal_module,
        "make_cursor",
        lambda r, prune, **kw: real(r, prune=prune, paths_only=True, **kw),
    )
    _, result = scan_and_clean(target("t.cache", root), between=swap)
    assert not good.exists() and not (root / "ok").exists()
    assert outside.exists()
    assert list(reasons(result.skipped)) == [str(root / "swapped" / "g")]


def test_temporary_files_under_the_system_root_are_cleaned(sysroot: Path) -> None:
    now = later(36)  # a day and a half on: when the files were written is old too
    old = write(sysroot / "var" / "tmp" / "old-download.part", age_hours=48, now=now)
    new = write(sysroot / "var" / "tmp" / "fresh", age_hours=1, now=now)
    _, result = scan_and_clean(target("system.tmp", rule("/var/tmp", owner_only=True),
                                      min_age_hours=24), options=ScanOptions(now=now))  # fmt: skip
    assert result.files == 1 and result.skipped == ()
    assert not old.exists() and new.exists()


def test_a_plan_reaching_into_a_protected_place_is_refused_at_clean(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = isolated_home / ".cache"
    portal = write(cache / "doc" / "by-app" / "file")
    junk = write(cache / "junk")
    t = target("system.cache", cache)
    cat = catalog(app("system", "S", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    st = os.lstat(portal)
    entry = plan.targets[0].entries[0]
    ident = dataclasses.replace(entry.identity, dev=st.st_dev, ino=st.st_ino, size=st.st_size,
                                mtime_ns=st.st_mtime_ns)  # fmt: skip
    forged = dataclasses.replace(entry, path=str(portal), identity=ident)
    entries = (*plan.targets[0].entries, forged)
    edited = Plan(
        targets=(TargetPlan("system.cache", (str(cache),), entries),),
        os=plan.os,
        created_at=plan.created_at,
    )
    result = clean(edited, env(), catalog=cat, probe=FakeProbe(), never_touch=())
    assert portal.exists() and not junk.exists()
    assert reasons(result.skipped) == {
        str(portal): "never cleaned: a fragile cache that must not be emptied"
    }


def _edited(plan: Plan, tid: str, extra: tuple[PlanEntry, ...]) -> Plan:
    """The plan with hand-made entries added to target `tid` (a plan file edited by hand)."""
    targets = tuple(
        dataclasses.replace(t, entries=(*t.entries, *extra)) if t.target_id == tid else t
        for t in plan.targets
    )
    return Plan(targets=targets, os=plan.os, created_at=plan.created_at)


def _entry_for(plan: Plan, path: Path) -> PlanEntry:
    """A plan entry naming `path` with its true identity (what a careful forger would write)."""
    entry = plan.targets[0].entries[0]
    st = os.lstat(path)
    ident = dataclasses.replace(entry.identity, dev=st.st_dev, ino=st.st_ino, size=st.st_size,
                                mtime_ns=st.st_mtime_ns)  # fmt: skip
    return dataclasses.replace(entry, path=str(path), identity=ident)


def test_a_file_put_on_the_never_touch_list_after_the_scan_stays(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "app"
    precious = write(root / "sub" / "precious.bin")
    other = write(root / "sub" / "other.bin")
    t = target("t.cache", root)
    cat = catalog(app("t", "T", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    assert plan.files == 2

    result = clean(plan, env(), catalog=cat, probe=FakeProbe(), never_touch=(str(precious),))

    assert precious.exists() and not other.exists()
    assert reasons(result.skipped) == {str(precious): "never cleaned: your never-touch list"}
    assert (root / "sub").is_dir()  # not emptied: it still holds the protected file


def test_a_fragile_cache_file_named_in_an_edited_plan_stays(isolated_home: Path) -> None:
    cache = isolated_home / ".cache"
    fragile = write(cache / "icon-cache.kcache")  # a KDE cache file, fragile by name
    junk = write(cache / "junk")
    t = target("system.cache", cache)
    cat = catalog(app("system", "S", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    assert plan.files == 1  # the scan passes the fragile file over

    edited = _edited(plan, "system.cache", (_entry_for(plan, fragile),))
    result = clean(edited, env(), catalog=cat, probe=FakeProbe())

    assert fragile.exists() and not junk.exists()
    assert reasons(result.skipped) == {
        str(fragile): "never cleaned: a fragile cache that must not be emptied"
    }


def test_keep_rules_hold_at_clean_for_an_edited_plan(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "app"
    kept = [
        write(root / "x.lock"),  # a name glob, at the root
        write(root / "a" / "b" / "c.lock"),  # ... and deep down
        write(root / "top" / "one" / "x"),  # an anchored glob with a '*' component
        write(root / "keepme" / "deep" / "f"),  # below a kept folder
        write(root / "p" / "q" / "r" / "s"),  # '**' in an anchored glob
    ]
    gone = [
        write(root / "a" / "b" / "c.locked"),
        write(root / "top" / "one" / "y"),
        write(root / "top" / "x"),
        write(root / "sub" / "keepme"),  # a file named like the anchored folder, elsewhere
        write(root / "q" / "s"),
    ]
    plain = target("t.cache", root)
    plan = scan([plain], env(), catalog=catalog(app("t", "T", [plain])), probe=FakeProbe())
    assert plan.files == len(kept) + len(gone)  # made without the keep rules
    strict = target("t.cache", rule(root, keep=("*.lock", "top/*/x", "/keepme", "p/**/s")))

    result = clean(plan, env(), catalog=catalog(app("t", "T", [strict])), probe=FakeProbe())

    assert all(f.exists() for f in kept)
    assert not any(f.exists() for f in gone)
    assert reasons(result.skipped) == {
        str(f): "kept by its target's rules; scan again" for f in kept
    }


class _StartsLater(FakeProbe):
    """A probe that says an application is running from its `after`-th look on."""

    def __init__(self, app_id: str, after: int) -> None:
        super().__init__()
        self.app_id = app_id
        self.after = after

    def running_apps(self, apps, os_):  # type: ignore[no-untyped-def]
        self.after -= 1
        return {self.app_id: (77,)} if self.after < 0 else {}


def test_an_application_started_during_a_long_folder_keeps_the_rest_of_it(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = isolated_home / ".cache"
    files = [write(cache / "chromium" / "Cache" / f"f{i:03}", b"x") for i in range(150)]
    chromium_cache = target("chromium.cache", cache / "chromium")
    system_cache = target("system.cache", cache)
    cat = catalog(
        app("chromium", "Chromium", [chromium_cache], ["chromium"]),
        app("system", "System", [system_cache]),
    )
    plan = scan([system_cache], env(), catalog=cat, probe=FakeProbe())
    monkeypatch.setattr(recheck, "REFRESH_EVERY", 0.0)  # look again at every chance
    monkeypatch.setattr(recheck, "REFRESH_FACTOR", 0.0)

    # Not running when the clean starts nor at its first look between files; running later.
    result = clean(plan, env(), catalog=cat, probe=_StartsLater("chromium", after=2))

    left = [f for f in files if f.exists()]
    assert 0 < len(left) < len(files)  # some went before it started, the rest stayed
    assert result.files == len(files) - len(left)
    assert reasons(result.skipped) == {str(cache / "chromium"): "skipped: Chromium is running"}


def test_a_running_applications_file_place_stays_and_its_neighbours_go(
    isolated_home: Path,
) -> None:
    cache = isolated_home / ".cache"
    db = write(cache / "tool" / "state.db")
    neighbour = write(cache / "tool" / "junk")
    tool_state = target("tool.state", cache / "tool" / "state.db")
    system_cache = target("system.cache", cache)
    cat = catalog(
        app("tool", "Tool", [tool_state], ["tool"]), app("system", "System", [system_cache])
    )
    plan = scan([system_cache], env(), catalog=cat, probe=FakeProbe())

    result = clean(plan, env(), catalog=cat, probe=FakeProbe(running={"tool": (5,)}))

    assert db.exists() and not neighbour.exists()
    assert reasons(result.skipped) == {str(db): "skipped: Tool is running"}


def test_a_protected_folder_met_after_its_cleaned_parent_is_still_refused(
    isolated_home: Path,
) -> None:
    cache = isolated_home / ".cache"
    junk = [write(cache / "junk"), write(cache / "app" / "junk")]
    portal = [write(cache / "doc" / "top"), write(cache / "doc" / "by-app" / "file")]
    t = target("system.cache", cache)
    cat = catalog(app("system", "S", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    # The scan's entries (the cache folder and cache/app) first, then the protected ones.
    edited = _edited(plan, "system.cache", tuple(_entry_for(plan, p) for p in portal))

    result = clean(edited, env(), catalog=cat, probe=FakeProbe())

    assert all(p.exists() for p in portal) and not any(j.exists() for j in junk)
    assert reasons(result.skipped) == {
        str(p): "never cleaned: a fragile cache that must not be emptied" for p in portal
    }


@pytest.mark.parametrize("winerror", [32, 33])
def test_a_windows_sharing_violation_is_reported_as_in_use_not_permission_denied(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    # Windows refuses to remove a file another program holds open: ERROR_SHARING_VIOLATION
    # (32) or ERROR_LOCK_VIOLATION (33), which Python raises as PermissionError (simulated).
    root = isolated_home / ".cache" / "locked"
    held = write(root / "held.db")
    free = write(root / "free.bin")
    real_unlink = os.unlink

    def unlink(path: str, *, dir_fd: int | None = None) -> None:
        if os.fspath(path).endswith("held.db"):
            exc = PermissionError(13, "The process cannot access the file", os.fspath(path))
            exc.winerror = winerror  # type: ignore[attr-defined]
            raise exc
        real_unlink(path, dir_fd=dir_fd)

    def clean_with_windows_errors(plan: Plan) -> None:
        monkeypatch.setattr(os, "unlink", unlink)

    _, result = scan_and_clean(target("t.cache", root), between=clean_with_windows_errors)
    assert held.exists() and not free.exists()
    [skip] = result.skipped
    assert skip.path == str(held) and skip.reason.code.value == "in_use"
    assert str(skip.reason) == "in use by a running program"
