"""The Windows and macOS recipes (not buildable here) agree with the app and the Linux build."""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from onecleaner import autostart
from onecleaner.appinfo import APP_DISPLAY_NAME, APP_ID
from onecleaner.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "installer" / "windows" / "onecleaner.iss"
INFO_PLIST = REPO / "installer" / "macos" / "Info.plist"
SPEC = REPO / "installer" / "onecleaner.spec"


def _defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(), re.MULTILINE))


def _version() -> str:
    with open(REPO / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_inno_script_uses_the_app_id_and_the_run_value_the_app_uses() -> None:
    defines = _defines()
    assert defines["AppId"] == APP_ID
    assert defines["AppName"] == APP_DISPLAY_NAME
    # The installer's "start in the tray" task and the app's settings switch share one value.
    assert defines["RunKey"] == autostart.RUN_KEY_PATH
    assert defines["RunValue"] == autostart.RUN_VALUE_NAME
    assert defines["AppVersion"] == _version()


def test_inno_script_installs_per_user_and_asks_before_deleting_data() -> None:
    text = ISS.read_text()
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    assert 'Name: "autostart"' in text and "Flags: unchecked" in text
    assert "MsgBox(CustomMessage('DeleteDataQuestion')" in text
    assert "if not UninstallSilent then" in text
    # The command the uninstaller runs is one the CLI accepts.
    [args] = re.findall(r"'(privacy forget --yes)'", text)
    parsed = build_parser().parse_args(args.split())
    assert parsed.command == "privacy"
    assert parsed.yes is True


def test_inno_script_ships_the_executables_the_spec_builds() -> None:
    defines = _defines()
    spec = SPEC.read_text()
    for exe in (defines["GuiExe"], defines["CliExe"]):
        assert exe.endswith(".exe")
        assert f'"{exe.removesuffix(".exe")}"' in spec
    assert 'Source: "dist\\onecleaner\\*"' in ISS.read_text()
    assert 'name="onecleaner",' in spec  # COLLECT writes dist/onecleaner


def test_tray_command_of_the_installer_matches_what_the_app_would_write() -> None:
    app_dir = r"C:\Users\Ann\AppData\Local\Programs\ONE Cleaner"  # {autopf} of a per-user install
    defines = _defines()
    [value] = re.findall(r'ValueData: "(.*?)"; Tasks: autostart', ISS.read_text())
    # Inno doubles quotes inside a quoted value, and expands the constants at install time.
    installed = (
        value.replace('""', '"').replace("{app}", app_dir).replace("{#GuiExe}", defines["GuiExe"])
    )
    assert installed == autostart.run_value([rf"{app_dir}\{defines['GuiExe']}", "--tray"])


def test_macos_info_plist_names_the_app_and_documents_the_tray_choice() -> None:
    with open(INFO_PLIST, "rb") as fh:
        info = plistlib.load(fh)
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleName"] == APP_DISPLAY_NAME
    assert info["LSUIElement"] is False
    assert "LSUIElement" in INFO_PLIST.read_text().split("<plist")[0]  # the comment explains it
    assert {"en", "zh_CN"} <= set(info["CFBundleLocalizations"])


def test_macos_launch_agent_runs_the_app_bundle_executable() -> None:
    # On macOS the frozen app's executable is onecleaner-gui; login starts it in the tray.
    spec = SPEC.read_text()
    assert "executables = [gui_exe, cli_exe] if IS_MAC" in spec
    exe = "/Applications/ONE Cleaner.app/Contents/MacOS/onecleaner-gui"
    agent = plistlib.loads(autostart.launch_agent([exe, "--tray"]))
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"][-1] == "--tray"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script")
def test_dmg_recipe_is_a_valid_shell_script_using_hdiutil() -> None:
    script = REPO / "installer" / "macos" / "make_dmg.sh"
    proc = subprocess.run(["sh", "-n", str(script)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    text = script.read_text()
    assert "hdiutil create" in text
    assert 'APP="dist/ONE Cleaner.app"' in text
    assert 'name="ONE Cleaner.app"' in SPEC.read_text()
