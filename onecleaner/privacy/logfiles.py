"""The log folder of the data folder: its name, and its removal when the user asks to forget.

The faces write the log there (`onecleaner.logsetup`, above this package, takes the name from
here). Its lines are redacted, but they still tell when and how the app was used on this device.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from onecleaner.privacy.errors import DataFolderError, DataFolderProblem

LOG_FOLDER = "logs"


def log_folder(data_dir: Path) -> Path:
    """Where the log files of the data folder `data_dir` live."""
    return data_dir / LOG_FOLDER


def erase_logs(data_dir: Path) -> bool:
    """Delete the log folder with every rotated file; True when there was one.

    DataFolderError when a file stays (another program holds it open, on Windows); the rest
    is deleted all the same.
    """
    folder = log_folder(data_dir)
    if not os.path.lexists(folder):
        return False
    _close_open_logs(folder)
    failed: list[str] = []
    try:
        if folder.is_symlink() or not folder.is_dir():
            folder.unlink()  # a link planted in its place goes, never what it points to
        else:
            shutil.rmtree(folder, onerror=lambda _f, path, _e: failed.append(path))
    except OSError as exc:
        failed.append(f"{folder} ({exc.strerror or exc})")
    if failed:
        raise DataFolderError(
            folder,
            DataFolderProblem.BUSY,
            f"the log files in {folder} could not all be deleted (is another ONE Cleaner "
            "running? close it and ask again): " + ", ".join(map(str, failed)),
        )
    return True


def _close_open_logs(folder: Path) -> None:
    """Close this process's log files in `folder`; their handlers reopen a new file at their
    next line. Windows cannot delete an open file, and elsewhere lines would go on into the
    deleted one."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", ()):
            name = getattr(handler, "baseFilename", None)
            if isinstance(handler, logging.FileHandler) and name and _inside(name, folder):
                handler.acquire()
                try:
                    if handler.stream is not None:
                        handler.flush()
                        handler.stream.close()
                        handler.stream = None
                finally:
                    handler.release()


def _inside(path: str, folder: Path) -> bool:
    return os.path.dirname(os.path.abspath(path)) == os.path.abspath(folder)


__all__ = ["LOG_FOLDER", "erase_logs", "log_folder"]
