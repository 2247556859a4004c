"""Where the app keeps its own data: --data-dir, then ONECLEANER_DATA_DIR, then platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "ONECLEANER_DATA_DIR"
APP_NAME = "onecleaner"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The app's data folder (not created here; the privacy storage creates it 0700)."""
    chosen = os.fspath(override) if override else os.environ.get(ENV_VAR, "")
    if chosen:
        return Path(chosen).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
