"""Every application's fixture home, scanned and cleaned through the engine: the target takes
its cache and nothing else, and the application's user data survives.

Linux homes run as they are; macOS homes run with a macOS environment (POSIX paths, names
compared without case). Windows homes run their Windows rules expanded for a typical profile
(C:\\Users\\ann) and moved onto this disk under the same macOS-style matching, so every rule of
every OS meets a real tree.
"""

from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from homes import Home, all_homes

from onecleaner.engine import clean, scan
from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.env import Environment
from onecleaner.engine.expand import expand_roots
from onecleaner.engine.model import OS, Application, Target
from onecleaner.engine.processes import ProcessProbe

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="fixture homes are POSIX trees (Windows rules moved onto one)"
)

WIN_HOME = "C:\\Users\\ann"
WIN_ENV = Environment(
    OS.WINDOWS,
    WIN_HOME,
    {
        "USERPROFILE": WIN_HOME,
        "LOCALAPPDATA": WIN_HOME + "\\AppData\\Local",
        "APPDATA": WIN_HOME + "\\AppData\\Roaming",
        "TEMP": WIN_HOME + "\\AppData\\Local\\Temp",
        "WINDIR": "C:\\Windows",
        "PROGRAMDATA": "C:\\ProgramData",
        "ProgramFiles": "C:\\Program Files",
        "ProgramFiles(x86)": "C:\\Program Files (x86)",
    },
)


class NothingRunning(ProcessProbe):
    """A probe for which no program runs and no file is open."""

    def running_apps(self, apps: Sequence[Application], os_: OS) -> dict[str, tuple[int, ...]]:
        return {}

    def open_files(self) -> frozenset[str]:
        return frozenset()


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


def on_disk(path: str, home: Path, sysroot: Path) -> Path:
    """Where a fixture path (`~/...` or `C:/...`) lies in the test's temporary tree."""
    if path.startswith("~/"):
        return home / path[2:]
    drive, rest = path.split(":/", 1)
    return sysroot / drive / rest


def windows_root_here(root: str, home: Path, sysroot: Path) -> str:
    """A Windows root expanded for WIN_ENV, moved onto this disk (home or system root)."""
    if root.lower().startswith(WIN_HOME.lower()):
        rest = root[len(WIN_HOME) :].replace("\\", "/")
        return str(home) + rest
    drive, rest = ntpath.splitdrive(root)
    return str(sysroot / drive.rstrip(":") / rest.lstrip("\\").replace("\\", "/"))


def setting(
    home: Home, home_dir: Path, sysroot: Path, shipped: Catalog
) -> tuple[Target, Environment, Catalog]:
    """The target, environment and catalog a fixture home is scanned with."""
    target = shipped.target(home.target)
    extra = {k: v.format(home=home_dir) for k, v in home.env.items()}
    if home.os is OS.LINUX:
        env = Environment(
            OS.LINUX, str(home_dir), {**os.environ, **extra}, os.getuid(), str(sysroot)
        )
        return target, env, shipped
    env = Environment(OS.MACOS, str(home_dir), extra, os.getuid(), str(sysroot))
    if home.os is OS.MACOS:
        return target, env, shipped
    rules = tuple(
        replace(rule, root=windows_root_here(root, home_dir, sysroot))
        for rule in target.rules[OS.WINDOWS]
        for root in expand_roots(rule.root, WIN_ENV)
    )
    here = replace(target, rules={OS.MACOS: rules})
    app = Application(here.app_id, here.app_id, {}, (here,))
    return here, env, Catalog((app,))


def contents(paths: Mapping[Path, bytes]) -> dict[Path, bytes | None]:
    return {p: (p.read_bytes() if p.exists() else None) for p in paths}


@pytest.mark.parametrize("home", all_homes(), ids=lambda h: h.id)
def test_the_target_takes_the_cache_and_leaves_the_user_data(
    home: Home, isolated_home: Path, sysroot: Path, shipped: Catalog
) -> None:
    cache = {on_disk(p, isolated_home, sysroot): f"cache {p}".encode() for p in home.cache}
    kept = {on_disk(p, isolated_home, sysroot): f"user data {p}".encode() for p in home.kept}
    assert cache.keys().isdisjoint(kept), "a fixture path is both cache and user data"
    for path, data in {**cache, **kept}.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    target, env, catalog = setting(home, isolated_home, sysroot, shipped)
    probe = NothingRunning()

    plan = scan([target], env, catalog=catalog, probe=probe)
    found = {Path(e.path) for t in plan.targets for e in t.entries}
    assert sorted(found - cache.keys()) == [], "the target takes more than its cache"
    assert sorted(cache.keys() - found) == [], "the target misses cache files"
    assert plan.skipped == ()

    result = clean(plan, env, catalog=catalog, probe=probe)
    assert result.files == len(cache) and result.skipped == ()
    assert contents(cache) == dict.fromkeys(cache)  # every cache file is gone
    assert contents(kept) == kept  # every user file is there, unchanged
    # The roots themselves stay (emptied), so the application finds its folders again.
    assert all(Path(root).is_dir() for root in plan.targets[0].roots if root not in map(str, cache))
