"""The shipped catalog, parsed once and kept as JSON in the user's cache folder.

Reading and checking the shipped definitions (about 4,900 roots once the shared lists are
expanded) takes about 100 ms, a third of a command's start; the parsed catalog read back from
JSON takes about 15 ms. The cache is keyed by a hash of every definition file and of the
loader's own code, so any change to either parses afresh; a cache that is missing, unreadable,
malformed or of another key is ignored and written again. It never changes what loads.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from onecleaner import __version__
from onecleaner.engine.catalog import Catalog
from onecleaner.engine.model import (
    OS,
    Application,
    CatalogProblem,
    PathRule,
    ProfileLayout,
    RecordSpec,
    Risk,
    Target,
)

log = logging.getLogger(__name__)

FORMAT = 1
CACHE_FILE = "catalog.json"


def cache_folder() -> Path:
    """The user's cache folder of the app (the user cache target keeps it)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("onecleaner", appauthor=False))


def cached_catalog(
    files: Iterable[Path], build: Callable[[], Catalog], folder: Path | None = None
) -> Catalog:
    """The catalog `build()` makes from `files`, from the cache when it holds that very one."""
    where = (folder if folder is not None else cache_folder()) / CACHE_FILE
    try:
        key = _key(files)
    except OSError:
        return build()  # a file that cannot be read: the loader reports it
    try:
        doc = json.loads(where.read_bytes())
        if isinstance(doc, dict) and doc.get("key") == key:
            return _catalog_from(doc["catalog"])
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.info("catalog cache %s not used: %s", where, exc)
    catalog = build()
    _write(where, {"key": key, "catalog": _catalog_data(catalog)})
    return catalog


def _key(files: Iterable[Path]) -> str:
    """A hash of the definition files and of the code that parses them."""
    digest = hashlib.sha256(f"onecleaner catalog {FORMAT} {__version__}\0".encode())
    for path in files:
        digest.update(os.fsencode(path.name) + b"\0" + path.read_bytes() + b"\0")
    from onecleaner.engine import catalog, catalog_schema, expand, model, rules

    for module in (catalog, catalog_schema, expand, model, rules):
        source = getattr(module, "__file__", None)
        # A frozen bundle may hold no source: its version then stands for its code.
        with contextlib.suppress(OSError):
            digest.update(Path(source).read_bytes() if source else b"")
    return digest.hexdigest()


def _write(where: Path, doc: dict[str, Any]) -> None:
    """Write the cache atomically; a cache that cannot be written is only a slower start."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = where.with_name(f".{where.name}.{secrets.token_hex(4)}.tmp")
        try:
            tmp.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, where)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        log.info("catalog cache %s not written: %s", where, exc)


# -- the catalog as JSON data ------------------------------------------------------------------


def _catalog_data(catalog: Catalog) -> dict[str, Any]:
    return {
        "applications": [_app_data(a) for a in catalog.applications],
        "problems": [[p.file, p.key, p.reason] for p in catalog.problems],
        "presets": {name: list(ids) for name, ids in catalog.presets.items()},
    }


def _app_data(app: Application) -> dict[str, Any]:
    return {
        "id": app.id,
        "name": app.name,
        "processes": {o.value: list(names) for o, names in app.processes.items()},
        "targets": [_target_data(t) for t in app.targets],
        "running_hint": app.running_hint,
        "source": app.source,
    }


def _target_data(t: Target) -> dict[str, Any]:
    records = t.records
    return {
        "id": t.id,
        "app_id": t.app_id,
        "label": t.label,
        "description": t.description,
        "risk": t.risk.value,
        "rules": {o.value: [_rule_data(r) for r in rules] for o, rules in t.rules.items()},
        "min_age_hours": t.min_age_hours,
        "source": t.source,
        "records": None
        if records is None
        else [records.cleaner, list(records.databases), records.profiles.value],
    }


def _rule_data(r: PathRule) -> list[Any]:
    return [r.root, list(r.include), list(r.keep), r.recursive, r.prune, r.owner_only]


def _catalog_from(data: dict[str, Any]) -> Catalog:
    return Catalog(
        applications=tuple(_app_from(a) for a in data["applications"]),
        problems=tuple(CatalogProblem(*p) for p in data["problems"]),
        presets={name: tuple(ids) for name, ids in data["presets"].items()},
    )


def _app_from(a: dict[str, Any]) -> Application:
    return Application(
        id=a["id"],
        name=a["name"],
        processes={OS(o): tuple(names) for o, names in a["processes"].items()},
        targets=tuple(_target_from(t) for t in a["targets"]),
        running_hint=a["running_hint"],
        source=a["source"],
    )


def _target_from(t: dict[str, Any]) -> Target:
    records = t["records"]
    return Target(
        id=t["id"],
        app_id=t["app_id"],
        label=t["label"],
        description=t["description"],
        risk=Risk(t["risk"]),
        rules={OS(o): tuple(_rule_from(r) for r in rules) for o, rules in t["rules"].items()},
        min_age_hours=t["min_age_hours"],
        source=t["source"],
        records=None
        if records is None
        else RecordSpec(records[0], tuple(records[1]), ProfileLayout(records[2])),
    )


def _rule_from(r: list[Any]) -> PathRule:
    root, include, keep, recursive, prune, owner_only = r
    return PathRule(root, tuple(include), tuple(keep), recursive, prune, owner_only)


__all__ = ["cache_folder", "cached_catalog"]
