"""Device information for diagnostics (only with `diagnostics` consent): OS, versions, memory.

Nothing that names the machine or the person: no host name, user name, paths or addresses.
"""

from __future__ import annotations

import os
import platform
import re

import psutil

from onecleaner import __version__

_MB = 1024 * 1024
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,47}")


def device_info() -> dict[str, object]:
    """The OS, the app's and Python's versions, the memory and the processor count."""
    memory = psutil.virtual_memory()
    return {
        "os": platform.system(),
        "os_release": platform.release(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "app_version": __version__,
        "memory_total_mb": memory.total // _MB,
        "memory_available_mb": memory.available // _MB,
        "cpu_count": os.cpu_count(),
    }


def minimal_error(where: str, error: BaseException | str) -> str:
    """The non-personal form of an error: where it happened and its type, never its text."""
    # Only a leading identifier-like word of each survives: a message or a path cannot ride along.
    kind = type(error).__name__ if isinstance(error, BaseException) else _word(error)
    return f"{_word(where) or 'app'}: {kind or 'Error'}"


def _word(text: str) -> str:
    match = _WORD.match(text)
    return match.group() if match else ""
