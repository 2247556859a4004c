"""The cleaning engine (no Qt): catalog, scan, plan, clean, the guard and the process probe.

The faces (CLI, GUI) call `scan()` to get a `Plan`, show it, and hand it to `clean()`; see
DESIGN.md "Engine contracts".
"""

from __future__ import annotations

# Imported here, not lazily: a submodule named like its function (scan, clean) would
# otherwise shadow the function as soon as anything imported the submodule.
from onecleaner.engine.clean import clean
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import (
    CatalogError,
    EngineError,
    GuardRefusal,
    PlanFileError,
    UnknownTarget,
)
from onecleaner.engine.guard import Guard, check_root, never_touch
from onecleaner.engine.model import (
    OS,
    Application,
    CleanResult,
    DeleteMode,
    EntryKind,
    Identity,
    PathRule,
    Phase,
    Plan,
    PlanEntry,
    Progress,
    Risk,
    Skip,
    Target,
    TargetPlan,
    TargetResult,
)
from onecleaner.engine.processes import (
    CloseResult,
    ProcessProbe,
    close_application,
    disk_free,
    lower_priority,
)
from onecleaner.engine.scan import ScanOptions, scan

__all__ = [
    "OS",
    "Application",
    "CatalogError",
    "CleanResult",
    "CloseResult",
    "DeleteMode",
    "EngineError",
    "EntryKind",
    "Environment",
    "Guard",
    "GuardRefusal",
    "Identity",
    "PathRule",
    "Phase",
    "Plan",
    "PlanEntry",
    "PlanFileError",
    "ProcessProbe",
    "Progress",
    "Risk",
    "ScanOptions",
    "Skip",
    "Target",
    "TargetPlan",
    "TargetResult",
    "UnknownTarget",
    "check_root",
    "clean",
    "close_application",
    "disk_free",
    "lower_priority",
    "never_touch",
    "scan",
]
