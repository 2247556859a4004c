"""The cookie keep-list as the window changes it (settings.change_keep_list): each change under
the data folder's lock, with the command line changing it at the same time; never over a saved
list that could not be read."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.engine.model import DeleteMode
from onecleaner.settings import (
    KeepListUnknown,
    Settings,
    change_keep_list,
    load_settings,
    save_settings,
    settings_path,
)
from tests.privacy.forkkit import needs_fork, race

WINDOWS = 4  # processes changing the list as the window does
COMMANDS = 2  # processes running `onecleaner cookies keep add`
CALLS = 25


def test_a_change_keeps_the_other_settings_and_says_what_was_there(data_dir: Path) -> None:
    save_settings(
        data_dir,
        dataclasses.replace(
            Settings(), delete_mode=DeleteMode.TRASH, cookie_keep_list=("a.example",)
        ),
    )
    before, now = change_keep_list(data_dir, lambda keep: (*keep, "b.example", "a.example"))
    assert before == ("a.example",)
    assert now.cookie_keep_list == ("a.example", "b.example")  # repeats dropped, order kept
    stored, problem = load_settings(data_dir)
    assert problem is None
    assert stored.cookie_keep_list == ("a.example", "b.example")
    assert stored.delete_mode is DeleteMode.TRASH


def test_an_unreadable_settings_file_is_never_written_over(data_dir: Path) -> None:
    save_settings(data_dir, dataclasses.replace(Settings(), cookie_keep_list=("bank.example",)))
    path = settings_path(data_dir)
    path.write_text('{"schema": 1, "cookie_keep_list": ["bank.exa', encoding="utf-8")  # cut off
    damaged = path.read_bytes()
    with pytest.raises(KeepListUnknown):
        change_keep_list(data_dir, lambda keep: (*keep, "new.example"))
    assert not path.exists() or path.read_bytes() == damaged  # set aside, never replaced
    aside = [p for p in data_dir.rglob("*") if p.is_file() and p.read_bytes() == damaged]
    assert aside, "the damaged file is kept for inspection"
    assert not any("new.example" in p.read_text(errors="replace") for p in data_dir.rglob("*"))


@needs_fork
def test_the_window_and_the_command_line_adding_at_once_lose_nothing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # processes race here; no power is cut
    def window(i: int) -> Callable[[], None]:
        def run() -> None:
            for r in range(CALLS):
                change_keep_list(data_dir, lambda keep, r=r: (*keep, f"w{i}-{r}.example"))

        return run

    def command_line(i: int) -> Callable[[], None]:
        def run() -> None:
            for r in range(CALLS):
                if main(["--data-dir", str(data_dir), "cookies", "keep", "add", f"c{i}-{r}.org"]):
                    raise SystemExit("cookies keep add failed")

        return run

    work = [window(i) for i in range(WINDOWS)] + [command_line(i) for i in range(COMMANDS)]
    result = race(work, tmp_path / "errors.txt")
    assert result.all_done(), result.errors
    settings, problem = load_settings(data_dir)
    assert problem is None
    assert len(settings.cookie_keep_list) == len(work) * CALLS, "a keep-list change was lost"
