"""The engine's safety tests run twice: walking and cleaning on one thread, and on many."""

from __future__ import annotations

import pytest

from onecleaner.engine.threads import CLEAN_ENV_VAR, ENV_VAR
from onecleaner.engine.treewalk import IoWait

#: Test modules whose scans and cleans run at both thread counts.
THREADED_MODULES = frozenset(
    {
        "test_clean",
        "test_finders",
        "test_hostile",
        "test_macos",
        "test_mounts",
        "test_owner",
        "test_private_roots",
        "test_properties",
        "test_recycle",
        "test_restore",
        "test_scan",
        "test_usage",
    }
)
THREAD_COUNTS = (1, 8)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rpartition(".")[2]
    if module in THREADED_MODULES and "engine_threads" in metafunc.fixturenames:
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
