"""The delete mode of a clean and the places no scan or clean may touch, from the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from onecleaner.app.policy import clean_policy, delete_mode
from onecleaner.engine.model import DeleteMode
from onecleaner.settings import Settings

TRASH, PERMANENT = DeleteMode.TRASH, DeleteMode.PERMANENT


@pytest.mark.parametrize(
    ("setting", "requested", "plan_default", "expected"),
    [
        (PERMANENT, None, PERMANENT, PERMANENT),  # the defaults: caches are deleted
        (TRASH, None, PERMANENT, TRASH),  # the setting
        (TRASH, PERMANENT, PERMANENT, PERMANENT),  # --permanent overrides the setting
        (PERMANENT, TRASH, PERMANENT, TRASH),  # --trash
        (PERMANENT, None, TRASH, TRASH),  # a finder's user files: never deleted by default
        (TRASH, None, TRASH, TRASH),
        (PERMANENT, PERMANENT, TRASH, PERMANENT),  # unless --permanent says so
    ],
)
def test_delete_mode(
    setting: DeleteMode,
    requested: DeleteMode | None,
    plan_default: DeleteMode,
    expected: DeleteMode,
) -> None:
    settings = Settings(delete_mode=setting)
    assert delete_mode(settings, requested, plan_default=plan_default) is expected


def test_the_data_folder_is_never_touched_with_the_users_own_places(tmp_path: Path) -> None:
    settings = Settings(
        never_touch=("~/keep",), cookie_keep_list=("bank.example",), min_age_days=7.0
    )
    policy = clean_policy(settings, tmp_path / "data")
    assert policy.never_touch == ("~/keep", str(tmp_path / "data"))
    options = policy.scan_options()
    assert options.never_touch == policy.never_touch
    assert options.keep_domains == ("bank.example",)
    assert options.min_age_hours == 7 * 24
    assert policy.scan_options(min_age_days=1).min_age_hours == 24  # --min-age-days wins
