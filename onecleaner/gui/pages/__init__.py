"""The window's pages, one module or package each; the shell only switches between them.

Adding a page is its module (a `QWidget` subclass and a `PAGE = PageSpec(...)`) and one line in
`registered()` below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from onecleaner.gui.pages.clean.confirm import Dialogs
    from onecleaner.gui.services import AppServices
    from onecleaner.gui.tray import QuickCleaner


@dataclass
class PageContext:
    """What a page is built with: the app's services and the window's shared parts."""

    services: AppServices
    quick: QuickCleaner
    dialogs: Dialogs
    #: Show a page (and a section of it, e.g. ``settings`` / ``privacy``).
    open_page: Callable[[str, str], None]
    #: Say something for a while in the window's message line.
    show_message: Callable[[str], None]


class Page(Protocol):
    """What the shell asks of a page (a QWidget)."""

    def activate(self, section: str = "") -> None:
        """The page is shown (refresh what may have changed meanwhile; open `section`)."""

    def retranslate(self) -> None:
        """Set every text again in the UI language (the language changed)."""

    def shortcuts(self) -> list[QAction]:
        """Actions with keyboard shortcuts that work anywhere in the window."""
        ...


@dataclass(frozen=True)
class PageSpec:
    """A page as the sidebar lists it: its id, its icon, its label, and how to build it."""

    id: str
    icon: str  # resources/icons/pages/<icon>.svg
    title: Callable[[], str]  # in the UI language, asked each time the label is shown
    build: Callable[[PageContext], QWidget]


def registered() -> tuple[PageSpec, ...]:
    """The pages in sidebar order."""
    from onecleaner.gui.pages import clean, disk_usage, history, home, settings, traces

    return (home.PAGE, clean.PAGE, traces.PAGE, disk_usage.PAGE, history.PAGE, settings.PAGE)


def page_ids() -> tuple[str, ...]:
    """The ids `onecleaner gui --page` and the tray accept."""
    return tuple(spec.id for spec in registered())
