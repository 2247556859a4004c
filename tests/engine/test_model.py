"""The engine records' own derived views: totals, unticking, the activity-history summary."""

from __future__ import annotations

from onecleaner.engine.model import (
    OS,
    CleanResult,
    DeleteMode,
    EntryKind,
    Identity,
    Plan,
    PlanEntry,
    Skip,
    TargetPlan,
    TargetResult,
    TrashedFile,
)
from onecleaner.engine.reasons import Reason, SkipCode

SECRET = "/home/zhang/.cache/chromium/Default/Cache/private-name"


def _plan() -> Plan:
    root = "/home/zhang/.cache"
    entry = PlanEntry(SECRET, root, "chromium.cache", EntryKind.FILE, Identity(1, 2, 300, 4), 4096)
    busy = Skip(SECRET + "-open", Reason.of(SkipCode.IN_USE), "chromium.cache")
    return Plan(
        targets=(
            TargetPlan("chromium.cache", (root,), (entry,), (busy,)),
            TargetPlan("pip.cache", (root + "/pip",), ()),
        ),
        os=OS.LINUX,
        created_at=0.0,
    )


def test_plan_activity_keeps_counts_and_ids_never_paths() -> None:
    plan = _plan()
    assert plan.activity() == {
        "targets": ["chromium.cache", "pip.cache"],
        "files": 1,
        "records": 0,
        "bytes": 4096,
        "skipped": 1,
        "cancelled": False,
        "per_target": {
            "chromium.cache": {"files": 1, "records": 0, "bytes": 4096},
            "pip.cache": {"files": 0, "records": 0, "bytes": 0},
        },
        "skip_codes": {"in_use": 1},
        "skipped_apps": [],
    }
    assert "zhang" not in repr(plan.activity())


def test_clean_activity_keeps_counts_mode_and_ids_never_paths() -> None:
    result = CleanResult(
        targets=(
            TargetResult(
                "chromium.cache",
                3,
                0,
                (
                    Skip(SECRET, Reason.of(SkipCode.CHANGED)),
                    Skip(SECRET + "2", Reason.of(SkipCode.APP_RUNNING, app="Chromium")),
                ),
                trashed=3,
                trashed_bytes=12288,
            ),
        ),
        mode=DeleteMode.TRASH,
        dry_run=False,
        cancelled=True,
        trashed=(TrashedFile("chromium.cache", "private-name", "2026-01-02T03:04:05"),),
        trash_folder="/home/zhang/.local/share/Trash",
    )
    summary = result.activity()
    assert summary == {
        "targets": ["chromium.cache"],
        "files": 3,
        "records": 0,
        "bytes": 0,  # moved to the trash: nothing freed yet
        "trashed_files": 3,
        "trashed_bytes": 12288,
        "skipped": 2,
        "cancelled": True,
        "mode": "trash",
        "dry_run": False,
        "per_target": {
            "chromium.cache": {"files": 3, "records": 0, "bytes": 0, "trashed_bytes": 12288}
        },
        "trashed": 1,
        "skip_codes": {"changed_since_scan": 1, "app_running": 1},
        "skipped_apps": ["Chromium"],
    }
    # Neither the paths nor the names the files got in the trash.
    assert "zhang" not in repr(summary) and "private" not in repr(summary)


def test_unticked_files_leave_the_plan_and_its_totals() -> None:
    plan = _plan().without({SECRET})
    assert plan.files == 0 and plan.bytes == 0
    assert len(plan.skipped) == 1, "what was skipped is still reported"
