"""Browser traces on the Clean page: in the tree with the Privacy badge, never ticked unless the
user ticks them one by one, explained once ticked, and named in the confirmation."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from traces_kit import TIMEOUT, Probe, chromium

from onecleaner.engine.model import Risk
from onecleaner.gui.pages.clean.confirm import confirmation_text
from onecleaner.gui.pages.clean.models import RiskRole
from onecleaner.gui.pages.clean.page import CleanPage
from onecleaner.gui.pages.clean.target_tree import TargetTreeModel
from onecleaner.settings import Settings, save_settings

FakeDialogs = Any  # tests/gui/conftest.py's FakeDialogs
MakeFiles = Any
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
CHECK = Qt.ItemDataRole.CheckStateRole
TRACES = {"chromium.cookies", "chromium.history", "chromium.form_history"}
KEPT_BANK = (
    "Cookies of the 1 domain on your keep-list stay, so you stay signed in to them: bank.example."
)


def _tick(model: TargetTreeModel, target_id: str, state: Qt.CheckState = CHECKED) -> None:
    assert model.setData(model.index_of(target_id), state, CHECK)


def _app_row(model: TargetTreeModel, app_id: str) -> Any:
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.data(index, Qt.ItemDataRole.UserRole + 1) == app_id:
            return index
    raise AssertionError(f"no row for {app_id}")


def test_traces_show_the_privacy_badge_and_are_never_ticked_in_bulk(
    qtbot: QtBot, window: CleanPage, isolated_home: Path
) -> None:
    chromium(isolated_home, cookies=["a.example"])
    window.activate()
    model = window.target_model
    shown = {t.id for t in model.targets()}
    assert shown >= TRACES  # Chromium is here: its traces are listed
    for tid in TRACES:
        index = model.index_of(tid)
        risk = model.index(index.row(), TargetTreeModel.RISK, index.parent())
        assert model.data(risk) == "Privacy" and model.data(risk, RiskRole) is Risk.PRIVACY
        assert model.data(index, CHECK) == UNCHECKED  # not in the quick selection
    window.select_all()
    assert set(model.checked_ids()) == shown - TRACES - {
        t.id for t in model.targets() if t.records is not None
    }
    assert "system.cache" in model.checked_ids()
    assert window.select_all_action.text() == "&All items except browser traces"

    # An application's row ticks its other items, not its traces; a second click unticks all.
    window.select_none()
    window.show_all.setChecked(True)  # Chromium's caches are not on this machine
    app = _app_row(model, "chromium")
    assert model.setData(app, CHECKED, CHECK)
    assert set(model.checked_ids()) == {"chromium.cache"}
    assert model.data(app, CHECK) == Qt.CheckState.PartiallyChecked
    assert model.setData(app, CHECKED, CHECK)  # what a click on a partly ticked row sends
    assert model.checked_ids() == []
    _tick(model, "chromium.cookies")
    assert model.setData(app, CHECKED, CHECK)
    assert set(model.checked_ids()) == {"chromium.cache", "chromium.cookies"}  # kept ticked


def test_ticking_a_trace_explains_what_is_lost_once(
    qtbot: QtBot, window: CleanPage, isolated_home: Path
) -> None:
    chromium(isolated_home, cookies=["a.example"])
    window.services.settings = dataclasses.replace(
        window.services.settings, cookie_keep_list=("bank.example",)
    )
    window.show()
    window.activate()
    model = window.target_model
    note = window.trace_note
    assert not note.isVisible()
    tip = str(model.data(model.index_of("chromium.cookies"), Qt.ItemDataRole.ToolTipRole))
    assert "you will be signed out of sites that are not on it" in tip  # the description
    assert KEPT_BANK in tip

    _tick(model, "chromium.cookies")
    assert note.isVisible()
    assert (
        "Cookies (Chromium): you will be signed out of sites not on your keep-list. " + KEPT_BANK
        in note.text.text()
    )
    _tick(model, "chromium.history")
    assert "History (Chromium): the pages you visited" in note.text.text()
    assert "bookmarks stay" in note.text.text()
    note.dismiss.click()
    assert not note.isVisible()
    _tick(model, "chromium.cookies", UNCHECKED)
    _tick(model, "chromium.form_history")
    assert not note.isVisible()  # once dismissed, it does not come back
    assert model.index_of("chromium.cookies").isValid()


def test_the_clean_page_confirmation_names_the_browsers_and_the_kept_domains(
    qtbot: QtBot,
    window: CleanPage,
    dialogs: FakeDialogs,
    isolated_home: Path,
    cache: Path,
    make_files: MakeFiles,
    data_dir: Path,
) -> None:
    junk = make_files(cache / "someapp", 4)
    hosts = ["www.bank.example", "tracker.example", "ads.example"]
    profile = chromium(isolated_home, cookies=hosts)
    save_settings(data_dir, dataclasses.replace(Settings(), cookie_keep_list=("bank.example",)))
    window.services.settings = dataclasses.replace(
        window.services.settings, cookie_keep_list=("bank.example",)
    )
    window.session.probe = Probe()
    window.activate()
    window.target_model.set_checked(["system.cache", "chromium.cookies"])
    with qtbot.waitSignal(window.session.scanned, timeout=TIMEOUT):
        window.scan_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)

    model = window.target_model
    cookies = model.index_of("chromium.cookies")
    files_cell = model.index(cookies.row(), TargetTreeModel.FILES, cookies.parent())
    assert model.data(files_cell) == "2 records"
    assert "Also 2 browser records." in window.summary.detail.text()
    window.tree.setCurrentIndex(cookies)
    assert window.files_caption.text().startswith("Chromium cookies: 2 records in the browsers'")

    with qtbot.waitSignal(window.session.cleaned, timeout=TIMEOUT):
        window.clean_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)
    (summary,) = dialogs.summaries
    question, details = confirmation_text(summary)
    assert question.startswith("Delete 4 files")
    assert "Also 2 browser records from Chromium." in details
    assert KEPT_BANK in details
    assert "Chromium cookies (Privacy)" in details
    assert "Caches are rebuilt" not in details  # cookies are not a cache
    assert not any(p.exists() for p in junk)
    import sqlite3

    con = sqlite3.connect(f"file:{profile.cookies}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT host_key FROM cookies").fetchall() == [("www.bank.example",)]
    finally:
        con.close()
    assert "Also 2 browser records removed." in window.summary.detail.text()


def test_a_domain_added_after_the_scan_is_kept_by_the_clean(
    qtbot: QtBot, window: CleanPage, isolated_home: Path
) -> None:
    """The clean passes today's keep-list: the database whose count changed is left alone."""
    profile = chromium(isolated_home, cookies=["www.bank.example", "tracker.example"])
    window.session.probe = Probe()
    window.activate()
    window.target_model.set_checked(["chromium.cookies"])
    with qtbot.waitSignal(window.session.scanned, timeout=TIMEOUT):
        window.scan_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)
    window.services.settings = dataclasses.replace(
        window.services.settings, cookie_keep_list=("bank.example",)
    )  # as the Browser traces page does when the user adds a domain
    with qtbot.waitSignal(window.session.cleaned, timeout=TIMEOUT):
        window.clean_button.click()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=TIMEOUT)
    import sqlite3

    con = sqlite3.connect(f"file:{profile.cookies}?mode=ro", uri=True)
    try:
        hosts = sorted(h for (h,) in con.execute("SELECT host_key FROM cookies"))
    finally:
        con.close()
    assert "www.bank.example" in hosts
    reasons = [str(s.reason) for s in window.skip_model.skips()]
    assert any("changed since the scan" in r for r in reasons), reasons
