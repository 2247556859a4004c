"""How many threads a walk and a clean use, and how many processes a usage map walks in: a
default from measurements, or ONECLEANER_THREADS / ONECLEANER_PROCESSES.

The walk's threads pay off while the disk is read (os.scandir, stat and open release the GIL
while they wait); on a warm page cache they only share one interpreter, so the default stays
small. The figures behind each default are in the README's performance section
(tests/bench/bench_engine.py prints them for 1, 2, 4, 8 and 16 threads).
"""

from __future__ import annotations

import os

ENV_VAR = "ONECLEANER_THREADS"
CLEAN_ENV_VAR = "ONECLEANER_CLEAN_THREADS"  # the clean's alone (benchmarks compare them)
PROCESSES_ENV_VAR = "ONECLEANER_PROCESSES"
MAX_THREADS = 64
#: Measured by tests/bench/bench_engine.py on 2 CPUs and a fast virtual disk (README): cold
#: 1M-file scans took 11.0 s on 1 thread, 11.7 s on 4, 15.5 s on 8; on a slower disk 4 threads
#: halved a cold walk (issue 10: 9.9 s -> 5.2 s). A warm walk stays on one thread (IoWait).
WALK_THREADS_PER_CPU = 2
WALK_THREADS_CAP = 8
#: Scan + clean of 1M files: 23.8 s on 1 clean thread, 20.0 s on 2, 22.2 s on 4 (rm -rf 14.7 s).
CLEAN_THREADS = 2
#: A warm 1M-file usage map on 2 CPUs (tests/bench/bench_usage.py): one process walks at the
#: speed of CPython's bare scandir + stat loop, about 2x `du`; the walk split over one process
#: per CPU comes within 1.5x (README). More processes than CPUs only wait for each other.
PROCESSES_CAP = 8


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


def walk_processes(requested: int | None = None) -> int:
    """The processes a usage map walks in: `requested`, else ONECLEANER_PROCESSES, else one
    per CPU (at most PROCESSES_CAP). One means the calling process walks alone."""
    if requested is not None:
        return max(1, min(requested, MAX_THREADS))
    forced = _from_env(PROCESSES_ENV_VAR)
    if forced is not None:
        return forced
    return max(1, min(os.cpu_count() or 1, PROCESSES_CAP))


def clean_threads(requested: int | None = None) -> int:
    """The threads a clean uses: `requested`, else ONECLEANER_CLEAN_THREADS, else
    ONECLEANER_THREADS, else the default."""
    if requested is not None:
        return max(1, min(requested, MAX_THREADS))
    forced = _from_env(CLEAN_ENV_VAR) or _from_env()
    if forced is not None:
        return forced
    return CLEAN_THREADS


__all__ = [
    "CLEAN_ENV_VAR",
    "ENV_VAR",
    "MAX_THREADS",
    "PROCESSES_ENV_VAR",
    "clean_threads",
    "walk_processes",
    "walk_threads",
]
