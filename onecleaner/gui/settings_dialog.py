"""The settings dialog: the General page and the Privacy page, saved to the settings file."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.general_page import CatalogView, GeneralPage
from onecleaner.gui.privacy_panel import PrivacyPanel
from onecleaner.privacy.errors import PrivacyError
from onecleaner.settings import Settings, apply_changes, load_settings, update_settings

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


class SettingsDialog(QDialog):
    """Edits the settings; OK or Apply saves them and emits ``settingsChanged(Settings)``.

    Privacy actions on the Privacy page (consent, registration, export, delete) take effect at
    once, as the user makes them; the rest is saved with OK or Apply.
    """

    settingsChanged = Signal(object)  # Settings

    PAGES = ("general", "privacy")

    def __init__(
        self,
        parent: QWidget | None,
        *,
        data_dir: Path,
        privacy: PrivacyService,
        catalog: CatalogView,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ONE Cleaner Settings"))
        self.setObjectName("settingsDialog")
        self.resize(680, 640)
        self._data_dir = data_dir
        self._privacy = privacy
        settings, warning = load_settings(data_dir)
        self._saved = settings

        self.general = GeneralPage(self, catalog=catalog, data_dir=data_dir)
        self.privacy_panel = PrivacyPanel(self, privacy=privacy)
        self.privacy_panel.forgotten.connect(self._after_forget)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.addTab(_scrolling(self.general, self), self.tr("&General"))
        self.tabs.addTab(_scrolling(self.privacy_panel, self), self.tr("&Privacy"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.clicked.connect(self.apply)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        self.show_settings(settings)
        if warning:
            self.privacy_panel.show_message(warning, warning=True)

    def show_settings(self, settings: Settings) -> None:
        """Put saved values into the widgets."""
        self.general.show_settings(settings)
        self.privacy_panel.show_settings(settings)

    def settings(self) -> Settings:
        """The settings as the widgets hold them now (not yet saved)."""
        edited = self.general.read_into(self._saved)
        return self.privacy_panel.read_into(edited)

    def show_page(self, page: str) -> None:
        """Open on a page: ``general`` or ``privacy`` (the tray opens Privacy for a notice)."""
        self.tabs.setCurrentIndex(self.PAGES.index(page) if page in self.PAGES else 0)

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

    def accept(self) -> None:
        if self.apply():
            super().accept()


def _scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    """A page in a scroll area, so small screens and large fonts still reach every control."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area
