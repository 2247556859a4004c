"""Done when: real browsers start on a profile ONE Cleaner cleaned and still send the kept
cookies, and no others; Firefox still has its bookmarks after its history was cleaned.

Debian's `chromium` and `firefox-esr` run headless (tests/engine/browsers_kit.py) on profiles in
the test's temporary home, where the shipped catalog's record targets find them; every host
name resolves to a local server, which records the cookies each request carries. Slow (a
browser start is seconds): run with `-m slow`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from browsers_kit import (
    Chromium,
    CookieServer,
    Firefox,
    chromium_available,
    firefox_available,
)
from engine_kit import FakeProbe, env

from onecleaner.engine import clean, scan
from onecleaner.engine.catalog import load_catalog
from onecleaner.engine.model import CleanResult, Plan
from onecleaner.engine.scan import ScanOptions

pytestmark = pytest.mark.slow

KEEP = ("keep.example",)
KEPT_HOST = "www.keep.example"
KEPT_COOKIES = {"h_www_keep_example", "d_keep_example"}
OTHER_HOST = "tracker.example"


def _clean(target_id: str) -> tuple[Plan, CleanResult]:
    """Scan and clean one shipped target on this test's home, as the CLI would."""
    catalog = load_catalog()
    # The browser was closed by the test; a browser another program runs is not ours.
    probe = FakeProbe()
    plan = scan(
        catalog.select([target_id], env().os),
        env(),
        catalog=catalog,
        options=ScanOptions(keep_domains=KEEP),
        probe=probe,
    )
    result = clean(plan, env(), catalog=catalog, probe=probe, keep_domains=KEEP)
    return plan, result


def _visit_all(browser: Chromium | Firefox, server: CookieServer) -> None:
    for host in (KEPT_HOST, "sub.keep.example", OTHER_HOST, "ads.tracker.example"):
        browser.navigate(server.url(host, "/page"))


@pytest.mark.skipif(not chromium_available(), reason="Debian's chromium is not installed")
def test_chromium_starts_on_the_cleaned_profile_and_sends_only_the_kept_cookies(
    isolated_home: Path, tmp_path: Path
) -> None:
    user_data = Path(os.environ["XDG_CONFIG_HOME"]) / "chromium"
    log = tmp_path / "chromium.log"
    with CookieServer() as server:
        browser = Chromium(user_data, log)
        version = browser.version
        try:
            _visit_all(browser, server)
        finally:
            browser.close()
        cookies = user_data / "Default" / "Cookies"
        if not cookies.exists():
            cookies = user_data / "Default" / "Network" / "Cookies"
        before = {r[0] for r in sqlite3.connect(cookies).execute("SELECT host_key FROM cookies")}
        assert {KEPT_HOST, ".keep.example", OTHER_HOST, ".tracker.example"} <= before

        plan, result = _clean("chromium.cookies")
        assert result.skipped == (), [str(s.reason) for s in result.skipped]
        assert result.records == plan.records > 0
        con = sqlite3.connect(cookies)
        after = {r[0] for r in con.execute("SELECT host_key FROM cookies")}
        con.close()
        assert after == {KEPT_HOST, "sub.keep.example", ".keep.example"}

        server.forget()
        browser = Chromium(user_data, log)
        try:
            browser.navigate(server.url(KEPT_HOST, "/again"))
            browser.navigate(server.url(OTHER_HOST, "/again"))
        finally:
            browser.close()
    print(f"tested with {version}")
    assert server.sent_to(KEPT_HOST) == KEPT_COOKIES
    assert server.sent_to(OTHER_HOST) == frozenset()


@pytest.mark.skipif(not firefox_available(), reason="Debian's firefox-esr is not installed")
def test_firefox_starts_on_the_cleaned_profile_sends_only_the_kept_cookies_and_keeps_bookmarks(
    isolated_home: Path, tmp_path: Path
) -> None:
    profiles = isolated_home / ".mozilla" / "firefox"
    profile = profiles / "test.default-esr"
    profiles.mkdir(parents=True)
    (profiles / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=test.default-esr\nDefault=1\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n"
    )
    log = tmp_path / "firefox.log"
    done = "const done = arguments[arguments.length - 1];"
    with CookieServer() as server:
        bookmark = server.url(KEPT_HOST, "/bookmarked")
        browser = Firefox(profile, log)
        version = browser.version
        try:
            _visit_all(browser, server)
            browser.navigate(bookmark)
            browser.chrome_script(
                done + "PlacesUtils.bookmarks.insert({parentGuid: "
                f"PlacesUtils.bookmarks.toolbarGuid, url: {bookmark!r}, title: 'Kept'}})"
                ".then(() => done(true), e => done(String(e)));"
            )
        finally:
            browser.close()

        _, cookies = _clean("firefox.cookies")
        _, history = _clean("firefox.history")
        for result in (cookies, history):
            assert result.skipped == (), [str(s.reason) for s in result.skipped]
            assert result.records > 0

        server.forget()
        browser = Firefox(profile, log)
        try:
            browser.navigate(server.url(KEPT_HOST, "/again"))
            browser.navigate(server.url(OTHER_HOST, "/again"))
            found = browser.chrome_script(
                done + f"PlacesUtils.bookmarks.fetch({{url: {bookmark!r}}})"
                ".then(b => done(b ? b.title : null), e => done(String(e)));"
            )
            visited = browser.chrome_script(
                done + f"PlacesUtils.history.hasVisits({server.url(OTHER_HOST, '/page')!r})"
                ".then(v => done(v), e => done(String(e)));"
            )
        finally:
            browser.close()
    print(f"tested with Firefox {version}")
    assert server.sent_to(KEPT_HOST) == KEPT_COOKIES
    assert server.sent_to(OTHER_HOST) == frozenset()
    assert found == "Kept", "the bookmark survived the history clean"
    assert visited is False, "the visits before the clean are gone"
