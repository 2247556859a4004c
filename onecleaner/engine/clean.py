"""Cleaning: executing a plan, each entry checked again just before it goes.

For every entry: the root is still one of its target's roots, still allowed by the guard and
still the real path it was; the file is still the one the scan saw (device, inode, size,
modification time), still owned by the user, not open in any process, not below a running
application's places. Anything else is skipped with a reason. Removal goes through directory
descriptors opened without following links (POSIX), so a folder swapped for a symlink after the
scan cannot redirect a delete. Folders emptied by the clean are pruned; roots stay.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from collections.abc import Callable, Sequence
from operator import attrgetter

from onecleaner.engine.env import Environment
from onecleaner.engine.errors import EngineError
from onecleaner.engine.fsops import Cursor, FdCursor, HomeTrash, UnsafeFolder, make_cursor
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import (
    OS,
    CleanResult,
    DeleteMode,
    EntryKind,
    Phase,
    Plan,
    PlanEntry,
    Progress,
    Skip,
    TargetResult,
)
from onecleaner.engine.roots import CatalogView, Prober, Root, find_roots, running_blocks
from onecleaner.engine.rules import Matcher, compile_globs
from onecleaner.engine.scan import IN_USE, open_files_of

_HAS_BLOCKS = hasattr(os.stat_result, "st_blocks")  # Windows reports no allocated blocks
_REFRESH_EVERY = 2.0  # seconds between re-reads of open files and running applications
_PROGRESS_EVERY = 0.05
CHANGED = "changed since the scan"
GONE = "no longer there"
SWAPPED = "a folder on its path was replaced by a link or moved since the scan (not followed)"
OTHER_FS = "a folder on its path is now on another filesystem"
OTHER_OWNER = "owned by another user"
IN_TRASH = "already in the trash (move to trash does not empty the trash)"


class _Watch:
    """Open files and running applications, re-read every couple of seconds during a clean."""

    def __init__(self, probe: Prober, catalog: CatalogView, env: Environment) -> None:
        self.probe = probe
        self.catalog = catalog
        self.env = env
        self.next = 0.0
        self.open: frozenset[str] = frozenset()
        self.blocks: list[tuple[str, str]] = []
        self.refresh()

    def refresh(self) -> None:
        self.open = open_files_of(self.probe)
        self.blocks = [
            (place, reason)
            for place, reason in running_blocks(self.catalog, self.env, self.probe).items()
        ]
        self.next = time.monotonic() + _REFRESH_EVERY

    def blocked(self, path: str, sep: str) -> tuple[str, str] | None:
        for place, reason in self.blocks:
            if path == place or path.startswith(place + sep):
                return place, reason
        return None


def _trash_folders(env: Environment) -> tuple[str, ...]:
    data = env.vars.get("XDG_DATA_HOME") or os.path.join(env.home, ".local", "share")
    return (os.path.join(data, "Trash"), os.path.join(env.home, ".Trash"))


def _in_trash(path: str, trash: tuple[str, ...], sep: str) -> bool:
    if any(path.startswith(t + sep) for t in trash):
        return True
    return any(part.startswith(".Trash") for part in path.split(sep))


def _reason(exc: OSError) -> str:
    if isinstance(exc, UnsafeFolder):
        return OTHER_FS if exc.errno == errno.EXDEV else SWAPPED
    if isinstance(exc, FileNotFoundError):
        return GONE
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        return SWAPPED
    if isinstance(exc, PermissionError):
        return "could not remove: permission denied"
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return IN_USE
    return f"could not remove: {exc.strerror or exc}"


class _Cleaner:
    """One clean run: the shared checks, counters and progress."""

    def __init__(
        self,
        env: Environment,
        catalog: CatalogView,
        watch: _Watch,
        mode: DeleteMode,
        dry_run: bool,
        progress: Callable[[Progress], None] | None,
        cancel: threading.Event | None,
        total: int,
        never_touch: Sequence[str] = (),
    ) -> None:
        self.env = env
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
        self.bytes = 0
        self._last = 0.0
        self.guard = Guard.for_env(env, extra=never_touch)
        # Protected places, for a plan that reaches into one (an old or edited plan file).
        self.protected = self.guard.protected
        self.trash_folders = _trash_folders(env)
        self.home_trash = (
            HomeTrash(self.trash_folders[0])
            if mode is DeleteMode.TRASH and env.os is OS.LINUX
            else None
        )

    def report(self, current: str, phase: Phase = Phase.CLEAN) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if now - self._last >= _PROGRESS_EVERY or phase is Phase.DONE:
            self._last = now
            self.progress(Progress(phase, current, self.files, self.bytes, self.done, self.total))

    def target(self, tid: str, entries: Sequence[PlanEntry]) -> TargetResult:
        removed = freed = 0
        skips: list[Skip] = []
        try:
            target = self.catalog.target(tid)
        except EngineError:
            if entries:
                skips.append(Skip(entries[0].root, "unknown target: scan again", tid))
            self.done += len(entries)
            return TargetResult(tid, 0, 0, tuple(skips))
        roots, _ = find_roots(target, self.env, self.guard)
        current = {r.path: r for r in roots}
        by_root: dict[str, list[PlanEntry]] = {}
        for e in entries:
            by_root.setdefault(e.root, []).append(e)
        for root_path, group in by_root.items():
            if self.cancelled:
                break
            root = current.get(root_path)
            why = None
            if root is None:
                why = self.guard.refusal(os.path.realpath(root_path)) or (
                    "its folder is no longer one of this target's places; scan again"
                )
            elif os.path.realpath(root_path) != root_path:
                why = "its folder now resolves elsewhere; " + CHANGED
            if why is not None:
                skips.append(Skip(root_path, why, tid))
                self.done += len(group)
                continue
            assert root is not None
            r, f = self._root(root, tid, group, skips)
            removed += r
            freed += f
        return TargetResult(tid, removed, freed, tuple(skips))

    def _root(
        self, root: Root, tid: str, group: list[PlanEntry], skips: list[Skip]
    ) -> tuple[int, int]:
        """Remove the entries below one root; returns (removed, freed)."""
        sep = os.sep
        if root.is_file:
            base = os.path.dirname(root.path)
            prefix = base + sep
            prune = False
        else:
            base = root.path
            prefix = base + sep
            prune = root.rule.prune
        try:
            cursor = make_cursor(base, prune=prune)
        except OSError as exc:
            skips.append(Skip(root.path, _reason(exc), tid))
            self.done += len(group)
            return 0, 0
        keep = (
            compile_globs(root.rule.keep, case_insensitive=self.env.os is not OS.LINUX)
            if root.rule.keep and not root.is_file
            else None
        )
        try:
            return self._entries(root, tid, sorted(group, key=attrgetter("path")), cursor,
                                 prefix, keep, skips)  # fmt: skip
        finally:
            cursor.close()

    def _entries(
        self,
        root: Root,
        tid: str,
        group: list[PlanEntry],
        cursor: Cursor,
        prefix: str,
        keep: Matcher | None,
        skips: list[Skip],
    ) -> tuple[int, int]:
        sep = os.sep
        watch = self.watch
        uid = self.env.uid
        cancel = self.cancel
        dry = self.dry_run
        trash = self.mode is DeleteMode.TRASH
        fd_cursor = cursor if isinstance(cursor, FdCursor) else None
        removed = freed = 0
        reported_places: set[str] = set()
        last_dir = ""
        dir_stop: str | None = None
        n_prefix = len(prefix)
        for i, e in enumerate(group):
            if cancel is not None and cancel.is_set():
                self.cancelled = True
                break
            if i & 63 == 0:
                if time.monotonic() >= watch.next:
                    watch.refresh()
                self.report(e.path)
            self.done += 1
            path = e.path
            if root.is_file:
                if path != root.path:
                    skips.append(Skip(path, "not its target's file; scan again", tid))
                    continue
                parts: list[str] = []
                name = os.path.basename(path)
            else:
                if not path.startswith(prefix) or len(path) == n_prefix:
                    skips.append(Skip(path, "not inside its target's folder; scan again", tid))
                    continue
                rel = path[n_prefix:]
                parts = rel.split(sep)
                name = parts.pop()
                if name in ("", ".", ".."):
                    skips.append(Skip(path, "not a plain file path; scan again", tid))
                    continue
                if keep is not None and keep(rel if sep == "/" else rel.replace(sep, "/")):
                    skips.append(Skip(path, "kept by its target's rules; scan again", tid))
                    continue
            folder = path[: len(path) - len(name) - 1]
            if folder != last_dir:
                last_dir = folder
                dir_stop = self._protected(folder, sep)
            if dir_stop is not None:
                skips.append(Skip(path, dir_stop, tid))
                continue
            if watch.blocks:
                hit = watch.blocked(path, sep)
                if hit is not None:
                    if hit[0] not in reported_places:
                        reported_places.add(hit[0])
                        skips.append(Skip(hit[0], hit[1], tid))
                    continue
            if path in watch.open:
                skips.append(Skip(path, IN_USE, tid))
                continue
            if trash and _in_trash(path, self.trash_folders, sep):
                skips.append(Skip(path, IN_TRASH, tid))
                continue
            try:
                cursor.goto(parts)
                st = cursor.lstat(name)
            except OSError as exc:
                skips.append(Skip(path, _reason(exc), tid))
                continue
            ident = e.identity
            mode = st.st_mode
            if (
                st.st_ino != ident.ino
                or st.st_dev != ident.dev
                or st.st_size != ident.size
                or st.st_mtime_ns != ident.mtime_ns
                or not (stat.S_ISLNK(mode) if e.kind is EntryKind.LINK else stat.S_ISREG(mode))
            ):
                skips.append(Skip(path, CHANGED, tid))
                continue
            if uid is not None and st.st_uid != uid:
                skips.append(Skip(path, OTHER_OWNER, tid))
                continue
            if dry:
                removed += 1
                freed += e.frees
                continue
            try:
                if trash:
                    self._to_trash(cursor, fd_cursor, name)
                else:
                    cursor.unlink(name, st)
            except OSError as exc:
                if trash:
                    skips.append(Skip(path, f"could not move to the trash: {_reason(exc)}", tid))
                else:
                    skips.append(Skip(path, _reason(exc), tid))
                continue
            cursor.mark_removed()
            removed += 1
            if trash:
                gain = e.frees  # what emptying the trash will free
            elif st.st_nlink > 1:
                gain = 0  # another link keeps the data
            else:
                gain = st.st_blocks * 512 if _HAS_BLOCKS else st.st_size
            freed += gain
            self.files += 1
            self.bytes += gain
        return removed, freed

    def _protected(self, folder: str, sep: str) -> str | None:
        """Why nothing in `folder` may go (a protected place at or above it), or None."""
        for p in self.protected:
            if folder == p.path or folder.startswith(p.path + sep):
                if any(folder == ex or folder.startswith(ex + sep) for ex in p.exceptions):
                    continue
                return f"never cleaned: {p.reason}"
        return None

    def _to_trash(self, cursor: Cursor, fd_cursor: FdCursor | None, name: str) -> None:
        path = cursor.path_of(name)
        if fd_cursor is not None and self.home_trash is not None:
            try:
                self.home_trash.move(fd_cursor.fds[-1], name, path)
                return
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
            # Another disk: send2trash finds its trash folder, by path. Make sure the path
            # still leads to the folder the cursor checked.
            here = os.stat(os.path.dirname(path))
            mine = os.fstat(fd_cursor.fds[-1])
            if (here.st_dev, here.st_ino) != (mine.st_dev, mine.st_ino):
                raise UnsafeFolder(errno.ELOOP, SWAPPED, path)
        from send2trash import send2trash

        send2trash(path)

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
) -> CleanResult:
    """Remove what `plan` holds, re-checking every entry first; report what was done.

    `never_touch` is the user's own list (settings), as given to the scan.
    """
    from onecleaner.engine.processes import disk_free

    if probe is None:
        from onecleaner.engine.processes import ProcessProbe

        probe = ProcessProbe()
    roots = sorted({r for t in plan.targets for r in t.roots} | {
        e.root for t in plan.targets for e in t.entries[:1]
    })  # fmt: skip
    before = disk_free(roots)
    cleaner = _Cleaner(
        env,
        catalog,
        _Watch(probe, catalog, env),
        mode,
        dry_run,
        progress,
        cancel,
        total=plan.files,
        never_touch=never_touch,
    )
    results: list[TargetResult] = []
    try:
        for tp in plan.targets:
            if cleaner.cancelled:
                results.append(TargetResult(tp.target_id, 0, 0, ()))
                continue
            results.append(cleaner.target(tp.target_id, tp.entries))
    finally:
        cleaner.close()
    cleaner.report("", Phase.DONE)
    return CleanResult(
        targets=tuple(results),
        mode=mode,
        dry_run=dry_run,
        cancelled=cleaner.cancelled,
        disk_free_before=before,
        disk_free_after=disk_free(roots) if not dry_run else dict(before),
    )


__all__ = ["CHANGED", "GONE", "SWAPPED", "clean"]
