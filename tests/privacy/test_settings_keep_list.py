"""The cookie keep-list in the settings: stored in one form, a bad entry never loses the
others, and an unreadable file is told apart from a single bad value."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from onecleaner.settings import (
    Settings,
    keep_domains,
    keep_list_unknown,
    load_settings,
    save_settings,
)


def _write(data_dir: Path, values: dict[str, object]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(
        json.dumps({"kind": "settings", "schema": 1, **values}), encoding="utf-8"
    )


def test_the_keep_list_round_trips(data_dir: Path) -> None:
    save_settings(data_dir, dataclasses.replace(Settings(), cookie_keep_list=("example.org",)))
    loaded, message = load_settings(data_dir)
    assert message is None
    assert loaded.cookie_keep_list == ("example.org",)
    assert not keep_list_unknown(message)


def test_entries_are_stored_normalized_without_repeats() -> None:
    assert keep_domains(["Example.org", ".example.org", "[::1]"]) == ("example.org", "::1")


def test_a_bad_entry_is_dropped_and_said_the_others_stay(data_dir: Path) -> None:
    _write(data_dir, {"cookie_keep_list": ["bank.example", "http://x/", "mail.example"]})
    loaded, message = load_settings(data_dir)
    assert loaded.cookie_keep_list == ("bank.example", "mail.example")
    assert message is not None and "'http://x/'" in message and "ignored" in message
    assert not keep_list_unknown(message), "the list was read; only one entry was wrong"


def test_a_keep_list_of_the_wrong_type_is_unknown(data_dir: Path) -> None:
    _write(data_dir, {"cookie_keep_list": "bank.example"})
    loaded, message = load_settings(data_dir)
    assert loaded.cookie_keep_list == ()
    assert keep_list_unknown(message)


@pytest.mark.parametrize("content", ["{ broken", "[]"])
def test_an_unreadable_settings_file_makes_the_keep_list_unknown(
    data_dir: Path, content: str
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(content, encoding="utf-8")
    _, message = load_settings(data_dir)
    assert keep_list_unknown(message)


def test_an_unrelated_bad_value_leaves_the_keep_list_known(data_dir: Path) -> None:
    _write(data_dir, {"cookie_keep_list": ["bank.example"], "schedule": "hourly"})
    loaded, message = load_settings(data_dir)
    assert loaded.cookie_keep_list == ("bank.example",)
    assert message is not None and not keep_list_unknown(message)
