"""Helpers for the finders' tests: real mounts (root only), `du`, and running as another user."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")
NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def du_bytes(path: Path, *extra: str) -> int:
    """`du -sB1 --one-file-system PATH`: allocated bytes, hard links once (GNU du)."""
    proc = subprocess.run(
        ["du", "-sB1", "--one-file-system", *extra, str(path)],
        capture_output=True,
        text=True,
    )
    # du exits 1 after reporting an unreadable folder; its total is still printed.
    assert proc.stdout, proc.stderr
    return int(proc.stdout.split()[0])


def du_folders(path: Path) -> dict[str, int]:
    """`du -B1 --one-file-system PATH`: every folder's allocated bytes, by path."""
    proc = subprocess.run(
        ["du", "-B1", "--one-file-system", str(path)], capture_output=True, text=True
    )
    out = {}
    for line in proc.stdout.splitlines():
        size, _, where = line.partition("\t")
        out[where] = int(size)
    return out


def need_root() -> None:
    if not IS_ROOT:
        pytest.skip("mounting needs root")


@contextmanager
def bind_mount(source: Path, point: Path) -> Iterator[Path]:
    """`source` bind-mounted at `point` (same device number as its parent), unmounted after."""
    need_root()
    point.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "--bind", str(source), str(point)], check=True)
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@contextmanager
def tmpfs_mount(point: Path) -> Iterator[Path]:
    """A small tmpfs mounted at `point` (another device), unmounted after."""
    need_root()
    point.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], check=True)
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A temporary folder another user can reach (pytest's own is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="onecleaner-test-", dir="/tmp"))
    try:
        base.chmod(0o755)
        if IS_ROOT:
            os.chown(base, NOBODY, NOBODY)
        yield base
    finally:
        for dirpath, dirnames, _ in os.walk(base):
            for name in dirnames:  # give back what a test made unreadable
                os.chmod(os.path.join(dirpath, name), 0o755)
        shutil.rmtree(base, ignore_errors=True)


def chown_tree(root: Path) -> None:
    """Give a tree to nobody (when root), so that a run as nobody owns its files."""
    if not IS_ROOT:
        return
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), NOBODY, NOBODY, follow_symlinks=False)
    os.chown(root, NOBODY, NOBODY)


def as_unprivileged(call: Callable[[], T]) -> T:
    """`call()` as a user that permissions apply to: nobody in a forked child when we are
    root (root reads any folder), this process otherwise. Its result comes back pickled."""
    if not IS_ROOT:
        return call()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, run, send the result, never return to pytest
        code = 0
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            payload = pickle.dumps((True, call()))
        except BaseException:
            payload = pickle.dumps((False, traceback.format_exc()))
            code = 1
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        sys.stdout.flush()
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as inp:
        data = inp.read()
    os.waitpid(pid, 0)
    ok, value = pickle.loads(data)
    if not ok:
        raise AssertionError(f"the unprivileged run failed:\n{value}")
    return value  # type: ignore[no-any-return]
