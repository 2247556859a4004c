"""Browser profiles for the record-target tests, built from the real browsers' schemas.

Every database is made by running the `CREATE` statements a real Chromium 156 or Firefox 153
ESR wrote (tests/fixtures/records, see generate.py there), in the journal mode the browser
used, then filled with rows the way the browser stores them.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "records"
CHROMIUM = "chromium"
FIREFOX = "firefox"


def schema_sql(browser: str, database: str) -> str:
    return (FIXTURES / browser / f"{database}.sql").read_text(encoding="utf-8")


def schema_version(browser: str, database: str) -> str:
    """The schema version the fixture came from (Chromium's meta table, Firefox's
    user_version; "?" for a Chromium database without a meta table)."""
    sql = schema_sql(browser, database)
    if browser == CHROMIUM:
        meta = re.search(r"VALUES \('version', '(\d+)'\)", sql)
        return meta.group(1) if meta else "?"
    found = re.search(r"PRAGMA user_version = (\d+);", sql)
    assert found
    return found.group(1)


@functools.cache
def _empty_database(browser: str, database: str) -> bytes:
    """The bytes of an empty database with the real schema (made once per test session)."""
    sql = schema_sql(browser, database)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "db")
        con = sqlite3.connect(path)
        try:
            con.execute("PRAGMA synchronous = OFF")
            con.executescript(sql)
            mode = re.search(r"^-- journal_mode: (\w+)$", sql, re.M)
            if mode and mode.group(1) == "wal":
                con.execute("PRAGMA journal_mode = WAL")  # kept in the file's header
            con.commit()
        finally:
            con.close()
        return path.read_bytes()


def make_database(path: Path, browser: str, database: str) -> Path:
    """A new, empty database at `path` with the browser's real schema and journal mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_empty_database(browser, database))
    return path


def connect(path: Path) -> sqlite3.Connection:
    """A connection for filling a test database (no fsync: the test needs no durability)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous = OFF")
    return con


def rows(path: Path, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
    """Rows of a query on a database (read-only, so the test itself changes nothing)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def execute(path: Path, sql: str, params: Iterable[Sequence[object]] = ((),)) -> None:
    con = connect(path)
    try:
        con.executemany(sql, params)
        con.commit()
    finally:
        con.close()


def integrity(path: Path) -> str:
    return str(rows(path, "PRAGMA integrity_check")[0][0])


# -- Chromium ---------------------------------------------------------------------------------

_CHROMIUM_COOKIE = (
    "INSERT INTO cookies (creation_utc, host_key, top_frame_site_key, name, value, "
    "encrypted_value, path, expires_utc, is_secure, is_httponly, last_access_utc, has_expires, "
    "is_persistent, priority, samesite, source_scheme, source_port, last_update_utc, "
    "source_type, has_cross_site_ancestor) "
    "VALUES (?, ?, '', ?, '', ?, '/', 13500000000000000, 0, 0, 0, 1, 1, 1, -1, 1, 80, 0, 0, 0)"
)


@dataclass(frozen=True)
class ChromiumProfile:
    """A Chromium-family profile folder with its databases."""

    folder: Path

    @property
    def cookies(self) -> Path:
        return self.folder / "Cookies"

    @property
    def history(self) -> Path:
        return self.folder / "History"

    @property
    def web_data(self) -> Path:
        return self.folder / "Web Data"

    @property
    def login_data(self) -> Path:
        return self.folder / "Login Data"

    def add_cookies(self, *hosts: str, path: Path | None = None) -> None:
        made = [
            (13400000000000000 + i, host, f"c{i}", b"v10" + os.urandom(24))
            for i, host in enumerate(hosts)
        ]
        execute(path or self.cookies, _CHROMIUM_COOKIE, made)

    def add_visits(self, *urls: str) -> None:
        for i, url in enumerate(urls, start=1):
            execute(
                self.history,
                "INSERT INTO urls (id, url, title, visit_count, typed_count, last_visit_time, "
                "hidden) VALUES (?, ?, ?, 1, 1, 13400000000000000, 0)",
                [(i, url, f"title {i}")],
            )
            execute(
                self.history,
                "INSERT INTO visits (url, visit_time, transition) VALUES (?, 13400000000000000, 1)",
                [(i,)],
            )
        execute(
            self.history,
            "INSERT INTO keyword_search_terms (keyword_id, url_id, term, normalized_term) "
            "VALUES (2, 1, 'secret search', 'secret search')",
        )

    def add_form_entries(self, *values: str) -> None:
        execute(
            self.web_data,
            "INSERT INTO autocomplete (name, label, label_normalized, value, value_lower, "
            "date_created, date_last_used, count) VALUES ('q', '', '', ?, ?, 1, 1, 1)",
            [(v, v.lower()) for v in values],
        )
        execute(
            self.web_data,
            "INSERT INTO autofill (name, value, value_lower, date_created, date_last_used, "
            "count) VALUES ('email', ?, ?, 1, 1, 1)",
            [(v, v.lower()) for v in values],
        )

    def add_address_and_card(self) -> None:
        execute(
            self.web_data,
            "INSERT INTO addresses (guid, use_count, label) VALUES ('addr-1', 3, 'Home')",
        )
        execute(
            self.web_data,
            "INSERT INTO credit_cards (guid, name_on_card, expiration_month, expiration_year, "
            "card_number_encrypted) VALUES ('card-1', 'Ann', 1, 2030, x'00')",
        )

    def add_login(self, origin: str, password: bytes = b"top secret") -> None:
        execute(
            self.login_data,
            "INSERT INTO logins (origin_url, username_value, password_value, signon_realm, "
            "date_created, blacklisted_by_user, scheme) VALUES (?, 'ann', ?, ?, 1, 0, 0)",
            [(origin, password, origin.rstrip("/") + "/")],
        )


def chromium_profile(
    user_data: Path, name: str = "Default", databases: Sequence[str] = ()
) -> ChromiumProfile:
    """A profile folder under a user-data folder, with the named databases made empty."""
    profile = ChromiumProfile(user_data / name)
    profile.folder.mkdir(parents=True, exist_ok=True)
    for database in databases or ("Cookies", "History", "Web Data", "Login Data"):
        make_database(profile.folder / database, CHROMIUM, database)
    return profile


# -- Firefox ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FirefoxProfile:
    """A Firefox profile folder with its databases."""

    folder: Path

    @property
    def cookies(self) -> Path:
        return self.folder / "cookies.sqlite"

    @property
    def places(self) -> Path:
        return self.folder / "places.sqlite"

    @property
    def forms(self) -> Path:
        return self.folder / "formhistory.sqlite"

    def add_cookies(self, *hosts: str) -> None:
        execute(
            self.cookies,
            "INSERT INTO moz_cookies (originAttributes, name, value, host, path, expiry, "
            "lastAccessed, creationTime, isSecure, isHttpOnly, inBrowserElement, sameSite, "
            "schemeMap, isPartitionedAttributeSet, updateTime) "
            "VALUES ('', ?, 'value', ?, '/', 1900000000000, 1, ?, 0, 0, 0, 0, 1, 0, 1)",
            [(f"c{i}", host, i + 1) for i, host in enumerate(hosts)],
        )

    def add_page(self, url: str, *, visits: int = 1, bookmarked: bool = False) -> int:
        """A page with visits (and a bookmark pointing to it, when asked); its place id."""
        host = url.split("/")[2]
        con = connect(self.places)
        try:
            con.execute(
                "INSERT OR IGNORE INTO moz_origins (prefix, host, frecency) VALUES "
                "('http://', ?, 1)",
                (host,),
            )
            (origin,) = con.execute("SELECT id FROM moz_origins WHERE host = ?", (host,)).fetchone()
            cur = con.execute(
                "INSERT INTO moz_places (url, title, rev_host, visit_count, typed, frecency, "
                "last_visit_date, guid, url_hash, origin_id) "
                "VALUES (?, 'title', ?, ?, 1, 100, 1700000000000000, ?, 0, ?)",
                (url, host[::-1] + ".", visits, os.urandom(6).hex(), origin),
            )
            place = int(cur.lastrowid or 0)
            con.executemany(
                "INSERT INTO moz_historyvisits (from_visit, place_id, visit_date, visit_type, "
                "session, source) VALUES (0, ?, ?, 1, 0, 0)",
                [(place, 1700000000000000 + n) for n in range(visits)],
            )
            con.execute(
                "INSERT INTO moz_inputhistory (place_id, input, use_count) VALUES (?, ?, 1)",
                (place, "typed " + host),
            )
            if bookmarked:
                con.execute(
                    "INSERT INTO moz_bookmarks (type, fk, parent, position, title, dateAdded, "
                    "lastModified, guid) VALUES (1, ?, 3, 0, 'kept', 1, 1, ?)",
                    (place, os.urandom(6).hex()),
                )
                con.execute(
                    "UPDATE moz_places SET foreign_count = foreign_count + 1 WHERE id = ?",
                    (place,),
                )
            con.commit()
        finally:
            con.close()
        return place

    def add_download(self, url: str, bookmarked: bool = False) -> None:
        place = self.add_page(url, bookmarked=bookmarked)
        con = connect(self.places)
        try:
            con.execute(
                "INSERT OR IGNORE INTO moz_anno_attributes (name) "
                "VALUES ('downloads/destinationFileURI')"
            )
            (attribute,) = con.execute(
                "SELECT id FROM moz_anno_attributes WHERE name = 'downloads/destinationFileURI'"
            ).fetchone()
            con.execute(
                "INSERT INTO moz_annos (place_id, anno_attribute_id, content) "
                "VALUES (?, ?, 'file:///home/ann/Downloads/report.pdf')",
                (place, attribute),
            )
            con.commit()
        finally:
            con.close()

    def add_form_entries(self, *values: str) -> None:
        execute(
            self.forms,
            "INSERT INTO moz_formhistory (fieldname, value, timesUsed, firstUsed, lastUsed, guid)"
            " VALUES ('searchbar-history', ?, 1, 1, 1, ?)",
            [(v, os.urandom(6).hex()) for v in values],
        )


def firefox_profiles(
    folder: Path, names: Sequence[str] = ("abcd.default-release",), absolute: Sequence[Path] = ()
) -> list[FirefoxProfile]:
    """A Firefox profiles folder: a profiles.ini naming relative profiles (under Profiles/...
    style names) and absolute ones, each made with cookies, places and form history."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["[General]", "StartWithLastProfile=1", "Version=2", ""]
    made: list[FirefoxProfile] = []
    for i, name in enumerate(names):
        lines += [f"[Profile{i}]", f"Name={name}", "IsRelative=1", f"Path={name}", ""]
        made.append(FirefoxProfile(folder / name))
    for j, path in enumerate(absolute, start=len(names)):
        lines += [f"[Profile{j}]", f"Name=elsewhere{j}", "IsRelative=0", f"Path={path}", ""]
        made.append(FirefoxProfile(path))
    lines += ["[Install4F96D1932A9F858E]", f"Default={names[0] if names else ''}", "Locked=1"]
    (folder / "profiles.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for profile in made:
        make_database(profile.cookies, FIREFOX, "cookies.sqlite")
        make_database(profile.places, FIREFOX, "places.sqlite")
        make_database(profile.forms, FIREFOX, "formhistory.sqlite")
    return made


def file_bytes(*paths: Path) -> dict[str, bytes | None]:
    """Each path's bytes (None when absent): to show a database was left byte-identical."""
    out: dict[str, bytes | None] = {}
    for p in paths:
        for suffix in ("", "-wal", "-journal", "-shm"):
            q = Path(str(p) + suffix)
            out[str(q)] = q.read_bytes() if q.exists() else None
    return out
