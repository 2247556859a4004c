"""The Browser traces page on a temporary HOME with browser profiles made from the real schemas:
what it counts per installed browser, the keep-list editor and its suggestions, a clean from
the page (kept cookies stay), running browsers, cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot
from traces_kit import (
    TIMEOUT,
    Probe,
    bookmark,
    chromium,
    firefox_profiles,
    make_page,
    shown_scan,
)

from onecleaner.gui.pages.clean.confirm import RunningChoice, confirmation_text
from onecleaner.gui.pages.traces.model import KINDS, TracesModel
from onecleaner.gui.services import AppServices
from onecleaner.settings import load_settings

FakeDialogs = Any  # tests/gui/conftest.py's FakeDialogs
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
CHECK = Qt.ItemDataRole.CheckStateRole


def _cell(model: TracesModel, target_id: str) -> str:
    return str(model.data(model.index_of(target_id)))


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


def test_each_installed_browser_shows_its_traces_counted_and_nothing_ticked(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    profile = chromium(isolated_home, cookies=["a.example", "b.example", "c.example"])
    profile.add_visits("https://news.example/1", "https://news.example/2")
    profile.add_form_entries("ann@example.org")
    (firefox,) = firefox_profiles(isolated_home / ".mozilla" / "firefox")
    firefox.add_cookies("d.example")
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)

    model = page.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == ["Chromium", "Firefox"]  # installed ones only: no Chrome, Edge, Brave...
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Browser", "Cookies", "History", "Form entries"
    ]  # fmt: skip
    assert _cell(model, "chromium.cookies").startswith("3 records\nabout ")
    assert _cell(model, "firefox.cookies").startswith("1 record\nabout ")
    assert _cell(model, "chromium.form_history").startswith("2 records")  # autocomplete+autofill
    assert _cell(model, "firefox.history") == "none"
    assert model.checked_ids() == []
    assert not page.clean_button.isEnabled()
    assert page.explain.text() == "Tick what to clean: nothing is ticked at first."
    assert "records found in the browsers" in page.status.text()
    tip = str(model.data(model.index_of("chromium.cookies"), Qt.ItemDataRole.ToolTipRole))
    assert "you will be signed out of sites not on your keep-list" in tip
    # Home's "reclaimable" stays the Clean page's scan: this count is not "found in 0 files".
    from onecleaner import app_state

    assert app_state.load_app_state(services.data_dir).last_scan is None


def test_a_clean_from_the_page_keeps_the_kept_cookies_of_a_real_profile(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    kept = ["www.bank.example", ".bank.example", "mail.example.org"]
    gone = ["tracker.example", "badbank.example", "ads.example.org.evil"]
    profile = chromium(isolated_home, cookies=[*kept, *gone])
    profile.add_visits("https://news.example/1")
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)

    for domain in ("bank.example", "Mail.Example.org"):  # typed as a user would
        page.keep_editor.field.setText(domain)
        assert page.keep_editor.add_typed()
    assert load_settings(services.data_dir)[0].cookie_keep_list == (
        "bank.example",
        "mail.example.org",
    )
    assert page.model.setData(page.model.index_of("chromium.cookies"), CHECKED, CHECK)
    assert "Cookies of the 2 domains on your keep-list stay" in page.explain.text()

    # The keep-list changed since the first count: Clean counts the ticked cookies again first.
    with qtbot.waitSignal(page.session.cleaned, timeout=TIMEOUT):
        page.clean_button.click()
    qtbot.waitUntil(lambda: not page.session.busy, timeout=TIMEOUT)

    assert _rows(profile.cookies, "SELECT host_key FROM cookies") == sorted((h,) for h in kept)
    assert len(_rows(profile.history, "SELECT url FROM urls")) == 1  # history was not ticked
    (summary,) = dialogs.summaries
    assert summary.traces.browsers == ("Chromium",) and summary.records == 3
    assert summary.traces.kept == ("bank.example", "mail.example.org")
    question, details = confirmation_text(summary)
    assert question == "Remove 3 browser records from Chromium?"
    assert "bank.example, mail.example.org" in details
    assert "Chromium cookies (Privacy)" in details
    assert "Removed 3 browser records" in page.results.text()
    # The figures are counted again after the clean: nothing left to remove.
    assert _cell(page.model, "chromium.cookies") == "none"


def test_an_empty_keep_list_is_said_before_a_cookie_clean(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    profile = chromium(isolated_home, cookies=["a.example", "b.example"])
    dialogs.confirm = False
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)
    page.model.set_checked(["chromium.cookies"])
    assert "Your keep-list is empty: you will be signed out of every site." in page.explain.text()
    page.clean_button.click()  # the ticked cookies are counted alone first, then confirmed
    qtbot.waitUntil(lambda: bool(dialogs.summaries), timeout=TIMEOUT)
    (summary,) = dialogs.summaries
    _question, details = confirmation_text(summary)
    assert "Your keep-list is empty: you will be signed out of every site." in details
    assert page.status.text() == "Nothing was cleaned."
    assert len(_rows(profile.cookies, "SELECT host_key FROM cookies")) == 2


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("https://bank.example/login", "is a web address or a path"),
        ("*.bank.example", "holds a wildcard"),
        ("bank.example:443", "holds a port"),
        ("bank..example", "empty part between dots"),
        ("bank!.example", "“bank!” may hold only letters, digits"),
        ("", "Type a domain, such as example.org."),
    ],
)
def test_a_malformed_domain_is_explained_and_nothing_is_saved(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, typed: str, says: str
) -> None:
    page = make_page(qtbot, services, dialogs, Probe())
    editor = page.keep_editor
    editor.field.setText(typed)
    editor.add_button.click()
    assert says in editor.problem.text()
    assert editor.problem.isVisibleTo(page)
    assert editor.field.text() == typed  # what was typed stays, to be corrected
    assert load_settings(services.data_dir)[0].cookie_keep_list == ()
    # Typing again hides the message; a good domain is kept.
    qtbot.keyClicks(editor.field, "x")
    assert not editor.problem.isVisibleTo(page)
    editor.field.setText("bank.example")
    editor.add_button.click()
    assert not editor.problem.isVisibleTo(page)
    assert [editor.kept.item(i).text() for i in range(editor.kept.count())] == ["bank.example"]


def test_removing_a_domain_and_a_domain_already_kept(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs
) -> None:
    page = make_page(qtbot, services, dialogs, Probe())
    editor = page.keep_editor
    for domain in ("a.example", "b.example", "a.example"):
        editor.field.setText(domain)
        editor.add_typed()
    assert editor.problem.text() == "a.example is already on the keep-list."
    assert editor.keep() == ("a.example", "b.example")
    assert not editor.remove_button.isEnabled()
    editor.kept.item(0).setSelected(True)
    editor.remove_button.click()
    assert load_settings(services.data_dir)[0].cookie_keep_list == ("b.example",)
    assert services.settings.cookie_keep_list == ("b.example",)  # the scans use it at once
    assert not editor.empty.isVisibleTo(page)
    editor.kept.item(0).setSelected(True)
    editor.remove_selected()
    assert editor.empty.isVisibleTo(page)
    assert "signs you out of every site" in editor.empty.text()


def test_suggestions_show_why_and_where_and_a_tick_keeps_the_domain(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    profile = chromium(isolated_home, cookies=["x.example"])
    profile.add_login("https://accounts.github.com/")
    bookmark(profile, "https://www.bbc.co.uk/news", "https://github.com/")
    (firefox,) = firefox_profiles(isolated_home / ".mozilla" / "firefox")
    firefox.add_page("https://www.bbc.co.uk/sport", bookmarked=True)
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)

    model = page.keep_editor.suggestion_model
    rows = {
        model.data(model.index(r, 0)): (
            model.data(model.index(r, 1)),
            model.data(model.index(r, 0), CHECK),
        )
        for r in range(model.rowCount())
    }
    assert rows == {
        "bbc.co.uk": ("bookmark\nin Chromium, Firefox", UNCHECKED),
        "github.com": ("saved login, bookmark\nin Chromium", UNCHECKED),
    }
    github = model.index(model.row_of("github.com"), 0)
    assert model.setData(github, CHECKED, CHECK)
    assert load_settings(services.data_dir)[0].cookie_keep_list == ("github.com",)
    assert model.data(github, CHECK) == CHECKED
    assert page.keep_editor.keep() == ("github.com",)
    assert model.setData(github, UNCHECKED, CHECK)
    assert load_settings(services.data_dir)[0].cookie_keep_list == ()
    assert model.data(github, CHECK) == UNCHECKED


def test_no_browser_says_so(qtbot: QtBot, services: AppServices, dialogs: FakeDialogs) -> None:
    page = make_page(qtbot, services, dialogs, Probe())
    page.activate()
    qtbot.waitUntil(lambda: page._suggest_job is None, timeout=TIMEOUT)
    assert page.table_stack.currentWidget() is page.none_found
    assert "No supported browser was found" in page.none_found.text()
    assert not page.scan_button.isEnabled() and not page.clean_button.isEnabled()
    assert "No bookmarks or saved logins" in page.keep_editor.suggest_status.text()


@pytest.mark.parametrize("choice", [RunningChoice.SKIP, RunningChoice.CLOSE])
def test_a_running_browser_is_named_then_skipped_or_closed(
    qtbot: QtBot,
    services: AppServices,
    dialogs: FakeDialogs,
    isolated_home: Path,
    choice: RunningChoice,
) -> None:
    profile = chromium(isolated_home, cookies=["a.example", "b.example"])
    before = profile.cookies.read_bytes()
    probe = Probe(running=["chromium"])
    dialogs.running_choice = choice
    page = make_page(qtbot, services, dialogs, probe)
    shown_scan(qtbot, page)
    assert page.running_note.isVisibleTo(page)
    assert "Chromium" in page.running_text.text()
    assert "cannot be counted or cleaned while" in page.running_text.text()
    assert _cell(page.model, "chromium.cookies") == "browser running"

    page.model.set_checked(["chromium.cookies"])
    page.clean_button.click()  # the cookies are counted alone first, then the question
    qtbot.waitUntil(lambda: bool(dialogs.running_asked), timeout=TIMEOUT)
    assert dialogs.running_asked == [["Chromium"]]
    if choice is RunningChoice.SKIP:
        # Nothing was countable: nothing to confirm, the database is byte-identical.
        assert "Nothing to clean" in page.status.text()
        assert dialogs.summaries == []
        assert profile.cookies.read_bytes() == before
        assert probe.closed == []
    else:
        qtbot.waitUntil(lambda: page.results.isVisibleTo(page), timeout=TIMEOUT)
        assert probe.closed == ["Chromium"]
        assert _rows(profile.cookies, "SELECT host_key FROM cookies") == []
        assert len(dialogs.summaries) == 1
        qtbot.waitUntil(lambda: not page.session.busy, timeout=TIMEOUT)
        assert not page.running_note.isVisibleTo(page)


def test_cancel_stops_the_count(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    chromium(isolated_home, cookies=["a.example"])
    probe = Probe()
    probe.hold = threading.Event()
    page = make_page(qtbot, services, dialogs, probe)
    page.activate()
    assert page.session.busy and page.cancel_button.isEnabled()
    assert page.progress.isVisibleTo(page)
    with qtbot.waitSignal(page.session.scanned, timeout=TIMEOUT):
        page.cancel_button.click()
        probe.hold.set()
    assert page.session.plan is not None and page.session.plan.cancelled
    assert page.status.text() == "Counting cancelled: the figures are incomplete."
    assert _cell(page.model, "chromium.cookies") == "not scanned"
    qtbot.waitUntil(lambda: not page.session.busy, timeout=TIMEOUT)
    assert not page.progress.isVisibleTo(page)


def test_every_kind_of_the_catalog_has_a_column() -> None:
    from onecleaner.engine.records.recipes import CLEANERS

    assert {c.kind for c in CLEANERS.values()} == set(KINDS)


def test_a_keep_list_changed_by_the_command_line_is_used_once_the_page_is_shown(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    from onecleaner.cli import main

    page = make_page(qtbot, services, dialogs, Probe())
    changed: list[object] = []
    page.settingsChanged.connect(changed.append)
    data = str(services.data_dir)
    assert main(["--data-dir", data, "cookies", "keep", "add", "cli.example"]) == 0
    page.activate()
    qtbot.waitUntil(lambda: page._suggest_job is None, timeout=TIMEOUT)
    assert page.keep_editor.keep() == ("cli.example",)
    assert services.settings.cookie_keep_list == ("cli.example",)  # what scans and cleans use
    assert [s.cookie_keep_list for s in changed] == [("cli.example",)]  # type: ignore[attr-defined]


def test_the_page_follows_a_language_switch(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    from onecleaner.gui.i18n import install_translator

    chromium(isolated_home, cookies=["a.example", "b.example"])
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)
    page.keep_editor.field.setText("https://bank.example/")
    page.keep_editor.add_typed()
    page.model.set_checked(["chromium.cookies"])
    app = QCoreApplication.instance()
    assert app is not None
    try:
        install_translator(app, "zh_CN")
        qtbot.waitUntil(lambda: page.title.text() == "浏览痕迹")
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Cookie"
        assert _cell(page.model, "chromium.cookies").startswith("2 条记录\n约 ")
        assert page.keep_editor.problem.text().startswith("“https://bank.example/”是网址或路径")
        assert "保留名单为空：您将退出所有网站的登录。" in page.explain.text()
        assert page.clean_button.text() == "清理(&C)…"
        assert page.status.text() == "在浏览器中找到 2 条记录。"
    finally:
        install_translator(app, "en")
    qtbot.waitUntil(lambda: page.title.text() == "Browser traces")
    assert page.keep_editor.problem.text().startswith("“https://bank.example/” is a web address")
    assert page.status.text() == "2 records found in the browsers."


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_notes_and_the_domain_message_read_in_both_schemes(scheme: str) -> None:
    from onecleaner.gui.theme import (
        banner_colors,
        contrast,
        dark_palette,
        light_palette,
        problem_text,
        style_sheet,
    )

    palette = dark_palette() if scheme == "dark" else light_palette()
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast(problem_text(palette), window) >= 4.5
    background, _border, text = banner_colors("privacy", palette)
    assert contrast(text, background) >= 4.5
    sheet = style_sheet(palette)
    assert 'QFrame[role="note"]' in sheet and background.name() in sheet
    assert f'QLabel[role="problem"] {{ color: {problem_text(palette).name()}; }}' in sheet


def test_a_database_held_at_clean_time_is_left_as_it_was_and_the_reason_named(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    import sqlite3

    profile = chromium(isolated_home, cookies=["a.example", "b.example"])
    page = make_page(qtbot, services, dialogs, Probe())  # no browser process: only the lock
    shown_scan(qtbot, page)
    page.model.set_checked(["chromium.cookies"])
    dialogs.confirm = False
    page.clean_button.click()  # counted alone first (the plan held history and forms too)
    qtbot.waitUntil(lambda: page.status.text() == "Nothing was cleaned.", timeout=TIMEOUT)
    dialogs.confirm = True
    holder = sqlite3.connect(profile.cookies, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a browser the process list missed
    before = profile.cookies.read_bytes()
    try:
        with qtbot.waitSignal(page.session.cleaned, timeout=TIMEOUT):
            page.clean_button.click()  # the reviewed plan is the ticked one: no count again
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert profile.cookies.read_bytes() == before
    text = page.results.text()
    assert "1 database left alone:" in text
    assert "• Chromium cookies: skipped: the database is in use, probably by Chromium" in text


def test_a_database_of_an_unknown_layout_says_so_in_its_cell(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    import sqlite3

    folder = isolated_home / ".config" / "chromium" / "Default"
    folder.mkdir(parents=True)
    con = sqlite3.connect(folder / "Cookies")
    con.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('version', '99')")
    con.execute("CREATE TABLE biscuits (host TEXT)")
    con.commit()
    con.close()
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)
    assert _cell(page.model, "chromium.cookies") == "a database of an unknown layout"
    cell = page.model.index_of("chromium.cookies")
    tip = str(page.model.data(cell, Qt.ItemDataRole.ToolTipRole))
    assert "unknown layout (schema version 99; no table cookies); nothing was changed" in tip


def test_a_domain_kept_after_the_count_is_counted_again_before_the_clean(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    """The plan holds every trace ticked, but the keep-list changed: Clean counts again (the
    reviewed count would no longer match, and the engine would leave the database alone)."""
    profile = chromium(isolated_home, cookies=["www.bank.example", "tracker.example"])
    page = make_page(qtbot, services, dialogs, Probe())
    shown_scan(qtbot, page)
    chromium_row = page.model.index(0, TracesModel.BROWSER)
    assert page.model.setData(chromium_row, CHECKED, CHECK)  # every Chromium trace: the plan's
    assert set(page.model.checked_ids()) == {t.id for t in page.session.targets}
    page.keep_editor.field.setText("bank.example")
    assert page.keep_editor.add_typed()
    with qtbot.waitSignal(page.session.cleaned, timeout=TIMEOUT):
        page.clean_button.click()
    assert _rows(profile.cookies, "SELECT host_key FROM cookies") == [("www.bank.example",)]
    assert page.results.text().startswith("Removed 1 browser record, freed ")
    assert page.results.text().endswith("\nNothing was left alone.")  # no "changed" skip
    (summary,) = dialogs.summaries
    assert summary.traces.kept == ("bank.example",)


def test_the_running_note_closes_the_browser_and_counts_again(
    qtbot: QtBot, services: AppServices, dialogs: FakeDialogs, isolated_home: Path
) -> None:
    chromium(isolated_home, cookies=["a.example"])
    probe = Probe(running=["chromium"])
    page = make_page(qtbot, services, dialogs, probe)
    page.show()
    shown_scan(qtbot, page)
    assert page.close_button.text() == "Close Chromium"
    with qtbot.waitSignal(page.session.scanned, timeout=TIMEOUT):
        page.close_button.click()
    assert probe.closed == ["Chromium"]
    assert not page.running_note.isVisible()
    assert _cell(page.model, "chromium.cookies").startswith("1 record\n")
