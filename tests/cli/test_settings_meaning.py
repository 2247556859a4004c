"""What the settings mean on the command line (decided in the app layer, as in the window): an
emptied quick selection, quick items this catalog lacks, a data folder inside a cache folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import Settings, save_settings


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
