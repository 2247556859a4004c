"""The main window's words for a scan's and a clean's figures: progress, headlines, categories.

Pure functions of the engine's records (no widgets); the texts keep the "MainWindow"
translation context they always had.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from onecleaner.engine.model import CleanResult, Phase, Progress
from onecleaner.gui.catalog_text import app_name
from onecleaner.gui.jobs.workers import ScanOutcome
from onecleaner.gui.pages.clean.models import FileSelection
from onecleaner.gui.units import human_size

if TYPE_CHECKING:
    from onecleaner.engine.catalog import Catalog


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the context these texts always had


def progress_text(progress: Progress) -> str | None:
    """The phase line while work runs (files and bytes so far); None for other phases."""
    if progress.phase is Phase.SCAN:
        return _tr("Scanning: {0} files, {1}").format(
            f"{progress.files:,}", human_size(progress.bytes)
        )
    if progress.phase in (Phase.CLEAN, Phase.PRUNE):
        return _tr("Cleaning: {0} files removed, {1} freed").format(
            f"{progress.files:,}", human_size(progress.bytes)
        )
    return None


def scan_cancelled_text(outcome: ScanOutcome) -> tuple[str, str]:
    """The summary's headline and detail after a cancelled scan."""
    return (
        _tr("Scan cancelled: {0} in {1} files found so far").format(
            human_size(outcome.bytes), f"{outcome.plan.files:,}"
        ),
        _tr("Scan again to clean."),
    )


def scan_status_text(outcome: ScanOutcome) -> str:
    """The status bar's line once a scan is over."""
    plan = outcome.plan
    return _tr("Scan finished: {0} in {1} files; {2} items left alone.").format(
        human_size(outcome.bytes), f"{plan.files:,}", f"{len(plan.skipped):,}"
    )


def ready_text(outcome: ScanOutcome, selection: FileSelection) -> tuple[str, str]:
    """The summary's headline and detail for a scanned plan: what the ticked files free."""
    text = _tr("Ready to free {0} in {1} files").format(
        human_size(outcome.bytes - selection.bytes), f"{outcome.plan.files - selection.count:,}"
    )
    detail = (
        _tr("{0} files unticked stay where they are.").format(f"{selection.count:,}")
        if selection.count
        else _tr("Untick single files below to keep them.")
    )
    return text, detail


def cleaned_text(result: CleanResult, skips: int) -> tuple[str, str]:
    """The summary's headline and detail after a clean that left `skips` items alone."""
    verb = _tr("Moved to the trash") if result.mode.value == "trash" else _tr("Freed")
    headline = _tr("{0} {1}: {2} files removed").format(
        verb, human_size(result.bytes), f"{result.files:,}"
    )
    if result.cancelled:
        headline = _tr("Cleaning cancelled: {0} files removed ({1}) before stopping").format(
            f"{result.files:,}", human_size(result.bytes)
        )
    detail = (
        _tr("{0} items were left alone; see “Left alone” for the reasons.").format(f"{skips:,}")
        if skips
        else _tr("Nothing was left alone.")
    )
    return headline, detail


def by_category(catalog: Catalog, per_target: Mapping[str, int]) -> dict[str, int]:
    """Sizes summed per application (the chart's categories, named in the UI language)."""
    sizes: dict[str, int] = {}
    for target_id, size in per_target.items():
        try:
            name = app_name(catalog.app_of(target_id))
        except Exception:  # a target the catalog no longer knows keeps its own id
            name = target_id
        sizes[name] = sizes.get(name, 0) + size
    return sizes
