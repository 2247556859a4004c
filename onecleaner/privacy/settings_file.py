"""The app's settings file on disk, and the two values the privacy data depends on.

The settings themselves (their fields, defaults, migrations) belong to the app layer
(`onecleaner.settings`), which sits above privacy. Privacy needs the file's reading, locked
writing and two values: how long the journal keeps records, and whether the install
identifier is on. They live here so that privacy never imports the layer above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, PrivacyError
from onecleaner.privacy.storage import read_json, write_json

SETTINGS_FILE = "settings.json"
SETTINGS_KIND = "settings"
#: Any schema is read, not only ours: a newer file still gives the values we know.
ANY_SCHEMA = 2**31
RETENTION_RANGE = (1, 3650)  # days: a journal kept a day at least, ten years at most
DEFAULT_RETENTION_DAYS = 30


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE


def parse_retention(value: Any) -> int:
    """A journal retention in whole days within RETENTION_RANGE; ValueError otherwise."""
    low, high = RETENTION_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"not a whole number of days from {low} to {high}")
    return value


def parse_flag(value: Any) -> bool:
    """A JSON true/false; TypeError otherwise."""
    if not isinstance(value, bool):
        raise TypeError("not a boolean")
    return value


def read_settings_document(data_dir: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The stored settings document (None if there is none) and a message if it was bad.

    A file that cannot be used is set aside for inspection; the message says so.
    """
    try:
        with data_lock(data_dir, create=False):
            return read_json(settings_path(data_dir), kind=SETTINGS_KIND, schema=ANY_SCHEMA), None
    except CorruptFile as exc:
        return None, (
            f"the settings file could not be read ({exc.reason}); it was set aside as "
            f"{exc.aside} and the defaults are used"
        )
    except PrivacyError as exc:
        return None, f"{exc}; the default settings are used"


def write_settings_document(data_dir: Path, doc: dict[str, Any], *, schema: int) -> None:
    """Write the whole settings document atomically (0600, in the 0700 data folder)."""
    with data_lock(data_dir):
        write_json(settings_path(data_dir), doc, kind=SETTINGS_KIND, schema=schema)


def update_settings_document(
    data_dir: Path, change: Callable[[dict[str, Any]], dict[str, Any]], *, schema: int
) -> dict[str, Any]:
    """Read, change and write the settings document under the data folder's lock.

    ``change`` gets the stored values with their ``schema`` (empty when there are none) and
    returns the values to store; a ``schema`` among them is kept (``schema`` otherwise). A
    concurrent change of another value is never lost.
    """
    with data_lock(data_dir):
        doc, _message = read_settings_document(data_dir)
        values = {k: v for k, v in (doc or {}).items() if k != "kind"}
        changed = change(values)
        version = changed.get("schema")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            version = schema
        write_json(settings_path(data_dir), changed, kind=SETTINGS_KIND, schema=version)
        return changed


@dataclass(frozen=True, slots=True)
class PrivacyPreferences:
    """The settings the privacy data depends on, with their defaults."""

    journal_retention_days: int = DEFAULT_RETENTION_DAYS
    usage_id_enabled: bool = True


def load_preferences(data_dir: Path) -> tuple[PrivacyPreferences, str | None]:
    """The privacy preferences from the settings file (defaults for what is bad) and a message."""
    doc, message = read_settings_document(data_dir)
    if doc is None:
        return PrivacyPreferences(), message
    default = PrivacyPreferences()
    retention, enabled = default.journal_retention_days, default.usage_id_enabled
    try:
        if "journal_retention_days" in doc:
            retention = parse_retention(doc["journal_retention_days"])
    except ValueError:
        pass  # the settings layer reports bad values; privacy only falls back
    try:
        if "usage_id_enabled" in doc:
            enabled = parse_flag(doc["usage_id_enabled"])
    except TypeError:
        pass
    return PrivacyPreferences(retention, enabled), message


def set_usage_id_enabled(data_dir: Path, enabled: bool, *, schema: int = 1) -> None:
    """Store whether the install identifier is on, keeping every other setting."""

    def change(values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "usage_id_enabled": enabled}

    update_settings_document(data_dir, change, schema=schema)


def stored_settings(data_dir: Path) -> dict[str, Any] | None:
    """The stored settings values (for the user's export), None if none are stored."""
    doc, _message = read_settings_document(data_dir)
    if doc is None:
        return None
    return {k: v for k, v in doc.items() if k != "kind"}
