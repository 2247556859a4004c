"""`--data-dir` (and $ONECLEANER_DATA_DIR) that cannot be a data folder: a message, exit 2."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from onecleaner.cli import main


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, err.getvalue()


@pytest.mark.parametrize("command", [("privacy", "status"), ("list",), ("gui", "--smoke-test")])
def test_a_file_as_data_dir_is_exit_2_with_a_message(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    code, err = run("--data-dir", str(a_file), *command)
    assert code == 2
    assert f"the data folder {a_file} is a file, not a folder (set by --data-dir)" in err
    assert "choose another folder with --data-dir DIR" in err
    assert "Traceback" not in err
    assert a_file.read_text() == "mine"


def test_a_data_dir_below_a_file_cannot_be_created(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    code, err = run(
        "--data-dir", str(a_file / "sub" / "data"), "privacy", "consent", "grant", "history"
    )
    assert code == 2
    assert f"cannot be created: {a_file} is a file, not a folder" in err


def test_the_environment_variable_is_named_when_it_is_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "data.json"
    a_file.write_text("{}")
    monkeypatch.setenv("ONECLEANER_DATA_DIR", str(a_file))
    code, err = run("privacy", "status")
    assert code == 2 and "(set by $ONECLEANER_DATA_DIR)" in err


def test_a_new_folder_in_a_writable_place_is_fine(tmp_path: Path) -> None:
    target = tmp_path / "new" / "data"
    assert run("--data-dir", str(target), "privacy", "consent", "grant", "history")[0] == 0
    assert (target / "consent.json").is_file()
