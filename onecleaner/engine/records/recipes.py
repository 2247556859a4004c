"""What each record cleaner removes from each browser database: tables, conditions, checks.

A record cleaner (`chromium.cookies`, `firefox.history`...) names a browser family and a kind
of trace; the catalog's record targets name one, with the database files it edits. Each
database file has a recipe: the tables and columns that must exist before anything is touched
(the layout check), and the steps, each `DELETE FROM table WHERE condition`. Every condition
is written against what stays, never against what an earlier step removed, so counting the
rows before a clean (the scan) and removing them (the clean) agree, in any order.

Never here: saved logins and their keys, bookmarks (Chromium keeps them in a separate JSON
file; Firefox's `moz_bookmarks` and the `moz_places` rows they use stay), addresses and payment
cards, preferences, extensions, local storage, IndexedDB, sync metadata.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

#: The SQL function a step calls to ask the keep-list about a cookie's host (1 = kept).
KEPT_FUNCTION = "onecleaner_kept"


class TraceKind(enum.Enum):
    """What a record cleaner removes, whatever the browser (the faces group and explain by it)."""

    COOKIES = "cookies"
    HISTORY = "history"
    FORM_HISTORY = "form_history"


class Family(enum.Enum):
    """A browser family: where its databases keep their schema version."""

    CHROMIUM = "chromium"  # meta table, key 'version'
    FIREFOX = "firefox"  # PRAGMA user_version


@dataclass(frozen=True, slots=True)
class Step:
    """`DELETE FROM table WHERE where` (every row when `where` is empty)."""

    table: str
    where: str = ""
    optional: bool = False  # a table some versions lack: passed over when missing


@dataclass(frozen=True, slots=True)
class Update:
    """`UPDATE table SET assignments WHERE where`: what stays loses its history (not counted)."""

    table: str
    assignments: str
    where: str
    columns: tuple[str, ...]  # the columns set, which must exist (an optional one: skipped)
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one database file of one record cleaner is cleaned."""

    database: str  # the file's name in the profile ("Cookies", "places.sqlite")
    what: str  # the database's contents in a message: "cookies", "history"
    requires: Mapping[str, tuple[str, ...]]  # table -> columns that must exist
    steps: tuple[Step, ...]
    updates: tuple[Update, ...] = ()
    uses_keep_list: bool = False


@dataclass(frozen=True, slots=True)
class RecordCleaner:
    """A kind of trace in one browser family, with a recipe per database file name."""

    name: str  # "chromium.cookies"
    family: Family
    recipes: Mapping[str, Recipe] = field(default_factory=dict)

    @property
    def kind(self) -> TraceKind:
        """The kind of trace, from the name's second part (`chromium.cookies` -> COOKIES)."""
        return TraceKind(self.name.split(".", 1)[1])

    @property
    def uses_keep_list(self) -> bool:
        """Whether it removes cookies (which the keep-list spares)."""
        return any(r.uses_keep_list for r in self.recipes.values())

    def recipe(self, database_path: str) -> Recipe | None:
        """The recipe of a database by its file name (the last part of its relative path)."""
        return self.recipes.get(database_path.replace("\\", "/").rsplit("/", 1)[-1])


_KEPT_HOST = f"NOT {KEPT_FUNCTION}(%s)"

_CHROMIUM_COOKIES = Recipe(
    database="Cookies",
    what="cookies",
    requires={"meta": ("key", "value"), "cookies": ("host_key", "name", "value")},
    steps=(Step("cookies", _KEPT_HOST % "host_key"),),
    uses_keep_list=True,
)

_CHROMIUM_HISTORY = Recipe(
    database="History",
    what="history",
    requires={
        "meta": ("key", "value"),
        "urls": ("id", "url"),
        "visits": ("id", "url"),
        "keyword_search_terms": ("term",),
        "downloads": ("id",),
        "downloads_url_chains": ("id", "url"),
    },
    steps=(
        Step("urls"),
        Step("visits"),
        Step("keyword_search_terms"),
        Step("downloads"),
        Step("downloads_url_chains"),
        Step("downloads_slices", optional=True),
        Step("visit_source", optional=True),
        Step("segments", optional=True),
        Step("segment_usage", optional=True),
        Step("content_annotations", optional=True),
        Step("context_annotations", optional=True),
        Step("clusters", optional=True),
        Step("clusters_and_visits", optional=True),
        Step("cluster_keywords", optional=True),
        Step("cluster_visit_duplicates", optional=True),
        Step("visited_links", optional=True),
        Step("journeys", optional=True),
        Step("journey_history_entries", optional=True),
        Step("journey_continuation_queries", optional=True),
    ),
)

_CHROMIUM_TOP_SITES = Recipe(
    database="Top Sites",
    what="most visited sites",
    requires={"meta": ("key", "value"), "top_sites": ("url",)},
    steps=(Step("top_sites"),),
)

_CHROMIUM_SHORTCUTS = Recipe(
    database="Shortcuts",
    what="address bar shortcuts",
    requires={"omni_box_shortcuts": ("text", "url")},
    steps=(Step("omni_box_shortcuts"),),
)

# What was typed and where it led, and the sites the browser learnt to preload (by host).
_CHROMIUM_PREDICTOR = Recipe(
    database="Network Action Predictor",
    what="typed address predictions",
    requires={"network_action_predictor": ("user_text", "url")},
    steps=(
        Step("network_action_predictor"),
        Step("resource_prefetch_predictor_host_redirect", optional=True),
        Step("resource_prefetch_predictor_origin", optional=True),
        Step("lcp_critical_path_predictor", optional=True),
        Step("lcp_critical_path_predictor_initiator_origin", optional=True),
    ),
)

# Autocomplete entries only: the same database holds addresses, payment cards and search
# engines, which are never touched. Newer versions call the table `autocomplete`.
_CHROMIUM_FORMS = Recipe(
    database="Web Data",
    what="form entries",
    requires={"meta": ("key", "value")},
    steps=(Step("autocomplete", optional=True), Step("autofill", optional=True)),
)

_FIREFOX_COOKIES = Recipe(
    database="cookies.sqlite",
    what="cookies",
    requires={"moz_cookies": ("host", "name", "value")},
    steps=(Step("moz_cookies", _KEPT_HOST % "host"),),
    uses_keep_list=True,
)

# A page stays when a bookmark or a keyword points to it (Firefox counts both references in
# foreign_count; the subqueries hold even where that count is stale).
_FF_KEPT_PLACE = (
    "(foreign_count > 0"
    " OR id IN (SELECT fk FROM moz_bookmarks WHERE fk IS NOT NULL)"
    " OR id IN (SELECT place_id FROM moz_keywords WHERE place_id IS NOT NULL))"
)
_FF_KEPT_IDS = f"(SELECT id FROM moz_places WHERE {_FF_KEPT_PLACE})"

_FIREFOX_HISTORY = Recipe(
    database="places.sqlite",
    what="history",
    requires={
        "moz_places": (
            "id",
            "url",
            "foreign_count",
            "origin_id",
            "visit_count",
            "last_visit_date",
            "typed",
        ),
        "moz_bookmarks": ("fk",),
        "moz_keywords": ("place_id",),
        "moz_historyvisits": ("place_id",),
        "moz_inputhistory": ("place_id", "input"),
        "moz_annos": ("place_id", "anno_attribute_id"),
        "moz_anno_attributes": ("id", "name"),
        "moz_origins": ("id",),
    },
    steps=(
        Step("moz_historyvisits"),
        Step("moz_historyvisits_extra", optional=True),
        Step("moz_inputhistory"),
        Step("moz_places_metadata", optional=True),
        Step("moz_places_metadata_search_queries", optional=True),
        Step("moz_newtab_shortcuts_interaction", optional=True),
        # Downloads are pages with these annotations; the list goes even for a bookmarked page.
        Step(
            "moz_annos",
            f"place_id NOT IN {_FF_KEPT_IDS} OR anno_attribute_id IN "
            "(SELECT id FROM moz_anno_attributes WHERE name LIKE 'downloads/%')",
        ),
        Step("moz_places_extra", f"place_id NOT IN {_FF_KEPT_IDS}", optional=True),
        Step("moz_places", f"NOT {_FF_KEPT_PLACE}"),
        Step(
            "moz_origins",
            f"id NOT IN (SELECT origin_id FROM moz_places WHERE {_FF_KEPT_PLACE}"
            " AND origin_id IS NOT NULL)",
        ),
    ),
    updates=(
        Update(
            "moz_places",
            "visit_count = 0, last_visit_date = NULL, typed = 0",
            _FF_KEPT_PLACE,
            ("visit_count", "last_visit_date", "typed"),
        ),
        # Firefox recomputes the ranking of what stays (it counted the visits just removed).
        Update("moz_places", "recalc_frecency = 1", _FF_KEPT_PLACE, ("recalc_frecency",), True),
        Update("moz_origins", "recalc_frecency = 1", "1", ("recalc_frecency",), True),
    ),
)

_FIREFOX_FORMS = Recipe(
    database="formhistory.sqlite",
    what="form entries",
    requires={"moz_formhistory": ("fieldname", "value")},
    steps=(
        Step("moz_formhistory"),
        Step("moz_history_to_sources", optional=True),
        Step("moz_sources", optional=True),
    ),
)


def _cleaner(name: str, family: Family, *recipes: Recipe) -> RecordCleaner:
    return RecordCleaner(name, family, {r.database: r for r in recipes})


CLEANERS: Mapping[str, RecordCleaner] = {
    c.name: c
    for c in (
        _cleaner("chromium.cookies", Family.CHROMIUM, _CHROMIUM_COOKIES),
        _cleaner(
            "chromium.history",
            Family.CHROMIUM,
            _CHROMIUM_HISTORY,
            _CHROMIUM_TOP_SITES,
            _CHROMIUM_SHORTCUTS,
            _CHROMIUM_PREDICTOR,
        ),
        _cleaner("chromium.form_history", Family.CHROMIUM, _CHROMIUM_FORMS),
        _cleaner("firefox.cookies", Family.FIREFOX, _FIREFOX_COOKIES),
        _cleaner("firefox.history", Family.FIREFOX, _FIREFOX_HISTORY),
        _cleaner("firefox.form_history", Family.FIREFOX, _FIREFOX_FORMS),
    )
}

#: Files no record cleaner may ever name: saved logins and their keys, preferences.
NEVER_EDITED = frozenset(
    {
        "Login Data",
        "Login Data For Account",
        "logins.json",
        "logins.db",
        "key4.db",
        "key3.db",
        "Preferences",
        "Secure Preferences",
        "Bookmarks",
        "prefs.js",
    }
)


def database_problem(cleaner: str, database: str) -> str | None:
    """Why `database` (a path relative to a profile) cannot be cleaned by `cleaner`, or None."""
    known = CLEANERS.get(cleaner)
    if known is None:
        names = ", ".join(sorted(CLEANERS))
        return f"unknown record cleaner {cleaner!r} (expected one of: {names})"
    parts = database.split("/")
    if (
        not database
        or database.startswith("/")
        or "\\" in database
        or any(p in ("", ".", "..") for p in parts)
        or any(ch in database for ch in "*?[]")
    ):
        return "must be a plain relative path with '/' between folders (no globs, '.' or '..')"
    if parts[-1] in NEVER_EDITED:
        return f"'{parts[-1]}' holds logins, keys, bookmarks or preferences: never edited"
    if known.recipe(database) is None:
        names = ", ".join(sorted(known.recipes))
        return f"{cleaner} has no recipe for '{parts[-1]}' (it knows: {names})"
    return None


__all__ = [
    "CLEANERS",
    "KEPT_FUNCTION",
    "NEVER_EDITED",
    "Family",
    "Recipe",
    "RecordCleaner",
    "Step",
    "TraceKind",
    "Update",
    "database_problem",
]
