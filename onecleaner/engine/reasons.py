"""Why the engine left something alone: a code with parameters, rendered to words at the faces.

The engine never writes sentences for its skips: it records a `Reason` (a `SkipCode` and its
parameters), and each face renders it in the user's language. `str(reason)` is the English text
the CLI prints and the JSON keeps as `reason` (beside `code`); the GUI has its own translated
table keyed by the same codes. No code anywhere matches English sentences.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


class Place(enum.Enum):
    """A kind of never-touch place, named in refusals and protected skips."""

    FILESYSTEM_TOP = "filesystem_top"
    DRIVE_TOP = "drive_top"
    HOME = "home"
    USER_FOLDER = "user_folder"  # with `folder`: Documents, Desktop...
    SYSTEM = "system_folder"
    DATA_DIR = "data_folder"
    FRAGILE = "fragile_cache"
    NEVER_TOUCH = "never_touch_list"
    PRIVATE = "private_data"  # keys, configuration or user data (with `folder`)
    PROFILE = "browser_profile"  # a browser's or mail program's profile (with `folder`)


PLACE_TEXT: Mapping[Place, str] = {
    Place.FILESYSTEM_TOP: "the top of a filesystem",
    Place.DRIVE_TOP: "the top of a drive",
    Place.HOME: "your home folder",
    Place.USER_FOLDER: "your {folder} folder",
    Place.SYSTEM: "a system folder",
    Place.DATA_DIR: "ONE Cleaner's own data folder",
    Place.FRAGILE: "a fragile cache that must not be emptied",
    Place.NEVER_TOUCH: "your never-touch list",
    Place.PRIVATE: "{folder}, which holds configuration, keys or personal data",
    Place.PROFILE: "{folder}, which holds a browser's or mail program's profile",
}


class SkipCode(enum.Enum):
    """Every kind of reason a scan or clean leaves a file or folder alone (JSON `code`)."""

    IN_USE = "in_use"
    APP_RUNNING = "app_running"  # app, hint
    PROTECTED = "protected"  # place, folder
    REFUSED_IS = "refused_is"  # place, folder: a root that is a never-touch place
    REFUSED_INTO = "refused_into"  # place, folder: a root that resolves into one
    REFUSED_HOLDS_HOME = "refused_holds_home"
    REFUSED_HOLDS = "refused_holds"  # place, folder: a root that contains a never-touch place
    CHANGED = "changed_since_scan"
    GONE = "gone"
    VANISHED = "vanished"
    SWAPPED_DURING_SCAN = "swapped_during_scan"  # what
    PATH_SWAPPED = "path_swapped"
    LINK_NOT_FOLLOWED = "link_not_followed"
    OTHER_FILESYSTEM = "other_filesystem"
    PATH_OTHER_FILESYSTEM = "path_other_filesystem"
    MOUNT_POINT = "mount_point"
    OTHER_OWNER = "other_owner"
    IN_TRASH = "in_trash"
    KEPT = "kept_by_rules"
    NOT_A_PATH = "not_a_path"
    NOT_INSIDE = "not_inside"
    NOT_TARGET_FILE = "not_target_file"
    UNKNOWN_TARGET = "unknown_target"
    ROOT_NOT_CURRENT = "root_not_current"
    ROOT_MOVED = "root_moved"
    PERMISSION_DENIED = "permission_denied"  # what
    TOO_DEEP = "too_deep"  # what
    UNREADABLE = "unreadable"  # what, error
    REMOVE_DENIED = "remove_denied"
    NOT_REMOVED = "not_removed"  # error
    TRASH_FAILED = "trash_failed"  # with a cause
    HOLDS_VCS = "holds_vcs"  # a finder's candidate folder holding a repository
    NOT_ARTEFACT = "not_artefact"  # a planned artefact folder whose project marker is gone
    IN_VCS = "in_vcs"  # inside a version-control metadata folder
    DATABASE_LOCKED = "database_locked"  # app: another program holds the database open
    UNKNOWN_LAYOUT = "unknown_layout"  # app, database, version, missing
    NOT_PLAIN_FILE = "not_plain_file"  # a database that is a link or a special file
    RECORDS_NOT_REMOVED = "records_not_removed"  # error: the edit was rolled back
    NOT_VACUUMED = "not_vacuumed"  # error: rows removed, the file not compacted
    TRASH_REFUSED = "trash_refused"  # the trash would not take it (Windows: too large...)


SKIP_TEXT: Mapping[SkipCode, str] = {
    SkipCode.IN_USE: "in use by a running program",
    SkipCode.APP_RUNNING: "skipped: {app} is running",
    SkipCode.PROTECTED: "never cleaned: {place}",
    SkipCode.REFUSED_IS: "refused: it is {place}",
    SkipCode.REFUSED_INTO: "refused: resolves into {place}",
    SkipCode.REFUSED_HOLDS_HOME: "refused: it contains your home folder",
    SkipCode.REFUSED_HOLDS: "refused: it contains {place}",
    SkipCode.CHANGED: "changed since the scan",
    SkipCode.GONE: "no longer there",
    SkipCode.VANISHED: "vanished during the scan",
    SkipCode.SWAPPED_DURING_SCAN: "this {what} was replaced by a link during the scan "
    "(not followed)",
    SkipCode.PATH_SWAPPED: "a folder on its path was replaced by a link or moved since the scan "
    "(not followed)",
    SkipCode.LINK_NOT_FOLLOWED: "a link or junction to a folder (not followed)",
    SkipCode.OTHER_FILESYSTEM: "on another filesystem (not crossed)",
    SkipCode.PATH_OTHER_FILESYSTEM: "a folder on its path is now on another filesystem",
    SkipCode.MOUNT_POINT: "a mount point (not crossed)",
    SkipCode.OTHER_OWNER: "owned by another user",
    SkipCode.IN_TRASH: "already in the trash (move to trash does not empty the trash)",
    SkipCode.KEPT: "kept by its target's rules; scan again",
    SkipCode.NOT_A_PATH: "not a plain file path; scan again",
    SkipCode.NOT_INSIDE: "not inside its target's folder; scan again",
    SkipCode.NOT_TARGET_FILE: "not its target's file; scan again",
    SkipCode.UNKNOWN_TARGET: "unknown target: scan again",
    SkipCode.ROOT_NOT_CURRENT: "its folder is no longer one of this target's places; scan again",
    SkipCode.ROOT_MOVED: "its folder now resolves elsewhere; changed since the scan",
    SkipCode.PERMISSION_DENIED: "cannot read this {what}: permission denied",
    SkipCode.TOO_DEEP: "too deep to open (too many open folders); this {what} was not scanned",
    SkipCode.UNREADABLE: "cannot read this {what}: {error}",
    SkipCode.REMOVE_DENIED: "could not remove: permission denied",
    SkipCode.NOT_REMOVED: "could not remove: {error}",
    SkipCode.TRASH_FAILED: "could not move to the trash: {cause}",
    SkipCode.HOLDS_VCS: "holds version-control data, so it is not build output",
    SkipCode.NOT_ARTEFACT: "no longer build output (its project's marker is gone); find again",
    SkipCode.IN_VCS: "inside a version-control folder (never removed)",
    SkipCode.DATABASE_LOCKED: "skipped: the database is in use, probably by {app}; "
    "close {app} and try again (nothing was changed)",
    SkipCode.UNKNOWN_LAYOUT: "skipped: {app} {database} database of an unknown layout "
    "(schema version {version}; {missing}); nothing was changed",
    SkipCode.NOT_PLAIN_FILE: "not a plain file (a link or a special file); left alone",
    SkipCode.RECORDS_NOT_REMOVED: "could not remove its records: {error}; the database is as "
    "it was",
    SkipCode.NOT_VACUUMED: "records removed, but the database could not be compacted: {error}; "
    "the browser compacts it later",
    SkipCode.TRASH_REFUSED: "the trash would not take it (too large for it, or a drive "
    "without one), so it was kept rather than deleted for good",
}


#: A refusal's words when a variable of the root's pattern led there (the `variable` parameter).
REFUSED_VIA_TEXT: Mapping[SkipCode, str] = {
    SkipCode.REFUSED_IS: "refused: {variable} leads to {place}",
    SkipCode.REFUSED_INTO: "refused: {variable} leads into {place}",
    SkipCode.REFUSED_HOLDS: "refused: {variable} leads to a folder that contains {place}",
    SkipCode.REFUSED_HOLDS_HOME: "refused: {variable} leads to a folder that contains your "
    "home folder",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why something was left alone: a code, its parameters, and the reason behind it if any.

    Parameters are plain strings (an application's name, a folder's word, an OS error's text);
    `place` holds a `Place` value. Equal reasons compare and hash equal, so a face can group by
    them.
    """

    code: SkipCode
    params: tuple[tuple[str, str], ...] = ()
    cause: Reason | None = None

    @classmethod
    def of(cls, code: SkipCode, cause: Reason | None = None, **params: str) -> Reason:
        return cls(code, tuple(sorted(params.items())), cause)

    def with_params(self, **params: str) -> Reason:
        """The same reason with parameters added (or replaced)."""
        return Reason(self.code, tuple(sorted({**dict(self.params), **params}.items())), self.cause)

    def param(self, name: str, default: str = "") -> str:
        for key, value in self.params:
            if key == name:
                return value
        return default

    def __str__(self) -> str:
        """The reason in English (the CLI's words and the JSON's `reason`)."""
        values = dict(self.params)
        if "place" in values:
            values["place"] = place_text(self)
        if self.cause is not None:
            values["cause"] = str(self.cause)
        template = SKIP_TEXT[self.code]
        if values.get("variable") and self.code in REFUSED_VIA_TEXT:
            template = REFUSED_VIA_TEXT[self.code]
        text = template.format_map(_Defaulting(values))
        hint = values.get("hint")
        if self.code is SkipCode.APP_RUNNING and hint:
            text += f" ({hint})"
        return text


def reason_to_data(reason: Reason) -> dict[str, object]:
    """A reason as JSON data: `{"code", "params", "cause"}` (cause nested, or absent)."""
    data: dict[str, object] = {"code": reason.code.value, "params": dict(reason.params)}
    if reason.cause is not None:
        data["cause"] = reason_to_data(reason.cause)
    return data


def reason_from_data(data: object) -> Reason:
    """The reason `reason_to_data` wrote; ValueError for anything else."""
    if not isinstance(data, dict):
        raise ValueError("a reason is not an object")
    try:
        code = SkipCode(data.get("code"))
    except ValueError:
        raise ValueError(f"unknown reason code {data.get('code')!r}") from None
    params = data.get("params", {})
    if not isinstance(params, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in params.items()
    ):
        raise ValueError("a reason's parameters are not text")
    cause = data.get("cause")
    return Reason(
        code,
        tuple(sorted(params.items())),
        reason_from_data(cause) if cause is not None else None,
    )


def skip_data(skip: _HasReason) -> dict[str, object]:
    """A skipped item as the JSON reports have it: path, reason in English, and its code."""
    data: dict[str, object] = {
        "path": skip.path,
        "reason": str(skip.reason),
        "code": skip.reason.code.value,
    }
    if skip.reason.params:
        data["params"] = dict(skip.reason.params)
    return data


class _HasReason(Protocol):
    @property
    def path(self) -> str: ...

    @property
    def reason(self) -> Reason: ...


def place_text(reason: Reason) -> str:
    """The English words of the never-touch place a reason names."""
    place = Place(reason.param("place", Place.SYSTEM.value))
    return PLACE_TEXT[place].format_map(_Defaulting(dict(reason.params)))


class _Defaulting(dict[str, str]):
    """Format values where a missing parameter renders as nothing rather than raising."""

    def __missing__(self, key: str) -> str:
        return ""


__all__ = [
    "PLACE_TEXT",
    "REFUSED_VIA_TEXT",
    "SKIP_TEXT",
    "Place",
    "Reason",
    "SkipCode",
    "place_text",
    "reason_from_data",
    "reason_to_data",
    "skip_data",
]
