"""The parallel walk and clean: the same plan at every thread count, and a cancel that stops
every thread.

The safety tests themselves (links, mounts, owners, swaps, keep rules...) run at one thread and
at eight: see THREADED_MODULES in this folder's conftest.py.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, rule, target, write

from onecleaner.engine import treewalk
from onecleaner.engine.clean import clean
from onecleaner.engine.model import Plan, Target
from onecleaner.engine.scan import ScanOptions, scan

THREADS_CHOSEN_HERE = True  # each test picks its thread counts (see conftest.py)


def messy_tree(root: Path) -> int:
    """A cache with uneven folders (deep, wide, empty, names that sort oddly), links and a
    FIFO; returns how many regular files and links it holds."""
    for app_n in range(6):
        for i in range(12):
            depth = 1 + (i * 7 + app_n) % 4
            folder = root / f"app{app_n}" / "/".join(f"L{d}-{(i + d) % 5}" for d in range(depth))
            for j in range((i * 3 + app_n) % 9):
                write(folder / f"f{j}-{'é' if j % 2 else 'Z'}.bin", b"x" * (j * 700))
        (root / f"app{app_n}" / "empty" / "deeper").mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(("B", "a", "_", "Ä", "10", "9")):
        write(root / "names" / name / "f", b"y" * n)
    os.symlink(root / "app0", root / "names" / "link-to-folder")
    os.symlink("/etc/passwd", root / "names" / "link-to-file")
    os.mkfifo(root / "names" / "fifo")
    # os.walk counts the FIFO (not an entry) among the files, the folder link (an entry, never
    # followed) among the folders: the two cancel out.
    return sum(len(files) for _, _, files in os.walk(root))


def shape(plan: Plan) -> list[object]:
    """Everything a plan says, in its order: entries with their identities, and the skips."""
    out: list[object] = []
    for tp in plan.targets:
        out.append((tp.target_id, tp.roots))
        out.extend((e.path, e.kind, e.identity, e.frees) for e in tp.entries)
        out.extend((s.path, str(s.reason)) for s in tp.skipped)
    return out


def scan_with(t: Target, threads: int, **kw: object) -> Plan:
    return scan(
        [t],
        env(),
        catalog=catalog(app("t", "Test", [t])),
        options=ScanOptions(threads=threads),
        probe=FakeProbe(),
        **kw,  # type: ignore[arg-type]
    )


def test_plans_are_identical_at_every_thread_count_in_50_runs(isolated_home: Path) -> None:
    root = isolated_home / ".cache" / "messy"
    files = messy_tree(root)
    t = target("t.cache", root)
    reference = shape(scan_with(t, 1))
    assert len([row for row in reference if len(row) == 4]) == files  # links are entries
    for threads in (2, 8, 16):
        for _ in range(50 if threads == 8 else 5):
            assert shape(scan_with(t, threads)) == reference


def listed_by(
    monkeypatch: pytest.MonkeyPatch, root: Path, each_folder: Callable[[], None]
) -> tuple[Target, list[object], set[str]]:
    """A tree of 81 folders below `root`, its 1-thread plan, and the names of the threads that
    list its folders from now on, each folder first costing `each_folder()`."""
    for i in range(40):
        write(root / f"d{i:02}" / "sub" / "f", b"x")
    t = target("t.cache", root)
    reference = shape(scan_with(t, 1))
    listers: set[str] = set()
    listing = treewalk._Walk.run

    def run(self: treewalk._Walk, folder: treewalk.Folder, mount_root: object) -> object:
        listers.add(threading.current_thread().name)
        each_folder()
        return listing(self, folder, mount_root)  # type: ignore[arg-type]

    monkeypatch.setattr(treewalk._Walk, "run", run)
    return t, reference, listers


def test_a_walk_that_waits_on_the_disk_spreads_over_the_pool_in_order(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_wait() -> None:
        time.sleep(0.002)  # a disk that makes each folder wait (no CPU time spent)

    t, reference, listers = listed_by(monkeypatch, isolated_home / ".cache" / "slow", disk_wait)
    assert shape(scan_with(t, 8)) == reference
    assert len(listers) >= 2  # the walk was seen waiting: its folders went to the pool


def test_a_walk_that_keeps_the_cpu_busy_stays_on_the_calling_thread(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a warm page cache threads only add GIL handovers: the caller lists every folder."""

    def cpu_work() -> None:
        end = time.thread_time() + 0.002
        while time.thread_time() < end:  # a folder that takes CPU time, not disk time
            pass

    t, reference, listers = listed_by(monkeypatch, isolated_home / ".cache" / "busy", cpu_work)
    assert shape(scan_with(t, 8)) == reference
    assert listers == {threading.current_thread().name}


def test_a_cancel_mid_walk_stops_every_thread(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "many"
    for i in range(200):
        write(root / f"d{i:03}" / "f", b"x")
    t = target("t.cache", root)
    stop = threading.Event()
    listed: list[float] = []
    listing = treewalk._Walk.run

    def counting_run(self: treewalk._Walk, folder: treewalk.Folder, mount_root: object) -> object:
        listed.append(time.monotonic())
        if len(listed) == 20:
            stop.set()
        time.sleep(0.001)
        return listing(self, folder, mount_root)  # type: ignore[arg-type]

    monkeypatch.setattr(treewalk._Walk, "run", counting_run)
    plan = scan_with(t, 8, cancel=stop)
    returned = time.monotonic()
    time.sleep(0.05)
    assert plan.cancelled
    assert plan.files < 200
    assert 20 <= len(listed) <= 20 + 8  # each thread finishes at most the folder it holds
    assert all(at <= returned for at in listed)  # nothing listed after the scan returned
    entries = [e.path for e in plan.targets[0].entries]
    assert entries == sorted(entries)  # what was delivered is a prefix, in order


def test_a_cancel_mid_clean_stops_every_thread_between_files(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "big"
    files = [write(root / f"d{i % 16:02}" / f"f{i}", b"x") for i in range(400)]
    t = target("t.cache", rule(root))
    plan = scan_with(t, 1)
    stop = threading.Event()
    removed: list[float] = []
    unlink = os.unlink

    def counting_unlink(path: str, *, dir_fd: int | None = None) -> None:
        removed.append(time.monotonic())
        if len(removed) == 50:
            stop.set()
        unlink(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", counting_unlink)
    monkeypatch.setattr(os, "supports_dir_fd", os.supports_dir_fd | {counting_unlink})
    result = clean(
        plan, env(), catalog=catalog(app("t", "Test", [t])), probe=FakeProbe(), cancel=stop,
        threads=8,
    )  # fmt: skip
    returned = time.monotonic()
    gone = [f for f in files if not f.exists()]
    assert result.cancelled
    assert 50 <= result.files == len(gone) <= 50 + 8  # each thread stops before its next file
    assert len(removed) == len(gone)
    assert all(at <= returned for at in removed)
