"""How a clean removes (the delete mode) and what no scan or clean may touch, from the settings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from onecleaner.engine.model import DeleteMode
from onecleaner.engine.scan import ScanOptions
from onecleaner.settings import Settings


def delete_mode(
    settings: Settings,
    requested: DeleteMode | None = None,
    *,
    plan_default: DeleteMode = DeleteMode.PERMANENT,
) -> DeleteMode:
    """The delete mode of one clean.

    What the user asked for this run (`--trash`, `--permanent`) wins. Otherwise the trash
    when the settings or the plan's own default ask for it: a finder's plan of user files
    defaults to the trash, and a "delete permanently" setting never overrides that.
    """
    return mode_of(settings.delete_mode, plan_default, requested)


def mode_of(
    setting: DeleteMode, plan_default: DeleteMode, requested: DeleteMode | None = None
) -> DeleteMode:
    """`delete_mode` from the setting's value alone (for a face that holds only that)."""
    if requested is not None:
        return requested
    if DeleteMode.TRASH in (setting, plan_default):
        return DeleteMode.TRASH
    return DeleteMode.PERMANENT


@dataclass(frozen=True, slots=True)
class CleanPolicy:
    """What the settings and the data folder in use ask of every scan and clean."""

    never_touch: tuple[str, ...]  # the user's never-touch paths, then the data folder in use
    keep_domains: tuple[str, ...]  # the cookie keep-list
    min_age_days: float | None  # None: each target's own age rule only

    def scan_options(self, min_age_days: float | None = None) -> ScanOptions:
        """The engine's scan options; `min_age_days` (a `--min-age-days`) replaces the setting."""
        days = self.min_age_days if min_age_days is None else min_age_days
        return ScanOptions(
            min_age_hours=None if not days else days * 24.0,
            never_touch=self.never_touch,
            keep_domains=self.keep_domains,
        )


def clean_policy(settings: Settings, data_dir: Path) -> CleanPolicy:
    """The policy of `settings` for a run whose data folder is `data_dir`.

    The data folder is never touched wherever it was put (`--data-dir`, ONECLEANER_DATA_DIR,
    inside a cache folder): a clean would otherwise remove the settings, keys and journal.
    """
    return CleanPolicy(
        never_touch=(*settings.never_touch, os.fspath(data_dir)),
        keep_domains=tuple(settings.cookie_keep_list),
        min_age_days=settings.min_age_days,
    )


__all__ = ["CleanPolicy", "clean_policy", "delete_mode", "mode_of"]
