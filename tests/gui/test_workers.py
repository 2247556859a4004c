"""Workers on their own threads: results, errors, throttled progress, cancellation, cleanup."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from onecleaner.engine.errors import EngineError
from onecleaner.engine.model import Phase, Progress
from onecleaner.gui.jobs.base import PROGRESS_INTERVAL, Job, Worker
from onecleaner.gui.jobs.workers import CleanWorker, ScanOutcome, ScanWorker
from onecleaner.gui.services import AppServices


class _Flood(Worker):
    """Reports progress as fast as it can, like an engine walking a huge tree."""

    def __init__(self, reports: int) -> None:
        super().__init__()
        self.reports = reports
        self.elapsed = 0.0

    def work(self) -> object:
        start = time.monotonic()
        for i in range(self.reports):
            if self.cancelled:
                break
            self.report(Progress(Phase.SCAN, f"/x/{i}", i, i))
        self.elapsed = time.monotonic() - start
        return "done"


class _Broken(Worker):
    def work(self) -> object:
        raise EngineError("the catalog folder cannot be read")


def _run(qtbot: QtBot, worker: Worker) -> Job:
    job = Job(worker)
    with qtbot.waitSignal(job.done, timeout=20_000):
        job.start()
    return job


def test_progress_is_throttled_and_result_arrives(qtbot: QtBot) -> None:
    worker = _Flood(200_000)
    seen: list[Progress] = []
    results: list[object] = []
    worker.progress.connect(seen.append)
    worker.finished.connect(results.append)
    job = _run(qtbot, worker)
    assert results == ["done"]
    assert not job.is_running()
    # At most one report per interval reached the GUI thread (plus the very first one).
    assert 1 <= len(seen) <= 1 + worker.elapsed / PROGRESS_INTERVAL
    assert len(seen) < 200_000


def test_engine_errors_become_a_message(qtbot: QtBot) -> None:
    worker = _Broken()
    messages: list[str] = []
    worker.failed.connect(messages.append)
    _run(qtbot, worker)
    assert messages == ["the catalog folder cannot be read"]


def test_scan_worker_finds_the_cache_files(
    qtbot: QtBot, services: AppServices, cache: Path, make_files: Callable[..., list[Path]]
) -> None:
    made = make_files(cache / "someapp", 40)
    worker = ScanWorker(
        [services.catalog.target("system.cache")], services.env, catalog=services.catalog
    )
    outcomes: list[ScanOutcome] = []
    worker.finished.connect(outcomes.append)
    _run(qtbot, worker)
    (outcome,) = outcomes
    found = {e.path for t in outcome.plan.targets for e in t.entries}
    assert {str(p) for p in made} <= found
    assert outcome.disk_free  # the free space of the cache's disk, for the summary


def test_cancelled_clean_removes_nothing_more(
    qtbot: QtBot, services: AppServices, cache: Path, make_files: Callable[..., list[Path]]
) -> None:
    made = make_files(cache / "someapp", 30)
    scan_worker = ScanWorker(
        [services.catalog.target("system.cache")], services.env, catalog=services.catalog
    )
    outcomes: list[ScanOutcome] = []
    scan_worker.finished.connect(outcomes.append)
    _run(qtbot, scan_worker)
    clean_worker = CleanWorker(outcomes[0].plan, services.env, catalog=services.catalog)
    clean_worker.cancel()  # cancelled before the first file
    results: list[object] = []
    clean_worker.finished.connect(results.append)
    _run(qtbot, clean_worker)
    (result,) = results
    assert result.cancelled  # type: ignore[attr-defined]
    assert result.files == 0  # type: ignore[attr-defined]
    assert all(p.exists() for p in made)


def test_clean_worker_leaves_unticked_files(
    qtbot: QtBot, services: AppServices, cache: Path, make_files: Callable[..., list[Path]]
) -> None:
    made = make_files(cache / "someapp", 10)
    scan_worker = ScanWorker(
        [services.catalog.target("system.cache")], services.env, catalog=services.catalog
    )
    outcomes: list[ScanOutcome] = []
    scan_worker.finished.connect(outcomes.append)
    _run(qtbot, scan_worker)
    keep = frozenset({str(made[0]), str(made[5])})
    clean_worker = CleanWorker(
        outcomes[0].plan, services.env, catalog=services.catalog, unticked=keep
    )
    _run(qtbot, clean_worker)
    assert sorted(str(p) for p in made if p.exists()) == sorted(keep)


def test_stop_waits_for_the_thread(qtbot: QtBot) -> None:
    worker = _Flood(2_000_000)
    job = Job(worker)
    job.start()
    assert job.stop(20_000)
    assert not job.is_running()


def test_files_count_under_the_narrowest_target_that_holds_them(
    qtbot: QtBot, services: AppServices, cache: Path, make_files: Callable[..., list[Path]]
) -> None:
    """Thumbnails lie inside the user cache folder: ticked together (in tree order, System
    first), the thumbnails still count under "Thumbnail cache", the rest under the cache."""
    thumbs = make_files(cache / "thumbnails" / "large", 6)
    other = make_files(cache / "someapp", 4)
    targets = [services.catalog.target(i) for i in ("system.cache", "thumbnails.cache")]
    worker = ScanWorker(targets, services.env, catalog=services.catalog)
    outcomes: list[ScanOutcome] = []
    worker.finished.connect(outcomes.append)
    _run(qtbot, worker)
    by_target = {t.target_id: {e.path for e in t.entries} for t in outcomes[0].plan.targets}
    assert by_target["thumbnails.cache"] == {str(p) for p in thumbs}
    assert {str(p) for p in other} <= by_target["system.cache"]
    assert not by_target["system.cache"] & by_target["thumbnails.cache"]
