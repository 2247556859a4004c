"""Start ONE Cleaner in the tray at login: XDG autostart, the Windows Run key, a macOS LaunchAgent.

Qt-free, so the settings dialog, the CLI and the installers' tests all share it. Each OS keeps the
switch where its own tools look for it, so a user can also see and undo it there:

- Linux: ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop`` (XDG Autostart spec);
- Windows: the value ``ONE Cleaner`` under HKCU's ``...\\CurrentVersion\\Run`` key (the Inno
  Setup installer's "start in the tray at login" task writes the same value), switched off
  without being removed by Task Manager's Startup page (``...\\Explorer\\StartupApproved\\Run``);
- macOS: ``~/Library/LaunchAgents/<APP_ID>.plist`` (loaded by launchd at the next login),
  switched off without being removed by System Settings' Login Items (launchd's disabled list).

`is_enabled` reads what login will really do, those "off" switches included. The faces call
`enable`/`disable` only when the user flips the switch in the app, so an entry made by the
installer or by hand is never removed behind the user's back.
"""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from onecleaner import child_process
from onecleaner.appinfo import APP_DISPLAY_NAME, APP_ID
from onecleaner.engine.env import current_os
from onecleaner.engine.model import OS

#: Where Windows looks for per-user programs to start at login (under HKEY_CURRENT_USER).
RUN_KEY_PATH = r"Software\Microsoft\Windows\CurrentVersion\Run"
#: Task Manager's on/off switch for each Run value, a REG_BINARY of the same name.
APPROVED_KEY_PATH = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
#: The value name under the Run key; the Inno Setup script uses the same one.
RUN_VALUE_NAME = APP_DISPLAY_NAME
#: What Task Manager writes when a startup app is switched on (an odd first byte means off).
APPROVED_ON = bytes([2]) + bytes(11)

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#`()")
# Inside those quotes these four must be escaped with a backslash.
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


class AutostartError(Exception):
    """Start at login could not be switched; the message is written for a person."""


class Registry(Protocol):
    """HKEY_CURRENT_USER's values, reduced to what start-at-login needs (fakeable in tests)."""

    def get(self, key: str, name: str) -> str | bytes | None:
        """The value `name` under `key`, or None."""
        ...

    def set(self, key: str, name: str, value: str | bytes) -> None:
        """Store `value` under `name` (text as REG_SZ, bytes as REG_BINARY)."""
        ...

    def delete(self, key: str, name: str) -> None:
        """Remove `name`; a missing value is not an error."""
        ...


class WinregRegistry:
    """The real HKEY_CURRENT_USER through `winreg` (Windows only)."""

    def __init__(self) -> None:
        try:
            import winreg
        except ImportError as exc:
            raise AutostartError("the Windows registry is not available on this system") from exc
        self._winreg = winreg

    def get(self, key: str, name: str) -> str | bytes | None:
        wr = self._winreg
        try:
            with wr.OpenKey(wr.HKEY_CURRENT_USER, key) as handle:  # type: ignore[attr-defined,unused-ignore]
                value, _kind = wr.QueryValueEx(handle, name)  # type: ignore[attr-defined,unused-ignore]
        except FileNotFoundError:
            return None
        return value if isinstance(value, bytes) else str(value)

    def set(self, key: str, name: str, value: str | bytes) -> None:
        wr = self._winreg
        kind = wr.REG_BINARY if isinstance(value, bytes) else wr.REG_SZ  # type: ignore[attr-defined,unused-ignore]
        with wr.CreateKeyEx(  # type: ignore[attr-defined,unused-ignore]
            wr.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
            key,
            0,
            wr.KEY_SET_VALUE,  # type: ignore[attr-defined,unused-ignore]
        ) as handle:
            wr.SetValueEx(handle, name, 0, kind, value)  # type: ignore[attr-defined,unused-ignore]

    def delete(self, key: str, name: str) -> None:
        wr = self._winreg
        try:
            with wr.OpenKey(  # type: ignore[attr-defined,unused-ignore]
                wr.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
                key,
                0,
                wr.KEY_SET_VALUE,  # type: ignore[attr-defined,unused-ignore]
            ) as handle:
                wr.DeleteValue(handle, name)  # type: ignore[attr-defined,unused-ignore]
        except FileNotFoundError:
            return


# ---------------------------------------------------------------------------------------------
# The command that login starts


def default_command(system: OS | None = None) -> list[str]:
    """The command that starts this installation in the tray, through its windowed launcher.

    A frozen bundle starts its ``onecleaner-gui`` executable; a pip install its
    ``onecleaner-gui`` script (on Windows a GUI-subsystem .exe, so no console window opens at
    login), else ``pythonw -m onecleaner`` on Windows and the interpreter elsewhere.
    """
    system = system or current_os()
    suffix = ".exe" if system is OS.WINDOWS else ""
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):
        gui = exe.with_name("onecleaner-gui" + exe.suffix)
        if gui.is_file():
            return [str(gui), "--tray"]
        return [str(exe), "gui", "--tray"]
    gui_script = _installed_script("onecleaner-gui" + suffix)
    if gui_script is not None:
        return [gui_script, "--tray"]
    python = exe
    if system is OS.WINDOWS and exe.with_name("pythonw.exe").is_file():
        python = exe.with_name("pythonw.exe")  # python.exe is a console program
    return [str(python), "-m", "onecleaner", "gui", "--tray"]


def _installed_script(name: str) -> str | None:
    """The absolute path of a script pip installed with this interpreter, or None."""
    folders = [Path(sys.executable).parent]  # a venv's bin/ or Scripts\
    for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
        if scheme in sysconfig.get_scheme_names():
            folders.append(Path(sysconfig.get_path("scripts", scheme)))
    for candidate in (folder / name for folder in folders):
        if candidate.is_file():
            return os.path.abspath(candidate)
    found = shutil.which(name)
    return os.path.abspath(found) if found else None


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
    registry: Registry | None = None,
) -> Path | str:
    """Start `command` (default: this install in the tray) at login; returns where it was written.

    The answer is the file written on Linux and macOS, and the registry value's full name on
    Windows. Enabling twice replaces the entry, so a moved install can repair its own switch.
    An "off" set in Task Manager or System Settings is turned back on: the user asked here.
    """
    system = system or current_os()
    cmd = list(command) if command is not None else default_command(system)
    if system is OS.WINDOWS:
        reg = registry if registry is not None else WinregRegistry()
        try:
            reg.set(RUN_KEY_PATH, RUN_VALUE_NAME, run_value(cmd))
            if _approved_off(reg.get(APPROVED_KEY_PATH, RUN_VALUE_NAME)):
                reg.set(APPROVED_KEY_PATH, RUN_VALUE_NAME, APPROVED_ON)
        except OSError as exc:
            raise AutostartError(f"could not write the Windows Run key: {exc}") from exc
        return f"HKEY_CURRENT_USER\\{RUN_KEY_PATH}\\{RUN_VALUE_NAME}"
    path = autostart_file(system)
    data = desktop_entry(cmd).encode() if system is OS.LINUX else launch_agent(cmd)
    _write_atomically(path, data)
    if system is OS.MACOS and _launchd_disabled():
        _launchctl("enable", f"{_launchd_domain()}/{APP_ID}")
    return path


def disable(*, system: OS | None = None, registry: Registry | None = None) -> None:
    """Stop starting at login (the user switched it off in the app); nothing to undo is fine."""
    system = system or current_os()
    if system is OS.WINDOWS:
        reg = registry if registry is not None else WinregRegistry()
        try:
            reg.delete(RUN_KEY_PATH, RUN_VALUE_NAME)
            reg.delete(APPROVED_KEY_PATH, RUN_VALUE_NAME)  # Task Manager's switch for it
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


def is_enabled(*, system: OS | None = None, registry: Registry | None = None) -> bool:
    """Whether login starts ONE Cleaner, as the OS's own settings say.

    An entry switched off where the OS shows it counts as off: Task Manager's Startup apps
    (Windows), System Settings' Login Items (macOS: launchd's disabled list, or the
    LaunchAgent's Disabled key), a desktop's Hidden or X-GNOME-Autostart-enabled (Linux).
    """
    system = system or current_os()
    if system is OS.WINDOWS:
        reg = registry if registry is not None else WinregRegistry()
        try:
            command = reg.get(RUN_KEY_PATH, RUN_VALUE_NAME)
            return bool(command) and not _approved_off(reg.get(APPROVED_KEY_PATH, RUN_VALUE_NAME))
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
        if not isinstance(doc, dict) or doc.get("Disabled", False):
            return False
        return not _launchd_disabled()
    return _desktop_entry_active(raw.decode("utf-8", errors="replace"))


def _approved_off(value: str | bytes | None) -> bool:
    """Whether Task Manager's StartupApproved value says "off" (no value means on)."""
    return isinstance(value, bytes) and len(value) > 0 and value[0] & 1 == 1


def _launchd_domain() -> str:
    """The launchd domain of this user's login session (``gui/<uid>``)."""
    getuid = getattr(os, "getuid", None)
    return f"gui/{getuid() if getuid is not None else 0}"


def _launchctl(*args: str) -> str | None:
    """launchctl's output, or None when it could not run or refused."""
    try:
        done = child_process.run(["launchctl", *args], timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _launchd_disabled() -> bool:
    """Whether launchd lists the LaunchAgent as disabled (System Settings' Login Items off).

    ``launchctl print-disabled`` writes ``"label" => true`` (``=> disabled`` on macOS 14 and
    later) for a switched-off service; unreadable means not known to be off.
    """
    listing = _launchctl("print-disabled", _launchd_domain())
    if listing is None:
        return False
    line = re.compile(r'^\s*"' + re.escape(APP_ID) + r'"\s*=>\s*(true|disabled)\s*$', re.M)
    return line.search(listing) is not None


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
    "APPROVED_KEY_PATH",
    "APPROVED_ON",
    "RUN_KEY_PATH",
    "RUN_VALUE_NAME",
    "AutostartError",
    "Registry",
    "WinregRegistry",
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
