"""What every finder run shares: the folders checked, the places, open files, progress, cancel."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from onecleaner.engine.entries import HardLinks
from onecleaner.engine.env import Environment
from onecleaner.engine.finders.errors import FolderRefused, NotAFolder
from onecleaner.engine.finders.found import Candidate, FinderKind, Findings
from onecleaner.engine.finders.places import VCS_NAMES, FinderPlaces
from onecleaner.engine.finders.walk import FolderWalk, Visitor
from onecleaner.engine.model import Phase, Progress, Skip
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.roots import CatalogView, Prober
from onecleaner.engine.scan import open_files_of

IN_USE = Reason.of(SkipCode.IN_USE)
OTHER_OWNER = Reason.of(SkipCode.OTHER_OWNER)
DAY = 86400.0


def newest_time(st: os.stat_result) -> float:
    """When a file was last modified, opened or changed: the newest of its three times."""
    return max(st.st_mtime, st.st_atime, st.st_ctime)


class Search:
    """One finder run: where it may look, what is open, its counters, progress and cancel."""

    def __init__(
        self,
        env: Environment,
        *,
        target_id: str,
        catalog: CatalogView | None = None,
        probe: Prober | None = None,
        data_dir: Path | None = None,
        never_touch: Sequence[str] = (),
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        now: float | None = None,
    ) -> None:
        if probe is None:
            from onecleaner.engine.processes import ProcessProbe

            probe = ProcessProbe()
        self.env = env
        self.tid = target_id
        self.places = FinderPlaces.for_env(
            env, data_dir=data_dir, never_touch=never_touch, catalog=catalog, probe=probe
        )
        self.open_files = open_files_of(probe)
        self.uid = env.uid
        self.now = time.time() if now is None else now
        self.progress = progress
        self.cancel = cancel
        self.cancelled = False
        self.mounts = MountTable.current()
        self.skipped: list[Skip] = []
        self.links = HardLinks()
        self.files = 0  # files looked at, for progress
        self.bytes = 0  # bytes of candidates so far, for progress

    def folder(self, path: str) -> str:
        """`path` resolved, or FinderError: not a folder, or one the finders may not search."""
        resolved = os.path.realpath(path)
        if not os.path.isdir(resolved):
            raise NotAFolder(path)
        reason = self.places.refusal(resolved)
        if reason is not None:
            raise FolderRefused(path, str(reason))
        return resolved

    def skip(self, path: str, reason: Reason) -> None:
        self.skipped.append(Skip(path, reason, self.tid))

    def walk(
        self, root: str, visitor: Visitor, descend: Callable[[str, str], bool] | None = None
    ) -> None:
        """Walk one folder with the finders' stops: never into version control or the trash
        (`descend` replaces the version-control test)."""
        if self.cancelled:
            return
        walk = FolderWalk(
            root,
            visitor,
            stops=self.places.stops,
            descend=descend or not_vcs,
            mounts=self.mounts,
            tick=self._tick,
            cancel=self.cancel,
            target_id=self.tid,
        )
        walk.run()
        self.skipped.extend(walk.skipped)
        self.cancelled = self.cancelled or walk.cancelled

    def _tick(self, current: str) -> None:
        if self.progress is not None:
            self.progress(Progress(Phase.SCAN, current, self.files, self.bytes))

    def findings(
        self, kind: FinderKind, folders: tuple[str, ...], candidates: Sequence[Candidate]
    ) -> Findings:
        """The run's result: the candidates given and everything it passed over."""
        return Findings(
            kind, folders, tuple(candidates), tuple(self.skipped), self.env.os, time.time(),
            self.cancelled,
        )  # fmt: skip

    def done(self) -> None:
        """Settle hard links (a file frees its blocks only when every link goes) and report."""
        self.links.settle()
        if self.progress is not None:
            self.progress(Progress(Phase.DONE, "", self.files, self.bytes))


def not_vcs(path: str, name: str) -> bool:
    return name not in VCS_NAMES


__all__ = ["DAY", "IN_USE", "OTHER_OWNER", "Search", "newest_time", "not_vcs"]
