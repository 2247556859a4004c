"""Start at login as the OS shows it: Task Manager's and System Settings' own switches count,
an entry the installer or the user made survives until the user switches it off in the app,
and a pip install starts the windowed launcher.

Windows and macOS are simulated where the code meets them: the registry object, the
``launchctl`` call (through ``subprocess.run``), ``sys.executable`` and the scripts folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from onecleaner import autostart, child_process
from onecleaner.appinfo import APP_ID
from onecleaner.engine.catalog import load_catalog
from onecleaner.engine.model import OS, DeleteMode
from onecleaner.gui.pages.settings.page import SettingsPage
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import load_settings

INSTALLER_CMD = r'"C:\Program Files\ONE Cleaner\onecleaner-gui.exe" --tray'
TASK_MANAGER_OFF = bytes([3, 0, 0, 0]) + bytes.fromhex("a0b1c2d3e4f5a6b7")  # 03 + when
TASK_MANAGER_ON = bytes([2]) + bytes(11)


class FakeRegistry:
    """HKEY_CURRENT_USER as {(key, name): value}."""

    def __init__(self, values: dict[tuple[str, str], str | bytes] | None = None) -> None:
        self.values = dict(values or {})

    def get(self, key: str, name: str) -> str | bytes | None:
        return self.values.get((key, name))

    def set(self, key: str, name: str, value: str | bytes) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


RUN = (autostart.RUN_KEY_PATH, "ONE Cleaner")
APPROVED = (autostart.APPROVED_KEY_PATH, "ONE Cleaner")


# --- Windows: Task Manager's switch ------------------------------------------------------------


@pytest.mark.parametrize(
    ("approved", "enabled"),
    [
        (None, True),
        (TASK_MANAGER_ON, True),
        (TASK_MANAGER_OFF, False),
        (bytes([7]) + bytes(11), False),
    ],
)
def test_windows_reads_task_managers_startup_switch(
    approved: bytes | None, enabled: bool
) -> None:
    reg = FakeRegistry({RUN: INSTALLER_CMD})
    if approved is not None:
        reg.values[APPROVED] = approved
    assert autostart.is_enabled(system=OS.WINDOWS, registry=reg) is enabled


def test_windows_switching_on_in_the_app_also_switches_task_manager_back_on() -> None:
    reg = FakeRegistry({RUN: INSTALLER_CMD, APPROVED: TASK_MANAGER_OFF})

    autostart.enable([r"C:\ONE Cleaner\onecleaner-gui.exe", "--tray"], system=OS.WINDOWS,
                     registry=reg)  # fmt: skip

    assert reg.values[APPROVED] == TASK_MANAGER_ON
    assert autostart.is_enabled(system=OS.WINDOWS, registry=reg)


def test_windows_switching_off_in_the_app_removes_the_value_and_its_switch() -> None:
    reg = FakeRegistry({RUN: INSTALLER_CMD, APPROVED: TASK_MANAGER_ON})
    autostart.disable(system=OS.WINDOWS, registry=reg)
    assert reg.values == {}


# --- macOS: System Settings' Login Items (launchd's disabled list) -----------------------------


class FakeLaunchctl:
    """Answers `launchctl` like macOS: print-disabled lists, enable records."""

    def __init__(self, listing: str | None) -> None:
        self.listing = listing
        self.calls: list[list[str]] = []

    def __call__(self, args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(args))
        if self.listing is None:
            raise FileNotFoundError(2, "No such file or directory", "launchctl")
        out = self.listing if args[1] == "print-disabled" else ""
        return subprocess.CompletedProcess(args, 0, out, "")


def _listing(state: str) -> str:
    return (
        "disabled services = {\n"
        '\t"com.apple.ScriptMenuApp" => true\n'
        f'\t"{APP_ID}" => {state}\n'
        "}\n"
        "login item associations = {\n}\n"
    )


@pytest.mark.parametrize(
    ("listing", "enabled"),
    [
        (_listing("true"), False),  # macOS 13 wording
        (_listing("disabled"), False),  # macOS 14 and later
        (_listing("false"), True),
        (_listing("enabled"), True),
        ("disabled services = {\n}\n", True),
        (None, True),  # launchctl unreadable: the LaunchAgent file decides
    ],
)
def test_macos_reads_the_login_items_switch_from_launchd(
    monkeypatch: pytest.MonkeyPatch, listing: str | None, enabled: bool
) -> None:
    autostart.enable(["/Applications/ONE Cleaner.app/Contents/MacOS/onecleaner-gui", "--tray"],
                     system=OS.MACOS)  # fmt: skip
    launchctl = FakeLaunchctl(listing)
    monkeypatch.setattr(child_process.subprocess, "run", launchctl)

    assert autostart.is_enabled(system=OS.MACOS) is enabled
    assert launchctl.calls[0][:2] == ["launchctl", "print-disabled"]
    assert launchctl.calls[0][2].startswith("gui/")


def test_macos_switching_on_in_the_app_reenables_the_agent_in_launchd(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    launchctl = FakeLaunchctl(_listing("disabled"))
    monkeypatch.setattr(child_process.subprocess, "run", launchctl)

    autostart.enable(["/Applications/ONE Cleaner.app/Contents/MacOS/onecleaner-gui", "--tray"],
                     system=OS.MACOS)  # fmt: skip

    enables = [c for c in launchctl.calls if c[1] == "enable"]
    assert len(enables) == 1 and enables[0][2].endswith(f"/{APP_ID}")


# --- a pip install starts the windowed launcher ----------------------------------------------


def _scripts(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "venv" / "Scripts"
    folder.mkdir(parents=True)
    for name in ("python.exe", *names):
        (folder / name).write_bytes(b"MZ")
    return folder


def test_windows_pip_install_starts_onecleaner_gui_exe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _scripts(tmp_path, "pythonw.exe", "onecleaner.exe", "onecleaner-gui.exe")
    monkeypatch.setattr(sys, "executable", str(folder / "python.exe"))

    cmd = autostart.default_command(OS.WINDOWS)

    assert cmd == [str(folder / "onecleaner-gui.exe"), "--tray"]  # GUI subsystem: no console
    assert autostart.run_value(cmd) == f"{folder / 'onecleaner-gui.exe'} --tray"


def test_windows_without_the_gui_script_uses_pythonw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _scripts(tmp_path, "pythonw.exe", "onecleaner.exe")
    monkeypatch.setattr(sys, "executable", str(folder / "python.exe"))
    monkeypatch.setattr(autostart, "_installed_script", lambda name: None)

    cmd = autostart.default_command(OS.WINDOWS)

    assert cmd == [str(folder / "pythonw.exe"), "-m", "onecleaner", "gui", "--tray"]


# --- the settings dialog never removes what it did not switch off -----------------------------


@pytest.fixture
def dialog(qtbot: QtBot, data_dir: Path) -> SettingsPage:
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(dlg)
    return dlg


def _change_something_else(dlg: SettingsPage) -> None:
    box = dlg.general.delete_mode
    box.setCurrentIndex(box.findData(DeleteMode.TRASH))


def test_an_entry_made_outside_the_app_is_shown_on_and_survives_other_changes(
    qtbot: QtBot, data_dir: Path
) -> None:
    entry = Path(autostart.enable(["/opt/onecleaner/onecleaner-gui", "--tray"], system=OS.LINUX))
    made = entry.read_bytes()
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(dlg)

    assert dlg.general.start_at_login.isChecked()  # the saved settings say off; login says on
    _change_something_else(dlg)
    assert dlg.apply()

    assert entry.read_bytes() == made
    assert load_settings(data_dir)[0].delete_mode is DeleteMode.TRASH


def test_an_entry_switched_off_by_the_desktop_shows_off_and_is_left_alone(
    qtbot: QtBot, data_dir: Path
) -> None:
    entry = Path(autostart.enable(["/opt/onecleaner/onecleaner-gui", "--tray"], system=OS.LINUX))
    entry.write_text(entry.read_text() + "Hidden=true\n")
    made = entry.read_bytes()
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(dlg)

    assert not dlg.general.start_at_login.isChecked()
    _change_something_else(dlg)
    assert dlg.apply()
    assert entry.read_bytes() == made


def test_switching_off_in_the_app_removes_the_entry(dialog: SettingsPage) -> None:
    entry = Path(autostart.enable(["/opt/onecleaner/onecleaner-gui", "--tray"], system=OS.LINUX))
    dialog.show_settings(load_settings(Path(dialog._data_dir))[0])
    assert dialog.general.start_at_login.isChecked()

    dialog.general.start_at_login.setChecked(False)
    assert dialog.apply()

    assert not entry.exists()


def test_windows_task_manager_off_is_shown_off_and_the_installer_value_survives(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = FakeRegistry({RUN: INSTALLER_CMD, APPROVED: TASK_MANAGER_OFF})
    monkeypatch.setattr(autostart, "current_os", lambda: OS.WINDOWS)
    monkeypatch.setattr(autostart, "WinregRegistry", lambda: reg)
    before = dict(reg.values)
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(dlg)

    assert not dlg.general.start_at_login.isChecked()
    _change_something_else(dlg)
    assert dlg.apply()
    assert reg.values == before

    dlg.general.start_at_login.setChecked(True)  # the user switches it on here
    assert dlg.apply()
    assert reg.values[APPROVED] == TASK_MANAGER_ON
    assert load_settings(data_dir)[0].start_at_login is True
