"""Scheduled cleaning: when it runs next, that it waits on battery, and the minute timer's check."""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from onecleaner import schedule
from onecleaner.gui.schedule import Scheduler
from onecleaner.gui.services import AppServices
from onecleaner.settings import Schedule, Settings

NOW = datetime(2026, 3, 10, 14, 30, tzinfo=timezone(timedelta(hours=8)))


def test_off_by_default_has_no_next_run() -> None:
    assert Settings().schedule is Schedule.OFF
    assert schedule.next_run(Settings(), None, NOW) is None
    assert schedule.next_run(Settings(), NOW - timedelta(days=30), NOW) is None
    assert not schedule.is_due(Settings(), None, NOW)


@pytest.mark.parametrize(
    ("freq", "period"), [(Schedule.DAILY, timedelta(days=1)), (Schedule.WEEKLY, timedelta(days=7))]
)
def test_next_run_is_one_period_after_the_last(freq: Schedule, period: timedelta) -> None:
    settings = Settings(schedule=freq)
    last = NOW - timedelta(hours=3)
    assert schedule.next_run(settings, last, NOW) == last + period
    assert not schedule.is_due(settings, last, NOW)
    assert schedule.is_due(settings, last, last + period)


def test_never_run_and_missed_runs_are_due_now() -> None:
    daily = Settings(schedule=Schedule.DAILY)
    assert schedule.next_run(daily, None, NOW) == NOW
    assert schedule.is_due(daily, None, NOW)
    # The app was closed for three days: due now, not at some later multiple of the period.
    assert schedule.next_run(daily, NOW - timedelta(days=3), NOW) == NOW
    # The clock was set back below the last run: due now rather than in a day and a year.
    assert schedule.next_run(daily, NOW + timedelta(days=365), NOW) == NOW


def test_unknown_schedule_values_count_as_off() -> None:
    assert schedule.frequency_of(SimpleNamespace(schedule="hourly")) is schedule.Frequency.OFF
    assert schedule.frequency_of(SimpleNamespace(schedule="WEEKLY")) is schedule.Frequency.WEEKLY


def test_battery_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import psutil

    def battery(plugged: bool | None) -> object:
        return SimpleNamespace(percent=50, secsleft=1000, power_plugged=plugged)

    monkeypatch.setattr(psutil, "sensors_battery", lambda: battery(False), raising=False)
    assert schedule.on_battery() is True
    assert schedule.skip_reason() is schedule.SkipReason.ON_BATTERY
    monkeypatch.setattr(psutil, "sensors_battery", lambda: battery(True), raising=False)
    assert schedule.on_battery() is False
    assert schedule.skip_reason() is None
    # No battery at all (a desktop): runs.
    monkeypatch.setattr(psutil, "sensors_battery", lambda: None, raising=False)
    assert schedule.on_battery() is False


def test_last_run_round_trips_privately(data_dir: Path) -> None:
    assert schedule.load_last_run(data_dir) is None
    schedule.save_last_run(data_dir, NOW)
    assert schedule.load_last_run(data_dir) == NOW
    path = data_dir / schedule.LAST_RUN_FILE
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    path.write_text("{not json", encoding="utf-8")
    assert schedule.load_last_run(data_dir) is None  # a damaged record: runs again, no crash


class _Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _scheduler(
    services: AppServices, *, battery: bool, starts: list[bool], result: bool = True
) -> tuple[Scheduler, _Clock]:
    clock = _Clock(NOW)

    def start() -> bool:
        starts.append(True)
        return result

    return Scheduler(services, start, clock=clock, on_battery=lambda: battery), clock


def test_scheduler_runs_when_due_and_then_waits_a_day(qtbot: QtBot, services: AppServices) -> None:
    services.settings = dataclasses.replace(services.settings, schedule=Schedule.DAILY)
    starts: list[bool] = []
    scheduler, clock = _scheduler(services, battery=False, starts=starts)
    with qtbot.waitSignal(scheduler.nextRunChanged) as next_change:
        assert scheduler.check() is True
    assert starts == [True]
    assert schedule.load_last_run(services.data_dir) == NOW
    assert next_change.args == [NOW + timedelta(days=1)]
    clock.now = NOW + timedelta(hours=23)
    assert scheduler.check() is False
    clock.now = NOW + timedelta(days=1, minutes=1)
    assert scheduler.check() is True
    assert len(starts) == 2


def test_scheduler_skips_on_battery(qtbot: QtBot, services: AppServices) -> None:
    services.settings = dataclasses.replace(services.settings, schedule=Schedule.WEEKLY)
    starts: list[bool] = []
    scheduler, _ = _scheduler(services, battery=True, starts=starts)
    with qtbot.waitSignal(scheduler.skipped) as skipped:
        assert scheduler.check() is False
    assert skipped.args == ["on battery power"]
    assert starts == []
    assert schedule.load_last_run(services.data_dir) is None  # tried again at the next check


def test_scheduler_does_nothing_when_off(qtbot: QtBot, services: AppServices) -> None:
    starts: list[bool] = []
    scheduler, _ = _scheduler(services, battery=False, starts=starts)
    assert scheduler.next_run() is None
    assert scheduler.check() is False
    assert starts == []


def test_a_busy_quick_clean_is_retried_later(qtbot: QtBot, services: AppServices) -> None:
    services.settings = dataclasses.replace(services.settings, schedule=Schedule.DAILY)
    starts: list[bool] = []
    scheduler, _ = _scheduler(services, battery=False, starts=starts, result=False)
    assert scheduler.check() is False
    assert schedule.load_last_run(services.data_dir) is None
    assert scheduler.next_run() == NOW  # still due


def test_timer_checks_every_minute(qtbot: QtBot, services: AppServices) -> None:
    scheduler, _ = _scheduler(services, battery=False, starts=[])
    scheduler.start()
    try:
        assert scheduler.timer.isActive()
        assert scheduler.timer.interval() == 60_000
    finally:
        scheduler.stop()
