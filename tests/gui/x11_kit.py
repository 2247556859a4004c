"""A real X display for the tests that need one: Xvfb on a free display, optionally with a tray
host (Debian's `trayer`), both stopped afterwards."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Asks Qt on the display whether a system tray is there (prints True or False).
TRAY_PROBE = (
    "from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
    "app = QApplication([])\n"
    "print(QSystemTrayIcon.isSystemTrayAvailable())\n"
)


def missing_tools(*tools: str) -> list[str]:
    """The programs among `tools` that are not on PATH."""
    return [t for t in tools if shutil.which(t) is None]


def display_env(display: str) -> dict[str, str]:
    """The environment of a child that should use the X display `display` through xcb."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = display
    return env


@contextmanager
def xvfb() -> Iterator[str]:
    """An Xvfb server on a display number it picks itself; yields the DISPLAY value."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start (it printed no display number)")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def tray_host(display: str, *, attempts: int = 50) -> Iterator[None]:
    """`trayer` running on `display`, and Qt there seeing a system tray (checked, not assumed)."""
    host = subprocess.Popen(
        ["trayer"], env=display_env(display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(attempts):
            seen = subprocess.run(
                [sys.executable, "-c", TRAY_PROBE],
                env=display_env(display),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            if seen.stdout.strip() == "True":
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"trayer started, but Qt sees no system tray on {display}")
        yield
    finally:
        host.terminate()
        host.wait(timeout=30)
