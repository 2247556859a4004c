"""Saved plans: a faithful round trip, and a refusal for anything edited, foreign or misplaced."""

from __future__ import annotations

import base64
import json
import os
import stat
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import PlanFileError
from onecleaner.engine.model import OS, EntryKind, Identity, Plan, PlanEntry, Skip, TargetPlan
from onecleaner.engine.planfile import KEY_FILE, current_roots, key_id, load_plan, save_plan
from onecleaner.engine.reasons import Reason, SkipCode

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths in these trees")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def pip_root(isolated_home: Path) -> Path:
    root = Path(os.environ["XDG_CACHE_HOME"]) / "pip"
    root.mkdir()
    return root


def entry_for(path: Path, root: Path, target: str = "pip.cache") -> PlanEntry:
    st_ = path.lstat()
    kind = EntryKind.LINK if path.is_symlink() else EntryKind.FILE
    ident = Identity(st_.st_dev, st_.st_ino, st_.st_size, st_.st_mtime_ns)
    return PlanEntry(os.fsdecode(bytes(path)), str(root), target, kind, ident, st_.st_blocks * 512)


def pip_plan(root: Path, names: list[str | bytes], os_: OS | None = None) -> Plan:
    entries = []
    for name in names:
        p = Path(os.fsdecode(os.path.join(os.fsencode(root), os.fsencode(name))))
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"data" * 100)
        entries.append(entry_for(p, root))
    skips = (Skip(str(root / "held"), Reason.of(SkipCode.IN_USE), "pip.cache"),)
    tp = TargetPlan("pip.cache", (str(root),), tuple(entries), skips)
    return Plan((tp,), os_ or Environment.current().os, time.time())


def test_round_trip_keeps_every_field(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path
) -> None:
    names: list[str | bytes] = ["a", "sub/b c", "new\nline", b"bad\xffbyte", "deep/x/y/z"]
    plan = pip_plan(pip_root, names)
    out = tmp_path / "plan.json"
    save_plan(plan, out, data_dir=data_dir)
    loaded = load_plan(out, catalog=catalog, env=Environment.current(), data_dir=data_dir)
    assert loaded == plan
    assert loaded.files == 5 and loaded.bytes == plan.bytes
    assert any("\udcff" in e.path for e in loaded.targets[0].entries), "undecodable byte kept"


def test_files_are_private(pip_root: Path, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    save_plan(pip_plan(pip_root, ["a"]), out, data_dir=data_dir)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / KEY_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no temp left"


def column(*values: int) -> str:
    """A number column as a saved plan holds it (little-endian 64-bit, base64)."""
    return base64.b64encode(struct.pack(f"<{len(values)}q", *values)).decode()


def _saved(pip_root: Path, data_dir: Path, tmp_path: Path, plan: Plan | None = None) -> Path:
    out = tmp_path / "plan.json"
    save_plan(plan or pip_plan(pip_root, ["a", "b"]), out, data_dir=data_dir)
    return out


def _refusal(catalog, path: Path, data_dir: Path) -> str:
    with pytest.raises(PlanFileError) as exc:
        load_plan(path, catalog=catalog, env=Environment.current(), data_dir=data_dir)
    return str(exc.value)


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["body"]["targets"][0]["folders"][0].__setitem__(5, column(1, 1)),  # sizes
        lambda d: d["body"]["targets"][0]["folders"][0].__setitem__(1, "/etc/"),  # the folder
        lambda d: d["body"]["targets"][0]["folders"][0][3].__setitem__(0, "passwd"),  # a name
        lambda d: d["body"]["targets"][0]["roots"].__setitem__(0, os.environ["HOME"]),
        lambda d: d["body"].__setitem__("os", "windows"),
        lambda d: d.__setitem__("mac", "0" * 64),
    ],
)
def test_an_edited_plan_is_refused_as_changed(
    catalog: Catalog,
    pip_root: Path,
    data_dir: Path,
    tmp_path: Path,
    edit: Callable[[dict[str, Any]], None],
) -> None:
    out = _saved(pip_root, data_dir, tmp_path)
    doc = json.loads(out.read_text())
    edit(doc)
    out.write_text(json.dumps(doc))
    assert "changed after it was saved" in _refusal(catalog, out, data_dir)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        ("[1, 2]", "not a saved plan"),
        ('{"format": "something-else"}', "not a saved plan"),
        ('{"format": "onecleaner-plan", "version": 99}', "version 99"),
        ('{"format": "onecleaner-plan", "version": 2, "body": {}}', "version 2"),
        ('{"format": "onecleaner-plan", "version": 3, "body": {}}', "body or signature missing"),
    ],
)
def test_a_malformed_file_is_refused(
    catalog: Catalog, data_dir: Path, tmp_path: Path, text: str, words: str
) -> None:
    out = tmp_path / "plan.json"
    out.write_text(text)
    message = _refusal(catalog, out, data_dir)
    assert words in message and str(out) in message


def test_a_missing_file_is_refused(catalog: Catalog, data_dir: Path, tmp_path: Path) -> None:
    assert "cannot read" in _refusal(catalog, tmp_path / "nope.json", data_dir)


def test_a_plan_from_another_data_folder_is_refused_as_such(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path
) -> None:
    out = _saved(pip_root, data_dir, tmp_path)
    # A data folder that never signed a plan, and one with a key of its own.
    message = _refusal(catalog, out, tmp_path / "elsewhere")
    assert "made with another data folder" in message and "holds no plan key" in message
    other = tmp_path / "other"
    save_plan(pip_plan(pip_root, ["c"]), tmp_path / "other.json", data_dir=other)
    message = _refusal(catalog, out, other)
    assert "made with another data folder" in message and str(other) in message
    assert "changed after it was saved" not in message
    # The fingerprint names the signing key without revealing it.
    doc = json.loads(out.read_text())
    key = (data_dir / KEY_FILE).read_bytes()
    assert doc["key_id"] == key_id(key) and key.hex()[:16] not in doc["key_id"]


def test_an_edited_plan_of_this_data_folder_still_says_edited(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path
) -> None:
    out = _saved(pip_root, data_dir, tmp_path)
    doc = json.loads(out.read_text())
    doc["body"]["targets"][0]["folders"][0][3][0] += "x"
    out.write_text(json.dumps(doc))
    message = _refusal(catalog, out, data_dir)
    assert "changed after it was saved" in message and "another data folder" not in message


def test_a_plan_from_another_os_is_refused(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path
) -> None:
    here = Environment.current().os
    other = OS.MACOS if here is not OS.MACOS else OS.LINUX
    out = _saved(pip_root, data_dir, tmp_path, pip_plan(pip_root, ["a"], os_=other))
    message = _refusal(catalog, out, data_dir)
    assert f"made on {other.value}" in message and here.value in message


def test_a_root_outside_the_targets_roots_is_refused(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path, isolated_home: Path
) -> None:
    docs = isolated_home / "Documents"
    docs.mkdir()
    (docs / "thesis.txt").write_text("precious")
    entry = entry_for(docs / "thesis.txt", docs)
    plan = Plan((TargetPlan("pip.cache", (str(docs),), (entry,)),), Environment.current().os, 0.0)
    message = _refusal(catalog, _saved(pip_root, data_dir, tmp_path, plan), data_dir)
    assert str(docs) in message and "pip.cache" in message


def test_a_root_that_now_resolves_into_documents_is_refused(
    catalog: Catalog, data_dir: Path, tmp_path: Path, isolated_home: Path
) -> None:
    """pip's cache folder swapped for a symlink into Documents after the plan was saved."""
    cache = Path(os.environ["XDG_CACHE_HOME"])
    docs = isolated_home / "Documents"
    docs.mkdir()
    (docs / "a").write_text("precious")
    (cache / "pip").symlink_to(docs)
    entry = entry_for(docs / "a", docs)
    plan = Plan((TargetPlan("pip.cache", (str(docs),), (entry,)),), Environment.current().os, 0.0)
    assert current_roots(catalog.target("pip.cache"), Environment.current()) == ()
    assert "not one of the places" in _refusal(
        catalog, _saved(docs, data_dir, tmp_path, plan), data_dir
    )


@pytest.mark.parametrize(
    "bad", ["{root}/../../Documents/x", "{root}x/evil", "{root}/a/./b", "rel/x"]
)
def test_an_entry_outside_its_root_is_refused(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path, bad: str
) -> None:
    good = pip_plan(pip_root, ["a"])
    e = good.targets[0].entries[0]
    evil = PlanEntry(bad.format(root=pip_root), e.root, e.target_id, e.kind, e.identity, e.frees)
    plan = Plan((TargetPlan("pip.cache", (str(pip_root),), (evil,)),), good.os, 0.0)
    message = _refusal(catalog, _saved(pip_root, data_dir, tmp_path, plan), data_dir)
    assert "not inside the root" in message


def test_an_unknown_target_is_refused(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path
) -> None:
    good = pip_plan(pip_root, ["a"])
    e = good.targets[0].entries[0]
    odd = PlanEntry(e.path, e.root, "nosuch.cache", e.kind, e.identity, e.frees)
    plan = Plan((TargetPlan("nosuch.cache", (str(pip_root),), (odd,)),), good.os, 0.0)
    message = _refusal(catalog, _saved(pip_root, data_dir, tmp_path, plan), data_dir)
    assert "nosuch.cache" in message


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_byte_change_is_refused_or_harmless(
    catalog: Catalog, pip_root: Path, data_dir: Path, tmp_path: Path, data: st.DataObject
) -> None:
    """Flip any one byte of a saved plan: it is refused, or it loads as exactly the saved plan."""
    out = tmp_path / "plan.json"
    if not out.exists():
        save_plan(pip_plan(pip_root, ["a", "b/c"]), out, data_dir=data_dir)
    original = out.read_bytes()
    env = Environment.current()
    expected = load_plan(out, catalog=catalog, env=env, data_dir=data_dir)
    i = data.draw(st.integers(0, len(original) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != original[i]))
    mutated = tmp_path / "mutated.json"
    mutated.write_bytes(original[:i] + bytes([new]) + original[i + 1 :])
    try:
        loaded = load_plan(mutated, catalog=catalog, env=env, data_dir=data_dir)
    except PlanFileError:
        return
    assert loaded == expected
