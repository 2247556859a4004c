"""Work due at the start of every command (placeholder until the privacy module lands)."""

from __future__ import annotations

from pathlib import Path


def run_startup(data_dir: Path) -> list[str]:
    """Messages for the user from start-up work (e.g. the notice's deletion deadline)."""
    return []
