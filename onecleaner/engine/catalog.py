"""The catalog of cleaners: every application and target the shipped definitions describe.

`load_catalog()` reads `resources/cleaners/*.toml` (one file per application, plus
`presets.toml` and the shared `lists.toml`); a bad file or target becomes a `CatalogProblem`
and everything else loads.
The `Catalog` answers the faces' questions: which targets exist on this OS, what an id the user
typed means (`app.option`, `app.*`, nothing = the quick preset), which application owns a target.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onecleaner.engine.catalog_schema import (
    Problems,
    check_schema,
    parse_application,
    parse_lists,
    read_toml,
    unknown_keys,
)
from onecleaner.engine.errors import CatalogError, UnknownTarget
from onecleaner.engine.model import OS, Application, CatalogProblem, Risk, Target

PRESETS_FILE = "presets.toml"
LISTS_FILE = "lists.toml"
QUICK = "quick"
LIST_HINT = "run 'onecleaner list' to see the targets"
_OS_LABEL = {OS.LINUX: "Linux", OS.MACOS: "macOS", OS.WINDOWS: "Windows"}


@dataclass(frozen=True)
class Catalog:
    """Every loaded application and target, the load problems, and the named presets."""

    applications: tuple[Application, ...]
    problems: tuple[CatalogProblem, ...] = ()
    presets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _targets: dict[str, Target] = field(init=False, repr=False, compare=False)
    _apps: dict[str, Application] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        apps = {a.id: a for a in self.applications}
        targets = {t.id: t for a in self.applications for t in a.targets}
        object.__setattr__(self, "_apps", apps)
        object.__setattr__(self, "_targets", targets)

    @property
    def targets(self) -> tuple[Target, ...]:
        """Every target of every application, in catalog order."""
        return tuple(self._targets.values())

    def target(self, target_id: str) -> Target:
        """The target with this id; UnknownTarget (with a suggestion) when there is none."""
        try:
            return self._targets[target_id]
        except KeyError:
            raise UnknownTarget(target_id, self._hint(target_id, None)) from None

    def app(self, app_id: str) -> Application:
        """The application with this id; UnknownTarget when there is none."""
        try:
            return self._apps[app_id]
        except KeyError:
            close = difflib.get_close_matches(app_id, list(self._apps), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise UnknownTarget(app_id, f"no such application; {hint}{LIST_HINT}") from None

    def app_of(self, target: Target | str) -> Application:
        """The application a target (or target id) belongs to."""
        found = self.target(target) if isinstance(target, str) else target
        return self.app(found.app_id)

    def targets_for(self, os_: OS) -> list[Target]:
        """The targets that have path rules on `os_`, sorted by id."""
        return sorted((t for t in self._targets.values() if t.exists_on(os_)), key=_by_id)

    def preset(self, name: str = QUICK) -> tuple[str, ...]:
        """The target ids of a preset (empty when it is not defined)."""
        return tuple(self.presets.get(name, ()))

    def in_preset(self, target_id: str, preset: str = QUICK) -> bool:
        """Whether the target belongs to the preset (`quick` by default)."""
        return target_id in self.presets.get(preset, ())

    def select(self, ids: Sequence[str], os_: OS) -> list[Target]:
        """The targets the user named for `os_`: `app.option` or `app.*`; none = quick preset.

        Raises UnknownTarget naming the first id that is unknown or does not exist on `os_`,
        with a hint. Duplicates are removed; the order of first mention is kept.
        """
        if not ids:
            chosen = [self._targets[i] for i in self.preset(QUICK) if i in self._targets]
            return [t for t in chosen if t.exists_on(os_)]
        result: dict[str, Target] = {}
        for raw in ids:
            target_id = raw.strip()
            for target in self._resolve(target_id, os_):
                result.setdefault(target.id, target)
        return list(result.values())

    def _resolve(self, target_id: str, os_: OS) -> list[Target]:
        if target_id.endswith(".*"):
            app_id = target_id[:-2]
            if app_id not in self._apps:
                close = difflib.get_close_matches(app_id, list(self._apps), n=1)
                hint = f"did you mean '{close[0]}.*'? " if close else ""
                raise UnknownTarget(target_id, f"no such application; {hint}{LIST_HINT}")
            app = self._apps[app_id]
            found = [t for t in app.targets if t.exists_on(os_)]
            if not found:
                raise UnknownTarget(
                    target_id, f"{app.name} has no targets on {_OS_LABEL[os_]}; {LIST_HINT}"
                )
            return found
        target = self._targets.get(target_id)
        if target is None:
            raise UnknownTarget(target_id, self._hint(target_id, os_))
        if not target.exists_on(os_):
            elsewhere = ", ".join(_OS_LABEL[o] for o in OS if target.exists_on(o))
            raise UnknownTarget(
                target_id,
                f"it does not exist on {_OS_LABEL[os_]} (only on {elsewhere}); {LIST_HINT}",
            )
        return [target]

    def _hint(self, target_id: str, os_: OS | None) -> str:
        """A suggestion for a mistyped id, then where to look."""
        if target_id in self._apps:
            name = self._apps[target_id].name
            return f"did you mean '{target_id}.*' (every target of {name})? {LIST_HINT}"
        pool = [t.id for t in self._targets.values() if os_ is None or t.exists_on(os_)]
        if "." not in target_id:
            # "cache" -> "system.cache", "brave.cache"...: the option part alone was typed.
            same = sorted(i for i in pool if i.split(".", 1)[1] == target_id)
            if len(same) > 1:
                shown = ", ".join(f"'{i}'" for i in same[:4])
                more = f" (and {len(same) - 4} more)" if len(same) > 4 else ""
                return f"did you mean one of {shown}{more}? {LIST_HINT}"
            if same:
                return f"did you mean '{same[0]}'? {LIST_HINT}"
        close = difflib.get_close_matches(target_id, pool, n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'? {LIST_HINT}" if close else LIST_HINT


def load_catalog(directories: Sequence[Path] | None = None) -> Catalog:
    """The catalog from every `*.toml` in `directories` (default: the shipped cleaners, parsed
    once and then read from the user's cache folder: catalog_cache.py).

    One bad file or target never stops the others: each mistake is a CatalogProblem and the
    rest load. An application id defined twice keeps the first definition. Presets of the same
    name from several folders are merged, and so are the shared lists of their `lists.toml`
    (every definition file may name them). Raises CatalogError only when no folder is readable.
    """
    if directories is not None:
        return _load(directories)
    from onecleaner.engine.catalog_cache import cached_catalog
    from onecleaner.resources import resources_dir

    shipped = resources_dir() / "cleaners"
    try:
        files = sorted(p for p in shipped.iterdir() if p.suffix == ".toml")
    except OSError:
        return _load([shipped])  # reported by the loader
    return cached_catalog(files, lambda: _load([shipped]))


def _load(directories: Sequence[Path]) -> Catalog:
    problems: list[CatalogProblem] = []
    files: list[Path] = []
    readable = 0
    for directory in directories:
        try:
            files += sorted(p for p in Path(directory).iterdir() if p.suffix == ".toml")
        except OSError as exc:
            problems.append(CatalogProblem(str(directory), "", _folder_reason(exc)))
            continue
        readable += 1
    if readable == 0:
        names = ", ".join(str(d) for d in directories) or "(none given)"
        raise CatalogError(f"no cleaner definitions could be read from {names}")
    docs: list[tuple[Path, dict[str, Any], Problems]] = []
    for path in files:
        found = Problems(str(path))
        doc = read_toml(path, found)
        if doc is not None and check_schema(doc, found):
            docs.append((path, doc, found))
        else:
            problems.extend(found.items)
    # The shared lists first: any definition file may name them.
    shared: dict[str, tuple[str, ...]] = {}
    for path, doc, found in docs:
        if path.name == LISTS_FILE:
            unknown_keys(doc, ("schema", "lists"), "", found)
            shared.update(parse_lists(doc.get("lists", {}), found, shared))
    apps: dict[str, Application] = {}
    preset_docs: list[tuple[str, dict[str, Any]]] = []
    for path, doc, found in docs:
        if path.name == PRESETS_FILE:
            preset_docs.append((str(path), doc))
        elif path.name != LISTS_FILE:
            _add_application(doc, str(path), apps, shared, found)
        problems.extend(found.items)
    catalog_apps = tuple(apps.values())
    targets = {t.id: t for a in catalog_apps for t in a.targets}
    presets: dict[str, tuple[str, ...]] = {}
    for source, doc in preset_docs:
        found = Problems(source)
        for name, ids in _presets(doc, targets, found).items():
            merged = list(presets.get(name, ()))
            merged.extend(i for i in ids if i not in merged)
            presets[name] = tuple(merged)
        problems.extend(found.items)
    return Catalog(applications=catalog_apps, problems=tuple(problems), presets=presets)


def _add_application(
    doc: dict[str, Any],
    source: str,
    apps: dict[str, Application],
    shared: Mapping[str, tuple[str, ...]],
    problems: Problems,
) -> None:
    app = parse_application(doc, source, problems, shared)
    if app is None:
        return
    if app.id in apps:
        first = os.path.basename(apps[app.id].source)
        problems.add("application.id", f"application '{app.id}' is already defined in {first}")
        return
    apps[app.id] = app


def _presets(
    doc: Mapping[str, Any], targets: Mapping[str, Target], problems: Problems
) -> dict[str, tuple[str, ...]]:
    """The presets of a presets file; unknown ids (and risky ones in `quick`) are problems."""
    unknown_keys(doc, ("schema", "presets"), "", problems)
    table = doc.get("presets")
    if not isinstance(table, dict):
        problems.add("presets", "missing" if table is None else "must be a table of name = [ids]")
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for name, ids in table.items():
        key = f"presets.{name}"
        if not isinstance(ids, list):
            problems.add(key, "must be a list of target ids")
            continue
        kept: list[str] = []
        for index, target_id in enumerate(ids):
            where = f"{key}[{index}]"
            target = targets.get(target_id) if isinstance(target_id, str) else None
            if target is None:
                problems.add(where, f"unknown target {target_id!r}")
            elif name == QUICK and target.risk is not Risk.SAFE:
                # Quick clean runs without a review: only regenerable caches belong there.
                problems.add(
                    where, f"'{target_id}' is {target.risk.value}, quick holds safe targets only"
                )
            elif target_id not in kept:
                kept.append(target_id)
        result[name] = tuple(kept)
    return result


def _folder_reason(exc: OSError) -> str:
    return f"cannot read this folder: {exc.strerror or exc}"


def _by_id(target: Target) -> str:
    return target.id
