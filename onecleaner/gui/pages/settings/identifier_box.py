"""The install identifier on the Privacy page: shown, reset, or turned off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from onecleaner.gui.i18n import Texts
from onecleaner.gui.layout import form_row
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.errors import PrivacyError

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


class IdentifierBox(QGroupBox):
    """The random install identifier used with the usage choice; resettable, can be off."""

    changed = Signal(str)  # what happened, for a person
    failed = Signal(str)

    def __init__(self, parent: QWidget | None, *, privacy: PrivacyService) -> None:
        super().__init__(parent)
        self._privacy = privacy
        self._stopped = False
        self.texts = Texts()
        bind = self.texts.bind
        bind(self.setTitle, lambda: self.tr("Install identifier"))
        about = QLabel(self)
        bind(
            about.setText,
            lambda: self.tr(
                "A random number that tells usage records of this installation apart. It is "
                "used only with the usage choice above, and never leaves this device."
            ),
        )
        about.setWordWrap(True)
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enabled = QCheckBox(self)
        bind(self.enabled.setText, lambda: self.tr("&Use an install identifier"))
        self.enabled.clicked.connect(self.set_enabled)
        self.reset = QPushButton(self)
        bind(self.reset.setText, lambda: self.tr("&Reset identifier"))
        self.reset.clicked.connect(self.reset_identifier)
        row = QHBoxLayout()
        row.addWidget(self.enabled)
        row.addWidget(self.reset)
        row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(about)
        bind(form_row(form, self.label).setText, lambda: self.tr("Identifier:"))
        form.addRow(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self.refresh(stopped=self._stopped)
        super().changeEvent(event)

    def refresh(self, *, stopped: bool = False) -> None:
        """Show the identifier (made on first ask when usage is allowed and it is on).

        While usage statistics are off there is no identifier: the switch reads off and waits
        for usage to be turned on (the choice to use one, once usage is on, is kept).
        """
        self._stopped = stopped
        enabled = self._privacy.usage_id_enabled()
        granted = self._privacy.is_granted(Purpose.USAGE)
        self.enabled.setChecked(enabled and granted)
        self.enabled.setEnabled(granted and not stopped)
        identifier = self._privacy.usage_id() if enabled and granted else None
        if identifier:
            self.label.setText(identifier)
        elif not granted:
            self.label.setText(self.tr("off (usage statistics are off)"))
        else:
            self.label.setText(self.tr("off"))
        self.reset.setEnabled(enabled and granted and not stopped)

    def set_enabled(self, enabled: bool) -> None:
        """Turn the identifier on or off (off deletes it at once)."""
        try:
            self._privacy.set_usage_id_enabled(enabled)
        except (PrivacyError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        self.changed.emit(
            self.tr("The install identifier is on.")
            if enabled
            else self.tr("The install identifier is off and was deleted.")
        )

    def reset_identifier(self) -> None:
        """Replace the identifier by a new random one."""
        try:
            self._privacy.reset_usage_id()
        except (PrivacyError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        self.changed.emit(self.tr("A new install identifier was made; the old one is gone."))
