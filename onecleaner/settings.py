"""The app's settings (Qt-free, shared by the CLI and the GUI): defaults, validation, migration."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onecleaner.engine.model import DeleteMode
from onecleaner.engine.records.domains import DomainError, normalize_domain
from onecleaner.privacy.settings_file import (
    RETENTION_RANGE,
    SETTINGS_FILE,
    parse_flag,
    parse_retention,
    read_settings_document,
    settings_path,
    update_settings_document,
    write_settings_document,
)

SCHEMA_VERSION = 1


class Schedule(enum.Enum):
    """How often a background quick clean runs."""

    OFF = "off"
    DAILY = "daily"
    WEEKLY = "weekly"


class Language(enum.Enum):
    """The interface language; `system` follows the OS locale."""

    SYSTEM = "system"
    EN = "en"
    ZH_CN = "zh_CN"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every user setting with its default; change one with `dataclasses.replace`."""

    delete_mode: DeleteMode = DeleteMode.PERMANENT
    quick_targets: tuple[str, ...] | None = None  # None: the catalog's safe preset
    never_touch: tuple[str, ...] = ()  # extra paths no clean may touch
    min_age_days: float | None = None  # None: each target's own rule
    schedule: Schedule = Schedule.OFF
    language: Language = Language.SYSTEM
    start_in_tray: bool = False
    start_at_login: bool = False
    journal_retention_days: int = 30
    usage_id_enabled: bool = True  # with `usage` consent: send nothing, but keep a local id
    cookie_keep_list: tuple[str, ...] = ()  # domains whose cookies a cookie clean keeps

    def to_json(self) -> dict[str, Any]:
        """The settings as JSON values, with the schema version."""
        return {
            "schema": SCHEMA_VERSION,
            "delete_mode": self.delete_mode.value,
            "quick_targets": None if self.quick_targets is None else list(self.quick_targets),
            "never_touch": list(self.never_touch),
            "min_age_days": self.min_age_days,
            "schedule": self.schedule.value,
            "language": self.language.value,
            "start_in_tray": self.start_in_tray,
            "start_at_login": self.start_at_login,
            "journal_retention_days": self.journal_retention_days,
            "usage_id_enabled": self.usage_id_enabled,
            "cookie_keep_list": list(self.cookie_keep_list),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> tuple[Settings, list[str]]:
        """Settings from JSON values: each invalid or unknown value is reported and defaulted."""
        problems: list[str] = []
        default = cls()
        values: dict[str, Any] = {}
        for name, parse in _PARSERS.items():
            if name not in obj:
                continue
            try:
                values[name] = parse(obj[name])
            except DomainError as exc:  # the valid domains stay: losing them signs the user out
                values[name] = _valid_domains(obj[name])
                problems.append(f"'{name}': {exc}; that entry is ignored")
            except (ValueError, TypeError):
                fallback = default.to_json()[name]
                problems.append(f"'{name}' had an invalid value {obj[name]!r}; using {fallback!r}")
        unknown = sorted(set(obj) - set(_PARSERS) - {"schema", "kind"})
        if unknown:
            problems.append(f"unknown setting(s) ignored: {', '.join(unknown)}")
        return dataclasses.replace(default, **values), problems


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TypeError("not a list of strings")
    return tuple(dict.fromkeys(value))  # keeps order, drops repeats


def _optional_strings(value: Any) -> tuple[str, ...] | None:
    return None if value is None else _strings(value)


def _optional_days(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e5:
        raise ValueError("not a number of days")
    return float(value)


def keep_domains(values: Any) -> tuple[str, ...]:
    """A cookie keep-list in its stored form (see engine/records/domains.py), without repeats.

    Raises TypeError for anything but a list of strings and DomainError (a ValueError) naming
    the first entry that is not a domain, an IP address or `localhost`.
    """
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise TypeError("not a list of domains")
    return tuple(dict.fromkeys(normalize_domain(v) for v in values))


def _valid_domains(values: Any) -> tuple[str, ...]:
    """The valid entries of a stored keep-list that holds a bad one."""
    kept: list[str] = []
    for value in values if isinstance(values, list) else []:
        try:
            kept.append(normalize_domain(value) if isinstance(value, str) else "")
        except DomainError:
            continue
    return tuple(dict.fromkeys(k for k in kept if k))


def keep_list_unknown(message: str | None) -> bool:
    """Whether `load_settings`' message means the saved keep-list could not be read at all.

    A cookie clean must not run then: the defaults keep nothing and would sign the user out
    of every site.
    """
    if message is None:
        return False
    return not message.startswith(_VALUE_PROBLEMS) or "'cookie_keep_list' had" in message


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "delete_mode": DeleteMode,
    "quick_targets": _optional_strings,
    "never_touch": _strings,
    "min_age_days": _optional_days,
    "schedule": Schedule,
    "language": Language,
    "start_in_tray": parse_flag,
    "start_at_login": parse_flag,
    "journal_retention_days": parse_retention,
    "usage_id_enabled": parse_flag,
    "cookie_keep_list": keep_domains,
}
_VALUE_PROBLEMS = "settings: "  # the start of load_settings' message about single values

# Schema migrations: MIGRATIONS[n] turns a version-n object into a version n+1 object.
# Version 1 is the first; the hook is here so that a rename later never loses a user's choice.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(obj: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Bring a stored settings object to SCHEMA_VERSION; reports what it could not do."""
    version = obj.get("schema", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return obj, [f"unknown settings schema {version!r}; reading it as version 1"]
    if version > SCHEMA_VERSION:
        return obj, [
            f"settings were written by a newer ONE Cleaner (schema {version}); "
            "values this version does not know are ignored"
        ]
    while version < SCHEMA_VERSION:
        obj = MIGRATIONS[version](obj)
        version += 1
    return obj, []


def _parsed(obj: dict[str, Any]) -> tuple[Settings, list[str]]:
    obj, problems = migrate(obj)
    settings, more = Settings.from_json(obj)
    return settings, problems + more


def load_settings(data_dir: Path) -> tuple[Settings, str | None]:
    """The saved settings, or the defaults; the message says what was wrong, if anything.

    A file that cannot be used (not JSON, too deep, a folder or FIFO in its place...) is set
    aside for inspection and the defaults are used; a bad value is replaced by its default.
    Never raises for a bad file.
    """
    obj, message = read_settings_document(data_dir)
    if obj is None:
        return Settings(), message
    settings, problems = _parsed(obj)
    return settings, (_VALUE_PROBLEMS + "; ".join(problems)) if problems else None


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings atomically (0600, in the 0700 data folder), under the folder's lock."""
    write_settings_document(data_dir, settings.to_json(), schema=SCHEMA_VERSION)


def update_settings(data_dir: Path, change: Callable[[Settings], Settings]) -> Settings:
    """Change the stored settings under the data folder's lock; the settings now stored.

    For a change of some values (`dataclasses.replace`): another process's change of other
    values in the meantime is kept, where load-then-save would overwrite it.
    """
    result: list[Settings] = []

    def apply(values: dict[str, Any]) -> dict[str, Any]:
        current, _problems = _parsed(dict(values)) if values else (Settings(), [])
        result.append(change(current))
        return result[-1].to_json()

    update_settings_document(data_dir, apply, schema=SCHEMA_VERSION)
    return result[-1]


def apply_changes(current: Settings, before: Settings, after: Settings) -> Settings:
    """`current` with the values a form changed from `before` to `after`, for `update_settings`:
    a value the form left alone keeps what another process may have stored meanwhile."""
    changed = {
        f.name: getattr(after, f.name)
        for f in dataclasses.fields(Settings)
        if getattr(after, f.name) != getattr(before, f.name)
    }
    return dataclasses.replace(current, **changed)


class KeepListUnknown(Exception):
    """The settings file could not be read, so the saved keep-list is unknown (nothing changed)."""


def change_keep_list(
    data_dir: Path, change: Callable[[tuple[str, ...]], Iterable[str]]
) -> tuple[tuple[str, ...], Settings]:
    """Change the stored cookie keep-list under the data folder's lock (another process's
    change of the settings in the meantime is kept): (the list just before, the settings now).

    `change` gets the stored list and returns the new one (normalized domains; repeats are
    dropped). Raises KeepListUnknown, changing nothing, when the saved list cannot be read:
    writing over it would lose the domains the user kept.
    """
    _settings, warning = load_settings(data_dir)
    if keep_list_unknown(warning):
        raise KeepListUnknown(warning or "")
    before: list[tuple[str, ...]] = []

    def apply(settings: Settings) -> Settings:
        before.append(settings.cookie_keep_list)
        keep = tuple(dict.fromkeys(change(settings.cookie_keep_list)))
        return dataclasses.replace(settings, cookie_keep_list=keep)

    now = update_settings(data_dir, apply)
    return before[-1], now


__all__ = [
    "MIGRATIONS",
    "RETENTION_RANGE",
    "SCHEMA_VERSION",
    "SETTINGS_FILE",
    "KeepListUnknown",
    "Language",
    "Schedule",
    "Settings",
    "apply_changes",
    "change_keep_list",
    "keep_domains",
    "keep_list_unknown",
    "load_settings",
    "migrate",
    "save_settings",
    "settings_path",
    "update_settings",
]
