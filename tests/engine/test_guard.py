"""The guard: never-touch places refused as roots, for every OS's rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from engine_kit import FakeProbe, catalog, env, paths_of, reasons, target, write

from onecleaner.engine.env import Environment
from onecleaner.engine.errors import GuardRefusal
from onecleaner.engine.guard import Guard, check_root, never_touch
from onecleaner.engine.model import OS
from onecleaner.engine.paths import is_within
from onecleaner.engine.scan import scan

OWN_DATA = "ONE Cleaner's own data folder"
PRIVATE = "which holds configuration, keys or personal data"


def linux_guard(config: Path | str = "/home/ann/.config", **kw: object) -> Guard:
    """Ann's guard; `config` is her XDG_CONFIG_HOME (where user-dirs.dirs is read)."""
    home = "/home/ann"
    e = Environment(os=OS.LINUX, home=home, vars={"XDG_CONFIG_HOME": str(config)}, **kw)  # type: ignore[arg-type]
    return Guard.for_env(e, data_dir=Path("/home/ann/.local/share/onecleaner"))


@pytest.mark.parametrize(
    ("root", "reason"),
    [
        ("/", "refused: it is the top of a filesystem"),
        ("/home/ann", "refused: it is your home folder"),
        ("/home", "refused: it contains your home folder"),
        ("/home/ann/Documents", "refused: resolves into your Documents folder"),
        ("/home/ann/Desktop/x", "refused: resolves into your Desktop folder"),
        ("/home/ann/Downloads", "refused: resolves into your Downloads folder"),
        ("/home/ann/Pictures/2024", "refused: resolves into your Pictures folder"),
        ("/home/ann/Music", "refused: resolves into your Music folder"),
        ("/home/ann/Videos", "refused: resolves into your Videos folder"),
        ("/usr/share", "refused: resolves into a system folder"),
        ("/etc", "refused: resolves into a system folder"),
        ("/var/lib/apt", "refused: resolves into a system folder"),
        ("/lib64", "refused: resolves into a system folder"),
        ("/home/ann/.local/share/onecleaner", f"refused: resolves into {OWN_DATA}"),
        ("/home/ann/.cache/doc", "refused: resolves into a fragile cache that must not be emptied"),
        ("/home/ann/.ssh", f"refused: it is ~/.ssh, {PRIVATE}"),
        ("/home/ann/.gnupg", f"refused: it is ~/.gnupg, {PRIVATE}"),
        ("/home/ann/.config", f"refused: it is ~/.config, {PRIVATE}"),
        ("/home/ann/.local", f"refused: it is ~/.local, {PRIVATE}"),
        ("/home/ann/.local/share", f"refused: it is ~/.local/share, {PRIVATE}"),
        ("/home/ann/.mozilla", f"refused: it is ~/.mozilla, {PRIVATE}"),
        ("/home/ann/.var/app", f"refused: it is ~/.var/app, {PRIVATE}"),
    ],
)  # fmt: skip
def test_linux_never_touch_roots_are_refused_with_a_reason(root: str, reason: str) -> None:
    assert str(linux_guard().refusal(root)) == reason


@pytest.mark.parametrize(
    "root",
    [
        "/var/tmp",
        "/tmp",
        "/home/ann/.cache",
        "/home/ann/.cache/thumbnails",
        "/home/ann/.local/share/Trash",
        "/home/ann/.local/share/Trash/files",
        "/home/ann/.local/state",
        "/home/ann/.config/google-chrome/Default",
        "/home/ann/.config/google-chrome/Default/Cache",
        "/home/ann/.mozilla/firefox/x.default/cache2",
        "/home/ann/.var/app/org.chromium.Chromium/cache",
        "/home/ann/snap/firefox/common/.cache",
        "/home/ann/Documents-old",
        "/media/usb/.Trash-1000",
    ],
)  # fmt: skip
def test_linux_cache_and_temp_roots_are_allowed(root: str) -> None:
    assert linux_guard().refusal(root) is None


def test_xdg_user_dirs_are_read_and_a_folder_set_to_home_means_disabled(tmp_path: Path) -> None:
    (tmp_path / "user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\n'
        'XDG_DOCUMENTS_DIR="$HOME/Dokumente"\n'
        'XDG_DOWNLOAD_DIR="$HOME/"\n'
        'XDG_MUSIC_DIR="/data/music"\n'
    )
    g = linux_guard(tmp_path)
    assert str(g.refusal("/home/ann/Dokumente/x")) == "refused: resolves into your Documents folder"
    assert str(g.refusal("/data/music")) == "refused: resolves into your Music folder"
    assert g.refusal("/home/ann/.cache") is None  # Downloads = $HOME is "disabled", not home-wide
    # the English defaults stay protected whatever user-dirs.dirs says
    assert str(g.refusal("/home/ann/Documents")) == "refused: resolves into your Documents folder"


def test_roots_home_under_a_system_folder_is_still_cleanable(tmp_path: Path) -> None:
    e = Environment(os=OS.LINUX, home="/root", vars={"XDG_CONFIG_HOME": str(tmp_path)})
    g = Guard.for_env(e, data_dir=Path("/root/.local/share/onecleaner"))
    assert g.refusal("/root/.cache") is None
    assert str(g.refusal("/root")) == "refused: it is your home folder"
    assert str(g.refusal("/run/user")) == "refused: resolves into a system folder"


@pytest.mark.parametrize(
    ("root", "allowed"),
    [
        ("C:\\Windows\\Temp", True),
        ("c:\\windows\\temp\\sub", True),
        ("C:\\Windows\\System32", False),
        ("C:\\WINDOWS", False),
        ("C:\\Program Files\\App", False),
        ("C:\\Users\\ann\\AppData\\Local\\Temp", True),
        ("C:\\Users\\ann\\Documents", False),
        ("C:\\Users\\ann", False),
        ("C:\\", False),
    ],
)
def test_windows_rules(root: str, allowed: bool) -> None:
    e = Environment(os=OS.WINDOWS, home="C:\\Users\\ann", vars={"SystemRoot": "C:\\Windows"})
    g = Guard.for_env(e, data_dir=Path("/nonexistent/data"))
    assert (g.refusal(root) is None) is allowed


@pytest.mark.parametrize(
    ("root", "allowed"),
    [
        ("/Users/ann/Library/Caches/com.apple.Safari", True),
        ("/Library/Caches", False),
        ("/System/Library", False),
        ("/Applications/Xcode.app", False),
        ("/private/var/folders/xy/T", True),
        ("/private/var/db", False),
        ("/Users/ann/Movies", False),
        ("/Users/ann/documents", False),  # APFS ignores case
        ("/Users/ann/Library/Saved Application State", False),
    ],
)
def test_macos_rules(root: str, allowed: bool) -> None:
    e = Environment(os=OS.MACOS, home="/Users/ann")
    g = Guard.for_env(e, data_dir=Path("/Users/ann/Library/Application Support/onecleaner"))
    assert (g.refusal(root) is None) is allowed


def test_is_within_compares_whole_components() -> None:
    assert is_within("/a/b/c", "/a/b", OS.LINUX)
    assert not is_within("/a/bc", "/a/b", OS.LINUX)
    assert is_within("C:\\A\\b", "c:\\a", OS.WINDOWS)
    assert not is_within("/A/b", "/a", OS.LINUX)


def test_never_touch_lists_the_places_of_this_environment(
    isolated_home: Path, data_dir: Path
) -> None:
    places = never_touch(env(), extra=["~/keep-me"])
    assert str(isolated_home) in places
    assert str(isolated_home / "Documents") in places
    assert str(data_dir) in places
    assert str(isolated_home / ".cache" / "doc") in places
    assert str(isolated_home / "keep-me") in places


def test_check_root_resolves_links_and_raises_a_refusal(isolated_home: Path) -> None:
    docs = isolated_home / "Documents"
    docs.mkdir()
    sneaky = isolated_home / ".cache" / "sneaky"
    sneaky.symlink_to(docs)
    with pytest.raises(GuardRefusal, match="your Documents folder"):
        check_root(str(sneaky), env())
    fine = isolated_home / ".cache" / "fine"
    fine.mkdir()
    assert check_root(str(fine), env()) == str(fine)


def test_scan_refuses_the_data_folder_and_never_walks_protected_places_below_a_root(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = isolated_home / ".local" / "share" / "onecleaner"
    monkeypatch.setenv("ONECLEANER_DATA_DIR", str(data_dir))
    write(data_dir / "journal.bin")
    portal = write(isolated_home / ".cache" / "doc" / "by-app" / "file")
    mesa = write(isolated_home / ".cache" / "mesa_shader_cache" / "index")
    junk = write(isolated_home / ".cache" / "junk")
    docs_inside = write(isolated_home / ".cache" / "odd" / "x")
    (isolated_home / ".config" / "user-dirs.dirs").write_text(
        f'XDG_DOCUMENTS_DIR="{isolated_home}/.cache/odd"\n'
    )

    plan = scan(
        [target("x.data", data_dir), target("system.cache", isolated_home / ".cache")],
        env(),
        catalog=catalog(),
        probe=FakeProbe(),
    )
    assert paths_of(plan) == {str(junk)}
    assert str(portal) not in paths_of(plan) and str(mesa) not in paths_of(plan)
    assert reasons(plan.skipped) == {
        str(data_dir): "refused: resolves into ONE Cleaner's own data folder",
        str(docs_inside.parent): "never cleaned: your Documents folder",
    }


def test_the_system_root_of_the_tests_is_guarded_like_the_real_one(sysroot: Path) -> None:
    (sysroot / "etc").mkdir()
    write(sysroot / "etc" / "passwd")
    tmp_file = write(sysroot / "var" / "tmp" / "old", age_hours=48)
    plan = scan(
        [target("x.etc", "/etc"), target("system.tmp", "/var/tmp"), target("x.top", "/")],
        env(),
        catalog=catalog(),
        probe=FakeProbe(),
    )
    assert paths_of(plan) == {str(tmp_file)}
    assert reasons(plan.skipped) == {
        str(sysroot / "etc"): "refused: resolves into a system folder",
        str(sysroot): "refused: it is the top of a filesystem",
    }
    assert os.path.exists(sysroot / "etc" / "passwd")
