"""When a record target must leave a database alone, and that it then leaves it byte-identical:
a running browser (by name, or holding the database), an unknown layout, a database changed
since the scan, a link, a profile in a never-touch place."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_kit import FakeProbe, env
from records_kit import (
    ChromiumProfile,
    FirefoxProfile,
    chromium_profile,
    file_bytes,
    firefox_profiles,
    rows,
)

from onecleaner.engine import clean, scan
from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.model import CleanResult, Plan, TargetPlan
from onecleaner.engine.scan import ScanOptions

KEEP = ("keep.example",)


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


@pytest.fixture
def chromium(isolated_home: Path) -> ChromiumProfile:
    profile = chromium_profile(isolated_home / ".config" / "chromium", databases=["Cookies"])
    profile.add_cookies("keep.example", "tracker.example", "ads.example")
    return profile


@pytest.fixture
def firefox(isolated_home: Path) -> FirefoxProfile:
    (profile,) = firefox_profiles(isolated_home / ".mozilla" / "firefox")
    profile.add_cookies("keep.example", "tracker.example")
    return profile


def run_scan(catalog: Catalog, tid: str, probe: FakeProbe | None = None) -> Plan:
    return scan(
        catalog.select([tid], env().os),
        env(),
        catalog=catalog,
        options=ScanOptions(keep_domains=KEEP),
        probe=probe or FakeProbe(),
    )


def run_clean(
    catalog: Catalog, plan: Plan, probe: FakeProbe | None = None, keep: tuple[str, ...] = KEEP
) -> CleanResult:
    return clean(plan, env(), catalog=catalog, probe=probe or FakeProbe(), keep_domains=keep)


def skipped(report: Plan | CleanResult) -> dict[str, str]:
    """Path -> the skip's reason in English (what the CLI prints)."""
    return {s.path: str(s.reason) for s in report.skipped}


@pytest.fixture
def held_exclusively(chromium: ChromiumProfile) -> Iterator[sqlite3.Connection]:
    """The cookies database held the way a running Chromium holds it (exclusive locking)."""
    con = sqlite3.connect(chromium.cookies, isolation_level=None)
    con.execute("PRAGMA locking_mode = EXCLUSIVE")
    con.execute("SELECT count(*) FROM cookies").fetchone()
    con.execute("BEGIN IMMEDIATE")
    con.execute("COMMIT")
    yield con
    con.close()


# -- a running browser ---------------------------------------------------------------------


def test_a_running_browser_is_named_and_its_databases_are_not_opened(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    before = file_bytes(chromium.cookies)
    plan = run_scan(shipped, "chromium.cookies", FakeProbe(running={"chromium": (42,)}))
    assert plan.records == 0
    assert skipped(plan) == {str(chromium.cookies): "skipped: Chromium is running"}
    assert file_bytes(chromium.cookies) == before


def test_a_browser_started_after_the_scan_stops_the_clean(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    before = file_bytes(chromium.cookies)
    result = run_clean(shipped, plan, FakeProbe(running={"chromium": (42,)}))
    assert result.records == 0
    assert skipped(result) == {str(chromium.cookies): "skipped: Chromium is running"}
    assert file_bytes(chromium.cookies) == before


def test_a_database_held_by_a_browser_the_process_check_missed_is_left_alone(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    con = sqlite3.connect(chromium.cookies, isolation_level=None)
    con.execute("PRAGMA locking_mode = EXCLUSIVE")
    con.execute("BEGIN IMMEDIATE")
    con.execute("COMMIT")  # the lock stays, as in a running Chromium
    try:
        before = file_bytes(chromium.cookies)
        result = run_clean(shipped, plan)
        scan_again = run_scan(shipped, "chromium.cookies")
        assert file_bytes(chromium.cookies) == before
    finally:
        con.close()
    words = "skipped: the database is in use, probably by Chromium; close Chromium and try again"
    assert skipped(result)[str(chromium.cookies)].startswith(words)
    assert skipped(scan_again)[str(chromium.cookies)].startswith(words)
    assert result.records == 0
    assert len(rows(chromium.cookies, "SELECT * FROM cookies")) == 3


def test_a_firefox_database_open_in_another_program_is_left_alone(
    shipped: Catalog, firefox: FirefoxProfile
) -> None:
    plan = run_scan(shipped, "firefox.cookies")
    con = sqlite3.connect(firefox.cookies)  # Firefox keeps its WAL databases open
    con.execute("SELECT count(*) FROM moz_cookies").fetchone()
    try:
        before = file_bytes(firefox.cookies)
        result = run_clean(shipped, plan)
        assert file_bytes(firefox.cookies) == before
    finally:
        con.close()
    assert "probably by Firefox" in skipped(result)[str(firefox.cookies)]
    assert result.records == 0


# -- layout and identity ---------------------------------------------------------------------


def test_an_unknown_layout_is_skipped_with_the_browser_and_its_version(
    shipped: Catalog, isolated_home: Path
) -> None:
    folder = isolated_home / ".config" / "chromium" / "Default"
    folder.mkdir(parents=True)
    db = folder / "Cookies"
    con = sqlite3.connect(db)
    con.executescript(
        "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR);"
        "INSERT INTO meta VALUES ('version', '99');"
        "CREATE TABLE cookies(creation_utc INTEGER, site TEXT, name TEXT, value TEXT);"
        "INSERT INTO cookies VALUES (1, 'tracker.example', 'a', 'b');"
    )
    con.close()
    before = file_bytes(db)
    plan = run_scan(shipped, "chromium.cookies")
    assert skipped(plan) == {
        str(db): "skipped: Chromium cookies database of an unknown layout "
        "(schema version 99; table cookies has no column host_key); nothing was changed"
    }
    assert plan.records == 0
    assert file_bytes(db) == before


def test_an_unknown_layout_met_at_clean_changes_nothing(
    shipped: Catalog, firefox: FirefoxProfile
) -> None:
    plan = run_scan(shipped, "firefox.cookies")
    con = sqlite3.connect(firefox.cookies)
    con.execute("ALTER TABLE moz_cookies RENAME COLUMN host TO site")
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = file_bytes(firefox.cookies)
    result = run_clean(shipped, plan)
    reason = skipped(result)[str(firefox.cookies)]
    assert "Firefox cookies database of an unknown layout (schema version 99" in reason
    assert file_bytes(firefox.cookies) == before


def test_a_cookie_added_since_the_scan_makes_the_clean_skip_it_as_changed(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    chromium.add_cookies("new.example")
    result = run_clean(shipped, plan)
    assert skipped(result) == {str(chromium.cookies): "changed since the scan"}
    assert len(rows(chromium.cookies, "SELECT * FROM cookies")) == 4


def test_a_database_replaced_since_the_scan_is_not_touched(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    old = chromium.cookies.with_name("Cookies.old")
    chromium.cookies.rename(old)  # kept, so the new file cannot reuse its inode
    chromium.cookies.write_bytes(old.read_bytes())  # the same content in another file
    before = file_bytes(chromium.cookies)
    result = run_clean(shipped, plan)
    assert skipped(result) == {str(chromium.cookies): "changed since the scan"}
    assert file_bytes(chromium.cookies) == before


def test_a_domain_kept_after_the_scan_is_still_kept(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    result = run_clean(shipped, plan, keep=(*KEEP, "tracker.example"))
    assert skipped(result) == {str(chromium.cookies): "changed since the scan"}
    assert "tracker.example" in {
        r[0] for r in rows(chromium.cookies, "SELECT host_key FROM cookies")
    }


def test_a_database_that_is_a_link_is_not_followed(
    shipped: Catalog, isolated_home: Path, tmp_path: Path
) -> None:
    elsewhere = chromium_profile(tmp_path / "elsewhere", databases=["Cookies"])
    elsewhere.add_cookies("tracker.example")
    folder = isolated_home / ".config" / "chromium" / "Default"
    folder.mkdir(parents=True)
    (folder / "Cookies").symlink_to(elsewhere.cookies)
    before = file_bytes(elsewhere.cookies)
    plan = run_scan(shipped, "chromium.cookies")
    assert skipped(plan) == {
        str(folder / "Cookies"): "not a plain file (a link or a special file); left alone"
    }
    run_clean(shipped, plan)
    assert file_bytes(elsewhere.cookies) == before


def test_a_plan_naming_another_file_is_refused_at_clean(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    (tp,) = plan.targets
    login = chromium.folder / "Login Data"
    login.write_bytes(chromium.cookies.read_bytes())
    st = login.stat()
    forged = dataclasses.replace(
        tp.databases[0],
        path=str(login),
        identity=dataclasses.replace(tp.databases[0].identity, ino=st.st_ino),
    )
    bad = Plan((TargetPlan(tp.target_id, tp.roots, (), (), (forged,)),), plan.os, 0.0)
    before = file_bytes(login)
    result = run_clean(shipped, bad)
    assert skipped(result) == {str(login): "not its target's file; scan again"}
    assert file_bytes(login) == before


def test_a_firefox_profile_in_a_never_touch_place_is_refused(
    shipped: Catalog, isolated_home: Path
) -> None:
    documents = isolated_home / "Documents" / "ff-profile"
    firefox_profiles(isolated_home / ".mozilla" / "firefox", names=(), absolute=[documents])
    FirefoxProfile(documents).add_cookies("tracker.example")
    before = file_bytes(documents / "cookies.sqlite")
    plan = run_scan(shipped, "firefox.cookies")
    assert plan.records == 0
    assert skipped(plan) == {str(documents): "refused: resolves into your Documents folder"}
    assert file_bytes(documents / "cookies.sqlite") == before
    assert os.path.exists(documents / "cookies.sqlite")
