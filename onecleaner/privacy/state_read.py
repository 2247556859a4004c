"""Reading the data folder's state files without trusting them.

A state file that is not a plain file (a folder, a FIFO, a link, a device), is too large,
is writable by other users, or holds JSON that is invalid, nested too deep, of another
kind, newer, or of the wrong shape, is set aside as ``<name>.corrupt-<UTC time>`` and
CorruptFile says why: the caller goes on with safe defaults. Files are opened without
following links and without blocking, so a FIFO in a file's place never hangs a command.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy.errors import CorruptFile, PrivacyError

SCHEMA_VERSION = 1
#: A state file larger than this is not ours (the consent history of years is a few KiB).
MAX_STATE_BYTES = 4 * 1024 * 1024
#: Nesting deeper than this is not ours either; it is refused before the parser recurses.
MAX_JSON_DEPTH = 64
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")

#: A check of a document's shape: why it is not usable, or None.
ShapeCheck = Callable[[dict[str, Any]], str | None]


def set_aside(path: Path) -> Path:
    """Rename a bad file to ``<name>.corrupt-<UTC timestamp>`` (kept for inspection)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists() or aside.is_symlink():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, aside)
    return aside


def _refuse(path: Path, reason: str) -> CorruptFile:
    """Set ``path`` aside and say why; a PrivacyError if even that is impossible."""
    try:
        aside = set_aside(path)
    except OSError as exc:
        raise PrivacyError(
            f"{path.name} cannot be used ({reason}) and could not be moved aside: "
            f"{exc.strerror or exc}. Move it away by hand."
        ) from None
    return CorruptFile(path, aside, reason)


def _type_problem(st: os.stat_result) -> str | None:
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link stands in its place"
    if stat.S_ISDIR(mode):
        return "a folder stands in its place"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe) stands in its place"
    return "a special file stands in its place"


def _owner_problem(st: os.stat_result) -> str | None:
    """Whether someone else could have written the file (POSIX permission bits)."""
    if sys.platform == "win32":
        return None
    if st.st_mode & 0o022:
        return f"other users may write it (mode {stat.S_IMODE(st.st_mode):o})"
    euid = os.geteuid()
    if euid != 0 and st.st_uid not in (euid, 0):
        return "it belongs to another user"
    return None


def read_state_bytes(path: Path, *, max_bytes: int = MAX_STATE_BYTES) -> bytes | None:
    """The bytes of the state file ``path``, None if there is none.

    CorruptFile (after setting it aside) when it is not a usable file; a file others may
    read is made private (0600) on the way.
    """
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise PrivacyError(f"{path.name} could not be read: {exc.strerror or exc}") from exc
    reason = _type_problem(st) or _owner_problem(st)
    if reason is not None:
        raise _refuse(path, reason)
    flags = (
        os.O_RDONLY
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
    )
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise _refuse(path, "it cannot be read (permission denied)") from None
        if exc.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise _refuse(path, "it is not a plain file") from None
        raise PrivacyError(f"{path.name} could not be read: {exc.strerror or exc}") from exc
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (st.st_dev, st.st_ino):
            reason = "it was replaced while being read"
        else:
            reason = _type_problem(opened)
        if reason is None and opened.st_size > max_bytes:
            reason = f"it is too large ({opened.st_size} bytes, at most {max_bytes} expected)"
        if reason is None:
            if sys.platform != "win32" and stat.S_IMODE(opened.st_mode) & 0o077:
                os.fchmod(fd, 0o600)  # an older version's or a restored file: make it private
            data = _read_at_most(fd, max_bytes)
            if data is not None:
                return data
            reason = f"it is too large (more than {max_bytes} bytes)"
    except OSError as exc:
        raise PrivacyError(f"{path.name} could not be read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    raise _refuse(path, reason)


def _read_at_most(fd: int, limit: int) -> bytes | None:
    """Everything ``fd`` holds, None if that is more than ``limit`` bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None


def too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text ``raw`` nests arrays/objects deeper than ``limit``.

    Checked before parsing: the parser recurses once per level and would raise
    RecursionError on a file of a few kilobytes of brackets.
    """
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub(b"", raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _parse(
    raw: bytes, *, kind: str, schema: int, check: ShapeCheck | None
) -> tuple[dict[str, Any] | None, str | None]:
    """The document in ``raw`` and None, or None and why it is not usable."""
    if too_deep(raw):
        return None, f"nested more than {MAX_JSON_DEPTH} levels deep"
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "not valid JSON"
    if not isinstance(doc, dict):
        return None, "not a JSON object"
    found_kind = doc.get("kind")
    if found_kind != kind:
        return None, f"expected a {kind!r} file, found {found_kind!r}"
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return None, "no valid schema version"
    if version > schema:
        return None, (
            f"written by a newer version of the app (schema {version}, this one reads {schema})"
        )
    if check is not None:
        shape = check(doc)
        if shape is not None:
            return None, shape
    return doc, None


def read_json(
    path: Path,
    *,
    kind: str,
    schema: int = SCHEMA_VERSION,
    check: ShapeCheck | None = None,
    max_bytes: int = MAX_STATE_BYTES,
) -> dict[str, Any] | None:
    """The JSON document at ``path`` (with its ``schema`` and ``kind`` keys), None if absent.

    A file that is unusable (see `read_state_bytes`), not valid JSON, nested too deep, of
    another kind, from a newer schema, or that ``check`` finds of the wrong shape, is set
    aside and CorruptFile is raised: the caller falls back to safe defaults.
    """
    raw = read_state_bytes(path, max_bytes=max_bytes)
    if raw is None:
        return None
    doc, reason = _parse(raw, kind=kind, schema=schema, check=check)
    if reason is not None:
        raise _refuse(path, reason)
    assert doc is not None
    return doc
