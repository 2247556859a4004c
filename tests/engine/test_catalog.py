"""The catalog: every shipped definition loads and expands on every OS; mistakes are reported."""

from __future__ import annotations

import ntpath
import posixpath
import re
import types
from pathlib import Path

import pytest

from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import CatalogError, UnknownTarget
from onecleaner.engine.expand import expand_roots
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS, Risk
from onecleaner.engine.rules import compile_globs
from onecleaner.resources import resources_dir

REQUIRED_IDS = {
    "system.cache",
    "system.tmp",
    "system.trash",
    "system.recent_documents",
    "system.logs",
    "thumbnails.cache",
    "chromium.cache",
    "google_chrome.cache",
    "microsoft_edge.cache",
    "brave.cache",
    "opera.cache",
    "vivaldi.cache",
    "firefox.cache",
    "pip.cache",
    "npm.cache",
    "yarn.cache",
    "go.cache",
}

# Typical machines: where each OS's roots may lie (the home folder, or these system folders).
ENVS = {
    OS.LINUX: (
        Environment(
            OS.LINUX, "/home/ann", {"TMPDIR": "/tmp"}, uid=1000, mounts=("/media/ann/USB",)
        ),
        ("/home/ann/", "/tmp", "/var/tmp", "/media/ann/USB/"),
    ),
    OS.MACOS: (
        Environment(OS.MACOS, "/Users/ann", {"TMPDIR": "/var/folders/q1/x2/T/"}, uid=501),
        ("/Users/ann/", "/var/folders/q1/x2/T", "/tmp", "/var/tmp", "/Volumes/*/.Trashes/501"),
    ),
    OS.WINDOWS: (
        Environment(
            OS.WINDOWS,
            "C:\\Users\\ann",
            {
                "USERPROFILE": "C:\\Users\\ann",
                "LOCALAPPDATA": "C:\\Users\\ann\\AppData\\Local",
                "APPDATA": "C:\\Users\\ann\\AppData\\Roaming",
                "TEMP": "C:\\Users\\ann\\AppData\\Local\\Temp",
                "WINDIR": "C:\\Windows",
                "PROGRAMDATA": "C:\\ProgramData",
                "ProgramFiles": "C:\\Program Files",
                "ProgramFiles(x86)": "C:\\Program Files (x86)",
            },
        ),
        (
            "C:\\Users\\ann\\",
            "C:\\Windows\\Temp",
            "C:\\Windows\\Minidump",
            "C:\\ProgramData\\Microsoft\\Windows\\WER\\",
        ),
    ),
}

# Variables a typical machine lacks, whose rules then simply do not apply.
OPTIONAL_VARS = {OS.MACOS: "$XDG_DATA_HOME/"}

# Browser data that is never cache: no rule may take it.
PRIVATE = [
    "Cookies",
    "Network/Cookies",
    "History",
    "Favicons",
    "Top Sites",
    "Visited Links",
    "Web Data",
    "Login Data",
    "Sessions/Session_1",
    "Local Storage/leveldb/000003.log",
    "IndexedDB/https_x.indexeddb.leveldb/LOG",
    "Service Worker/CacheStorage/abc/index",
    "Extension State/000003.log",
    "Preferences",
    "places.sqlite",
    "cookies.sqlite",
    "formhistory.sqlite",
    "logins.json",
    "sessionstore.jsonlz4",
    "storage/default/x/idb/1.sqlite",
]
# Inside a profile or an application's data folder, a root is a cache folder itself: its last
# name says so (Cache, GPUCache, cache2, shader-cache, thumbnails...).
CACHE_NAME = re.compile(r"(?i).*(cache|thumbnails).*|ConfAvatar")  # Zoom's meeting avatars
PROFILE_MARKERS = (
    "/.config/",
    "/Application Support/",
    "\\User Data\\",
    "\\AppData\\Roaming\\",
    "Opera Stable",
    "/.mozilla/",
    "/snap/",
    "/.var/app/",
)


def paths_of(os_: OS) -> types.ModuleType:
    return ntpath if os_ is OS.WINDOWS else posixpath


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


def test_every_shipped_definition_loads_without_a_problem(shipped: Catalog) -> None:
    assert [str(p) for p in shipped.problems] == []
    assert {t.id for t in shipped.targets} >= REQUIRED_IDS
    files = sorted(p.name for p in (resources_dir() / "cleaners").glob("*.toml"))
    sources = {Path(a.source).name for a in shipped.applications}
    assert sources == set(files) - {"presets.toml", "lists.toml"}


def test_os_specific_targets_exist_only_where_they_should(shipped: Catalog) -> None:
    windows_only = ["windows.crash_dumps", "windows.error_reports", "windows.shader_cache"]
    for target_id in windows_only:
        target = shipped.target(target_id)
        assert target.exists_on(OS.WINDOWS)
        assert not target.exists_on(OS.LINUX) and not target.exists_on(OS.MACOS)
    for target_id in ("xcode.derived_data", "safari.cache"):
        assert [o for o in OS if shipped.target(target_id).exists_on(o)] == [OS.MACOS]
    assert not shipped.target("system.trash").exists_on(OS.WINDOWS)
    # Shown only on Linux and macOS (the confirmation, the tooltip): no word about Windows,
    # whose Recycle Bin needs the shell (resources/cleaners/README.md says so).
    assert "Windows" not in shipped.target("system.trash").description
    assert "locked" in shipped.target("thumbnails.cache").description
    thumbs = shipped.target("thumbnails.cache").rules[OS.WINDOWS][0]
    assert thumbs.include == ("thumbcache_*.db",)


def test_every_target_reads_well(shipped: Catalog) -> None:
    for target in shipped.targets:
        assert target.label.strip() and not target.label.endswith("."), target.id
        assert target.description.endswith("."), target.id
        assert len(target.description) < 240, target.id
        assert shipped.app_of(target).id == target.app_id


@pytest.mark.parametrize("os_", list(OS), ids=lambda o: o.value)
def test_every_rule_expands_to_an_absolute_root_in_the_expected_places(
    shipped: Catalog, os_: OS
) -> None:
    env, allowed = ENVS[os_]
    paths = ntpath if os_ is OS.WINDOWS else posixpath
    home = env.home
    checked = 0
    for target in shipped.targets_for(os_):
        for rule in target.rules[os_]:
            roots = expand_roots(rule.root, env)
            if not roots and rule.root.startswith(OPTIONAL_VARS.get(os_, "-")):
                # A rule for a variable the user may set (Yarn's XDG_DATA_HOME on macOS).
                continue
            assert roots, f"{target.id}: {rule.root!r} does not expand on {os_.value}"
            for root in roots:
                assert paths.isabs(root), (target.id, root)
                if os_ is OS.WINDOWS:
                    assert ntpath.splitdrive(root)[0] == "C:", (target.id, root)
                    assert "/" not in root, (target.id, root)
                assert paths.normpath(root) == root, (target.id, root)
                assert root not in ("/", "C:\\", home), (target.id, root)
                assert any(root == a.rstrip("\\/") or root.startswith(a) for a in allowed), (
                    target.id,
                    root,
                )
                checked += 1
    assert checked > 20


@pytest.mark.parametrize("os_", list(OS), ids=lambda o: o.value)
def test_the_guard_refuses_no_shipped_root_on_a_typical_machine(shipped: Catalog, os_: OS) -> None:
    """A refused root would be a skip in every scan: each rule must name a place we may clean."""
    env, _ = ENVS[os_]
    guard = Guard.for_env(env, Path("/nonexistent/onecleaner-data"))
    refused = [
        (target.id, root, reason)
        for target in shipped.targets_for(os_)
        for rule in target.rules[os_]
        for root in expand_roots(rule.root, env)
        if (reason := guard.refusal(root))
    ]
    assert refused == []


def test_trash_on_other_drives_gives_one_root_per_mount(shipped: Catalog) -> None:
    env = Environment(OS.LINUX, "/home/ann", uid=1000, mounts=("/media/a", "/mnt/b"))
    roots = [
        r
        for rule in shipped.target("system.trash").rules[OS.LINUX]
        for r in expand_roots(rule.root, env)
    ]
    assert "/media/a/.Trash-1000/files" in roots
    assert "/mnt/b/.Trash/1000/info" in roots
    assert "/home/ann/.local/share/Trash/files" in roots


@pytest.mark.parametrize("os_", list(OS), ids=lambda o: o.value)
def test_no_rule_takes_browser_data_that_is_not_cache(shipped: Catalog, os_: OS) -> None:
    env, _ = ENVS[os_]
    checked = 0
    for target in shipped.targets_for(os_):
        if target.app_id == "system" or target.records is not None:
            continue  # a record target edits rows of named databases (test_records_catalog.py)
        for rule in target.rules[os_]:
            for root in expand_roots(rule.root, env):
                posix = root.replace("\\", "/")
                if not any(m in root or m in posix for m in PROFILE_MARKERS):
                    continue
                # Inside a profile, a root is a cache folder itself; never the profile.
                name = paths_of(os_).basename(root)
                parts = posix.split("/")
                in_cache_folder = any(p in (".cache", "Caches", "cache") for p in parts)
                is_log = target.id.endswith(".logs") and name.lower() in ("log", "logs")
                assert CACHE_NAME.fullmatch(name) or in_cache_folder or is_log, (target.id, root)
                assert not rule.include, (target.id, root)
                assert not any(p in parts for p in PRIVATE), (target.id, root)
                checked += 1
    assert checked > 100


def test_fragile_folders_of_the_cache_folder_are_kept(shipped: Catalog) -> None:
    rule = shipped.target("system.cache").rules[OS.LINUX][0]
    keep = compile_globs(rule.keep)
    for fragile in [
        "doc",
        "ibus/x",
        "kwin",
        "plasmashell_qmlcache/x",
        "mesa_shader_cache_db/i",
        "qtshadercache-x86_64/a",
        "app/thing.kcache",
        "obexd/f",
        "onecleaner/x",
    ]:
        assert keep(fragile), fragile
    assert not keep("pip/http/a")


def test_temporary_files_keep_sockets_and_locks(shipped: Catalog) -> None:
    tmp = shipped.target("system.tmp")
    assert tmp.min_age_hours == 24 and tmp.risk is Risk.SAFE
    linux = tmp.rules[OS.LINUX]
    assert all(r.owner_only for r in linux)
    keep = compile_globs(linux[0].keep)
    for name in [
        ".X0-lock",
        ".X11-unix/X0",
        "ksocket-ann",
        "pulse-abc",
        "xauth_x",
        "tmux-1000",
        "ssh-XXXX/agent.1",
        "systemd-private-abc-colord",
        "x.sock",
        "y.lock",
        ".ICE-unix",
    ]:
        assert keep(name), name
    assert not keep("old-download.tmp")
    windows = tmp.rules[OS.WINDOWS]
    keep_win = compile_globs(windows[0].keep, case_insensitive=True)
    assert keep_win("Low/x") and not keep_win("a/Low")


def test_logs_never_remove_folders(shipped: Catalog) -> None:
    for os_ in OS:
        for rule in shipped.target("system.logs").rules.get(os_, ()):
            assert rule.prune is False


def test_quick_preset_holds_existing_safe_targets_only(shipped: Catalog) -> None:
    quick = shipped.presets["quick"]
    assert {"system.tmp", "system.cache", "thumbnails.cache", "firefox.cache"} <= set(quick)
    for target_id in quick:
        assert shipped.target(target_id).risk is Risk.SAFE
        assert shipped.in_preset(target_id)
    assert not shipped.in_preset("system.trash")
    assert not shipped.in_preset("system.recent_documents")


def test_select_without_ids_is_the_quick_preset_on_that_os(shipped: Catalog) -> None:
    linux = [t.id for t in shipped.select([], OS.LINUX)]
    assert linux[0] == "system.tmp"
    assert "safari.cache" not in linux and "windows.shader_cache" not in linux
    assert "safari.cache" in [t.id for t in shipped.select([], OS.MACOS)]
    assert set(linux) <= set(shipped.presets["quick"])


def test_select_expands_app_star_and_removes_duplicates(shipped: Catalog) -> None:
    chosen = shipped.select(["firefox.cache", "system.*", "firefox.cache", "system.tmp"], OS.LINUX)
    ids = [t.id for t in chosen]
    assert ids[0] == "firefox.cache"
    assert set(ids[1:]) == {t.id for t in shipped.app("system").targets}
    assert len(ids) == len(set(ids))
    windows_system = {t.id for t in shipped.select(["system.*"], OS.WINDOWS)}
    assert "system.trash" not in windows_system and "system.tmp" in windows_system


def test_unknown_ids_are_named_with_a_hint(shipped: Catalog) -> None:
    with pytest.raises(UnknownTarget) as typo:
        shipped.select(["firefox.cahce"], OS.LINUX)
    assert typo.value.target_id == "firefox.cahce"
    assert "did you mean 'firefox.cache'" in str(typo.value)
    assert "onecleaner list" in str(typo.value)
    with pytest.raises(UnknownTarget, match="does not exist on Windows"):
        shipped.select(["system.trash"], OS.WINDOWS)
    with pytest.raises(UnknownTarget, match=re.escape("did you mean 'chromium.*'")):
        shipped.select(["chromium"], OS.LINUX)
    with pytest.raises(UnknownTarget, match="no targets on Linux"):
        shipped.select(["xcode.*"], OS.LINUX)
    with pytest.raises(UnknownTarget, match=re.escape("'nosuchapp.*'")):
        shipped.select(["nosuchapp.*"], OS.LINUX)
    several = re.escape("did you mean one of 'android_studio.cache', 'brave.cache', ")
    with pytest.raises(UnknownTarget, match=several):
        shipped.target("cache")
    with pytest.raises(UnknownTarget, match=re.escape("did you mean 'system.recent_documents'")):
        shipped.select(["recent_documents"], OS.LINUX)
    with pytest.raises(UnknownTarget):
        shipped.app("nosuchapp")


def test_targets_for_is_sorted_and_filtered(shipped: Catalog) -> None:
    ids = [t.id for t in shipped.targets_for(OS.MACOS)]
    assert ids == sorted(ids)
    assert "xcode.derived_data" in ids and "windows.crash_dumps" not in ids


# --- malformed definitions -------------------------------------------------------------------

GOOD = """
schema = 1
[application]
id = "good"
name = "Good App"
[application.processes]
linux = ["good"]
[[target]]
id = "cache"
label = "Good cache"
description = "A cache."
risk = "safe"
[[target.paths.linux]]
root = "~/.cache/good"
"""


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _target(extra: str = "", risk: str = "safe", paths: str = 'root = "~/.cache/x"') -> str:
    return f"""
schema = 1
[application]
id = "bad"
name = "Bad"
[[target]]
id = "ok"
label = "Fine"
description = "Fine."
risk = "safe"
[[target.paths.linux]]
root = "~/.cache/ok"
[[target]]
id = "broken"
label = "Broken"
description = "Broken."
risk = "{risk}"
{extra}
[[target.paths.linux]]
{paths}
"""


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("schema = 1\n[application\nid='x'", "line 2", "TOML syntax error"),
        (
            GOOD.replace('name = "Good App"', 'name = "Good App"\ncolour = "red"').replace(
                'id = "good"', 'id = "bad"'
            ),
            "application.colour",
            "unknown key",
        ),
        (_target(extra='colour = "red"'), "target[1].colour", "unknown key"),
        (
            _target(paths='root = "~/.cache/x"\nrecursve = false'),
            "target[1].paths.linux[0].recursve",
            "unknown key",
        ),
        (_target(risk="dangerous"), "target[1].risk", "unknown risk 'dangerous'"),
        (_target(extra="min_age_hours = -1"), "target[1].min_age_hours", ">= 0"),
        (_target(paths='root = "relative/x"'), "target[1].paths.linux[0].root", "must start with"),
        (_target(paths='roots = ["~/a", 3]'), "target[1].paths.linux[0].roots[1]", "string"),
        (
            _target(paths='root = "~/x"\ninclude = ["a\\\\b"]'),
            "target[1].paths.linux[0].include[0]",
            "bad glob",
        ),
        (
            _target(paths='root = "~/x"\nkeep = ["[oops"]'),
            "target[1].paths.linux[0].keep[0]",
            "bad glob",
        ),
        (
            _target(paths='root = "~/x"\nprune = "no"'),
            "target[1].paths.linux[0].prune",
            "true or false",
        ),
        (_target(paths=""), "target[1].paths.linux[0].root", "exactly one of"),
        (_target().replace('id = "broken"', 'id = "Broken-Id"'), "target[1].id", "not an id"),
        (_target().replace('id = "broken"', 'id = "ok"'), "target[1].id", "duplicate target id"),
        (_target().replace('label = "Broken"\n', ""), "target[1].label", "missing"),
        (_target().replace('label = "Broken"', "label = 3"), "target[1].label", "non-empty string"),
        (
            GOOD.replace('linux = ["good"]', 'beos = ["good"]').replace('"good"', '"bad"', 1),
            "application.processes.beos",
            "unknown OS 'beos'",
        ),
        ("schema = 1\ntarget = 3\n[application]\nid='bad'\nname='B'\n", "target", "array"),
        (_target().replace('description = "Broken."\n', ""), "target[1].description", "missing"),
        (
            _target(paths='root = "~/x"').replace(
                '[[target.paths.linux]]\nroot = "~/x"', '[[target.paths.freebsd]]\nroot = "~/x"'
            ),
            "target[1].paths.freebsd",
            "unknown OS 'freebsd'",
        ),
    ],
)
def test_a_malformed_definition_is_reported_and_the_rest_loads(
    tmp_path: Path, text: str, key: str, reason: str
) -> None:
    _write(tmp_path, "good.toml", GOOD)
    _write(tmp_path, "bad.toml", text)
    catalog = load_catalog([tmp_path])
    assert catalog.target("good.cache").label == "Good cache"
    messages = [(Path(p.file).name, p.key, p.reason) for p in catalog.problems]
    assert any(f == "bad.toml" and k == key and reason in r for f, k, r in messages), messages
    if key.startswith("target[1]"):
        # The broken target is left out whole; its sibling in the same file still loads.
        assert catalog.target("bad.ok").label == "Fine"
        with pytest.raises(UnknownTarget):
            catalog.target("bad.broken")


def test_missing_required_fields_and_schema_are_named(tmp_path: Path) -> None:
    _write(tmp_path, "good.toml", GOOD)
    _write(tmp_path, "noschema.toml", GOOD.replace("schema = 1", "").replace('"good"', '"b"'))
    _write(
        tmp_path, "future.toml", GOOD.replace("schema = 1", "schema = 2").replace('"good"', '"c"')
    )
    _write(tmp_path, "noapp.toml", "schema = 1\n")
    _write(tmp_path, "noname.toml", GOOD.replace('name = "Good App"', "").replace('"good"', '"d"'))
    _write(
        tmp_path, "nopaths.toml", GOOD.split("[[target.paths.linux]]")[0].replace('"good"', '"e"')
    )
    catalog = load_catalog([tmp_path])
    found = {(Path(p.file).name, p.key): p.reason for p in catalog.problems}
    assert "missing" in found[("noschema.toml", "schema")]
    assert "unsupported schema 2" in found[("future.toml", "schema")]
    assert found[("noapp.toml", "application")] == "missing"
    assert found[("noname.toml", "application.name")] == "missing"
    assert "missing" in found[("nopaths.toml", "target[0].paths")]
    assert [a.id for a in catalog.applications] == ["good", "e"]  # e loads, without its target
    assert catalog.app("e").targets == ()


def test_an_application_defined_twice_keeps_the_first(tmp_path: Path) -> None:
    _write(tmp_path, "a.toml", GOOD)
    _write(tmp_path, "b.toml", GOOD.replace('label = "Good cache"', 'label = "Other"'))
    catalog = load_catalog([tmp_path])
    assert catalog.target("good.cache").label == "Good cache"
    problem = catalog.problems[0]
    assert (Path(problem.file).name, problem.key) == ("b.toml", "application.id")
    assert "already defined in a.toml" in problem.reason


def test_presets_with_unknown_or_risky_ids_are_problems(tmp_path: Path) -> None:
    care = GOOD.replace('id = "good"', 'id = "trashy"').replace('risk = "safe"', 'risk = "care"')
    _write(tmp_path, "good.toml", GOOD)
    _write(tmp_path, "trashy.toml", care)
    _write(
        tmp_path,
        "presets.toml",
        "schema = 1\n[presets]\n"
        'quick = ["good.cache", "nope.cache", "trashy.cache", "good.cache"]\n'
        'everything = ["good.cache", "trashy.cache"]\n',
    )
    catalog = load_catalog([tmp_path])
    assert catalog.presets == {
        "quick": ("good.cache",),
        "everything": ("good.cache", "trashy.cache"),
    }
    found = {p.key: p.reason for p in catalog.problems}
    assert "unknown target 'nope.cache'" in found["presets.quick[1]"]
    assert "safe targets only" in found["presets.quick[2]"]
    assert all(Path(p.file).name == "presets.toml" for p in catalog.problems)
    assert [t.id for t in catalog.select([], OS.LINUX)] == ["good.cache"]


def test_roots_list_becomes_one_rule_per_root(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "good.toml",
        GOOD.replace(
            'root = "~/.cache/good"',
            'roots = ["~/a", "~/b"]\ninclude = ["/Cache"]\nrecursive = false\nowner_only = true',
        ),
    )
    rules = load_catalog([tmp_path]).target("good.cache").rules[OS.LINUX]
    assert [r.root for r in rules] == ["~/a", "~/b"]
    assert all(
        r.include == ("/Cache",) and not r.recursive and r.owner_only and r.prune for r in rules
    )


def test_an_unreadable_folder_is_a_problem_unless_none_can_be_read(tmp_path: Path) -> None:
    _write(tmp_path, "good.toml", GOOD)
    missing = tmp_path / "missing"
    catalog = load_catalog([missing, tmp_path])
    assert catalog.target("good.cache")
    assert catalog.problems[0].file == str(missing)
    assert "cannot read this folder" in catalog.problems[0].reason
    with pytest.raises(CatalogError, match="no cleaner definitions"):
        load_catalog([missing])
    with pytest.raises(CatalogError):
        load_catalog([])


def test_undecodable_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes(b"schema = 1\n# caf\xe9\n")
    _write(tmp_path, "good.toml", GOOD)
    catalog = load_catalog([tmp_path])
    assert catalog.target("good.cache")
    assert Path(catalog.problems[0].file).name == "latin.toml"


def test_the_format_readme_examples_load_as_written(tmp_path: Path) -> None:
    readme = (resources_dir() / "cleaners" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.DOTALL)
    assert len(blocks) == 3  # the format, presets, record targets (test_records_catalog.py)
    _write(tmp_path, "chromium.toml", blocks[0])
    catalog = load_catalog([tmp_path])
    assert catalog.problems == ()
    target = catalog.target("chromium.cache")
    assert target.min_age_hours == 24
    assert [r.root for r in target.rules[OS.LINUX]] == [
        "$XDG_CONFIG_HOME/chromium/Default/Cache",
        "$XDG_CONFIG_HOME/chromium/Default/Code Cache",
        "$XDG_CONFIG_HOME/chromium/Default/GPUCache",
        "$XDG_CONFIG_HOME/chromium/Profile */Cache",
        "$XDG_CONFIG_HOME/chromium/Profile */Code Cache",
        "$XDG_CONFIG_HOME/chromium/Profile */GPUCache",
        "$XDG_CACHE_HOME/chromium",
    ]
    assert target.rules[OS.WINDOWS][0].root == "%LOCALAPPDATA%\\Chromium\\User Data\\Default\\Cache"
    preset_block = (
        blocks[1]
        .replace('"system.tmp", "system.cache", ', "")
        .replace("firefox.cache", "chromium.cache")
    )
    _write(tmp_path, "presets.toml", preset_block)
    assert load_catalog([tmp_path]).presets == {"quick": ("chromium.cache",)}


# --- lists -----------------------------------------------------------------------------------

LISTED = """
schema = 1
[application]
id = "listed"
name = "Listed"
[lists]
folders = ["~/.config/app", "~/.var/app/x/config/app"]
[[target]]
id = "cache"
label = "Listed cache"
description = "A cache."
risk = "safe"
[[target.paths.linux]]
roots = ["<folders>/<profiles>/Cache", "~/.cache/app"]
"""


def test_roots_name_shared_and_own_lists_and_become_plain_rules(tmp_path: Path) -> None:
    _write(tmp_path, "lists.toml", 'schema = 1\n[lists]\nprofiles = ["Default", "Profile *"]\n')
    _write(tmp_path, "listed.toml", LISTED)
    catalog = load_catalog([tmp_path])
    assert catalog.problems == ()
    assert [r.root for r in catalog.target("listed.cache").rules[OS.LINUX]] == [
        "~/.config/app/Default/Cache",
        "~/.config/app/Profile */Cache",
        "~/.var/app/x/config/app/Default/Cache",
        "~/.var/app/x/config/app/Profile */Cache",
        "~/.cache/app",
    ]
    assert [a.id for a in catalog.applications] == ["listed"]  # lists.toml is no application


@pytest.mark.parametrize(
    ("lists_file", "text", "file", "key", "reason"),
    [
        (
            'profiles = ["Default"]',
            LISTED.replace("<profiles>", "<profile>"),
            "listed.toml",
            "target[0].paths.linux[0].roots[0]",
            "unknown list <profile> (lists: folders, profiles)",
        ),
        (
            'profiles = ["Default"]',
            LISTED.replace('folders = [', 'profiles = ["x"]\nfolders = ['),
            "listed.toml",
            "lists.profiles",
            "already a shared list (lists.toml)",
        ),
        (
            'profiles = ["Default", 3]',
            LISTED.replace("<profiles>", "Default"),
            "lists.toml",
            "lists.profiles[1]",
            "non-empty string",
        ),
        (
            'profiles = ["<folders>"]',
            LISTED.replace("<profiles>", "Default"),
            "lists.toml",
            "lists.profiles[0]",
            "no lists in lists",
        ),
        (
            'Profiles = ["Default"]',
            LISTED.replace("<profiles>", "Default"),
            "lists.toml",
            "lists.Profiles",
            "not a list name",
        ),
        (
            'profiles = ["Default"]\ncolour = 3',
            LISTED.replace("[lists]", "[lists]\nempty = []"),
            "listed.toml",
            "lists.empty",
            "must not be empty",
        ),
        (
            'profiles = ["Default"]',
            LISTED.replace('"~/.cache/app"', '"relative/<folders>"'),
            "listed.toml",
            "target[0].paths.linux[0].roots[1]",
            "must start with",
        ),
    ],
)
def test_a_list_mistake_names_its_file_and_key(
    tmp_path: Path, lists_file: str, text: str, file: str, key: str, reason: str
) -> None:
    _write(tmp_path, "lists.toml", f"schema = 1\n[lists]\n{lists_file}\n")
    _write(tmp_path, "listed.toml", text)
    _write(tmp_path, "good.toml", GOOD)
    catalog = load_catalog([tmp_path])
    found = [(Path(p.file).name, p.key, p.reason) for p in catalog.problems]
    assert any(f == file and k == key and reason in r for f, k, r in found), found
    assert catalog.target("good.cache")  # the rest still loads


def test_lists_file_keys_and_shared_names_across_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    _write(first, "lists.toml", 'schema = 1\nlabel = "x"\n[lists]\nprofiles = ["Default"]\n')
    _write(second, "lists.toml", 'schema = 1\n[lists]\nprofiles = ["Other"]\n')
    _write(second, "listed.toml", LISTED)
    catalog = load_catalog([first, second])
    found = {(Path(p.file).parent.name, p.key): p.reason for p in catalog.problems}
    assert "unknown key" in found[("a", "label")]
    assert "already a shared list" in found[("b", "lists.profiles")]
    # The first folder's list is the one used.
    assert catalog.target("listed.cache").rules[OS.LINUX][0].root == "~/.config/app/Default/Cache"
