"""Cleaning: executing a plan, each entry checked again just before it goes.

For every entry: the root is still one of its target's roots, still allowed by the guard and
still the real path it was; the file is still the one the scan saw (device, inode, size,
modification time), still owned by the user, not open in any process, not below a running
application's places. Anything else is skipped with a reason. Removal goes through directory
descriptors opened without following links (POSIX), so a folder swapped for a symlink after the
scan cannot redirect a delete. Folders emptied by the clean are pruned; roots stay.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from onecleaner.engine import owner
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import EngineError
from onecleaner.engine.filetable import FileTable, FolderFiles
from onecleaner.engine.fsops import HomeTrash
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import (
    OS,
    CleanResult,
    DeleteMode,
    Phase,
    Plan,
    Progress,
    Skip,
    TargetResult,
    TrashedFile,
)
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.paths import folding
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.recheck import (
    CHANGED,
    GONE,
    SWAPPED,
    KeepTest,
    ProtectedPlaces,
    Watch,
    reason_for,
    trash_folders,
)
from onecleaner.engine.records.clean import clean_record_target
from onecleaner.engine.records.scan import running_apps
from onecleaner.engine.removal import CleanChecks, RootRemoval, Tally
from onecleaner.engine.roots import CatalogView, Prober, Root, find_roots
from onecleaner.engine.threads import clean_threads

_PROGRESS_EVERY = 0.05


def by_root(entries: FileTable) -> dict[str, list[FolderFiles]]:
    """A target's folders grouped by the root they were found under, in plan order."""
    groups: dict[str, list[FolderFiles]] = {}
    for f in entries.folders:
        groups.setdefault(f.root, []).append(f)
    return groups


class _Cleaner:
    """One clean run: the shared checks, counters and progress."""

    def __init__(
        self,
        env: Environment,
        catalog: CatalogView,
        watch: Watch,
        mode: DeleteMode,
        dry_run: bool,
        progress: Callable[[Progress], None] | None,
        cancel: threading.Event | None,
        total: int,
        never_touch: Sequence[str] = (),
        threads: int = 1,
    ) -> None:
        self.env = env
        self.threads = threads
        self.catalog = catalog
        self.watch = watch
        self.mode = mode
        self.dry_run = dry_run
        self.progress = progress
        self.cancel = cancel
        self.cancelled = False
        self.total = total
        self.done = 0
        self.files = 0
        self.bytes = 0  # freed so far (a file moved to the trash frees nothing yet)
        self._last = 0.0
        self.guard = Guard.for_env(env, extra=never_touch)
        # Protected places, for a plan that reaches into one (an old or edited plan file).
        self.protected = ProtectedPlaces(self.guard.protected, folding(env.os))
        # Read once per clean; each folder the cursor opens is also asked with statx.
        self.mounts = (
            self.guard.mounts if self.guard.mounts is not None else MountTable.current()
        ).points
        self.trash_folders = trash_folders(env)
        self.trash = mode is DeleteMode.TRASH
        self.home_trash = (
            HomeTrash(self.trash_folders[0])
            if mode is DeleteMode.TRASH and env.os is OS.LINUX
            else None
        )
        self.trashed: list[TrashedFile] = []

    def report(self, current: str, phase: Phase = Phase.CLEAN) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if now - self._last >= _PROGRESS_EVERY or phase is Phase.DONE:
            self._last = now
            self.progress(Progress(phase, current, self.files, self.bytes, self.done, self.total))

    def target(self, tid: str, entries: FileTable) -> TargetResult:
        removed = freed = 0
        skips: list[Skip] = []
        try:
            target = self.catalog.target(tid)
        except EngineError:
            if entries:
                skips.append(Skip(entries[0].root, Reason.of(SkipCode.UNKNOWN_TARGET), tid))
            self.done += len(entries)
            return TargetResult(tid, 0, 0, tuple(skips))
        roots, refused = find_roots(target, self.env, self.guard)
        current = {r.path: r for r in roots}
        refusals = {os.path.realpath(s.path): s.reason for s in refused}
        for root_path, group in by_root(entries).items():
            if self.cancelled:
                break
            root = current.get(root_path)
            why = None
            if root is None:
                resolved = os.path.realpath(root_path)
                why = (
                    refusals.get(resolved)
                    or self.guard.refusal(resolved)
                    or Reason.of(SkipCode.ROOT_NOT_CURRENT)
                )
            elif os.path.realpath(root_path) != root_path:
                why = Reason.of(SkipCode.ROOT_MOVED)
            if why is not None:
                skips.append(Skip(root_path, why, tid))
                self.done += sum(len(f) for f in group)
                continue
            assert root is not None
            r, f = self._root(root, tid, group, skips)
            removed += r
            freed += f
        return self.result(tid, removed, freed, skips)

    def result(self, tid: str, removed: int, size: int, skips: list[Skip]) -> TargetResult:
        """What a target's clean did: `size` left the disk, or went to the trash with its files
        (where it still takes its space)."""
        if self.trash:
            return TargetResult(tid, removed, 0, tuple(skips), trashed=removed, trashed_bytes=size)
        return TargetResult(tid, removed, size, tuple(skips))

    def _checks(self) -> CleanChecks:
        return CleanChecks(
            uid=self.env.uid,
            watch=self.watch,
            protected=self.protected,
            trash_folders=self.trash_folders,
            trash=self.trash,
            dry_run=self.dry_run,
            home_trash=self.home_trash,
            trashed=self.trashed,
            mounts=self.mounts,
            cancel=self.cancel,
        )

    def _root(
        self, root: Root, tid: str, folders: list[FolderFiles], skips: list[Skip]
    ) -> tuple[int, int]:
        """Remove the entries below one root; returns (removed, bytes): the bytes freed, or in
        trash mode the bytes moved to the trash."""
        if root.is_file:
            base = os.path.dirname(root.path)
            prune = False
            folders = self._only_the_file(root, tid, folders, skips)
        else:
            base = root.path
            prune = root.rule.prune
        keep = (
            KeepTest.of(root.rule.keep, case_insensitive=self.env.os is not OS.LINUX)
            if root.rule.keep and not root.is_file
            else None
        )
        # Where no uid tells whose a file is (Windows), an owner_only root asks its owner.
        owned = owner.is_users if root.rule.owner_only and self.env.uid is None else None
        removal = RootRemoval(self._checks(), tid, base, prune=prune, keep=keep, owned=owned)
        done0, files0, bytes0 = self.done, self.files, self.bytes
        tally = Tally()

        def report(tallies: list[Tally]) -> None:
            self.done = done0 + sum(t.done for t in tallies)
            if not self.dry_run:
                self.files = files0 + sum(t.removed for t in tallies)
                self.bytes = bytes0 + (0 if self.trash else sum(t.freed for t in tallies))
            self.report(max((t.current for t in tallies), key=len))

        try:
            removed, size, found = removal.run(
                folders, threads=self.threads, tally=tally, report=report
            )
        except OSError as exc:  # the root itself cannot be entered: nothing was removed
            skips.append(Skip(root.path, reason_for(exc), tid))
            self.done += sum(len(f) for f in folders)
            return 0, 0
        skips.extend(found)
        self.cancelled = self.cancelled or removal.cancelled
        self.done = done0 + tally.done
        if not self.dry_run:
            self.files, self.bytes = files0 + removed, bytes0 + (0 if self.trash else size)
        return removed, size

    def _only_the_file(
        self, root: Root, tid: str, folders: list[FolderFiles], skips: list[Skip]
    ) -> list[FolderFiles]:
        """A single-file root removes that file only: any other entry is skipped."""
        kept: list[FolderFiles] = []
        for f in folders:
            rows = [i for i, name in enumerate(f.names) if f.prefix + name == root.path]
            for i, name in enumerate(f.names):
                if i not in rows:
                    skips.append(Skip(f.prefix + name, Reason.of(SkipCode.NOT_TARGET_FILE), tid))
            self.done += len(f) - len(rows)
            if rows:
                kept.append(f if len(rows) == len(f) else f.only(rows))
        return kept

    def finish(
        self,
        results: Sequence[TargetResult],
        before: Mapping[str, int],
        roots: Sequence[str],
        trash_roots: Mapping[str, tuple[str, ...]] | None = None,
    ) -> CleanResult:
        """The clean's report once every target is done (free space measured again)."""
        from onecleaner.engine.processes import disk_free

        self.report("", Phase.DONE)
        return CleanResult(
            targets=tuple(results),
            mode=self.mode,
            dry_run=self.dry_run,
            cancelled=self.cancelled,
            disk_free_before=before,
            disk_free_after=disk_free(roots) if not self.dry_run else dict(before),
            trashed=tuple(self.trashed),
            trash_folder=self.home_trash.folder if self.home_trash is not None else "",
            trash_roots=trash_roots if self.trashed and trash_roots else {},
        )

    def close(self) -> None:
        if self.home_trash is not None:
            self.home_trash.close()


def clean(
    plan: Plan,
    env: Environment,
    *,
    catalog: CatalogView,
    mode: DeleteMode = DeleteMode.PERMANENT,
    dry_run: bool = False,
    probe: Prober | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    never_touch: Sequence[str] = (),
    keep_domains: Sequence[str] = (),
    threads: int | None = None,
) -> CleanResult:
    """Remove what `plan` holds, re-checking every entry first; report what was done.

    `never_touch` is the user's own list (settings), as given to the scan; `keep_domains` is
    the cookie keep-list now (record targets keep it on top of what their scan kept).
    `threads`: how many folders are removed at once (None: ONECLEANER_THREADS or the default).
    """
    from onecleaner.engine.processes import disk_free

    if probe is None:
        from onecleaner.engine.processes import ProcessProbe

        probe = ProcessProbe()
    roots = sorted({r for t in plan.targets for r in t.roots} | {
        f.root for t in plan.targets for f in t.table.folders[:1]
    })  # fmt: skip
    before = disk_free(roots)
    cleaner = _Cleaner(
        env,
        catalog,
        Watch(probe, catalog, env),
        mode,
        dry_run,
        progress,
        cancel,
        total=plan.files,
        never_touch=never_touch,
        threads=clean_threads(threads),
    )
    results: list[TargetResult] = []
    has_records = any(tp.databases for tp in plan.targets)
    running = running_apps(catalog, env, probe) if has_records else {}
    try:
        for tp in plan.targets:
            if cleaner.cancelled:
                results.append(TargetResult(tp.target_id, 0, 0, ()))
                continue
            if tp.databases:  # a record target: rows of browser databases (engine/records)
                result, cleaner.cancelled = clean_record_target(
                    tp, env, catalog=catalog, guard=cleaner.guard, running=running,
                    keep=keep_domains, trash=mode is DeleteMode.TRASH, dry_run=dry_run,
                    cancel=cancel, on_database=cleaner.report,
                )  # fmt: skip
                results.append(result)
                continue
            results.append(cleaner.target(tp.target_id, tp.table))
    finally:
        cleaner.close()
    return cleaner.finish(results, before, roots)


__all__ = ["CHANGED", "GONE", "SWAPPED", "clean"]
