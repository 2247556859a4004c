"""The window's headline after a clean: a trash clean says what moved, never "freed"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from onecleaner.engine.model import CleanResult, DeleteMode, TargetResult
from onecleaner.gui.pages.clean.result_text import cleaned_text
from onecleaner.gui.units import human_size


def test_a_trash_clean_headline_gives_the_size_moved_to_the_trash(qtbot: QtBot) -> None:
    result = CleanResult(
        targets=(TargetResult("pip.cache", 3, 0, (), trashed=3, trashed_bytes=12 * 1024 * 1024),),
        mode=DeleteMode.TRASH,
        dry_run=False,
        cancelled=False,
    )
    headline, _ = cleaned_text(result, 0)
    assert headline == f"Moved to the trash {human_size(12 * 1024 * 1024)}: 3 files"


def test_a_permanent_clean_headline_gives_the_space_freed(qtbot: QtBot) -> None:
    result = CleanResult(
        targets=(TargetResult("pip.cache", 3, 4096, ()),),
        mode=DeleteMode.PERMANENT,
        dry_run=False,
        cancelled=False,
    )
    assert cleaned_text(result, 0)[0] == f"Freed {human_size(4096)}: 3 files removed"
