"""Hostile homes: links out of roots, swaps between scan and clean, odd names, busy files."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, paths_of, reasons, target, tree, write

from onecleaner.engine.clean import SWAPPED, clean
from onecleaner.engine.model import DeleteMode, EntryKind, Plan
from onecleaner.engine.processes import ProcessProbe
from onecleaner.engine.scan import ScanOptions, scan


def scan_clean(targets, cat=None, probe=None, between=None, **kw):  # type: ignore[no-untyped-def]
    cat = cat or catalog(app("t", "T", list(targets)))
    probe = probe or FakeProbe()
    plan = scan(list(targets), env(), catalog=cat, options=ScanOptions(), probe=probe)
    if between is not None:
        between(plan)
    return plan, clean(plan, env(), catalog=cat, probe=probe, **kw)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A tree outside the home that nothing may touch."""
    base = tmp_path / "outside"
    write(base / "precious.txt", b"keep me")
    write(base / "folder" / "inner.txt", b"me too")
    return base


def test_symlinks_out_of_a_root_are_removed_as_links_and_their_targets_survive(
    isolated_home: Path, outside: Path
) -> None:
    root = isolated_home / ".cache" / "links"
    write(root / "plain")
    (root / "to-file").symlink_to(outside / "precious.txt")
    (root / "to-folder").symlink_to(outside / "folder")
    (root / "sub").mkdir()
    (root / "sub" / "up-and-out").symlink_to("../../../../outside")
    (root / "dangling").symlink_to(outside / "missing")
    before = tree(outside)

    plan, result = scan_clean([target("t.cache", root)])

    kinds = {Path(e.path).name: e.kind for e in plan.targets[0].entries}
    assert kinds["to-folder"] is EntryKind.LINK and kinds["dangling"] is EntryKind.LINK
    assert "inner.txt" not in kinds and "precious.txt" not in kinds
    assert result.files == 5 and result.skipped == ()
    assert tree(outside) == before
    assert list(root.iterdir()) == []


def test_a_root_that_is_a_symlink_into_documents_is_refused(isolated_home: Path) -> None:
    docs = isolated_home / "Documents"
    thesis = write(docs / "thesis.odt", b"years of work")
    (isolated_home / ".cache" / "evil").symlink_to(docs)

    plan, result = scan_clean([target("evil.cache", isolated_home / ".cache" / "evil")])

    assert plan.files == 0
    assert reasons(plan.skipped) == {
        str(isolated_home / ".cache" / "evil"): "refused: resolves into your Documents folder"
    }
    assert thesis.read_bytes() == b"years of work"
    assert result.files == 0


def test_a_folder_swapped_for_a_symlink_after_the_scan_cannot_redirect_a_delete(
    isolated_home: Path, tmp_path: Path
) -> None:
    root = isolated_home / ".cache" / "swap"
    victim_dir = root / "sub"
    write(victim_dir / "f", b"data")
    write(root / "other")
    away = tmp_path / "away"
    away.mkdir()

    def swap(plan: Plan) -> None:
        # The very same file (same inode, size and time) now lives outside, behind a link:
        # only refusing to follow the link keeps it alive.
        os.rename(victim_dir, away / "sub")
        victim_dir.symlink_to(away / "sub")

    _, result = scan_clean([target("t.cache", root)], between=swap)

    assert (away / "sub" / "f").read_bytes() == b"data"
    assert victim_dir.is_symlink()
    assert not (root / "other").exists()
    assert reasons(result.skipped) == {str(victim_dir / "f"): str(SWAPPED)}


def test_a_hard_link_frees_nothing_until_its_last_link_and_the_other_link_survives(
    isolated_home: Path, tmp_path: Path
) -> None:
    root = isolated_home / ".cache" / "hard"
    f = write(root / "f", b"h" * 50_000)
    elsewhere = tmp_path / "elsewhere-link"
    os.link(f, elsewhere)

    plan, result = scan_clean([target("t.cache", root)])

    assert plan.bytes == 0 and plan.targets[0].entries[0].frees == 0
    assert result.files == 1 and result.bytes == 0
    assert elsewhere.read_bytes() == b"h" * 50_000


def test_names_with_newlines_and_undecodable_bytes_are_scanned_and_removed(
    isolated_home: Path,
) -> None:
    root = isolated_home / ".cache" / "names"
    root.mkdir(parents=True)
    broot = os.fsencode(root)
    odd_names = [b"new\nline", b"bad\xff\xfebytes", b"tab\tand space ", b"-rf", b"*"]
    for name in odd_names:
        with open(broot + b"/" + name, "wb") as fh:
            fh.write(b"x")
    os.mkdir(broot + b"/dir\xff\n")
    with open(broot + b"/dir\xff\n/inner", "wb") as fh:
        fh.write(b"y")
    keep = write(isolated_home / ".cache" / "names-sibling")

    plan, result = scan_clean([target("t.cache", root)], mode=DeleteMode.PERMANENT)

    assert plan.files == len(odd_names) + 1
    assert str(root / os.fsdecode(b"bad\xff\xfebytes")) in paths_of(plan)
    assert result.files == plan.files and result.skipped == ()
    assert os.listdir(broot) == []
    assert keep.exists()


def test_odd_names_go_to_the_trash_with_their_path_recorded(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "trashnames"
    root.mkdir(parents=True)
    with open(os.fsencode(root) + b"/a\nb\xff", "wb") as fh:
        fh.write(b"z")
    _, result = scan_clean([target("t.cache", root)], mode=DeleteMode.TRASH)
    trash = isolated_home / ".local" / "share" / "Trash"
    assert result.files == 1 and os.listdir(root) == []
    (info,) = (trash / "info").iterdir()
    assert "Path=" in info.read_text() and "%0Ab%FF" in info.read_text()
    assert [p.read_bytes() for p in (trash / "files").iterdir()] == [b"z"]


def test_very_deep_trees_are_scanned_and_removed_without_recursion(
    isolated_home: Path,
) -> None:
    root = isolated_home / ".cache" / "deep"
    root.mkdir(parents=True)
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(500):  # built through descriptors: the full path would be long
            os.mkdir("d", dir_fd=fd)
            nfd = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
        leaf = os.open("leaf", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd)
        os.close(leaf)
    finally:
        os.close(fd)

    plan, result = scan_clean([target("t.cache", root)])

    assert plan.files == 1
    assert plan.targets[0].entries[0].path.count("/d") >= 500
    assert result.files == 1
    assert root.is_dir() and os.listdir(root) == []  # all 500 emptied folders pruned


def test_files_and_folders_vanishing_mid_scan_become_skips(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "vanish"
    stays = write(root / "stays")
    write(root / "goes")
    write(root / "dir-goes" / "x")
    real_scandir = os.scandir

    class Vanishing:
        def __init__(self, handle: object) -> None:
            self.it = real_scandir(handle)  # type: ignore[call-overload]

        def __enter__(self) -> Vanishing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.it.close()

        def __iter__(self) -> Iterator[os.DirEntry[str]]:
            return self

        def __next__(self) -> os.DirEntry[str]:
            entry = next(self.it)
            if entry.name == "goes":
                os.unlink(root / "goes")  # gone between listing and stat
            if entry.name == "dir-goes":
                shutil.rmtree(root / "dir-goes")
            return entry

    monkeypatch.setattr(os, "scandir", Vanishing)
    plan = scan([target("t.cache", root)], env(), catalog=catalog(), probe=FakeProbe())
    assert paths_of(plan) == {str(stays)}
    assert reasons(plan.skipped) == {
        str(root / "goes"): "vanished during the scan",
        str(root / "dir-goes"): "vanished during the scan",
    }


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[bytes]]]:
    """Another process holding a file of the cache open."""
    busy = write(Path(os.environ["HOME"]) / ".cache" / "held" / "busy.db")
    code = "import sys,time; f=open(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(busy)], stdout=subprocess.PIPE
    )
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline() == b"ready\n"
        yield busy, proc
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def test_a_file_held_open_by_another_process_is_skipped(
    isolated_home: Path, holder: tuple[Path, subprocess.Popen[bytes]]
) -> None:
    busy, _ = holder
    free = write(busy.parent / "free.db")
    plan, result = scan_clean([target("t.cache", busy.parent)], probe=ProcessProbe())
    assert paths_of(plan) == {str(free)}
    assert reasons(plan.skipped) == {str(busy): "in use by a running program"}
    assert busy.exists() and not free.exists()
    assert result.files == 1


@pytest.fixture
def fake_chromium(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A process whose name is Chromium's (a copy of sleep called `chromium`)."""
    sleeper = shutil.which("sleep")
    assert sleeper is not None
    exe = tmp_path / "bin" / "chromium"
    exe.parent.mkdir()
    shutil.copy2(sleeper, exe)
    proc = subprocess.Popen([str(exe), "60"])
    deadline = time.monotonic() + 10
    import psutil

    while psutil.Process(proc.pid).name() != "chromium" and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def test_a_running_application_keeps_its_files_also_through_system_cache(
    isolated_home: Path, fake_chromium: subprocess.Popen[bytes]
) -> None:
    cache = isolated_home / ".cache"
    browser = write(cache / "chromium" / "Default" / "Cache" / "Cache_Data" / "data_0")
    other = write(cache / "other-app" / "x")
    chromium_cache = target("chromium.cache", cache / "chromium")
    system_cache = target("system.cache", cache)
    cat = catalog(
        app("chromium", "Chromium", [chromium_cache], ["chromium", "chromium-browser"]),
        app("system", "System", [system_cache]),
    )

    plan, result = scan_clean([system_cache, chromium_cache], cat=cat, probe=ProcessProbe())

    assert paths_of(plan) == {str(other)}
    assert reasons(plan.skipped) == {str(cache / "chromium"): "skipped: Chromium is running"}
    assert browser.exists() and not other.exists()
    assert result.files == 1


def test_overlapping_targets_are_counted_and_removed_once(isolated_home: Path) -> None:
    cache = isolated_home / ".cache"
    files = [write(cache / "chromium" / "Default" / "Cache" / f"d{i}") for i in range(4)]
    files.append(write(cache / "misc"))
    chromium_cache = target("chromium.cache", cache / "chromium")
    system_cache = target("system.cache", cache)
    cat = catalog(app("chromium", "Chromium", [chromium_cache]), app("system", "S", [system_cache]))

    plan, result = scan_clean([system_cache, chromium_cache], cat=cat)

    assert plan.files == 5 and len(paths_of(plan)) == 5
    assert result.files == 5 and result.skipped == ()
    assert result.bytes == plan.bytes
    assert not any(f.exists() for f in files)


def test_a_hand_made_plan_with_a_nul_in_a_path_is_refused_without_a_crash(
    isolated_home: Path,
) -> None:
    root = isolated_home / ".cache" / "nul"
    good = write(root / "d" / "good")
    plan, _ = scan_clean([target("t.cache", root)], dry_run=True)
    entry = plan.targets[0].entries[0]
    forged = tuple(
        dataclasses.replace(entry, path=p) for p in (f"{root}/d/ba\0d", f"{root}/d\0x/file")
    )
    edited = Plan(
        targets=(dataclasses.replace(plan.targets[0], entries=(*forged, entry)),),
        os=plan.os,
        created_at=plan.created_at,
    )
    cat = catalog(app("t", "T", [target("t.cache", root)]))

    result = clean(edited, env(), catalog=cat, probe=FakeProbe())

    assert not good.exists() and result.files == 1
    assert reasons(result.skipped) == {p.path: "not a plain file path; scan again" for p in forged}
