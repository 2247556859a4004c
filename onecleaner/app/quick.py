"""The quick selection: what a quick clean (tray, schedule, `onecleaner scan` alone) cleans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from onecleaner.engine.catalog import QUICK
from onecleaner.engine.model import OS, Target
from onecleaner.settings import Settings


class QuickCatalog(Protocol):
    """What the quick selection needs of the catalog (engine.catalog.Catalog fits)."""

    @property
    def presets(self) -> Mapping[str, tuple[str, ...]]: ...

    def targets_for(self, os_: OS) -> Sequence[Target]: ...


@dataclass(frozen=True, slots=True)
class QuickSelection:
    """The targets a quick clean cleans on this OS, and what the settings named in vain."""

    targets: tuple[Target, ...]
    follows_catalog: bool  # the settings choose nothing: the catalog's recommended preset
    unknown: tuple[str, ...] = ()  # ids the settings name that this OS's catalog lacks

    @property
    def empty(self) -> bool:
        """Nothing to clean: the user unticked every quick item (or named none that exists)."""
        return not self.targets

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.targets)


def quick_selection(catalog: QuickCatalog, settings: Settings, os_: OS) -> QuickSelection:
    """The quick selection: the user's ticked items, or the catalog's preset when they chose none.

    An emptied selection stays empty (it means "nothing", never "the preset"). The preset
    holds targets of every OS and leaves out the others' quietly; ids the user chose that
    this OS's catalog lacks are returned as `unknown`, for the faces to mention.
    """
    available = {t.id: t for t in catalog.targets_for(os_)}
    chosen = settings.quick_targets
    if chosen is None:
        preset = catalog.presets.get(QUICK, ())
        return QuickSelection(tuple(available[i] for i in preset if i in available), True)
    return QuickSelection(
        targets=tuple(available[i] for i in chosen if i in available),
        follows_catalog=False,
        unknown=tuple(i for i in chosen if i not in available),
    )


def quick_setting(ticked: Iterable[str], catalog: QuickCatalog, os_: OS) -> tuple[str, ...] | None:
    """The stored form of the items the user ticked: None when they are the catalog's preset
    on this OS (so the selection keeps following the catalog as it evolves)."""
    chosen = tuple(dict.fromkeys(ticked))
    available = {t.id for t in catalog.targets_for(os_)}
    preset = {i for i in catalog.presets.get(QUICK, ()) if i in available}
    return None if set(chosen) == preset else chosen


__all__ = ["QuickCatalog", "QuickSelection", "quick_selection", "quick_setting"]
