"""Finding a target's roots on disk: expand, glob, resolve, and ask the guard.

Also where running applications are placed on disk: the resolved roots of every target of a
running application, so that anything below them (even when reached through `system.cache`)
is left alone while it runs.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from onecleaner.engine.env import Environment
from onecleaner.engine.expand import expand_roots
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS, Application, PathRule, Skip, Target
from onecleaner.engine.paths import is_within, path_module
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.engine.rules import compile_globs, has_magic, match_name


class CatalogView(Protocol):
    """What the engine needs of a catalog (engine.catalog.Catalog fits)."""

    @property
    def applications(self) -> tuple[Application, ...]: ...

    def target(self, target_id: str) -> Target: ...


class Prober(Protocol):
    """What the engine needs of a process probe (processes.ProcessProbe fits)."""

    def running_apps(
        self, apps: Sequence[Application], os_: OS
    ) -> Mapping[str, tuple[int, ...]]: ...

    def open_files(self) -> frozenset[str]: ...


@dataclass(frozen=True, slots=True)
class Root:
    """One resolved root of a target, the rule it came from, and whether it is a single file."""

    path: str
    rule: PathRule
    is_file: bool


def glob_on_disk(pattern: str, os_: OS) -> list[str]:
    """The existing paths an expanded pattern names, its wildcard parts matched on disk.

    The literal head of the pattern (the home or system prefix) is taken as it is; below the
    first wildcard, folders are entered only when they are real folders, never symlinks. The
    last component may be anything that exists (the caller resolves and guards it). A `*` does
    not match a leading dot unless the pattern component starts with one (as glob does).
    """
    paths = path_module(os_)
    if not has_magic(pattern):
        return [pattern] if os.path.lexists(pattern) else []
    drive, rest = paths.splitdrive(pattern)
    sep = "\\" if os_ is OS.WINDOWS else "/"
    comps = [c for c in rest.split(sep) if c]
    first = next(i for i, c in enumerate(comps) if has_magic(c))
    head = drive + sep + sep.join(comps[:first])
    current = [head] if os.path.isdir(head) else []
    fold = os_ is not OS.LINUX
    last = len(comps) - 1
    for i in range(first, len(comps)):
        comp = comps[i]
        final = i == last
        found: list[str] = []
        for folder in current:
            if has_magic(comp):
                try:
                    with os.scandir(folder) as it:
                        items = [(e.name, e.is_dir(follow_symlinks=False)) for e in it]
                except OSError:
                    continue
                for name, is_dir in sorted(items):
                    if name.startswith(".") and not comp.startswith("."):
                        continue
                    if not match_name(name, comp, case_insensitive=fold):
                        continue
                    if final or is_dir:
                        found.append(paths.join(folder, name))
            else:
                path = paths.join(folder, comp)
                try:
                    mode = os.lstat(path).st_mode
                except OSError:
                    continue
                if final or stat.S_ISDIR(mode):
                    found.append(path)
        current = found
    return current


def find_roots(
    target: Target, env: Environment, guard: Guard, rules: Sequence[PathRule] | None = None
) -> tuple[list[Root], list[Skip]]:
    """The resolved roots of `target` in `env`, and a skip for each root the guard refuses.

    A missing root is simply absent. A root that is neither a folder nor a regular file
    (a socket, a dangling link) is passed over. A refusal names the variable of the rule's
    pattern that led there (`XDG_CACHE_HOME leads to ~/.ssh`), when one did.
    """
    roots: list[Root] = []
    refused: list[Skip] = []
    seen: set[str] = set()
    for rule in target.rules.get(env.os, ()) if rules is None else rules:
        takes = (
            compile_globs(rule.include, case_insensitive=env.os is not OS.LINUX)
            if rule.include
            else None
        )
        for pattern in expand_roots(rule.root, env):
            for path in glob_on_disk(pattern, env.os):
                resolved = os.path.realpath(path)
                if resolved in seen:
                    continue
                seen.add(resolved)
                try:
                    mode = os.stat(resolved, follow_symlinks=False).st_mode
                except OSError:
                    mode = 0
                reason = guard.refusal(resolved)
                if reason is None and stat.S_ISDIR(mode):
                    reason = guard.profile_refusal(resolved, takes)
                if reason is not None:
                    via = variables_leading(rule.root, env)
                    if via:
                        reason = reason.with_params(variable=" and ".join(via))
                    refused.append(Skip(os.path.normpath(path), reason, target.id))
                elif stat.S_ISDIR(mode):
                    roots.append(Root(resolved, rule, False))
                elif stat.S_ISREG(mode):
                    roots.append(Root(resolved, rule, True))
    return roots, refused


def variables_leading(pattern: str, env: Environment) -> tuple[str, ...]:
    """The variables of a root pattern that led it where it is: used, and without them the
    pattern would name another place (`XDG_CACHE_HOME=~/.cache` leads nowhere new)."""
    here = expand_roots(pattern, env)
    windows = env.os is OS.WINDOWS
    leading = []
    for name in variables_behind(pattern, env):
        rest = {
            k: v
            for k, v in env.vars.items()
            if (k.upper() != name.upper() if windows else k != name)
        }
        if expand_roots(pattern, dataclasses.replace(env, vars=rest)) != here:
            leading.append(name)
    return tuple(leading)


_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WIN_VAR = re.compile(r"%([A-Za-z_][A-Za-z0-9_()]*)%")


def variables_behind(pattern: str, env: Environment) -> tuple[str, ...]:
    """The variables of a root pattern whose values `env` used (pure).

    `${XDG_CACHE_HOME:-~/.cache}` gives XDG_CACHE_HOME when it is set, nothing when the
    default was used; a default is looked into only when its variable is unset.
    """
    windows = env.os is OS.WINDOWS
    values = {k.upper(): v for k, v in env.vars.items()} if windows else env.vars

    def is_set(name: str) -> bool:
        return bool(values.get(name.upper() if windows else name))

    found: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "%" and windows:
            match = _WIN_VAR.match(pattern, i)
            if match:
                if is_set(match.group(1)):
                    found.append(match.group(1))
                i = match.end()
                continue
        if char != "$":
            i += 1
            continue
        braced = pattern.startswith("{", i + 1)
        match = _VAR_NAME.match(pattern, i + (2 if braced else 1))
        if match is None:
            i += 1
            continue
        name, i = match.group(), match.end()
        if is_set(name):
            found.append(name)
            if braced and pattern.startswith(":-", i):
                i = _after_default(pattern, i + 2)  # the default was not used
        elif braced and pattern.startswith(":-", i):
            i += 2  # the default was used: its own variables count
    return tuple(dict.fromkeys(found))


def _after_default(pattern: str, start: int) -> int:
    """The index just past the `}` that closes a `${VAR:-default}` whose default starts here."""
    depth = 1
    i = start
    while i < len(pattern) and depth:
        if pattern.startswith("${", i):
            depth += 1
            i += 2
            continue
        if pattern[i] == "}":
            depth -= 1
        i += 1
    return i


def running_blocks(catalog: CatalogView, env: Environment, probe: Prober) -> dict[str, Reason]:
    """Resolved root -> why ("<App> is running") for every application running now."""
    apps = tuple(catalog.applications)
    try:
        running = probe.running_apps(apps, env.os)
    except Exception:  # process listing refused: the per-file checks still hold
        return {}
    blocks: dict[str, Reason] = {}
    for app in apps:
        if not running.get(app.id):
            continue
        reason = running_reason(app)
        for path in app_places(app, env):
            blocks.setdefault(path, reason)
    return blocks


def running_reason(app: Application) -> Reason:
    """The reason of a skip for a running application (with its hint, e.g. Edge's background)."""
    if app.running_hint:
        return Reason.of(SkipCode.APP_RUNNING, app=app.name, hint=app.running_hint)
    return Reason.of(SkipCode.APP_RUNNING, app=app.name)


def app_places(app: Application, env: Environment) -> list[str]:
    """The resolved roots of every target of `app` (no guard: these are places to avoid)."""
    out: list[str] = []
    for target in app.targets:
        for rule in target.rules.get(env.os, ()):
            for pattern in expand_roots(rule.root, env):
                for path in glob_on_disk(pattern, env.os):
                    resolved = os.path.realpath(path)
                    if resolved not in out:
                        out.append(resolved)
    return out


def blocked_by(path: str, blocks: Mapping[str, Reason], os_: OS) -> Reason | None:
    """The reason a running application blocks `path` (it lies at or below one of its roots)."""
    for place, reason in blocks.items():
        if is_within(path, place, os_):
            return reason
    return None


def overlapping(paths: Iterable[str], os_: OS) -> bool:
    """Whether any two of `paths` are the same or one lies below another."""
    given = list(paths)
    ordered = sorted(set(given))
    if len(ordered) != len(given):
        return True
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if is_within(b, a, os_) or is_within(a, b, os_):
                return True
    return False
