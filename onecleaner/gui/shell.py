"""The app's window: a sidebar of pages and the page shown. The pages do the work; this switches.

There is no menu bar: every action is on a page, and the shortcuts work anywhere in the window
(F5 scan, Ctrl+Enter clean, Esc cancel, Ctrl+E export, Ctrl+1... a page, Ctrl+, Settings,
Ctrl+Q quit).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from onecleaner.gui.pages import PageContext, PageSpec, registered
from onecleaner.gui.pages.clean.confirm import Dialogs
from onecleaner.gui.services import AppServices
from onecleaner.gui.theme import GAP, MARGIN, message_style_sheet, style_sheet
from onecleaner.gui.tray import QuickCleaner
from onecleaner.gui.widgets.sidebar import Sidebar

#: Below this window width the sidebar shows icons only.
COMPACT_BELOW = 900
#: How long a message stays in the window's message line.
MESSAGE_MS = 15_000


class MainWindow(QMainWindow):
    """The window: sidebar, message line, pages; the quick clean the Home page and tray share."""

    quitRequested = Signal()
    pageChanged = Signal(str)
    settingsChanged = Signal(object)  # Settings, saved by the Settings page

    def __init__(
        self,
        services: AppServices,
        *,
        dialogs: Dialogs | None = None,
        pages: Sequence[PageSpec] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.services = services
        self.keep_running_in_tray = False  # set by the app when a tray icon holds the app
        self.quick = QuickCleaner(services, other_busy=self._clean_page_busy, parent=self)
        context = PageContext(
            services=services,
            quick=self.quick,
            dialogs=dialogs if dialogs is not None else Dialogs(),
            open_page=self.open_page,
            show_message=self.show_message,
        )

        self.sidebar = Sidebar(self)
        self.sidebar.pageChosen.connect(self.open_page)
        self.stack = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setObjectName("windowMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)

        self.pages: dict[str, QWidget] = {}
        for spec in pages if pages is not None else registered():
            page = spec.build(context)
            page.setObjectName(f"{spec.id}Page")
            self.pages[spec.id] = page
            self.stack.addWidget(page)
            self.sidebar.add_page(spec)
            for action in cast(Any, page).shortcuts():
                # A page's shortcut works anywhere in the window, and shows its page.
                action.triggered.connect(lambda _=False, p=spec.id: self.open_page(p))
                self.addAction(action)
            if hasattr(page, "settingsChanged"):
                page.settingsChanged.connect(self.settingsChanged)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        message_row = QHBoxLayout()
        message_row.setContentsMargins(MARGIN, GAP, MARGIN, 0)
        message_row.addWidget(self.message)
        content_layout.addLayout(message_row)
        content_layout.addWidget(self.stack, 1)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(content, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.retranslate()
        self._apply_style()
        self.setMinimumSize(640, 480)
        self.resize(1200, 760)
        first = next(iter(self.pages), "")
        self.open_page(first)
        for text in services.messages:
            self.show_message(text)

    # --- pages -----------------------------------------------------------------------------
    def page(self, page_id: str) -> Any:
        """A page by id (its own class; tests and the app call its methods)."""
        return self.pages[page_id]

    @property
    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        for page_id, page in self.pages.items():
            if page is widget:
                return page_id
        return ""

    @Slot(str)
    def open_page(self, page_id: str, section: str = "") -> None:
        """Show a page (unknown ids show the first page)."""
        if page_id not in self.pages:
            page_id = next(iter(self.pages), "")
            section = ""
        if not page_id:
            return
        page = self.pages[page_id]
        changed = self.stack.currentWidget() is not page
        self.stack.setCurrentWidget(page)
        self.sidebar.set_current(page_id)
        cast(Any, page).activate(section)
        if changed:
            self.pageChanged.emit(page_id)

    def show_message(self, text: str, timeout_ms: int = MESSAGE_MS) -> None:
        """Say something for a while in the message line above the page."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._message_timer.start(timeout_ms)

    @property
    def banner(self) -> Any:
        """The end-of-service banner (on the Home page), or None."""
        return getattr(self.pages.get("home"), "banner", None)

    @property
    def session(self) -> Any:
        """The Clean page's scan-and-clean session (the tray waits while it works)."""
        return self.page("clean").session

    def _clean_page_busy(self) -> bool:
        page = self.pages.get("clean")
        return bool(page is not None and cast(Any, page).session.busy)

    # --- actions ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quitRequested)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(lambda: self.open_page("settings"))
        self.page_actions: list[QAction] = []
        for position, page_id in enumerate(self.pages, start=1):
            if position > 9:
                break
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{position}"))
            action.triggered.connect(lambda _=False, p=page_id: self._go_to(p))
            self.page_actions.append(action)
        for action in (self.quit_action, self.settings_action, *self.page_actions):
            self.addAction(action)

    def _go_to(self, page_id: str) -> None:
        self.open_page(page_id)
        self.sidebar.list.setFocus()

    # --- look and language -----------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ONE Cleaner"))
        self.quit_action.setText(self.tr("Quit"))
        self.settings_action.setText(self.tr("Settings"))
        self.message.setAccessibleName(self.tr("Message"))
        self.sidebar.retranslate()
        for page in self.pages.values():
            cast(Any, page).retranslate()

    def _apply_style(self) -> None:
        self.setStyleSheet(style_sheet(self.palette()))
        self.message.setStyleSheet(message_style_sheet("info", self.palette()))
        self.sidebar.refresh_icons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_style()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.sidebar.set_compact(event.size().width() < COMPACT_BELOW)
        super().resizeEvent(event)

    # --- window ----------------------------------------------------------------------------
    def show_and_raise(self, page_id: str = "") -> None:
        """Bring the window forward (tray "Open", a second launch), on a page if one is named."""
        if page_id:
            self.open_page(page_id)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def stop(self) -> None:
        """Cancel and wait for every worker (the app is quitting)."""
        self.quick.stop()
        for page in self.pages.values():
            stop = getattr(page, "stop", None)
            if stop is not None:
                stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.keep_running_in_tray:
            # The tray icon keeps the app (and the schedule) alive: closing only hides.
            event.ignore()
            self.hide()
            return
        self.stop()
        event.accept()
        self.quitRequested.emit()
