"""The optional registration on the Privacy page: shown masked, edited with validation, deleted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from onecleaner.gui.i18n import Texts
from onecleaner.gui.layout import form_row
from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.profile import InvalidProfileValue, ProfileUnreadable

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


class RegistrationBox(QGroupBox):
    """E-mail and phone number: masked when shown, checked when saved, erasable."""

    changed = Signal(str)  # a message for a person: what happened

    def __init__(self, parent: QWidget | None, *, privacy: PrivacyService) -> None:
        super().__init__(parent)
        self._privacy = privacy
        self.texts = Texts()
        bind = self.texts.bind
        bind(self.setTitle, lambda: self.tr("Registration (optional)"))

        self.intro = QLabel(self)
        bind(
            self.intro.setText,
            lambda: self.tr(
                "Registering is optional and changes nothing in how ONE Cleaner cleans. "
                "Your e-mail and phone number are stored encrypted on this device only."
            ),
        )
        self.intro.setWordWrap(True)
        self.email_shown = QLabel(self)
        self.phone_shown = QLabel(self)
        self.email_edit = QLineEdit(self)
        bind(self.email_edit.setPlaceholderText, lambda: self.tr("name@example.org"))
        bind(self.email_edit.setAccessibleName, lambda: self.tr("E-mail address"))
        self.phone_edit = QLineEdit(self)
        bind(
            self.phone_edit.setPlaceholderText, lambda: self.tr("+8613812345678 or 13812345678")
        )
        bind(self.phone_edit.setAccessibleName, lambda: self.tr("Phone number"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        bind(self.error.setAccessibleName, lambda: self.tr("Registration problem"))
        self.error.hide()

        self.edit_button = QPushButton(self)
        bind(self.edit_button.setText, lambda: self.tr("&Edit…"))
        self.save_button = QPushButton(self)
        bind(self.save_button.setText, lambda: self.tr("&Save registration"))
        self.cancel_button = QPushButton(self)
        bind(self.cancel_button.setText, lambda: self.tr("Cancel"))
        self.delete_button = QPushButton(self)
        bind(self.delete_button.setText, lambda: self.tr("De&lete registration…"))
        self.edit_button.clicked.connect(lambda: self.set_editing(True))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(lambda: self.set_editing(False))
        self.delete_button.clicked.connect(self.confirm_delete)

        self.form = QFormLayout(self)
        self.form.addRow(self.intro)
        labels = (
            (self.email_shown, lambda: self.tr("E-mail:")),
            (self.phone_shown, lambda: self.tr("Phone:")),
            (self.email_edit, lambda: self.tr("&E-mail:")),
            (self.phone_edit, lambda: self.tr("P&hone:")),
        )
        for field, text in labels:
            bind(form_row(self.form, field).setText, text)
        self.form.addRow(self.error)
        row = QHBoxLayout()
        for button in (self.edit_button, self.save_button, self.cancel_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        self.form.addRow(row)
        self.set_editing(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show the stored registration, masked."""
        self.error.hide()
        try:
            profile = self._privacy.profile()
        except ProfileUnreadable as exc:
            self.email_shown.setText(self.tr("(could not be read)"))
            self.phone_shown.setText(self.tr("(could not be read)"))
            self.error.setText(str(exc))
            self.error.show()
            self.delete_button.setEnabled(True)
            return
        masked = profile.masked() if profile is not None else {"email": None, "phone": None}
        none = self.tr("not given")
        self.email_shown.setText(masked["email"] or none)
        self.phone_shown.setText(masked["phone"] or none)
        self.delete_button.setEnabled(profile is not None and not profile.empty)

    def set_editing(self, editing: bool) -> None:
        """Switch between the masked view and the (empty) edit fields.

        The fields start empty: nothing stored is ever shown in the clear.
        """
        for widget in (self.email_edit, self.phone_edit, self.save_button, self.cancel_button):
            widget.setVisible(editing)
        for field in (self.email_edit, self.phone_edit):
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(editing)
        self.edit_button.setVisible(not editing)
        if editing:
            self.email_edit.clear()
            self.phone_edit.clear()
            self.email_edit.setFocus()
        self.refresh()

    def save(self) -> bool:
        """Validate and store what was typed; a problem is shown beside the fields."""
        email = self.email_edit.text().strip() or None
        phone = self.phone_edit.text().strip() or None
        if email is None and phone is None:
            self._show_error(self.tr("Enter an e-mail address, a phone number, or both."))
            return False
        try:
            self._privacy.set_profile(email=email, phone=phone)
        except InvalidProfileValue as exc:
            if exc.field == "phone":
                self._show_error(
                    self.tr(
                        "This phone number is not valid. Use the international form "
                        "(+8613812345678) or a Chinese mobile number (13812345678)."
                    )
                )
            else:
                self._show_error(
                    self.tr("This e-mail address is not valid (for example: name@example.org).")
                )
            field = self.phone_edit if exc.field == "phone" else self.email_edit
            field.setFocus()
            return False
        except (PrivacyError, OSError) as exc:
            self._show_error(
                self.tr("The registration could not be saved: %1").replace("%1", str(exc))
            )
            return False
        self.set_editing(False)
        self.changed.emit(self.tr("Your registration was saved (encrypted)."))
        return True

    def confirm_delete(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete registration"),
            self.tr("Delete your e-mail address and phone number from this device?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete()

    def delete(self) -> None:
        """Erase the registration (its key is destroyed too)."""
        try:
            self._privacy.delete_profile()
        except (PrivacyError, OSError) as exc:
            self._show_error(
                self.tr("The registration could not be deleted: %1").replace("%1", str(exc))
            )
            return
        self.refresh()
        self.changed.emit(self.tr("Your registration was deleted."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
