"""The Disk usage page: a folder's usage map (a treemap you drill into, with its folder list) and
the finders' tabs (large files, old files, build artefacts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from onecleaner.gui.pages import PageContext, PageSpec


def _title() -> str:
    return QCoreApplication.translate("pages", "Disk usage")


def _build(context: PageContext) -> QWidget:
    from onecleaner.gui.pages.disk_usage.page import DiskUsagePage

    return DiskUsagePage(context)


PAGE = PageSpec("disk", "disk", _title, _build)
