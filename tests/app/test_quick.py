"""The quick selection: the user's ticked items, the catalog's preset when they chose none,
and nothing at all when they unticked everything."""

from __future__ import annotations

import pytest

from onecleaner.app.quick import quick_selection, quick_setting
from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.model import OS
from onecleaner.settings import Settings


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize("os_", list(OS))
def test_no_choice_is_the_catalogs_preset_on_that_os(catalog: Catalog, os_: OS) -> None:
    quick = quick_selection(catalog, Settings(), os_)
    assert quick.follows_catalog and not quick.empty and quick.unknown == ()
    on_this_os = {t.id for t in catalog.targets_for(os_)}
    assert set(quick.ids) == set(catalog.preset()) & on_this_os
    assert ("safari.cache" in quick.ids) is (os_ is OS.MACOS)


def test_an_emptied_selection_is_nothing_not_the_preset(catalog: Catalog) -> None:
    quick = quick_selection(catalog, Settings(quick_targets=()), OS.LINUX)
    assert quick.empty and quick.targets == () and not quick.follows_catalog


def test_the_ticked_items_in_their_order_and_the_unknown_ones_named(catalog: Catalog) -> None:
    settings = Settings(quick_targets=("pip.cache", "gone.cache", "system.cache", "safari.cache"))
    quick = quick_selection(catalog, settings, OS.LINUX)
    assert quick.ids == ("pip.cache", "system.cache")
    assert quick.unknown == ("gone.cache", "safari.cache")  # unknown, and not on Linux


def test_only_unknown_items_make_an_empty_selection(catalog: Catalog) -> None:
    quick = quick_selection(catalog, Settings(quick_targets=("gone.cache",)), OS.LINUX)
    assert quick.empty and quick.unknown == ("gone.cache",)


@pytest.mark.parametrize("os_", list(OS))
def test_ticking_the_preset_as_shown_keeps_following_the_catalog(
    catalog: Catalog, os_: OS
) -> None:
    # The settings list this OS's targets only; the preset names every OS's.
    shown = [t.id for t in catalog.targets_for(os_) if catalog.in_preset(t.id)]
    assert quick_setting(reversed(shown), catalog, os_) is None
    assert quick_setting(shown[1:], catalog, os_) == tuple(shown[1:])
    assert quick_setting([], catalog, os_) == ()
