"""Where the app keeps its own data: --data-dir, then ONECLEANER_DATA_DIR, then platformdirs."""

from __future__ import annotations

import os
import stat
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


def data_dir_source(override: str | os.PathLike[str] | None = None) -> str:
    """Which setting chose the data folder, as a user would write it."""
    if override:
        return "--data-dir"
    if os.environ.get(ENV_VAR, ""):
        return f"${ENV_VAR}"
    return "the default location"


def data_dir_problem(path: Path) -> str | None:
    """Why ``path`` cannot be the data folder (a file is there, or it cannot be created).

    None when it is a folder or can be made: an existing folder that turns out read-only
    is reported when a write fails, with what was being saved.
    """
    probe = path
    while True:
        try:
            st = os.stat(probe)
        except (FileNotFoundError, NotADirectoryError):
            if probe.parent == probe:
                return f"the data folder {path} cannot be created"
            probe = probe.parent
            continue
        except OSError as exc:
            return f"the data folder {path} cannot be used: {(exc.strerror or str(exc)).lower()}"
        break
    if not stat.S_ISDIR(st.st_mode):
        if probe == path:
            return f"the data folder {path} is a file, not a folder"
        return f"the data folder {path} cannot be created: {probe} is a file, not a folder"
    if probe != path and not os.access(probe, os.W_OK | os.X_OK):
        return f"the data folder {path} cannot be created: {probe} is not writable"
    return None
