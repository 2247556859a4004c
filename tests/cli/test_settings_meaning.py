"""What the settings mean on the command line (decided in the app layer, as in the window): an
emptied quick selection, quick items this catalog lacks, a data folder inside a cache folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import Settings, save_settings

EMPTY = "Your quick selection is empty"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _junk(folder: Path, n: int = 5) -> list[Path]:
    made = []
    for i in range(n):
        path = folder / f"d{i % 2}" / f"f{i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 2000)
        made.append(path)
    return made


@pytest.fixture
def cache(isolated_home: Path) -> Path:
    return Path(os.environ["XDG_CACHE_HOME"])


def test_an_emptied_quick_selection_scans_and_cleans_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, cache: Path
) -> None:
    junk = _junk(cache / "someapp") + _junk(cache / "pip")  # system.cache and pip.cache: quick
    save_settings(data_dir, Settings(quick_targets=()))

    code, out, err = _run(capsys, "scan")
    assert code == 0  # nothing to do is not a failure
    assert EMPTY in err and "nothing to clean" in err and "onecleaner list" in err
    assert out == ""

    code, out, err = _run(capsys, "scan", "--json")
    assert code == 0 and EMPTY in err
    report = json.loads(out)
    assert report["targets"] == [] and report["files"] == 0 and report["bytes"] == 0

    code, out, err = _run(capsys, "clean", "--yes", "--json")
    assert code == 0 and EMPTY in err
    assert json.loads(out)["files"] == 0
    assert all(p.exists() for p in junk)

    code, out, _ = _run(capsys, "list", "--json")
    assert not [row["id"] for row in json.loads(out)["targets"] if row["quick"]]

    code, out, err = _run(capsys, "scan", "pip.cache", "--json")  # named targets still scan
    assert code == 0 and EMPTY not in err
    assert json.loads(out)["files"] == 5


def test_quick_items_this_catalog_lacks_are_named_and_the_rest_is_cleaned(
    capsys: pytest.CaptureFixture[str], data_dir: Path, cache: Path
) -> None:
    junk = _junk(cache / "pip")
    save_settings(data_dir, Settings(quick_targets=("retired.cache", "pip.cache")))
    code, out, err = _run(capsys, "clean", "--yes", "--json")
    assert code == 0, err
    assert "your quick selection names 'retired.cache', which is not a target" in err
    assert [t["id"] for t in json.loads(out)["targets"]] == ["pip.cache"]
    assert not any(p.exists() for p in junk)


def test_a_data_folder_inside_a_cache_folder_survives_a_clean_of_that_cache(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    data = cache / "onecleaner-data"  # --data-dir pointed into ~/.cache, the system.cache root
    service = PrivacyService(data)
    service.grant(Purpose.HISTORY)
    save_settings(data, Settings(quick_targets=("system.cache",)))
    ours = sorted(p for p in data.rglob("*") if p.is_file())
    assert len(ours) >= 3
    junk = _junk(cache / "someapp")

    code, _out, err = _run(capsys, "--data-dir", str(data), "clean", "--yes", "--json")
    assert code == 0, err
    assert not any(p.exists() for p in junk)
    assert all(p.exists() for p in ours), "the clean removed its own data folder"
    assert PrivacyService(data).log_records(), "the history of the clean was kept"
