"""The window's scans carry the cookie keep-list: a cookie clean from the GUI (the tray's
quick clean, the schedule, a reviewed plan) keeps the same domains as the command line."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from records_kit import chromium_profile, rows

from onecleaner.engine.processes import ProcessProbe
from onecleaner.gui.jobs.workers import QuickCleanWorker
from onecleaner.gui.services import AppServices
from onecleaner.settings import Settings, save_settings


def test_a_quick_clean_of_cookies_keeps_the_kept_domains(
    qtbot: QtBot, isolated_home: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ProcessProbe, "running_apps", lambda self, apps, os_: {})
    profile = chromium_profile(isolated_home / ".config" / "chromium", databases=["Cookies"])
    profile.add_cookies("www.bank.example", "tracker.example")
    save_settings(data_dir, dataclasses.replace(Settings(), cookie_keep_list=("bank.example",)))
    services = AppServices.load(data_dir)
    worker = QuickCleanWorker(
        [services.catalog.target("chromium.cookies")],
        services.env,
        catalog=services.catalog,
        policy=services.policy,
    )
    outcome = worker.work()
    assert outcome.result.records == 1
    assert rows(profile.cookies, "SELECT host_key FROM cookies") == [("www.bank.example",)]
