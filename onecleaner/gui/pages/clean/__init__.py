"""The Clean page: choose targets, scan, review the files, clean, read the results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from onecleaner.gui.pages import PageContext, PageSpec


def _title() -> str:
    return QCoreApplication.translate("pages", "Clean")


def _build(context: PageContext) -> QWidget:
    from onecleaner.gui.pages.clean.page import CleanPage

    return CleanPage(context.services, dialogs=context.dialogs, context=context)


PAGE = PageSpec("clean", "clean", _title, _build)
