"""The Home page: the disks' free space, what the last scan found, one big Quick clean, the next
scheduled clean, and the end-of-service notice when there is one."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from onecleaner import app_state, schedule
from onecleaner.engine.model import Phase, Progress
from onecleaner.engine.processes import DiskSpace, disk_space
from onecleaner.gui.i18n import Texts, format_datetime
from onecleaner.gui.jobs.workers import QuickOutcome
from onecleaner.gui.pages import PageContext, PageSpec
from onecleaner.gui.theme import GAP, MARGIN, SPACING, primary_colour, readable_on, tinted_icon
from onecleaner.gui.tray import freed_text
from onecleaner.gui.units import human_size
from onecleaner.gui.widgets.disk_ring import DiskRing
from onecleaner.gui.widgets.notice_banner import NoticeBanner

log = logging.getLogger(__name__)


def _title() -> str:
    return QCoreApplication.translate("pages", "Home")


def _card(parent: QWidget) -> QFrame:
    card = QFrame(parent)
    card.setProperty("role", "card")
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return card


@dataclass(frozen=True)
class HomeDisk:
    """A disk the home lives on: its space, and whether it holds the home, the cache or both."""

    space: DiskSpace
    home: bool
    cache: bool


def home_disks(home: str) -> dict[str, HomeDisk]:
    """The disks the home folder and its cache folder live on (each once), by mount point."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    on_home = disk_space([home])
    on_cache = disk_space([cache])
    return {
        mount: HomeDisk(space, mount in on_home, mount in on_cache)
        for mount, space in {**on_home, **on_cache}.items()
    }


class DiskCard(QFrame):
    """One disk: a ring of its use, its mount point, free and total space."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ring = DiskRing(self)
        self.name = QLabel(self)
        self.name.setProperty("role", "subtitle")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.free = QLabel(self)
        self.free.setWordWrap(True)
        self.holds = QLabel(self)
        self.holds.setWordWrap(True)
        self.holds.setProperty("role", "muted")
        text = QVBoxLayout()
        text.setSpacing(SPACING // 2)
        text.addStretch(1)
        text.addWidget(self.name)
        text.addWidget(self.free)
        text.addWidget(self.holds)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(GAP, GAP, GAP, GAP)
        row.setSpacing(GAP)
        row.addWidget(self.ring)
        row.addLayout(text, 1)

    def show_disk(self, mount: str, space: DiskSpace, holds: str) -> None:
        used = space.used / space.total if space.total else 0.0
        free_share = round(100 * space.free / space.total) if space.total else 0
        self.ring.set_share(used, f"{free_share}%", self.tr("free"))
        self.name.setText(mount)
        self.holds.setText(holds)
        self.free.setText(
            self.tr("%1 free of %2").replace("%1", human_size(space.free))
            .replace("%2", human_size(space.total))
        )
        self.setAccessibleName(self.tr("Disk %1").replace("%1", mount))
        self.setAccessibleDescription(self.free.text())


class HomePage(QWidget):
    """The dashboard; its Quick clean is the tray's (same preset, same questions)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.quick = context.quick
        self.texts = Texts()
        bind = self.texts.bind

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        bind(self.title.setText, lambda: self.tr("Home"))
        self.banner = _notice_banner(self, self.services)

        # --- the quick clean -----------------------------------------------------------------
        quick_card = _card(self)
        self.quick_button = QPushButton(quick_card)
        self.quick_button.setProperty("role", "primary")
        self.quick_button.setIconSize(QSize(24, 24))
        self.quick_button.setMinimumHeight(56)
        self.quick_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.quick_button.clicked.connect(self.quick_clean)
        self.quick_about = QLabel(quick_card)
        self.quick_about.setWordWrap(True)
        self.quick_about.setProperty("role", "muted")
        self.quick_progress = QProgressBar(quick_card)
        self.quick_progress.setTextVisible(False)
        self.quick_progress.hide()
        self.quick_stop = QPushButton(quick_card)
        bind(self.quick_stop.setText, lambda: self.tr("S&top"))
        self.quick_stop.clicked.connect(self.quick.cancel)
        self.quick_stop.hide()
        self.quick_status = QLabel(quick_card)
        self.quick_status.setWordWrap(True)
        self.quick_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quick_status.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.quick_progress, 1)
        progress_row.addWidget(self.quick_stop)
        quick_layout = QVBoxLayout(quick_card)
        quick_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        quick_layout.setSpacing(SPACING)
        quick_layout.addWidget(self.quick_button)
        quick_layout.addWidget(self.quick_about)
        quick_layout.addLayout(progress_row)
        quick_layout.addWidget(self.quick_status)

        # --- what the last scan found, when; the last clean --------------------------------
        found_card = _card(self)
        self.found_title = QLabel(found_card)
        self.found_title.setProperty("role", "muted")
        bind(self.found_title.setText, lambda: self.tr("Reclaimable"))
        self.found = QLabel(found_card)
        self.found.setProperty("role", "figure")
        self.found_when = QLabel(found_card)
        self.found_when.setWordWrap(True)
        self.last_clean = QLabel(found_card)
        self.last_clean.setWordWrap(True)
        self.last_clean.setProperty("role", "muted")
        self.review = QPushButton(found_card)
        bind(self.review.setText, lambda: self.tr("&Review and choose…"))
        bind(
            self.review.setToolTip,
            lambda: self.tr("Choose the items, scan and review each file on the Clean page"),
        )
        self.review.clicked.connect(lambda: context.open_page("clean", ""))
        found_layout = QVBoxLayout(found_card)
        found_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        found_layout.setSpacing(SPACING // 2)
        found_layout.addWidget(self.found_title)
        found_layout.addWidget(self.found)
        found_layout.addWidget(self.found_when)
        found_layout.addWidget(self.last_clean)
        found_layout.addStretch(1)
        found_layout.addWidget(self.review, 0, Qt.AlignmentFlag.AlignLeft)

        # --- schedule -------------------------------------------------------------------------
        schedule_card = _card(self)
        self.schedule_title = QLabel(schedule_card)
        self.schedule_title.setProperty("role", "muted")
        bind(self.schedule_title.setText, lambda: self.tr("Scheduled cleaning"))
        self.next_run = QLabel(schedule_card)
        self.next_run.setWordWrap(True)
        self.next_run.setProperty("role", "subtitle")
        self.schedule_about = QLabel(schedule_card)
        self.schedule_about.setWordWrap(True)
        bind(
            self.schedule_about.setText,
            lambda: self.tr(
                "A quick clean daily or weekly, in the background, only on mains power; it "
                "never closes a program."
            ),
        )
        self.schedule_button = QPushButton(schedule_card)
        bind(self.schedule_button.setText, lambda: self.tr("C&hange…"))
        bind(self.schedule_button.setAccessibleName, lambda: self.tr("Change the schedule"))
        self.schedule_button.clicked.connect(lambda: context.open_page("settings", "general"))
        schedule_layout = QVBoxLayout(schedule_card)
        schedule_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        schedule_layout.setSpacing(SPACING // 2)
        schedule_layout.addWidget(self.schedule_title)
        schedule_layout.addWidget(self.next_run)
        schedule_layout.addWidget(self.schedule_about)
        schedule_layout.addStretch(1)
        schedule_layout.addWidget(self.schedule_button, 0, Qt.AlignmentFlag.AlignLeft)

        # --- disks ----------------------------------------------------------------------------
        self.disks_title = QLabel(self)
        self.disks_title.setProperty("role", "subtitle")
        bind(self.disks_title.setText, lambda: self.tr("Your disk"))
        self.disk_cards: list[DiskCard] = []

        grid = QGridLayout()
        grid.setSpacing(GAP)
        grid.addWidget(quick_card, 0, 0, 1, 2)
        grid.addWidget(found_card, 1, 0)
        grid.addWidget(schedule_card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowMinimumHeight(2, SPACING)
        grid.addWidget(self.disks_title, 3, 0, 1, 2)
        # Two disks to a row below, each as wide as a card above.
        self.cards = grid

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP, MARGIN, MARGIN)
        layout.setSpacing(GAP)
        layout.addWidget(self.title)
        if self.banner is not None:
            layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addStretch(1)

        self.quick.started.connect(self._on_quick_started)
        self.quick.progress.connect(self._on_quick_progress)
        self.quick.finished.connect(self._on_quick_finished)
        self.quick.failed.connect(self._on_quick_failed)
        self.refresh()

    # --- the shell's questions ---------------------------------------------------------------
    def activate(self, section: str = "") -> None:
        self.refresh()

    def shortcuts(self) -> list[QAction]:
        return []

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._style_quick_icon()
        super().changeEvent(event)

    # --- what is shown -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the disks, the last figures, the schedule and the notice again."""
        self._show_quick()
        self._show_found()
        self._show_schedule()
        self._show_disks()
        if self.banner is not None:
            self.banner.refresh()

    def _show_quick(self) -> None:
        busy = self.quick.busy
        self.quick_button.setText(self.tr("Quick clean"))
        self.quick_button.setAccessibleName(self.tr("Quick clean: remove the safe caches now"))
        self._style_quick_icon()
        self.quick_button.setEnabled(not busy)
        count = len(self.services.quick_targets())
        self.quick_about.setText(
            self.tr(
                "Removes the safe caches of %n item(s) in one go, with every safety check; "
                "programs that are running are left alone.",
                "",
                count,
            )
        )

    def _style_quick_icon(self) -> None:
        fill = primary_colour(self.palette())
        self.quick_button.setIcon(tinted_icon("pages/quick", readable_on(fill)))

    def _show_found(self) -> None:
        state = app_state.load_app_state(self.services.data_dir)
        scan = state.last_scan
        if scan is None:
            self.found.setText("—")
            self.found_when.setText(
                self.tr("No scan yet: Quick clean, or review the items first.")
            )
        else:
            self.found.setText(human_size(scan.bytes))
            when = format_datetime(scan.at)
            self.found_when.setText(
                self.tr("Found in %Ln file(s) by the scan of %1.", "", scan.files).replace(
                    "%1", when
                )
            )
        clean = state.last_clean
        if clean is None:
            self.last_clean.setText("")
            self.last_clean.hide()
        else:
            # Files moved to the trash still take their space there: never "freed".
            said = (
                self.tr("Last clean, %1: %2 moved to the trash.")
                if clean.trashed_bytes
                else self.tr("Last clean, %1: %2 freed.")
            )
            self.last_clean.setText(
                said.replace("%1", format_datetime(clean.at)).replace(
                    "%2", human_size(clean.trashed_bytes or clean.bytes)
                )
            )
            self.last_clean.show()

    def _show_schedule(self) -> None:
        now = datetime.now().astimezone()
        when = schedule.next_run(
            self.services.settings, schedule.load_last_run(self.services.data_dir), now
        )
        if when is None:
            self.next_run.setText(self.tr("Off"))
            self.schedule_button.setText(self.tr("Turn &on…"))
        elif when <= now:
            self.next_run.setText(self.tr("Due now: runs as soon as possible"))
            self.schedule_button.setText(self.tr("C&hange…"))
        else:
            self.next_run.setText(self.tr("Next: %1").replace("%1", format_datetime(when)))
            self.schedule_button.setText(self.tr("C&hange…"))

    def _holds_text(self, holds: HomeDisk) -> str:
        if holds.home and holds.cache:
            return self.tr("Holds your home folder and its caches")
        if holds.home:
            return self.tr("Holds your home folder")
        return self.tr("Holds your cache folder")

    def _show_disks(self) -> None:
        try:
            disks = home_disks(str(Path.home()))
        except Exception:  # a disk that cannot be read must not break the page
            log.warning("could not read the disks' free space", exc_info=True)
            disks = {}
        while len(self.disk_cards) < len(disks):
            card = DiskCard(self)
            place = len(self.disk_cards)
            self.disk_cards.append(card)
            self.cards.addWidget(card, 4 + place // 2, place % 2)
        for card, (mount, holds) in zip(self.disk_cards, sorted(disks.items()), strict=False):
            card.show_disk(mount, holds.space, self._holds_text(holds))
            card.show()
        for card in self.disk_cards[len(disks) :]:
            card.hide()
        self.disks_title.setText(
            self.tr("Your disk") if len(disks) <= 1 else self.tr("Your disks")
        )

    # --- the quick clean ---------------------------------------------------------------------
    @Slot()
    def quick_clean(self) -> bool:
        """Start the quick clean (asking first only when its items are not all safe caches)."""
        started = self.quick.start(
            confirm=lambda risky: self.context.dialogs.confirm_quick(self, risky)
        )
        if not started and not self.quick.busy and self.quick.other_busy():
            self._say(self.tr("Busy: wait for the scan or clean on the Clean page."))
        return started

    @Slot()
    def _on_quick_started(self) -> None:
        self.quick_button.setEnabled(False)
        self.quick_progress.setRange(0, 0)
        self.quick_progress.show()
        self.quick_stop.show()
        self._say(self.tr("Quick clean: scanning…"))

    @Slot(object)
    def _on_quick_progress(self, progress: Progress) -> None:
        if progress.phase is Phase.SCAN:
            self._say(
                self.tr("Quick clean: scanning, %1 found").replace(
                    "%1", human_size(progress.bytes)
                )
            )
        elif progress.total:
            self.quick_progress.setRange(0, progress.total)
            self.quick_progress.setValue(min(progress.done, progress.total))
            self._say(
                self.tr("Quick clean: %1 freed so far").replace("%1", human_size(progress.bytes))
            )

    @Slot(object)
    def _on_quick_finished(self, outcome: QuickOutcome) -> None:
        self._quick_done()
        self._say(freed_text(outcome))
        self.refresh()

    @Slot(str)
    def _on_quick_failed(self, message: str) -> None:
        self._quick_done()
        self._say(message)

    def _say(self, text: str) -> None:
        self.quick_status.setText(text)
        self.quick_status.setVisible(bool(text))

    def _quick_done(self) -> None:
        self.quick_progress.hide()
        self.quick_stop.hide()
        self.quick_button.setEnabled(True)


def _notice_banner(parent: QWidget, services: object) -> NoticeBanner | None:
    """The end-of-service banner, when the privacy parts run (hidden while there is no notice)."""
    privacy = getattr(services, "privacy", None)
    if privacy is None:
        return None
    try:
        return NoticeBanner(parent, privacy=privacy)
    except Exception:  # a broken notice must not keep the window from opening
        log.warning("could not show the service notice banner", exc_info=True)
        return None


PAGE = PageSpec("home", "home", _title, HomePage)
