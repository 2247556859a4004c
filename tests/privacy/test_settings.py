"""Settings: defaults, round trip, bad values and bad files never crash, files are private."""

from __future__ import annotations

import dataclasses
import json
import stat
from pathlib import Path

import pytest

from onecleaner import settings as settings_mod
from onecleaner.engine.model import DeleteMode
from onecleaner.settings import (
    SCHEMA_VERSION,
    Language,
    Schedule,
    Settings,
    load_settings,
    save_settings,
)


def test_fresh_install_gives_documented_defaults(data_dir: Path) -> None:
    loaded, message = load_settings(data_dir)
    assert message is None
    assert loaded.delete_mode is DeleteMode.PERMANENT
    assert loaded.quick_targets is None
    assert loaded.never_touch == ()
    assert loaded.min_age_days is None
    assert loaded.schedule is Schedule.OFF
    assert loaded.language is Language.SYSTEM
    assert loaded.start_in_tray is False
    assert loaded.start_at_login is False
    assert loaded.journal_retention_days == 30
    assert not data_dir.exists(), "reading the defaults must not create the data folder"


def test_saved_settings_come_back_and_file_is_private(data_dir: Path) -> None:
    chosen = Settings(
        delete_mode=DeleteMode.TRASH,
        quick_targets=("system.cache", "firefox.cache"),
        never_touch=("/home/x/keep",),
        min_age_days=2.5,
        schedule=Schedule.WEEKLY,
        language=Language.ZH_CN,
        start_in_tray=True,
        start_at_login=True,
        journal_retention_days=90,
        usage_id_enabled=False,
    )
    save_settings(data_dir, chosen)
    assert load_settings(data_dir) == (chosen, None)
    path = data_dir / "settings.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema"] == SCHEMA_VERSION
    assert on_disk["schedule"] == "weekly"


def test_invalid_values_are_reported_and_defaulted(data_dir: Path) -> None:
    save_settings(data_dir, Settings(start_in_tray=True))
    path = data_dir / "settings.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.update(schedule="hourly", journal_retention_days=-4, language=7, colour="blue")
    path.write_text(json.dumps(doc), encoding="utf-8")

    loaded, message = load_settings(data_dir)

    assert loaded.schedule is Schedule.OFF
    assert loaded.journal_retention_days == 30
    assert loaded.language is Language.SYSTEM
    assert loaded.start_in_tray is True, "a valid value next to bad ones is kept"
    assert message is not None
    assert "'schedule'" in message and "'hourly'" in message
    assert "journal_retention_days" in message
    assert "colour" in message


def test_corrupt_file_is_set_aside_and_defaults_used(data_dir: Path) -> None:
    save_settings(data_dir, Settings(schedule=Schedule.DAILY))
    path = data_dir / "settings.json"
    path.write_bytes(b'{"schema": 1, "kind": "settings", "schedule": "dai')

    loaded, message = load_settings(data_dir)

    assert loaded == Settings()
    assert message is not None and "set aside" in message and "defaults" in message
    aside = [p for p in data_dir.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1
    assert aside[0].read_bytes().endswith(b'"dai'), "the bad file is kept for inspection"
    assert not path.exists()


def test_newer_schema_keeps_known_values(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "settings.json").write_text(
        json.dumps({"schema": 7, "kind": "settings", "schedule": "daily", "new_thing": 1}),
        encoding="utf-8",
    )
    loaded, message = load_settings(data_dir)
    assert loaded.schedule is Schedule.DAILY
    assert message is not None and "newer" in message


def test_migration_hook_runs_for_older_schema(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the app is at schema 2, where `tray` was renamed `start_in_tray`.
    monkeypatch.setattr(settings_mod, "SCHEMA_VERSION", 2)

    def v1_to_v2(obj: dict[str, object]) -> dict[str, object]:
        out = dict(obj)
        out["start_in_tray"] = out.pop("tray")
        return out

    monkeypatch.setattr(settings_mod, "MIGRATIONS", {1: v1_to_v2})
    data_dir.mkdir(mode=0o700)
    (data_dir / "settings.json").write_text(
        json.dumps({"schema": 1, "kind": "settings", "tray": True}), encoding="utf-8"
    )
    loaded, message = load_settings(data_dir)
    assert loaded.start_in_tray is True
    assert message is None


def test_settings_are_frozen() -> None:
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.schedule = Schedule.DAILY  # type: ignore[misc]
    assert dataclasses.replace(s, schedule=Schedule.DAILY).schedule is Schedule.DAILY


def test_unreadable_file_gives_defaults_and_message(data_dir: Path) -> None:
    # A folder where the file should be cannot be read by anyone, root included.
    (data_dir / "settings.json").mkdir(parents=True)
    loaded, message = load_settings(data_dir)
    assert loaded == Settings()
    assert message is not None and "default" in message
