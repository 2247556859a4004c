"""Sizes for people, one convention in both faces: IEC units (KiB, MiB, GiB), powers of 1024.

IEC because the labels cannot be misread (a "KB" means 1000 or 1024 depending on the program),
and because they are what `du -h`/`df -h` print and what `--min-size 500M` reads.
"""

from __future__ import annotations

from collections.abc import Mapping

#: The unit words, smallest first; a face may translate them (the window does).
UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")


def human_size(n: int, words: Mapping[str, str] | None = None) -> str:
    """A byte count for people: `0 B`, `812 B`, `1.5 KiB`, `12.3 GiB`, `512 GiB`.

    One decimal below 100 of a unit, none from 100 on; `words` replaces unit words (e.g.
    their translation). A negative count shows as 0 B.
    """
    n = max(n, 0)
    if n < 1024:
        return f"{n} {_word('B', words)}"
    value = float(n)
    for unit in UNITS[1:]:
        value /= 1024.0
        number = f"{value:.1f}" if value < 99.95 else f"{value:.0f}"
        if float(number) < 1024.0 or unit == UNITS[-1]:
            return f"{number} {_word(unit, words)}"
    raise AssertionError("unreachable")


def _word(unit: str, words: Mapping[str, str] | None) -> str:
    return words.get(unit, unit) if words else unit


__all__ = ["UNITS", "human_size"]
