"""The Browser traces page: cookies, history and form entries per browser, the cookie
keep-list with its suggestions, and Clean through the usual confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from onecleaner.gui.pages import PageContext, PageSpec


def _title() -> str:
    return QCoreApplication.translate("pages", "Browser traces")


def _build(context: PageContext) -> QWidget:
    from onecleaner.gui.pages.traces.page import TracesPage

    return TracesPage(context)


PAGE = PageSpec("traces", "traces", _title, _build)
