"""A clean that moves files to the trash says so, and never counts them as freed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from onecleaner.cli import main


def cache_files(home: Path, n: int = 4) -> list[Path]:
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "pip" / "http"
    folder.mkdir(parents=True)
    made = []
    for i in range(n):
        path = folder / f"entry{i}"
        path.write_bytes(b"x" * 9000)
        made.append(path)
    return made


def allocated(paths: list[Path]) -> int:
    return sum(p.stat().st_blocks * 512 for p in paths)


def test_the_json_of_a_trash_clean_keeps_bytes_for_what_left_the_disk(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    files = cache_files(isolated_home)
    size = allocated(files)
    code = main(["clean", "pip.cache", "--trash", "--yes", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and not any(p.exists() for p in files)
    assert doc["mode"] == "trash"
    assert doc["files"] == 4 and doc["bytes"] == 0
    assert doc["trashed_files"] == 4 and doc["trashed_bytes"] == size
    [pip] = doc["targets"]
    assert (pip["bytes"], pip["trashed_files"], pip["trashed_bytes"]) == (0, 4, size)


def test_the_words_of_a_trash_clean_say_moved_to_the_trash_not_freed(
    isolated_home: Path,
) -> None:
    cache_files(isolated_home)
    done = subprocess.run(
        [sys.executable, "-m", "onecleaner", "clean", "pip.cache", "--trash", "--yes"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Moved 4 files (" in done.stdout and ") to the trash;" in done.stdout
    assert "MOVED TO TRASH" in done.stdout
    assert "freed" not in done.stdout.replace("freed when you empty the trash", "")


def test_a_dry_run_in_trash_mode_says_what_would_move(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    files = cache_files(isolated_home, 2)
    assert main(["clean", "pip.cache", "--trash", "--dry-run", "--yes"]) == 0
    out = capsys.readouterr().out
    assert all(p.exists() for p in files)
    assert "Dry run: nothing was moved. A clean would move 2 files (" in out
