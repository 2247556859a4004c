"""Mount points, so that no walk or clean ever crosses one, whatever its device number.

A bind mount of a folder of the same disk has the same `st_dev` as its parent: comparing
devices alone lets a walk below `~/.cache` step into `~/Documents` bound there. Two checks,
both from the kernel:

- `MountTable`: the mount points listed in `/proc/self/mountinfo` (read once per scan or
  clean), looked up by path; elsewhere the partitions psutil lists.
- `is_mount_root(fd)`: on Linux, `statx` on an open folder says whether it is the root of a
  mount (STATX_ATTR_MOUNT_ROOT, Linux 5.8+). It asks about the folder actually opened, so a
  mount made after the table was read is still seen; None where the kernel cannot tell.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass

MOUNTINFO = "/proc/self/mountinfo"


def _unescape(field: str) -> str:
    r"""A mountinfo path field with its octal escapes (`\040` for a space) decoded."""
    if "\\" not in field:
        return field
    raw = bytearray()
    data = os.fsencode(field)
    i = 0
    while i < len(data):
        digits = data[i + 1 : i + 4]
        if data[i] == 0x5C and len(digits) == 3 and all(0x30 <= d <= 0x37 for d in digits):
            raw.append(int(digits, 8))
            i += 4
        else:
            raw.append(data[i])
            i += 1
    return os.fsdecode(bytes(raw))


@dataclass(frozen=True, slots=True)
class Mount:
    """One line of mountinfo: where a mount is, which folder of which filesystem it shows."""

    point: str  # where it is mounted
    root: str  # the folder of its filesystem it shows ("/" for all of it; a bind: a folder)
    device: str  # major:minor of the filesystem


def parse_mounts(text: str) -> tuple[Mount, ...]:
    """The mounts described by the text of a mountinfo file (pure; bad lines are passed over).

    Each line is `id parent major:minor root mount-point options [optional...] - type source
    super-options`.
    """
    mounts: list[Mount] = []
    for line in text.splitlines():
        fields = line.split(" ")
        if len(fields) < 5 or "-" not in fields[5:]:
            continue
        point = _unescape(fields[4])
        if point.startswith("/"):
            mounts.append(Mount(point, _unescape(fields[3]), fields[2]))
    return tuple(mounts)


def parse_mountinfo(text: str) -> tuple[str, ...]:
    """The mount points named in the text of a mountinfo file (pure; bad lines are passed over)."""
    return tuple(m.point for m in parse_mounts(text))


def _holds(folder: str, path: str) -> bool:
    """Whether `path` is `folder` or lies below it, component by component (POSIX paths)."""
    return path == folder or path.startswith(folder.rstrip("/") + "/")


@dataclass(frozen=True)
class MountTable:
    """The mount points known when it was read (a snapshot: see `is_mount_root` for races)."""

    points: frozenset[str]
    mounts: tuple[Mount, ...] = ()  # in mount order, where mountinfo is readable

    @classmethod
    def of(cls, points: Iterable[str], mounts: Iterable[Mount] = ()) -> MountTable:
        return cls(frozenset(os.path.normpath(p) for p in points), tuple(mounts))

    @classmethod
    def current(cls) -> MountTable:
        """The mount points of this process's view of the system (empty when none is readable)."""
        if sys.platform.startswith("linux"):
            try:
                with open(MOUNTINFO, encoding="utf-8", errors="surrogateescape") as handle:
                    mounts = parse_mounts(handle.read())
                return cls.of((m.point for m in mounts), mounts)
            except OSError:
                pass
        try:
            import psutil

            return cls.of(p.mountpoint for p in psutil.disk_partitions(all=True))
        except Exception:  # a sandbox may refuse the listing: the device check still holds
            return cls(frozenset())

    def is_mount_point(self, path: str) -> bool:
        """Whether `path` (absolute, normalised as the walk builds it) is a mount point."""
        return path in self.points

    def bind_source(self, path: str) -> str | None:
        """Where `path` really is when it lies at or below a bind mount of a folder, or None.

        `mount --bind ~/Documents ~/.cache` makes ~/.cache show ~/Documents: the mount's root
        is /home/ann/Documents on the disk mounted (whole, or from a folder above) at /. The
        answer is the same path through that other mount. None for ordinary mounts, and where
        the filesystem is not mounted whole here (a container's volumes): then nothing tells.
        """
        visible: dict[str, Mount] = {}
        for m in self.mounts:
            visible[m.point] = m  # the last mount at a point hides the ones before it
        holder = max(
            (m for m in visible.values() if _holds(m.point, path)),
            key=lambda m: len(m.point),
            default=None,
        )
        if holder is None or holder.root == "/":
            return None
        whole = max(
            (
                m
                for m in visible.values()
                if m.device == holder.device and m.root != holder.root
                and _holds(m.root, holder.root)
            ),
            key=lambda m: len(m.root),
            default=None,
        )  # fmt: skip
        if whole is None:
            return None
        source = whole.point.rstrip("/") + holder.root[len(whole.root.rstrip("/")) :]
        return os.path.normpath(source + path[len(holder.point.rstrip("/")) :])


# -- statx (Linux) ------------------------------------------------------------------------

_AT_EMPTY_PATH = 0x1000
_AT_SYMLINK_NOFOLLOW = 0x100
_STATX_TYPE = 0x1
_STATX_ATTR_MOUNT_ROOT = 0x2000


class _StatxTimestamp(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_int64), ("tv_nsec", ctypes.c_uint32), ("_pad", ctypes.c_int32)]


class _Statx(ctypes.Structure):
    _fields_ = [
        ("stx_mask", ctypes.c_uint32),
        ("stx_blksize", ctypes.c_uint32),
        ("stx_attributes", ctypes.c_uint64),
        ("stx_nlink", ctypes.c_uint32),
        ("stx_uid", ctypes.c_uint32),
        ("stx_gid", ctypes.c_uint32),
        ("stx_mode", ctypes.c_uint16),
        ("_pad1", ctypes.c_uint16),
        ("stx_ino", ctypes.c_uint64),
        ("stx_size", ctypes.c_uint64),
        ("stx_blocks", ctypes.c_uint64),
        ("stx_attributes_mask", ctypes.c_uint64),
        ("stx_atime", _StatxTimestamp),
        ("stx_btime", _StatxTimestamp),
        ("stx_ctime", _StatxTimestamp),
        ("stx_mtime", _StatxTimestamp),
        ("stx_rdev_major", ctypes.c_uint32),
        ("stx_rdev_minor", ctypes.c_uint32),
        ("stx_dev_major", ctypes.c_uint32),
        ("stx_dev_minor", ctypes.c_uint32),
        ("_spare", ctypes.c_uint64 * 14),
    ]


def _load_statx() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        func = libc.statx
    except (OSError, AttributeError):  # glibc before 2.28, musl without statx
        return None
    # No argtypes: every argument is a small int, bytes or a byref, which ctypes passes as
    # they are; declaring them costs a conversion per call (a third of the call's time).
    func.restype = ctypes.c_int
    return func


_statx = _load_statx()


class MountRootTest:
    """`is_mount_root` for a walk or a clean that asks once per folder.

    It keeps its own statx buffer and calls statx without ctypes' argument conversion
    (1.8 us a folder instead of 5 us here, about one fstat); one instance per thread.
    """

    def __init__(self) -> None:
        self._buf = _Statx()
        self._ref = ctypes.byref(self._buf)
        self._known = _statx is not None  # False once the kernel shows it cannot tell

    def __call__(self, fd: int) -> bool | None:
        """Whether the open folder `fd` is the root of a mount; None when the kernel cannot say."""
        call = _statx
        if not self._known or not callable(call):
            return None
        buf = self._buf
        if call(fd, b"", _AT_EMPTY_PATH | _AT_SYMLINK_NOFOLLOW, _STATX_TYPE, self._ref) != 0:
            return None
        if not buf.stx_attributes_mask & _STATX_ATTR_MOUNT_ROOT:
            self._known = False  # a kernel before 5.8 does not report the attribute
            return None
        return bool(buf.stx_attributes & _STATX_ATTR_MOUNT_ROOT)


def is_mount_root(fd: int) -> bool | None:
    """Whether the open folder `fd` is the root of a mount; None when the kernel cannot say."""
    return MountRootTest()(fd)


__all__ = [
    "Mount",
    "MountRootTest",
    "MountTable",
    "is_mount_root",
    "parse_mountinfo",
    "parse_mounts",
]
