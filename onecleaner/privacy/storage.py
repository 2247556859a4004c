"""The privacy data folder on disk: 0700 folders, 0600 files, atomic writes, versioned JSON."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from onecleaner.privacy.errors import CorruptFile, ExportFailed, PrivacyError

SCHEMA_VERSION = 1
DIR_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def ensure_data_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only, tightening a looser mode."""
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe.parent != probe:
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
    return path


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX only; Windows has no directory fsync)."""
    if not _POSIX:
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` in the data folder with ``data`` so a crash leaves the old or the new
    file, never a mix.

    The bytes go to a 0600 temporary file in the same folder, are flushed to disk, then the
    file is renamed over ``path`` and the folder entry is flushed too. A missing folder is
    made private (0700): this is for the app's own data folder only. Files written to places
    the user chose go through `write_private_file`, which never makes or changes a folder.
    """
    directory = path.parent
    if not directory.exists():
        ensure_data_dir(directory)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if _POSIX:
            tmp.chmod(FILE_MODE)  # mkstemp already uses 0600; this keeps it explicit
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, a place the user chose, readable by them only (0600).

    Atomic like `atomic_write_bytes`, but the folder (it may be their Documents folder) must
    already exist and its mode is never changed; ExportFailed says what went wrong.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailed(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise ExportFailed(f"cannot write {path}: it is a folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if _POSIX:
            os.chmod(tmp_name, FILE_MODE)  # mkstemp's mode already; kept explicit
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from None


def write_json(
    path: Path, obj: Mapping[str, Any], *, kind: str, schema: int = SCHEMA_VERSION
) -> None:
    """Write ``obj`` atomically as JSON tagged with its ``kind`` and the schema version.

    For the data folder only (see `atomic_write_bytes`).
    """
    doc: dict[str, Any] = {"schema": schema, "kind": kind}
    doc.update((k, v) for k, v in obj.items() if k not in ("schema", "kind"))
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def set_aside(path: Path) -> Path:
    """Rename a bad file to ``<name>.corrupt-<UTC timestamp>`` (kept for inspection)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, aside)
    return aside


def read_json(path: Path, *, kind: str, schema: int = SCHEMA_VERSION) -> dict[str, Any] | None:
    """The JSON document at ``path`` (with its ``schema`` and ``kind`` keys), None if absent.

    A file that is not valid JSON, holds another kind of document, or comes from a newer
    schema is set aside and CorruptFile is raised: the caller falls back to safe defaults.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PrivacyError(f"{path.name} could not be read: {exc.strerror or exc}") from exc
    reason = _problem(raw, kind=kind, schema=schema)
    if reason is not None:
        raise CorruptFile(path, set_aside(path), reason)
    doc: dict[str, Any] = json.loads(raw.decode("utf-8"))
    return doc


def _problem(raw: bytes, *, kind: str, schema: int) -> str | None:
    """Why ``raw`` is not a usable document of ``kind``, or None if it is."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return "not valid JSON"
    if not isinstance(doc, dict):
        return "not a JSON object"
    found_kind = doc.get("kind")
    if found_kind != kind:
        return f"expected a {kind!r} file, found {found_kind!r}"
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return "no valid schema version"
    if version > schema:
        return f"written by a newer version of the app (schema {version}, this one reads {schema})"
    return None


@contextlib.contextmanager
def locked(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``lock_path`` (so the CLI and the app take turns)."""
    ensure_data_dir(lock_path.parent)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    handle: IO[bytes] = os.fdopen(fd, "r+b")
    try:
        _lock(handle)
        yield
    finally:
        handle.close()  # closing releases the lock on every platform


def _lock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        # LK_LOCK retries for about ten seconds, then raises: good enough for a short write.
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
