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
_WHERE = re.compile(r"[a-z][a-z0-9_.-]{0,39}")
_ERROR_NAME = re.compile(r"[A-Z][A-Za-z0-9]{0,47}(?:Error|Exception|Warning|Exit|Interrupt)")


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
    """The non-personal form of an error: where it happened and its type, never its text.

    ``where`` must be a code identifier ("scan", "clean.remove"); an error given as text
    keeps only an exception-like class name ("PermissionError"). Anything else (a name, an
    address, a path) is replaced, so no personal text can ride along.
    """
    if isinstance(error, BaseException):
        kind = type(error).__name__  # a class name is code, not what the user typed
    else:
        kind = error.strip() if _ERROR_NAME.fullmatch(error.strip()) else "Error"
    return f"{where if _WHERE.fullmatch(where) else 'app'}: {kind}"
