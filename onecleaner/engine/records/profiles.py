"""Finding a record target's profiles and databases on disk.

A record target's roots are profile folders (`~/.config/chromium/Default`, `Profile *`: the
same globs as the cache targets) or, for Firefox, folders holding a `profiles.ini` that names
the profiles, relative to it or anywhere (`IsRelative=0`). Every profile is resolved and asked
of the guard; the guard's refusal of browser profiles as *roots to walk* does not apply here
(a record target edits rows of named databases there, never walks the folder), every other
never-touch place does.
"""

from __future__ import annotations

import configparser
import os
import stat
from dataclasses import dataclass

from onecleaner.engine.env import Environment
from onecleaner.engine.expand import expand_roots
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS, ProfileLayout, Skip, Target
from onecleaner.engine.paths import path_module
from onecleaner.engine.reasons import Place, Reason, SkipCode
from onecleaner.engine.roots import glob_on_disk

_NOT_PLAIN = Reason.of(SkipCode.NOT_PLAIN_FILE)


@dataclass(frozen=True, slots=True)
class Database:
    """A database file of a record target: the profile folder it lies in and its path."""

    profile: str
    path: str
    relative: str  # as the catalog names it ("Network/Cookies")


def ini_profiles(folder: str, os_: OS) -> list[str]:
    """The profile folders a `profiles.ini` in `folder` names (absolute, not yet resolved)."""
    try:
        with open(os.path.join(folder, "profiles.ini"), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return []
    return parse_profiles_ini(text, folder, os_)


def parse_profiles_ini(text: str, folder: str, os_: OS) -> list[str]:
    """The profile folders a `profiles.ini` text names, for the folder that holds it.

    `Path` is relative to that folder unless `IsRelative=0`; Firefox writes `/` even on
    Windows. `[Install...]` sections repeat a profile's path and are passed over.
    """
    paths = path_module(os_)
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    found: list[str] = []
    for section in parser.sections():
        if not section.startswith("Profile"):
            continue
        written = parser.get(section, "Path", fallback="").strip()
        if not written:
            continue
        relative = parser.get(section, "IsRelative", fallback="1").strip() != "0"
        if os_ is OS.WINDOWS:
            written = written.replace("/", "\\")
        path = paths.normpath(paths.join(folder, written) if relative else written)
        if paths.isabs(path) and path not in found:
            found.append(path)
    return found


def refusal(guard: Guard, resolved: str) -> Reason | None:
    """The guard's refusal of a profile folder, except that it holds personal data."""
    reason = guard.refusal(resolved)
    if reason is not None and reason.param("place") == Place.PRIVATE.value:
        return None
    return reason


def profile_folders(target: Target, env: Environment, guard: Guard) -> tuple[list[str], list[Skip]]:
    """The resolved profile folders of a record target, and a skip for each refused one."""
    spec = target.records
    assert spec is not None
    folders: list[str] = []
    refused: list[Skip] = []
    for rule in target.rules.get(env.os, ()):
        for pattern in expand_roots(rule.root, env):
            for found in glob_on_disk(pattern, env.os):
                if spec.profiles is ProfileLayout.PROFILES_INI:
                    candidates = ini_profiles(found, env.os)
                else:
                    candidates = [found]
                for path in candidates:
                    resolved = os.path.realpath(path)
                    if resolved in folders or not os.path.isdir(resolved):
                        continue
                    why = refusal(guard, resolved)
                    if why is not None:
                        refused.append(Skip(os.path.normpath(path), why, target.id))
                        continue
                    folders.append(resolved)
    return folders, refused


def databases(target: Target, folder: str) -> tuple[list[Database], list[Skip]]:
    """The target's databases present in one profile folder; a link or a device is a skip."""
    spec = target.records
    assert spec is not None
    found: list[Database] = []
    skips: list[Skip] = []
    for relative in spec.databases:
        path = os.path.join(folder, *relative.split("/"))
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            skips.append(Skip(path, _NOT_PLAIN, target.id))
            continue
        if os.path.normcase(os.path.realpath(path)) != os.path.normcase(path):  # a link on the way
            skips.append(Skip(path, _NOT_PLAIN, target.id))
            continue
        found.append(Database(folder, path, relative))
    return found, skips


def find_databases(
    target: Target, env: Environment, guard: Guard
) -> tuple[list[str], list[Database], list[Skip]]:
    """(profile folders, their databases, skips) of a record target on this machine."""
    folders, skips = profile_folders(target, env, guard)
    found: list[Database] = []
    for folder in folders:
        dbs, more = databases(target, folder)
        found.extend(dbs)
        skips.extend(more)
    return folders, found, skips


__all__ = [
    "Database",
    "databases",
    "find_databases",
    "ini_profiles",
    "parse_profiles_ini",
    "profile_folders",
    "refusal",
]
