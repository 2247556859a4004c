"""The facts a path rule is expanded against: the OS, the home folder, the variables."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field

from onecleaner.engine.model import OS

#: Resolves the catalog's absolute system paths (/tmp, /var/tmp, mount points) under another
#: folder. Tests set it so that nothing outside their temporary tree is ever scanned or cleaned.
SYSTEM_ROOT_VAR = "ONECLEANER_SYSTEM_ROOT"


def current_os() -> OS:
    if sys.platform.startswith("win"):
        return OS.WINDOWS
    if sys.platform == "darwin":
        return OS.MACOS
    return OS.LINUX


@dataclass(frozen=True)
class Environment:
    """Everything rule expansion needs; pure data, so rules of any OS expand anywhere."""

    os: OS
    home: str
    vars: Mapping[str, str] = field(default_factory=dict)
    uid: int | None = None
    system_root: str = "/"
    mounts: tuple[str, ...] = ()  # mount points of other drives (trash folders live there)

    @classmethod
    def current(cls) -> Environment:
        """The environment of this process on this machine."""
        home = os.path.expanduser("~")
        root = os.environ.get(SYSTEM_ROOT_VAR) or "/"
        return cls(
            os=current_os(),
            home=home,
            vars=dict(os.environ),
            uid=os.getuid() if hasattr(os, "getuid") else None,
            system_root=os.path.abspath(root),
            mounts=_other_mounts(root),
        )


def _other_mounts(system_root: str) -> tuple[str, ...]:
    """Mount points of local drives other than / (where per-drive trash folders live)."""
    if os.path.abspath(system_root) != "/":
        return ()  # under a test root, real drives are never considered
    try:
        import psutil

        parts = psutil.disk_partitions(all=False)
    except Exception:  # psutil may be refused /proc access in a sandbox
        return ()
    return tuple(sorted({p.mountpoint for p in parts if p.mountpoint not in ("/", "")}))
