"""The desktop entry and AppStream metadata that ship pass the validators and agree with the app."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from onecleaner.appinfo import APP_ID
from onecleaner.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
DESKTOP = REPO / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = REPO / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"

# On a developer's machine without the validators these tests skip; in CI (which installs
# them) a missing validator is a failure, never a silent skip.
_IN_CI = bool(os.environ.get("CI"))
needs_desktop_file_validate = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None and not _IN_CI,
    reason="desktop-file-validate missing (Debian package desktop-file-utils)",
)
needs_appstreamcli = pytest.mark.skipif(
    shutil.which("appstreamcli") is None and not _IN_CI,
    reason="appstreamcli missing (Debian package appstream)",
)


def _project() -> dict[str, object]:
    with open(REPO / "pyproject.toml", "rb") as fh:
        project: dict[str, object] = tomllib.load(fh)["project"]
    return project


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@needs_desktop_file_validate
def test_desktop_entry_passes_desktop_file_validate_without_any_remark() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Hints and warnings are printed but do not change the exit code; ship none of them.
    assert proc.stdout.strip() == "", proc.stdout


@needs_appstreamcli
def test_metainfo_passes_appstreamcli_validate() -> None:
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    problems = [line for line in proc.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == []


def test_desktop_entry_runs_a_command_the_cli_accepts() -> None:
    entry = _desktop_entry()
    program, *args = entry["Exec"].split()
    assert program in _project()["scripts"]  # type: ignore[operator]
    build_parser().parse_args(args)  # exits (SystemExit) on an unknown subcommand or option

    tray = configparser.RawConfigParser(interpolation=None)
    tray.read(DESKTOP, encoding="utf-8")
    tray_program, *tray_args = tray["Desktop Action tray"]["Exec"].split()
    assert tray_program == program
    parsed = build_parser().parse_args(tray_args)
    assert parsed.command == "gui"
    assert parsed.tray is True


def test_desktop_entry_icon_is_the_app_id_and_the_svg_exists() -> None:
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert (ICONS / "onecleaner.svg").is_file()
    assert entry["Name"] == "ONE Cleaner"
    assert entry["Name[zh_CN]"]  # the Chinese menu shows a Chinese name


def test_metainfo_names_this_app_and_its_launcher() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating") is not None
    assert [b.text for b in root.iter("binary")] == ["onecleaner"]


def test_metainfo_newest_release_is_the_project_version() -> None:
    root = ET.parse(METAINFO).getroot()
    releases = root.findall("releases/release")
    assert releases, "no <release> in the metainfo"
    assert releases[0].get("version") == _project()["version"]


def test_metainfo_screenshots_point_at_files_of_the_screenshot_folder() -> None:
    root = ET.parse(METAINFO).getroot()
    images = [img.text or "" for img in root.iter("image")]
    assert len(images) >= 1
    names = {url.rsplit("/", 1)[-1] for url in images}
    assert all("/resources/screenshots/" in url for url in images)
    shots = {p.name for p in (REPO / "resources" / "screenshots").glob("*.png")}
    # Every image a software centre shows is one the screenshot script made and keeps in git.
    assert names <= shots, f"missing in resources/screenshots: {sorted(names - shots)}"
