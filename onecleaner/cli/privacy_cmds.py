"""`onecleaner privacy ...` (placeholder until the privacy commands land)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Register the privacy subcommands."""
