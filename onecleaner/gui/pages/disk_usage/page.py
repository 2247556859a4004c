"""The Disk usage page: the folder looked at, its map, and the finders' tabs."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onecleaner.engine.finders import FinderKind
from onecleaner.gui.i18n import Texts
from onecleaner.gui.jobs.finders import FinderOptions
from onecleaner.gui.pages import PageContext
from onecleaner.gui.pages.disk_usage.finder_tab import FinderTab
from onecleaner.gui.pages.disk_usage.map_tab import MapTab
from onecleaner.gui.pages.disk_usage.texts import shown_path
from onecleaner.gui.theme import GAP, MARGIN, SPACING

#: The tabs by the section names `open_page("disk", section)` accepts.
SECTIONS = ("map", "large", "old", "artefacts")


class DiskUsagePage(QWidget):
    """What fills the disk, and what could go: the map and the finders of one folder."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.dialogs = context.dialogs
        self.texts = Texts()
        self.probe: Any = None  # tests give a process probe
        self.now: float | None = None  # tests look from a later day
        self.folder = self.services.env.home
        bind = self.texts.bind

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        bind(self.title.setText, lambda: self.tr("Disk usage"))
        self.folder_caption = QLabel(self)
        self.folder_label = QLabel(self)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.folder_label.font()
        bold.setBold(True)
        self.folder_label.setFont(bold)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_folder)
        self.home_button = QPushButton(self)
        self.home_button.clicked.connect(lambda: self.set_folder(self.services.env.home))
        header = QHBoxLayout()
        header.setSpacing(SPACING)
        header.addWidget(self.title)
        header.addSpacing(GAP)
        header.addStretch(1)
        header.addWidget(self.folder_caption)
        header.addWidget(self.folder_label)
        header.addWidget(self.choose_button)
        header.addWidget(self.home_button)

        # The tabs before their contents: Tab reaches them first, top to bottom.
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.map_tab = MapTab(self.services, self.dialogs, self.options, self)
        self.finder_tabs = {
            kind: FinderTab(kind, self.services, self.dialogs, self.options, self)
            for kind in (FinderKind.LARGE, FinderKind.OLD, FinderKind.ARTEFACTS)
        }
        self.tabs.addTab(self.map_tab, "")
        for tab in self.finder_tabs.values():
            self.tabs.addTab(tab, "")
            tab.removed.connect(self.map_tab_mark_stale)
            self.map_tab.removed.connect(tab.mark_stale)
        # Esc stops the walk, search or clean running here (enabled only while one runs).
        self.cancel_action = QAction(self)
        self.cancel_action.setShortcut(QKeySequence("Esc"))
        self.cancel_action.setEnabled(False)
        self.cancel_action.triggered.connect(self.cancel)
        # The folder changes only while nothing runs on it.
        for runner in (self.map_tab.runner, *(t.runner for t in self.finder_tabs.values())):
            runner.busyChanged.connect(lambda _busy: self._show_folder())
            runner.busyChanged.connect(lambda _busy: self.cancel_action.setEnabled(self.busy()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP, MARGIN, GAP)
        layout.setSpacing(SPACING)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        bind(self.folder_caption.setText, lambda: self.tr("Folder:"))
        bind(self.choose_button.setText, lambda: self.tr("C&hange…"))
        bind(self.choose_button.setToolTip, lambda: self.tr("Look at another folder"))
        bind(self.home_button.setText, lambda: self.tr("H&ome folder"))
        bind(self.tabs.setAccessibleName, lambda: self.tr("Map and finders"))
        self._retranslate_own()
        self._show_folder()

    # --- the shell's questions ----------------------------------------------------------------
    def activate(self, section: str = "") -> None:
        """Shown; `section` opens a tab: map, large, old, artefacts."""
        if section in SECTIONS:
            self.tabs.setCurrentIndex(SECTIONS.index(section))
        for tab in self.finder_tabs.values():
            tab.show_mode()  # the delete mode may have changed in Settings

    def shortcuts(self) -> list[QAction]:
        return [self.cancel_action]

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.map_tab.retranslate()
        for tab in self.finder_tabs.values():
            tab.retranslate()
        self._retranslate_own()

    def _retranslate_own(self) -> None:
        self.tabs.setTabText(0, self.tr("&Map"))
        for position, tab in enumerate(self.finder_tabs.values(), start=1):
            self.tabs.setTabText(position, tab.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """Cancel and wait for every worker (the app is quitting)."""
        self.map_tab.stop()
        for tab in self.finder_tabs.values():
            tab.stop()

    # --- the folder ---------------------------------------------------------------------------
    def options(self) -> FinderOptions:
        """What a finder run is given now (the settings may have changed since the last)."""
        services = self.services
        return FinderOptions(
            env=services.env,
            catalog=services.catalog,
            data_dir=services.data_dir,
            never_touch=services.policy.never_touch,
            probe=self.probe,
            now=self.now,
        )

    def busy(self) -> bool:
        return self.map_tab.runner.busy or any(t.runner.busy for t in self.finder_tabs.values())

    def cancel(self) -> None:
        """Stop whatever runs on the page (the map's walk, a search, a clean)."""
        self.map_tab.cancel()
        for tab in self.finder_tabs.values():
            tab.cancel()

    def choose_folder(self) -> None:
        """Ask for a folder, then map it."""
        if self.busy():
            return
        title = self.tr("Choose a folder to look at")
        chosen = self.dialogs.choose_folder(self, title, self.folder)
        if chosen:
            self.set_folder(chosen)
            self.tabs.setCurrentWidget(self.map_tab)
            self.map_tab.scan()

    def set_folder(self, folder: str) -> None:
        """Look at another folder: the map and the finders start over."""
        if self.busy():
            return
        self.folder = os.path.normpath(folder)
        self.map_tab.set_folder(self.folder)
        for tab in self.finder_tabs.values():
            tab.set_folder(self.folder)
        self._show_folder()

    def _show_folder(self) -> None:
        self.folder_label.setText(shown_path(self.folder))
        self.folder_label.setToolTip(self.folder)
        self.home_button.setVisible(self.folder != self.services.env.home)
        idle = not self.busy()
        self.choose_button.setEnabled(idle)
        self.home_button.setEnabled(idle)

    def map_tab_mark_stale(self) -> None:
        """A finder removed files: the map (if drawn) may show some of them."""
        self.map_tab.mark_stale()


__all__ = ["SECTIONS", "DiskUsagePage"]
