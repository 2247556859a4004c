"""The scheduled quick clean: a minute timer that starts it when due and on mains power."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from onecleaner import schedule
from onecleaner.gui.services import AppServices

log = logging.getLogger(__name__)

#: How often the schedule is checked.
CHECK_INTERVAL_MS = 60_000


class Scheduler(QObject):
    """Checks every minute whether the scheduled quick clean is due, and starts it.

    Off by default (the settings say); quick preset only; never closes an application (the
    quick clean skips running ones); waits while the machine runs on battery.
    """

    started = Signal()
    skipped = Signal(str)  # why a due run waits (e.g. on battery power)
    nextRunChanged = Signal(object)  # datetime | None

    def __init__(
        self,
        services: AppServices,
        start_quick_clean: Callable[[], bool],
        *,
        clock: Callable[[], datetime] | None = None,
        on_battery: Callable[[], bool] = schedule.on_battery,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._start = start_quick_clean
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._on_battery = on_battery
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.nextRunChanged.emit(self.next_run())

    def stop(self) -> None:
        self.timer.stop()

    def last_run(self) -> datetime | None:
        return schedule.load_last_run(self.services.data_dir)

    def next_run(self) -> datetime | None:
        """When the next scheduled clean starts; None when the schedule is off."""
        return schedule.next_run(self.services.settings, self.last_run(), self._clock())

    def settings_changed(self) -> None:
        """The schedule may have been switched on, off or changed: tell the tray."""
        self.nextRunChanged.emit(self.next_run())

    @Slot()
    def check(self) -> bool:
        """Start the quick clean if it is due; True when it started."""
        now = self._clock()
        if not schedule.is_due(self.services.settings, self.last_run(), now):
            return False
        reason = schedule.skip_reason(self._on_battery())
        if reason is not None:
            log.info("scheduled clean waits: %s", reason.value)
            self.skipped.emit(reason.value)
            return False
        if not self._start():
            return False  # something else runs: try again at the next check
        try:
            schedule.save_last_run(self.services.data_dir, now)
        except OSError:
            log.warning("could not record the scheduled run", exc_info=True)
        self.started.emit()
        self.nextRunChanged.emit(self.next_run())
        return True
