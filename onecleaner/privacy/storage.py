"""The privacy data folder on disk: 0700 folders, 0600 files, atomic writes, temp-file cleanup.

Every file is opened with ``os.open`` in binary mode (``O_BINARY`` where the platform has
it: without it Windows translates line ends), and only handles opened for writing are
flushed with ``fsync`` (Windows refuses it on a read-only handle; folders are flushed on
POSIX only). Reading state files safely is `state_read`'s job (re-exported here).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from onecleaner.privacy.errors import DataFolderError, DataFolderProblem, ExportFailed
from onecleaner.privacy.state_read import (
    MAX_JSON_DEPTH,
    MAX_STATE_BYTES,
    read_json,
    read_state_bytes,
    set_aside,
)
from onecleaner.units import human_size

SCHEMA_VERSION = 1
DIR_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"
#: Temporary files: ``.<name>.<pid>.<random>.tmp`` (the pid tells a crashed writer's).
_TEMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp")
#: Temporary files of older versions (mkstemp's names): removed once they are a minute old.
_OLD_TEMP = re.compile(r"\..+\.[A-Za-z0-9_]{6,8}\.tmp")
_OLD_TEMP_AGE = 60.0
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def binary() -> int:
    """``O_BINARY`` where the platform has it (Windows), else 0; read at each call."""
    return getattr(os, "O_BINARY", 0)


def ensure_data_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only, tightening a looser mode.

    DataFolderError when something that is not a folder stands in the way.
    """
    missing: list[Path] = []
    probe = path
    try:
        while not probe.is_dir() and probe.parent != probe:
            # Checked again: another process may have made the folder since the test above.
            if (probe.exists() or probe.is_symlink()) and not probe.is_dir():
                raise DataFolderError(
                    path,
                    DataFolderProblem.NOT_A_FOLDER,
                    f"the data folder {path} cannot be used: {probe} is a file, not a folder",
                )
            missing.append(probe)
            probe = probe.parent
        # mkdir(parents=True) would give the parents the umask's mode: create each level here.
        for folder in reversed(missing):
            folder.mkdir(mode=DIR_MODE, exist_ok=True)
            if _POSIX:
                folder.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask
        if _POSIX:
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                # A folder created by an older version or by hand: others must not list it.
                path.chmod(DIR_MODE)
    except OSError as exc:
        raise folder_error(path, exc) from exc
    return path


def folder_error(folder: Path, exc: OSError, *, needed: int | None = None) -> DataFolderError:
    """A sentence for an OSError met while writing in ``folder`` (no errno numbers)."""
    if exc.errno in _FULL:
        want = max(needed or 0, 1)
        with contextlib.suppress(OSError):
            usage = shutil.disk_usage(folder)
            block = 4096
            if sys.platform != "win32":
                block = os.statvfs(folder).f_frsize
            want = -(-want // block) * block  # whole blocks are what the disk hands out
            return DataFolderError(
                folder,
                DataFolderProblem.FULL,
                f"the disk holding the data folder {folder} is full: saving needs about "
                f"{human_size(want)} free and {human_size(usage.free)} is free. Free some "
                "space there and try again; nothing was changed.",
                needed=want,
            )
        return DataFolderError(
            folder,
            DataFolderProblem.FULL,
            f"the disk holding the data folder {folder} is full: saving needs about "
            f"{human_size(want)} free. Free some space there and try again; nothing was changed.",
            needed=want,
        )
    if exc.errno == errno.EROFS:
        problem, why = DataFolderProblem.READ_ONLY, "it is on a read-only disk"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        problem, why = DataFolderProblem.NO_PERMISSION, "you are not allowed to write there"
    elif exc.errno in (errno.ENOTDIR, errno.EEXIST):
        problem, why = DataFolderProblem.NOT_A_FOLDER, "a file stands where a folder should be"
    else:
        problem, why = DataFolderProblem.OTHER, (exc.strerror or str(exc)).lower()
    return DataFolderError(
        folder, problem, f"the data folder {folder} cannot be written: {why}; nothing was changed"
    )


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX only; Windows has no directory fsync)."""
    if not _POSIX:
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    """A fresh temporary name beside ``path`` that names this process."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (os.write may write fewer)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_temp(path: Path, data: bytes) -> Path:
    """A new 0600 file beside ``path`` holding ``data``, flushed to disk; removed on failure."""
    tmp = temp_name(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | binary() | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, FILE_MODE)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if _POSIX:
            os.chmod(tmp, FILE_MODE)  # the umask may have filtered O_CREAT's mode
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` in the data folder with ``data`` so a crash leaves the old or the new
    file, never a mix.

    The bytes go to a 0600 temporary file in the same folder, are flushed to disk, then the
    file is renamed over ``path`` and the folder entry is flushed too. A missing folder is
    made private (0700): this is for the app's own data folder only. Files written to places
    the user chose go through `write_private_file`, which never makes or changes a folder.
    A full disk or an unwritable folder is a DataFolderError; the old file is untouched.
    """
    directory = path.parent
    if not directory.is_dir():
        ensure_data_dir(directory)
    try:
        tmp = _write_temp(path, data)
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(directory)
    except OSError as exc:
        raise folder_error(directory, exc, needed=len(data)) from exc


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, a place the user chose, readable by them only (0600).

    Atomic like `atomic_write_bytes`, but the folder (it may be their Documents folder) must
    already exist and its mode is never changed; ExportFailed says what went wrong. The
    temporary file never outlives the call, whatever interrupts it.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailed(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise ExportFailed(f"cannot write {path}: it is a folder")
    try:
        tmp = _write_temp(path, data)
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        if exc.errno in _FULL:
            raise ExportFailed(
                f"cannot write {path}: the disk is full ({human_size(len(data))} needed)"
            ) from None
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from None


def json_bytes(obj: Mapping[str, Any], *, kind: str, schema: int = SCHEMA_VERSION) -> bytes:
    """``obj`` as the JSON text of a state file tagged with its ``kind`` and schema version."""
    doc: dict[str, Any] = {"schema": schema, "kind": kind}
    doc.update((k, v) for k, v in obj.items() if k not in ("schema", "kind"))
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_json(
    path: Path, obj: Mapping[str, Any], *, kind: str, schema: int = SCHEMA_VERSION
) -> None:
    """Write ``obj`` atomically as JSON tagged with its ``kind`` and the schema version.

    For the data folder only (see `atomic_write_bytes`).
    """
    atomic_write_bytes(path, json_bytes(obj, kind=kind, schema=schema))


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete the temporary files a crashed write left in ``folder``; the ones removed.

    A temporary file names the process that writes it: one whose process is gone is left
    over from a crash. Files of running processes (another command writing now) stay.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        path = folder / name
        match = _TEMP.fullmatch(name)
        if match is not None:
            pid = int(match.group("pid"))
            if pid == os.getpid() or _process_alive(pid):
                continue
        elif _OLD_TEMP.fullmatch(name) is not None:
            with contextlib.suppress(OSError):
                if time.time() - os.lstat(path).st_mtime < _OLD_TEMP_AGE:
                    continue
        else:
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.unlink(path)
                removed.append(path)
    return removed


def _process_alive(pid: int) -> bool:
    import psutil  # already a dependency; it answers the same way on every OS

    try:
        return bool(psutil.pid_exists(pid))
    except Exception:  # when in doubt, the file stays
        return True


__all__ = [
    "DIR_MODE",
    "FILE_MODE",
    "MAX_JSON_DEPTH",
    "MAX_STATE_BYTES",
    "SCHEMA_VERSION",
    "atomic_write_bytes",
    "binary",
    "ensure_data_dir",
    "folder_error",
    "json_bytes",
    "read_json",
    "read_state_bytes",
    "remove_stale_temps",
    "set_aside",
    "write_json",
    "write_private_file",
]
