"""Fixture homes: the folders each application of the catalog makes, as a test builds them.

Each `Home` is one target on one OS: the files its target must find (`cache`) and the files it
must leave alone (`kept`: the application's user data and its neighbours). Paths start with
`~/` (the home folder) or, on Windows, with `C:/` (a system folder); Windows homes use the
usual profile layout (`~/AppData/Local`, `~/AppData/Roaming`). The layouts follow the sources
named in each definition file; Chromium 156 and Firefox 153 ESR were also observed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from onecleaner.engine.model import OS


@dataclass(frozen=True)
class Home:
    """One target's folder layout on one OS: what it must take and what must survive."""

    target: str
    os: OS
    cache: tuple[str, ...]
    kept: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)  # extra variables ({home} = the home)

    @property
    def id(self) -> str:
        return f"{self.target}-{self.os.value}"


L, M, W = OS.LINUX, OS.MACOS, OS.WINDOWS

# A Chromium profile's user data: never cache.
CHROMIUM_PROFILE_DATA = (
    "Cookies",
    "Network/Cookies",
    "History",
    "Favicons",
    "Login Data",
    "Web Data",
    "Preferences",
    "Bookmarks",
    "Local Storage/leveldb/000003.log",
    "IndexedDB/https_x.indexeddb.leveldb/LOG",
    "Service Worker/CacheStorage/abc/index",
    "Extension State/000003.log",
    "Sessions/Session_1",
    "Storage/ext/abcdef/def/Local Storage/leveldb/LOG",
)
CHROMIUM_PROFILE_CACHE = (
    "Cache/Cache_Data/data_0",
    "Code Cache/js/index",
    "GPUCache/data_1",
    "DawnGraphiteCache/index",
    "Shared Dictionary/cache/index",
    "Storage/ext/abcdef/def/GPUCache/data_0",
)


def chromium(
    user_data: str, profiles: tuple[str, ...] = ("Default", "Profile 2")
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cache, kept) of a Chromium user-data folder with these profiles."""
    cache = [f"{user_data}/{p}/{c}" for p in profiles for c in CHROMIUM_PROFILE_CACHE]
    cache += [f"{user_data}/component_crx_cache/abc.crx", f"{user_data}/GrShaderCache/data_0"]
    kept = [f"{user_data}/{p}/{d}" for p in profiles for d in CHROMIUM_PROFILE_DATA]
    kept += [f"{user_data}/Local State", f"{user_data}/First Run"]
    return tuple(cache), tuple(kept)


def electron(folder: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cache, kept) of an Electron app's data folder (its one profile)."""
    cache = (f"{folder}/Cache/Cache_Data/f_000001", f"{folder}/Code Cache/js/index",
             f"{folder}/GPUCache/data_0", f"{folder}/DawnWebGPUCache/index")  # fmt: skip
    kept = (f"{folder}/Local Storage/leveldb/000003.log", f"{folder}/IndexedDB/x/LOG",
            f"{folder}/Cookies", f"{folder}/Preferences", f"{folder}/settings.json")  # fmt: skip
    return cache, kept


def gecko(profile: str, cache_folder: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cache, kept) of a Firefox-family profile and its separate cache folder."""
    cache = (f"{cache_folder}/cache2/entries/ABC", f"{cache_folder}/startupCache/scriptCache.bin",
             f"{cache_folder}/thumbnails/x.png", f"{profile}/shader-cache/0")  # fmt: skip
    kept = (f"{profile}/places.sqlite", f"{profile}/cookies.sqlite", f"{profile}/logins.json",
            f"{profile}/prefs.js", f"{profile}/sessionstore.jsonlz4",
            f"{profile}/storage/default/x/idb/1.sqlite", f"{profile}/extensions/a.xpi")  # fmt: skip
    return cache, kept


def vscode(folder: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cache, kept) of a VS Code-family data folder."""
    cache = (f"{folder}/Cache/Cache_Data/f_1", f"{folder}/CachedData/abc/x.code",
             f"{folder}/CachedExtensionVSIXs/ms-python.python-1", f"{folder}/Code Cache/js/i",
             f"{folder}/GPUCache/data_0")  # fmt: skip
    kept = (f"{folder}/User/settings.json", f"{folder}/User/keybindings.json",
            f"{folder}/User/History/abc/entries.json", f"{folder}/User/globalStorage/state.vscdb",
            f"{folder}/Local Storage/leveldb/LOG", f"{folder}/Cookies")  # fmt: skip
    return cache, kept


def join(
    *parts: tuple[tuple[str, ...], tuple[str, ...]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(c for p in parts for c in p[0]), tuple(k for p in parts for k in p[1])


def home(target: str, os_: OS, layout: tuple[tuple[str, ...], tuple[str, ...]], **env: str) -> Home:
    return Home(target, os_, layout[0], layout[1], dict(env))


LA, RA = "~/AppData/Local", "~/AppData/Roaming"
CONTAINERS = "~/Library/Containers"


def all_homes() -> tuple[Home, ...]:
    """Every fixture home (the data modules import this one's helpers)."""
    from homes_apps import APPS
    from homes_browsers import BROWSERS
    from homes_tools import TOOLS

    return BROWSERS + TOOLS + APPS
