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
    }
    assert "zhang" not in repr(plan.activity())


def test_clean_activity_keeps_counts_mode_and_ids_never_paths() -> None:
    result = CleanResult(
        targets=(
            TargetResult(
                "chromium.cache",
                3,
                0,
                (Skip(SECRET, Reason.of(SkipCode.CHANGED)),),
                trashed=3,
                trashed_bytes=12288,
            ),
        ),
        mode=DeleteMode.TRASH,
        dry_run=False,
        cancelled=True,
    )
    summary = result.activity()
    assert summary == {
        "targets": ["chromium.cache"],
        "files": 3,
        "records": 0,
        "bytes": 0,  # moved to the trash: nothing freed yet
        "trashed_files": 3,
        "trashed_bytes": 12288,
        "skipped": 1,
        "cancelled": True,
        "mode": "trash",
        "dry_run": False,
    }
    assert "zhang" not in repr(summary)


def test_unticked_files_leave_the_plan_and_its_totals() -> None:
    plan = _plan().without({SECRET})
    assert plan.files == 0 and plan.bytes == 0
    assert len(plan.skipped) == 1, "what was skipped is still reported"
