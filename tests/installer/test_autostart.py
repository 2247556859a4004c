"""Start at login: the entry each OS reads appears, says the right command, and goes away."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from onecleaner import autostart
from onecleaner.appinfo import APP_ID
from onecleaner.autostart import AutostartError
from onecleaner.engine.model import OS

TRAY_CMD = ["/opt/onecleaner/onecleaner", "gui", "--tray"]


class FakeRegistry:
    """HKEY_CURRENT_USER's Run key as a dict (the real one only exists on Windows)."""

    def __init__(self) -> None:
        self.values: dict[str, str | bytes] = {}

    def get(self, key: str, name: str) -> str | bytes | None:
        return self.values.get(name) if key == autostart.RUN_KEY_PATH else None

    def set(self, key: str, name: str, value: str | bytes) -> None:
        assert key == autostart.RUN_KEY_PATH
        self.values[name] = value

    def delete(self, key: str, name: str) -> None:
        if key == autostart.RUN_KEY_PATH:
            self.values.pop(name, None)


def _split_exec(value: str) -> list[str]:
    """Read an Exec= value back into arguments, as the Desktop Entry spec tells launchers to."""
    value = value.replace("\\\\", "\\")  # the string layer: a doubled backslash is one
    args: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        arg = ""
        if value[i] == '"':
            i += 1
            while value[i] != '"':
                if value[i] == "\\":
                    i += 1
                arg += value[i]
                i += 1
            i += 1
        else:
            while i < len(value) and value[i] != " ":
                arg += value[i]
                i += 1
        args.append(arg.replace("%%", "%"))
    return args


def _exec_line(path: Path) -> str:
    lines = [ln for ln in path.read_text().splitlines() if ln.startswith("Exec=")]
    assert len(lines) == 1
    return lines[0].removeprefix("Exec=")


# --- Linux ---------------------------------------------------------------------------------


def test_linux_enable_writes_xdg_autostart_entry_with_tray_command(isolated_home: Path) -> None:
    where = autostart.enable(TRAY_CMD, system=OS.LINUX)

    expected = isolated_home / ".config" / "autostart" / f"{APP_ID}.desktop"
    assert where == expected
    assert expected.is_file()
    assert _exec_line(expected) == "/opt/onecleaner/onecleaner gui --tray"
    assert f"Icon={APP_ID}" in expected.read_text()
    assert autostart.is_enabled(system=OS.LINUX)


def test_linux_follows_xdg_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "elsewhere"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))

    autostart.enable(TRAY_CMD, system=OS.LINUX)

    assert (config / "autostart" / f"{APP_ID}.desktop").is_file()


def test_linux_disable_removes_entry_and_twice_is_fine(isolated_home: Path) -> None:
    path = Path(autostart.enable(TRAY_CMD, system=OS.LINUX))

    autostart.disable(system=OS.LINUX)
    autostart.disable(system=OS.LINUX)

    assert not path.exists()
    assert not autostart.is_enabled(system=OS.LINUX)
    # The user's other autostart entries are left alone.
    assert path.parent.is_dir()


def test_linux_entry_switched_off_by_the_desktop_counts_as_disabled() -> None:
    path = Path(autostart.enable(TRAY_CMD, system=OS.LINUX))
    text = path.read_text().replace(
        "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"
    )
    path.write_text(text)
    assert not autostart.is_enabled(system=OS.LINUX)

    path.write_text(text.replace("=false", "=true") + "Hidden=true\n")
    assert not autostart.is_enabled(system=OS.LINUX)


def test_linux_exec_quotes_spaces_and_special_characters_so_launchers_read_them_back() -> None:
    cmd = ["/home/ann/My Apps/one cleaner/onecleaner", "gui", "--tray", "50%", 'say "hi" $HOME']
    path = Path(autostart.enable(cmd, system=OS.LINUX))

    assert _split_exec(_exec_line(path)) == cmd


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate missing (Debian package desktop-file-utils)",
)
def test_linux_entry_passes_desktop_file_validate() -> None:
    cmd = ["/opt/one cleaner/onecleaner", "gui", "--tray", "100%"]
    path = Path(autostart.enable(cmd, system=OS.LINUX))

    proc = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout.lower()


def test_enable_twice_replaces_the_command() -> None:
    autostart.enable(["/old/place/onecleaner", "gui", "--tray"], system=OS.LINUX)
    path = Path(autostart.enable(TRAY_CMD, system=OS.LINUX))

    assert _exec_line(path) == "/opt/onecleaner/onecleaner gui --tray"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_unwritable_config_folder_gives_a_message_naming_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "config-is-a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))

    with pytest.raises(AutostartError, match=r"could not write .*config-is-a-file"):
        autostart.enable(TRAY_CMD, system=OS.LINUX)


def test_empty_command_is_refused_before_anything_is_written(isolated_home: Path) -> None:
    with pytest.raises(AutostartError, match="empty"):
        autostart.enable([], system=OS.LINUX)
    assert not (isolated_home / ".config" / "autostart").exists()


# --- macOS ---------------------------------------------------------------------------------


def test_macos_enable_writes_a_launch_agent_run_at_load(isolated_home: Path) -> None:
    cmd = ["/Applications/ONE Cleaner.app/Contents/MacOS/onecleaner-gui", "--tray"]
    where = autostart.enable(cmd, system=OS.MACOS)

    expected = isolated_home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert where == expected
    doc = plistlib.loads(expected.read_bytes())
    assert doc["Label"] == APP_ID
    assert doc["ProgramArguments"] == cmd
    assert doc["RunAtLoad"] is True
    assert autostart.is_enabled(system=OS.MACOS)
    assert not autostart.is_enabled(system=OS.LINUX)  # each OS reads only its own switch

    autostart.disable(system=OS.MACOS)
    assert not expected.exists()
    assert not autostart.is_enabled(system=OS.MACOS)


def test_macos_corrupted_launch_agent_reads_as_disabled(isolated_home: Path) -> None:
    path = Path(autostart.enable(TRAY_CMD, system=OS.MACOS))
    path.write_bytes(b"not a plist")
    assert not autostart.is_enabled(system=OS.MACOS)


# --- Windows -------------------------------------------------------------------------------


def test_windows_enable_sets_the_run_value_with_a_quoted_command_line() -> None:
    key = FakeRegistry()
    cmd = [r"C:\Users\Ann\AppData\Local\Programs\ONE Cleaner\onecleaner-gui.exe", "--tray"]

    where = autostart.enable(cmd, system=OS.WINDOWS, registry=key)

    assert where == (r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\ONE Cleaner")
    assert key.values == {"ONE Cleaner": f'"{cmd[0]}" --tray'}
    assert autostart.is_enabled(system=OS.WINDOWS, registry=key)

    autostart.disable(system=OS.WINDOWS, registry=key)
    assert key.values == {}
    assert not autostart.is_enabled(system=OS.WINDOWS, registry=key)


def test_windows_registry_failure_is_a_message_not_a_traceback() -> None:
    class DeniedKey(FakeRegistry):
        def set(self, key: str, name: str, value: str | bytes) -> None:
            raise PermissionError(5, "Access is denied")

    with pytest.raises(AutostartError, match="Access is denied"):
        autostart.enable(TRAY_CMD, system=OS.WINDOWS, registry=DeniedKey())


@pytest.mark.skipif(os.name == "nt", reason="checks the message off Windows")
def test_windows_without_a_registry_says_so() -> None:
    with pytest.raises(AutostartError, match="registry is not available"):
        autostart.is_enabled(system=OS.WINDOWS)


# --- the default command -------------------------------------------------------------------


def test_default_command_starts_this_install_in_the_tray() -> None:
    """From a pip install the entry runs this install's windowed launcher, onecleaner-gui."""
    cmd = autostart.default_command()

    assert cmd[1:] == ["--tray"]
    assert os.path.isabs(cmd[0]) and os.path.basename(cmd[0]) == "onecleaner-gui"
    proc = subprocess.run(
        [cmd[0], "--help"], capture_output=True, text=True, check=False, timeout=60
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("usage: onecleaner gui")
    assert "--tray" in proc.stdout


def test_enable_without_command_uses_the_default_one() -> None:
    path = Path(autostart.enable(system=OS.LINUX))
    assert _split_exec(_exec_line(path)) == autostart.default_command()
