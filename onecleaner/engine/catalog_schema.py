"""Reads one cleaner definition file (TOML, schema 1) into an Application, strictly.

Every mistake becomes a CatalogProblem naming the file, the dotted key
(`target[2].paths.linux[0].root`) and the reason. A target with any problem is left out whole
(a half-read rule could take more than its author meant); a problem in the application table
leaves the whole file out. Roots may name lists (`<profiles>`), shared ones from `lists.toml`
and the file's own `[lists]` table; they are substituted here, so every rule the engine sees
holds one plain root. The format is documented in resources/cleaners/README.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from onecleaner.engine.expand import LIST_NAME, PatternError, check_root, substitute_lists
from onecleaner.engine.model import OS, Application, CatalogProblem, PathRule, Risk, Target
from onecleaner.engine.records.schema import RECORD_KEYS, parse_record_spec
from onecleaner.engine.rules import check_glob

SCHEMA = 1
ID_RE = re.compile(r"[a-z0-9_]+")

_OS_NAMES = ", ".join(o.value for o in OS)
_RISK_NAMES = ", ".join(r.value for r in Risk)
_RULE_BOOLS = ("recursive", "prune", "owner_only")

Lists = Mapping[str, tuple[str, ...]]


class Problems:
    """The problems found in one file, each with its key."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[CatalogProblem] = []

    def add(self, key: str, reason: str) -> None:
        self.items.append(CatalogProblem(self.file, key, reason))

    def __len__(self) -> int:
        return len(self.items)


def read_toml(path: Path, problems: Problems) -> dict[str, Any] | None:
    """The parsed TOML document, or None with the reason (a syntax error names its line)."""
    try:
        with path.open("rb") as fp:
            return tomllib.load(fp)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = re.search(r"\(at line (\d+), column (\d+)\)", message)
        key = f"line {line.group(1)}" if line else ""
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        problems.add(key, f"TOML syntax error: {reason}")
    except UnicodeDecodeError as exc:
        problems.add("", f"not UTF-8 text: {exc.reason}")
    except OSError as exc:
        problems.add("", f"cannot be read: {exc.strerror or exc}")
    return None


def check_schema(doc: Mapping[str, Any], problems: Problems) -> bool:
    """Whether the document declares the schema this version reads."""
    if "schema" not in doc:
        problems.add("schema", f"missing (write 'schema = {SCHEMA}' at the top)")
        return False
    value = doc["schema"]
    if not isinstance(value, int) or isinstance(value, bool):
        problems.add("schema", f"must be the number {SCHEMA}, not {_kind(value)}")
        return False
    if value != SCHEMA:
        problems.add("schema", f"unsupported schema {value} (this version reads {SCHEMA})")
        return False
    return True


def unknown_keys(
    table: Mapping[str, Any], allowed: tuple[str, ...], prefix: str, problems: Problems
) -> None:
    """Report every key of `table` that the schema does not know."""
    for key in table:
        if key not in allowed:
            problems.add(_join(prefix, key), f"unknown key (expected one of: {', '.join(allowed)})")


def parse_lists(
    value: Any, problems: Problems, shared: Lists | None = None
) -> dict[str, tuple[str, ...]]:
    """The valid lists of a `[lists]` table (name = [items]); each mistake is a problem.

    `shared` holds the lists every file sees: a file's own list may not reuse one of their names.
    """
    if not isinstance(value, dict):
        problems.add("lists", f"must be a table of name = [items], not {_kind(value)}")
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for name, items in value.items():
        key = f"lists.{name}"
        if not LIST_NAME.fullmatch(name):
            problems.add(key, f"{name!r} is not a list name (lower-case letters, digits and '_')")
            continue
        if shared is not None and name in shared:
            problems.add(
                key, f"'{name}' is already a shared list (lists.toml): choose another name"
            )
            continue
        strings = _strings(items, key, problems)
        if strings is None:
            continue
        nested = [i for i, item in enumerate(strings) if "<" in item or ">" in item]
        if nested:
            problems.add(
                f"{key}[{nested[0]}]", "a list item cannot hold '<' or '>' (no lists in lists)"
            )
            continue
        result[name] = strings
    return result


def parse_application(
    doc: Mapping[str, Any], source: str, problems: Problems, shared: Lists | None = None
) -> Application | None:
    """The application a definition file describes, or None when its own table is wrong.

    `shared` are the lists of `lists.toml`, which the file's roots may name besides its own.
    """
    unknown_keys(doc, ("schema", "application", "lists", "target"), "", problems)
    before = len(problems)
    app = doc.get("application")
    if not isinstance(app, dict):
        problems.add("application", _required_table(app))
        return None
    unknown_keys(app, ("id", "name", "processes", "running_hint"), "application", problems)
    app_id = _id(app, "application.id", problems)
    name = _text(app, "name", "application", problems)
    hint = _text(app, "running_hint", "application", problems, required=False)
    processes = _processes(app.get("processes", {}), problems)
    own = parse_lists(doc["lists"], problems, shared or {}) if "lists" in doc else {}
    if len(problems) > before or app_id is None or name is None or processes is None:
        return None
    lists = {**(shared or {}), **own}
    targets = _targets(doc.get("target", []), app_id, source, lists, problems)
    return Application(
        id=app_id,
        name=name,
        processes=processes,
        targets=tuple(targets),
        running_hint=hint or "",
        source=source,
    )


def _processes(value: Any, problems: Problems) -> dict[OS, tuple[str, ...]] | None:
    key = "application.processes"
    if not isinstance(value, dict):
        problems.add(key, f"must be a table of OS = [names], not {_kind(value)}")
        return None
    result: dict[OS, tuple[str, ...]] = {}
    ok = True
    for os_name, names in value.items():
        os_ = _os(os_name, _join(key, os_name), problems)
        strings = _strings(names, _join(key, os_name), problems)
        if os_ is None or strings is None:
            ok = False
            continue
        result[os_] = strings
    return result if ok else None


def _targets(
    value: Any, app_id: str, source: str, lists: Lists, problems: Problems
) -> list[Target]:
    if not isinstance(value, list):
        problems.add("target", f"must be an array of tables ([[target]]), not {_kind(value)}")
        return []
    targets: list[Target] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(value):
        prefix = f"target[{index}]"
        before = len(problems)
        target = _target(table, prefix, app_id, source, lists, problems)
        if target is None or len(problems) > before:
            continue
        option = target.id.split(".", 1)[1]
        if option in seen:
            problems.add(
                f"{prefix}.id", f"duplicate target id '{target.id}' (also target[{seen[option]}])"
            )
            continue
        seen[option] = index
        targets.append(target)
    return targets


def _target(
    table: Any, prefix: str, app_id: str, source: str, lists: Lists, problems: Problems
) -> Target | None:
    if not isinstance(table, dict):
        problems.add(prefix, f"must be a table, not {_kind(table)}")
        return None
    allowed = ("id", "label", "description", "risk", "min_age_hours", "paths", *RECORD_KEYS)
    unknown_keys(table, allowed, prefix, problems)
    option = _id(table, f"{prefix}.id", problems)
    label = _text(table, "label", prefix, problems)
    description = _text(table, "description", prefix, problems)
    risk = _risk(table, prefix, problems)
    min_age = _min_age(table, prefix, problems)
    rules = _paths(table, prefix, lists, problems)
    records_ok, records = parse_record_spec(table, prefix, risk, problems.add)
    if option is None or label is None or description is None or risk is None or rules is None:
        return None
    if not records_ok:
        return None
    return Target(
        id=f"{app_id}.{option}",
        app_id=app_id,
        label=label,
        description=description,
        risk=risk,
        rules=rules,
        min_age_hours=min_age,
        source=source,
        records=records,
    )


def _risk(table: Mapping[str, Any], prefix: str, problems: Problems) -> Risk | None:
    key = f"{prefix}.risk"
    if "risk" not in table:
        problems.add(key, f"missing (one of: {_RISK_NAMES})")
        return None
    value = table["risk"]
    try:
        return Risk(value)
    except ValueError:
        problems.add(key, f"unknown risk {value!r} (expected one of: {_RISK_NAMES})")
        return None


def _min_age(table: Mapping[str, Any], prefix: str, problems: Problems) -> float | None:
    if "min_age_hours" not in table:
        return None
    value = table["min_age_hours"]
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        problems.add(f"{prefix}.min_age_hours", f"must be a number of hours >= 0, not {value!r}")
        return None
    return float(value)


def _paths(
    table: Mapping[str, Any], prefix: str, lists: Lists, problems: Problems
) -> dict[OS, tuple[PathRule, ...]] | None:
    key = f"{prefix}.paths"
    value = table.get("paths")
    if not isinstance(value, dict):
        problems.add(key, _required_table(value, "[[target.paths.<os>]] rules"))
        return None
    before = len(problems)
    result: dict[OS, tuple[PathRule, ...]] = {}
    for os_name, rules in value.items():
        os_key = _join(key, os_name)
        os_ = _os(os_name, os_key, problems)
        if not isinstance(rules, list) or not rules:
            problems.add(os_key, "must be a non-empty array of tables ([[target.paths.<os>]])")
            continue
        parsed: list[PathRule] = []
        for index, rule in enumerate(rules):
            parsed.extend(_rule(rule, f"{os_key}[{index}]", os_ or OS.LINUX, lists, problems))
        if os_ is not None:
            result[os_] = tuple(parsed)
    if len(problems) > before:
        return None
    if not result:
        problems.add(key, f"no path rules for any OS (one of: {_OS_NAMES})")
        return None
    return result


def _rule(rule: Any, prefix: str, os_: OS, lists: Lists, problems: Problems) -> list[PathRule]:
    """The rules of one table: one per root (`root = "..."` or `roots = [...]`) and list item."""
    if not isinstance(rule, dict):
        problems.add(prefix, f"must be a table, not {_kind(rule)}")
        return []
    allowed = ("root", "roots", "include", "keep", *_RULE_BOOLS)
    unknown_keys(rule, allowed, prefix, problems)
    roots: tuple[str, ...] | None
    if ("root" in rule) == ("roots" in rule):
        problems.add(f"{prefix}.root", "give exactly one of 'root' (a path) or 'roots' (a list)")
        return []
    if "root" in rule:
        roots = _strings([rule["root"]], f"{prefix}.root", problems, single=True)
        root_keys = [f"{prefix}.root"]
    else:
        roots = _strings(rule["roots"], f"{prefix}.roots", problems)
        root_keys = [f"{prefix}.roots[{i}]" for i in range(len(roots or ()))]
    expanded: dict[str, None] = {}  # ordered and without repeats
    for root, key in zip(roots or (), root_keys, strict=False):
        try:
            patterns = substitute_lists(root, lists)
        except PatternError as exc:
            problems.add(key, str(exc))
            continue
        # One problem per written root: a list multiplies a mistake, not its report.
        reasons = (check_root(pattern, os_) for pattern in patterns)
        reason = next((r for r in reasons if r), None)
        if reason:
            problems.add(key, reason)
        expanded.update(dict.fromkeys(patterns))
    globs: dict[str, tuple[str, ...]] = {}
    for name in ("include", "keep"):
        values = _strings(rule.get(name, []), f"{prefix}.{name}", problems, allow_empty=True)
        for index, glob in enumerate(values or ()):
            reason = check_glob(glob)
            if reason:
                problems.add(f"{prefix}.{name}[{index}]", f"bad glob: {reason}")
        globs[name] = values or ()
    flags: dict[str, bool] = {}
    for name in _RULE_BOOLS:
        if name in rule:
            if not isinstance(rule[name], bool):
                problems.add(f"{prefix}.{name}", f"must be true or false, not {rule[name]!r}")
            else:
                flags[name] = rule[name]
    return [
        PathRule(
            root=root,
            include=globs["include"],
            keep=globs["keep"],
            recursive=flags.get("recursive", True),
            prune=flags.get("prune", True),
            owner_only=flags.get("owner_only", False),
        )
        for root in expanded
    ]


def _id(table: Mapping[str, Any], key: str, problems: Problems) -> str | None:
    value = table.get("id")
    if value is None:
        problems.add(key, "missing (lower-case letters, digits and '_')")
        return None
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        problems.add(key, f"{value!r} is not an id (lower-case letters, digits and '_' only)")
        return None
    return value


def _text(
    table: Mapping[str, Any], name: str, prefix: str, problems: Problems, required: bool = True
) -> str | None:
    key = _join(prefix, name)
    if name not in table:
        if required:
            problems.add(key, "missing")
        return None
    value = table[name]
    if not isinstance(value, str) or (required and not value.strip()):
        problems.add(key, f"must be a non-empty string, not {value!r}")
        return None
    return value.strip()


def _strings(
    value: Any, key: str, problems: Problems, *, allow_empty: bool = False, single: bool = False
) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        problems.add(key, f"must be a list of strings, not {_kind(value)}")
        return None
    if not value and not allow_empty:
        problems.add(key, "must not be empty")
        return None
    bad = [i for i, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
    if bad:
        where = key if single else f"{key}[{bad[0]}]"
        problems.add(where, f"must be a non-empty string, not {value[bad[0]]!r}")
        return None
    return tuple(value)


def _os(name: str, key: str, problems: Problems) -> OS | None:
    try:
        return OS(name)
    except ValueError:
        problems.add(key, f"unknown OS {name!r} (expected one of: {_OS_NAMES})")
        return None


def _required_table(value: Any, what: str = "a table") -> str:
    return "missing" if value is None else f"must be {what}, not {_kind(value)}"


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key
