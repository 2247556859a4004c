"""The window's Clean cleans what is ticked now, and its confirmation names what is not a cache:
an item ticked after the scan is scanned before the clean, one unticked is left alone."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from onecleaner.engine.model import Risk
from onecleaner.gui.pages.clean.confirm import RiskyItem
from onecleaner.gui.pages.clean.page import CleanPage

MakeFiles = Callable[..., list[Path]]
FakeDialogs = Any  # tests/gui/conftest.py's FakeDialogs
TIMEOUT = 20_000


def _scan(qtbot: QtBot, window: CleanPage, ids: Sequence[str]) -> None:
    # The trash was made after the page opened: it is listed once "show all" is on.
    window.show_all.setChecked(True)
    window.target_model.set_checked(ids)
    with qtbot.waitSignal(window.session.scanned, timeout=TIMEOUT):
        window.scan_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)


def _trash(make_files: MakeFiles) -> list[Path]:
    """Files in the home trash (system.trash, a care item)."""
    return make_files(Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files", 3)


def test_an_item_ticked_after_the_scan_is_scanned_then_cleaned(
    qtbot: QtBot, window: CleanPage, dialogs: FakeDialogs, cache: Path, make_files: MakeFiles
) -> None:
    junk = make_files(cache / "someapp", 6)
    trashed = _trash(make_files)
    _scan(qtbot, window, ["system.cache"])
    kept = window.file_model.entry_at(0).path  # unticked by the user: stays through the rescan
    unchecked, role = Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    assert window.file_model.setData(window.file_model.index(0, 0), unchecked, role)

    window.target_model.set_checked(["system.cache", "system.trash"])  # ticked after the scan
    assert window.clean_button.isEnabled()
    with qtbot.waitSignal(window.session.cleaned, timeout=TIMEOUT):
        window.clean_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)

    assert not any(p.exists() for p in trashed), "the item ticked after the scan was not cleaned"
    assert sorted(str(p) for p in junk if p.exists()) == [kept]
    (summary,) = dialogs.summaries  # asked once, about the new plan
    assert summary.files == 6 - 1 + 3 and summary.unticked == 1
    (trash,) = summary.risky
    assert trash.label == "Trash" and trash.risk is Risk.CARE
    assert "moved to the trash" in trash.description


def test_an_item_unticked_after_the_scan_is_left_alone(
    qtbot: QtBot, window: CleanPage, dialogs: FakeDialogs, cache: Path, make_files: MakeFiles
) -> None:
    junk = make_files(cache / "someapp", 4)
    trashed = _trash(make_files)
    _scan(qtbot, window, ["system.cache", "system.trash"])
    window.target_model.set_checked(["system.cache"])  # the trash unticked after the scan
    with qtbot.waitSignal(window.session.cleaned, timeout=TIMEOUT):
        window.clean_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)
    assert all(p.exists() for p in trashed)
    assert not any(p.exists() for p in junk)
    (summary,) = dialogs.summaries
    assert summary.files == 4 and summary.risky == ()  # only caches: "rebuilt" is true


def test_the_confirmation_names_a_care_item_with_its_description(
    qtbot: QtBot, window: CleanPage, dialogs: FakeDialogs, cache: Path, make_files: MakeFiles
) -> None:
    make_files(cache / "someapp", 2)
    _trash(make_files)
    dialogs.confirm = False
    _scan(qtbot, window, ["system.cache", "system.trash"])
    window.clean_button.click()
    (summary,) = dialogs.summaries
    trash = window.services.catalog.target("system.trash")
    assert summary.risky == (RiskyItem("Trash", Risk.CARE, trash.description),)
