"""Mount points are known from the kernel, not from device numbers."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from onecleaner.engine.mounts import MountTable, is_mount_root, parse_mountinfo

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
