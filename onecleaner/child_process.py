"""Every program ONE Cleaner starts goes through `run`, so none flashes a console on Windows.

A windowed app (pythonw, the PyInstaller bundle) has no console of its own: Windows gives each
console program it starts a new console window unless ``CREATE_NO_WINDOW`` is passed.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

#: ``subprocess.CREATE_NO_WINDOW`` (Windows only; the constant is defined only there).
CREATE_NO_WINDOW = 0x08000000


def creation_flags() -> int:
    """The process-creation flags for a child: no console window on Windows, none elsewhere."""
    # POSIX refuses any non-zero creationflags, so the flag is passed on Windows only.
    return CREATE_NO_WINDOW if sys.platform == "win32" else 0


def run(args: Sequence[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run `args` to its end (or `timeout`), without a console window, output captured as text.

    Standard input is closed: a windowed app has none to pass on. Raises OSError when the
    program cannot start and ``subprocess.TimeoutExpired`` past `timeout`.
    """
    return subprocess.run(
        list(args),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        check=False,
        creationflags=creation_flags(),
    )


__all__ = ["CREATE_NO_WINDOW", "creation_flags", "run"]
