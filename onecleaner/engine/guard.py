"""Never-touch locations: the places no definition may clean, whatever it says.

A root is refused when it resolves to a filesystem root, to the home folder or one of its
ancestors, or into a protected folder (the user's documents, desktop, downloads, pictures,
music and videos folders, system folders, the app's own data and cache folders, known fragile
caches, the user's own never-touch list). Protected folders that lie *below* an allowed root are
never walked: the scan stops at them.

The checks here are pure string work on resolved paths (`Guard.refusal`), so the rules of
every OS are tested anywhere; only `check_root` and `Guard.for_env` touch the disk.
"""

from __future__ import annotations

import fnmatch
import ntpath
import os
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from onecleaner.engine.env import Environment, current_os
from onecleaner.engine.errors import GuardRefusal
from onecleaner.engine.model import OS
from onecleaner.engine.mounts import MountTable
from onecleaner.engine.paths import (
    display_path,
    fold_path,
    is_within,
    path_module,
    variants,
)
from onecleaner.engine.private import PROFILE_MARKERS, private_folders
from onecleaner.engine.reasons import Place, Reason, SkipCode

#: XDG user-dirs keys and the words used for them in messages.
_USER_DIR_KEYS = {
    "DESKTOP": "Desktop",
    "DOCUMENTS": "Documents",
    "DOWNLOAD": "Downloads",
    "MUSIC": "Music",
    "PICTURES": "Pictures",
    "VIDEOS": "Videos",
    "TEMPLATES": "Templates",
    "PUBLICSHARE": "Public",
}

#: English default names of the user's folders (present even when user-dirs.dirs says else).
_DEFAULT_USER_DIRS = ("Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos")

_POSIX_SYSTEM = (
    "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/proc",
    "/root", "/run", "/sbin", "/snap", "/srv", "/sys", "/usr", "/var",
)  # fmt: skip
_POSIX_SYSTEM_EXCEPTIONS = ("/var/tmp",)
_MACOS_SYSTEM = (
    "/System", "/Library", "/Applications", "/private/etc", "/private/var", "/cores",
)  # fmt: skip
# macOS keeps per-user temporary folders ($TMPDIR) under /var/folders.
_MACOS_SYSTEM_EXCEPTIONS = ("/private/var/tmp", "/private/var/folders", "/var/folders")

#: Caches that break desktops or are not caches at all when emptied (relative to the cache home).
_FRAGILE_CACHE_NAMES = ("doc", "ibus", "kwin", "plasmashell", "obexd")
_FRAGILE_CACHE_GLOBS = ("mesa_shader_cache*", "qtshadercache-*", "*.kcache")


@dataclass(frozen=True, slots=True)
class Protected:
    """One never-touch folder (or file): its path, what it is, whether meeting it is news."""

    path: str
    place: Place
    folder: str = ""  # the user folder's word (Documents) for Place.USER_FOLDER
    exceptions: tuple[str, ...] = ()  # folders inside it that may be cleaned (/var/tmp)
    report: bool = True  # False: met below a root, it is passed over without a skip record

    def reason(self, code: SkipCode = SkipCode.PROTECTED) -> Reason:
        """The reason naming this place (a protected skip, or a refusal with `code`)."""
        if self.folder:
            return Reason.of(code, place=self.place.value, folder=self.folder)
        return Reason.of(code, place=self.place.value)


class Guard:
    """The never-touch rules for one environment, ready for fast checks."""

    def __init__(
        self,
        os_: OS,
        home: str,
        protected: Sequence[Protected],
        exact: Sequence[tuple[str, Place]] = (),
        private: Sequence[Protected] = (),
        mounts: MountTable | None = None,
    ) -> None:
        self.os = os_
        self.mounts = mounts  # this machine's mounts: a root bind-mounted from elsewhere
        paths = path_module(os_)
        self.home = paths.normpath(home)
        self.protected = tuple(protected)
        self.exact = tuple(exact)  # (path, place): refused as roots, fine to have below one
        self.private = tuple(private)  # refused as roots and inside roots, fine below
        # Path -> (reason, report) for the walk's one-lookup-per-folder test.
        self.stops: dict[str, tuple[Reason, bool]] = {}
        for p in self.protected:
            self.stops.setdefault(p.path, (p.reason(), p.report))

    @classmethod
    def for_env(
        cls, env: Environment, data_dir: Path | None = None, extra: Sequence[str] = ()
    ) -> Guard:
        """The guard of `env`: reads ~/.config/user-dirs.dirs and resolves symlinked places."""
        mounts = MountTable.current() if env.os is current_os() else None
        return cls(
            env.os, env.home, _protected(env, data_dir, extra), _exact(env), _private(env), mounts
        )

    def refusal(self, resolved: str) -> Reason | None:
        """Why a resolved root may not be cleaned; None when it may.

        A root at or below a bind mount of a folder is also judged where it really is
        (`mount --bind ~/Documents ~/.cache` makes ~/.cache your Documents folder).
        """
        reason = self._refusal(resolved)
        if reason is None and self.mounts is not None:
            source = self.mounts.bind_source(resolved)
            if source is not None and source != resolved:
                reason = self._refusal(source)
        return reason

    def _refusal(self, resolved: str) -> Reason | None:
        paths = path_module(self.os)
        if paths.dirname(resolved) == resolved:
            return Reason.of(SkipCode.REFUSED_IS, place=Place.FILESYSTEM_TOP.value)
        if is_within(self.home, resolved, self.os):
            if fold_path(self.home, self.os) == fold_path(resolved, self.os):
                return Reason.of(SkipCode.REFUSED_IS, place=Place.HOME.value)
            return Reason.of(SkipCode.REFUSED_HOLDS_HOME)
        folded = fold_path(resolved, self.os)
        for p in self.private:
            if fold_path(p.path, self.os) == folded:
                return p.reason(SkipCode.REFUSED_IS)
        for p in self.private:
            if is_within(p.path, resolved, self.os):
                return p.reason(SkipCode.REFUSED_HOLDS)
        for path, place in self.exact:
            if fold_path(path, self.os) == folded:
                return Reason.of(SkipCode.REFUSED_IS, place=place.value)
        for p in self.protected:
            if not is_within(resolved, p.path, self.os):
                continue
            if any(is_within(resolved, ex, self.os) for ex in p.exceptions):
                continue
            return p.reason(SkipCode.REFUSED_INTO)
        return None

    def profile_refusal(
        self, resolved: str, takes: Callable[[str], object] | None
    ) -> Reason | None:
        """Why the folder `resolved` may not be a root: it is a browser's or mail program's
        profile (it holds one of `PROFILE_MARKERS`) and the rule would take that file.

        `takes(name)` says whether the rule takes a file of that name at the root (its include
        globs); None means it takes everything. Reads the disk (a few lstat calls).
        """
        for marker in PROFILE_MARKERS:
            if takes is not None and not takes(marker):
                continue
            try:
                os.lstat(os.path.join(resolved, marker))
            except (OSError, ValueError):
                continue
            return Reason.of(
                SkipCode.REFUSED_IS, place=Place.PROFILE.value, folder=self.display(resolved)
            )
        return None

    def display(self, path: str) -> str:
        """A path as messages show it: `~/.ssh` for a folder of the home."""
        return display_path(path, self.home, self.os)

    def paths(self) -> tuple[str, ...]:
        """Every never-touch path, for showing the user."""
        seen: dict[str, None] = {}
        for path, _ in self.exact:
            seen.setdefault(path)
        seen.setdefault(self.home)
        for p in self.protected:
            seen.setdefault(p.path)
        return tuple(seen)


def never_touch(
    env: Environment, data_dir: Path | None = None, extra: Sequence[str] = ()
) -> tuple[str, ...]:
    """The never-touch locations of `env` (resolved where they exist on disk)."""
    return Guard.for_env(env, data_dir, extra).paths()


def check_root(root: str, env: Environment, *, guard: Guard | None = None) -> str:
    """The resolved root, or GuardRefusal(reason) when it resolves into a never-touch place."""
    g = guard if guard is not None else Guard.for_env(env)
    resolved = os.path.realpath(root)
    reason = g.refusal(resolved)
    if reason is not None:
        raise GuardRefusal(str(reason))
    return resolved


# -- building the protected list ------------------------------------------------------------


def _expand_user(path: str, env: Environment) -> str:
    paths = path_module(env.os)
    if path == "~" or path.startswith(("~/", "~\\")):
        return paths.join(env.home, path[2:]) if len(path) > 1 else env.home
    return path


def _xdg_user_dirs(env: Environment) -> dict[str, str]:
    """Folder word -> path from ~/.config/user-dirs.dirs and XDG_*_DIR variables."""
    found: dict[str, str] = {}
    config = env.vars.get("XDG_CONFIG_HOME") or os.path.join(env.home, ".config")
    try:
        text = Path(config, "user-dirs.dirs").read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        text = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip()
        if not (key.startswith("XDG_") and key.endswith("_DIR")):
            continue
        word = _USER_DIR_KEYS.get(key[4:-4])
        if word is None:
            continue
        value = value.strip().strip('"')
        value = value.replace("${HOME}", env.home).replace("$HOME", env.home)
        if os.path.isabs(value):
            found[word] = value
    for key, word in _USER_DIR_KEYS.items():
        value = env.vars.get(f"XDG_{key}_DIR", "")
        if value and os.path.isabs(value):
            found.setdefault(word, value)
    return found


def _protected(env: Environment, data_dir: Path | None, extra: Sequence[str]) -> list[Protected]:
    paths = path_module(env.os)
    home = paths.normpath(env.home)
    out: list[Protected] = []
    known: set[str] = set()

    def add(
        path: str,
        place: Place,
        folder: str = "",
        *,
        exceptions: Iterable[str] = (),
        report: bool = True,
    ) -> None:
        for variant in variants(path, env.os):
            # A user folder set to the home itself means "disabled" (XDG spec): not a rule.
            if fold_path(variant, env.os) == fold_path(home, env.os) or variant in known:
                continue
            known.add(variant)
            out.append(Protected(variant, place, folder, tuple(exceptions), report))

    user_dirs = {word: paths.join(home, word) for word in _DEFAULT_USER_DIRS}
    if env.os is OS.MACOS:
        user_dirs["Movies"] = paths.join(home, "Movies")
    if env.os is OS.LINUX:
        user_dirs.update(_xdg_user_dirs(env))
    for word, path in user_dirs.items():
        add(path, Place.USER_FOLDER, word)
    for word in _DEFAULT_USER_DIRS:  # defaults stay protected even when user-dirs moved them
        add(paths.join(home, word), Place.USER_FOLDER, word)

    for path, exceptions in _system_folders(env):
        add(path, Place.SYSTEM, exceptions=exceptions)

    if data_dir is None:
        from onecleaner.datadir import data_dir as default_data_dir

        data_dir = default_data_dir()
    add(os.fspath(data_dir), Place.DATA_DIR, report=False)
    from onecleaner.engine.catalog_cache import cache_folder

    add(os.fspath(cache_folder()), Place.DATA_DIR, report=False)  # our own parsed catalog

    for path in _fragile(env):
        add(path, Place.FRAGILE, report=False)

    for item in extra:
        if item.strip():
            path = paths.normpath(_expand_user(item.strip(), env))
            add(path, Place.NEVER_TOUCH, report=False)
    return out


def _system_folders(env: Environment) -> list[tuple[str, tuple[str, ...]]]:
    """(folder, exceptions) of the OS's system folders, also under a test system root."""
    out: list[tuple[str, tuple[str, ...]]] = []
    if env.os is OS.WINDOWS:
        windir = env.vars.get("SystemRoot") or env.vars.get("WINDIR") or "C:\\Windows"
        allowed = tuple(ntpath.join(windir, n) for n in ("Temp", "SystemTemp", "Minidump"))
        out.append((windir, allowed))
        for var, default in (
            ("ProgramFiles", "C:\\Program Files"),
            ("ProgramFiles(x86)", "C:\\Program Files (x86)"),
        ):
            out.append((env.vars.get(var) or default, ()))
        return out
    prefixes = ["/"]
    if env.system_root not in ("", "/"):
        prefixes.append(posixpath.normpath(env.system_root))
    folders: list[str] = list(_POSIX_SYSTEM)
    exceptions: list[str] = list(_POSIX_SYSTEM_EXCEPTIONS)
    if env.os is OS.MACOS:
        folders.extend(_MACOS_SYSTEM)
        exceptions.extend(_MACOS_SYSTEM_EXCEPTIONS)
    home = posixpath.normpath(env.home)
    for prefix in prefixes:
        for folder in folders:
            path = posixpath.join(prefix, folder.lstrip("/"))
            spared = [posixpath.join(prefix, e.lstrip("/")) for e in exceptions]
            if is_within(home, path, env.os):
                spared.append(home)  # root's home /root, or homes under /var
            out.append((path, tuple(spared)))
    return out


def _fragile(env: Environment) -> list[str]:
    paths = path_module(env.os)
    out: list[str] = []
    if env.os is OS.LINUX:
        cache = env.vars.get("XDG_CACHE_HOME") or paths.join(env.home, ".cache")
        for base in {cache, paths.join(env.home, ".cache")}:
            out += [paths.join(base, n) for n in _FRAGILE_CACHE_NAMES]
            try:
                names = os.listdir(base)
            except OSError:
                names = []
            for name in names:
                if any(fnmatch.fnmatchcase(name, g) for g in _FRAGILE_CACHE_GLOBS):
                    out.append(paths.join(base, name))
        runtime = env.vars.get("XDG_RUNTIME_DIR")
        if runtime:
            out.append(paths.join(runtime, "doc"))  # Flatpak's document portal (FUSE)
    elif env.os is OS.MACOS:
        out.append(paths.join(env.home, "Library", "Saved Application State"))
    return out


def _private(env: Environment) -> list[Protected]:
    """The folders of `env` that hold configuration, keys or personal data."""
    return [Protected(path, Place.PRIVATE, shown) for path, shown in private_folders(env)]


def _exact(env: Environment) -> list[tuple[str, Place]]:
    """Places refused as roots themselves but fine to have below one (drive tops)."""
    out = [(m, Place.DRIVE_TOP) for m in env.mounts]
    if env.system_root not in ("", "/"):
        out.append((os.path.normpath(env.system_root), Place.FILESYSTEM_TOP))
    return out
