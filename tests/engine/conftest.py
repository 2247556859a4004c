"""The engine's tests run twice: walking and cleaning on one thread, and on many."""

from __future__ import annotations

import pytest

from onecleaner.engine.threads import CLEAN_ENV_VAR, ENV_VAR
from onecleaner.engine.treewalk import IoWait

THREAD_COUNTS = (1, 8)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every engine test at both counts, so a new test that walks or cleans cannot be missed;
    a module whose tests choose their own counts says so with `THREADS_CHOSEN_HERE = True`."""
    if getattr(metafunc.module, "THREADS_CHOSEN_HERE", False):
        return
    if "engine_threads" in metafunc.fixturenames:
        metafunc.parametrize(
            "engine_threads", THREAD_COUNTS, indirect=True, ids=lambda n: f"{n}-threads"
        )


@pytest.fixture(autouse=True)
def engine_threads(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int | None:
    """The walking and cleaning threads of this test (ONECLEANER_THREADS), or None: the default.

    With many, the walk hands its folders to the pool after the first one, as on a cold disk
    (a small warm test tree would otherwise be listed on the calling thread alone).
    """
    count: int | None = getattr(request, "param", None)
    monkeypatch.delenv(CLEAN_ENV_VAR, raising=False)
    if count is None:
        monkeypatch.delenv(ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(ENV_VAR, str(count))
        if count > 1:
            monkeypatch.setattr(IoWait, "WINDOW", 0.0)
            monkeypatch.setattr(IoWait, "WAITING", -1.0)
    return count
