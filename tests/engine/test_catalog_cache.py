"""The parsed catalog kept in the user's cache folder: the same catalog, never a stale one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from onecleaner.engine import catalog_cache
from onecleaner.engine.catalog import Catalog, _load, load_catalog
from onecleaner.resources import resources_dir


def shipped_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".toml")


def test_the_cached_catalog_is_the_parsed_one_and_is_read_back(isolated_home: Path) -> None:
    fresh = _load([resources_dir() / "cleaners"])
    first = load_catalog()
    cache = catalog_cache.cache_folder() / catalog_cache.CACHE_FILE
    assert cache.is_file() and str(cache).startswith(str(isolated_home))
    builds = []

    def build() -> Catalog:
        builds.append(1)
        return fresh

    again = catalog_cache.cached_catalog(shipped_files(resources_dir() / "cleaners"), build)
    assert builds == [], "read from the cache, not parsed again"
    assert again == first == fresh
    assert again.problems == fresh.problems and again.presets == fresh.presets


def test_a_changed_definition_is_parsed_afresh(tmp_path: Path) -> None:
    folder = tmp_path / "cleaners"
    shutil.copytree(resources_dir() / "cleaners", folder)
    cache = tmp_path / "cache"

    def load() -> Catalog:
        return catalog_cache.cached_catalog(
            shipped_files(folder), lambda: _load([folder]), folder=cache
        )

    before = load()
    pip = folder / "pip.toml"
    pip.write_text(pip.read_text().replace('label = "', 'label = "Changed: ', 1))
    after = load()
    assert after.target("pip.cache").label.startswith("Changed: ")
    assert not before.target("pip.cache").label.startswith("Changed: ")


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "[1, 2, 3]",  # not the shape
        lambda text: text.replace('"applications":[', '"applications":[7,', 1),  # a bad record
    ],
)
def test_a_damaged_cache_is_ignored_and_written_again(isolated_home: Path, damage) -> None:  # type: ignore[no-untyped-def]
    expected = load_catalog()
    cache = catalog_cache.cache_folder() / catalog_cache.CACHE_FILE
    cache.write_text(damage(cache.read_text()))
    assert load_catalog() == expected
    assert json.loads(cache.read_text())["catalog"]["applications"], "written again"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(isolated_home: Path) -> None:
    blocker = catalog_cache.cache_folder()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder would be")
    assert load_catalog() == _load([resources_dir() / "cleaners"])
