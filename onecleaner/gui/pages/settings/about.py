"""The About and help tab: version, licence, the privacy policy, the data folder, the keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onecleaner import __version__
from onecleaner.appinfo import APP_DISPLAY_NAME
from onecleaner.gui.first_run import PolicyDialog
from onecleaner.gui.i18n import Texts, list_text
from onecleaner.gui.layout import form_row
from onecleaner.gui.theme import GAP, SPACING, app_icon

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


def licence_name() -> str:
    """The licence the installed package declares (the source tree's when not installed)."""
    try:
        from importlib.metadata import metadata

        found = metadata("onecleaner")["License"]
    except Exception:  # not installed: the source tree's pyproject says the same
        found = None
    return found or "Proprietary"


class AboutTab(QWidget):
    """Who made this, which version, under which licence; the policy and where data lives."""

    def __init__(
        self, parent: QWidget | None, *, data_dir: Path, privacy: PrivacyService | None
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._privacy = privacy
        self.texts = Texts()
        bind = self.texts.bind

        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(64, 64)))
        name = QLabel(APP_DISPLAY_NAME, self)
        name.setProperty("role", "title")
        self.version = QLabel(self)
        self.version.setTextInteractionFlags(_SELECTABLE)
        self.tagline = QLabel(self)
        self.tagline.setWordWrap(True)
        bind(
            self.tagline.setText,
            lambda: self.tr(
                "Finds and removes cache, temporary and other regenerable junk, safely and "
                "fast. It never opens a network connection."
            ),
        )
        heading = QVBoxLayout()
        heading.setSpacing(SPACING // 2)
        heading.addWidget(name)
        heading.addWidget(self.version)
        heading.addWidget(self.tagline)
        top = QHBoxLayout()
        top.setSpacing(GAP)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        facts = QGroupBox(self)
        bind(facts.setTitle, lambda: self.tr("About"))
        form = QFormLayout(facts)
        self.licence = QLabel(licence_name(), facts)
        self.policy_link = QLabel(facts)
        self.policy_link.setTextFormat(Qt.TextFormat.RichText)
        self.policy_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.policy_link.linkActivated.connect(lambda _link: self.show_policy())
        self.folder = QLabel(str(data_dir), facts)
        self.folder.setTextInteractionFlags(_SELECTABLE)
        self.folder.setWordWrap(True)
        self.open_folder = QPushButton(facts)
        bind(self.open_folder.setText, lambda: self.tr("Open the data &folder"))
        self.open_folder.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        bind(form_row(form, self.licence).setText, lambda: self.tr("Licence:"))
        bind(form_row(form, self.policy_link).setText, lambda: self.tr("Privacy:"))
        bind(form_row(form, folder_row).setText, lambda: self.tr("Your data:"))

        help_box = QGroupBox(self)
        bind(help_box.setTitle, lambda: self.tr("Help"))
        help_layout = QVBoxLayout(help_box)
        self.help = QLabel(help_box)
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        bind(self.help.setText, self._help_text)
        help_layout.addWidget(self.help)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        layout.addLayout(top)
        layout.addWidget(facts)
        layout.addWidget(help_box)
        layout.addStretch(1)
        self.refresh()

    def _help_text(self) -> str:
        from onecleaner.gui.pages import registered

        pages = registered()[:9]  # the window gives Ctrl+1 … Ctrl+9 to the first nine
        names = list_text([page.title() for page in pages])
        rows = (
            ("F5", self.tr("Scan the ticked items")),
            ("Ctrl+Enter", self.tr("Clean what the scan found (you confirm first)")),
            ("Esc", self.tr("Cancel a running scan or clean")),
            ("Ctrl+E", self.tr("Export the last results")),
            (f"Ctrl+1 … Ctrl+{len(pages)}", self.tr("Go to %1").replace("%1", names)),
            ("Ctrl+Q", self.tr("Quit")),
        )
        table = "".join(
            f"<tr><td style='padding-right:16px'><b>{key}</b></td><td>{what}</td></tr>"
            for key, what in rows
        )
        intro = self.tr(
            "Home cleans the safe caches in one click. Clean lets you choose the items, scan, "
            "review each file and clean. History shows what was cleaned and can put back what "
            "went to the trash. The command line does the same: run <b>onecleaner --help</b>."
        )
        traces = self.tr(
            "Browser traces counts and removes cookies, history and form entries, keeping the "
            "cookies of the sites on your keep-list."
        )
        intro = self.tr("%1 %2").replace("%2", traces).replace("%1", intro)
        return f"<p>{intro}</p><table>{table}</table>"

    def refresh(self) -> None:
        self.version.setText(self.tr("Version %1").replace("%1", __version__))
        version = self._privacy.policy.version if self._privacy is not None else "?"
        self.policy_link.setText(
            "<a href='#policy'>"
            + self.tr("Read the privacy policy (version %1)").replace("%1", version)
            + "</a>"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self.refresh()
        super().changeEvent(event)

    def show_policy(self) -> None:
        policy = self._privacy.policy if self._privacy is not None else None
        PolicyDialog(self, policy).exec()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_dir)))
