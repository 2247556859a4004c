"""Start ONE Cleaner in the tray at login: XDG autostart, the Windows Run key, a macOS LaunchAgent.

Qt-free, so the settings dialog, the CLI and the installers' tests all share it. Each OS keeps the
switch where its own tools look for it, so a user can also see and undo it there:

- Linux: ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop`` (XDG Autostart spec);
- Windows: the value ``ONE Cleaner`` under HKCU's ``...\\CurrentVersion\\Run`` key (the Inno
  Setup installer's "start in the tray at login" task writes the same value);
- macOS: ``~/Library/LaunchAgents/<APP_ID>.plist`` (loaded by launchd at the next login).
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from onecleaner.appinfo import APP_DISPLAY_NAME, APP_ID
from onecleaner.engine.env import current_os
from onecleaner.engine.model import OS

#: Where Windows looks for per-user programs to start at login (under HKEY_CURRENT_USER).
RUN_KEY_PATH = r"Software\Microsoft\Windows\CurrentVersion\Run"
#: The value name under the Run key; the Inno Setup script uses the same one.
RUN_VALUE_NAME = APP_DISPLAY_NAME

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#`()")
# Inside those quotes these four must be escaped with a backslash.
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


class AutostartError(Exception):
    """Start at login could not be switched; the message is written for a person."""


class RunKey(Protocol):
    """The per-user Windows Run key, reduced to what start-at-login needs (fakeable in tests)."""

    def get(self, name: str) -> str | None:
        """The command stored under `name`, or None."""
        ...

    def set(self, name: str, value: str) -> None:
        """Store `value` (a command line) under `name`."""
        ...

    def delete(self, name: str) -> None:
        """Remove `name`; a missing value is not an error."""
        ...


class WinregRunKey:
    """The real HKCU Run key through `winreg` (Windows only)."""

    def __init__(self) -> None:
        try:
            import winreg
        except ImportError as exc:
            raise AutostartError("the Windows registry is not available on this system") from exc
        self._winreg = winreg

    def get(self, name: str) -> str | None:
        wr = self._winreg
        try:
            with wr.OpenKey(wr.HKEY_CURRENT_USER, RUN_KEY_PATH) as key:  # type: ignore[attr-defined,unused-ignore]
                value, _kind = wr.QueryValueEx(key, name)  # type: ignore[attr-defined,unused-ignore]
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        wr = self._winreg
        with wr.CreateKeyEx(  # type: ignore[attr-defined,unused-ignore]
            wr.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
            RUN_KEY_PATH,
            0,
            wr.KEY_SET_VALUE,  # type: ignore[attr-defined,unused-ignore]
        ) as key:
            wr.SetValueEx(key, name, 0, wr.REG_SZ, value)  # type: ignore[attr-defined,unused-ignore]

    def delete(self, name: str) -> None:
        wr = self._winreg
        try:
            with wr.OpenKey(  # type: ignore[attr-defined,unused-ignore]
                wr.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
                RUN_KEY_PATH,
                0,
                wr.KEY_SET_VALUE,  # type: ignore[attr-defined,unused-ignore]
            ) as key:
                wr.DeleteValue(key, name)  # type: ignore[attr-defined,unused-ignore]
        except FileNotFoundError:
            return


# ---------------------------------------------------------------------------------------------
# The command that login starts


def default_command() -> list[str]:
    """The command that starts this installation in the tray (frozen bundle or Python install)."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        # The windowed launcher opens no console window on Windows and is the macOS .app's own.
        gui = exe.with_name("onecleaner-gui" + exe.suffix)
        if gui.is_file():
            return [str(gui), "--tray"]
        return [str(exe), "gui", "--tray"]
    script = shutil.which("onecleaner")
    if script:
        return [os.path.abspath(script), "gui", "--tray"]
    return [sys.executable, "-m", "onecleaner", "gui", "--tray"]


# ---------------------------------------------------------------------------------------------
# Pure renderings of each OS's entry


def desktop_exec(command: Sequence[str]) -> str:
    """The value of an Exec= key running `command`, quoted and escaped as the spec asks."""
    if not command:
        raise AutostartError("the command to start at login is empty")
    parts: list[str] = []
    for arg in command:
        if arg == "" or any(ch in _EXEC_RESERVED for ch in arg):
            inner = "".join("\\" + ch if ch in _EXEC_ESCAPED_IN_QUOTES else ch for ch in arg)
            arg = f'"{inner}"'
        parts.append(arg.replace("%", "%%"))  # a lone % would be read as a field code
    # The whole value is then a desktop-file string, where a backslash itself is escaped.
    return " ".join(parts).replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of the XDG autostart entry that runs `command` at login."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_DISPLAY_NAME}\n"
        "Comment=Start ONE Cleaner in the system tray\n"
        f"Exec={desktop_exec(command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: Sequence[str]) -> bytes:
    """The macOS LaunchAgent property list that runs `command` once at login."""
    if not command:
        raise AutostartError("the command to start at login is empty")
    doc = {
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # Interactive: a tray app the user sees, not a background job launchd may throttle.
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    return plistlib.dumps(doc)


def run_value(command: Sequence[str]) -> str:
    """The Windows command line stored under the Run key for `command`."""
    if not command:
        raise AutostartError("the command to start at login is empty")
    return subprocess.list2cmdline(list(command))


# ---------------------------------------------------------------------------------------------
# Where the switch lives


def autostart_file(system: OS | None = None) -> Path:
    """The file that holds the switch on Linux and macOS (Windows uses the registry)."""
    system = system or current_os()
    if system is OS.LINUX:
        config = os.environ.get("XDG_CONFIG_HOME", "")
        base = Path(config) if os.path.isabs(config) else Path.home() / ".config"
        return base / "autostart" / f"{APP_ID}.desktop"
    if system is OS.MACOS:
        return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    raise AutostartError("on Windows, start at login lives in the registry, not in a file")


def enable(
    command: Sequence[str] | None = None,
    *,
    system: OS | None = None,
    run_key: RunKey | None = None,
) -> Path | str:
    """Start `command` (default: this install in the tray) at login; returns where it was written.

    The answer is the file written on Linux and macOS, and the registry value's full name on
    Windows. Enabling twice replaces the entry, so a moved install can repair its own switch.
    """
    system = system or current_os()
    cmd = list(command) if command is not None else default_command()
    if system is OS.WINDOWS:
        key = run_key if run_key is not None else WinregRunKey()
        try:
            key.set(RUN_VALUE_NAME, run_value(cmd))
        except OSError as exc:
            raise AutostartError(f"could not write the Windows Run key: {exc}") from exc
        return f"HKEY_CURRENT_USER\\{RUN_KEY_PATH}\\{RUN_VALUE_NAME}"
    path = autostart_file(system)
    data = desktop_entry(cmd).encode() if system is OS.LINUX else launch_agent(cmd)
    _write_atomically(path, data)
    return path


def disable(*, system: OS | None = None, run_key: RunKey | None = None) -> None:
    """Stop starting at login; nothing to undo is not an error."""
    system = system or current_os()
    if system is OS.WINDOWS:
        key = run_key if run_key is not None else WinregRunKey()
        try:
            key.delete(RUN_VALUE_NAME)
        except OSError as exc:
            raise AutostartError(f"could not change the Windows Run key: {exc}") from exc
        return
    path = autostart_file(system)
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise AutostartError(f"could not remove {path}: {exc.strerror or exc}") from exc


def is_enabled(*, system: OS | None = None, run_key: RunKey | None = None) -> bool:
    """Whether login starts ONE Cleaner (a desktop's own "off" switch in the entry counts)."""
    system = system or current_os()
    if system is OS.WINDOWS:
        key = run_key if run_key is not None else WinregRunKey()
        try:
            return bool(key.get(RUN_VALUE_NAME))
        except OSError:
            return False
    path = autostart_file(system)
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if system is OS.MACOS:
        try:
            doc = plistlib.loads(raw)
        except (plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(doc, dict) and not doc.get("Disabled", False)
    return _desktop_entry_active(raw.decode("utf-8", errors="replace"))


def _desktop_entry_active(text: str) -> bool:
    """An autostart entry is off when Hidden=true or GNOME's switch says false."""
    in_main = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            in_main = line == "[Desktop Entry]"
            continue
        if not in_main or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip().lower()
        if key == "Hidden" and value == "true":
            return False
        if key == "X-GNOME-Autostart-enabled" and value == "false":
            return False
    return True


def _write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half an entry."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)  # launchd and desktops read it; nothing secret inside
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise AutostartError(f"could not write {path}: {exc.strerror or exc}") from exc


__all__ = [
    "RUN_KEY_PATH",
    "RUN_VALUE_NAME",
    "AutostartError",
    "RunKey",
    "WinregRunKey",
    "autostart_file",
    "default_command",
    "desktop_entry",
    "desktop_exec",
    "disable",
    "enable",
    "is_enabled",
    "launch_agent",
    "run_value",
]
