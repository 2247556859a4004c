"""The cleaning engine (no Qt): catalog, scan, plan, clean, the guard and the process probe.

The faces (CLI, GUI) call `scan()` to get a `Plan`, show it, and hand it to `clean()`; see
DESIGN.md "Engine contracts". Heavier modules are imported on first use of their names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from onecleaner.engine.env import Environment
from onecleaner.engine.errors import (
    CatalogError,
    EngineError,
    GuardRefusal,
    PlanFileError,
    UnknownTarget,
)
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

if TYPE_CHECKING:
    from onecleaner.engine.clean import clean
    from onecleaner.engine.guard import Guard, check_root, never_touch
    from onecleaner.engine.processes import (
        CloseResult,
        ProcessProbe,
        close_application,
        disk_free,
        lower_priority,
    )
    from onecleaner.engine.scan import ScanOptions, scan

_LAZY = {
    "clean": "onecleaner.engine.clean",
    "scan": "onecleaner.engine.scan",
    "ScanOptions": "onecleaner.engine.scan",
    "Guard": "onecleaner.engine.guard",
    "check_root": "onecleaner.engine.guard",
    "never_touch": "onecleaner.engine.guard",
    "CloseResult": "onecleaner.engine.processes",
    "ProcessProbe": "onecleaner.engine.processes",
    "close_application": "onecleaner.engine.processes",
    "disk_free": "onecleaner.engine.processes",
    "lower_priority": "onecleaner.engine.processes",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'onecleaner.engine' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


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
