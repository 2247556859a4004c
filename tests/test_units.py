"""Sizes for people: IEC units (KiB, MiB, GiB: powers of 1024), the same in every face."""

from __future__ import annotations

import pytest

from onecleaner.units import human_size


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 B"),
        (-3, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KiB"),
        (1536, "1.5 KiB"),
        (99 * 1024, "99.0 KiB"),
        (100 * 1024, "100 KiB"),
        (1024**2 - 1, "1.0 MiB"),  # never "1024 KiB"
        (1024**2 - 600, "1023 KiB"),
        (5 * 1024**2 + 1024**2 // 10, "5.1 MiB"),
        (512 * 1024**3, "512 GiB"),
        (3 * 1024**6, "3072 PiB"),
    ],
)
def test_sizes(n: int, text: str) -> None:
    assert human_size(n) == text


def test_unit_words_can_be_replaced() -> None:
    assert human_size(512, {"B": "字节"}) == "512 字节"
    assert human_size(1536, {"B": "字节"}) == "1.5 KiB"
