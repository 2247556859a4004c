"""Why something was left alone, in the UI language: one table keyed by the engine's SkipCode.

The engine records a `Reason` (a code and its parameters); `str(reason)` is the English the CLI
prints. The window says the same through Qt's translation, so a Chinese UI gets Chinese reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from onecleaner.engine.reasons import Place, Reason, SkipCode


def _tr(text: str) -> str:
    return QCoreApplication.translate("skip", text)


# Each entry is a function so that the text is looked up in the translator installed now.
_SKIP_TEXT: Mapping[SkipCode, Callable[[], str]] = {
    SkipCode.IN_USE: lambda: _tr("in use by a running program"),
    SkipCode.APP_RUNNING: lambda: _tr("skipped: {app} is running"),
    SkipCode.PROTECTED: lambda: _tr("never cleaned: {place}"),
    SkipCode.REFUSED_IS: lambda: _tr("refused: it is {place}"),
    SkipCode.REFUSED_INTO: lambda: _tr("refused: resolves into {place}"),
    SkipCode.REFUSED_HOLDS_HOME: lambda: _tr("refused: it contains your home folder"),
    SkipCode.CHANGED: lambda: _tr("changed since the scan"),
    SkipCode.GONE: lambda: _tr("no longer there"),
    SkipCode.VANISHED: lambda: _tr("vanished during the scan"),
    SkipCode.SWAPPED_DURING_SCAN: lambda: _tr(
        "this {what} was replaced by a link during the scan (not followed)"
    ),
    SkipCode.PATH_SWAPPED: lambda: _tr(
        "a folder on its path was replaced by a link or moved since the scan (not followed)"
    ),
    SkipCode.LINK_NOT_FOLLOWED: lambda: _tr("a link or junction to a folder (not followed)"),
    SkipCode.OTHER_FILESYSTEM: lambda: _tr("on another filesystem (not crossed)"),
    SkipCode.PATH_OTHER_FILESYSTEM: lambda: _tr(
        "a folder on its path is now on another filesystem"
    ),
    SkipCode.MOUNT_POINT: lambda: _tr("a mount point (not crossed)"),
    SkipCode.OTHER_OWNER: lambda: _tr("owned by another user"),
    SkipCode.IN_TRASH: lambda: _tr("already in the trash (move to trash does not empty the trash)"),
    SkipCode.KEPT: lambda: _tr("kept by its item's rules; scan again"),
    SkipCode.NOT_A_PATH: lambda: _tr("not a plain file path; scan again"),
    SkipCode.NOT_INSIDE: lambda: _tr("not inside its item's folder; scan again"),
    SkipCode.NOT_TARGET_FILE: lambda: _tr("not its item's file; scan again"),
    SkipCode.UNKNOWN_TARGET: lambda: _tr("unknown item: scan again"),
    SkipCode.ROOT_NOT_CURRENT: lambda: _tr(
        "its folder is no longer one of this item's places; scan again"
    ),
    SkipCode.ROOT_MOVED: lambda: _tr("its folder now resolves elsewhere; changed since the scan"),
    SkipCode.PERMISSION_DENIED: lambda: _tr("cannot read this {what}: permission denied"),
    SkipCode.TOO_DEEP: lambda: _tr(
        "too deep to open (too many open folders); this {what} was not scanned"
    ),
    SkipCode.UNREADABLE: lambda: _tr("cannot read this {what}: {error}"),
    SkipCode.REMOVE_DENIED: lambda: _tr("could not remove: permission denied"),
    SkipCode.NOT_REMOVED: lambda: _tr("could not remove: {error}"),
    SkipCode.TRASH_FAILED: lambda: _tr("could not move to the trash: {cause}"),
    SkipCode.REFUSED_HOLDS: lambda: _tr("refused: it contains {place}"),
    SkipCode.TRASH_REFUSED: lambda: _tr(
        "the trash would not take it (too large for it, or a drive without one), so it was "
        "kept rather than deleted for good"
    ),
    SkipCode.HOLDS_VCS: lambda: _tr("holds version-control data, so it is not build output"),
    SkipCode.NOT_ARTEFACT: lambda: _tr(
        "no longer build output (its project's marker is gone); find again"
    ),
    SkipCode.IN_VCS: lambda: _tr("inside a version-control folder (never removed)"),
    SkipCode.DATABASE_LOCKED: lambda: _tr(
        "skipped: the database is in use, probably by {app}; close {app} and try again "
        "(nothing was changed)"
    ),
    SkipCode.UNKNOWN_LAYOUT: lambda: _tr(
        "skipped: {app} {database} database of an unknown layout (schema version {version}; "
        "{missing}); nothing was changed"
    ),
    SkipCode.NOT_PLAIN_FILE: lambda: _tr("not a plain file (a link or a special file); left alone"),
    SkipCode.RECORDS_NOT_REMOVED: lambda: _tr(
        "could not remove its records: {error}; the database is as it was"
    ),
    SkipCode.NOT_VACUUMED: lambda: _tr(
        "records removed, but the database could not be compacted: {error}; the browser "
        "compacts it later"
    ),
}

# A refusal's words when a variable of the root's pattern led there (the `variable` parameter).
_REFUSED_VIA_TEXT: Mapping[SkipCode, Callable[[], str]] = {
    SkipCode.REFUSED_IS: lambda: _tr("refused: {variable} leads to {place}"),
    SkipCode.REFUSED_INTO: lambda: _tr("refused: {variable} leads into {place}"),
    SkipCode.REFUSED_HOLDS: lambda: _tr(
        "refused: {variable} leads to a folder that contains {place}"
    ),
    SkipCode.REFUSED_HOLDS_HOME: lambda: _tr(
        "refused: {variable} leads to a folder that contains your home folder"
    ),
}

_PLACE_TEXT: Mapping[Place, Callable[[], str]] = {
    Place.FILESYSTEM_TOP: lambda: _tr("the top of a filesystem"),
    Place.DRIVE_TOP: lambda: _tr("the top of a drive"),
    Place.HOME: lambda: _tr("your home folder"),
    Place.USER_FOLDER: lambda: _tr("your {folder} folder"),
    Place.SYSTEM: lambda: _tr("a system folder"),
    Place.DATA_DIR: lambda: _tr("ONE Cleaner's own data folder"),
    Place.FRAGILE: lambda: _tr("a fragile cache that must not be emptied"),
    Place.NEVER_TOUCH: lambda: _tr("your never-touch list"),
    Place.PRIVATE: lambda: _tr("{folder}, which holds configuration, keys or personal data"),
    Place.PROFILE: lambda: _tr("{folder}, which holds a browser's or mail program's profile"),
}

# The engine's words for a user folder and for "file"/"folder" (parameters, not sentences).
_WORDS: Mapping[str, Callable[[], str]] = {
    "file": lambda: _tr("file"),
    "folder": lambda: _tr("folder"),
    "Desktop": lambda: _tr("Desktop"),
    "Documents": lambda: _tr("Documents"),
    "Downloads": lambda: _tr("Downloads"),
    "Music": lambda: _tr("Music"),
    "Pictures": lambda: _tr("Pictures"),
    "Videos": lambda: _tr("Videos"),
    "Templates": lambda: _tr("Templates"),
    "Public": lambda: _tr("Public"),
}


def _word(value: str) -> str:
    known = _WORDS.get(value)
    return known() if known is not None else value


class _Blank(dict[str, str]):
    """Format values where a missing parameter renders as nothing (as the engine's own table)."""

    def __missing__(self, key: str) -> str:
        return ""


def place_words(reason: Reason) -> str:
    """The never-touch place a reason names, in the UI language."""
    try:
        place = Place(reason.param("place", Place.SYSTEM.value))
    except ValueError:
        return reason.param("place")
    return _PLACE_TEXT[place]().format_map(_Blank(folder=_word(reason.param("folder"))))


def reason_text(reason: Reason) -> str:
    """A skip reason in the UI language (the GUI's `str(reason)`)."""
    values = _Blank({k: _word(v) for k, v in reason.params})
    if "place" in values:
        values["place"] = place_words(reason)
    if reason.cause is not None:
        values["cause"] = reason_text(reason.cause)
    template = _SKIP_TEXT[reason.code]
    if reason.param("variable") and reason.code in _REFUSED_VIA_TEXT:
        template = _REFUSED_VIA_TEXT[reason.code]
    text = template().format_map(values)
    hint = reason.param("hint")
    if reason.code is SkipCode.APP_RUNNING and hint:
        # The hint is the catalog's English sentence; it is translated with the catalog's texts.
        from onecleaner.gui.catalog_text import catalog_text

        text += f" ({catalog_text(hint)})"
    return text


# Shorter words for a code counted without its parameters (History's "left alone, and why").
_COUNTED_TEXT: Mapping[SkipCode, Callable[[], str]] = {
    SkipCode.APP_RUNNING: lambda: _tr("its program was running"),
    SkipCode.PROTECTED: lambda: _tr("never cleaned: a protected place"),
    SkipCode.REFUSED_IS: lambda: _tr("refused: a protected place"),
    SkipCode.REFUSED_INTO: lambda: _tr("refused: a protected place"),
    SkipCode.REFUSED_HOLDS: lambda: _tr("refused: a protected place"),
    SkipCode.DATABASE_LOCKED: lambda: _tr("its database was in use"),
    SkipCode.UNKNOWN_LAYOUT: lambda: _tr("a database of an unknown layout"),
    SkipCode.RECORDS_NOT_REMOVED: lambda: _tr("could not remove its records"),
    SkipCode.NOT_VACUUMED: lambda: _tr("records removed, database not compacted"),
    SkipCode.SWAPPED_DURING_SCAN: lambda: _tr("replaced by a link during the scan (not followed)"),
    SkipCode.PERMISSION_DENIED: lambda: _tr("cannot read: permission denied"),
    SkipCode.TOO_DEEP: lambda: _tr("too deep to open"),
    SkipCode.UNREADABLE: lambda: _tr("could not be read"),
    SkipCode.NOT_REMOVED: lambda: _tr("could not remove"),
    SkipCode.TRASH_FAILED: lambda: _tr("could not move to the trash"),
}


def code_text(code: SkipCode, *, apps: tuple[str, ...] = ()) -> str:
    """A skip code without its parameters, for counts; running programs named when known."""
    if code is SkipCode.APP_RUNNING and apps:
        return reason_text(Reason.of(code, app=", ".join(apps)))
    counted = _COUNTED_TEXT.get(code)
    return counted() if counted is not None else _SKIP_TEXT[code]()
