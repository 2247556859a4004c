"""The end-of-service banner of the main window, and the texts that describe a notice's state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
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

from onecleaner.gui.i18n import format_date, format_datetime, notice_language
from onecleaner.gui.theme import banner_style_sheet
from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.notice import Notice, NoticeState
from onecleaner.privacy.notice_news import (
    DeletionReceipt,
    NoticeNews,
    NoticeStage,
    parse_receipt,
)

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


def _deleted_item(item: str) -> str:
    """A receipt's item (the English words privacy/erasure.py writes) in the UI language."""
    known = {
        "journal": QCoreApplication.translate("NoticeBanner", "the activity journal"),
        "profile": QCoreApplication.translate("NoticeBanner", "the registration profile"),
        "install identifier and usage data": QCoreApplication.translate(
            "NoticeBanner", "the install identifier and usage data"
        ),
        "encryption keys": QCoreApplication.translate("NoticeBanner", "the encryption keys"),
        "restore lists": QCoreApplication.translate(
            "NoticeBanner", "the lists of files a clean moved to the trash"
        ),
    }
    return known.get(item, item)


def receipt_text(receipt: DeletionReceipt) -> str:
    """What the deletion after the deadline removed, when, and where its receipt is."""
    if receipt.deleted:
        text = QCoreApplication.translate(
            "NoticeBanner", "Deleted on %1: %2. A receipt with nothing personal in it is in %3."
        ).replace(
            "%2",
            QCoreApplication.translate("NoticeBanner", ", ").join(
                _deleted_item(item) for item in receipt.deleted
            ),
        )
    else:
        text = QCoreApplication.translate(
            "NoticeBanner",
            "Checked on %1: no personal information was held, so none had to be deleted. "
            "A receipt with nothing personal in it is in %3.",
        )
    return text.replace("%1", format_datetime(receipt.deleted_at)).replace("%3", str(receipt.path))


def news_title(news: NoticeNews) -> str:
    """The title of a notice's push (tray notification and dialog), in the UI language."""
    return news.notice.title_in(notice_language())


def news_summary(news: NoticeNews) -> str:
    """The short text of a notice's push (the tray notification)."""
    if news.stage is NoticeStage.DELETION_DONE and news.receipt is not None:
        return receipt_text(news.receipt)
    state = (
        NoticeState.ANNOUNCED if news.stage is NoticeStage.ANNOUNCED else NoticeState.SERVICE_ENDED
    )
    return state_text(news.notice, state)


def news_text(news: NoticeNews) -> str:
    """The whole text of a notice's push (the window's dialog): body, state, dates, receipt."""
    notice = news.notice
    parts = [notice.body_in(notice_language())]
    if news.stage is NoticeStage.DELETION_DONE:
        parts.append(state_text(notice, NoticeState.PAST_DEADLINE))
    parts += [news_summary(news), dates_text(notice)]
    parts.append(
        QCoreApplication.translate("NoticeBanner", "Contact: %1").replace("%1", notice.contact)
    )
    return "\n\n".join(parts)


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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.export_button.setText(
                QCoreApplication.translate("NoticeBanner", "&Export my data…")
            )
            self.export_button.setAccessibleName(
                QCoreApplication.translate("NoticeBanner", "Export my data")
            )
            self.setAccessibleName(QCoreApplication.translate("NoticeBanner", "Service notice"))
            self.refresh()
        elif event.type() == QEvent.Type.ApplicationPaletteChange and self.notice is not None:
            # Only the app's palette: a style sheet set here changes the banner's own palette.
            level = "info" if self.state is NoticeState.ANNOUNCED else "warning"
            self.setStyleSheet(banner_style_sheet(level, self.palette()))
        super().changeEvent(event)

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
        self.status.setText(self._status_text(notice))
        self.dates.setText(dates_text(notice))
        # After the deadline there is no personal information left to export.
        self.export_button.setVisible(self.state is not NoticeState.PAST_DEADLINE)
        level = "info" if self.state is NoticeState.ANNOUNCED else "warning"
        self.setStyleSheet(banner_style_sheet(level, self.palette()))
        self.setAccessibleDescription(f"{self.title.text()}. {self.status.text()}")
        self.show()

    def _status_text(self, notice: Notice) -> str:
        """The state in words; past the deadline, what was deleted (or that it is still due)."""
        if self.state is not NoticeState.PAST_DEADLINE:
            return state_text(notice, self.state)
        try:
            found = self._privacy.notice_receipt()
        except PrivacyError:
            found = None
        receipt = parse_receipt(found, self._privacy.notice_book().receipt_path)
        if receipt is None or (receipt.notice_id, receipt.seq) != (notice.notice_id, notice.seq):
            return QCoreApplication.translate(
                "NoticeBanner",
                "The deletion date (%1) has passed: your personal information is deleted "
                "from this device when ONE Cleaner next starts.",
            ).replace("%1", format_date(notice.deletion_deadline))
        return f"{state_text(notice, self.state)} {receipt_text(receipt)}"

    def _export(self) -> None:
        path = export_my_data(self, self._privacy)
        if path is not None:
            self.exported.emit(str(path))
