"""Record targets through the engine's scan() and clean(): cookies with a keep-list, history
that spares bookmarks, form entries that spare addresses and cards, on databases built from
the browsers' real schemas (records_kit.py) in the shipped catalog's profile folders."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from engine_kit import FakeProbe, env
from records_kit import (
    ChromiumProfile,
    FirefoxProfile,
    chromium_profile,
    execute,
    file_bytes,
    firefox_profiles,
    integrity,
    rows,
)

from onecleaner.engine import clean, scan
from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.model import OS, DeleteMode, Plan
from onecleaner.engine.reasons import SkipCode
from onecleaner.engine.records.edit import trash_copy
from onecleaner.engine.scan import ScanOptions

KEEP = ("keep.example",)


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


def config(home: Path) -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME", home / ".config"))


@pytest.fixture
def chromium(isolated_home: Path) -> ChromiumProfile:
    profile = chromium_profile(config(isolated_home) / "chromium")
    profile.add_cookies(
        "www.keep.example", ".keep.example", "keep.example", "badkeep.example",
        ".tracker.example", "ads.tracker.example", "localhost",
    )  # fmt: skip
    return profile


@pytest.fixture
def firefox(isolated_home: Path, tmp_path: Path) -> list[FirefoxProfile]:
    made = firefox_profiles(
        isolated_home / ".mozilla" / "firefox", absolute=[tmp_path / "elsewhere" / "ff"]
    )
    for profile in made:
        profile.add_cookies(".keep.example", "www.keep.example", ".tracker.example", "x.org")
    return made


def run_scan(
    catalog: Catalog, *ids: str, keep: tuple[str, ...] = KEEP, probe: FakeProbe | None = None
) -> Plan:
    return scan(
        catalog.select(list(ids), env().os),
        env(),
        catalog=catalog,
        options=ScanOptions(keep_domains=keep),
        probe=probe or FakeProbe(),
    )


def run_clean(catalog: Catalog, plan: Plan, **kw: object) -> object:
    kw.setdefault("probe", FakeProbe())
    kw.setdefault("keep_domains", KEEP)
    return clean(plan, env(), catalog=catalog, **kw)  # type: ignore[arg-type]


def hosts(path: Path, table: str = "cookies", column: str = "host_key") -> set[str]:
    return {str(r[0]) for r in rows(path, f"SELECT {column} FROM {table}")}


def codes(plan_or_result: object) -> dict[str, str]:
    skipped = plan_or_result.skipped  # type: ignore[attr-defined]
    return {s.path: s.reason.code.value for s in skipped}


# -- cookies ---------------------------------------------------------------------------------


def test_a_cookie_scan_counts_what_a_clean_removes_and_changes_nothing(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    before = file_bytes(chromium.cookies)
    plan = run_scan(shipped, "chromium.cookies")
    (tp,) = plan.targets
    assert [d.path for d in tp.databases] == [str(chromium.cookies)]
    assert tp.records == 4  # badkeep, .tracker, ads.tracker, localhost
    assert tp.bytes > 0 and plan.records == 4 and plan.files == 0
    assert tp.databases[0].keep == KEEP
    assert file_bytes(chromium.cookies) == before, "a scan writes nothing"


def test_a_record_scan_reports_each_database_it_reads(
    shipped: Catalog, chromium: ChromiumProfile, firefox: list[FirefoxProfile]
) -> None:
    """The window shows progress while browser databases are read (Phase.SCAN, done/total)."""
    from onecleaner.engine.model import Phase, Progress

    seen: list[Progress] = []
    scan(
        shipped.select(["chromium.cookies", "firefox.cookies"], env().os),
        env(),
        catalog=shipped,
        options=ScanOptions(keep_domains=KEEP),
        probe=FakeProbe(),
        progress=seen.append,
    )
    reads = [(p.current, p.done, p.total) for p in seen if p.phase is Phase.SCAN and p.total]
    assert reads == [
        (str(chromium.cookies), 0, 2),
        *((str(f.cookies), 1, 2) for f in firefox),
    ]


def test_a_cookie_clean_keeps_exactly_the_kept_domains(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    result = run_clean(shipped, plan)
    assert hosts(chromium.cookies) == {"www.keep.example", ".keep.example", "keep.example"}
    assert result.records == 4  # type: ignore[attr-defined]
    assert result.skipped == ()  # type: ignore[attr-defined]
    assert integrity(chromium.cookies) == "ok"


def test_localhost_and_ip_addresses_are_kept_only_when_listed(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    chromium.add_cookies("127.0.0.1", "10.0.0.1", path=chromium.cookies)
    keep = ("localhost", "127.0.0.1")
    run_clean(shipped, run_scan(shipped, "chromium.cookies", keep=keep), keep_domains=keep)
    assert hosts(chromium.cookies) == {"localhost", "127.0.0.1"}


def test_removed_values_do_not_linger_in_the_file(shipped: Catalog, isolated_home: Path) -> None:
    profile = chromium_profile(config(isolated_home) / "chromium", databases=["Cookies"])
    execute(
        profile.cookies,
        "INSERT INTO cookies (creation_utc, host_key, top_frame_site_key, name, value, "
        "encrypted_value, path, expires_utc, is_secure, is_httponly, last_access_utc, "
        "has_expires, is_persistent, priority, samesite, source_scheme, source_port, "
        "last_update_utc, source_type, has_cross_site_ancestor) VALUES "
        "(?, ?, '', ?, ?, x'00', '/', 0, 0, 0, 0, 1, 1, 1, -1, 1, 80, 0, 0, 0)",
        [(i, host, f"n{i}", f"{marker}-{i}-" + "z" * 300)
         for i, (host, marker) in enumerate(
             [("a.tracker.example", "GONEMARKER")] * 200 + [("keep.example", "KEPTMARKER")]
         )],
    )  # fmt: skip
    size_before = profile.cookies.stat().st_size
    plan = run_scan(shipped, "chromium.cookies")
    result = run_clean(shipped, plan)
    data = b"".join(v for v in file_bytes(profile.cookies).values() if v)
    assert b"GONEMARKER" not in data
    assert b"KEPTMARKER" in data
    freed = size_before - profile.cookies.stat().st_size
    assert result.bytes == freed > 0  # type: ignore[attr-defined]
    estimate = plan.targets[0].bytes
    assert 0.5 * freed <= estimate <= 1.5 * freed, (estimate, freed)


def test_firefox_cookies_of_every_profile_in_profiles_ini(
    shipped: Catalog, firefox: list[FirefoxProfile]
) -> None:
    plan = run_scan(shipped, "firefox.cookies")
    assert sorted(d.path for d in plan.targets[0].databases) == sorted(
        str(p.cookies) for p in firefox
    )
    run_clean(shipped, plan)
    for profile in firefox:
        assert hosts(profile.cookies, "moz_cookies", "host") == {
            ".keep.example",
            "www.keep.example",
        }
        assert integrity(profile.cookies) == "ok"
        wal = Path(str(profile.cookies) + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the log is emptied too"


def test_firefox_profiles_of_the_xdg_folder_are_found(
    shipped: Catalog, isolated_home: Path
) -> None:
    (profile,) = firefox_profiles(config(isolated_home) / "mozilla" / "firefox")
    profile.add_cookies("x.org")
    plan = run_scan(shipped, "firefox.cookies")
    assert [d.path for d in plan.targets[0].databases] == [str(profile.cookies)]


def test_the_network_folder_and_the_older_cookies_file_are_both_cleaned(
    shipped: Catalog, isolated_home: Path
) -> None:
    profile = chromium_profile(
        config(isolated_home) / "chromium", "Profile 2", databases=["Cookies"]
    )
    network = profile.folder / "Network" / "Cookies"
    network.parent.mkdir()
    network.write_bytes(profile.cookies.read_bytes())
    profile.add_cookies("old.example")
    profile.add_cookies("new.example", path=network)
    run_clean(shipped, run_scan(shipped, "chromium.cookies"))
    assert hosts(profile.cookies) == set() and hosts(network) == set()


# -- history ---------------------------------------------------------------------------------


def test_chromium_history_goes_and_bookmarks_logins_preferences_stay(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    chromium.add_visits("http://a.example/", "http://b.example/secret")
    bookmarks = chromium.folder / "Bookmarks"
    bookmarks.write_text(json.dumps({"roots": {"bookmark_bar": {"children": []}}}))
    (chromium.folder / "Preferences").write_text("{}")
    chromium.add_login("https://bank.example/")
    spared = file_bytes(bookmarks, chromium.folder / "Preferences", chromium.login_data)
    plan = run_scan(shipped, "chromium.history")
    assert plan.targets[0].records == 5  # 2 pages, 2 visits, 1 search term
    run_clean(shipped, plan)
    for table in ("urls", "visits", "keyword_search_terms", "downloads"):
        assert rows(chromium.history, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert file_bytes(bookmarks, chromium.folder / "Preferences", chromium.login_data) == spared


def test_firefox_history_spares_bookmarks_and_the_pages_they_use(
    shipped: Catalog, firefox: list[FirefoxProfile]
) -> None:
    profile = firefox[0]
    kept = profile.add_page("http://kept.example/page", visits=3, bookmarked=True)
    profile.add_page("http://gone.example/page", visits=2)
    profile.add_download("http://files.example/report.pdf")
    profile.add_download("http://kept.example/manual.pdf", bookmarked=True)
    bookmarks = rows(profile.places, "SELECT id, fk, title, guid FROM moz_bookmarks")
    run_clean(shipped, run_scan(shipped, "firefox.history"))
    assert rows(profile.places, "SELECT id, fk, title, guid FROM moz_bookmarks") == bookmarks
    urls = {r[0] for r in rows(profile.places, "SELECT url FROM moz_places")}
    assert urls == {"http://kept.example/page", "http://kept.example/manual.pdf"}
    assert rows(profile.places, "SELECT visit_count, last_visit_date, typed FROM moz_places "
                "WHERE id = ?", (kept,)) == [(0, None, 0)]  # fmt: skip
    for table in ("moz_historyvisits", "moz_inputhistory", "moz_annos"):
        assert rows(profile.places, f"SELECT count(*) FROM {table}") == [(0,)], table
    origins = {r[0] for r in rows(profile.places, "SELECT host FROM moz_origins")}
    assert origins == {"kept.example"}
    assert integrity(profile.places) == "ok"


# -- form entries ----------------------------------------------------------------------------


def test_chromium_form_entries_go_addresses_and_cards_stay(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    chromium.add_form_entries("ann@example.org", "secret query")
    chromium.add_address_and_card()
    plan = run_scan(shipped, "chromium.form_history")
    assert plan.targets[0].records == 4
    run_clean(shipped, plan)
    assert rows(chromium.web_data, "SELECT count(*) FROM autocomplete") == [(0,)]
    assert rows(chromium.web_data, "SELECT count(*) FROM autofill") == [(0,)]
    assert rows(chromium.web_data, "SELECT guid FROM addresses") == [("addr-1",)]
    assert rows(chromium.web_data, "SELECT guid FROM credit_cards") == [("card-1",)]


def test_firefox_form_entries_go(shipped: Catalog, firefox: list[FirefoxProfile]) -> None:
    firefox[0].add_form_entries("secret search", "ann@example.org")
    run_clean(shipped, run_scan(shipped, "firefox.form_history"))
    assert rows(firefox[0].forms, "SELECT count(*) FROM moz_formhistory") == [(0,)]


def test_no_record_target_changes_logins_keys_preferences_or_site_data(
    shipped: Catalog, chromium: ChromiumProfile, firefox: list[FirefoxProfile]
) -> None:
    chromium.add_visits("http://a.example/")
    chromium.add_form_entries("x")
    chromium.add_login("https://bank.example/")
    firefox[0].add_page("http://a.example/")
    firefox[0].add_form_entries("x")
    spared = []
    for folder, names in (
        (chromium.folder, ["Login Data", "Login Data For Account", "Preferences",
                           "Secure Preferences", "Bookmarks", "Local Storage/leveldb/000003.log",
                           "IndexedDB/https_a.example_0.indexeddb.leveldb/LOG",
                           "Extensions/abc/1.0/manifest.json", "Favicons"]),
        (firefox[0].folder, ["logins.json", "logins.db", "key4.db", "prefs.js",
                             "storage/default/https+++a.example/ls/data.sqlite",
                             "extensions/addon@x.xpi", "webappsstore.sqlite"]),
    ):  # fmt: skip
        for name in names:
            path = folder / name
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(os.urandom(64))
            spared.append(path)
    before = file_bytes(*spared)
    ids = [f"{app}.{kind}" for app in ("chromium", "firefox")
           for kind in ("cookies", "history", "form_history")]  # fmt: skip
    plan = run_scan(shipped, *ids)
    assert plan.records > 0
    run_clean(shipped, plan, mode=DeleteMode.PERMANENT)
    assert file_bytes(*spared) == before


# -- dry run and trash -----------------------------------------------------------------------


def test_a_dry_run_checks_everything_and_changes_nothing(
    shipped: Catalog, chromium: ChromiumProfile
) -> None:
    plan = run_scan(shipped, "chromium.cookies")
    before = file_bytes(chromium.cookies)
    result = run_clean(shipped, plan, dry_run=True)
    assert result.records == 4  # type: ignore[attr-defined]
    assert file_bytes(chromium.cookies) == before


def test_trash_mode_puts_a_copy_of_the_original_in_the_trash_first(
    shipped: Catalog, chromium: ChromiumProfile, isolated_home: Path
) -> None:
    original = hosts(chromium.cookies)
    run_clean(shipped, run_scan(shipped, "chromium.cookies"), mode=DeleteMode.TRASH)
    trash = isolated_home / ".local" / "share" / "Trash"
    (copy,) = list((trash / "files").iterdir())
    assert copy.name == "Cookies"
    info = (trash / "info" / "Cookies.trashinfo").read_text()
    assert f"Path={chromium.cookies}" in info
    assert hosts(copy) == original, "the copy is the database as it was"
    assert len(hosts(chromium.cookies)) == 3, "then the database was cleaned"
    assert not [p for p in chromium.folder.iterdir() if p.name.startswith(".onecleaner")]


def test_a_failed_copy_to_the_trash_leaves_the_database_as_it_was(
    shipped: Catalog, chromium: ChromiumProfile, isolated_home: Path
) -> None:
    trash = isolated_home / ".local" / "share" / "Trash"
    trash.parent.mkdir(parents=True, exist_ok=True)
    trash.write_text("not a folder")  # the home trash cannot be made
    plan = run_scan(shipped, "chromium.cookies")
    before = file_bytes(chromium.cookies)
    result = run_clean(shipped, plan, mode=DeleteMode.TRASH)
    assert codes(result) == {str(chromium.cookies): SkipCode.TRASH_FAILED.value}
    assert result.records == 0  # type: ignore[attr-defined]
    assert file_bytes(chromium.cookies) == before


@pytest.mark.parametrize("os_", [OS.MACOS, OS.WINDOWS])
def test_on_macos_and_windows_the_copy_goes_through_send2trash(
    chromium: ChromiumProfile, monkeypatch: pytest.MonkeyPatch, os_: OS
) -> None:
    import send2trash

    sent: list[tuple[str, bytes]] = []

    def fake_send2trash(path: str) -> None:
        sent.append((os.path.basename(path), Path(path).read_bytes()))
        os.unlink(path)

    monkeypatch.setattr(send2trash, "send2trash", fake_send2trash)
    original = chromium.cookies.read_bytes()
    trash_copy(str(chromium.cookies), dataclasses.replace(env(), os=os_))
    assert sent == [("Cookies", original)]
    assert sorted(p.name for p in chromium.folder.iterdir()) == sorted(
        ["Cookies", "History", "Web Data", "Login Data"]
    ), "no copy is left behind"


def test_a_refused_send2trash_leaves_no_copy_behind(
    chromium: ChromiumProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    import send2trash

    def refuse(path: str) -> None:
        raise OSError(13, "Permission denied", path)

    monkeypatch.setattr(send2trash, "send2trash", refuse)
    with pytest.raises(OSError):
        trash_copy(str(chromium.cookies), dataclasses.replace(env(), os=OS.MACOS))
    assert not [p for p in chromium.folder.iterdir() if p.name.startswith(".onecleaner")]
