"""The JSON reports of a scan and of a clean (`--json` and the window's export)."""

from __future__ import annotations

import json
import os
import sys

import pytest

from onecleaner.app.report import clean_report, scan_report
from onecleaner.engine.model import (
    OS,
    CleanResult,
    DeleteMode,
    Plan,
    Skip,
    TargetPlan,
    TargetResult,
)
from onecleaner.engine.reasons import Reason, SkipCode

BAD = os.fsdecode(b"/c/bad\xffname") if sys.platform != "win32" else "/c/bad\udcffname"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX names are bytes")
def test_undecodable_names_are_escaped_and_reasons_keep_their_codes() -> None:
    running = Skip(BAD, Reason.of(SkipCode.APP_RUNNING, app="Chromium"), "chromium.cache")
    changed = Skip("/c/x", Reason.of(SkipCode.CHANGED), "chromium.cache")
    plan = Plan((TargetPlan("chromium.cache", ("/c",), (), (running,)),), OS.LINUX, 0.0)
    result = CleanResult(
        (TargetResult("chromium.cache", 3, 300, (changed,)),),
        DeleteMode.TRASH,
        dry_run=False,
        cancelled=False,
        disk_free_before={BAD: 10},
        disk_free_after={BAD: 310},
    )
    scanned, cleaned = scan_report(plan), clean_report(result, plan.skipped)
    text = json.dumps([scanned, cleaned], ensure_ascii=False)
    text.encode("utf-8")  # strict: no lone surrogate reached the report
    assert scanned["targets"][0]["skipped"] == [
        {
            "path": "/c/bad\\xffname",
            "reason": "skipped: Chromium is running",
            "code": "app_running",
            "params": {"app": "Chromium"},
        }
    ]
    (row,) = cleaned["targets"]
    assert row["files"] == 3 and row["bytes"] == 300 and row["records"] == 0
    assert [s["code"] for s in row["skipped"]] == ["app_running", "changed_since_scan"]
    assert cleaned["disk_free_after"] == {"/c/bad\\xffname": 310}
    assert cleaned["mode"] == "trash"


def test_a_target_that_only_skipped_still_has_a_row() -> None:
    skip = Skip("/c/lock", Reason.of(SkipCode.IN_USE), "web.cache")
    result = CleanResult((), DeleteMode.PERMANENT, dry_run=True, cancelled=False)
    report = clean_report(result, [skip, skip])
    assert report["targets"] == [
        {
            "id": "web.cache",
            "files": 0,
            "records": 0,
            "bytes": 0,
            "trashed_files": 0,
            "trashed_bytes": 0,
            "skipped": [
                {"path": "/c/lock", "reason": "in use by a running program", "code": "in_use"}
            ],
        }
    ]
