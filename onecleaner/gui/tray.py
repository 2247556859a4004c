"""The tray icon and the quick clean it (and the schedule) run: scan + clean the quick preset."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from onecleaner.engine.model import CleanResult, Phase, Plan, Progress, Risk
from onecleaner.gui.jobs.base import Job
from onecleaner.gui.jobs.workers import QuickCleanWorker, QuickOutcome
from onecleaner.gui.services import AppServices
from onecleaner.gui.units import human_size

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("tray", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("tray", text, None, n)


def freed_text(outcome: QuickOutcome) -> str:
    """The notification after a quick clean, in words."""
    if outcome.nothing_selected:
        return _tr(
            "Your quick selection is empty: nothing was cleaned. Tick what a quick clean "
            "removes in Settings."
        )
    result = outcome.result
    # Files moved to the trash still take their space there: never "freed".
    trash = result.mode.value == "trash"
    size = human_size(result.trashed_bytes if trash else result.bytes)
    if result.cancelled:
        stopped = (
            _trn("Quick clean stopped: %1 moved to the trash (%Ln file(s)).", result.files)
            if trash
            else _trn("Quick clean stopped: %1 freed (%Ln file(s)).", result.files)
        )
        return stopped.replace("%1", size)
    if result.files == 0:
        text = _tr("Quick clean: nothing to remove, all clean.")
    elif trash:
        text = _trn("Quick clean moved %1 to the trash (%Ln file(s)).", result.files)
        text = text.replace("%1", size)
    else:
        text = _trn("Quick clean freed %1 (%Ln file(s)).", result.files).replace("%1", size)
    skipped = len(result.skipped) + len(outcome.plan.skipped)
    if skipped:
        text += " " + _trn("%Ln item(s) left alone.", skipped)
    return text


class QuickCleaner(QObject):
    """Runs the quick preset without questions, one run at a time, with every engine rule.

    Running applications are skipped by the engine, never closed.
    """

    started = Signal()
    progress = Signal(object)  # Progress
    finished = Signal(object)  # QuickOutcome
    failed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        *,
        other_busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.other_busy = other_busy  # the window's own scan/clean
        self._job: Job | None = None
        self._ending: list[Job] = []

    @property
    def busy(self) -> bool:
        return self._job is not None

    def risky(self) -> list[tuple[str, Risk]]:
        """(label, risk) of the quick preset's items that are not safe caches (the user's
        choice in Settings): a quick clean started by hand asks before removing them."""
        return [(t.label, t.risk) for t in self.services.quick_targets() if t.risk is not Risk.SAFE]

    def start(
        self,
        *,
        background: bool = False,
        confirm: Callable[[list[tuple[str, Risk]]], bool] | None = None,
    ) -> bool:
        """Start a quick clean; False when one (or the window's work) is already running, or
        when `confirm` was asked about care items and said no.

        Started by hand (Home, tray), `confirm` is asked when the preset holds items that need
        care; the safe preset starts at once, as it always did. An emptied quick selection is a
        run with nothing to do: it finishes at once, saying so (and the schedule counts it,
        rather than retrying every minute).
        """
        if self.busy or self.other_busy():
            return False
        targets = self.services.quick_targets()
        if not targets:
            mode = self.services.delete_mode
            nothing = CleanResult(targets=(), mode=mode, dry_run=False, cancelled=False)
            plan = Plan(targets=(), os=self.services.env.os, created_at=time.time())
            self.finished.emit(QuickOutcome(plan, nothing, nothing_selected=True))
            return True
        risky = self.risky()
        if (
            risky
            and confirm is not None
            and not background
            and (not confirm(risky) or self.busy or self.other_busy())
        ):
            return False
        worker = QuickCleanWorker(
            targets,
            self.services.env,
            catalog=self.services.catalog,
            mode=self.services.delete_mode,
            policy=self.services.policy,
            background=background,
        )
        job = Job(worker, self)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        job.done.connect(lambda: self._forget(job))
        self._job = job
        job.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def stop(self) -> None:
        """Cancel and wait (the app is quitting)."""
        for job in [*self._ending, *([self._job] if self._job is not None else [])]:
            job.stop()

    def _release(self) -> None:
        if self._job is not None:
            self._ending.append(self._job)
            self._job = None

    def _forget(self, job: Job) -> None:
        if job is self._job:
            self._job = None
        if job in self._ending:
            self._ending.remove(job)
        job.deleteLater()

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self.progress.emit(progress)

    @Slot(object)
    def _on_finished(self, outcome: QuickOutcome) -> None:
        self._release()
        plan = outcome.plan
        self.services.remember("scan", plan.files, outcome.found, len(plan.targets), plan.cancelled)
        self.services.record_clean("quick_clean", outcome.result)
        self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._release()
        self.failed.emit(message)


class TrayController(QObject):
    """The tray icon: Quick clean, Open, History, Settings, Quit; notifications; progress in the
    tooltip.

    The menu is rebuilt each time it opens, so its entries always match the current state.
    """

    openRequested = Signal()
    pageRequested = Signal(str)  # a page of the window to show: "history", "settings"...
    quitRequested = Signal()

    def __init__(
        self, services: AppServices, quick: QuickCleaner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.quick = quick
        self.next_run: datetime | None = None
        # Asked before a quick clean whose items need care (set by the app: a dialog).
        self.confirm: Callable[[list[tuple[str, Risk]]], bool] | None = None
        self.last_notification: tuple[str, str] | None = None  # (title, text), for tests too
        self.status = ""
        self.tooltip = ""
        self.icon = QSystemTrayIcon(self)
        self._idle_icon = _icon("tray")
        self._busy_icon = _icon("tray-busy")
        self.icon.setIcon(self._idle_icon)
        self.menu = QMenu()
        self.menu.setAccessibleName(_tr("ONE Cleaner tray menu"))
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        quick.started.connect(self._on_started)
        quick.progress.connect(self._on_progress)
        quick.finished.connect(self._on_finished)
        quick.failed.connect(self._on_failed)
        self.rebuild_menu()
        self._update_tooltip()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def dispose(self) -> None:
        """Remove the icon and have the menu deleted (it has no parent: the icon never owns it)."""
        self.icon.hide()
        self.icon.setContextMenu(None)  # type: ignore[arg-type]
        self.menu.deleteLater()

    # --- menu --------------------------------------------------------------------------------
    @Slot()
    def rebuild_menu(self) -> None:
        """Fill the menu for the current state (called whenever it is about to open)."""
        self.menu.clear()
        if self.quick.busy:
            cancel = self.menu.addAction(_tr("Stop the quick clean"))
            cancel.triggered.connect(self.quick.cancel)
        else:
            quick = self.menu.addAction(_tr("&Quick clean"))
            quick.setToolTip(_tr("Remove the quick preset's safe junk now"))
            quick.triggered.connect(self.quick_clean)
        self.menu.addSeparator()
        self.menu.addAction(_tr("&Open ONE Cleaner")).triggered.connect(self.openRequested)
        history = self.menu.addAction(_tr("&History"))
        history.triggered.connect(lambda: self.pageRequested.emit("history"))
        settings = self.menu.addAction(_tr("&Settings…"))
        settings.triggered.connect(lambda: self.pageRequested.emit("settings"))
        self.menu.addSeparator()
        self.menu.addAction(_tr("&Quit")).triggered.connect(self.quitRequested)

    def action_texts(self) -> list[str]:
        """The menu's entries as shown (without mnemonics), for checks and screen readers."""
        return [a.text().replace("&", "") for a in self.menu.actions() if not a.isSeparator()]

    @Slot()
    def quick_clean(self) -> bool:
        started = self.quick.start(confirm=self.confirm)
        if not started and not self.quick.busy and self.quick.other_busy():
            self.notify(_tr("ONE Cleaner"), _tr("Busy: wait for the window's scan or clean."))
        return started

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    # --- notifications and tooltip -----------------------------------------------------------
    def notify(
        self,
        title: str,
        text: str,
        icon: QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information,
    ) -> None:
        self.last_notification = (title, text)
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, icon, 10_000)

    def notify_notice(self, notice: Any, state_text: str = "") -> None:
        """Push the end-of-service notice as a notification."""
        from onecleaner.gui.i18n import notice_language

        language = notice_language()
        title = notice.title_in(language)
        body = state_text or notice.body_in(language)
        self.notify(title, body, QSystemTrayIcon.MessageIcon.Warning)

    def set_next_run(self, when: datetime | None) -> None:
        self.next_run = when
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        lines = [_tr("ONE Cleaner")]
        if self.status:
            lines.append(self.status)
        if self.next_run is not None:
            from onecleaner.gui.i18n import format_datetime

            lines.append(_tr("Next scheduled clean: {0}").format(format_datetime(self.next_run)))
        self.tooltip = "\n".join(lines)
        self.icon.setToolTip(self.tooltip)

    @Slot()
    def _on_started(self) -> None:
        self.icon.setIcon(self._busy_icon)
        self.status = _tr("Quick clean: starting…")
        self._update_tooltip()

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        if progress.phase is Phase.SCAN:
            self.status = _tr("Quick clean: scanning, {0} found").format(human_size(progress.bytes))
        else:
            self.status = _trn("Quick clean: %1 of %Ln file(s)", progress.total).replace(
                "%1", QLocale().toString(progress.done)
            )
        self._update_tooltip()

    @Slot(object)
    def _on_finished(self, outcome: QuickOutcome) -> None:
        self.icon.setIcon(self._idle_icon)
        self.status = ""
        self._update_tooltip()
        self.notify(_tr("ONE Cleaner"), freed_text(outcome))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.icon.setIcon(self._idle_icon)
        self.status = ""
        self._update_tooltip()
        self.notify(_tr("Quick clean failed"), message, QSystemTrayIcon.MessageIcon.Warning)


def tray_available() -> bool:
    """Whether this desktop shows tray icons (without one, the window is the app)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def _icon(name: str) -> QIcon:
    from onecleaner.gui.theme import app_icon, icon_path

    if sys.platform == "darwin":
        # A template image: the menu bar draws the one-colour glyph in its own colours (light,
        # dark, highlighted), as macOS asks of status items.
        icon = QIcon(icon_path(f"{name}-symbolic"))
        icon.setIsMask(True)
    else:
        icon = QIcon(icon_path(name))
    return icon if not icon.isNull() else app_icon()
