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
import stat
import threading
import time
from collections.abc import Callable, Sequence
from typing import NamedTuple

from onecleaner.engine import owner
from onecleaner.engine.entries import allocated_bytes
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import EngineError
from onecleaner.engine.fsops import (
    Cursor,
    FdCursor,
    HomeTrash,
    MountCrossing,
    make_cursor,
    move_to_trash,
)
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
    TrashedFile,
)
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.paths import folding
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.recheck import (
    CHANGED,
    GONE,
    IN_TRASH,
    KEPT,
    NOT_A_PATH,
    NOT_INSIDE,
    OTHER_OWNER,
    SWAPPED,
    KeepTest,
    ProtectedPlaces,
    Watch,
    in_trash,
    reason_for,
    trash_folders,
)
from onecleaner.engine.records.clean import clean_record_target
from onecleaner.engine.records.scan import running_apps
from onecleaner.engine.roots import CatalogView, Prober, Root, find_roots
from onecleaner.engine.rules import Matcher
from onecleaner.engine.scan import IN_USE

_PROGRESS_EVERY = 0.05
_NOT_NAMES = frozenset(("", ".", ".."))
_S_IFMT, _S_IFREG, _S_IFLNK = 0o170000, stat.S_IFREG, stat.S_IFLNK


class _Folder(NamedTuple):
    """The folder a clean stands in, checked once for all its files."""

    here: str  # its path with a separator ("\0", which no path starts with, for none)
    path: str
    stop: Reason | None  # why none of its files may go, or None
    stop_place: str = ""  # the place behind `stop` (a running application's, a mount point)
    name_keep: Matcher | None = None  # the keep test of a file's name
    path_keep: Matcher | None = None  # the keep test of a file's relative path
    rel_prefix: str = ""  # its path relative to the root, with a '/'
    fd: int = -1  # its descriptor, or -1
    protected: dict[str, Reason] | None = None  # protected names in it (folded), or None


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

    def target(self, tid: str, entries: Sequence[PlanEntry]) -> TargetResult:
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
        by_root: dict[str, list[PlanEntry]] = {}
        for e in entries:
            by_root.setdefault(e.root, []).append(e)
        for root_path, group in by_root.items():
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
                self.done += len(group)
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

    def _root(
        self, root: Root, tid: str, group: list[PlanEntry], skips: list[Skip]
    ) -> tuple[int, int]:
        """Remove the entries below one root; returns (removed, bytes): the bytes freed, or in
        trash mode the bytes moved to the trash."""
        sep = os.sep
        if root.is_file:
            base = os.path.dirname(root.path)
            prune = False
        else:
            base = root.path
            prune = root.rule.prune
        try:
            cursor = make_cursor(base, prune=prune, mounts=self.mounts)
        except OSError as exc:
            skips.append(Skip(root.path, reason_for(exc), tid))
            self.done += len(group)
            return 0, 0
        keep = (
            KeepTest.of(root.rule.keep, case_insensitive=self.env.os is not OS.LINUX)
            if root.rule.keep and not root.is_file
            else None
        )
        if root.is_file:
            kept = [e for e in group if e.path == root.path]
            for e in group:
                if e.path != root.path:
                    skips.append(Skip(e.path, Reason.of(SkipCode.NOT_TARGET_FILE), tid))
            self.done += len(group) - len(kept)
            group = kept
        # Where no uid tells whose a file is (Windows), an owner_only root asks its owner.
        owned = owner.is_users if root.rule.owner_only and self.env.uid is None else None
        try:
            return self._entries(tid, group, cursor, base + sep, keep, skips, owned)
        finally:
            cursor.close()

    def _entries(
        self,
        tid: str,
        group: Sequence[PlanEntry],
        cursor: Cursor,
        prefix: str,
        keep: KeepTest | None,
        skips: list[Skip],
        owned: Callable[[str], bool] | None = None,
    ) -> tuple[int, int]:
        """Re-check and remove the entries below one root; returns (removed, freed).

        Entries come folder by folder (a scan lists a folder's files together; the GUI sorts
        them by path). Whenever the folder changes, the checks that hold for a whole folder are
        made once (`_enter`); each file then gets a tight loop: its own name, the exact-path
        checks, a fresh stat through the folder's descriptor compared with the scan's
        identity, its owner, and the removal.
        """
        sep = os.sep
        altsep = os.altsep
        watch = self.watch
        uid = self.env.uid
        is_set = self.cancel.is_set if self.cancel is not None else None
        dry = self.dry_run
        trash = self.mode is DeleteMode.TRASH
        fd_cursor = cursor if isinstance(cursor, FdCursor) else None
        lstat = os.lstat
        unlink = os.unlink
        link_kind = EntryKind.LINK
        not_names = _NOT_NAMES
        fold = self.protected.fold
        places = watch.places
        open_files = watch.open
        removed = freed = done = 0
        done0, files0, bytes0 = self.done, self.files, self.bytes
        reported: set[str] = set()
        emptied = False
        # The current folder's state; "\0" (no real path starts with it) means none yet.
        here, cut, folder, stop_place = "\0", 1, "", ""
        stop: Reason | None = NOT_A_PATH
        name_keep: Matcher | None = None
        name_ends = keep.name_ends if keep is not None else ("",)
        path_keep: Matcher | None = None
        rel_prefix = ""
        fd = -1
        protected_here: dict[str, Reason] | None = None
        for e in group:
            if is_set is not None and is_set():
                self.cancelled = True
                break
            if done & 63 == 0:  # now and then: progress, fresh open files and applications
                self.done = done0 + done
                if not dry:
                    self.files, self.bytes = files0 + removed, bytes0 + (0 if trash else freed)
                if time.monotonic() >= watch.next:
                    watch.refresh()
                    places = watch.places
                    open_files = watch.open
                    if stop is None and watch.blocks:  # an application started meanwhile
                        hit = watch.blocked(folder, sep)
                        if hit is not None:
                            stop_place, stop = hit
                self.report(e.path)
            done += 1
            path = e.path
            name = path[cut:]
            if not path.startswith(here) or sep in name:  # another folder
                if emptied:
                    cursor.mark_removed()
                    emptied = False
                (here, folder, stop, stop_place, name_keep, path_keep, rel_prefix, fd,
                 protected_here) = self._enter(path, prefix, cursor, fd_cursor, keep)  # fmt: skip
                cut = len(here)
                name = path[cut:]
            if stop is not None:
                if not stop_place:
                    skips.append(Skip(path, stop, tid))
                elif stop_place not in reported:
                    reported.add(stop_place)
                    skips.append(Skip(stop_place, stop, tid))
                continue
            if name in not_names or (altsep is not None and altsep in name):
                skips.append(Skip(path, NOT_A_PATH, tid))
                continue
            if (name_keep is not None and name.endswith(name_ends) and name_keep(name)) or (
                path_keep is not None and path_keep(rel_prefix + name)
            ):
                skips.append(Skip(path, KEPT, tid))
                continue
            if protected_here is not None:
                key = name if fold is None else fold(name)
                if key in protected_here:
                    skips.append(Skip(path, protected_here[key], tid))
                    continue
            if path in places:
                if path not in reported:
                    reported.add(path)
                    skips.append(Skip(path, places[path], tid))
                continue
            if path in open_files:
                skips.append(Skip(path, IN_USE, tid))
                continue
            if trash and name.startswith(".Trash"):
                skips.append(Skip(path, IN_TRASH, tid))
                continue
            try:
                st = lstat(name, dir_fd=fd) if fd >= 0 else cursor.lstat(name)
            except (OSError, ValueError) as exc:
                skips.append(Skip(path, reason_for(exc), tid))
                continue
            ident = e.identity
            if (
                st.st_ino != ident.ino
                or st.st_dev != ident.dev
                or st.st_size != ident.size
                or st.st_mtime_ns != ident.mtime_ns
                or st.st_mode & _S_IFMT != (_S_IFLNK if e.kind is link_kind else _S_IFREG)
            ):
                skips.append(Skip(path, CHANGED, tid))
                continue
            if (uid is not None and st.st_uid != uid) or (
                owned is not None and not owned(cursor.path_of(name))
            ):
                skips.append(Skip(path, OTHER_OWNER, tid))
                continue
            if dry:
                removed += 1
                freed += e.frees  # what a clean would free (or, in trash mode, move)
                continue
            try:
                if trash:
                    went = move_to_trash(cursor, fd_cursor, self.home_trash, name, st)
                    if went is not None:
                        self.trashed.append(TrashedFile(tid, *went))
                elif fd >= 0:
                    unlink(name, dir_fd=fd)
                else:
                    cursor.unlink(name, st)
            except OSError as exc:
                why = reason_for(exc)
                if trash:
                    why = Reason.of(SkipCode.TRASH_FAILED, cause=why)
                skips.append(Skip(path, why, tid))
                continue
            emptied = True
            removed += 1
            if trash:
                freed += e.frees  # moved, not freed: the caller counts it as in the trash
            elif st.st_nlink == 1:  # otherwise another link keeps the data
                freed += allocated_bytes(st)
        if emptied:
            cursor.mark_removed()
        self.done = done0 + done
        if not dry:
            self.files, self.bytes = files0 + removed, bytes0 + (0 if trash else freed)
        return removed, freed

    def _enter(
        self,
        path: str,
        prefix: str,
        cursor: Cursor,
        fd_cursor: FdCursor | None,
        keep: KeepTest | None,
    ) -> _Folder:
        """Stand in the folder of `path`, checked as a whole (see `_Folder`)."""
        sep = os.sep
        n_prefix = len(prefix)
        if not path.startswith(prefix) or len(path) == n_prefix:
            return _Folder("\0", "", NOT_INSIDE)
        folder = path[: path.rindex(sep)]
        here = folder + sep
        rel_dir = folder[n_prefix:] if len(folder) >= n_prefix else ""
        parts = rel_dir.split(sep) if rel_dir else []
        rel = "/".join(parts)
        name_keep = path_keep = None
        why = None
        if keep is not None:
            if rel and keep.full(rel):
                why = KEPT
            name_keep = keep.names
            if keep.anchored is not None and keep.anchored.may_match_below(rel):
                path_keep = keep.anchored
        if why is None:
            why = self.protected.above(folder, sep)
        if why is None and self.trash and in_trash(folder, self.trash_folders, sep):
            why = IN_TRASH
        if why is None and self.watch.blocks:
            hit = self.watch.blocked(folder, sep)
            if hit is not None:
                return _Folder(here, folder, hit[1], hit[0])
        if why is None:
            try:
                cursor.goto(parts)
            except MountCrossing as exc:  # one skip names the mount point, not each file
                return _Folder(here, folder, reason_for(exc), str(exc.filename))
            except (OSError, ValueError) as exc:
                why = reason_for(exc)
        if why is not None:
            return _Folder(here, folder, why)
        return _Folder(
            here,
            folder,
            None,
            "",
            name_keep,
            path_keep,
            rel + "/" if rel else "",
            fd_cursor.fds[-1] if fd_cursor is not None else -1,
            self.protected.named_in(folder),
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
) -> CleanResult:
    """Remove what `plan` holds, re-checking every entry first; report what was done.

    `never_touch` is the user's own list (settings), as given to the scan; `keep_domains` is
    the cookie keep-list now (record targets keep it on top of what their scan kept).
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
        Watch(probe, catalog, env),
        mode,
        dry_run,
        progress,
        cancel,
        total=plan.files,
        never_touch=never_touch,
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
        trashed=tuple(cleaner.trashed),
        trash_folder=cleaner.home_trash.folder if cleaner.home_trash is not None else "",
    )


__all__ = ["CHANGED", "GONE", "SWAPPED", "clean"]
