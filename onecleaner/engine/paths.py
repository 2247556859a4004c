"""Paths as each OS compares them (pure: the rules of every OS are tested anywhere)."""

from __future__ import annotations

import ntpath
import os
import posixpath
import unicodedata
from collections.abc import Callable
from types import ModuleType

from onecleaner.engine.model import OS


def path_module(os_: OS) -> ModuleType:
    """The path functions of an OS (ntpath for Windows), so rules of any OS test anywhere."""
    return ntpath if os_ is OS.WINDOWS else posixpath


def _fold_macos(path: str) -> str:
    # Unicode's canonical caseless match: "Café" typed (NFC) is the "Café" on disk (NFD).
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", path).casefold())


def folding(os_: OS) -> Callable[[str], str] | None:
    """How the OS compares names and paths; None where they compare as they are (Linux).

    Windows ignores case; macOS (APFS, HFS+) ignores case and Unicode normalisation (NFC and
    NFD spellings of one name are one file).
    """
    if os_ is OS.WINDOWS:
        return ntpath.normcase
    if os_ is OS.MACOS:
        return _fold_macos
    return None


def fold_path(path: str, os_: OS) -> str:
    """A path as the OS compares it (see `folding`)."""
    fold = folding(os_)
    return path if fold is None else fold(path)


def is_within(path: str, parent: str, os_: OS) -> bool:
    """Whether normalized absolute `path` is `parent` or lies below it."""
    p, q = fold_path(path, os_), fold_path(parent, os_)
    if p == q:
        return True
    sep = "\\" if os_ is OS.WINDOWS else "/"
    prefix = q if q.endswith(sep) else q + sep
    return p.startswith(prefix)


def display_path(path: str, home: str, os_: OS) -> str:
    """A path as messages show it: `~/.ssh` for a folder of the home, else the path itself."""
    if not is_within(path, home, os_) or fold_path(path, os_) == fold_path(home, os_):
        return path
    sep = "\\" if os_ is OS.WINDOWS else "/"
    return "~" + sep + path[len(home) :].lstrip(sep)


def variants(path: str, os_: OS) -> list[str]:
    """A place by its written and its resolved path (a symlinked Documents is both)."""
    paths = path_module(os_)
    out = [paths.normpath(path)]
    if path_module(os_) is os.path:
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):
            real = out[0]
        if real not in out:
            out.append(real)
    return out


__all__ = ["display_path", "fold_path", "folding", "is_within", "path_module", "variants"]
