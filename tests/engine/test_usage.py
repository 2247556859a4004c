"""The usage map, checked against GNU `du` on real temporary trees (links, holes, mounts).

Every test runs with the walk in this process and in three worker processes that hand off
every folder they may (tests/engine/test_usage_procs.py checks the split itself).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from finder_kit import (
    as_unprivileged,
    bind_mount,
    chown_tree,
    du_bytes,
    du_folders,
    shared_folder,
    tmpfs_mount,
)

import onecleaner.engine.finders.usage_procs as procs_module
import onecleaner.engine.treewalk as walk_module
from onecleaner.engine.finders.errors import NotAFolder
from onecleaner.engine.finders.usage import UsageMap, UsageProgress, usage_map, walk_nodes
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.reasons import SkipCode
from onecleaner.engine.threads import PROCESSES_ENV_VAR

pytestmark = pytest.mark.skipif(os.name != "posix", reason="compared with GNU du")


@pytest.fixture(autouse=True, params=[1, 3], ids=lambda n: f"{n}-processes")
def usage_processes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """The processes the map walks in (ONECLEANER_PROCESSES); with several, every folder a
    walk may hand off goes to another worker."""
    count: int = request.param
    monkeypatch.setenv(PROCESSES_ENV_VAR, str(count))
    monkeypatch.setattr(procs_module, "HAND_OFF_ALWAYS", count > 1)
    if count > 1:  # once as root: what multiprocessing imports on first use lives in this
        # interpreter's library, which the unprivileged child of as_unprivileged cannot read
        usage_map(os.path.dirname(__file__))
    return count


def data(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    return path


def sparse(path: Path, apparent: int, written: int) -> Path:
    """A file of `apparent` bytes with only `written` bytes of real data (a hole after)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b"d" * written)
        fh.truncate(apparent)
    return path


def build_tree(base: Path, outside: Path) -> Path:
    """A home-like tree: nested folders, hidden ones, holes, hard links, links out of it."""
    tree = base / "tree"
    data(tree / "docs" / "a.txt", 10_000)
    data(tree / "docs" / "deep" / "er" / "b.bin", 70_000)
    data(tree / ".hidden" / "cfg", 3_000)
    sparse(tree / "vm" / "disk.img", 200 * 2**20, 8192)  # 200 MiB apparent, 8 KiB allocated
    (tree / "empty").mkdir()
    big = data(tree / "media" / "movie.mkv", 300_000)
    os.link(big, tree / "media" / "movie-again.mkv")  # same folder: counted once there
    os.link(big, tree / "docs" / "movie-link.mkv")  # another folder: still once in the total
    data(outside / "huge.bin", 2_000_000)
    os.link(outside / "huge.bin", tree / "docs" / "linked-from-outside.bin")
    (tree / "to-outside").symlink_to(outside)  # never followed
    (tree / "docs" / "to-file").symlink_to(outside / "huge.bin")
    os.mkfifo(tree / "docs" / "pipe")
    return tree


def test_the_total_is_du_s_one_file_system_and_each_folder_is_dus(tmp_path: Path) -> None:
    tree = build_tree(tmp_path, tmp_path / "outside")
    found = usage_map(str(tree))

    assert found.path == str(tree)
    assert found.bytes == du_bytes(tree)
    assert found.bytes < 3_000_000  # the link out is a link: the 2 MB outside is not counted
    # Every file once: hard links once, links and the fifo counted as entries.
    unique = {
        (st.st_dev, st.st_ino) for p in tree.rglob("*") if not (st := p.lstat()).st_mode & 0o040000
    }
    assert found.files == len(unique)
    # Folder by folder too, where no hard link spans two folders.
    du = du_folders(tree)
    for path, node in walk_nodes(found.root, found.path):
        if path.startswith((str(tree / "docs"), str(tree / "media"))) or path == str(tree):
            continue  # these share a hard-linked file: which folder counts it is walk order
        assert node.bytes == du[path], path
    assert found.find(str(tree / "vm")).bytes < 64 * 1024  # type: ignore[union-attr]
    assert not found.skipped and not found.cancelled


def test_the_path_based_walk_of_windows_gives_the_same_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = build_tree(tmp_path, tmp_path / "outside")
    by_fd = usage_map(str(tree))
    monkeypatch.setattr(walk_module, "IS_POSIX", False)  # folders by path, links by lstat
    by_path = usage_map(str(tree), processes=1)  # the patch is this process's
    assert by_path == by_fd and by_path.bytes == du_bytes(tree)


def test_a_windows_junction_is_never_entered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "t"
    data(tree / "mine" / "f", 10_000)
    junction = tree / "junction"
    data(junction / "elsewhere-big", 900_000)
    real_lstat = os.lstat

    def lstat(path: object, *args: object, **kw: object) -> object:
        st = real_lstat(path, *args, **kw)  # type: ignore[arg-type]
        if os.fspath(path) != str(junction):  # type: ignore[arg-type]
            return st
        fields = {name: getattr(st, name) for name in dir(st) if name.startswith("st_")}
        return SimpleNamespace(**fields, st_file_attributes=0x400)  # a reparse point

    monkeypatch.setattr(walk_module, "IS_POSIX", False)
    monkeypatch.setattr(os, "lstat", lstat)
    found = usage_map(str(tree), processes=1)  # the patches are this process's
    assert found.bytes < 500_000
    assert [(s.path, s.reason.code) for s in found.skipped] == [
        (str(junction), SkipCode.LINK_NOT_FOLLOWED)
    ]


def test_children_come_largest_first_and_the_json_has_the_documented_shape(
    tmp_path: Path,
) -> None:
    tree = tmp_path / "t"
    data(tree / "small" / "f", 1_000)
    data(tree / "big" / "f", 500_000)
    data(tree / "big" / "inner" / "g", 100_000)
    data(tree / "top-file", 20_000)
    found = usage_map(str(tree))
    doc = found.to_data()

    assert set(doc) == {"path", "bytes", "files", "children", "skipped", "cancelled"}
    assert doc["path"] == str(tree) and doc["bytes"] == du_bytes(tree) and doc["files"] == 4
    names = [c["name"] for c in doc["children"]]
    assert names == ["big", "small"]
    big = doc["children"][0]
    assert set(big) == {"name", "bytes", "files", "children"}
    assert big["files"] == 2 and big["bytes"] == du_bytes(tree / "big")
    assert big["children"][0]["name"] == "inner"
    # A folder's size holds its own files and its subfolders: nothing counted twice.
    assert doc["bytes"] >= sum(c["bytes"] for c in doc["children"])


def test_depth_limits_the_folders_kept_never_the_sizes(tmp_path: Path) -> None:
    tree = tmp_path / "t"
    data(tree / "a" / "b" / "c" / "d" / "f", 50_000)
    full = usage_map(str(tree))
    one = usage_map(str(tree), depth=1)
    zero = usage_map(str(tree), depth=0)

    assert full.bytes == one.bytes == zero.bytes == du_bytes(tree)
    assert zero.root.children == ()
    assert [c.name for c in one.root.children] == ["a"]
    assert one.root.children[0].children == ()  # kept no deeper, but counted
    assert one.root.children[0].bytes == du_bytes(tree / "a")
    assert full.find(str(tree / "a" / "b" / "c" / "d")) is not None


def test_the_map_holds_one_record_per_folder_never_one_per_file(tmp_path: Path) -> None:
    tree = tmp_path / "t"
    for folder in range(3):
        for n in range(400):
            sparse(tree / f"f{folder}" / f"{n}", 4096, 0)
    found = usage_map(str(tree))
    nodes = list(walk_nodes(found.root, found.path))
    assert found.files == 1200
    assert len(nodes) == 4  # the folder and its three subfolders


def test_an_unreadable_folder_is_reported_and_its_own_entry_counted_as_du_does() -> None:
    with shared_folder() as base:
        tree = base / "tree"
        data(tree / "open" / "f", 30_000)
        data(tree / "locked" / "secret", 500_000)
        data(tree / "locked" / "sub" / "more", 10_000)
        chown_tree(tree)
        (tree / "locked").chmod(0o000)

        found: UsageMap = as_unprivileged(lambda: usage_map(str(tree)))
        du = as_unprivileged(lambda: du_bytes(tree))

    assert found.bytes == du  # du counts the locked folder's own blocks and stops there
    locked = found.find(str(tree / "locked"))
    assert locked is not None and locked.unreadable and locked.files == 0
    assert [(s.path, s.reason.code) for s in found.skipped] == [
        (str(tree / "locked"), SkipCode.PERMISSION_DENIED)
    ]
    as_json = {c["name"]: c for c in found.to_data()["children"]}
    assert as_json["locked"]["unreadable"] is True and "unreadable" not in as_json["open"]


def test_a_bind_mount_inside_is_not_entered_nor_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(walk_module, "MountRootTest", lambda: lambda fd: None)  # the table alone
    tree = tmp_path / "tree"
    data(tree / "mine" / "f", 40_000)
    elsewhere = tmp_path / "elsewhere"
    data(elsewhere / "big", 1_500_000)
    point = tree / "mine" / "mounted"
    with bind_mount(elsewhere, point):
        # Same device as its parent: only the mount table (or the kernel) can tell.
        assert point.stat().st_dev == tree.stat().st_dev
        found = usage_map(str(tree), processes=1)  # the patch is this process's
        expected = du_bytes(tree, f"--exclude={point}")
        plain_du = du_bytes(tree)

    assert found.bytes == expected
    assert plain_du > found.bytes + 1_000_000  # du -x walks into a bind mount; we do not
    assert [(s.path, s.reason.code) for s in found.skipped] == [(str(point), SkipCode.MOUNT_POINT)]
    assert found.find(str(point)) is None


def test_a_mount_made_after_the_table_was_read_is_still_not_entered(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    data(tree / "f", 10_000)
    elsewhere = tmp_path / "elsewhere"
    data(elsewhere / "big", 1_000_000)
    with bind_mount(elsewhere, tree / "late"):
        # A table read before the mount: the opened folder's inode, then statx, tell.
        found = usage_map(str(tree), mounts=MountTable.of([]))
    assert found.bytes < 500_000
    assert [s.reason.code for s in found.skipped] == [SkipCode.MOUNT_POINT]


def test_a_tmpfs_inside_is_not_crossed_and_the_total_is_du_xs(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    data(tree / "f", 20_000)
    with tmpfs_mount(tree / "ram") as ram:
        data(ram / "in-ram", 1_000_000)
        found = usage_map(str(tree))
        expected = du_bytes(tree)
    assert found.bytes == expected
    assert [s.reason.code for s in found.skipped] == [SkipCode.OTHER_FILESYSTEM]


def test_progress_streams_finished_folders_and_cancel_leaves_whole_totals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "t"
    for n in range(6):
        data(tree / f"d{n}" / "sub" / "f", 10_000)
    monkeypatch.setattr(walk_module, "PROGRESS_EVERY", 0.0)  # report at every folder
    seen: list[UsageProgress] = []
    full = usage_map(str(tree), progress=seen.append)
    assert seen[-1].current == "" and seen[-1].bytes == full.bytes
    assert any(p.finished for p in seen[:-1])  # top folders drawn before the walk ends
    grown = [len(p.finished) for p in seen]
    assert grown == sorted(grown)

    cancel = threading.Event()

    def stop_after_two(p: UsageProgress) -> None:
        if len(p.finished) >= 2:
            cancel.set()

    part = usage_map(str(tree), progress=stop_after_two, cancel=cancel)
    assert part.cancelled
    assert 2 <= len(part.root.children) < 6
    own = part.root.bytes - sum(c.bytes for c in part.root.children)
    assert own == (tree.stat().st_blocks * 512)  # what was walked adds up exactly


def test_a_missing_path_or_a_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotAFolder, match="not a folder"):
        usage_map(str(tmp_path / "nothing"))
    with pytest.raises(NotAFolder):
        usage_map(str(data(tmp_path / "file", 10)))


def test_a_symlinked_folder_given_is_resolved(tmp_path: Path) -> None:
    real = tmp_path / "real"
    data(real / "f", 50_000)
    (tmp_path / "link").symlink_to(real)
    found = usage_map(str(tmp_path / "link"))
    assert found.path == str(real) and found.bytes == du_bytes(real)
