"""Record targets as catalog data: the shipped ones, the loader's checks, and the recipes
against the schemas real browsers wrote."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from records_kit import FIXTURES, make_database, schema_version

from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.errors import UnknownTarget
from onecleaner.engine.model import OS, ProfileLayout, Risk
from onecleaner.engine.records.database import check_layout
from onecleaner.engine.records.profiles import parse_profiles_ini
from onecleaner.engine.records.recipes import CLEANERS, NEVER_EDITED, Family
from onecleaner.resources import resources_dir

CHROMIUM_FAMILY = ("chromium", "google_chrome", "microsoft_edge", "brave", "opera", "vivaldi")
KINDS = ("cookies", "history", "form_history")


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize("app", [*CHROMIUM_FAMILY, "firefox"])
def test_every_browser_has_its_three_trace_targets_on_every_os(shipped: Catalog, app: str) -> None:
    family = "firefox" if app == "firefox" else "chromium"
    for kind in KINDS:
        target = shipped.target(f"{app}.{kind}")
        assert target.risk is Risk.PRIVACY
        assert target.records is not None
        assert target.records.cleaner == f"{family}.{kind}"
        assert all(target.exists_on(os_) for os_ in OS), target.id
        assert not shipped.in_preset(target.id), "never in the quick preset"
        layout = ProfileLayout.PROFILES_INI if app == "firefox" else ProfileLayout.FOLDERS
        assert target.records.profiles is layout
        for database in target.records.databases:
            assert database.rsplit("/", 1)[-1] not in NEVER_EDITED


def test_the_chromium_family_cleans_every_profile_and_both_cookie_files(
    shipped: Catalog,
) -> None:
    target = shipped.target("google_chrome.cookies")
    assert target.records is not None
    assert target.records.databases == ("Network/Cookies", "Cookies")
    roots = [r.root for r in target.rules[OS.LINUX]]
    for profile in ("Default", "Profile *", "Guest Profile"):
        assert f"${{CHROME_CONFIG_HOME:-$XDG_CONFIG_HOME}}/google-chrome/{profile}" in roots
    windows = [r.root for r in target.rules[OS.WINDOWS]]
    assert "%LOCALAPPDATA%\\Google\\Chrome\\User Data\\Profile *" in windows


def test_firefox_reads_profiles_ini_in_the_classic_and_the_xdg_folders(
    shipped: Catalog,
) -> None:
    roots = [r.root for r in shipped.target("firefox.cookies").rules[OS.LINUX]]
    assert "~/.mozilla/firefox" in roots
    assert "$XDG_CONFIG_HOME/mozilla/firefox" in roots
    assert [r.root for r in shipped.target("firefox.history").rules[OS.WINDOWS]] == [
        "%APPDATA%\\Mozilla\\Firefox"
    ]


@pytest.mark.parametrize(
    ("os_", "folder", "expected"),
    [
        (
            OS.WINDOWS,
            "C:\\Users\\ann\\AppData\\Roaming\\Mozilla\\Firefox",
            [
                "C:\\Users\\ann\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\a1.default-release",
                "D:\\Firefox\\work",
            ],
        ),
        (
            OS.MACOS,
            "/Users/ann/Library/Application Support/Firefox",
            [
                "/Users/ann/Library/Application Support/Firefox/Profiles/a1.default-release",
                "D:/Firefox/work",
            ],
        ),
    ],
)
def test_profiles_ini_paths_on_every_os(os_: OS, folder: str, expected: list[str]) -> None:
    text = (
        "[Install308046B0AF4A39CB]\nDefault=Profiles/a1.default-release\n\n"
        "[Profile1]\nName=work\nIsRelative=0\nPath=D:\\Firefox\\work\n\n"
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=Profiles/a1.default-release\n"
    )
    if os_ is OS.MACOS:
        text = text.replace("D:\\Firefox\\work", "/Volumes/x/work")
        expected = [expected[0], "/Volumes/x/work"]
    assert sorted(parse_profiles_ini(text, folder, os_)) == sorted(expected)


def test_a_broken_profiles_ini_names_no_profile() -> None:
    assert parse_profiles_ini("[Profile0\nPath=x", "/home/ann/.mozilla/firefox", OS.LINUX) == []


# -- the recipes against the real schemas ------------------------------------------------------


def _fixture(cleaner: str, database: str) -> tuple[str, str]:
    browser = "firefox" if CLEANERS[cleaner].family is Family.FIREFOX else "chromium"
    return browser, database


@pytest.mark.parametrize(
    ("cleaner", "database"),
    [(c.name, d) for c in CLEANERS.values() for d in c.recipes],
)
def test_every_recipe_fits_the_schema_a_real_browser_wrote(
    tmp_path: Path, cleaner: str, database: str
) -> None:
    browser, name = _fixture(cleaner, database)
    assert (FIXTURES / browser / f"{name}.sql").exists(), f"no real schema for {name}"
    db = make_database(tmp_path / name, browser, name)
    recipe = CLEANERS[cleaner].recipes[database]
    con = sqlite3.connect(db)
    try:
        layout = check_layout(con, recipe, CLEANERS[cleaner].family)
        # Every table a step names exists in today's browser: no step is silently dead.
        assert [s.table for s in layout.steps] == [s.table for s in recipe.steps]
        assert len(layout.updates) == len(recipe.updates)
    finally:
        con.close()
    assert layout.version == schema_version(browser, name)


def test_the_fixtures_say_which_browser_and_version_made_them() -> None:
    for sql in FIXTURES.glob("*/*.sql"):
        head = sql.read_text(encoding="utf-8").splitlines()[0]
        assert "Chromium 156." in head or "Firefox 153." in head, sql.name


# -- the loader's checks --------------------------------------------------------------------

_APP = """
schema = 1
[application]
id = "web"
name = "Web"
[[target]]
id = "cookies"
label = "Web cookies"
description = "Cookies."
risk = "{risk}"
kind = "{kind}"
{extra}
[[target.paths.linux]]
root = "~/.config/web/Default"
{rule}
"""


def _load(tmp_path: Path, **fields: str) -> Catalog:
    values = {
        "risk": "privacy",
        "kind": "records",
        "extra": 'cleaner = "chromium.cookies"\ndatabases = ["Network/Cookies", "Cookies"]',
        "rule": "",
    }
    values.update(fields)
    (tmp_path / "web.toml").write_text(_APP.format(**values), encoding="utf-8")
    return load_catalog([tmp_path])


def test_a_valid_record_target_loads(tmp_path: Path) -> None:
    catalog = _load(tmp_path)
    assert catalog.problems == ()
    target = catalog.target("web.cookies")
    assert target.records is not None
    assert target.records.cleaner == "chromium.cookies"
    assert target.records.databases == ("Network/Cookies", "Cookies")


@pytest.mark.parametrize(
    ("fields", "key", "reason"),
    [
        ({"kind": "rows"}, "target[0].kind", "unknown kind 'rows'"),
        ({"extra": 'cleaner = "safari.cookies"\ndatabases = ["Cookies"]'},
         "target[0].databases[0]", "unknown record cleaner 'safari.cookies'"),
        ({"extra": 'databases = ["Cookies"]'}, "target[0].cleaner", "missing"),
        ({"extra": 'cleaner = "chromium.cookies"'}, "target[0].databases", "non-empty list"),
        ({"extra": 'cleaner = "chromium.cookies"\ndatabases = ["../Cookies"]'},
         "target[0].databases[0]", "plain relative path"),
        ({"extra": 'cleaner = "chromium.cookies"\ndatabases = ["*/Cookies"]'},
         "target[0].databases[0]", "no globs"),
        ({"extra": 'cleaner = "chromium.history"\ndatabases = ["Login Data"]'},
         "target[0].databases[0]", "never edited"),
        ({"extra": 'cleaner = "chromium.history"\ndatabases = ["Favicons"]'},
         "target[0].databases[0]", "no recipe for 'Favicons'"),
        ({"risk": "safe"}, "target[0].risk", "its risk is 'privacy'"),
        ({"rule": 'include = ["/Cookies"]'}, "target[0].paths.linux[0].include", "no file rules"),
        ({"extra": 'cleaner = "chromium.cookies"\ndatabases = ["Cookies"]\nprofiles = "ini"'},
         "target[0].profiles", "must be one of"),
        ({"kind": "files"}, "target[0].cleaner", "only a records target"),
        ({"extra": 'cleaner = "chromium.cookies"\ndatabases = ["Cookies"]\nmin_age_hours = 1'},
         "target[0].min_age_hours", "no age rule"),
    ],
)  # fmt: skip
def test_a_malformed_record_target_is_named_and_left_out(
    tmp_path: Path, fields: dict[str, str], key: str, reason: str
) -> None:
    catalog = _load(tmp_path, **fields)
    found = [(p.key, p.reason) for p in catalog.problems]
    assert any(k == key and reason in r for k, r in found), found
    with pytest.raises(UnknownTarget):
        catalog.target("web.cookies")


def test_a_record_target_cannot_be_in_the_quick_preset(tmp_path: Path) -> None:
    (tmp_path / "presets.toml").write_text(
        'schema = 1\n[presets]\nquick = ["web.cookies"]\n', encoding="utf-8"
    )
    catalog = _load(tmp_path)
    assert any("quick holds safe targets only" in p.reason for p in catalog.problems)
    assert catalog.presets["quick"] == ()


def test_the_format_readme_example_of_a_record_target_loads(tmp_path: Path) -> None:
    readme = (resources_dir() / "cleaners" / "README.md").read_text(encoding="utf-8")
    block = re.findall(r"```toml\n(.*?)```", readme, flags=re.DOTALL)[2]
    (tmp_path / "chromium.toml").write_text(block, encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert catalog.problems == ()
    spec = catalog.target("chromium.cookies").records
    assert spec is not None and spec.databases == ("Network/Cookies", "Cookies")
