"""The log file: one rotating file in the data folder, set up once by the face that runs.

``<data>/logs/onecleaner.log`` (folder 0700, file 0600), rotated at 1 MiB with three old files
kept. Every line passes through the privacy package's redaction: the home folder becomes
``~``, e-mail addresses and phone numbers are masked. Python's ``warnings`` go to the log too,
so a windowed build (pythonw, the PyInstaller bundle: no stderr at all) loses none of them.
Modules log through ``logging.getLogger(__name__)`` and never configure anything themselves.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from onecleaner.privacy.logfiles import LOG_FOLDER
from onecleaner.privacy.redact import redact

LOG_FILE = "onecleaner.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3
FILE_LEVEL = logging.INFO
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path(data_dir: Path) -> Path:
    """Where the log file of the data folder `data_dir` lives."""
    return data_dir / LOG_FOLDER / LOG_FILE


class RedactingFormatter(logging.Formatter):
    """Formats a record, its traceback included, with personal data taken out."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file only the user can read, in a folder only the user can open.

    The file is opened at the first record, so a run that logs nothing leaves nothing behind.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )

    def _open(self) -> io.TextIOWrapper:
        folder = Path(self.baseFilename).parent
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        # O_NOFOLLOW: a link planted in place of the log cannot make us write elsewhere.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)  # a file left by an older version keeps no wider mode
            os.chmod(folder, 0o700)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (full disk, read-only data folder) disturbs nothing."""


class _ConsoleHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings on stderr when there is one (looked up at each record, as Python's own does)."""

    def __init__(self) -> None:
        super().__init__()
        self.setLevel(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is None:
            return  # a windowed build: the file has it
        self.stream = sys.stderr
        super().emit(record)


@contextmanager
def logging_to_file(data_dir: Path) -> Iterator[Path]:
    """Log to `data_dir`'s log file (and warnings to stderr, if any) while the block runs.

    The faces wrap their whole run in it; the handlers go when it ends, so a test that calls
    a face twice with two data folders never writes into the first one's.
    """
    path = log_path(data_dir)
    root = logging.getLogger()
    file_handler = PrivateRotatingFileHandler(path)
    file_handler.setLevel(FILE_LEVEL)
    file_handler.setFormatter(RedactingFormatter(_FORMAT))
    console = _ConsoleHandler()
    console.setFormatter(RedactingFormatter("%(message)s"))
    old_level = root.level
    root.addHandler(file_handler)
    root.addHandler(console)
    root.setLevel(min(old_level or FILE_LEVEL, FILE_LEVEL))
    logging.captureWarnings(True)
    try:
        yield path
    finally:
        logging.captureWarnings(False)
        root.setLevel(old_level)
        for handler in (file_handler, console):
            root.removeHandler(handler)
            handler.close()


__all__ = [
    "BACKUP_COUNT",
    "LOG_FILE",
    "LOG_FOLDER",
    "MAX_BYTES",
    "PrivateRotatingFileHandler",
    "RedactingFormatter",
    "log_path",
    "logging_to_file",
]
