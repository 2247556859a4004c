"""`forget` removes the log folder: every rotated file, never what a planted link points to, and
says so when a file stays (Windows cannot delete a file another program holds open)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from onecleaner.privacy import intents
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.errors import DataFolderError
from onecleaner.privacy.logfiles import LOG_FOLDER, erase_logs
from onecleaner.privacy.service import PrivacyService


def _logs(data_dir: Path) -> Path:
    folder = data_dir / LOG_FOLDER
    folder.mkdir(parents=True)
    for name in ("onecleaner.log", "onecleaner.log.1", "onecleaner.log.2"):
        (folder / name).write_text("2025-03-01 12:00:00 WARNING onecleaner: a line\n")
    return folder


def test_forget_removes_every_log_file(data_dir: Path) -> None:
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    folder = _logs(data_dir)
    assert "log files" in service.forget()
    assert not folder.exists()
    assert "log files" not in PrivacyService(data_dir).forget()  # nothing left to say


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_link_in_place_of_the_log_folder_goes_and_its_target_stays(
    data_dir: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("mine")
    data_dir.mkdir()
    (data_dir / LOG_FOLDER).symlink_to(elsewhere)
    assert erase_logs(data_dir)
    assert not os.path.lexists(data_dir / LOG_FOLDER)
    assert (elsewhere / "precious.txt").read_text() == "mine"


def test_a_log_file_that_stays_is_said_and_forget_can_be_asked_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    folder = _logs(data_dir)
    real_unlink = os.unlink

    def held_open(path: str | Path, *args: object, **kwargs: object) -> None:
        if os.fspath(path).endswith("onecleaner.log"):  # Windows: WinError 32, in use
            raise PermissionError(13, "The process cannot access the file")
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", held_open)
    with pytest.raises(DataFolderError) as raised:
        service.forget()
    message = str(raised.value)
    assert message.startswith("everything else was erased, but the log files in")
    assert str(folder) in message and "close it and ask again" in message
    assert sorted(p.name for p in folder.iterdir()) == ["onecleaner.log"]
    # The rest is gone, and nothing is left pending to fail again at every later call.
    assert not intents.has_pending(data_dir)
    assert not any(s.granted for s in PrivacyService(data_dir).consent())

    monkeypatch.setattr(os, "unlink", real_unlink)
    assert PrivacyService(data_dir).forget() == ["log files"]
    assert not folder.exists()


def test_an_interrupted_forget_completed_at_start_removes_the_logs(data_dir: Path) -> None:
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    folder = _logs(data_dir)
    intents.begin(data_dir, intents.IntentKind.FORGET, service.clock())  # then a crash
    (message,) = PrivacyService(data_dir).resume_intents()
    assert message.startswith("An interrupted 'forget'") and "log files" in message
    assert not folder.exists()
