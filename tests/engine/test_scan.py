"""Scan: roots, rules, filters and the plan it builds, on real temporary trees."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from engine_kit import (
    FakeProbe,
    app,
    catalog,
    env,
    later,
    paths_of,
    reasons,
    rule,
    target,
    write,
)

from onecleaner.engine.model import EntryKind, Identity, Phase, Plan, PlanEntry, Progress
from onecleaner.engine.rules import compile_globs
from onecleaner.engine.scan import ScanOptions, scan
from onecleaner.engine.walk import name_test


def vars_of(ident: Identity) -> tuple[int, int, int, int]:
    return (ident.dev, ident.ino, ident.size, ident.mtime_ns)


def run(*targets, probe=None, options=None, cat=None, environment=None, **kw) -> Plan:  # type: ignore[no-untyped-def]
    return scan(
        list(targets),
        environment or env(),
        catalog=cat or catalog(),
        options=options or ScanOptions(),
        probe=probe or FakeProbe(),
        **kw,
    )


def test_scan_lists_files_below_a_root_with_identity_and_allocated_size(
    isolated_home: Path,
) -> None:
    cache = isolated_home / ".cache" / "thing"
    a = write(cache / "a.bin", b"x" * 10_000)
    b = write(cache / "sub" / "deeper" / "b.bin", b"y" * 3)
    plan = run(target("thing.cache", cache))

    tp = plan.targets[0]
    assert tp.target_id == "thing.cache"
    assert tp.roots == (str(cache),)
    assert {e.path for e in tp.entries} == {str(a), str(b)}  # folders are never entries
    for e in tp.entries:
        st = os.lstat(e.path)
        assert e.kind is EntryKind.FILE
        assert e.root == str(cache)
        assert (e.identity.dev, e.identity.ino) == (st.st_dev, st.st_ino)
        assert (e.identity.size, e.identity.mtime_ns) == (st.st_size, st.st_mtime_ns)
        assert e.frees == st.st_blocks * 512
        # records built in place equal (and hash like) the ones the constructor makes
        ident = Identity(*vars_of(e.identity))
        same = PlanEntry(e.path, e.root, e.target_id, e.kind, ident, e.frees)
        assert e == same and hash(e) == hash(same)
    assert plan.files == 2
    assert plan.bytes == sum(os.lstat(p).st_blocks * 512 for p in (a, b))
    assert not plan.skipped and not plan.cancelled


def test_a_missing_root_is_simply_absent(isolated_home: Path) -> None:
    plan = run(target("gone.cache", isolated_home / ".cache" / "nothing-here"))
    assert plan.targets[0].roots == ()
    assert plan.files == 0 and plan.skipped == ()


def test_glob_components_match_on_disk_but_never_through_a_symlink(
    isolated_home: Path, tmp_path: Path
) -> None:
    base = isolated_home / ".config" / "browser"
    one = write(base / "Default" / "Cache" / "f1")
    two = write(base / "Profile 2" / "Cache" / "f2")
    history = write(base / "Default" / "History")
    elsewhere = tmp_path / "elsewhere"
    outside = write(elsewhere / "Cache" / "precious")
    (base / "Profile 3").symlink_to(elsewhere)
    write(base / ".hidden" / "Cache" / "f3")

    plan = run(target("browser.cache", f"{base}/*/Cache"))

    assert paths_of(plan) == {str(one), str(two)}
    assert str(outside) not in paths_of(plan) and str(history) not in paths_of(plan)
    assert set(plan.targets[0].roots) == {
        str(base / "Default" / "Cache"),
        str(base / "Profile 2" / "Cache"),
    }


def test_a_root_that_is_a_regular_file_is_allowed(isolated_home: Path) -> None:
    recent = write(isolated_home / ".local" / "share" / "recently-used.xbel", "<xbel/>")
    plan = run(target("system.recent_documents", recent))
    assert paths_of(plan) == {str(recent)}
    assert plan.targets[0].entries[0].root == str(recent)


def test_keep_globs_exclude_subtrees_and_include_globs_select(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "mixed"
    cache = write(root / "Default" / "Cache" / "data_1")
    write(root / "Default" / "History")
    write(root / "Default" / "Cache" / "index.lock")
    keep_me = write(root / "keep" / "deep" / "x")
    other = write(root / "other.tmp")

    included = run(target("mixed.cache", rule(root, include=("*/Cache",), keep=("*.lock",))))
    assert paths_of(included) == {str(cache)}

    kept = run(target("mixed.cache", rule(root, keep=("keep", "Default/History"))))
    assert str(keep_me) not in paths_of(kept)
    assert str(other) in paths_of(kept) and str(cache) in paths_of(kept)
    assert not any(p.startswith(str(root / "keep")) for p in paths_of(kept))


def test_non_recursive_rules_only_take_direct_children(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "flat"
    top = write(root / "top.log")
    write(root / "sub" / "nested.log")
    plan = run(target("flat.logs", rule(root, recursive=False)))
    assert paths_of(plan) == {str(top)}


def test_other_users_files_are_skipped_or_silently_ignored(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "shared"
    f = write(root / "theirs")
    someone_else = env(uid=(os.getuid() + 4242))

    plan = run(target("shared.cache", root), environment=someone_else)
    assert plan.files == 0
    assert reasons(plan.skipped) == {str(f): "owned by another user"}

    quiet = run(target("shared.cache", rule(root, owner_only=True)), environment=someone_else)
    assert quiet.files == 0 and quiet.skipped == ()


def test_age_filters_use_the_newest_of_modification_access_and_change_time(
    isolated_home: Path,
) -> None:
    now = later(72)  # three days on: the files' change times (when they were written) are old
    root = isolated_home / ".cache" / "aging"
    old = write(root / "old", age_hours=48, now=now)
    young = write(root / "young", age_hours=2, now=now)
    read_lately = write(root / "read_lately", age_hours=48, now=now)
    os.utime(read_lately, (now - 3600, now - 48 * 3600))

    by_target = run(target("aging.tmp", root, min_age_hours=24), options=ScanOptions(now=now))
    assert paths_of(by_target) == {str(old)}

    by_user = run(target("aging.tmp", root), options=ScanOptions(min_age_hours=24, now=now))
    assert paths_of(by_user) == {str(old)}

    stricter_user = run(
        target("aging.tmp", root, min_age_hours=1), options=ScanOptions(min_age_hours=90, now=now)
    )
    assert paths_of(stricter_user) == set()
    assert str(young) not in paths_of(by_target)


def test_a_file_unpacked_with_an_old_modification_time_is_young_by_its_change_time(
    isolated_home: Path, sysroot: Path
) -> None:
    # `tar x`, `cp -a` and `unzip` keep a file's old mtime; its ctime says when it arrived.
    unpacked = write(sysroot / "tmp" / "unpacked.txt", age_hours=24 * 30)
    single = write(isolated_home / ".cache" / "single.log", age_hours=24 * 30)
    st = os.stat(unpacked)
    assert st.st_mtime < time.time() - 24 * 3600 and st.st_atime < time.time() - 24 * 3600
    tmp = target("system.tmp", rule("/tmp", owner_only=True), min_age_hours=24)
    one_file = target("t.log", single, min_age_hours=24)

    assert paths_of(run(tmp, one_file)) == set()
    # The same files a day and a half on: now old by all three times.
    assert paths_of(run(tmp, one_file, options=ScanOptions(now=later(36)))) == {
        str(unpacked),
        str(single),
    }


def test_sockets_and_fifos_are_ignored_and_links_are_entries_not_followed(
    isolated_home: Path, tmp_path: Path
) -> None:
    root = isolated_home / ".cache" / "specials"
    root.mkdir(parents=True)
    os.mkfifo(root / "pipe")
    sock_path = root / "s"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(sock_path))
        outside = write(tmp_path / "outside" / "target.txt")
        (root / "link").symlink_to(outside)
        (root / "dirlink").symlink_to(outside.parent)
        plan = run(target("specials.cache", root))
    finally:
        s.close()
    kinds = {e.path: e.kind for e in plan.targets[0].entries}
    assert kinds == {str(root / "link"): EntryKind.LINK, str(root / "dirlink"): EntryKind.LINK}
    assert str(outside) not in kinds


def test_another_filesystem_below_a_root_is_not_crossed(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "mounts"
    mine = write(root / "mine")
    write(root / "mnt" / "on-the-other-disk")
    real_fstat = os.fstat

    def fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        if os.path.realpath(f"/proc/self/fd/{fd}") == str(root / "mnt"):
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev + 1, *tuple(st)[3:10]))
        return st

    monkeypatch.setattr(os, "fstat", fstat)
    plan = run(target("mounts.cache", root))
    assert paths_of(plan) == {str(mine)}
    assert reasons(plan.skipped) == {str(root / "mnt"): "on another filesystem (not crossed)"}


def test_an_unreadable_folder_becomes_a_skip(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "locked"
    fine = write(root / "fine")
    write(root / "secret" / "x")
    real_scandir = os.scandir

    def scandir(handle):  # type: ignore[no-untyped-def]
        where = os.path.realpath(f"/proc/self/fd/{handle}") if isinstance(handle, int) else handle
        if where == str(root / "secret"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(handle)

    monkeypatch.setattr(os, "scandir", scandir)
    plan = run(target("locked.cache", root))
    assert paths_of(plan) == {str(fine)}
    assert reasons(plan.skipped) == {
        str(root / "secret"): "cannot read this folder: permission denied"
    }


def test_a_file_selected_through_two_targets_is_counted_once(isolated_home: Path) -> None:
    cache = isolated_home / ".cache"
    shared = write(cache / "chromium" / "Default" / "Cache" / "data")
    own = write(cache / "fontconfig" / "x")
    everything = target("system.cache", cache)
    chromium = target("chromium.cache", cache / "chromium")

    # Whatever the selection order, the file counts once, under the narrower target.
    plan = run(everything, chromium)
    assert paths_of(plan, "chromium.cache") == {str(shared)}
    assert paths_of(plan, "system.cache") == {str(own)}
    assert plan.files == 2

    other_order = run(chromium, everything)
    assert paths_of(other_order, "chromium.cache") == {str(shared)}
    assert paths_of(other_order, "system.cache") == {str(own)}


def test_hard_links_free_space_only_when_every_link_is_in_the_plan(
    isolated_home: Path, tmp_path: Path
) -> None:
    root = isolated_home / ".cache" / "links"
    both = write(root / "a", b"z" * 20_000)
    os.link(both, root / "b")
    lone = write(root / "c", b"q" * 20_000)
    os.link(lone, tmp_path / "kept-elsewhere")

    plan = run(target("links.cache", root))
    frees = {Path(e.path).name: e.frees for e in plan.targets[0].entries}
    blocks = os.lstat(both).st_blocks * 512
    assert blocks > 0
    assert sorted(frees.values()) == [0, 0, blocks]  # a+b free their blocks once, c frees 0
    assert frees["c"] == 0
    assert plan.bytes == blocks


def test_open_files_and_running_applications_are_skipped_with_reasons(
    isolated_home: Path,
) -> None:
    cache = isolated_home / ".cache"
    busy = write(cache / "tool" / "busy.db")
    free = write(cache / "tool" / "free.db")
    chrome_file = write(cache / "google-chrome" / "Default" / "Cache" / "data")
    chrome_cache = target("google_chrome.cache", cache / "google-chrome")
    chrome = app("google_chrome", "Google Chrome", [chrome_cache], ["chrome"])
    probe = FakeProbe(running={"google_chrome": (4242,)}, open_files=[busy])

    plan = run(target("system.cache", cache), chrome_cache, probe=probe, cat=catalog(chrome))

    assert paths_of(plan) == {str(free)}
    assert str(chrome_file) not in paths_of(plan)
    assert reasons(plan.skipped) == {
        str(busy): "in use by a running program",
        str(cache / "google-chrome"): "skipped: Google Chrome is running",
    }
    assert len(plan.skipped) == 2  # the chrome folder is reported once, not per target


def test_progress_is_reported_and_cancel_stops_the_scan(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "many"
    for i in range(30):
        write(root / f"d{i}" / "f", b"1")
    seen: list[Progress] = []
    plan = run(target("many.cache", root), progress=seen.append)
    assert plan.files == 30
    assert seen[0].phase is Phase.SCAN and seen[-1].phase is Phase.DONE
    assert seen[-1].files == 30

    stop = threading.Event()
    stop.set()
    cancelled = run(target("many.cache", root), cancel=stop)
    assert cancelled.cancelled and cancelled.files == 0


def test_user_never_touch_paths_are_left_out(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "mine"
    kept = write(root / "precious" / "file")
    other = write(root / "junk")
    options = ScanOptions(never_touch=("~/.cache/mine/precious",))
    plan = run(target("mine.cache", root), options=options)
    assert paths_of(plan) == {str(other)}
    assert str(kept) not in paths_of(plan)


@pytest.mark.parametrize(
    "globs", [("*.kcache",), ("*.lock", "*.sock"), ("ksocket-*", "*.lock"), ("[ab]*",), ("**",)]
)
@pytest.mark.parametrize("fold", [False, True])
def test_the_fast_name_test_agrees_with_the_glob_matcher(
    globs: tuple[str, ...], fold: bool
) -> None:
    matcher = compile_globs(globs, case_insensitive=fold)
    fast = name_test(matcher)
    names = ["x.kcache", "X.KCACHE", "a.lock", "b.sock", "ksocket-1", "plain", "kcache", ".lock"]
    for name in names:
        assert bool(fast(name)) == matcher(name), name


def test_a_file_reached_by_two_targets_counts_under_the_narrower_one(
    isolated_home: Path,
) -> None:
    """Thumbnails lie inside the user cache folder: selected after it, they still count under
    `thumbnails.cache`, once, and the plan keeps the order the targets were selected in."""
    from onecleaner.engine.catalog import load_catalog
    from onecleaner.engine.env import Environment

    cache = isolated_home / ".cache"
    thumbs = cache / "thumbnails" / "normal"
    thumbs.mkdir(parents=True)
    (thumbs / "a.png").write_bytes(b"x" * 10)
    (cache / "someapp").mkdir()
    (cache / "someapp" / "blob").write_bytes(b"y" * 10)
    catalog = load_catalog()
    targets = [catalog.target("system.cache"), catalog.target("thumbnails.cache")]
    plan = scan(targets, Environment.current(), catalog=catalog)
    assert [t.target_id for t in plan.targets] == ["system.cache", "thumbnails.cache"]
    by_target = {t.target_id: {e.path for e in t.entries} for t in plan.targets}
    assert by_target["thumbnails.cache"] == {str(thumbs / "a.png")}
    assert by_target["system.cache"] == {str(cache / "someapp" / "blob")}
