"""Files of the layers above privacy that live in the data folder, by name only.

`forget` erases everything the app holds about the user, including what the app layer keeps
there (the Home page's last-run figures): privacy names those files here instead of importing
the layer that writes them, which sits above it.
"""

from __future__ import annotations

from pathlib import Path

APP_STATE_FILE = "app-state.json"  # onecleaner/app_state.py: the last scan's and clean's figures


def app_state_path(data_dir: Path) -> Path:
    return data_dir / APP_STATE_FILE
