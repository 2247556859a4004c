"""The finders' typed errors (the faces turn them into messages)."""

from __future__ import annotations

from onecleaner.engine.errors import EngineError


class FinderError(EngineError):
    """A folder the finders cannot work on; the message is written for a person."""


class NotAFolder(FinderError):
    """The path given does not exist or is not a folder."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path} is not a folder (it does not exist, or it is a file)")


class FolderRefused(FinderError):
    """A folder the finders may not search for things to remove (with the guard's reason)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        super().__init__(f"{path} cannot be searched for things to remove: {reason}")
