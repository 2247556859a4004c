"""Write a clean's results as CSV or JSON (plain functions, no Qt, so they are tested alone)."""

from __future__ import annotations

import csv
import enum
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from onecleaner.engine.model import CleanResult, Skip
from onecleaner.engine.reasons import Reason, skip_data


class ExportFormat(enum.Enum):
    """The file formats results can be saved in."""

    CSV = "csv"
    JSON = "json"

    @classmethod
    def for_path(cls, path: Path) -> ExportFormat:
        """The format a file name asks for (.json -> JSON, anything else -> CSV)."""
        return cls.JSON if path.suffix.lower() == ".json" else cls.CSV


def all_skips(result: CleanResult, scan_skips: Sequence[Skip] = ()) -> list[Skip]:
    """What the scan and the clean left alone, each (path, reason) once, scan's first."""
    seen: set[tuple[str, Reason]] = set()
    out: list[Skip] = []
    for skip in (*scan_skips, *result.skipped):
        key = (skip.path, skip.reason)
        if key not in seen:
            seen.add(key)
            out.append(skip)
    return out


def result_document(result: CleanResult, scan_skips: Sequence[Skip] = ()) -> dict[str, Any]:
    """The results as a JSON-ready document (the same shape as `onecleaner clean --json`)."""
    skips = all_skips(result, scan_skips)
    by_target: dict[str, list[Skip]] = {}
    for skip in skips:
        by_target.setdefault(skip.target_id, []).append(skip)
    targets = [
        {
            "id": t.target_id,
            "files": t.removed,
            "bytes": t.freed,
            "skipped": [
                skip_data(s) for s in by_target.pop(t.target_id, [])
            ],
        }
        for t in result.targets
    ]
    # Skips of targets that removed nothing (e.g. a running application) still get a row.
    for target_id, rest in by_target.items():
        targets.append(
            {
                "id": target_id,
                "files": 0,
                "bytes": 0,
                "skipped": [skip_data(s) for s in rest],
            }
        )
    return {
        "targets": targets,
        "files": result.files,
        "bytes": result.bytes,
        "mode": result.mode.value,
        "dry_run": result.dry_run,
        "cancelled": result.cancelled,
        "disk_free_before": dict(result.disk_free_before),
        "disk_free_after": dict(result.disk_free_after),
    }


def write_json(path: Path, result: CleanResult, scan_skips: Sequence[Skip] = ()) -> None:
    """Save the results as JSON (UTF-8, paths as they are)."""
    text = json.dumps(result_document(result, scan_skips), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8", errors="surrogateescape")


CSV_HEADER = ("kind", "target", "path", "files", "bytes", "reason")


def write_csv(path: Path, result: CleanResult, scan_skips: Sequence[Skip] = ()) -> None:
    """Save the results as CSV: one `removed` row per target, one `skipped` row per item."""
    doc = result_document(result, scan_skips)
    with path.open("w", newline="", encoding="utf-8", errors="surrogateescape") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_HEADER)
        for t in doc["targets"]:
            out.writerow(("removed", t["id"], "", t["files"], t["bytes"], ""))
        for t in doc["targets"]:
            for s in t["skipped"]:
                out.writerow(("skipped", t["id"], s["path"], "", "", s["reason"]))


def export_results(
    path: Path, result: CleanResult, scan_skips: Sequence[Skip] = ()
) -> ExportFormat:
    """Save the results in the format the file name asks for; returns that format."""
    fmt = ExportFormat.for_path(path)
    (write_json if fmt is ExportFormat.JSON else write_csv)(path, result, scan_skips)
    return fmt
