"""The end-of-service banner of the main window, and the texts that describe a notice's state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onecleaner.gui.i18n import format_date, notice_language
from onecleaner.gui.theme import banner_style_sheet
from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.notice import Notice, NoticeState

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService

Clock = Callable[[], datetime]


def state_text(notice: Notice, state: NoticeState) -> str:
    """What the notice means for the user now, in the UI language."""
    end = format_date(notice.service_end_at)
    deadline = format_date(notice.deletion_deadline)
    if state is NoticeState.ANNOUNCED:
        text = QCoreApplication.translate(
            "NoticeBanner",
            "ONE Cleaner will stop operating on %1. You can export your data until %2; "
            "after that date your personal information is deleted from this device.",
        )
    elif state is NoticeState.SERVICE_ENDED:
        text = QCoreApplication.translate(
            "NoticeBanner",
            "The service ended on %1: nothing more is collected. Export your data before %2, "
            "when your personal information is deleted from this device.",
        )
    elif state is NoticeState.PAST_DEADLINE:
        text = QCoreApplication.translate(
            "NoticeBanner",
            "The service ended on %1 and the deletion date (%2) has passed: your personal "
            "information has been deleted from this device. Cleaning still works.",
        )
    else:
        return ""
    return text.replace("%1", end).replace("%2", deadline)


def dates_text(notice: Notice) -> str:
    """The notice's three dates on one line."""
    return (
        QCoreApplication.translate(
            "NoticeBanner", "Announced %1 · Service ends %2 · Deletion by %3"
        )
        .replace("%1", format_date(notice.announced_at))
        .replace("%2", format_date(notice.service_end_at))
        .replace("%3", format_date(notice.deletion_deadline))
    )


def export_my_data(parent: QWidget, privacy: PrivacyService) -> Path | None:
    """Ask where to save, export everything the app holds about the user, and say so."""
    suggested = str(Path.home() / "onecleaner-my-data.json")
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("NoticeBanner", "Export my data"),
        suggested,
        QCoreApplication.translate("NoticeBanner", "JSON files (*.json)"),
    )
    if not path:
        return None
    try:
        privacy.export_all(Path(path))
    except (PrivacyError, OSError) as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("NoticeBanner", "Export my data"),
            QCoreApplication.translate("NoticeBanner", "The export failed: %1").replace(
                "%1", str(exc)
            ),
        )
        return None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("NoticeBanner", "Export my data"),
        QCoreApplication.translate(
            "NoticeBanner", "Everything ONE Cleaner holds about you was saved to %1."
        ).replace("%1", path),
    )
    return Path(path)


class NoticeBanner(QFrame):
    """Shows the installed end-of-service notice; hidden when there is none."""

    exported = Signal(str)  # the file the user's data was exported to

    def __init__(
        self, parent: QWidget | None, *, privacy: PrivacyService, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("NoticeBanner", "Service notice"))
        self._privacy = privacy
        self._clock: Clock = clock or privacy.clock  # the service's own idea of now
        self.notice: Notice | None = None
        self.state = NoticeState.NONE

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.dates = QLabel(self)
        self.dates.setWordWrap(True)
        self.export_button = QPushButton(
            QCoreApplication.translate("NoticeBanner", "&Export my data…"), self
        )
        self.export_button.setAccessibleName(
            QCoreApplication.translate("NoticeBanner", "Export my data")
        )
        self.export_button.clicked.connect(self._export)

        text = QVBoxLayout()
        for label in (self.title, self.body, self.status, self.dates):
            text.addWidget(label)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        self.refresh()

    def refresh(self) -> None:
        """Read the installed notice again; show it, or hide the banner when there is none."""
        try:
            notice = self._privacy.notice()
        except PrivacyError:
            notice = None
        self.notice = notice
        if notice is None:
            self.state = NoticeState.NONE
            self.hide()
            return
        self.state = notice.state_at(self._clock())
        language = notice_language()
        self.title.setText(notice.title_in(language))
        self.body.setText(notice.body_in(language))
        self.status.setText(state_text(notice, self.state))
        self.dates.setText(dates_text(notice))
        # After the deadline there is no personal information left to export.
        self.export_button.setVisible(self.state is not NoticeState.PAST_DEADLINE)
        level = "info" if self.state is NoticeState.ANNOUNCED else "warning"
        self.setStyleSheet(banner_style_sheet(level, self.palette()))
        self.setAccessibleDescription(f"{self.title.text()}. {self.status.text()}")
        self.show()

    def _export(self) -> None:
        path = export_my_data(self, self._privacy)
        if path is not None:
            self.exported.emit(str(path))
