"""Sizes, counts and times written for a person in the window: the app's size convention
(`onecleaner.units`, IEC) with the unit words translated."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from onecleaner import units


def human_size(n: int) -> str:
    """Bytes as the command line writes them (`4.1 KiB`, `12.3 GiB`), unit words translated."""
    return units.human_size(n, _unit_words())


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
    """A file's modification time, local, to the minute."""
    return datetime.fromtimestamp(mtime_ns / 1e9).strftime("%Y-%m-%d %H:%M")
