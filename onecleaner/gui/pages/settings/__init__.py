"""The Settings page: General, Privacy, About and help."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from onecleaner.gui.pages import PageContext, PageSpec
from onecleaner.gui.theme import MARGIN


def _title() -> str:
    return QCoreApplication.translate("pages", "Settings")


def _unavailable() -> str:
    return QCoreApplication.translate(
        "pages", "The settings cannot open: the privacy data could not be read."
    )


class _Unavailable(QWidget):
    """What the page says when the privacy data could not be opened (cleaning still works)."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(_unavailable(), self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(self.label)

    def activate(self, section: str = "") -> None:
        pass

    def retranslate(self) -> None:
        self.label.setText(_unavailable())

    def shortcuts(self) -> list[QAction]:
        return []


def _build(context: PageContext) -> QWidget:
    services = context.services
    if services.privacy is None:
        return _Unavailable()
    from onecleaner.gui.pages.settings.page import SettingsPage

    return SettingsPage(
        None, data_dir=services.data_dir, privacy=services.privacy, catalog=services.catalog
    )


PAGE = PageSpec("settings", "settings", _title, _build)
