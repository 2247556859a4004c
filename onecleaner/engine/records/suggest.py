"""Domains worth keeping the cookies of: those the user bookmarked or has a saved login for.

Read from every installed browser's profiles (found as its record targets find them): Chromium
keeps bookmarks in a `Bookmarks` JSON file and logins in `Login Data` (`origin_url` and
`signon_realm` only); Firefox keeps bookmarks in `places.sqlite` and login origins in
`logins.db` (or the older `logins.json`). No password, user name or note is ever read.
Databases are read from a private copy, so a running browser neither blocks this nor sees its
files touched.

A suggestion is the site's domain (`www.bbc.co.uk` -> `bbc.co.uk`), found without a public
suffix list: a two-letter country domain under a common second level (`co`, `com`, `org`...)
keeps three labels, any other keeps two. Where that guess is too broad (`user.github.io` ->
`github.io`), it keeps more cookies, never fewer.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from onecleaner.engine.env import Environment
from onecleaner.engine.guard import Guard
from onecleaner.engine.records.domains import EXACT_NAMES, DomainError, normalize_domain
from onecleaner.engine.records.profiles import profile_folders
from onecleaner.engine.records.recipes import CLEANERS, Family
from onecleaner.engine.records.scan import app_name
from onecleaner.engine.roots import CatalogView

BOOKMARK = "bookmark"
LOGIN = "login"

# Second levels under which a two-letter country domain registers names (bbc.co.uk).
_SECOND_LEVEL = frozenset(
    {"ac", "co", "com", "edu", "gob", "gov", "govt", "gouv", "go", "int", "ltd", "me", "mil",
     "ne", "net", "nhs", "nic", "nom", "or", "org", "plc", "sch"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A domain to keep, why (`bookmark`, `login`), in which browsers, and whether it is kept."""

    domain: str
    why: tuple[str, ...]
    browsers: tuple[str, ...]
    kept: bool


@dataclass(frozen=True, slots=True)
class Unread:
    """A source of suggestions that could not be read (the rest still count)."""

    browser: str
    path: str
    error: str


def site_domain(host: str) -> str | None:
    """The domain a host's cookies are usually set for, in the keep-list's form; None if it is
    not a host name."""
    try:
        name = normalize_domain(host)
    except DomainError:
        return None
    labels = name.split(".")
    if name in EXACT_NAMES or ":" in name or name.replace(".", "").isdigit() or len(labels) <= 2:
        return name
    if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _domain_of_url(url: str) -> str | None:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return site_domain(parts.hostname)


def _query_copy(path: str, sql: str) -> list[str]:
    """The first column of `sql` on a private copy of the database `path` (with its log)."""
    with tempfile.TemporaryDirectory(prefix="onecleaner-suggest-") as tmp:
        copy = os.path.join(tmp, "db")
        shutil.copyfile(path, copy)
        if os.path.exists(path + "-wal"):
            shutil.copyfile(path + "-wal", copy + "-wal")
        con = sqlite3.connect(copy)
        try:
            return [str(row[0]) for row in con.execute(sql) if row[0]]
        finally:
            con.close()


def _bookmark_urls(node: object) -> Iterable[str]:
    """Every bookmarked URL of a Chromium `Bookmarks` JSON tree."""
    if isinstance(node, dict):
        if node.get("type") == "url" and isinstance(node.get("url"), str):
            yield node["url"]
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _bookmark_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from _bookmark_urls(item)


def _chromium_sources(profile: str) -> list[tuple[str, str, str]]:
    """(why, path, SQL or "json") of a Chromium-family profile's bookmarks and login origins."""
    logins = "SELECT signon_realm FROM logins WHERE blacklisted_by_user = 0"
    return [
        (BOOKMARK, os.path.join(profile, "Bookmarks"), "json"),
        (LOGIN, os.path.join(profile, "Login Data"), logins),
        (LOGIN, os.path.join(profile, "Login Data For Account"), logins),
    ]


def _firefox_sources(profile: str) -> list[tuple[str, str, str]]:
    return [
        (
            BOOKMARK,
            os.path.join(profile, "places.sqlite"),
            "SELECT p.url FROM moz_bookmarks b JOIN moz_places p ON p.id = b.fk WHERE b.type = 1",
        ),
        (
            LOGIN,
            os.path.join(profile, "logins.db"),
            "SELECT origin FROM loginsL UNION SELECT origin FROM loginsM",
        ),
        (LOGIN, os.path.join(profile, "logins.json"), "json"),
    ]


def _read(why: str, path: str, how: str) -> list[str]:
    """The URLs (or origins) a source holds; OSError/ValueError/sqlite3.Error if unreadable."""
    if how != "json":
        return _query_copy(path, how)
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    if why == BOOKMARK:
        return list(_bookmark_urls(doc))
    logins = doc.get("logins", []) if isinstance(doc, dict) else []
    return [str(x["hostname"]) for x in logins if isinstance(x, dict) and x.get("hostname")]


def suggest_domains(
    catalog: CatalogView, env: Environment, guard: Guard, keep: Sequence[str] = ()
) -> tuple[list[Suggestion], list[Unread]]:
    """The suggestions across installed browsers, sorted by domain, and the sources not read."""
    found: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
    unread: list[Unread] = []
    seen: set[str] = set()
    for app in catalog.applications:
        for target in app.targets:
            spec = target.records
            if spec is None or not target.exists_on(env.os):
                continue
            family = CLEANERS[spec.cleaner].family
            folders, _ = profile_folders(target, env, guard)
            browser = app_name(catalog, target)
            for folder in folders:
                if folder in seen:
                    continue  # every record target of an application names the same profiles
                seen.add(folder)
                sources = (
                    _firefox_sources(folder)
                    if family is Family.FIREFOX
                    else _chromium_sources(folder)
                )
                for why, path, how in sources:
                    if not os.path.isfile(path):
                        continue
                    try:
                        urls = _read(why, path, how)
                    except (OSError, ValueError, sqlite3.Error) as exc:
                        unread.append(Unread(browser, path, str(exc)))
                        continue
                    for url in urls:
                        domain = _domain_of_url(url)
                        if domain is None:
                            continue
                        whys, browsers = found.setdefault(domain, ({}, {}))
                        whys.setdefault(why)
                        browsers.setdefault(browser)
    kept = set()
    for entry in keep:
        try:
            kept.add(normalize_domain(entry))
        except DomainError:
            continue
    suggestions = [
        Suggestion(domain, tuple(sorted(whys, key=[LOGIN, BOOKMARK].index)), tuple(browsers),
                   domain in kept)
        for domain, (whys, browsers) in sorted(found.items())
    ]  # fmt: skip
    return suggestions, unread


__all__ = ["BOOKMARK", "LOGIN", "Suggestion", "Unread", "site_domain", "suggest_domains"]
