"""Scanning: from selected targets to a plan of what a clean would remove, and why not the rest.

`scan()` resolves each target's roots (refusing never-touch places), walks them without
following links or crossing filesystems, applies the rules (include/keep, age, owner), leaves
out files in use and everything of a running application, counts a file selected through two
targets once, and gives hard links their honest size. The plan it returns is what `clean()`
executes, entry by entry, after checking each again.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from onecleaner.engine import owner
from onecleaner.engine.env import Environment
from onecleaner.engine.filetable import FileTable, FolderFiles
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS, Phase, Plan, Progress, Skip, Target, TargetPlan
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.paths import folding, is_within
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.records.scan import scan_record_targets
from onecleaner.engine.roots import (
    CatalogView,
    Prober,
    Root,
    blocked_by,
    find_roots,
    overlapping,
    running_blocks,
)
from onecleaner.engine.threads import walk_threads
from onecleaner.engine.walk import Walker

IN_USE = Reason.of(SkipCode.IN_USE)


@dataclass(frozen=True)
class ScanOptions:
    """The user's choices that narrow a scan beyond the targets' own rules."""

    min_age_hours: float | None = None  # applied on top of a target's own minimum age
    never_touch: tuple[str, ...] = ()  # the user's extra never-touch paths (settings)
    keep_domains: tuple[str, ...] = ()  # the cookie keep-list (settings), for record targets
    now: float | None = None  # for tests; default time.time()
    threads: int | None = None  # walking threads; None: ONECLEANER_THREADS or the default


def _age_cut(target: Target, options: ScanOptions, now: float) -> float | None:
    """The newest time a file may have and still be old enough (None: no age rule)."""
    ages = [a for a in (target.min_age_hours, options.min_age_hours) if a is not None and a > 0]
    if not ages:
        return None
    return now - max(ages) * 3600.0


def open_files_of(probe: Prober) -> frozenset[str]:
    """The probe's open files, or none when the process table cannot be read."""
    try:
        return probe.open_files()
    except Exception:  # a refused process table must not stop a scan; clean re-checks
        return frozenset()


def stops_for(
    guard: Guard, blocks: dict[str, Reason], open_files: frozenset[str]
) -> dict[str, Reason | None]:
    """Path -> why the walk stops there (None: silently): protected, running app, in use."""
    stops: dict[str, Reason | None] = {}
    for path, (reason, report) in guard.stops.items():
        stops[path] = reason if report else None
    for path, reason in blocks.items():
        stops.setdefault(path, reason)
    for path in open_files:
        stops.setdefault(path, IN_USE)
    return stops


def scan(
    targets: Sequence[Target],
    env: Environment,
    *,
    catalog: CatalogView,
    options: ScanOptions = ScanOptions(),
    probe: Prober | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> Plan:
    """Walk the targets' roots and return the plan of what a clean would remove."""
    if probe is None:
        from onecleaner.engine.processes import ProcessProbe

        probe = ProcessProbe()
    now = options.now if options.now is not None else time.time()
    guard = Guard.for_env(env, extra=options.never_touch)
    blocks = running_blocks(catalog, env, probe)
    stops = stops_for(guard, blocks, open_files_of(probe))

    found: list[tuple[Target, list[Root], list[Skip]]] = []
    for target in targets:
        if target.records is not None:
            continue  # rows of databases, scanned below
        roots, refused = find_roots(target, env, guard)
        found.append((target, roots, refused))
    all_roots = [r.path for _, roots, _ in found for r in roots]
    walker = Walker(
        stops=stops,
        uid=env.uid,
        case_insensitive=env.os is not OS.LINUX,
        dedup=overlapping(all_roots, env.os),
        progress=progress,
        cancel=cancel,
        mounts=guard.mounts if guard.mounts is not None else MountTable.current(),
        fold=folding(env.os),
        owned=owner.is_users if env.uid is None else None,
        threads=walk_threads(options.threads),
    )

    # The walk makes many small objects and no cycles that outlive it: the cyclic collector
    # would only re-scan the growing plan again and again (a large share of a 200k-file scan).
    collecting = gc.isenabled()
    gc.disable()
    try:
        results = _walk_all(_narrow_first(found, env.os), walker, blocks, env, options, now)
    finally:
        if collecting:
            gc.enable()
    walker.settle_links()
    plans = {
        tid: TargetPlan(tid, roots, FileTable(folders), tuple(ss))
        for tid, roots, folders, ss in results
    }
    record_progress = None
    if progress is not None:
        report = progress

        def record_progress(path: str, done: int, total: int) -> None:
            report(Progress(Phase.SCAN, path, walker.files, walker.bytes, done, total))

    records, records_cancelled = scan_record_targets(
        targets, env, guard, catalog=catalog, probe=probe, keep=options.keep_domains,
        cancel=cancel, progress=record_progress,
    )  # fmt: skip
    plans.update(records)
    if progress is not None:
        progress(Progress(Phase.DONE, "", walker.files, walker.bytes))
    return Plan(
        # in the order the caller selected them, whatever the walk order
        targets=tuple(plans[t.id] for t in targets),
        os=env.os,
        created_at=time.time(),
        cancelled=walker.cancelled or records_cancelled,
    )


def _narrow_first(
    found: list[tuple[Target, list[Root], list[Skip]]], os_: OS
) -> list[tuple[Target, list[Root], list[Skip]]]:
    """The targets in walk order: one whose folder holds another's comes after it.

    A file reached through two selected targets belongs to the first that walks it, so walking
    narrow targets first counts each file under the target that names it most precisely
    (thumbnails under `thumbnails.cache`, not `system.cache`). What is removed is the same.
    Targets that share no folder keep the caller's order; a cycle keeps it too.
    """

    def holds(broad: list[Root], narrow: list[Root]) -> bool:
        return any(
            outer.path != inner.path and is_within(inner.path, outer.path, os_)
            for outer in broad
            for inner in narrow
        )

    remaining = list(found)
    ordered: list[tuple[Target, list[Root], list[Skip]]] = []
    while remaining:
        pick = next(
            (
                item
                for item in remaining
                if not any(holds(item[1], other[1]) for other in remaining if other is not item)
            ),
            remaining[0],
        )
        ordered.append(pick)
        remaining.remove(pick)
    return ordered


def _walk_all(
    found: list[tuple[Target, list[Root], list[Skip]]],
    walker: Walker,
    blocks: dict[str, Reason],
    env: Environment,
    options: ScanOptions,
    now: float,
) -> list[tuple[str, tuple[str, ...], list[FolderFiles], list[Skip]]]:
    """Walk every root of every target in selection order; skips of a place shown once."""
    results: list[tuple[str, tuple[str, ...], list[FolderFiles], list[Skip]]] = []
    shown: set[str] = set()  # skips of a root or place already reported by an earlier target
    for target, roots, refused in found:
        entries: list[FolderFiles] = []
        skips: list[Skip] = [s for s in refused if s.path not in shown]
        shown.update(s.path for s in refused)
        age_cut = _age_cut(target, options, now)
        for root in sorted(roots, key=lambda r: r.path):
            if walker.cancelled:
                break
            why = blocked_by(root.path, blocks, env.os)
            if why is not None:
                if root.path not in shown:
                    skips.append(Skip(root.path, why, target.id))
                    shown.add(root.path)
                continue
            start = len(skips)
            walker.walk(root, target.id, age_cut, entries, skips)
            # A folder skip (a running app's place met below system.cache) is news once.
            kept = [s for s in skips[start:] if s.path not in shown]
            shown.update(s.path for s in skips[start:])
            del skips[start:]
            skips.extend(kept)
        results.append((target.id, tuple(r.path for r in roots), entries, skips))
    return results


__all__ = ["IN_USE", "ScanOptions", "open_files_of", "scan", "stops_for"]
