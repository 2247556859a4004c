"""The Privacy tab of the Settings page: consent, policy, stored data, registration, notice.

Every control calls the privacy service at once (consent, registration, identifier, export,
delete, install a notice); the log retention is a setting, saved by the page as it changes.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.first_run import (
    PolicyDialog,
    purpose_description,
    purpose_title,
)
from onecleaner.gui.i18n import (
    Texts,
    format_date,
    format_datetime,
    format_iso_date,
    notice_language,
    number_suffix,
)
from onecleaner.gui.layout import add_row, form_row
from onecleaner.gui.pages.settings.identifier_box import IdentifierBox
from onecleaner.gui.pages.settings.journal_view import JournalDialog
from onecleaner.gui.pages.settings.registration_box import RegistrationBox
from onecleaner.gui.theme import GAP, message_style_sheet
from onecleaner.gui.widgets.notice_banner import dates_text, export_my_data, state_text
from onecleaner.privacy.consent import ConsentState, Purpose, PurposeStatus, Way
from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.notice import NoticeRejected
from onecleaner.settings import RETENTION_RANGE, Settings

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
_JOURNAL_VIEW_LIMIT = 100_000  # the viewer's model is virtual; this only bounds decryption work


class PrivacyPanel(QWidget):
    """Consent per purpose, the policy, where data lives, the log, my data, registration,
    the install identifier and the service notice."""

    dataChanged = Signal()  # consent, registration or stored data changed (others may refresh)
    forgotten = Signal()  # everything was erased, settings included
    edited = Signal()  # a setting shown here (the log retention) was changed by the user
    noticeInstalled = Signal()  # a service notice was installed from a file

    def __init__(self, parent: QWidget | None, *, privacy: PrivacyService) -> None:
        super().__init__(parent)
        self.setObjectName("privacyPanel")
        self._privacy = privacy
        self._showing = False
        self._message_level = "info"
        self.texts = Texts()

        self.message = QLabel(self)
        self.message.setObjectName("privacyMessage")
        self.message.setWordWrap(True)
        self.texts.bind(self.message.setAccessibleName, lambda: self.tr("Privacy message"))
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        layout.addWidget(self.message)
        layout.addWidget(self._consent_box())
        layout.addWidget(self._policy_box())
        layout.addWidget(self._storage_box())
        layout.addWidget(self._data_box())
        self.registration = RegistrationBox(self, privacy=privacy)
        self.registration.changed.connect(self._after_change)
        layout.addWidget(self.registration)
        self.identifier = IdentifierBox(self, privacy=privacy)
        self.identifier.changed.connect(self._after_change)
        self.identifier.failed.connect(lambda text: self.show_message(text, warning=True))
        layout.addWidget(self.identifier)
        layout.addWidget(self._notice_box())
        layout.addStretch(1)
        self.refresh()

    # --- Building ----------------------------------------------------------------------------
    def _consent_box(self) -> QGroupBox:
        bind = self.texts.bind
        box = QGroupBox(self)
        bind(box.setTitle, lambda: self.tr("What ONE Cleaner may record"))
        form = QVBoxLayout(box)
        intro = QLabel(box)
        bind(
            intro.setText,
            lambda: self.tr(
                "Each choice is off until you turn it on, and cleaning works the same either way. "
                "Turning a choice off erases what was recorded for it."
            ),
        )
        intro.setWordWrap(True)
        form.addWidget(intro)
        self.consent_toggles: dict[Purpose, QCheckBox] = {}
        self.consent_states: dict[Purpose, QLabel] = {}
        for purpose in Purpose:
            toggle = QCheckBox(box)
            bind(toggle.setText, functools.partial(purpose_title, purpose))
            bind(toggle.setAccessibleDescription, functools.partial(purpose_description, purpose))
            toggle.clicked.connect(lambda on, p=purpose: self.set_consent(p, on))
            about = QLabel(box)
            bind(about.setText, functools.partial(purpose_description, purpose))
            about.setWordWrap(True)
            about.setIndent(24)
            state = QLabel(box)
            state.setIndent(24)
            state.setWordWrap(True)
            self.consent_toggles[purpose] = toggle
            self.consent_states[purpose] = state
            for widget in (toggle, about, state):
                form.addWidget(widget)
        return box

    def _policy_box(self) -> QGroupBox:
        bind = self.texts.bind
        box = QGroupBox(self)
        bind(box.setTitle, lambda: self.tr("Privacy policy"))
        row = QHBoxLayout(box)
        self.policy_label = QLabel(box)
        self.policy_label.setWordWrap(True)
        self.policy_button = QPushButton(box)
        bind(self.policy_button.setText, lambda: self.tr("Read the &policy…"))
        self.policy_button.clicked.connect(lambda: PolicyDialog(self, self._privacy.policy).exec())
        row.addWidget(self.policy_label, 1)
        row.addWidget(self.policy_button)
        return box

    def _storage_box(self) -> QGroupBox:
        bind = self.texts.bind
        box = QGroupBox(self)
        bind(box.setTitle, lambda: self.tr("Where your data lives"))
        form = QFormLayout(box)
        self.folder_label = QLabel(box)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(
            self.folder_label.textInteractionFlags() | _SELECTABLE
        )
        self.open_folder = QPushButton(box)
        bind(self.open_folder.setText, lambda: self.tr("&Open folder"))
        self.open_folder.clicked.connect(self._open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder)
        self.keys_label = QLabel(box)
        self.keys_label.setWordWrap(True)
        self.journal_label = QLabel(box)
        self.journal_label.setWordWrap(True)
        self.retention = QSpinBox(box)
        self.retention.setRange(*RETENTION_RANGE)
        self.retention.setKeyboardTracking(False)  # one change when the typing is done
        bind(self.retention.setSuffix, self._days_suffix)
        self.retention.valueChanged.connect(
            lambda _v: self.retention.setSuffix(self._days_suffix())
        )
        bind(self.retention.setAccessibleName, lambda: self.tr("Keep the activity log for"))
        self.retention.valueChanged.connect(self._retention_edited)
        self.view_log = QPushButton(box)
        bind(self.view_log.setText, lambda: self.tr("&View the activity log…"))
        self.view_log.clicked.connect(self.open_journal)
        bind(form_row(form, folder_row).setText, lambda: self.tr("Folder:"))
        bind(form_row(form, self.keys_label).setText, lambda: self.tr("Keys:"))
        bind(form_row(form, self.journal_label).setText, lambda: self.tr("Activity log:"))
        bind(add_row(form, "", self.retention).setText, lambda: self.tr("&Keep the log for:"))
        view_row = QHBoxLayout()
        view_row.addWidget(self.view_log)
        view_row.addStretch(1)
        form.addRow("", view_row)
        return box

    def _data_box(self) -> QGroupBox:
        bind = self.texts.bind
        box = QGroupBox(self)
        bind(box.setTitle, lambda: self.tr("Your data"))
        row = QHBoxLayout(box)
        self.export_button = QPushButton(box)
        bind(self.export_button.setText, lambda: self.tr("E&xport my data…"))
        self.export_button.clicked.connect(lambda: export_my_data(self, self._privacy))
        self.forget_button = QPushButton(box)
        bind(self.forget_button.setText, lambda: self.tr("&Delete all my data…"))
        self.forget_button.clicked.connect(self.confirm_forget)
        row.addWidget(self.export_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        return box

    def _notice_box(self) -> QGroupBox:
        bind = self.texts.bind
        box = QGroupBox(self)
        bind(box.setTitle, lambda: self.tr("Service notice"))
        lay = QVBoxLayout(box)
        self.notice_label = QLabel(box)
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(_SELECTABLE)
        self.install_notice_button = QPushButton(box)
        bind(self.install_notice_button.setText, lambda: self.tr("&Install notice file…"))
        bind(
            self.install_notice_button.setToolTip,
            lambda: self.tr(
                "Install a service notice signed by the vendor (a .json file it sent you)."
            ),
        )
        self.install_notice_button.clicked.connect(self.choose_notice_file)
        lay.addWidget(self.notice_label)
        lay.addWidget(self.install_notice_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # --- Settings values -------------------------------------------------------------------
    def show_settings(self, s: Settings) -> None:
        self._showing = True
        try:
            self.retention.setValue(s.journal_retention_days)
        finally:
            self._showing = False

    def _days_suffix(self) -> str:
        days = self.retention.value()
        return number_suffix(self.tr("%n day(s)", "", days), days)

    def _retention_edited(self, _days: int) -> None:
        if not self._showing:
            self.edited.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self.refresh()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._style_message()
        super().changeEvent(event)

    def read_into(self, s: Settings) -> Settings:
        """The retention shown applied to a settings record (the identifier switch saves itself)."""
        return dataclasses.replace(s, journal_retention_days=self.retention.value())

    def show_message(self, text: str, *, warning: bool = False) -> None:
        """A message at the top of the page (what an action did, or what went wrong)."""
        self.message.setText(text)
        self._message_level = "warning" if warning else "info"
        self._style_message()
        self.message.show()

    def _style_message(self) -> None:
        self.message.setStyleSheet(message_style_sheet(self._message_level, self.palette()))

    # --- Reading the service --------------------------------------------------------------
    def refresh(self) -> None:
        """Show what the service holds now."""
        self._refresh_consent()
        policy = self._privacy.policy
        self.policy_label.setText(
            self.tr("Version %1, in effect since %2.")
            .replace("%1", policy.version)
            .replace("%2", format_iso_date(policy.effective))
        )
        stopped = False
        try:
            stopped = self._refresh_storage()
            self.identifier.refresh(stopped=stopped)
        except (PrivacyError, OSError) as exc:  # a lost key or unreadable file: say so
            self.show_message(str(exc), warning=True)
        self.registration.refresh()
        self.registration.edit_button.setEnabled(not stopped)
        for toggle in self.consent_toggles.values():
            # After the service's end nothing new may be allowed; withdrawing stays possible.
            toggle.setEnabled(toggle.isChecked() or not stopped)
        self._refresh_notice()
        for warning in self._take_warnings():
            self.show_message(warning, warning=True)

    def _refresh_consent(self) -> None:
        try:
            statuses = {s.purpose: s for s in self._privacy.consent()}
        except PrivacyError as exc:
            self.show_message(str(exc), warning=True)
            statuses = {}
        for purpose, toggle in self.consent_toggles.items():
            status = statuses.get(purpose)
            toggle.setChecked(bool(status and status.granted))
            self.consent_states[purpose].setText(self._consent_text(status))

    def _consent_text(self, status: PurposeStatus | None) -> str:
        last = status.last if status is not None else None
        if last is None:
            return self.tr("Never turned on.")
        when = format_datetime(last.at)
        if status is not None and status.outdated:
            return (
                self.tr(
                    "Allowed on %1 under an older policy (version %2): turn it on again to "
                    "allow it under the current one."
                )
                .replace("%1", when)
                .replace("%2", last.policy_version)
            )
        if last.state is ConsentState.GRANTED:
            return (
                self.tr("Allowed on %1 (policy version %2).")
                .replace("%1", when)
                .replace("%2", last.policy_version)
            )
        return self.tr("Off since %1.").replace("%1", when)

    def _refresh_storage(self) -> bool:
        """Show where data lives; True when the service has ended (collection stopped)."""
        status = self._privacy.status()
        self.folder_label.setText(str(status.data_dir))
        keys = status.keys
        if keys.store == "keychain":
            text = self.tr("Protected by the system keychain (%1).").replace("%1", keys.backend)
        else:
            text = self.tr(
                "No system keychain is available: the key is a private file in the data "
                "folder (%1)."
            ).replace("%1", keys.location)
        self.keys_label.setText(text)
        self.journal_label.setText(
            self.tr("Records kept encrypted: %1").replace(
                "%1", str(int(status.journal.get("records", 0)))
            )
        )
        return status.collection_stopped

    def _refresh_notice(self) -> None:
        try:
            notice = self._privacy.notice()
        except PrivacyError:
            notice = None
        if notice is None:
            self.notice_label.setText(
                self.tr("No end-of-service notice: the service runs normally.")
            )
            return
        state = notice.state_at(self._privacy.clock())
        language = notice_language()
        parts = [
            f"<b>{_escape(notice.title_in(language))}</b>",
            _escape(notice.body_in(language)),
            _escape(state_text(notice, state)),
            _escape(dates_text(notice)),
        ]
        if notice.contact:
            parts.append(_escape(self.tr("Contact: %1").replace("%1", notice.contact)))
        self.notice_label.setText("<br>".join(parts))
        self.notice_label.setToolTip(format_date(notice.deletion_deadline))

    def _take_warnings(self) -> list[str]:
        warnings = list(self._privacy.warnings)
        self._privacy.warnings.clear()
        return warnings

    # --- Actions (each calls the service and says what happened) -------------------------
    def set_consent(self, purpose: Purpose, granted: bool) -> None:
        """Grant or withdraw one purpose; withdrawing erases what was recorded for it."""
        try:
            if granted:
                self._privacy.grant(purpose, Way.GUI)
                text = self.tr("%1 is on.").replace("%1", purpose_title(purpose))
            else:
                self._privacy.withdraw(purpose, Way.GUI)
                text = self.tr("%1 is off; what was recorded for it has been erased.").replace(
                    "%1", purpose_title(purpose)
                )
        except (PrivacyError, OSError) as exc:
            self.refresh()
            self.show_message(
                self.tr("Your choice could not be saved: %1").replace("%1", str(exc)), warning=True
            )
            return
        self._after_change(text)

    def open_journal(self) -> None:
        note = self.tr("Kept for %n day(s).", "", self.retention.value())
        JournalDialog(
            self, load=lambda: self._privacy.log_records(_JOURNAL_VIEW_LIMIT), note=note
        ).exec()

    def confirm_forget(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete all my data"),
            self.tr(
                "Delete everything ONE Cleaner holds about you on this device: your choices, "
                "registration, activity log, identifier, settings and log files? The keys are "
                "destroyed, so nothing can be recovered. Cleaning keeps working."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.forget()

    def forget(self) -> None:
        """Erase everything the app holds about the user."""
        try:
            self._privacy.forget()
        except (PrivacyError, OSError) as exc:
            self.show_message(
                self.tr("Not everything could be deleted: %1").replace("%1", str(exc)), warning=True
            )
            return
        self._after_change(self.tr("All your data was deleted from this device."))
        self.forgotten.emit()

    def _after_change(self, text: str) -> None:
        self.refresh()
        self.show_message(text)
        self.dataChanged.emit()

    def choose_notice_file(self) -> None:
        """Ask for a signed notice file and install it."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Install a service notice"),
            str(Path.home()),
            self.tr("Service notices (*.json);;All files (*)"),
        )
        if path:
            self.install_notice(Path(path))

    def install_notice(self, path: Path) -> bool:
        """Verify and install a signed notice; say what happened (or why it was refused)."""
        try:
            notice = self._privacy.install_notice(path)
        except NoticeRejected as exc:
            self.show_message(
                self.tr("The notice was not installed: %1").replace("%1", str(exc)), warning=True
            )
            return False
        except (PrivacyError, OSError) as exc:
            self.show_message(
                self.tr("The notice file could not be read: %1").replace("%1", str(exc)),
                warning=True,
            )
            return False
        self._after_change(
            self.tr("The service notice “%1” is installed.").replace(
                "%1", notice.title_in(notice_language())
            )
        )
        self.noticeInstalled.emit()
        return True

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder_label.text()))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
