"""The log file: rotating, private, in the data folder, free of the home path, and the one place
a windowed build (no stderr) keeps its warnings."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from onecleaner import logsetup
from onecleaner.cli import main

log = logging.getLogger("onecleaner.test")

# A windowed run: no stdout or stderr at all (pythonw, a PyInstaller windowed bundle). During
# the window's start a Python warning and a Qt warning name a file under the home folder.
_WINDOWED_RUN = textwrap.dedent(
    """
    import os, sys, warnings
    sys.stdout = sys.stderr = None
    from PySide6.QtCore import qWarning
    import onecleaner.gui.app as app

    shell_init = app.AppShell.__init__

    def noisy_init(self, *args, **kwargs):
        shell_init(self, *args, **kwargs)
        where = os.path.join(os.environ["HOME"], ".cache", "thing")  # the test's HOME
        warnings.warn(f"python warning about {where}")
        qWarning(f"qt warning about {where}")

    app.AppShell.__init__ = noisy_init
    from onecleaner.cli import main
    sys.exit(main(["gui", "--smoke-test"]))
    """
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_windowed_run_keeps_its_warnings_in_the_log_without_the_home_path(
    isolated_home: Path, data_dir: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run(
        [sys.executable, "-c", _WINDOWED_RUN], env=env, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")

    path = data_dir / "logs" / "onecleaner.log"
    text = path.read_text(encoding="utf-8")
    assert "python warning about ~/.cache/thing" in text
    assert "qt warning about ~/.cache/thing" in text
    assert str(isolated_home) not in text
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700


def test_records_go_to_the_data_folder_of_the_run_and_the_handlers_go_with_it(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    handlers_before = list(logging.getLogger().handlers)

    with logsetup.logging_to_file(first):
        log.warning("one")
    with logsetup.logging_to_file(second):
        log.warning("two")
    log.warning("three")  # after the run: no file of ours gets it

    assert logging.getLogger().handlers == handlers_before
    first_text = logsetup.log_path(first).read_text(encoding="utf-8")
    second_text = logsetup.log_path(second).read_text(encoding="utf-8")
    assert "one" in first_text and "two" not in first_text and "three" not in first_text
    assert "two" in second_text and "three" not in second_text
    assert " WARNING onecleaner.test: one" in first_text


def test_the_log_rotates_and_keeps_a_bounded_number_of_private_files(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2000)
    with logsetup.logging_to_file(data_dir):
        for i in range(400):
            log.info("record %04d with some words to fill the file", i)

    files = sorted((data_dir / "logs").iterdir())
    assert [f.name for f in files] == [
        "onecleaner.log",
        "onecleaner.log.1",
        "onecleaner.log.2",
        "onecleaner.log.3",
    ]
    assert all(f.stat().st_size <= 2000 for f in files)
    assert all(_mode(f) == 0o600 for f in files)
    assert "record 0399" in files[0].read_text(encoding="utf-8")  # the newest is kept


def test_personal_data_is_masked_in_messages_and_tracebacks(
    isolated_home: Path, data_dir: Path
) -> None:
    with logsetup.logging_to_file(data_dir):
        try:
            raise OSError(13, "Permission denied", str(isolated_home / "secret.txt"))
        except OSError:
            log.exception("mail ann@example.org or call +86 138 1234 5678 about it")

    text = logsetup.log_path(data_dir).read_text(encoding="utf-8")
    assert "~/secret.txt" in text
    assert str(isolated_home) not in text
    assert "ann@example.org" not in text and "1234 5678" not in text


def test_a_run_that_logs_nothing_leaves_nothing(data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    assert not (data_dir / "logs").exists()


def test_a_log_that_cannot_be_written_disturbs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with logsetup.logging_to_file(blocker):
        log.info("lost, quietly")
    assert "Logging error" not in capsys.readouterr().err


def test_a_link_planted_as_the_log_file_is_not_followed(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("untouched\n")
    (data_dir / "logs").mkdir(parents=True)
    logsetup.log_path(data_dir).symlink_to(target)

    with logsetup.logging_to_file(data_dir):
        log.warning("must not land elsewhere")

    assert target.read_text() == "untouched\n"


def test_warnings_reach_the_console_when_there_is_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with logsetup.logging_to_file(data_dir):
        log.warning("visible on the terminal")
        log.info("only in the file")
    err = capsys.readouterr().err
    assert "visible on the terminal" in err and "only in the file" not in err
