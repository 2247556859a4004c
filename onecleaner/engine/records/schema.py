"""The catalog keys of a record target, read strictly (called by catalog_schema for each target).

```toml
[[target]]
id = "cookies"
kind = "records"                    # rows of databases, not files
cleaner = "chromium.cookies"        # a record cleaner of recipes.py
databases = ["Network/Cookies", "Cookies"]   # relative to each profile folder
profiles = "folders"                # or "profiles.ini": the roots hold one (Firefox)
risk = "privacy"                    # required for a records target
[[target.paths.linux]]
roots = ["~/.config/chromium/Default", "~/.config/chromium/Profile *"]
```
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from onecleaner.engine.model import ProfileLayout, RecordSpec, Risk
from onecleaner.engine.records.recipes import database_problem

RECORD_KEYS = ("kind", "cleaner", "databases", "profiles")
KINDS = ("files", "records")
_FILE_RULE_KEYS = ("include", "keep", "recursive", "prune", "owner_only")
_LAYOUTS = ", ".join(f"'{p.value}'" for p in ProfileLayout)


def parse_record_spec(
    table: Mapping[str, Any], prefix: str, risk: Risk | None, add: Callable[[str, str], None]
) -> tuple[bool, RecordSpec | None]:
    """(whether the keys are right, the record spec or None for a files target).

    Each mistake is reported through `add(key, reason)`.
    """
    kind = table.get("kind", "files")
    if kind not in KINDS:
        add(f"{prefix}.kind", f"unknown kind {kind!r} (expected 'files' or 'records')")
        return False, None
    if kind == "files":
        extra = [k for k in RECORD_KEYS[1:] if k in table]
        for key in extra:
            add(f"{prefix}.{key}", 'only a records target (kind = "records") has this key')
        return not extra, None
    ok = True
    cleaner = table.get("cleaner")
    if not isinstance(cleaner, str) or not cleaner:
        add(f"{prefix}.cleaner", "missing (the record cleaner, e.g. 'chromium.cookies')")
        return False, None
    databases = table.get("databases")
    if not isinstance(databases, list) or not databases:
        add(f"{prefix}.databases", "must be a non-empty list of database files in a profile")
        return False, None
    for index, database in enumerate(databases):
        problem = (
            database_problem(cleaner, database)
            if isinstance(database, str)
            else f"must be a string, not {database!r}"
        )
        if problem:
            add(f"{prefix}.databases[{index}]", problem)
            ok = False
            if problem.startswith("unknown record cleaner"):
                break
    try:
        layout = ProfileLayout(table.get("profiles", ProfileLayout.FOLDERS.value))
    except ValueError:
        add(f"{prefix}.profiles", f"must be one of {_LAYOUTS}, not {table.get('profiles')!r}")
        return False, None
    if risk is not None and risk is not Risk.PRIVACY:
        add(f"{prefix}.risk", "a records target removes personal traces: its risk is 'privacy'")
        ok = False
    if "min_age_hours" in table:
        add(f"{prefix}.min_age_hours", "a records target has no age rule")
        ok = False
    paths = table.get("paths")
    if isinstance(paths, dict):
        for os_name, rules in paths.items():
            for index, rule in enumerate(rules if isinstance(rules, list) else []):
                for key in _FILE_RULE_KEYS:
                    if isinstance(rule, dict) and key in rule:
                        add(
                            f"{prefix}.paths.{os_name}[{index}].{key}",
                            "a records target's roots are profile folders and 'databases' "
                            "names the files: no file rules",
                        )
                        ok = False
    if not ok:
        return False, None
    return True, RecordSpec(cleaner, tuple(databases), layout)


__all__ = ["KINDS", "RECORD_KEYS", "parse_record_spec"]
