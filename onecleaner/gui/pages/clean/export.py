"""Write a clean's results as CSV or JSON (plain functions, no Qt, so they are tested alone).

The JSON is the command line's `clean --json` report (`app.report`), names escaped the same way.
"""

from __future__ import annotations

import csv
import enum
import json
from collections.abc import Sequence
from pathlib import Path

from onecleaner.app.report import clean_report, unique_skips
from onecleaner.engine.model import CleanResult, Skip


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
    return unique_skips(scan_skips, result.skipped)


def write_json(path: Path, result: CleanResult, scan_skips: Sequence[Skip] = ()) -> None:
    """Save the results as `onecleaner clean --json` prints them (UTF-8)."""
    text = json.dumps(clean_report(result, scan_skips), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


CSV_HEADER = ("kind", "target", "path", "files", "bytes", "reason")


def write_csv(path: Path, result: CleanResult, scan_skips: Sequence[Skip] = ()) -> None:
    """Save the results as CSV: one `removed` row per target, one `skipped` row per item."""
    report = clean_report(result, scan_skips)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_HEADER)
        for t in report["targets"]:
            out.writerow(("removed", t["id"], "", t["files"], t["bytes"], ""))
        for t in report["targets"]:
            for s in t["skipped"]:
                out.writerow(("skipped", t["id"], s["path"], "", "", s["reason"]))


def export_results(
    path: Path, result: CleanResult, scan_skips: Sequence[Skip] = ()
) -> ExportFormat:
    """Save the results in the format the file name asks for; returns that format."""
    fmt = ExportFormat.for_path(path)
    (write_json if fmt is ExportFormat.JSON else write_csv)(path, result, scan_skips)
    return fmt
