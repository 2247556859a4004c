"""`onecleaner cookies ...` and browser traces through `scan` / `clean`, run for real on a
temporary home with profiles built from the browsers' real schemas."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from records_kit import (
    ChromiumProfile,
    FirefoxProfile,
    chromium_profile,
    execute,
    file_bytes,
    firefox_profiles,
    make_database,
    rows,
)

from onecleaner.cli import main
from onecleaner.cli.context import CliContext
from onecleaner.engine.processes import ProcessProbe
from onecleaner.settings import load_settings


@pytest.fixture(autouse=True)
def no_browser_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine may run browsers of its own: the tests' profiles are never theirs."""
    monkeypatch.setattr(ProcessProbe, "running_apps", lambda self, apps, os_: {})


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code, out, err = run(capsys, *argv)
    assert out.strip(), err
    return code, json.loads(out)


@pytest.fixture
def chromium(isolated_home: Path) -> ChromiumProfile:
    profile = chromium_profile(isolated_home / ".config" / "chromium")
    profile.add_cookies("www.keep.example", ".keep.example", "tracker.example", "ads.example")
    return profile


@pytest.fixture
def firefox(isolated_home: Path) -> FirefoxProfile:
    (profile,) = firefox_profiles(isolated_home / ".mozilla" / "firefox")
    profile.add_cookies(".keep.example", "tracker.example")
    return profile


def cookie_hosts(profile: ChromiumProfile) -> set[str]:
    return {str(r[0]) for r in rows(profile.cookies, "SELECT host_key FROM cookies")}


# -- the keep-list ---------------------------------------------------------------------------


def test_the_keep_list_starts_empty_and_says_what_that_means(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_json(capsys, "cookies", "keep", "--json") == (0, {"keep": []})
    code, out, _ = run(capsys, "cookies", "keep")
    assert code == 0 and "signs you out of every site" in out


def test_domains_are_added_in_one_form_and_kept_in_the_settings(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "cookies", "keep", "add", "Example.ORG.", "bücher.de", "localhost")
    assert code == 0
    assert "example.org, xn--bcher-kva.de, localhost" in out
    code, out, _ = run(capsys, "cookies", "keep", "add", "example.org")
    assert code == 0 and "Already on the keep-list: example.org" in out
    assert run_json(capsys, "cookies", "keep", "--json") == (
        0,
        {"keep": ["example.org", "xn--bcher-kva.de", "localhost"]},
    )
    settings, warning = load_settings(data_dir)
    assert warning is None
    assert settings.cookie_keep_list == ("example.org", "xn--bcher-kva.de", "localhost")


@pytest.mark.parametrize("bad", ["https://example.org/", "*.example.org", "exa mple.org", ""])
def test_a_malformed_domain_is_a_usage_error_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    run(capsys, "cookies", "keep", "add", "kept.example")
    code, _out, err = run(capsys, "cookies", "keep", "add", "good.example", bad)
    assert code == 2
    assert "not a domain to keep" in err and "Nothing was changed" in err
    assert run_json(capsys, "cookies", "keep", "--json") == (0, {"keep": ["kept.example"]})


def test_removing_domains_and_one_that_is_not_there(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "cookies", "keep", "add", "a.example", "b.example")
    code, out, err = run(capsys, "cookies", "keep", "remove", "A.example", "c.example")
    assert code == 1
    assert "No longer kept: a.example" in out
    assert "c.example is not on the keep-list" in err
    assert run_json(capsys, "cookies", "keep", "--json") == (0, {"keep": ["b.example"]})


def test_an_unreadable_settings_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text("{ not json")
    code, _, err = run(capsys, "cookies", "keep", "add", "a.example")
    assert code == 2 and "keep-list is unknown" in err


# -- suggestions -----------------------------------------------------------------------------


@pytest.fixture
def bookmarks_and_logins(
    chromium: ChromiumProfile, firefox: FirefoxProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    (chromium.folder / "Bookmarks").write_text(
        json.dumps(
            {
                "roots": {
                    "bookmark_bar": {
                        "type": "folder",
                        "children": [
                            {"type": "url", "url": "https://www.bbc.co.uk/news"},
                            {"type": "folder", "children": [
                                {"type": "url", "url": "https://github.com/x"},
                                {"type": "url", "url": "javascript:alert(1)"},
                            ]},
                        ],
                    }
                }
            }
        )
    )  # fmt: skip
    chromium.add_login("https://accounts.bank.example/")
    execute(chromium.login_data, "UPDATE logins SET blacklisted_by_user = 0")
    chromium.add_login("https://never.example/")
    execute(
        chromium.login_data,
        "UPDATE logins SET blacklisted_by_user = 1 WHERE origin_url = 'https://never.example/'",
    )
    firefox.add_page("https://github.com/y", bookmarked=True)
    firefox.add_page("https://visited-only.example/")
    logins = firefox.folder / "logins.db"
    make_database(logins, "firefox", "logins.db")
    execute(
        logins,
        "INSERT INTO loginsL (origin, httpRealm, timeCreated, timePasswordChanged, guid, "
        "secFields) VALUES ('https://mail.example', 'realm', 1, 1, 'g1', 'SECRET-FIELDS')",
    )
    # No password, user name or secret field is ever read: SQLite refuses those columns here.
    real_connect = sqlite3.connect

    def guarded(*args: object, **kw: object) -> sqlite3.Connection:
        con = real_connect(*args, **kw)  # type: ignore[arg-type]

        def authorize(action: int, arg1: object, arg2: object, *_: object) -> int:
            secret = {"password_value", "username_value", "secFields", "password_element"}
            if action == sqlite3.SQLITE_READ and arg2 in secret:
                return sqlite3.SQLITE_DENY
            return sqlite3.SQLITE_OK

        con.set_authorizer(authorize)
        return con

    monkeypatch.setattr("onecleaner.engine.records.suggest.sqlite3.connect", guarded)


@pytest.mark.usefixtures("bookmarks_and_logins")
def test_suggestions_come_from_bookmarks_and_login_origins(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "cookies", "keep", "add", "github.com")
    code, doc = run_json(capsys, "cookies", "suggest", "--json")
    assert code == 0
    assert doc == {
        "suggestions": [
            {"domain": "bank.example", "why": ["login"], "browsers": ["Chromium"], "kept": False},
            {"domain": "bbc.co.uk", "why": ["bookmark"], "browsers": ["Chromium"], "kept": False},
            {
                "domain": "github.com",
                "why": ["bookmark"],
                "browsers": ["Chromium", "Firefox"],
                "kept": True,
            },
            {"domain": "mail.example", "why": ["login"], "browsers": ["Firefox"], "kept": False},
        ]
    }
    code, out, _ = run(capsys, "cookies", "suggest")
    assert "bbc.co.uk" in out and "saved login" in out and "cookies keep add" in out


@pytest.mark.usefixtures("bookmarks_and_logins")
def test_suggestions_read_a_database_a_running_browser_holds_and_leave_it_alone(
    capsys: pytest.CaptureFixture[str], chromium: ChromiumProfile
) -> None:
    holder = sqlite3.connect(chromium.login_data, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("COMMIT")
    try:
        before = file_bytes(chromium.login_data)
        code, doc = run_json(capsys, "cookies", "suggest", "--json")
        assert file_bytes(chromium.login_data) == before
    finally:
        holder.close()
    assert code == 0
    assert "bank.example" in {s["domain"] for s in doc["suggestions"]}  # type: ignore[attr-defined]


# -- traces through scan and clean -----------------------------------------------------------


def test_scan_and_clean_json_count_records(
    capsys: pytest.CaptureFixture[str], chromium: ChromiumProfile
) -> None:
    run(capsys, "cookies", "keep", "add", "keep.example")
    code, scanned = run_json(capsys, "scan", "chromium.cookies", "--json")
    assert code == 0
    (target,) = scanned["targets"]  # type: ignore[misc]
    assert target["records"] == 2 and target["files"] == 0 and target["bytes"] > 0
    assert scanned["records"] == 2
    code, cleaned = run_json(capsys, "clean", "chromium.cookies", "--yes", "--json")
    assert code == 0
    (target,) = cleaned["targets"]  # type: ignore[misc]
    assert target["records"] == 2 and cleaned["records"] == 2
    assert cookie_hosts(chromium) == {"www.keep.example", ".keep.example"}


def test_the_human_scan_shows_a_records_column(
    capsys: pytest.CaptureFixture[str], chromium: ChromiumProfile
) -> None:
    _code, out, _ = run(capsys, "scan", "chromium.cookies")
    assert "RECORDS" in out.splitlines()[0]
    assert "A clean would remove 4 records" in out


def test_the_confirmation_names_the_browsers_and_the_kept_domains(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    chromium: ChromiumProfile,
    firefox: FirefoxProfile,
) -> None:
    run(capsys, "cookies", "keep", "add", "keep.example")
    monkeypatch.setattr(CliContext, "interactive", property(lambda self: True))
    monkeypatch.setattr(sys, "stdin", type("In", (), {"readline": lambda self: "n\n"})())
    code, _, err = run(capsys, "clean", "chromium.cookies", "firefox.cookies")
    assert code == 1
    assert "3 records from the databases of Chromium, Firefox" in err
    assert "Cookies kept for: keep.example." in err
    assert "signed out of every other site" in err
    assert "Not caches" in err and "chromium.cookies (" in err and ", privacy): " in err
    assert "Nothing was removed" in err
    assert len(cookie_hosts(chromium)) == 4


def test_a_cookie_clean_refuses_when_the_keep_list_cannot_be_read(
    capsys: pytest.CaptureFixture[str], chromium: ChromiumProfile, data_dir: Path
) -> None:
    run(capsys, "cookies", "keep", "add", "keep.example")
    (data_dir / "settings.json").write_text("{ broken")
    before = file_bytes(chromium.cookies)
    code, _, err = run(capsys, "clean", "chromium.cookies", "--yes")
    assert code == 2
    assert "keep-list could not be read" in err and "Nothing was removed" in err
    assert file_bytes(chromium.cookies) == before
    chromium.add_visits("http://a.example/")
    code, _, _ = run(capsys, "clean", "chromium.history", "--yes")
    assert code == 0, "history does not depend on the keep-list"


def test_a_saved_plan_cleans_its_databases_and_rechecks_them(
    capsys: pytest.CaptureFixture[str], chromium: ChromiumProfile, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.json"
    run(capsys, "cookies", "keep", "add", "keep.example")
    assert (
        run(capsys, "scan", "chromium.cookies", "firefox.cookies", "--plan-out", str(plan))[0] == 0
    )
    code, doc = run_json(capsys, "clean", "--plan", str(plan), "--yes", "--json")
    assert code == 0 and doc["records"] == 2
    assert cookie_hosts(chromium) == {"www.keep.example", ".keep.example"}
    # A second plan, then a cookie the browser set meanwhile: the count no longer matches.
    chromium.add_cookies("more.example")
    run(capsys, "scan", "chromium.cookies", "--plan-out", str(plan))
    chromium.add_cookies("late.example")
    code, doc = run_json(capsys, "clean", "--plan", str(plan), "--yes", "--json")
    assert code == 1
    (target,) = doc["targets"]  # type: ignore[misc]
    assert [s["code"] for s in target["skipped"]] == ["changed_since_scan"]
    assert "late.example" in cookie_hosts(chromium)


def test_a_plan_pointing_at_another_database_is_refused(
    capsys: pytest.CaptureFixture[str],
    chromium: ChromiumProfile,
    tmp_path: Path,
) -> None:
    from onecleaner.engine import planfile

    plan = tmp_path / "plan.json"
    run(capsys, "scan", "chromium.cookies", "--plan-out", str(plan))
    body_of = planfile._plan_to_body

    def forged(p: object) -> dict[str, object]:
        body = body_of(p)  # type: ignore[arg-type]
        for t in body["targets"]:
            for db in t.get("databases", []):
                db[0] = db[0].replace("Cookies", "Login Data")
        return body

    with pytest.MonkeyPatch.context() as patch:  # not `monkeypatch`: it holds the temp HOME
        patch.setattr(planfile, "_plan_to_body", forged)
        run(capsys, "scan", "chromium.cookies", "--plan-out", str(plan))
    before = file_bytes(chromium.login_data)
    code, _, err = run(capsys, "clean", "--plan", str(plan), "--yes")
    assert code == 2
    assert "is not one of the databases target 'chromium.cookies' cleans" in err
    assert file_bytes(chromium.login_data) == before


def test_list_shows_the_trace_targets_as_privacy_and_not_quick(
    capsys: pytest.CaptureFixture[str], chromium: ChromiumProfile
) -> None:
    _code, doc = run_json(capsys, "list", "--json")
    by_id = {t["id"]: t for t in doc["targets"]}  # type: ignore[attr-defined]
    for kind in ("cookies", "history", "form_history"):
        row = by_id[f"chromium.{kind}"]
        assert row["risk"] == "privacy" and row["quick"] is False
        assert row["present"] is True
    assert by_id["firefox.cookies"]["present"] is False
