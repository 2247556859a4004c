"""`onecleaner usage` and `onecleaner find ...`, then `clean --plan`, run on a temporary home."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from onecleaner.cli import main
from onecleaner.cli.find_cmds import parse_size
from onecleaner.cli.find_output import bar

pytestmark = pytest.mark.skipif(os.name != "posix", reason="compared with GNU du")


def data(path: Path, size: int = 5000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code, out, err = run(capsys, *argv)
    assert out.strip(), err
    return code, json.loads(out)


def du(path: Path) -> int:
    out = subprocess.run(
        ["du", "-sB1", "--one-file-system", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return int(out.split()[0])


def trashed(home: Path) -> set[str]:
    files = home / ".local" / "share" / "Trash" / "files"
    return {p.name for p in files.iterdir()} if files.exists() else set()


# -- usage -------------------------------------------------------------------------------------


def test_usage_json_is_the_documented_tree_and_its_total_is_du(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tree = tmp_path / "t"
    data(tree / "big" / "inner" / "f", 300_000)
    data(tree / "small" / "g", 10_000)
    os.link(tree / "big" / "inner" / "f", tree / "small" / "f-again")
    (tree / "out").symlink_to(tmp_path)
    code, doc = run_json(capsys, "usage", str(tree), "--json", "--depth", "1")

    assert code == 0
    assert doc["path"] == str(tree) and doc["bytes"] == du(tree)
    assert doc["files"] == 3  # f (and its second link, once), g, the link "out"
    assert [c["name"] for c in doc["children"]] == ["big", "small"]
    assert all(c["children"] == [] for c in doc["children"])  # --depth 1
    assert doc["skipped"] == [] and doc["cancelled"] is False


def test_usage_prints_an_indented_tree_with_bars_and_shares(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    data(isolated_home / "Videos" / "film", 600_000)
    data(isolated_home / "Videos" / "clips" / "c", 200_000)
    data(isolated_home / "Documents" / "d", 100_000)
    code, out, _ = run(capsys, "usage")  # default: the home folder

    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["SIZE", "SHARE", "FILES", "FOLDER"]
    assert lines[1].endswith(str(isolated_home)) and "100.0%" in lines[1]
    videos = next(line for line in lines if line.endswith("  Videos"))
    clips = next(line for line in lines if line.endswith("    clips"))
    assert "█" in videos or "#" in videos
    share = float(videos.split("%")[0].split()[-1])
    assert 80 < share < 90  # 800 KB of about 900 KB
    assert lines.index(clips) == lines.index(videos) + 1  # indented under its parent
    assert f"{isolated_home}:" in out and "allocated space" in out


def test_usage_gives_the_same_tree_walked_in_one_process_or_split_over_three(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "t"
    for top in ("a", "b", "c", "d"):
        for n in range(5):
            data(tree / top / f"sub{n}" / "deeper" / "f", 4_000 * (n + 1))
    os.link(tree / "c" / "sub1" / "deeper" / "f", tree / "a" / "linked")
    docs = []
    for processes in ("1", "3"):
        monkeypatch.setenv("ONECLEANER_PROCESSES", processes)
        code, doc = run_json(capsys, "usage", str(tree), "--json", "--depth", "3")
        assert code == 0
        docs.append(doc)
    assert docs[0] == docs[1] and docs[0]["bytes"] == du(tree)


def test_usage_of_a_missing_folder_says_so_and_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "usage", str(tmp_path / "nope"))
    assert code == 2 and out == ""
    assert "is not a folder" in err and str(tmp_path / "nope") in err


def test_bars_and_sizes_read_as_people_write_them() -> None:
    assert bar(0.5, unicode=False, width=10) == "#####....."
    assert bar(1.0, unicode=True, width=4) == "████"
    assert bar(0.0, unicode=True, width=4) == "    "
    assert parse_size("500M") == 500 * 2**20
    assert parse_size("1.5GiB") == int(1.5 * 2**30)
    assert parse_size("4096") == 4096
    with pytest.raises(ValueError):
        parse_size("lots")


# -- find and clean --plan -----------------------------------------------------------------------


def test_find_large_then_clean_its_plan_moves_the_files_to_the_trash(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    film = data(isolated_home / "Videos" / "film.mkv", 800_000)
    iso = data(isolated_home / "Downloads" / "disk.iso", 500_000)
    cached = data(isolated_home / ".cache" / "x" / "blob", 700_000)
    small = data(isolated_home / "notes.txt", 1_000)
    plan = tmp_path / "large.json"
    code, doc = run_json(capsys, "find", "large", "--min-size", "100K", "--json",
                         "--plan-out", str(plan))  # fmt: skip
    assert code == 0
    assert [c["path"] for c in doc["candidates"]] == [str(film), str(cached), str(iso)]
    assert [c["ticked"] for c in doc["candidates"]] == [True, False, True]
    assert doc["candidates"][1]["unticked"] == "hidden"
    assert doc["ticked"]["count"] == 2 and doc["plan"] == str(plan)
    assert set(doc["candidates"][0]) >= {"path", "why", "bytes", "size", "files", "last_used"}

    code, out, err = run(capsys, "clean", "--plan", str(plan), "--yes")
    assert code == 0, out + err
    assert trashed(isolated_home) == {"film.mkv", "disk.iso"}
    assert cached.exists() and small.exists()
    assert "Moved 2 files" in out and "to the trash" in out
    assert (isolated_home / "Videos").is_dir() and (isolated_home / "Downloads").is_dir()


def test_find_artefacts_ticks_untick_and_clean_deletes_them_permanently(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    code_dir = isolated_home / "code"
    for name in ("web", "api"):
        (code_dir / name).mkdir(parents=True)
        (code_dir / name / "package.json").write_text("{}")
        data(code_dir / name / "node_modules" / "dep" / "index.js", 50_000)
    plan = tmp_path / "arts.json"
    # Projects were changed today: nothing is ticked by default...
    code, out, _ = run(capsys, "find", "artefacts", str(code_dir))
    assert code == 0 and out.count("[ ]") == 2 and "[x]" not in out
    assert "its project changed recently" in out and "Ticked: 0 items" in out
    # ...unless the user ticks one (or every project unchanged for 0 days).
    code, out, _ = run(capsys, "find", "artefacts", str(code_dir), "--older-than", "0",
                       "--untick", str(code_dir / "api"), "--plan-out", str(plan))  # fmt: skip
    assert code == 0 and out.count("[x]") == 1 and out.count("[ ]") == 1
    assert f"run 'onecleaner clean --plan {plan}'" in out

    code, out, err = run(capsys, "clean", "--plan", str(plan), "--yes", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["mode"] == "permanent" and result["files"] == 1
    assert result["targets"][0]["id"] == "find:artefacts"
    assert not (code_dir / "web" / "node_modules").exists()
    assert (code_dir / "api" / "node_modules" / "dep" / "index.js").exists()
    assert (code_dir / "web" / "package.json").exists() and trashed(isolated_home) == set()


def test_find_old_in_chosen_folders_and_permanent_overrides_the_trash(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    a = data(isolated_home / "Archive" / "a.doc")
    b = data(isolated_home / "More" / "b.doc")
    plan = tmp_path / "old.json"
    code, doc = run_json(capsys, "find", "old", str(a.parent), str(b.parent), "--older-than",
                         "0", "--json", "--plan-out", str(plan))  # fmt: skip
    assert code == 0 and doc["folders"] == [str(a.parent), str(b.parent)]
    assert {c["path"] for c in doc["candidates"]} == {str(a), str(b)}
    code, out, _ = run(capsys, "clean", "--plan", str(plan), "--yes", "--permanent")
    assert code == 0 and "Removed 2 files, freed" in out
    assert not a.exists() and not b.exists() and trashed(isolated_home) == set()


def test_a_finder_plan_is_not_cleaned_without_confirmation_nor_when_edited(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    film = data(isolated_home / "film.mkv", 100_000)
    plan = tmp_path / "p.json"
    run(capsys, "find", "large", "--plan-out", str(plan))
    code, _, err = run(capsys, "clean", "--plan", str(plan))  # no terminal, no --yes
    assert code == 2 and "refusing to clean without confirmation" in err and film.exists()

    doc = json.loads(plan.read_text())
    doc["body"]["targets"][0]["roots"] = ["/"]
    plan.write_text(json.dumps(doc))
    code, _, err = run(capsys, "clean", "--plan", str(plan), "--yes")
    assert code == 2 and "was changed after it was saved" in err and film.exists()


def test_bad_find_arguments_are_usage_errors_that_change_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    data(isolated_home / "f.bin", 100_000)
    for argv, words in (
        (["find", "old", "--count", "3"], "--count applies to 'find large' only"),
        (["find", "large", "a", "b"], "searches one folder"),
        (["find", "artefacts", str(isolated_home / "nope")], "is not a folder"),
        (["find", "large", "/"], "cannot be searched"),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and words in err and out == "", argv
    with pytest.raises(SystemExit) as stop:
        main(["find", "large", "--min-size", "huge"])
    assert stop.value.code == 2
    assert "not a size" in capsys.readouterr().err
    assert (isolated_home / "f.bin").exists()
