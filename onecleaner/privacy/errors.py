"""Typed privacy errors; each message is written for a person, the faces show it as is."""

from __future__ import annotations

import enum
from pathlib import Path

TAMPER_KINDS = ("changed", "missing", "reordered", "cut off")


class PrivacyError(Exception):
    """Base of the privacy errors: the message says what happened and what the app does next."""


class CorruptFile(PrivacyError):
    """A data file could not be used; it was moved aside (``aside``) and defaults apply."""

    def __init__(self, path: Path, aside: Path, reason: str) -> None:
        self.path = path
        self.aside = aside
        self.reason = reason
        super().__init__(
            f"{path.name} could not be read ({reason}); it was kept aside as {aside.name} "
            "for inspection and safe defaults are used instead."
        )


class KeyUnavailable(PrivacyError):
    """A key that is lost, destroyed, or cannot unwrap what it should (wrong master key).

    ``lost`` is False when the key may come back (a locked keychain): nothing is replaced then.
    """

    def __init__(self, message: str, *, lost: bool = True) -> None:
        self.lost = lost
        super().__init__(message)


class JournalTampered(PrivacyError):
    """The journal failed verification: ``seq`` names the first bad record, ``kind`` says why."""

    def __init__(self, message: str, *, seq: int | None, kind: str) -> None:
        if kind not in TAMPER_KINDS:
            raise ValueError(f"unknown tamper kind {kind!r}")
        self.seq = seq
        self.kind = kind
        super().__init__(message)


class ExportFailed(PrivacyError):
    """A file the user asked for could not be written; the message names the path and why."""


class CollectionStopped(PrivacyError):
    """The service has ended (signed notice): nothing new is collected or registered."""


class DecryptError(PrivacyError):
    """Sealed data that does not open: wrong key, or the bytes were changed."""


class DataFolderProblem(enum.Enum):
    """Why the data folder could not take a write."""

    FULL = "full"  # no space left (or over quota)
    READ_ONLY = "read-only"
    NOT_A_FOLDER = "not-a-folder"
    NO_PERMISSION = "no-permission"
    BUSY = "busy"  # another process held its lock too long
    OTHER = "other"


class DataFolderError(PrivacyError):
    """The data folder cannot hold a write; nothing was changed (the old files stay).

    ``folder`` is the data folder (or the sub-folder) concerned; ``needed`` is the space a
    full disk lacked, in bytes.
    """

    def __init__(
        self,
        folder: Path,
        problem: DataFolderProblem,
        message: str,
        *,
        needed: int | None = None,
    ) -> None:
        self.folder = folder
        self.problem = problem
        self.needed = needed
        super().__init__(message)
