"""Roots that resolve to configuration, keys or personal data are refused, naming the variable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from engine_kit import FakeProbe, env, paths_of, reasons, rule, target, tree, write

from onecleaner.engine.catalog import load_catalog
from onecleaner.engine.clean import clean
from onecleaner.engine.env import Environment
from onecleaner.engine.expand import expand_roots
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import OS
from onecleaner.engine.roots import variables_behind
from onecleaner.engine.scan import scan

PRIVATE = "which holds configuration, keys or personal data"
PROFILE = "which holds a browser's or mail program's profile"


def system_cache_with(cache_home: Path) -> tuple[dict[str, str], int, bool]:
    """Scan and clean system.cache with XDG_CACHE_HOME at `cache_home`.

    Returns the scan's skips with their words, the files removed, and whether everything in
    `cache_home` is still there.
    """
    cat = load_catalog()
    # The real system root: a cache home outside the home folder is not moved under the
    # test's system root (system.cache has no other root).
    environment = env(vars={**os.environ, "XDG_CACHE_HOME": str(cache_home)}, system_root="/")
    before = tree(cache_home)
    plan = scan([cat.target("system.cache")], environment, catalog=cat, probe=FakeProbe())
    result = clean(plan, environment, catalog=cat, probe=FakeProbe())
    return reasons(plan.skipped), result.files, tree(cache_home) == before


@pytest.mark.parametrize(
    ("folder", "files"),
    [
        (".ssh", ["id_ed25519", "known_hosts"]),
        (".config", ["git/config", "google-chrome/Default/Preferences"]),
        (".local/share", ["keyrings/login.keyring"]),
        (".gnupg", ["pubring.kbx"]),
    ],
)
def test_xdg_cache_home_leading_to_a_private_folder_is_refused_and_nothing_goes(
    isolated_home: Path, folder: str, files: list[str]
) -> None:
    place = isolated_home / folder
    for name in files:
        write(place / name, "secret")
    skips, removed, intact = system_cache_with(place)
    assert removed == 0 and intact
    assert skips == {
        str(place): f"refused: XDG_CACHE_HOME leads to ~/{folder}, {PRIVATE}",
    }


def test_a_browser_profile_is_refused_unless_the_rule_takes_only_its_caches(
    isolated_home: Path,
) -> None:
    profile = isolated_home / ".config" / "google-chrome" / "Default"
    write(profile / "Preferences", "{}")
    write(profile / "History", "visits")
    cached = write(profile / "Cache" / "data_0")
    users = isolated_home / ".config" / "google-chrome"
    write(users / "Local State", "{}")
    firefox = isolated_home / ".mozilla" / "firefox" / "abc.default-release"
    write(firefox / "prefs.js", "user_pref")
    write(firefox / "places.sqlite", "history")

    greedy = target("x.all", profile, users, firefox)
    narrow = target("x.cache", rule(profile, include=("/Cache",)))
    plan = scan([greedy, narrow], env(), catalog=load_catalog(), probe=FakeProbe())
    assert reasons(plan.targets[0].skipped) == {
        str(profile): f"refused: it is ~/.config/google-chrome/Default, {PROFILE}",
        str(users): f"refused: it is ~/.config/google-chrome, {PROFILE}",
        str(firefox): f"refused: it is ~/.mozilla/firefox/abc.default-release, {PROFILE}",
    }
    assert paths_of(plan) == {str(cached)}  # the include globs leave Preferences out


def test_a_variable_leading_to_a_profile_the_home_or_above_is_named(
    isolated_home: Path, data_dir: Path
) -> None:
    profile = isolated_home / ".config" / "chromium" / "Default"
    write(profile / "Preferences", "{}")
    write(data_dir / "settings.json", "{}")
    assert system_cache_with(profile)[0] == {
        str(profile): f"refused: XDG_CACHE_HOME leads to ~/.config/chromium/Default, {PROFILE}"
    }
    assert system_cache_with(isolated_home)[0] == {
        str(isolated_home): "refused: XDG_CACHE_HOME leads to your home folder"
    }
    assert system_cache_with(isolated_home.parent)[0] == {
        str(isolated_home.parent): "refused: XDG_CACHE_HOME leads to a folder that contains "
        "your home folder"
    }
    assert system_cache_with(data_dir)[0] == {
        str(data_dir): "refused: XDG_CACHE_HOME leads into ONE Cleaner's own data folder"
    }


def test_the_command_line_refuses_xdg_cache_home_at_ssh(isolated_home: Path) -> None:
    key = write(isolated_home / ".ssh" / "id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----")
    done = subprocess.run(
        [sys.executable, "-m", "onecleaner", "clean", "--yes", "--json", "system.cache"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": str(isolated_home / ".ssh")},
    )
    assert key.exists()
    report = json.loads(done.stdout)
    assert report["files"] == 0
    [skip] = report["targets"][0]["skipped"]
    assert skip["reason"] == f"refused: XDG_CACHE_HOME leads to ~/.ssh, {PRIVATE}"
    assert skip["code"] == "refused_is"
    assert skip["params"]["variable"] == "XDG_CACHE_HOME"


@pytest.mark.parametrize(
    ("os_", "home", "root", "allowed"),
    [
        (OS.MACOS, "/Users/ann", "/Users/ann/Library", False),
        (OS.MACOS, "/Users/ann", "/Users/ann/Library/Application Support", False),
        (OS.MACOS, "/Users/ann", "/Users/ann/Library/Keychains", False),
        (OS.MACOS, "/Users/ann", "/Users/ann/Library/Caches", True),
        (OS.MACOS, "/Users/ann", "/Users/ann/Library/Application Support/com.apple.x", True),
        (OS.WINDOWS, "C:\\Users\\ann", "C:\\Users\\ann\\AppData\\Local", False),
        (OS.WINDOWS, "C:\\Users\\ann", "c:\\users\\ann\\appdata\\roaming", False),
        (OS.WINDOWS, "C:\\Users\\ann", "C:\\Users\\ann\\AppData", False),
        (OS.WINDOWS, "C:\\Users\\ann", "C:\\Users\\ann\\AppData\\Local\\Temp", True),
        (OS.WINDOWS, "C:\\Users\\ann", "D:\\Roaming", False),  # APPDATA moved there
    ],
)
def test_private_folders_on_macos_and_windows(os_: OS, home: str, root: str, allowed: bool) -> None:
    e = Environment(os=os_, home=home, vars={"APPDATA": "D:\\Roaming"})
    g = Guard.for_env(e, data_dir=Path("/nonexistent/data"))
    assert (g.refusal(root) is None) is allowed


@pytest.mark.parametrize("os_", list(OS))
def test_no_shipped_root_is_a_private_folder(os_: OS) -> None:
    home = "C:\\Users\\ann" if os_ is OS.WINDOWS else "/home/ann"
    variables = {
        OS.WINDOWS: {
            "LOCALAPPDATA": "C:\\Users\\ann\\AppData\\Local",
            "APPDATA": "C:\\Users\\ann\\AppData\\Roaming",
            "TEMP": "C:\\Users\\ann\\AppData\\Local\\Temp",
            "WINDIR": "C:\\Windows",
        },
        OS.MACOS: {"TMPDIR": "/private/var/folders/xy/T"},
        OS.LINUX: {},
    }[os_]
    e = Environment(os=os_, home=home, vars=variables, uid=1000, mounts=("/media/usb",))
    g = Guard.for_env(e, data_dir=Path("/nonexistent/data"))
    refused = {
        (t.id, root): str(reason)
        for t in load_catalog().targets
        for r in t.rules.get(os_, ())
        for root in expand_roots(r.root, e)
        if (reason := g.refusal(root)) is not None and reason.param("place") == "private_data"
    }
    assert refused == {}


def test_the_variable_behind_a_root_is_the_one_whose_value_was_used() -> None:
    linux = Environment(OS.LINUX, "/home/a", {"XDG_CACHE_HOME": "/home/a/.ssh"})
    assert variables_behind("${XDG_CACHE_HOME:-~/.cache}", linux) == ("XDG_CACHE_HOME",)
    nested = "${GOCACHE:-${XDG_CACHE_HOME:-~/.cache}/go-build}"
    assert variables_behind(nested, linux) == ("XDG_CACHE_HOME",)
    both = Environment(OS.LINUX, "/h", {"GOCACHE": "/g", "XDG_CACHE_HOME": "/c"})
    assert variables_behind(nested, both) == ("GOCACHE",)  # its default was not used
    assert variables_behind(nested, Environment(OS.LINUX, "/h", {})) == ()
    assert variables_behind("~/.cache/thumbnails", linux) == ()
    windows = Environment(OS.WINDOWS, "C:\\Users\\a", {"LocalAppData": "C:\\L"})
    assert variables_behind("%LOCALAPPDATA%\\Temp", windows) == ("LOCALAPPDATA",)


def test_a_variable_is_named_only_when_it_led_elsewhere_than_its_default(
    isolated_home: Path,
) -> None:
    # ~/.cache itself is a link to ~/.ssh: XDG_CACHE_HOME=~/.cache (the default) is not to blame.
    write(isolated_home / ".ssh" / "id_ed25519", "key")
    cache = isolated_home / ".cache"
    cache.rmdir()
    cache.symlink_to(isolated_home / ".ssh")
    skips, removed, intact = system_cache_with(cache)
    assert skips == {str(cache): f"refused: it is ~/.ssh, {PRIVATE}"}
    assert removed == 0 and intact


def test_the_shipped_browser_caches_still_clean_a_real_profile(isolated_home: Path) -> None:
    profile = isolated_home / ".config" / "google-chrome" / "Default"
    keep = [
        write(profile / "Preferences", "{}"),
        write(profile / "History", "visits"),
        write(profile / "Cookies", "session"),
        write(profile.parent / "Local State", "{}"),
    ]
    cached = write(profile / "Cache" / "Cache_Data" / "data_1")
    shaders = write(profile.parent / "ShaderCache" / "index")
    cat = load_catalog()
    chrome = cat.target("google_chrome.cache")
    plan = scan([chrome], env(), catalog=cat, probe=FakeProbe())
    assert paths_of(plan) == {str(cached), str(shaders)}
    assert plan.skipped == ()
    clean(plan, env(), catalog=cat, probe=FakeProbe())
    assert all(p.exists() for p in keep) and not cached.exists()
