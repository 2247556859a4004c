"""Cleaning a finder's plan: the cleaner's own re-checked removal, with the finders' places.

Each entry gets exactly the checks of `engine.clean` (same identity as when found, still below
its root, the user's own, not open, no running application's place, never through a link), by
running the same cleaner; only the roots differ. A finder's root is checked against the
finders' places instead of a catalog target: a folder that was searched (large, old) or an
artefact folder that must still be build output beside its marker (artefacts). The user's own
folders may hold candidates, but are never removed: large and old plans never remove folders,
and an artefact's plan removes only the folders it empties, then the artefact folder itself.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from onecleaner.engine.clean import _Cleaner, by_root
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import PlanFileError
from onecleaner.engine.filetable import FileTable
from onecleaner.engine.finders.artefacts import rule_of
from onecleaner.engine.finders.found import FinderKind
from onecleaner.engine.finders.places import FinderPlaces, in_vcs
from onecleaner.engine.finders.walk import IS_POSIX
from onecleaner.engine.fsops import open_dir_nofollow
from onecleaner.engine.model import (
    CleanResult,
    DeleteMode,
    PathRule,
    Plan,
    Progress,
    Skip,
    TargetPlan,
    TargetResult,
)
from onecleaner.engine.mounts import MountTable, is_mount_root
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.recheck import ProtectedPlaces, Watch
from onecleaner.engine.roots import CatalogView, Prober, Root

_REPARSE = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
IN_VCS = Reason.of(SkipCode.IN_VCS)
NOT_ARTEFACT = Reason.of(SkipCode.NOT_ARTEFACT)
ROOT_MOVED = Reason.of(SkipCode.ROOT_MOVED)
MOUNT_POINT = Reason.of(SkipCode.MOUNT_POINT)
UNKNOWN_TARGET = Reason.of(SkipCode.UNKNOWN_TARGET)


def default_mode(plan: Plan) -> DeleteMode:
    """How a finder plan is removed unless the user says otherwise: user files to the trash,
    build artefacts deleted (the trash when the plan mixes both)."""
    kinds = {FinderKind.of_target(t.target_id) for t in plan.targets if t.entries}
    return DeleteMode.PERMANENT if kinds == {FinderKind.ARTEFACTS} else DeleteMode.TRASH


class _FoundCleaner(_Cleaner):
    """The cleaner, with roots taken from the finder's plan and checked as the finders do."""

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
        *,
        never_touch: Sequence[str],
        places: FinderPlaces,
        mounts: MountTable,
    ) -> None:
        super().__init__(
            env, catalog, watch, mode, dry_run, progress, cancel, total, never_touch=never_touch
        )
        self.places = places
        self.mount_table = mounts
        self.mounts = mounts.points  # what the base cleaner's cursors check
        # The user's own folders may hold what a finder found; every other place still stops.
        self.protected = ProtectedPlaces(places.protected)
        self.folders_removed = 0

    def target(self, tid: str, entries: FileTable) -> TargetResult:
        kind = FinderKind.of_target(tid)
        skips: list[Skip] = []
        if kind is None:  # only finder targets here; the catalog's go through clean()
            if entries:
                skips.append(Skip(entries[0].root, UNKNOWN_TARGET, tid))
            self.done += len(entries)
            return TargetResult(tid, 0, 0, tuple(skips))
        removed = freed = 0
        for root_path, group in by_root(entries).items():
            if self.cancelled:
                break
            why = self._refusal(kind, root_path)
            if why is not None:
                skips.append(Skip(root_path, why, tid))
                self.done += sum(len(f) for f in group)
                continue
            kept = []
            for files in group:
                rows = []
                for i, name in enumerate(files.names):
                    path = files.prefix + name
                    if in_vcs(path[len(root_path) :]):
                        skips.append(Skip(path, IN_VCS, tid))
                        self.done += 1
                    else:
                        rows.append(i)
                if rows:
                    kept.append(files if len(rows) == len(files) else files.only(rows))
            artefact = kind is FinderKind.ARTEFACTS
            root = Root(root_path, PathRule(root_path, prune=artefact), False)
            r, f = self._root(root, tid, kept, skips)
            removed += r
            freed += f
            if artefact and not self.dry_run and not self.cancelled:
                self.folders_removed += remove_empty_folders(root_path, self.mount_table)
        return self.result(tid, removed, freed, skips)

    def _refusal(self, kind: FinderKind, root: str) -> Reason | None:
        """Why nothing below a planned root may go now, or None."""
        try:
            resolved = os.path.realpath(root)
        except (OSError, ValueError):
            return ROOT_MOVED
        if resolved != root:
            return ROOT_MOVED
        why = self.places.refusal(resolved)
        if why is not None:
            return why
        if kind is FinderKind.ARTEFACTS:
            if self.mount_table.is_mount_point(root):
                return MOUNT_POINT
            if self.places.is_user_folder(root) or rule_of(root) is None:
                return NOT_ARTEFACT
        return None


def remove_empty_folders(root: str, mounts: MountTable) -> int:
    """Remove the empty folders below `root`, then `root` itself if it is empty; returns how
    many went.

    Only empty folders are ever removed (rmdir), through descriptors opened without
    following links, never across a mount point: a file left behind (skipped, or new since
    the finder) keeps its folders.
    """
    if not IS_POSIX:
        return _remove_empty_by_path(root)
    try:
        parent = open_dir_nofollow(os.path.dirname(root))
    except OSError:
        return 0
    removed = 0
    try:
        name = os.path.basename(root)
        try:
            top = os.open(name, _DIR_FLAGS, dir_fd=parent)
        except OSError:
            return 0
        dev = os.fstat(top).st_dev
        # Each frame: an open folder, its path, the subfolder names still to visit.
        frames: list[tuple[int, str, list[str]]] = [(top, root, _subfolders(top))]
        try:
            while frames:
                fd, path, pending = frames[-1]
                if not pending:
                    frames.pop()
                    os.close(fd)
                    if frames:
                        removed += _rmdir(os.path.basename(path), frames[-1][0])
                    continue
                child_name = pending.pop()
                child_path = os.path.join(path, child_name)
                try:
                    child = os.open(child_name, _DIR_FLAGS, dir_fd=fd)
                except OSError:
                    continue
                if (
                    os.fstat(child).st_dev != dev
                    or mounts.is_mount_point(child_path)
                    or is_mount_root(child)
                ):
                    os.close(child)
                    continue
                frames.append((child, child_path, _subfolders(child)))
        finally:
            for frame in frames:
                os.close(frame[0])
        removed += _rmdir(name, parent)
    finally:
        os.close(parent)
    return removed


def _remove_empty_by_path(root: str) -> int:
    """Windows: the same, by path; a link, junction or mounted folder (a reparse point) is
    never entered, and rmdir removes only empty folders."""
    removed = 0
    # Each frame: a folder's path and its subfolders still to visit.
    frames: list[tuple[str, list[str]]] = [(root, _plain_subfolders(root))]
    while frames:
        path, pending = frames[-1]
        if pending:
            child = pending.pop()
            frames.append((child, _plain_subfolders(child)))
            continue
        frames.pop()
        try:
            os.rmdir(path)
        except OSError:
            continue
        removed += 1
    return removed


def _plain_subfolders(path: str) -> list[str]:
    """The subfolders of `path` that are real folders (no reparse point)."""
    out = []
    try:
        with os.scandir(path) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False) and not (
                    getattr(e.stat(follow_symlinks=False), "st_file_attributes", 0) & _REPARSE
                ):
                    out.append(e.path)
    except OSError:
        return []
    return out


def _subfolders(fd: int) -> list[str]:
    try:
        with os.scandir(fd) as it:
            return [e.name for e in it if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _rmdir(name: str, parent_fd: int) -> int:
    try:
        os.rmdir(name, dir_fd=parent_fd)
    except OSError:  # not empty, a mount point, gone: it stays
        return 0
    return 1


def clean_found(
    plan: Plan,
    env: Environment,
    *,
    catalog: CatalogView,
    mode: DeleteMode | None = None,
    dry_run: bool = False,
    probe: Prober | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    never_touch: Sequence[str] = (),
    data_dir: Path | None = None,
) -> CleanResult:
    """Remove what a finder's plan holds, re-checking every entry first (see `engine.clean`).

    `mode` None: the finder's default (user files to the trash, artefacts deleted). `catalog`
    names the applications whose running keeps their places untouched.
    """
    from onecleaner.engine.processes import ProcessProbe, disk_free

    if probe is None:
        probe = ProcessProbe()
    if mode is None:
        mode = default_mode(plan)
    roots = sorted({r for t in plan.targets for r in t.roots})
    before = disk_free(roots)
    places = FinderPlaces.for_env(env, data_dir=data_dir, never_touch=never_touch)
    cleaner = _FoundCleaner(
        env,
        catalog,
        Watch(probe, catalog, env),
        mode,
        dry_run,
        progress,
        cancel,
        total=plan.files,
        never_touch=never_touch,
        places=places,
        mounts=MountTable.current(),
    )
    results: list[TargetResult] = []
    try:
        for tp in plan.targets:
            if cleaner.cancelled:
                results.append(TargetResult(tp.target_id, 0, 0, ()))
                continue
            results.append(cleaner.target(tp.target_id, tp.table))
    finally:
        cleaner.close()
    return cleaner.finish(results, before, roots, {tp.target_id: tp.roots for tp in plan.targets})


def restore_roots(roots: Sequence[str], env: Environment, data_dir: Path) -> tuple[str, ...]:
    """Of the folders a finder's clean came from, those its files may go back into now: plain
    absolute paths, with no link on the way, that the finders may still search."""
    places = FinderPlaces.for_env(env, data_dir=data_dir)
    return tuple(
        r
        for r in roots
        if os.path.isabs(r)
        and os.path.normpath(r) == r
        and os.path.realpath(r) == r
        and places.refusal(r) is None
    )


def check_found_plan(tp: TargetPlan, env: Environment, data_dir: Path, where: Path) -> None:
    """Loading a saved finder plan: every root one the finders may search, every entry strictly
    below its own root and outside version control; PlanFileError otherwise."""
    places = FinderPlaces.for_env(env, data_dir=data_dir)
    for root in tp.roots:
        if not os.path.isabs(root) or os.path.normpath(root) != root:
            raise PlanFileError(f"{where}: the folder {root!r} is not a plain absolute path")
        why = places.refusal(root)
        if why is not None:
            raise PlanFileError(
                f"{where}: the folder {root!r} cannot be searched for things to remove ({why}); "
                "the plan will not be used"
            )
    roots = set(tp.roots)
    for e in tp.entries:
        if e.target_id != tp.target_id or e.root not in roots:
            raise PlanFileError(f"{where}: an entry of '{tp.target_id}' names another folder")
        if os.path.normpath(e.path) != e.path or not e.path.startswith(
            e.root.rstrip(os.sep) + os.sep
        ):
            raise PlanFileError(
                f"{where}: {e.path!r} is not inside the folder {e.root!r} it was found in; "
                "the plan will not be used"
            )
        if in_vcs(e.path[len(e.root) :]):
            raise PlanFileError(f"{where}: {e.path!r} is inside a version-control folder")


__all__ = [
    "check_found_plan",
    "clean_found",
    "default_mode",
    "remove_empty_folders",
    "restore_roots",
]
