"""Sizes, counts and times written for a person in the window: the app's size convention
(`onecleaner.units`, IEC) with the unit words translated."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics

from onecleaner import units
from onecleaner.gui.i18n import format_datetime


def human_size(n: int) -> str:
    """Bytes as the command line writes them (`4.1 KiB`, `12.3 GiB`), unit words translated."""
    return units.human_size(n, _unit_words())


def size_width(metrics: QFontMetrics) -> int:
    """The width of the widest size the window writes ("1023 MiB", "1023 B" in the UI
    language), for a size column that must never elide one."""
    return max(metrics.horizontalAdvance(human_size(n)) for n in (1023, 1023 * 1024**2))


def _unit_words() -> dict[str, str]:
    # Looked up at each call: the interface language can change while the app runs.
    return {
        "B": QCoreApplication.translate("units", "B"),
        "KiB": QCoreApplication.translate("units", "KiB"),
        "MiB": QCoreApplication.translate("units", "MiB"),
        "GiB": QCoreApplication.translate("units", "GiB"),
        "TiB": QCoreApplication.translate("units", "TiB"),
        "PiB": QCoreApplication.translate("units", "PiB"),
    }


def human_time(mtime_ns: int) -> str:
    """A file's modification time, local, to the minute, written as every other date in the
    window is (the UI language's short format)."""
    return format_datetime(datetime.fromtimestamp(mtime_ns / 1e9))
