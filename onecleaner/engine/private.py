"""The places that hold configuration, keys or personal data: never a root, fine below one.

Two kinds: fixed folders of the home (and where the XDG/APPDATA variables moved them), and
profiles of browsers and mail programs, known by a file only a profile holds.
"""

from __future__ import annotations

from onecleaner.engine.env import Environment
from onecleaner.engine.model import OS
from onecleaner.engine.paths import display_path, fold_path, path_module, variants

#: Folders of the home that hold configuration, keys or personal data: refused as roots, and so
#: is a root that contains one; folders below them may be roots (~/.local/share/Trash).
_PRIVATE_POSIX = (
    ".ssh", ".gnupg", ".pki", ".password-store", ".config", ".local", ".local/share",
    ".mozilla", ".thunderbird", ".var", ".var/app", "snap",
)  # fmt: skip
_PRIVATE_MACOS = (
    "Library", "Library/Application Support", "Library/Preferences", "Library/Keychains",
    "Library/Mail", "Library/Messages", "Library/Containers", "Library/Group Containers",
    "Library/Mobile Documents", "Library/Safari", "Library/Cookies",
)  # fmt: skip
_PRIVATE_WINDOWS = ("AppData", "AppData\\Roaming", "AppData\\Local", "AppData\\LocalLow", ".ssh")
#: Variables naming such folders wherever the user moved them.
_PRIVATE_VARS = {
    OS.LINUX: ("XDG_CONFIG_HOME", "XDG_DATA_HOME"),
    OS.MACOS: ("XDG_CONFIG_HOME", "XDG_DATA_HOME"),
    OS.WINDOWS: ("APPDATA", "LOCALAPPDATA"),
}

#: Files that make a folder a browser's or mail program's profile, or the folder of its profiles
#: (Chromium family and Electron: Local State, Preferences; Firefox, Thunderbird: prefs.js,
#: profiles.ini). A root holding one is refused unless its rule's include globs leave it out.
PROFILE_MARKERS = ("Local State", "Preferences", "Secure Preferences", "prefs.js", "profiles.ini")


def private_folders(env: Environment) -> list[tuple[str, str]]:
    """The folders of `env` that hold configuration, keys or personal data: (path, how a
    message shows it), each by its written and its resolved path."""
    paths = path_module(env.os)
    home = paths.normpath(env.home)
    if env.os is OS.WINDOWS:
        names: tuple[str, ...] = _PRIVATE_WINDOWS
    elif env.os is OS.MACOS:
        names = _PRIVATE_POSIX + _PRIVATE_MACOS
    else:
        names = _PRIVATE_POSIX
    found = [paths.join(home, n) for n in names]
    for var in _PRIVATE_VARS[env.os]:
        value = env.vars.get(var, "")
        if value and paths.isabs(value):
            found.append(value)
    out: list[tuple[str, str]] = []
    known: set[str] = set()
    for path in found:
        for variant in variants(path, env.os):
            key = fold_path(variant, env.os)
            if key == fold_path(home, env.os) or key in known:
                continue  # a variable set to the home itself is refused as the home
            known.add(key)
            out.append((variant, display_path(variant, home, env.os)))
    return out


__all__ = ["PROFILE_MARKERS", "private_folders"]
