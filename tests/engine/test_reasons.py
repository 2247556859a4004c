"""Skip reasons are codes with parameters; the English words are rendered from them."""

from __future__ import annotations

import pytest

from onecleaner.engine.model import Skip
from onecleaner.engine.reasons import (
    REFUSED_VIA_TEXT,
    SKIP_TEXT,
    Place,
    Reason,
    SkipCode,
    reason_from_data,
    reason_to_data,
    skip_data,
)


def test_every_code_has_english_words() -> None:
    assert set(SKIP_TEXT) == set(SkipCode)


def test_parameters_fill_the_words() -> None:
    running = Reason.of(SkipCode.APP_RUNNING, app="Microsoft Edge", hint="it keeps running")
    assert str(running) == "skipped: Microsoft Edge is running (it keeps running)"
    docs = Reason.of(SkipCode.REFUSED_INTO, place=Place.USER_FOLDER.value, folder="Documents")
    assert str(docs) == "refused: resolves into your Documents folder"
    failed = Reason.of(SkipCode.TRASH_FAILED, cause=Reason.of(SkipCode.REMOVE_DENIED))
    assert str(failed) == "could not move to the trash: could not remove: permission denied"


def test_reasons_round_trip_through_json_data() -> None:
    failed = Reason.of(
        SkipCode.TRASH_FAILED, cause=Reason.of(SkipCode.NOT_REMOVED, error="Disk quota exceeded")
    )
    assert reason_from_data(reason_to_data(failed)) == failed


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"code": "no_such_code"},
        {"code": "gone", "params": {"x": 1}},
        {"code": "gone", "params": 3},
    ],
)
def test_malformed_reason_data_is_refused(data: object) -> None:
    with pytest.raises(ValueError):
        reason_from_data(data)


def test_the_json_of_a_skip_keeps_english_words_and_adds_the_code() -> None:
    skip = Skip("/c/x", Reason.of(SkipCode.APP_RUNNING, app="Chromium"), "chromium.cache")
    assert skip_data(skip) == {
        "path": "/c/x",
        "reason": "skipped: Chromium is running",
        "code": "app_running",
        "params": {"app": "Chromium"},
    }


def test_every_refusal_can_name_the_variable_that_led_there() -> None:
    refusals = {c for c in SkipCode if c.value.startswith("refused")}
    assert set(REFUSED_VIA_TEXT) == refusals
    ssh = Reason.of(SkipCode.REFUSED_IS, place=Place.PRIVATE.value, folder="~/.ssh")
    assert str(ssh) == "refused: it is ~/.ssh, which holds configuration, keys or personal data"
    assert str(ssh.with_params(variable="XDG_CACHE_HOME")) == (
        "refused: XDG_CACHE_HOME leads to ~/.ssh, which holds configuration, keys or personal data"
    )
