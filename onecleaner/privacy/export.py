"""Writing the user's own data out of the data folder: a private JSON file, written atomically."""

from __future__ import annotations

import dataclasses
import enum
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onecleaner import __version__
from onecleaner.privacy.errors import ExportFailed, PrivacyError
from onecleaner.privacy.profile import ProfileUnreadable
from onecleaner.privacy.settings_file import stored_settings
from onecleaner.privacy.storage import write_private_file

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService

EXPORT_FORMAT = "onecleaner-personal-data"
EXPORT_SCHEMA = 1


def jsonable(obj: Any) -> Any:
    """Records, enums, dates and paths as plain JSON values (bytes are left out)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: jsonable(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not isinstance(getattr(obj, f.name), bytes)
        }
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [jsonable(v) for v in obj]
    if isinstance(obj, str | int | float | bool) or obj is None:
        return obj
    if hasattr(obj, "items"):
        return {str(k): jsonable(v) for k, v in obj.items()}
    return str(obj)


def write_json_export(path: Path, document: dict[str, Any]) -> None:
    """Write an export document as readable UTF-8 JSON (non-ASCII kept), privately."""
    text = json.dumps(jsonable(document), ensure_ascii=False, indent=2, sort_keys=False)
    write_private_file(path, (text + "\n").encode("utf-8"))


def export_document(service: PrivacyService) -> dict[str, Any]:
    """Everything the app holds about the user, decrypted, as one JSON-able document.

    Profile, consent (current and history), journal, settings, identifiers, the notice and
    the deletion receipt, plus a list of what could not be read.
    """
    problems: list[str] = []
    try:
        profile = service.profile()
    except ProfileUnreadable as exc:
        profile, problems = None, [str(exc)]
    try:
        records = service.log_records()
    except PrivacyError as exc:
        records, problems = [], [*problems, f"journal: {exc}"]
    usage = service.usage_store()
    usage_data = usage.load()
    problems += usage.warnings
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "schema": EXPORT_SCHEMA,
        "exported_at": service.clock(),
        "app_version": __version__,
        "data_dir": service.data_dir,
        "policy": {"version": service.policy.version, "sha256": service.policy.sha256},
        "profile": None if profile is None else profile.to_json(),
        "consent": {
            "current": [
                {
                    "purpose": s.purpose.value,
                    "granted": s.granted,
                    "last": None if s.last is None else s.last.to_json(),
                }
                for s in service.consent()
            ],
            "history": [r.to_json() for r in service.consent_history()],
        },
        "journal": [r.to_dict() for r in records],
        "settings": stored_settings(service.data_dir),
        "identifiers": {
            "install_id": usage_data.install_id,
            "usage_counters": dict(usage_data.counters),
            "usage_since": usage_data.since,
        },
        "notice": service.notice(),
        "deletion_receipt": service.notice_receipt(),
        "problems": problems,
    }
    return document


__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_SCHEMA",
    "ExportFailed",
    "export_document",
    "jsonable",
    "write_json_export",
    "write_private_file",
]
