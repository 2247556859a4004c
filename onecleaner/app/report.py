"""The reports of a scan and of a clean as JSON-ready documents: `--json` and the window's export.

File names are escaped as the command line shows them (`printable`), so a report is valid
UTF-8 JSON whatever bytes a name holds. A skipped item keeps its reason in English (`reason`)
and as a code with parameters (`code`, `params`) for programs and for translated faces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from onecleaner.app.printable import printable_path, printable_text
from onecleaner.engine.model import CleanResult, Plan, Skip
from onecleaner.engine.reasons import Reason, skip_data


def unique_skips(*groups: Sequence[Skip]) -> list[Skip]:
    """The skips of several groups (a plan's, then its clean's), each (path, reason) once."""
    seen: set[tuple[str, Reason]] = set()
    merged = []
    for group in groups:
        for skip in group:
            key = (skip.path, skip.reason)
            if key not in seen:
                seen.add(key)
                merged.append(skip)
    return merged


def skips_report(skips: Sequence[Skip]) -> list[dict[str, object]]:
    """Skipped items: path and reason (English, escaped), the reason's code and parameters."""
    out = []
    for skip in skips:
        data = skip_data(skip)
        data["path"] = printable_path(skip.path)
        data["reason"] = printable_text(str(skip.reason))
        out.append(data)
    return out


def scan_report(plan: Plan) -> dict[str, Any]:
    """A scan: per target what a clean would remove and free, and what was skipped."""
    return {
        "targets": [
            {
                "id": t.target_id,
                "files": t.files,
                "records": t.records,
                "bytes": t.bytes,
                "skipped": skips_report(t.skipped),
            }
            for t in plan.targets
        ],
        "files": plan.files,
        "records": plan.records,
        "bytes": plan.bytes,
        "cancelled": plan.cancelled,
    }


def clean_report(result: CleanResult, scan_skips: Sequence[Skip] = ()) -> dict[str, Any]:
    """A clean: per target what was removed and freed, and every item the scan (`scan_skips`)
    or the clean left alone; a target that removed nothing but skipped something has a row.

    `bytes` is the space that left the disk; files moved to the trash are counted in `files`
    and `trashed_files`, their space in `trashed_bytes` (it is freed when the trash is emptied).
    """
    by_target: dict[str, list[Skip]] = {}
    for skip in unique_skips(scan_skips, [s for t in result.targets for s in t.skipped]):
        by_target.setdefault(skip.target_id, []).append(skip)
    targets = [
        {
            "id": t.target_id,
            "files": t.removed,
            "records": t.records,
            "bytes": t.freed,
            "trashed_files": t.trashed,
            "trashed_bytes": t.trashed_bytes,
            "skipped": skips_report(by_target.pop(t.target_id, [])),
        }
        for t in result.targets
    ]
    targets += [
        {
            "id": target_id,
            "files": 0,
            "records": 0,
            "bytes": 0,
            "trashed_files": 0,
            "trashed_bytes": 0,
            "skipped": skips_report(rest),
        }
        for target_id, rest in by_target.items()
    ]
    return {
        "targets": targets,
        "files": result.files,
        "records": result.records,
        "bytes": result.bytes,
        "trashed_files": result.trashed_files,
        "trashed_bytes": result.trashed_bytes,
        "disk_free_before": _disks(result.disk_free_before),
        "disk_free_after": _disks(result.disk_free_after),
        "mode": result.mode.value,
        "dry_run": result.dry_run,
        "cancelled": result.cancelled,
    }


def _disks(free: Mapping[str, int]) -> dict[str, int]:
    return {printable_path(mount): n for mount, n in free.items()}


__all__ = ["clean_report", "scan_report", "skips_report", "unique_skips"]
