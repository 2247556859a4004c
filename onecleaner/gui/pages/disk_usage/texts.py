"""The Disk usage page's words: progress, what a finder found, why a candidate is not ticked.

Pure functions of the engine's records (no widgets), in the "DiskUsage" translation context.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from onecleaner.engine.finders import Candidate, FinderKind, Findings, Unticked, Why
from onecleaner.engine.finders.artefacts import RECENT_DAYS
from onecleaner.engine.finders.files import INSTALLER_DAYS, LARGE_COUNT, OLD_DAYS
from onecleaner.engine.model import Phase, Progress
from onecleaner.gui.units import human_size


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiskUsage", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("DiskUsage", text, None, n)


def shown_path(path: str, home: str | None = None) -> str:
    """A path as the page shows it: from "~" inside the home (not on Windows)."""
    if os.name == "nt":
        return path
    home = (home if home is not None else str(Path.home())).rstrip("/")
    if path == home:
        return "~"
    if home and path.startswith(home + "/"):
        return "~/" + path[len(home) + 1 :]
    return path


def day_text(when: float) -> str:
    """A day as the UI language writes it, short (2025-03-01, 2025/3/1)."""
    moment = datetime.fromtimestamp(when)
    return QLocale().toString(
        QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat
    )


def walk_progress_text(files: int, size: int) -> str:
    """The status while the usage walk runs."""
    return _trn("Scanning: %Ln file(s), %1", files).replace("%1", human_size(size))


def search_progress_text(progress: Progress) -> str:
    """The status while a finder searches (files looked at, space found so far)."""
    if progress.phase in (Phase.CLEAN, Phase.PRUNE):
        return _trn("Removing: %Ln file(s) done, %1", progress.files).replace(
            "%1", human_size(progress.bytes)
        )
    return _trn("Searching: %Ln file(s) looked at, %1 found", progress.files).replace(
        "%1", human_size(progress.bytes)
    )


def finder_title(kind: FinderKind) -> str:
    """The tab of a finder."""
    return {
        FinderKind.LARGE: _tr("Large files"),
        FinderKind.OLD: _tr("Old files"),
        FinderKind.ARTEFACTS: _tr("Build artefacts"),
    }[kind]


def finder_description(kind: FinderKind, folder: str, home: str) -> str:
    """What a finder looks for, and where."""
    where = shown_path(folder, home)
    if kind is FinderKind.LARGE:
        return _trn(
            "The %Ln files that take the most space in %1. They are your own files: they go "
            "to the trash, where you can put them back from.",
            LARGE_COUNT,
        ).replace("%1", where)
    if kind is FinderKind.OLD:
        days = _trn("%Ln day(s)", int(OLD_DAYS))
        if folder == home:
            text = _tr(
                "Files not used for %1 in your Downloads and Desktop folders, and installers "
                "and disk images in Downloads older than %2. They go to the trash."
            )
        else:
            text = _tr(
                "Files not used for %1 in %3, and installers and disk images in Downloads "
                "older than %2. They go to the trash."
            )
        return (
            text.replace("%1", days)
            .replace("%2", _trn("%Ln day(s)", int(INSTALLER_DAYS)))
            .replace("%3", where)
        )
    return _trn(
        "Build output the projects in %1 can make again (node_modules, target, .venv, "
        "__pycache__…), per project. Projects changed in the last %Ln days are not ticked.",
        int(RECENT_DAYS),
    ).replace("%1", where)


def unticked_text(reason: Unticked) -> str:
    """Why a candidate is listed but not ticked, in a few words (the table's note)."""
    return {
        Unticked.RECENT_PROJECT: _trn("Project changed in the last %Ln days", int(RECENT_DAYS)),
        Unticked.HIDDEN: _tr("In a hidden folder: look first"),
        Unticked.PROJECT_UNREADABLE: _tr("Part of its project is unreadable"),
        Unticked.INTERRUPTED: _tr("Search stopped before its project"),
    }[reason]


def unticked_detail(reason: Unticked) -> str:
    """Why a candidate is not ticked, in full (the note's tooltip, the confirmation)."""
    return {
        Unticked.RECENT_PROJECT: _trn(
            "Its project changed in the last %Ln days: it may be in use.", int(RECENT_DAYS)
        ),
        Unticked.HIDDEN: _tr(
            "It is in a hidden folder, where programs keep their data: check what it is "
            "before removing it."
        ),
        Unticked.PROJECT_UNREADABLE: _tr(
            "Part of its project could not be read, so when it last changed is unknown."
        ),
        Unticked.INTERRUPTED: _tr(
            "The search stopped before its project was fully read, so when it last changed "
            "is unknown."
        ),
    }[reason]


def note_text(candidate: Candidate) -> str:
    """The note beside a candidate: why it is not ticked, or what kind of file it is."""
    if candidate.unticked is not None:
        return unticked_text(candidate.unticked)
    if candidate.why is Why.INSTALLER:
        return _tr("Installer or disk image")
    if candidate.bytes == 0 and candidate.size > 0:
        return _tr("Hard link: frees nothing alone")
    return ""


def note_detail(candidate: Candidate) -> str:
    """The note's tooltip."""
    if candidate.unticked is not None:
        return unticked_detail(candidate.unticked)
    if candidate.why is Why.INSTALLER:
        return _trn(
            "An installer or disk image in Downloads, older than %Ln days.", int(INSTALLER_DAYS)
        )
    if candidate.bytes == 0 and candidate.size > 0:
        return _tr("Another name (hard link) of this file stays, so removing it frees nothing.")
    return ""


def found_text(findings: Findings, ticked: int, ticked_bytes: int) -> tuple[str, str]:
    """The headline and detail after a search."""
    count = len(findings.candidates)
    if findings.cancelled:
        headline = _trn("Search cancelled: %Ln item(s) found so far", count)
    elif count == 0:
        headline = _tr("Nothing found.")
    else:
        headline = _trn("%Ln item(s) found", count)
    detail = _trn("Ticked: %Ln item(s), %1.", ticked).replace("%1", human_size(ticked_bytes))
    return headline, detail if count else ""


def walked_text(unreadable: int, cancelled: bool) -> str:
    """The status once the usage walk is over (the figures are beside the map)."""
    if cancelled:
        text = _tr("Scan cancelled: the sizes are what was counted so far.")
    else:
        text = _tr("Scan finished.")
    if unreadable:
        text += " " + _trn("%Ln folder(s) could not be read (hover here for the list).", unreadable)
    return text


__all__ = [
    "day_text",
    "finder_description",
    "finder_title",
    "found_text",
    "note_detail",
    "note_text",
    "search_progress_text",
    "shown_path",
    "unticked_detail",
    "unticked_text",
    "walk_progress_text",
    "walked_text",
]
