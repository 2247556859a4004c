"""The Settings page: General, Privacy and About tabs; a change is saved as it is made."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.i18n import Texts
from onecleaner.gui.pages.settings.about import AboutTab
from onecleaner.gui.pages.settings.general import CatalogView, GeneralPage
from onecleaner.gui.pages.settings.privacy import PrivacyPanel
from onecleaner.gui.theme import GAP, MARGIN
from onecleaner.privacy.errors import PrivacyError
from onecleaner.settings import Settings, apply_changes, load_settings, update_settings

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


class SettingsPage(QWidget):
    """Edits the settings; each change is saved at once and emits ``settingsChanged(Settings)``.

    Privacy actions on the Privacy tab (consent, registration, export, delete) call the privacy
    service as the user makes them; the settings file is the truth each save starts from (the
    identifier switch and the command line write it too).
    """

    settingsChanged = Signal(object)  # Settings
    noticeInstalled = Signal()

    TABS = ("general", "privacy", "about")

    def __init__(
        self,
        parent: QWidget | None,
        *,
        data_dir: Path,
        privacy: PrivacyService,
        catalog: CatalogView,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._privacy = privacy
        settings, warning = load_settings(data_dir)
        self._saved = settings
        self.texts = Texts()

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.texts.bind(self.title.setText, lambda: self.tr("Settings"))
        # The tabs before their contents: Tab reaches them first, top to bottom.
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.general = GeneralPage(self, catalog=catalog, data_dir=data_dir)
        self.privacy_panel = PrivacyPanel(self, privacy=privacy)
        self.privacy_panel.forgotten.connect(self._after_forget)
        self.privacy_panel.noticeInstalled.connect(self.noticeInstalled)
        self.about = AboutTab(self, data_dir=data_dir, privacy=privacy)

        self.texts.bind(self.tabs.setAccessibleName, lambda: self.tr("Settings pages"))
        self.tabs.addTab(_scrolling(self.general, self), "")
        self.tabs.addTab(_scrolling(self.privacy_panel, self), "")
        self.tabs.addTab(_scrolling(self.about, self), "")
        self.texts.bind(lambda s: self.tabs.setTabText(0, s), lambda: self.tr("&General"))
        self.texts.bind(lambda s: self.tabs.setTabText(1, s), lambda: self.tr("&Privacy"))
        self.texts.bind(lambda s: self.tabs.setTabText(2, s), lambda: self.tr("A&bout and help"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP, MARGIN, 0)
        layout.setSpacing(GAP)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

        self.show_settings(settings)
        if warning:
            self.privacy_panel.show_message(warning, warning=True)
        self.general.edited.connect(self.apply)
        self.privacy_panel.edited.connect(self.apply)

    # --- the shell's questions -------------------------------------------------------------
    def activate(self, section: str = "") -> None:
        """Shown: read what may have changed meanwhile; open a tab when one is named."""
        if section:
            self.show_page(section)
        self.privacy_panel.refresh()
        self.about.refresh()

    def shortcuts(self) -> list[QAction]:
        return []

    def retranslate(self) -> None:
        self.texts.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- values ----------------------------------------------------------------------------
    def show_settings(self, settings: Settings) -> None:
        """Put saved values into the widgets."""
        self.general.show_settings(settings)
        self.privacy_panel.show_settings(settings)

    def settings(self) -> Settings:
        """The settings as the widgets hold them now, over the saved file's other values."""
        current, _warning = load_settings(self._data_dir)
        edited = self.general.read_into(current)
        return self.privacy_panel.read_into(edited)

    def show_page(self, page: str) -> None:
        """Open on a tab: ``general``, ``privacy`` or ``about`` (the tray opens Privacy)."""
        self.tabs.setCurrentIndex(self.TABS.index(page) if page in self.TABS else 0)

    def apply(self) -> bool:
        """Save the edited settings; False (and a message) when they could not be saved."""
        edited = self.settings()
        login_problem = self.general.apply_start_at_login(edited.start_at_login)
        if login_problem is not None:
            edited = dataclasses.replace(edited, start_at_login=not edited.start_at_login)
            self.general.show_settings(edited)
            QMessageBox.warning(self, self.tr("Start at login"), login_problem)
        try:
            # Only what the user changed is written, under the data folder's lock: a value the
            # command line changed meanwhile stays, and untouched defaults (after "Delete all
            # my data") are not written back.
            if edited != self._saved:
                before, wanted = self._saved, edited
                edited = update_settings(
                    self._data_dir, lambda current: apply_changes(current, before, wanted)
                )
                if edited != wanted:  # another process changed other values: show them
                    self.show_settings(edited)
        except (OSError, PrivacyError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("The settings could not be saved: %1").replace("%1", str(exc)),
            )
            return False
        self._saved = edited
        self.general.refresh_next_run(edited)
        self.settingsChanged.emit(edited)
        return True

    def _after_forget(self) -> None:
        # The settings were erased with the rest: show (and keep) the defaults.
        self._saved, _warning = load_settings(self._data_dir)
        self.show_settings(self._saved)
        self.settingsChanged.emit(self._saved)


def _scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    """A tab in a scroll area, so small screens and large fonts still reach every control.

    The tab's lists show all their rows: only this area scrolls.
    """
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    page.setContentsMargins(0, GAP, GAP, GAP)
    area.setWidget(page)
    return area
