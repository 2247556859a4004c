"""Where a service notice reaches an offline app: its own resources and the machine's folders.

The vendor's last update ships a signed notice in the package's `resources/notices/`; an
administrator or an OS package can put one in a system folder (`system_notice_folders`). Both
are read at every start, verified exactly like a notice the user installs, and the newest is
installed (the replay rules of `NoticeBook.install_document` apply). Unreadable or rejected
files are ignored; the start-up work reports each once (see `notice_news.NoticeMemo`).
"""

from __future__ import annotations

import enum
import hashlib
import json
import ntpath
import os
import posixpath
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from onecleaner.privacy.notice import (
    Notice,
    NoticeBook,
    NoticeProblem,
    NoticeRejected,
    verify_document,
)
from onecleaner.resources import resource

#: The folder of `resources/` that holds the notices shipped with the app.
SHIPPED_FOLDER = "notices"
#: Moves the shipped notices folder elsewhere (tests; never the package itself). A notice found
#: there must still be signed by a trusted key, as everywhere.
SHIPPED_VAR = "ONECLEANER_SHIPPED_NOTICES"
#: The engine's system-root variable (engine/env.py), read here: privacy never imports the
#: engine. Tests set it so the system folders lie in their temporary tree.
SYSTEM_ROOT_VAR = "ONECLEANER_SYSTEM_ROOT"
#: A notice is a few KiB; anything much larger is not one and is not read whole.
MAX_NOTICE_BYTES = 1 << 20

_LINUX_FOLDERS = ("/etc/onecleaner/notices", "/usr/share/onecleaner/notices")
_MACOS_FOLDERS = ("/Library/Application Support/onecleaner/notices",)


class NoticeOrigin(enum.Enum):
    """Where a notice file was found."""

    SHIPPED = "shipped"  # in the app's own resources (its last update)
    SYSTEM = "system"  # in a machine-wide folder (an administrator, an OS package)


@dataclass(frozen=True, slots=True)
class NoticeFolder:
    """A folder searched for notice files (`*.json`)."""

    path: Path
    origin: NoticeOrigin


@dataclass(frozen=True, slots=True)
class FoundNotice:
    """A notice file found in a folder: verified (`notice`) or rejected (`problem`)."""

    path: Path
    origin: NoticeOrigin
    digest: str  # SHA-256 of the content; of the path when it could not be read
    notice: Notice | None = None
    document: Any = None
    problem: NoticeRejected | None = None


def system_notice_folders(
    platform: str | None = None, environ: Mapping[str, str] = os.environ
) -> tuple[str, ...]:
    """The machine-wide notice folders of `platform` (this one's by default), moved under the
    system root if one is set."""
    platform = platform or sys.platform
    root = environ.get(SYSTEM_ROOT_VAR, "")
    if platform == "win32":
        program_data = environ.get("PROGRAMDATA") or "C:\\ProgramData"
        folder = ntpath.join(program_data, "onecleaner", "notices")
        return (_under_windows_root(folder, root),)
    folders = _MACOS_FOLDERS if platform == "darwin" else _LINUX_FOLDERS
    return tuple(_under_posix_root(folder, root) for folder in folders)


def _under_posix_root(folder: str, root: str) -> str:
    if not root.startswith("/") or posixpath.normpath(root) == "/":
        return folder
    return posixpath.join(posixpath.normpath(root), folder.lstrip("/"))


def _under_windows_root(folder: str, root: str) -> str:
    """`C:\\ProgramData\\...` -> `<root>\\C\\ProgramData\\...`, as the engine moves its paths."""
    root = root.replace("/", "\\")
    drive, rest = ntpath.splitdrive(root)
    if not drive or rest.strip("\\") == "":
        return folder  # unset, "/" or "C:\\": the real system
    drive, rest = ntpath.splitdrive(folder)
    return ntpath.join(ntpath.normpath(root), drive.strip("\\").replace(":", ""), rest.lstrip("\\"))


def shipped_notice_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder of notices shipped with the app (`resources/notices/` unless relocated)."""
    relocated = environ.get(SHIPPED_VAR, "")
    return Path(relocated) if relocated else resource(SHIPPED_FOLDER)


def notice_folders(environ: Mapping[str, str] = os.environ) -> tuple[NoticeFolder, ...]:
    """Every folder searched at start: the shipped one, then this OS's system folders."""
    shipped = NoticeFolder(shipped_notice_folder(environ), NoticeOrigin.SHIPPED)
    system = tuple(
        NoticeFolder(Path(p), NoticeOrigin.SYSTEM) for p in system_notice_folders(environ=environ)
    )
    return (shipped, *system)


def _path_digest(kind: str, path: Path) -> str:
    return hashlib.sha256(f"{kind}:{path}".encode("utf-8", "surrogateescape")).hexdigest()


def _unreadable(folder: NoticeFolder, path: Path, digest: str, why: str) -> FoundNotice:
    problem = NoticeRejected(NoticeProblem.UNREADABLE, f"cannot read {path}: {why}")
    return FoundNotice(path, folder.origin, digest, problem=problem)


def read_found_notice(
    path: Path, folder: NoticeFolder, keys: Mapping[str, Ed25519PublicKey]
) -> FoundNotice:
    """Read and verify one notice file of a folder; never raises."""
    try:
        size = path.stat().st_size
        if size > MAX_NOTICE_BYTES:
            digest = _path_digest(f"large:{size}", path)
            return _unreadable(folder, path, digest, f"{size} bytes is too large for a notice")
        raw = path.read_bytes()
    except OSError as exc:
        return _unreadable(folder, path, _path_digest("unreadable", path), exc.strerror or str(exc))
    digest = hashlib.sha256(raw).hexdigest()
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return _unreadable(folder, path, digest, f"not a JSON file ({exc})")
    try:
        notice = verify_document(document, keys)
    except NoticeRejected as exc:
        return FoundNotice(path, folder.origin, digest, document=document, problem=exc)
    return FoundNotice(path, folder.origin, digest, notice=notice, document=document)


def find_notices(
    folders: tuple[NoticeFolder, ...], keys: Mapping[str, Ed25519PublicKey]
) -> list[FoundNotice]:
    """Every `*.json` file of the folders that exist, read and verified, in a stable order."""
    found: list[FoundNotice] = []
    for folder in folders:
        try:
            if not folder.path.is_dir():
                continue
            names = sorted(entry.name for entry in os.scandir(folder.path))
        except OSError as exc:
            digest = _path_digest("unlistable", folder.path)
            found.append(_unreadable(folder, folder.path, digest, exc.strerror or str(exc)))
            continue
        for name in names:
            path = folder.path / name
            if name.lower().endswith(".json") and not name.startswith(".") and path.is_file():
                found.append(read_found_notice(path, folder, keys))
    return found


def newest(found: list[FoundNotice]) -> FoundNotice | None:
    """The verified notice with the highest `seq` (the first found among equals)."""
    verified = [f for f in found if f.notice is not None]
    return max(verified, key=lambda f: f.notice.seq if f.notice else -1, default=None)


def install_newest(book: NoticeBook, found: list[FoundNotice]) -> FoundNotice | None:
    """Install the newest verified notice found if it is newer than the installed one.

    Returns what was installed, None when nothing newer was found. An older notice found
    beside a newer installed one is the normal case after an update, not an error.
    """
    best = newest(found)
    if best is None or best.notice is None:
        return None
    last = book.last_seq()
    if last is not None and best.notice.seq <= last:
        return None
    try:
        book.install_document(best.document)
    except NoticeRejected:  # another start or an install got a newer one in first
        return None
    return best
