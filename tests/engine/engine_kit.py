"""Helpers for the engine's tests: ad-hoc targets, applications, catalogs and probes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from onecleaner.engine.catalog import Catalog
from onecleaner.engine.env import Environment, current_os
from onecleaner.engine.model import OS, Application, PathRule, Plan, Risk, Skip, Target
from onecleaner.engine.processes import ProcessProbe

HOST = current_os()


def rule(root: str | Path, **kw: object) -> PathRule:
    return PathRule(root=str(root), **kw)  # type: ignore[arg-type]


def target(
    tid: str,
    *rules: PathRule | str | Path,
    min_age_hours: float | None = None,
    risk: Risk = Risk.SAFE,
) -> Target:
    made = tuple(r if isinstance(r, PathRule) else rule(r) for r in rules)
    app_id = tid.split(".")[0]
    return Target(
        id=tid,
        app_id=app_id,
        label=tid,
        description=f"test target {tid}",
        risk=risk,
        rules={HOST: made},
        min_age_hours=min_age_hours,
    )


def app(
    app_id: str, name: str, targets: Sequence[Target], processes: Iterable[str] = ()
) -> Application:
    return Application(
        id=app_id,
        name=name,
        processes={HOST: tuple(processes)},
        targets=tuple(targets),
    )


def catalog(*apps: Application) -> Catalog:
    return Catalog(applications=tuple(apps))


def env(**changes: object) -> Environment:
    """This machine's environment under the test's HOME and system root."""
    base = Environment.current()
    if not changes:
        return base
    fields = {
        "os": base.os,
        "home": base.home,
        "vars": base.vars,
        "uid": base.uid,
        "system_root": base.system_root,
        "mounts": base.mounts,
    }
    fields.update(changes)
    return Environment(**fields)  # type: ignore[arg-type]


class FakeProbe(ProcessProbe):
    """A probe that reports what the test says is running and open (nothing by default)."""

    def __init__(
        self, running: Mapping[str, tuple[int, ...]] | None = None, open_files: Iterable[str] = ()
    ) -> None:
        super().__init__()
        self.running = dict(running or {})
        self.opened = frozenset(os.path.realpath(p) for p in open_files)

    def running_apps(self, apps: Sequence[Application], os_: OS) -> dict[str, tuple[int, ...]]:
        return {a.id: self.running[a.id] for a in apps if a.id in self.running}

    def open_files(self) -> frozenset[str]:
        return self.opened


def write(
    path: Path, data: bytes | str = b"x" * 5000, *, age_hours: float = 0, now: float | None = None
) -> Path:
    """A file with content; `age_hours` sets its access and modification times back from `now`.

    Its change time (ctime) stays the moment it was written, which no call can set back: a test
    of an age rule scans with `ScanOptions(now=later(...))` so that this moment is old too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    if age_hours:
        t = (time.time() if now is None else now) - age_hours * 3600
        os.utime(path, (t, t))
    return path


def later(hours: float) -> float:
    """A moment `hours` from now: the scan's clock for files whose ctime must look old."""
    return time.time() + hours * 3600


def tree(root: Path) -> dict[str, tuple[str, bytes | str]]:
    """Everything below `root`: relative path -> (kind, content or link target)."""
    out: dict[str, tuple[str, bytes | str]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif os.path.isdir(p):
                out[rel] = ("dir", b"")
            else:
                with open(p, "rb") as f:
                    out[rel] = ("file", f.read())
    return out


def paths_of(plan: Plan, tid: str | None = None) -> set[str]:
    return {e.path for t in plan.targets if tid in (None, t.target_id) for e in t.entries}


def reasons(skips: Iterable[Skip]) -> dict[str, str]:
    """Path -> the skip's reason in English (the words the CLI prints)."""
    return {s.path: str(s.reason) for s in skips}
