"""When the scheduled quick clean runs next, whether it may run now, when it last ran (no Qt)."""

from __future__ import annotations

import enum
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

#: The file in the data folder that remembers the last scheduled run.
LAST_RUN_FILE = "schedule.json"


class Frequency(enum.Enum):
    """How often the scheduled quick clean runs."""

    OFF = "off"
    DAILY = "daily"
    WEEKLY = "weekly"

    @property
    def period(self) -> timedelta | None:
        return {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}.get(self)


class SkipReason(enum.Enum):
    """Why a due scheduled clean did not run this time."""

    ON_BATTERY = "on battery power"


def frequency_of(settings: Any) -> Frequency:
    """The schedule a settings object asks for; anything unknown counts as off (the safe choice)."""
    raw = getattr(settings, "schedule", "off")
    raw = getattr(raw, "value", raw)  # an enum or its string
    try:
        return Frequency(str(raw).lower())
    except ValueError:
        return Frequency.OFF


def next_run(settings: Any, last_run: datetime | None, now: datetime) -> datetime | None:
    """When the scheduled quick clean runs next; None when the schedule is off.

    Never run before (or the last run is in the future: a clock set back) -> due now. A run missed
    while the app was closed is due now too, not skipped until the next period.
    """
    period = frequency_of(settings).period
    if period is None:
        return None
    if last_run is None or last_run > now:
        return now
    return max(last_run + period, now)


def is_due(settings: Any, last_run: datetime | None, now: datetime) -> bool:
    """Whether the scheduled quick clean should start at `now` (battery not considered)."""
    when = next_run(settings, last_run, now)
    return when is not None and when <= now


def on_battery() -> bool:
    """True when the machine runs on battery; False when plugged in or without a battery."""
    try:
        import psutil

        battery = psutil.sensors_battery()
    except Exception:  # no sensor support on this platform or refused access: assume mains
        return False
    if battery is None:  # no battery: a desktop on mains power
        return False
    return battery.power_plugged is False


def skip_reason(battery: bool | None = None) -> SkipReason | None:
    """Why a due run must wait (on battery power), or None when it may run now."""
    running_on_battery = on_battery() if battery is None else battery
    return SkipReason.ON_BATTERY if running_on_battery else None


def load_last_run(data_dir: Path) -> datetime | None:
    """The time of the last scheduled run, or None (never ran, or an unreadable record)."""
    from onecleaner.privacy.errors import PrivacyError
    from onecleaner.privacy.storage import read_state_bytes

    try:
        # Not a plain read: a FIFO or folder in the file's place is set aside, never waited on.
        raw = json.loads((read_state_bytes(data_dir / LAST_RUN_FILE) or b"null").decode("utf-8"))
        when = datetime.fromisoformat(str(raw["last_run"]))
    except (PrivacyError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return when if when.tzinfo is not None else when.astimezone()


def save_last_run(data_dir: Path, when: datetime) -> None:
    """Remember the last scheduled run (atomic write, private to the user)."""
    from onecleaner.privacy.storage import atomic_write_bytes

    payload = json.dumps({"last_run": when.isoformat()}) + "\n"
    atomic_write_bytes(data_dir / LAST_RUN_FILE, payload.encode("utf-8"))
