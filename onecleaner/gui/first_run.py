"""The first-run consent dialog, the policy viewer, and the plain words for each purpose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.i18n import format_iso_date, notice_language
from onecleaner.privacy.consent import Purpose, Way
from onecleaner.privacy.errors import DataFolderError, DataFolderProblem, PrivacyError
from onecleaner.privacy.policy import Policy, PolicyUnavailable, load_policy

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


def purpose_title(purpose: Purpose) -> str:
    """The short name of a consent purpose, in the UI language."""
    if purpose is Purpose.HISTORY:
        return QCoreApplication.translate("Purpose", "Activity history")
    if purpose is Purpose.DIAGNOSTICS:
        return QCoreApplication.translate("Purpose", "Diagnostics")
    return QCoreApplication.translate("Purpose", "Usage statistics")


def purpose_description(purpose: Purpose) -> str:
    """What a purpose collects, in plain words and the UI language."""
    if purpose is Purpose.HISTORY:
        return QCoreApplication.translate(
            "Purpose",
            "An encrypted record, on this device, of your scans and cleans: when, which "
            "targets, how much was freed. Lets you look back at what was removed.",
        )
    if purpose is Purpose.DIAGNOSTICS:
        return QCoreApplication.translate(
            "Purpose",
            "Errors together with device information (operating system, versions, memory), "
            "kept encrypted on this device to help understand a problem.",
        )
    return QCoreApplication.translate(
        "Purpose",
        "Which features are used, with a random install identifier that you can reset or "
        "turn off, kept encrypted on this device.",
    )


def policy_summary() -> str:
    """The privacy policy in a few plain sentences (the full text is one click away)."""
    return QCoreApplication.translate(
        "FirstRunDialog",
        "<p>ONE Cleaner cleans without any of the choices below: each is off until you turn "
        "it on.</p>"
        "<ul>"
        "<li>Personal information (e-mail, phone number) only if you register, which is "
        "optional.</li>"
        "<li>Log information only for the purposes you allow here.</li>"
        "<li>Everything is stored encrypted on this device, only as long as needed. Nothing is "
        "sent or shared.</li>"
        "<li>If the service ever stops, you are told, and your personal information is "
        "deleted.</li>"
        "</ul>"
        "<p>You can change these choices at any time in Settings → Privacy. Turning a choice "
        "off erases what was collected for it.</p>",
    )


def current_policy() -> Policy | None:
    """The shipped policy, or None when it cannot be read (a packaging problem)."""
    try:
        return load_policy()
    except PolicyUnavailable:
        return None


def needs_first_run(privacy: PrivacyService) -> bool:
    """Whether to show the consent dialog: a fresh install, or a newer policy than last asked.

    The user has been asked under the service's current policy when any purpose has a consent
    record (given or refused) made under that policy version.
    """
    version = privacy.policy.version
    try:
        statuses = privacy.consent()
    except PrivacyError:
        return True
    return not any(s.last is not None and s.last.policy_version == version for s in statuses)


class PolicyDialog(QDialog):
    """Shows the full privacy policy in the UI language, with its version."""

    def __init__(self, parent: QWidget | None, policy: Policy | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Privacy policy"))
        self.resize(640, 560)
        policy = policy or current_policy()
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Privacy policy text"))
        self.text.setOpenLinks(False)  # the app opens nothing on the network
        version = QLabel(self)
        if policy is None:
            self.text.setPlainText(self.tr("The privacy policy could not be read."))
        else:
            self.text.setMarkdown(policy.text(notice_language()))
            version.setText(
                self.tr("Version %1, in effect since %2")
                .replace("%1", policy.version)
                .replace("%2", format_iso_date(policy.effective))
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(version)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class FirstRunDialog(QDialog):
    """Asks, once per policy version, which purposes the user allows; all are off by default.

    Continue records the user's answer for every purpose (a grant for each ticked one, a refusal
    for the others), so the dialog is not shown again until the policy changes. Closing the
    dialog records nothing: it is shown again at the next start. When the answer cannot be
    saved (the data folder is full, read-only, not a folder...), a sentence says so and
    Continue becomes "Continue without saving": cleaning never waits for consent.
    """

    def __init__(self, parent: QWidget | None, *, privacy: PrivacyService) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to ONE Cleaner"))
        self.setObjectName("firstRunDialog")
        self._privacy = privacy
        self.policy: Policy | None = privacy.policy
        self._save_failed = False

        heading = QLabel(self.tr("Your privacy choices"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        summary = QLabel(policy_summary(), self)
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)

        self.reask_note = QLabel(self)
        self.reask_note.setWordWrap(True)
        try:
            outdated = any(s.outdated for s in privacy.consent())
        except PrivacyError:
            outdated = False
        if outdated:
            self.reask_note.setText(
                self.tr(
                    "The privacy policy has changed since you allowed some of these under an "
                    "older policy. Please choose again: a choice left off erases what was "
                    "recorded for it."
                )
            )
        self.reask_note.setVisible(outdated)

        self.toggles: dict[Purpose, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.reask_note)
        for purpose in Purpose:
            box = QCheckBox(purpose_title(purpose), self)
            box.setChecked(False)
            box.setAccessibleDescription(purpose_description(purpose))
            about = QLabel(purpose_description(purpose), self)
            about.setWordWrap(True)
            about.setIndent(24)
            about.setBuddy(box)
            self.toggles[purpose] = box
            layout.addWidget(box)
            layout.addWidget(about)

        self.read_policy = QPushButton(self.tr("Read the full privacy &policy…"), self)
        self.read_policy.clicked.connect(self._show_policy)
        if self.policy is not None:
            version = QLabel(
                self.tr("Privacy policy version %1").replace("%1", self.policy.version), self
            )
            layout.addWidget(version)
        layout.addWidget(self.read_policy, 0, Qt.AlignmentFlag.AlignLeft)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(
            self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> list[Purpose]:
        """The purposes ticked now."""
        return [p for p, box in self.toggles.items() if box.isChecked()]

    def accept(self) -> None:
        """Record the answer for every purpose, then close (after a failure: just close)."""
        if self._save_failed:
            super().accept()
            return
        try:
            for purpose, box in self.toggles.items():
                if box.isChecked():
                    self._privacy.grant(purpose, Way.FIRST_RUN)
                else:
                    self._privacy.withdraw(purpose, Way.FIRST_RUN)
        except (PrivacyError, OSError) as exc:
            # Cleaning never depends on consent: say what failed and let the user go on.
            self._save_failed = True
            self.error.setText(self._failure_text(exc))
            self.error.show()
            self.continue_button.setText(self.tr("&Continue without saving"))
            return
        super().accept()

    def _failure_text(self, exc: BaseException) -> str:
        """A sentence for a failed save, in the UI language (no error numbers)."""
        reasons = {
            DataFolderProblem.FULL: self.tr("the disk it is on is full"),
            DataFolderProblem.READ_ONLY: self.tr("it is on a read-only disk"),
            DataFolderProblem.NOT_A_FOLDER: self.tr("a file stands where the folder should be"),
            DataFolderProblem.NO_PERMISSION: self.tr("you are not allowed to write there"),
            DataFolderProblem.BUSY: self.tr("another ONE Cleaner is busy with it"),
        }
        reason = self.tr("it cannot be written")
        if isinstance(exc, DataFolderError):
            reason = reasons.get(exc.problem, reason)
        return (
            self.tr(
                "Your choices could not be saved in the data folder %1: %2. Cleaning works "
                "without them, and you will be asked again at the next start."
            )
            .replace("%1", str(self._privacy.data_dir))
            .replace("%2", reason)
        )

    def _show_policy(self) -> None:
        PolicyDialog(self, self.policy).exec()
