"""Mount points are known from the kernel, not from device numbers."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from engine_kit import FakeProbe, env, paths_of, reasons, write

from onecleaner.engine import fsops, mounts, recheck
from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.clean import clean
from onecleaner.engine.env import Environment
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS, CleanResult, Plan, Target
from onecleaner.engine.mounts import MountTable, is_mount_root, parse_mountinfo, parse_mounts
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.scan import scan

MOUNTINFO = (
    "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
    "40 22 8:1 /home/ann/Documents /home/ann/.cache/x rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
    "41 22 0:38 / /mnt/with\\040space rw - tmpfs tmpfs rw\n"
    "42 22 0:39 / /mnt/back\\134slash rw master:3 propagate_from:1 - tmpfs tmpfs rw\n"
    "not a mountinfo line\n"
)


def test_mount_points_are_read_with_their_escapes() -> None:
    assert parse_mountinfo(MOUNTINFO) == (
        "/",
        "/home/ann/.cache/x",
        "/mnt/with space",
        "/mnt/back\\slash",
    )


def test_a_bind_mount_of_the_same_disk_is_a_mount_point_by_path() -> None:
    table = MountTable.of(parse_mountinfo(MOUNTINFO))
    assert table.is_mount_point("/home/ann/.cache/x")
    assert not table.is_mount_point("/home/ann/.cache")
    assert not table.is_mount_point("/home/ann/Documents")


def test_a_bind_mount_of_a_folder_is_traced_back_to_where_that_folder_is() -> None:
    text = MOUNTINFO + (
        "50 22 8:2 /@home /home rw - btrfs /dev/sda2 rw\n"
        "51 50 8:2 /@home/bob/Music /srv/music rw - btrfs /dev/sda2 rw\n"
        "52 22 0:40 /data /mnt/volume rw - ext4 /dev/vdb rw\n"  # its disk is not mounted whole
    )
    found = parse_mounts(text)
    table = MountTable.of((m.point for m in found), found)
    assert table.bind_source("/home/ann/.cache/x") == "/home/ann/Documents"
    assert table.bind_source("/home/ann/.cache/x/sub/f") == "/home/ann/Documents/sub/f"
    assert table.bind_source("/srv/music/a.flac") == "/home/bob/Music/a.flac"  # a subvolume
    assert table.bind_source("/home/ann/.cache") is None  # no bind mount above it
    assert table.bind_source("/home/ann/.cache/xy") is None  # components, not characters
    assert table.bind_source("/mnt/with space/a") is None  # a whole filesystem
    assert table.bind_source("/mnt/volume/f") is None  # nothing tells where /data is


def test_the_guard_judges_a_bind_mounted_root_where_it_really_is() -> None:
    found = parse_mounts(MOUNTINFO)
    e = Environment(os=OS.LINUX, home="/home/ann")
    protected = Guard.for_env(e, data_dir=Path("/home/ann/.local/share/onecleaner"))
    g = Guard(
        OS.LINUX,
        "/home/ann",
        protected.protected,
        protected.exact,
        protected.private,
        MountTable.of((m.point for m in found), found),
    )
    assert str(g.refusal("/home/ann/.cache/x")) == "refused: resolves into your Documents folder"
    assert g.refusal("/home/ann/.cache") is None


@pytest.fixture
def bind_mount(tmp_path: Path) -> Iterator[Path]:
    """`tmp_path/cache/x` bind-mounted from `tmp_path/docs` (root only)."""
    if os.geteuid() != 0:
        pytest.skip("bind mounts need root")
    docs = tmp_path / "docs"
    point = tmp_path / "cache" / "x"
    docs.mkdir()
    point.mkdir(parents=True)
    subprocess.run(["mount", "--bind", str(docs), str(point)], check=True)
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_the_live_table_and_statx_see_a_bind_mount(bind_mount: Path) -> None:
    assert MountTable.current().is_mount_point(str(bind_mount))
    assert not MountTable.current().is_mount_point(str(bind_mount.parent))
    # Same device as its parent: the device number alone cannot tell.
    assert bind_mount.stat().st_dev == bind_mount.parent.stat().st_dev
    fd = os.open(bind_mount, os.O_RDONLY | os.O_DIRECTORY)
    parent = os.open(bind_mount.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert is_mount_root(fd) in (True, None)  # None: a kernel before 5.8
        assert is_mount_root(parent) in (False, None)
    finally:
        os.close(fd)
        os.close(parent)


# -- the walk and the clean never cross a mount point ---------------------------------------


def _table(*points: Path) -> MountTable:
    return MountTable.of(str(p) for p in points)


def _system_cache() -> tuple[Catalog, Target]:
    cat = load_catalog()
    return cat, cat.target("system.cache")


def _scan_and_clean(
    between: Callable[[Plan], None] | None = None,
) -> tuple[Plan, CleanResult]:
    cat, cache = _system_cache()
    plan = scan([cache], env(), catalog=cat, probe=FakeProbe())
    if between is not None:
        between(plan)
    return plan, clean(plan, env(), catalog=cat, probe=FakeProbe())


@pytest.fixture
def cache_and_documents(isolated_home: Path) -> tuple[Path, Path, Path]:
    """~/.cache/x (a cache folder with a file) and ~/Documents/ch1.txt (the user's work)."""
    point = isolated_home / ".cache" / "x"
    junk = write(isolated_home / ".cache" / "junk.bin")
    write(point / "cached.bin")
    chapter = write(isolated_home / "Documents" / "ch1.txt", "Chapter one")
    return point, junk, chapter


def test_a_folder_in_the_mount_table_is_not_walked_whatever_its_device(
    cache_and_documents: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    point, junk, _ = cache_and_documents
    monkeypatch.setattr(MountTable, "current", classmethod(lambda cls: _table(point)))
    cat, cache = _system_cache()
    plan = scan([cache], env(), catalog=cat, probe=FakeProbe())
    assert paths_of(plan) == {str(junk)}
    assert reasons(plan.skipped) == {str(point): "a mount point (not crossed)"}


def test_a_folder_that_became_a_mount_point_after_the_scan_is_not_entered_by_the_clean(
    cache_and_documents: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    point, junk, _ = cache_and_documents

    def mounted(plan: Plan) -> None:
        assert paths_of(plan) == {str(junk), str(point / "cached.bin")}
        monkeypatch.setattr(MountTable, "current", classmethod(lambda cls: _table(point)))

    _, result = _scan_and_clean(between=mounted)
    assert not junk.exists() and (point / "cached.bin").exists()
    assert result.files == 1
    assert reasons(result.skipped) == {str(point): "a mount point (not crossed)"}


def test_the_path_based_cursor_refuses_a_mount_point_and_a_junction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows: a volume mounted in a folder, or a junction, is a reparse point (simulated).
    root = tmp_path / "root"
    write(root / "listed" / "f")
    write(root / "junction" / "f")
    write(root / "plain" / "f")
    cursor = fsops.make_cursor(
        str(root), prune=False, paths_only=True, mounts=_table(root / "listed").points
    )
    with pytest.raises(fsops.MountCrossing) as crossed:
        cursor.goto(["listed"])
    assert crossed.value.filename == str(root / "listed")
    assert recheck.reason_for(crossed.value) == Reason.of(SkipCode.MOUNT_POINT)

    real_lstat = os.lstat

    def lstat(path: object, *a: object, **kw: object) -> object:
        st = real_lstat(path, *a, **kw)  # type: ignore[arg-type]
        if os.fspath(path) == str(root / "junction"):  # type: ignore[arg-type]
            return types.SimpleNamespace(
                st_mode=st.st_mode,
                st_dev=st.st_dev,
                st_ino=st.st_ino,
                st_file_attributes=stat.FILE_ATTRIBUTE_REPARSE_POINT
                if hasattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT")
                else 0x400,
                st_reparse_tag=0xA0000003,  # IO_REPARSE_TAG_MOUNT_POINT
            )
        return st

    monkeypatch.setattr(os, "lstat", lstat)
    with pytest.raises(fsops.UnsafeFolder):
        cursor.goto(["junction"])
    cursor.goto(["plain"])
    assert cursor.lstat("f").st_size == 5000
    cursor.close()


# -- real mounts (root only) ----------------------------------------------------------------


@contextlib.contextmanager
def mounted(*args: str) -> Iterator[None]:
    """`mount args...` for the block, unmounted (lazily, so a busy one goes too) after it."""
    if os.geteuid() != 0:
        pytest.skip("mounting needs root (this test runs as an ordinary user)")
    subprocess.run(["mount", *args], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", args[-1]], check=False, capture_output=True)


def only(guard: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave one of the two mount checks working, to show that it holds on its own."""
    if guard == "statx":  # a mount made after the table was read
        top = os.open("/", os.O_RDONLY)
        try:
            if not mounts.is_mount_root(top):
                pytest.skip("this kernel does not report mount roots (Linux 5.8+)")
        finally:
            os.close(top)
        monkeypatch.setattr(MountTable, "current", classmethod(lambda cls: _table()))
    else:  # a kernel that cannot tell
        monkeypatch.setattr(mounts.MountRootTest, "__call__", lambda self, fd: None)


@pytest.mark.parametrize("guard", ["mount table", "statx"])
def test_a_bind_mounted_documents_folder_survives_scan_and_clean_of_system_cache(
    cache_and_documents: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, guard: str
) -> None:
    point, junk, chapter = cache_and_documents
    (point / "cached.bin").unlink()
    with mounted("--bind", str(chapter.parent), str(point)):
        assert (point / "ch1.txt").exists()
        only(guard, monkeypatch)
        plan, result = _scan_and_clean()
        assert paths_of(plan) == {str(junk)}
        assert reasons(plan.skipped) == {str(point): "a mount point (not crossed)"}
        assert chapter.read_text() == "Chapter one" and (point / "ch1.txt").exists()
        assert not junk.exists() and result.files == 1


@pytest.mark.parametrize("guard", ["mount table", "statx"])
def test_a_bind_mount_made_after_the_scan_is_refused_by_the_clean(
    cache_and_documents: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, guard: str
) -> None:
    point, junk, chapter = cache_and_documents
    # The cache holds a hard link to the chapter: the scan plans it with the chapter's identity,
    # so after the link goes and the folder is bound to Documents, only the mount check is left.
    (point / "cached.bin").unlink()
    os.link(chapter, point / "ch1.txt")
    with contextlib.ExitStack() as stack:

        def mount_documents(plan: Plan) -> None:
            assert str(point / "ch1.txt") in paths_of(plan)
            (point / "ch1.txt").unlink()
            stack.enter_context(mounted("--bind", str(chapter.parent), str(point)))
            only(guard, monkeypatch)

        _, result = _scan_and_clean(between=mount_documents)
        assert chapter.read_text() == "Chapter one"
        assert not junk.exists()
        assert reasons(result.skipped) == {str(point): "a mount point (not crossed)"}


def test_a_tmpfs_mounted_below_a_cache_is_not_crossed(isolated_home: Path) -> None:
    point = isolated_home / ".cache" / "ram"
    point.mkdir(parents=True)
    junk = write(isolated_home / ".cache" / "junk.bin")
    with mounted("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point)):
        kept = write(point / "on-tmpfs")
        plan, result = _scan_and_clean()
        assert result.files == 1
        assert paths_of(plan) == {str(junk)}
        assert reasons(plan.skipped)[str(point)] in (
            "a mount point (not crossed)",
            "on another filesystem (not crossed)",
        )
        assert kept.exists() and not junk.exists()


def test_the_command_line_clean_keeps_a_bind_mounted_documents_folder(
    cache_and_documents: tuple[Path, Path, Path],
) -> None:
    point, junk, chapter = cache_and_documents
    (point / "cached.bin").unlink()
    with mounted("--bind", str(chapter.parent), str(point)):
        done = subprocess.run(
            [sys.executable, "-m", "onecleaner", "clean", "--yes", "system.cache"],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert chapter.read_text() == "Chapter one" and (point / "ch1.txt").exists()
    assert not junk.exists()
    assert done.returncode == 1, done.stderr  # done, with a skip reported
    assert f"{point}: a mount point (not crossed)" in done.stdout


def test_a_cache_folder_bind_mounted_from_documents_is_refused_as_a_root(
    isolated_home: Path,
) -> None:
    cache = isolated_home / ".cache"
    chapter = write(isolated_home / "Documents" / "ch1.txt", "Chapter one")
    with mounted("--bind", str(chapter.parent), str(cache)):
        plan, result = _scan_and_clean()
        assert chapter.read_text() == "Chapter one"
        assert reasons(plan.skipped) == {str(cache): "refused: resolves into your Documents folder"}
        assert plan.files == 0 and result.files == 0
