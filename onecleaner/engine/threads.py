"""How many threads a walk and a clean use: a default from measurements, or ONECLEANER_THREADS.

The walk's threads pay off while the disk is read (os.scandir, stat and open release the GIL
while they wait); on a warm page cache they only share one interpreter, so the default stays
small. The figures behind each default are in the README's performance section
(tests/bench/bench_engine.py prints them for 1, 2, 4, 8 and 16 threads).
"""

from __future__ import annotations

import os

ENV_VAR = "ONECLEANER_THREADS"
CLEAN_ENV_VAR = "ONECLEANER_CLEAN_THREADS"  # the clean's alone (benchmarks compare them)
MAX_THREADS = 64
#: Cold 200k-file scan on 2 CPUs: 1 thread 1.0x, 4 threads 0.79x, 8 threads 0.73x (bench_engine).
WALK_THREADS_PER_CPU = 4
WALK_THREADS_CAP = 8
#: A parallel clean was slower than one thread here (unlink contends on the journal): see README.
CLEAN_THREADS = 1


def _from_env(name: str = ENV_VAR) -> int | None:
    """The thread count the environment asks for, or None (unset or not a positive number)."""
    raw = os.environ.get(name, "").strip()
    if not raw.isdigit() or int(raw) < 1:
        return None
    return min(int(raw), MAX_THREADS)


def walk_threads(requested: int | None = None) -> int:
    """The threads a walk uses: `requested`, else ONECLEANER_THREADS, else the default."""
    if requested is not None:
        return max(1, min(requested, MAX_THREADS))
    forced = _from_env()
    if forced is not None:
        return forced
    return max(1, min((os.cpu_count() or 1) * WALK_THREADS_PER_CPU, WALK_THREADS_CAP))


def clean_threads(requested: int | None = None) -> int:
    """The threads a clean uses: `requested`, else ONECLEANER_CLEAN_THREADS, else
    ONECLEANER_THREADS, else the default."""
    if requested is not None:
        return max(1, min(requested, MAX_THREADS))
    forced = _from_env(CLEAN_ENV_VAR) or _from_env()
    if forced is not None:
        return forced
    return CLEAN_THREADS


__all__ = ["CLEAN_ENV_VAR", "ENV_VAR", "MAX_THREADS", "clean_threads", "walk_threads"]
