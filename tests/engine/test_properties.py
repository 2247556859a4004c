"""Property: whatever the tree and its symlinks, a clean changes nothing outside its roots."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from engine_kit import FakeProbe, app, catalog, env, rule, target
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onecleaner.engine.clean import clean
from onecleaner.engine.model import DeleteMode
from onecleaner.engine.rules import compile_globs
from onecleaner.engine.scan import ScanOptions, scan

NAMES = st.sampled_from(["a", "b", "c", "Cache", "x.lock", "d e", "new\nline", "z\udcff"])

# A node: (area, parent index, name, kind, link choice). Areas: 0 = inside the root,
# 1 = outside it (a sibling tree in the same home).
NODE = st.tuples(
    st.integers(0, 1),
    st.integers(0, 30),
    NAMES,
    st.sampled_from(["file", "dir", "dir", "link"]),
    st.integers(0, 1000),
)


def _snapshot(base: Path, skip: Path) -> dict[str, tuple[object, ...]]:
    """Everything under `base` except the subtree `skip`: kind, mode, content or link target."""
    out: dict[str, tuple[object, ...]] = {}
    for dirpath, dirnames, filenames in os.walk(base):
        if Path(dirpath) == skip or Path(dirpath).is_relative_to(skip):
            dirnames[:] = []
            continue
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            if Path(p) == skip:
                continue
            st_ = os.lstat(p)
            if stat.S_ISLNK(st_.st_mode):
                out[p] = ("link", os.readlink(p))
            elif stat.S_ISDIR(st_.st_mode):
                out[p] = ("dir", st_.st_mode)
            else:
                with open(p, "rb") as fh:
                    out[p] = ("file", st_.st_mode, st_.st_ino, fh.read())
    return out


def _build(base: Path, nodes: list[tuple[int, int, str, str, int]]) -> tuple[Path, list[Path]]:
    root = base / "cache"
    outside = base / "outside"
    root.mkdir()
    outside.mkdir()
    (base / "top-file").write_bytes(b"top")
    dirs: list[list[Path]] = [[root], [outside]]
    made: list[Path] = [root, outside, base, base / "top-file"]
    links: list[tuple[Path, int]] = []
    used: set[Path] = set()
    for area, parent, name, kind, choice in nodes:
        folder = dirs[area][-1 - parent % len(dirs[area])]  # 0: the newest folder (nesting)
        path = folder / name
        if path in used:
            continue
        used.add(path)
        if kind == "dir":
            path.mkdir()
            dirs[area].append(path)
        elif kind == "file":
            path.write_bytes(name.encode("utf-8", "surrogateescape") * 3)
            os.chmod(path, 0o600 + (choice % 2) * 0o40)
        else:
            links.append((path, choice))
            continue
        made.append(path)
    for path, choice in links:
        options = [*made, base / "missing", path.parent, path]  # dangling, loops, itself
        dest = options[choice % len(options)]
        relative = choice % 3 == 0
        path.symlink_to(os.path.relpath(dest, path.parent) if relative else dest)
    return root, dirs[0][1:]


@settings(
    max_examples=35,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    nodes=st.lists(NODE, min_size=1, max_size=30),
    second_root=st.integers(0, 10),
    keep=st.sampled_from([(), ("*.lock",), ("Cache",)]),
    swap=st.integers(0, 10),  # 0: no swap
    trash=st.booleans(),
)
def test_a_clean_never_changes_anything_outside_the_selected_roots(
    nodes: list[tuple[int, int, str, str, int]],
    second_root: int,
    keep: tuple[str, ...],
    swap: int,
    trash: bool,
) -> None:
    home = Path(os.environ["HOME"])
    base = Path(tempfile.mkdtemp(dir=home, prefix="prop-"))
    try:
        root, inner_dirs = _build(base, nodes)
        targets = [target("t.cache", rule(root, keep=keep))]
        if inner_dirs and second_root < len(inner_dirs):  # an overlapping second target
            targets.append(target("u.cache", inner_dirs[second_root]))
        cat = catalog(app("t", "T", targets[:1]), app("u", "U", targets[1:]))
        plan = scan(targets, env(), catalog=cat, options=ScanOptions(), probe=FakeProbe())
        if inner_dirs and swap:
            # Between scan and clean, a folder of the root moves outside and a link to it
            # takes its place: the same files (inode, size, time) now lie behind a link.
            victim = inner_dirs[swap % len(inner_dirs)]
            if victim.is_dir() and not victim.is_symlink():
                moved = base / "outside" / f"moved-{swap}"
                os.rename(victim, moved)
                victim.symlink_to(moved)
        before = _snapshot(base, root)
        mode = DeleteMode.TRASH if trash else DeleteMode.PERMANENT
        result = clean(plan, env(), catalog=cat, probe=FakeProbe(), mode=mode)

        assert _snapshot(base, root) == before
        assert root.is_dir() and not root.is_symlink()
        assert result.files <= plan.files
        assert len({e.path for t in plan.targets for e in t.entries}) == plan.files
    finally:
        shutil.rmtree(base)
        trash_dir = home / ".local" / "share" / "Trash"
        if trash_dir.exists():
            shutil.rmtree(trash_dir)


GLOBS = st.sampled_from(
    [
        "*.lock",
        "Cache",
        "/Cache",
        "a/*",
        "a/**/x.lock",
        "**/b",
        "b/c",
        "[ab]",
        "/d e/*",
        "c/**",
        "[wx].lock",
        "?ache",
        "d*",
    ]
)
REL = st.lists(st.sampled_from(["a", "b", "c", "Cache", "x.lock", "d e"]), min_size=1, max_size=4)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(keep=st.lists(GLOBS, min_size=1, max_size=3), rels=st.lists(REL, min_size=1, max_size=12))
def test_keep_rules_at_clean_keep_exactly_what_the_globs_match(
    keep: list[str], rels: list[list[str]]
) -> None:
    """A plan made without the keep rules (an old or edited plan file): the clean keeps
    exactly the files the rules match, whether by a folder, a name or a whole path."""
    home = Path(os.environ["HOME"])
    base = Path(tempfile.mkdtemp(dir=home, prefix="keep-"))
    try:
        root = base / "cache"
        files: dict[str, Path] = {}
        for parts in rels:
            path = root.joinpath(*parts)
            if any(root.joinpath(*parts[:n]).is_file() for n in range(1, len(parts) + 1)):
                continue  # the path or a folder on it is already a file
            if path.is_dir():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"data")
            files["/".join(parts)] = path
        plain = target("t.cache", root)
        plan = scan([plain], env(), catalog=catalog(app("t", "T", [plain])), probe=FakeProbe())
        strict = catalog(app("t", "T", [target("t.cache", rule(root, keep=tuple(keep)))]))

        result = clean(plan, env(), catalog=strict, probe=FakeProbe())

        matcher = compile_globs(keep)
        assert {rel for rel, p in files.items() if p.exists()} == {r for r in files if matcher(r)}
        assert {s.path for s in result.skipped} == {str(files[r]) for r in files if matcher(r)}
    finally:
        shutil.rmtree(base)
