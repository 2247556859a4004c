"""The Clean page's words for a scan's and a clean's figures: progress, headlines, categories.

Pure functions of the engine's records (no widgets); the texts keep the "MainWindow"
translation context they always had. Counts go through Qt's plural forms (%Ln: "1 file",
"2 files", grouped as the locale writes numbers).
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


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


def progress_text(progress: Progress) -> str | None:
    """The phase line while work runs (files and bytes so far); None for other phases."""
    if progress.phase is Phase.SCAN:
        return _trn("Scanning: %Ln file(s), %1", progress.files).replace(
            "%1", human_size(progress.bytes)
        )
    if progress.phase in (Phase.CLEAN, Phase.PRUNE):
        return _trn("Cleaning: %Ln file(s) removed, %1 freed", progress.files).replace(
            "%1", human_size(progress.bytes)
        )
    return None


def scan_cancelled_text(outcome: ScanOutcome) -> tuple[str, str]:
    """The summary's headline and detail after a cancelled scan."""
    return (
        _trn("Scan cancelled: %1 in %Ln file(s) found so far", outcome.plan.files).replace(
            "%1", human_size(outcome.bytes)
        ),
        _tr("Scan again to clean."),
    )


def scan_status_text(outcome: ScanOutcome) -> str:
    """The status bar's line once a scan is over."""
    plan = outcome.plan
    found = _trn("Scan finished: %1 in %Ln file(s).", plan.files).replace(
        "%1", human_size(outcome.bytes)
    )
    if plan.records:
        found = _tr("%1 %2").replace("%1", found).replace("%2", records_sentence(plan.records))
    if not plan.skipped:  # "0 items left alone" says nothing
        return found
    left = _trn("%Ln item(s) left alone.", len(plan.skipped))
    return _tr("%1 %2").replace("%1", found).replace("%2", left)  # two sentences, joined


def records_sentence(records: int) -> str:
    """The browser records besides the files, as a sentence of its own."""
    return _trn("Also %Ln browser record(s).", records)


def ready_text(outcome: ScanOutcome, selection: FileSelection) -> tuple[str, str]:
    """The summary's headline and detail for a scanned plan: what the ticked files free."""
    plan = outcome.plan
    size = human_size(outcome.bytes - selection.bytes)
    if plan.records and not plan.files:
        text = _trn("Ready to remove %Ln browser record(s), about %1", plan.records)
        return text.replace("%1", size), _tr("Browser records are not listed one by one.")
    text = _trn("Ready to free %1 in %Ln file(s)", plan.files - selection.count).replace(
        "%1", size
    )
    detail = (
        _trn("%Ln unticked file(s) stay where they are.", selection.count)
        if selection.count
        else _tr("Untick single files below to keep them.")
    )
    if plan.records:
        detail = _tr("%1 %2").replace("%1", records_sentence(plan.records)).replace("%2", detail)
    return text, detail


def cleaned_text(result: CleanResult, skips: int) -> tuple[str, str]:
    """The summary's headline and detail after a clean that left `skips` items alone."""
    trash = result.mode.value == "trash"
    # A file in the trash still takes its space: the trash figure, never "freed".
    size = human_size(result.trashed_bytes if trash else result.bytes)
    if trash:
        headline = _trn("Moved to the trash %1: %Ln file(s)", result.files)
    else:
        headline = _trn("Freed %1: %Ln file(s) removed", result.files)
    headline = headline.replace("%1", size)
    if result.records and not result.files:
        headline = records_headline(result)
    if result.cancelled:
        headline = _trn(
            "Cleaning cancelled: %Ln file(s) removed (%1) before stopping", result.files
        ).replace("%1", size)
    detail = (
        _trn("%Ln item(s) left alone; see “Left alone” for the reasons.", skips)
        if skips
        else _tr("Nothing was left alone.")
    )
    if result.records and result.files:
        removed = _trn("Also %Ln browser record(s) removed.", result.records)
        detail = _tr("%1 %2").replace("%1", removed).replace("%2", detail)
    return headline, detail


def records_headline(result: CleanResult) -> str:
    """What a clean of browser records did, in one line."""
    if result.cancelled:
        return _trn("Cleaning cancelled: %Ln browser record(s) removed before stopping",
                    result.records)  # fmt: skip
    if result.mode.value == "trash":  # the databases' copies in the trash take their space
        return _trn(
            "Removed %Ln browser record(s); the databases as they were are in the trash",
            result.records,
        )
    return _trn("Removed %Ln browser record(s), freed %1", result.records).replace(
        "%1", human_size(result.bytes)
    )


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
