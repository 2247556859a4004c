"""Root expansion: variables, `~`, tokens and the system root, for every OS, without a disk."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from onecleaner.engine.env import Environment
from onecleaner.engine.expand import (
    PatternError,
    check_root,
    expand_root,
    expand_roots,
    substitute_lists,
)
from onecleaner.engine.model import OS

LINUX = Environment(OS.LINUX, "/home/ann", {"HOME": "/home/ann", "TMPDIR": "/tmp"}, uid=1000)
MAC = Environment(OS.MACOS, "/Users/ann", {"TMPDIR": "/var/folders/zz/abc/T/"}, uid=501)
WIN = Environment(
    OS.WINDOWS,
    "C:\\Users\\ann",
    {
        "LocalAppData": "C:\\Users\\ann\\AppData\\Local",
        "APPDATA": "C:\\Users\\ann\\AppData\\Roaming",
        "windir": "C:\\Windows",
        "ProgramFiles(x86)": "C:\\Program Files (x86)",
    },
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("~", "/home/ann"),
        ("~/.cache/pip", "/home/ann/.cache/pip"),
        ("$HOME/.npm", "/home/ann/.npm"),
        ("${HOME}/.npm", "/home/ann/.npm"),
        ("${TMPDIR:-/var/tmp}", "/tmp"),
        ("${NOT_SET:-/var/tmp}/x", "/var/tmp/x"),
        ("${NOT_SET:-~/.cargo}/registry", "/home/ann/.cargo/registry"),
        ("${A:-${B:-~/.cache}/go-build}", "/home/ann/.cache/go-build"),
        ("~/.config/chromium/Profile *", "/home/ann/.config/chromium/Profile *"),
        ("~//.cache/./x/", "/home/ann/.cache/x"),
        ("/var/tmp", "/var/tmp"),
        ("/tmp/%TEMP%", "/tmp/%TEMP%"),  # % is an ordinary character outside Windows
        ("/a~b/c}/~", "/a~b/c}/~"),  # ~ only at the start, } only inside ${...:-...}
        ("${NOT_SET:-/x}}/y", "/x}/y"),
    ],
)
def test_linux_syntax(pattern: str, expected: str) -> None:
    assert expand_root(pattern, LINUX) == expected


def test_xdg_variables_default_as_the_specification_says_when_unset_or_empty() -> None:
    env = Environment(OS.LINUX, "/home/ann", {"XDG_DATA_HOME": ""})
    assert expand_root("$XDG_CACHE_HOME/thumbnails", env) == "/home/ann/.cache/thumbnails"
    assert expand_root("${XDG_DATA_HOME}/Trash", env) == "/home/ann/.local/share/Trash"
    assert expand_root("$XDG_CONFIG_HOME", env) == "/home/ann/.config"
    assert expand_root("$XDG_STATE_HOME", env) == "/home/ann/.local/state"
    custom = Environment(OS.LINUX, "/home/ann", {"XDG_CACHE_HOME": "/data/cache"})
    assert expand_root("${XDG_CACHE_HOME:-~/.cache}/pip", custom) == "/data/cache/pip"


def test_a_missing_variable_means_the_rule_does_not_apply() -> None:
    assert expand_root("$NOT_SET/x", LINUX) is None
    assert expand_root("${NOT_SET}/x", LINUX) is None
    assert expand_roots("$NOT_SET/x", LINUX) == []
    # XDG defaults are a Linux convention only.
    assert expand_root("$XDG_CACHE_HOME/x", MAC) is None
    assert expand_root("%TEMP%", WIN) is None


def test_a_relative_or_empty_result_is_never_a_root() -> None:
    env = Environment(OS.LINUX, "/home/ann", {"GOCACHE": "off", "REL": "cache"})
    assert expand_root("${GOCACHE:-~/.cache/go-build}", env) is None
    assert expand_root("$REL/x", env) is None
    assert expand_root("~/x", Environment(OS.LINUX, "")) is None


def test_windows_variables_are_case_insensitive_and_use_backslashes() -> None:
    assert expand_root("%LOCALAPPDATA%\\Temp", WIN) == "C:\\Users\\ann\\AppData\\Local\\Temp"
    assert (
        expand_root("%localappdata%/pip/Cache", WIN) == "C:\\Users\\ann\\AppData\\Local\\pip\\Cache"
    )
    assert expand_root("%WinDir%\\Temp\\", WIN) == "C:\\Windows\\Temp"
    assert expand_root("%ProgramFiles(x86)%\\X", WIN) == "C:\\Program Files (x86)\\X"
    assert expand_root("$LOCALAPPDATA\\go-build", WIN) == "C:\\Users\\ann\\AppData\\Local\\go-build"
    assert expand_root("${GOCACHE:-%LOCALAPPDATA%\\go-build}", WIN) == (
        "C:\\Users\\ann\\AppData\\Local\\go-build"
    )
    assert expand_root("~\\.cargo", WIN) == "C:\\Users\\ann\\.cargo"
    assert expand_root("%USERPROFILE%\\x", WIN) == "C:\\Users\\ann\\x"


def test_a_windows_path_without_a_drive_is_not_absolute() -> None:
    env = Environment(OS.WINDOWS, "C:\\Users\\ann", {"ODD": "\\nodrive"})
    assert expand_root("%ODD%\\x", env) is None


def test_macos_tmpdir_keeps_its_own_folder() -> None:
    assert expand_root("$TMPDIR", MAC) == "/var/folders/zz/abc/T"
    assert expand_root("~/Library/Caches", MAC) == "/Users/ann/Library/Caches"


def test_uid_and_mounts_tokens() -> None:
    env = Environment(OS.LINUX, "/home/ann", uid=1000, mounts=("/media/ann/USB", "/mnt/data"))
    assert expand_root("{mounts}/.Trash-{uid}", env) is None  # several roots: expand_roots
    assert expand_roots("{mounts}/.Trash-{uid}/files", env) == [
        "/media/ann/USB/.Trash-1000/files",
        "/mnt/data/.Trash-1000/files",
    ]
    assert expand_roots("/Volumes/*/.Trashes/{uid}", env) == ["/Volumes/*/.Trashes/1000"]
    assert expand_roots("{mounts}/.Trash/{uid}", Environment(OS.LINUX, "/home/ann", uid=1)) == []
    assert expand_roots("{mounts}/.Trash-{uid}", Environment(OS.LINUX, "/h", mounts=("/m",))) == []


def test_system_paths_move_under_a_test_system_root_and_home_paths_stay() -> None:
    env = Environment(
        OS.LINUX,
        "/home/ann",
        {"TMPDIR": "/sr/tmp"},
        uid=7,
        system_root="/sr",
        mounts=("/media/usb", "/sr/media/other"),
    )
    assert expand_root("/var/tmp", env) == "/sr/var/tmp"
    assert expand_root("${TMPDIR:-/tmp}", env) == "/sr/tmp"  # already under it: not doubled
    assert expand_root("${NOPE:-/tmp}", env) == "/sr/tmp"
    assert expand_root("~/.cache", env) == "/home/ann/.cache"
    assert expand_roots("{mounts}/.Trash-{uid}", env) == [
        "/sr/media/usb/.Trash-7",
        "/sr/media/other/.Trash-7",
    ]


def test_windows_system_paths_move_under_a_windows_test_root() -> None:
    env = Environment(OS.WINDOWS, "C:\\Users\\ann", {"WINDIR": "C:\\Windows"}, system_root="D:\\sr")
    assert expand_root("%WINDIR%\\Temp", env) == "D:\\sr\\C\\Windows\\Temp"
    assert expand_root("~\\AppData", env) == "C:\\Users\\ann\\AppData"
    real = Environment(OS.WINDOWS, "C:\\Users\\ann", {"WINDIR": "C:\\Windows"}, system_root="C:\\")
    assert expand_root("%WINDIR%\\Temp", real) == "C:\\Windows\\Temp"


def test_the_current_environment_of_a_test_stays_in_its_temporary_tree(
    sysroot: Path, isolated_home: Path
) -> None:
    env = Environment.current()
    assert env.system_root == str(sysroot)
    assert expand_root("${TMPDIR:-/tmp}", env) == str(sysroot / "tmp")
    assert expand_root("/var/tmp", env) == str(sysroot / "var" / "tmp")
    cache = expand_root("${XDG_CACHE_HOME:-~/.cache}", env)
    assert cache == os.path.join(str(isolated_home), ".cache")


@pytest.mark.parametrize(
    ("pattern", "os_", "reason"),
    [
        ("", OS.LINUX, "empty"),
        ("relative/path", OS.LINUX, "must start with"),
        ("C:\\x", OS.LINUX, "must start with"),
        ("/x/${HOME", OS.LINUX, "closing"),
        ("${HOME:-/x", OS.LINUX, "closing"),
        ("$1/x", OS.LINUX, "variable name"),
        ("{mount}/x", OS.LINUX, "unknown token"),
        ("/x/../y", OS.LINUX, "'..'"),
        ("~/a/**/b", OS.LINUX, "'**'"),
        ("~/a[b", OS.LINUX, "unbalanced"),
        ("%LOCALAPPDATA\\x", OS.WINDOWS, "%NAME%"),
        ("x\\y", OS.WINDOWS, "must start with"),
    ],
)
def test_check_root_names_the_mistake(pattern: str, os_: OS, reason: str) -> None:
    problem = check_root(pattern, os_)
    assert problem is not None
    assert reason in problem


@pytest.mark.parametrize(
    ("pattern", "os_"),
    [
        ("~/.cache", OS.LINUX),
        ("${XDG_CACHE_HOME:-~/.cache}/pip", OS.LINUX),
        ("{mounts}/.Trash-{uid}/files", OS.LINUX),
        ("/Volumes/*/.Trashes/{uid}", OS.MACOS),
        ("%LOCALAPPDATA%\\Packages\\*\\AC\\INetCache", OS.WINDOWS),
        ("C:/Windows/Temp", OS.WINDOWS),
        ("${GOCACHE:-%LOCALAPPDATA%\\go-build}", OS.WINDOWS),
    ],
)
def test_check_root_accepts_valid_patterns(pattern: str, os_: OS) -> None:
    assert check_root(pattern, os_) is None


LISTS = {"browsers": ("chrome", "chrome-beta"), "caches": ("Cache", "Code Cache", "Storage/x/*")}


def test_lists_give_every_combination_first_list_slowest() -> None:
    assert substitute_lists("~/.config/<browsers>/Default/<caches>", LISTS) == [
        "~/.config/chrome/Default/Cache",
        "~/.config/chrome/Default/Code Cache",
        "~/.config/chrome/Default/Storage/x/*",
        "~/.config/chrome-beta/Default/Cache",
        "~/.config/chrome-beta/Default/Code Cache",
        "~/.config/chrome-beta/Default/Storage/x/*",
    ]
    assert substitute_lists("~/.cache/pip", LISTS) == ["~/.cache/pip"]
    # The same list twice is two independent choices; repeats are dropped.
    assert substitute_lists("/<browsers>-<browsers>", {"browsers": ("a", "a")}) == ["/a-a"]


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("~/<nope>/x", "unknown list <nope> (lists: browsers, caches)"),
        ("~/<Browsers>/x", "not a list name"),
        ("~/<browsers/x", "may only enclose a list name"),
        ("~/browsers>/x", "may only enclose a list name"),
        ("~/<>/x", "not a list name"),
    ],
)
def test_a_bad_list_reference_is_named(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError, match=re.escape(reason)):
        substitute_lists(pattern, LISTS)


def test_a_runaway_product_of_lists_is_refused() -> None:
    many = {"a": tuple(str(i) for i in range(100)), "b": tuple(str(i) for i in range(100))}
    assert len(substitute_lists("/<a>/<b>", {"a": many["a"], "b": many["b"][:20]})) == 2000
    with pytest.raises(PatternError, match="more than 2000"):
        substitute_lists("/<a>/<b>", many)
