"""Where the finders may look for things to remove, and where they must not go.

The cleaner's guard, with one difference: the user's own folders (home, Documents, Desktop,
Downloads...) hold exactly the user files the large and old finders are for, so the finders may
search them and list files inside them; the folders themselves are never a candidate, and every
other never-touch place (system folders, the data folder, fragile caches, the user's own
never-touch list) still refuses a search and stops a walk. Version-control metadata folders and
the trash are never searched.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from onecleaner.engine.env import Environment
from onecleaner.engine.guard import Guard, Protected
from onecleaner.engine.paths import is_within
from onecleaner.engine.reasons import Place, Reason, SkipCode
from onecleaner.engine.recheck import trash_folders
from onecleaner.engine.roots import CatalogView, Prober, running_blocks

#: Version-control metadata folders: never searched, never part of anything removed.
VCS_NAMES = frozenset((".git", ".hg", ".svn", ".bzr", "_darcs"))

_USER_PLACES = frozenset((Place.HOME.value, Place.USER_FOLDER.value))


def in_vcs(path: str, sep: str = os.sep) -> bool:
    """Whether a path has a version-control metadata folder among its components."""
    return any(part in VCS_NAMES for part in path.split(sep))


@dataclass(frozen=True)
class FinderPlaces:
    """The guard as the finders apply it, and the user's Downloads and Desktop folders."""

    guard: Guard
    protected: tuple[Protected, ...]  # the guard's places without the user's own folders
    stops: Mapping[str, Reason | None]  # path -> why a finder's walk does not enter it
    downloads: tuple[str, ...]  # existing Downloads folders (as configured, then the default)
    desktop: tuple[str, ...]
    user_folders: frozenset[str]  # the home and the user's own folders, written and resolved

    @classmethod
    def for_env(
        cls,
        env: Environment,
        *,
        data_dir: Path | None = None,
        never_touch: Sequence[str] = (),
        catalog: CatalogView | None = None,
        probe: Prober | None = None,
    ) -> FinderPlaces:
        """The places of `env`; with a catalog and a probe, running applications' places too."""
        guard = Guard.for_env(env, data_dir, never_touch)
        protected = tuple(p for p in guard.protected if p.place is not Place.USER_FOLDER) + tuple(
            _never_touch(never_touch, env)
        )
        stops: dict[str, Reason | None] = {}
        for p in protected:
            stops.setdefault(p.path, p.reason() if p.report else None)
        if catalog is not None and probe is not None:
            for path, reason in running_blocks(catalog, env, probe).items():
                stops.setdefault(path, reason)
        for trash in trash_folders(env):
            stops.setdefault(os.path.realpath(trash), None)  # the trash is system.trash's
        homes = {guard.home, os.path.realpath(guard.home)}
        mine = {p.path for p in guard.protected if p.place is Place.USER_FOLDER}
        return cls(
            guard,
            protected,
            stops,
            _user_folder(guard, "Downloads"),
            _user_folder(guard, "Desktop"),
            frozenset(homes | mine),
        )

    def refusal(self, resolved: str) -> Reason | None:
        """Why a resolved folder may not be searched for things to remove; None if it may.

        The guard's refusal, except that the home folder and the user's own folders (and what
        is inside them) may be searched, unless another never-touch place covers them.
        """
        reason = self.guard.refusal(resolved)
        if reason is None:
            return None
        user_place = reason.param("place") in _USER_PLACES and reason.code in (
            SkipCode.REFUSED_IS,
            SkipCode.REFUSED_INTO,
        )
        if not user_place:
            return reason
        for p in self.protected:
            if is_within(resolved, p.path, self.guard.os) and not any(
                is_within(resolved, ex, self.guard.os) for ex in p.exceptions
            ):
                return p.reason(SkipCode.REFUSED_INTO)
        return None

    def is_user_folder(self, path: str) -> bool:
        """Whether `path` is the home folder or one of the user's own folders itself."""
        return path in self.user_folders


def _never_touch(items: Sequence[str], env: Environment) -> list[Protected]:
    """The user's never-touch list as places, also where one is a user folder itself (the
    guard keeps one record per path, and for the finders the user folder's does not stop)."""
    out = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        if item == "~" or item.startswith(("~/", "~" + os.sep)):
            item = os.path.join(env.home, item[2:])
        path = os.path.normpath(item)
        for variant in dict.fromkeys((path, os.path.realpath(path))):
            out.append(Protected(variant, Place.NEVER_TOUCH, report=False))
    return out


def _user_folder(guard: Guard, word: str) -> tuple[str, ...]:
    """The existing folders the guard knows for a user-folder word, resolved, each once."""
    found: list[str] = []
    for p in guard.protected:
        if p.place is Place.USER_FOLDER and p.folder == word:
            real = os.path.realpath(p.path)
            if real not in found and os.path.isdir(real):
                found.append(real)
    return tuple(found)


__all__ = ["VCS_NAMES", "FinderPlaces", "in_vcs"]
