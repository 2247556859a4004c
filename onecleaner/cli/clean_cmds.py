"""`onecleaner list / scan / clean` (placeholder until the engine commands land)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Register list, scan and clean."""
