"""Sizes, counts and times written for a person (no Qt; the views and exports share them)."""

from __future__ import annotations

from datetime import datetime

_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")


def human_size(n: int) -> str:
    """Bytes in decimal units, as file managers show them: 0 B, 812 B, 4.1 kB, 12.3 GB, 512 GB."""
    value = float(max(n, 0))
    for unit in _UNITS:
        if value < 1000 or unit == _UNITS[-1]:
            if unit == "B":
                return f"{int(value)} B"
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def human_time(mtime_ns: int) -> str:
    """A file's modification time, local, to the minute."""
    return datetime.fromtimestamp(mtime_ns / 1e9).strftime("%Y-%m-%d %H:%M")
