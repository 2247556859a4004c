"""The usage map walked by several processes: the same map whoever walks what, mounts and
links still never crossed, a cancel or a lost worker handled (onecleaner/engine/finders/
usage_procs.py). Real temporary trees; mounts need root."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from finder_kit import bind_mount, du_bytes, tmpfs_mount

import onecleaner.engine.finders.usage_procs as procs
import onecleaner.engine.treewalk as walk_module
from onecleaner.engine.finders.usage import UsageFold, UsageMap, UsageProgress, usage_map
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.treewalk import Folder, WalkPool

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="compared with GNU du")
THREADS_CHOSEN_HERE = True  # one walking thread per worker unless a test says otherwise


def data(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    return path


def build_home(base: Path) -> Path:
    """Nested projects, a deep chain, hard links across top folders, links out, a FIFO."""
    tree = base / "home"
    outside = data(base / "outside" / "big.bin", 900_000)
    for project in ("alpha", "beta", "gamma"):
        data(tree / "code" / project / "package.json", 300)
        for n in range(12):
            data(tree / "code" / project / "node_modules" / f"pkg{n}" / "index.js", 2_000 + n)
    deep = tree / "Documents"
    for level in range(25):
        deep = deep / f"level{level}"
        data(deep / "note.txt", 100 * level + 1)
    shared = data(tree / "Downloads" / "movie.mkv", 400_000)
    for top in ("Videos", "Desktop", "Music"):
        (tree / top).mkdir()
    os.link(shared, tree / "Videos" / "movie-again.mkv")  # walked later: counted in Downloads
    os.link(shared, tree / "Desktop" / "movie-link.mkv")  # walked before Downloads: here
    os.link(outside, tree / "Music" / "from-outside.bin")
    (tree / "Music" / "to-outside").symlink_to(outside.parent)
    (tree / "Pictures" / "empty").mkdir(parents=True)
    os.mkfifo(tree / "Pictures" / "pipe")
    return tree


@pytest.fixture
def hand_off_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every folder a walk may hand off goes to another worker (the most splitting)."""
    monkeypatch.setattr(procs, "HAND_OFF_ALWAYS", True)


def test_the_map_is_the_same_walked_alone_or_split_any_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = build_home(tmp_path)
    alone = usage_map(str(home), processes=1)
    assert alone.bytes == du_bytes(home) and not alone.skipped

    for count in (2, 4):  # handed off only while a worker waits
        assert usage_map(str(home), processes=count) == alone
    monkeypatch.setattr(procs, "HAND_OFF_ALWAYS", True)
    for run in range(10):  # split at every folder, in whatever order the workers finish
        assert usage_map(str(home), processes=3) == alone, f"run {run}"
    assert usage_map(str(home), processes=2, threads=4) == alone


def test_a_hard_link_walked_by_two_workers_counts_once_where_the_walk_meets_it_first(
    tmp_path: Path, hand_off_all: None
) -> None:
    home = build_home(tmp_path)
    found = usage_map(str(home), processes=3)
    size = (home / "Downloads" / "movie.mkv").stat().st_blocks * 512

    def folder(name: str) -> int:
        node = found.find(str(home / name))
        assert node is not None
        return node.bytes

    assert found.bytes == du_bytes(home)
    assert folder("Desktop") >= size  # first in name order: D-e-s < D-o-w
    assert folder("Downloads") < size and folder("Videos") < size
    assert folder("Music") >= 900_000  # a link from outside still counts once, inside
    assert found.files == alone_files(home)


def alone_files(home: Path) -> int:
    """Every file once: hard links once, links and the FIFO as entries."""
    stats = [p.lstat() for p in home.rglob("*")]
    return len({(st.st_dev, st.st_ino) for st in stats if not st.st_mode & 0o040000})


def test_mounts_inside_folders_other_workers_walk_are_not_crossed(
    tmp_path: Path, hand_off_all: None
) -> None:
    home = build_home(tmp_path)
    elsewhere = data(tmp_path / "elsewhere" / "huge.bin", 1_500_000).parent
    bound = home / "code" / "beta" / "node_modules" / "pkg3" / "mounted"
    with bind_mount(elsewhere, bound), tmpfs_mount(home / "Pictures" / "ram") as ram:
        data(ram / "in-ram.bin", 1_000_000)
        with bind_mount(elsewhere, home / "Videos" / "top-level-mount"):
            found = usage_map(str(home), processes=3)
            expected = du_bytes(
                home, f"--exclude={bound}", f"--exclude={home / 'Videos' / 'top-level-mount'}"
            )
            alone = usage_map(str(home), processes=1)

    assert found == alone
    assert found.bytes == expected
    assert [(s.path, s.reason.code) for s in found.skipped] == [  # in walk order
        (str(home / "Pictures" / "ram"), SkipCode.OTHER_FILESYSTEM),
        (str(home / "Videos" / "top-level-mount"), SkipCode.MOUNT_POINT),
        (str(bound), SkipCode.MOUNT_POINT),
    ]


class _Listed:
    """A lister and events that note what they see."""

    def __init__(self) -> None:
        self.listed: list[str] = []

    def list_folder(self, folder: Folder, handle: int | str, stopping: Any) -> list[Any]:
        self.listed.append(folder.path)
        return []

    def enter(self, folder: Folder) -> None: ...

    def leave(self, folder: Folder) -> None: ...

    def refused(self, folder: Folder) -> None: ...


def test_a_folder_replaced_after_it_was_handed_off_is_refused_not_walked(tmp_path: Path) -> None:
    handed = data(tmp_path / "t" / "a" / "f", 10).parent
    st = handed.stat()
    identity = (st.st_dev, st.st_ino)
    pool = WalkPool(1)
    seen = _Listed()
    assert pool.walk(str(handed), seen, seen, expect=identity) is None  # still the same
    assert seen.listed == [str(handed)]

    handed.rename(tmp_path / "t" / "a-old")
    data(handed / "someone-else.bin", 5_000)  # another folder under the same name
    seen = _Listed()
    why = pool.walk(str(handed), seen, seen, expect=identity)
    assert why is not None and why.code is SkipCode.PATH_SWAPPED and seen.listed == []

    (handed / "someone-else.bin").unlink()
    handed.rmdir()
    handed.symlink_to(tmp_path / "t" / "a-old")  # a link where the folder was
    why = pool.walk(str(handed), seen, seen, expect=identity)
    assert why is not None and why.code is SkipCode.SWAPPED_DURING_SCAN and seen.listed == []


def test_a_hole_whose_task_failed_is_reported_in_its_place() -> None:
    fold = UsageFold(None)
    replay = procs._Replay("/home/u", fold, None, None)
    measured = (8192, 2, None, None, None)
    replay.receive(0, [(procs.ENTER, "u", 4096, measured), (procs.HOLE, "gone", 7)], False, None)
    assert replay.advance() is False  # waits for the rest of the root and for task 7
    replay.receive(0, [(procs.ENTER, "z", 4096, measured), (procs.LEAVE,)], False, None)
    replay.receive(0, [(procs.LEAVE,)], True, None)
    assert replay.advance() is False  # task 7 is not done: nothing after the hole yet
    assert fold.current == "/home/u"
    replay.receive(7, [], True, Reason.of(SkipCode.PATH_SWAPPED))
    assert replay.advance() is True

    assert fold.root is not None and fold.root.bytes == 4096 + 8192 + 4096 + 8192
    assert [(s.path, s.reason.code) for s in fold.skipped] == [
        ("/home/u/gone", SkipCode.PATH_SWAPPED)
    ]


def test_a_cancel_stops_every_worker_and_what_was_replayed_adds_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hand_off_all: None
) -> None:
    tree = tmp_path / "t"
    for n in range(8):
        for m in range(30):
            data(tree / f"d{n}" / f"sub{m}" / "f", 3_000)
    monkeypatch.setattr(walk_module, "PROGRESS_EVERY", 0.0)
    cancel = threading.Event()

    def stop_after_two(p: UsageProgress) -> None:
        if len(p.finished) >= 2:
            cancel.set()

    part = usage_map(str(tree), processes=3, progress=stop_after_two, cancel=cancel)
    assert part.cancelled
    assert 2 <= len(part.root.children) < 8
    own = part.root.bytes - sum(c.bytes for c in part.root.children)
    assert own == tree.stat().st_blocks * 512
    by_name = sorted(part.root.children, key=lambda c: c.name)
    for child in by_name[:-1]:  # each folder finished is whole (the last may be part-walked)
        assert child.bytes == du_bytes(tree / child.name)
    assert multiprocessing.active_children() == []  # no worker left behind


def signalled_map(
    home: Path, sig: int, sent: list[int], monkeypatch: pytest.MonkeyPatch
) -> UsageMap:
    """The map of `home` in 3 workers that get `sig` at the first progress report (their
    pids noted in `sent`), every folder handed off and every folder reported."""
    monkeypatch.setattr(walk_module, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(procs, "HAND_OFF_ALWAYS", True)

    def signal_the_workers(p: UsageProgress) -> None:
        if not sent:
            for child in multiprocessing.active_children():
                assert child.pid is not None
                os.kill(child.pid, sig)
                sent.append(child.pid)

    return usage_map(str(home), processes=3, progress=signal_the_workers)


def test_workers_killed_mid_walk_leave_the_map_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    home = build_home(tmp_path)
    alone = usage_map(str(home), processes=1)
    killed: list[int] = []
    with caplog.at_level(logging.WARNING):
        found = signalled_map(home, signal.SIGKILL, killed, monkeypatch)
    assert len(killed) == 3
    assert found == alone and not found.cancelled
    assert "in this process: a worker process stopped before its work was done" in caplog.text


def test_workers_that_cannot_start_leave_the_map_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    home = build_home(tmp_path)
    alone = usage_map(str(home), processes=1)
    real = procs._context()

    class NoProcesses:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def Process(self, *args: Any, **kw: Any) -> Any:
            raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(procs, "_context", NoProcesses)
    with caplog.at_level(logging.WARNING):
        found = usage_map(str(home), processes=2)
    assert found == alone
    assert "could not start a worker process: [Errno 11]" in caplog.text


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_bug_in_a_worker_is_raised_here_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = build_home(tmp_path)

    def broken(handle: int | str, stopping: Any) -> Any:
        raise ValueError("a bug in the lister")

    # A fork carries the patch into the workers (a fork server's would not see it).
    monkeypatch.setattr(procs, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(procs, "measure", broken)
    with pytest.raises(procs.WorkerFailed, match="ValueError: a bug in the lister"):
        usage_map(str(home), processes=2)
    assert multiprocessing.active_children() == []


def test_workers_fork_a_single_threaded_command_and_a_clean_server_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = (
        "import threading, onecleaner.engine.finders.usage_procs as p;"
        "print(p._context().get_start_method());"
        "threading.Thread(target=threading.Event().wait, args=(5,), daemon=True).start();"
        "print(p._context().get_start_method())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["fork", "forkserver"]
    for system in ("darwin", "win32"):  # fork is unsafe on macOS and missing on Windows
        monkeypatch.setattr(sys, "platform", system)
        assert procs._context().get_start_method() == "spawn"


def test_workers_started_the_windows_and_macos_way_give_the_same_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spawn (a fresh interpreter per worker, everything it gets pickled) runs here too."""
    home = build_home(tmp_path)
    alone = usage_map(str(home), processes=1)
    monkeypatch.setattr(procs, "_context", lambda: multiprocessing.get_context("spawn"))
    monkeypatch.setattr(procs, "HAND_OFF_ALWAYS", True)
    assert usage_map(str(home), processes=2) == alone


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_ctrl_c_reaches_only_the_calling_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A terminal's Ctrl-C goes to every process of the command; the workers leave it to the
    command, which cancels (a worker that died of it would make the map walk again)."""
    home = build_home(tmp_path)
    alone = usage_map(str(home), processes=1)
    # Forked, as the command line's are (pytest may run threads, which would pick the server).
    monkeypatch.setattr(procs, "_context", lambda: multiprocessing.get_context("fork"))
    interrupted: list[int] = []
    with caplog.at_level(logging.WARNING):
        found = signalled_map(home, signal.SIGINT, interrupted, monkeypatch)
    assert len(interrupted) == 3
    assert found == alone and "in this process" not in caplog.text
