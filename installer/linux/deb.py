"""Pack the PyInstaller bundle into a .deb: /opt/onecleaner, /usr/bin wrappers, desktop files.

Layout of the package:

    /opt/onecleaner/                       the one-folder bundle
    /usr/bin/onecleaner, onecleaner-gui    small sh wrappers (exec into /opt/onecleaner)
    /usr/share/applications/<APP_ID>.desktop
    /usr/share/metainfo/<APP_ID>.metainfo.xml
    /usr/share/icons/hicolor/{scalable,symbolic,NxN}/apps/<APP_ID>[-symbolic].{svg,png}
    /usr/share/doc/onecleaner/copyright

The copies of system libraries PyInstaller made (X11, fontconfig, glib, libstdc++...) are taken
out again when a Debian package ships the same soname, so the distribution keeps them patched.
Depends is then computed like dpkg-shlibdeps would: every ELF file of the bundle is asked (ldd)
for the libraries it loads from outside the bundle, and dpkg names the packages that own them.
Icon caches and the desktop database are refreshed by the dpkg triggers of hicolor-icon-theme
and desktop-file-utils, so the package needs no maintainer scripts.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.github.onecleaner.OneCleaner"
PACKAGE = "onecleaner"
INSTALL_DIR = "/opt/onecleaner"

#: Used when the build machine cannot tell (no ldd or dpkg): what Qt's xcb/wayland parts load.
FALLBACK_DEPENDS = (
    "libc6",
    "libstdc++6",
    "zlib1g",
    "libglib2.0-0 | libglib2.0-0t64",
    "libfontconfig1",
    "libfreetype6",
    "libgl1",
    "libegl1",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(\S+)\s+\(0x[0-9a-f]+\)", re.MULTILINE)
_LDD_MISSING = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")

WRAPPER = """#!/bin/sh
# ONE Cleaner is installed in {install_dir}; this wrapper keeps that folder off PATH.
exec {install_dir}/onecleaner {args}"$@"
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ONE Cleaner
Source: https://github.com/onecleaner/onecleaner

Files: *
Copyright: ONE Cleaner team
License: LicenseRef-proprietary
 All rights reserved. The bundle in /opt/onecleaner also holds Python, Qt for Python
 (LGPL-3.0) and other third-party libraries under their own licenses; see
 /opt/onecleaner/_internal for their files and metadata.
"""


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_libraries(path: Path) -> list[str] | None:
    """The sonames a binary links directly (DT_NEEDED), or None if readelf is missing."""
    if shutil.which("readelf") is None:
        return None
    proc = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False)
    return _NEEDED.findall(proc.stdout)


def _ldd_libraries(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    proc = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
    return _LDD_LINE.findall(proc.stdout), _LDD_MISSING.findall(proc.stdout)


def external_libraries(bundle: Path) -> tuple[set[str], set[str]]:
    """System paths of the libraries the bundle links directly, and sonames nobody provides.

    Only direct links count (as dpkg-shlibdeps does): the packages of those depend on the rest.
    Without readelf, ldd's transitive list is used instead, which is longer but still right.
    """
    inside = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    cache = system_library_paths()
    system: set[str] = set()
    missing: set[str] = set()
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        if not is_elf(path):
            continue
        needed = needed_libraries(path)
        if needed is None:
            found, absent = _ldd_libraries(path)
            system.update(target for soname, target in found if soname not in inside)
            missing.update(soname for soname in absent if soname not in inside)
            continue
        machine = _elf_machine(path)
        for soname in needed:
            if soname in inside:
                continue
            match = [c for c in cache.get(soname, []) if _elf_machine(c) == machine]
            if match:
                system.add(match[0])
            else:
                missing.add(soname)
    return system, missing


def owning_packages(paths: Iterable[str]) -> set[str]:
    """The Debian packages that own `paths` (tried as given, resolved, and across /usr merges)."""
    candidates: list[str] = []
    for path in sorted(set(paths)):
        for cand in (path, os.path.realpath(path)):
            candidates.append(cand)
            if cand.startswith("/usr/lib/"):
                candidates.append(cand.removeprefix("/usr"))
            elif cand.startswith("/lib/"):
                candidates.append("/usr" + cand)
    if not candidates:
        return set()
    # One dpkg call for all: it prints "pkg[, pkg]: path" for each path it knows.
    proc = subprocess.run(
        ["dpkg", "-S", *dict.fromkeys(candidates)], capture_output=True, text=True, check=False
    )
    packages: set[str] = set()
    for line in proc.stdout.splitlines():
        owner, sep, _path = line.partition(": ")
        if sep and not line.startswith("diversion"):
            packages.update(p.strip().split(":")[0] for p in owner.split(","))
    return packages


def compute_depends(bundle: Path) -> list[str]:
    """Depends entries for the bundle; the fallback list if this machine cannot tell."""
    if shutil.which("dpkg") is None or (shutil.which("readelf") or shutil.which("ldd")) is None:
        return list(FALLBACK_DEPENDS)
    system, missing = external_libraries(bundle)
    if missing:
        print("deb: note: libraries not found on this machine: " + ", ".join(sorted(missing)))
    packages = owning_packages(system)
    return sorted(packages) if packages else list(FALLBACK_DEPENDS)


def _elf_machine(path: Path | str) -> bytes:
    """The e_machine field of an ELF header (so a library is matched with its own CPU kind)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return b""
    return head[18:20] if head[:4] == b"\x7fELF" else b""


def system_library_paths() -> dict[str, list[str]]:
    """soname -> paths, from the dynamic linker's cache (`ldconfig -p`)."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    proc = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False)
    found: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines()[1:]:
        name, sep, path = line.strip().partition(" => ")
        if sep:
            found.setdefault(name.split(" (")[0], []).append(path.strip())
    return found


def unbundle_system_libraries(internal: Path) -> list[str]:
    """Remove the copies of system libraries PyInstaller made; Depends brings the real ones.

    A library goes when a Debian package installs the same soname for the same CPU: then the
    distribution keeps it patched, and the package is smaller. Python's own library (built
    with the interpreter, owned by no package) and everything of Qt stay in the bundle.
    """
    cache = system_library_paths()
    removed: list[str] = []
    for lib in sorted(internal.glob("lib*.so*")):
        if lib.name.startswith("libpython") or not lib.is_file():
            continue
        machine = _elf_machine(lib)
        match = [p for p in cache.get(lib.name, []) if machine and _elf_machine(p) == machine]
        if match and owning_packages(match[:1]):
            lib.unlink()
            removed.append(lib.name)
    return removed


def architecture() -> str:
    proc = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=False
    )
    return proc.stdout.strip() or "amd64"


def _write(path: Path, data: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    path.chmod(mode)


def _normalise_modes(root: Path) -> None:
    """0755 folders and executables, 0644 other files: what dpkg and lintian expect."""
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            full = Path(dirpath) / name
            if full.is_symlink():
                continue
            full.chmod(0o755 if full.stat().st_mode & 0o111 else 0o644)


def stage(bundle: Path, root: Path, icon_dir: Path) -> None:
    """Lay the package's files out under `root` (its future /)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR.lstrip("/"), symlinks=True)
    _write(root / "usr/bin/onecleaner", WRAPPER.format(install_dir=INSTALL_DIR, args=""), 0o755)
    _write(
        root / "usr/bin/onecleaner-gui",
        WRAPPER.format(install_dir=INSTALL_DIR, args="gui "),
        0o755,
    )
    desktop = REPO / "resources" / "desktop"
    share = root / "usr" / "share"
    _write(
        share / "applications" / f"{APP_ID}.desktop", (desktop / f"{APP_ID}.desktop").read_bytes()
    )
    _write(
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        (desktop / f"{APP_ID}.metainfo.xml").read_bytes(),
    )
    hicolor = share / "icons" / "hicolor"
    svg_dir = REPO / "resources" / "icons"
    _write(hicolor / "scalable/apps" / f"{APP_ID}.svg", (svg_dir / "onecleaner.svg").read_bytes())
    _write(
        hicolor / "symbolic/apps" / f"{APP_ID}-symbolic.svg",
        (svg_dir / "onecleaner-symbolic.svg").read_bytes(),
    )
    for png in sorted((icon_dir / "hicolor").glob("*x*.png")):
        _write(hicolor / png.stem / "apps" / f"{APP_ID}.png", png.read_bytes())
    _write(share / "doc" / PACKAGE / "copyright", COPYRIGHT)
    _normalise_modes(root)


def control_text(version: str, arch: str, depends: list[str], installed_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: ONE Cleaner team <onecleaner@users.noreply.github.com>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Recommends: hicolor-icon-theme, desktop-file-utils\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Homepage: https://github.com/onecleaner/onecleaner\n"
        "Description: careful, fast cleaner for cache and temporary junk\n"
        " ONE Cleaner finds and removes what the system and applications rebuild on\n"
        " their own: caches, temporary files, thumbnails, old logs. It shows what it\n"
        " found before anything is removed, never touches personal folders and never\n"
        " connects to the network. Desktop app (Qt) and command line `onecleaner`.\n"
    )


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {rel.as_posix()}\n")
    return "".join(lines)


def build_deb(bundle: Path, *, version: str, icon_dir: Path, work: Path, dist: Path) -> Path:
    """Stage, describe and pack the .deb; returns its path in `dist`."""
    arch = architecture()
    root = work / f"{PACKAGE}_{version}_{arch}"
    stage(bundle, root, icon_dir)
    installed = root / INSTALL_DIR.lstrip("/")
    if shutil.which("dpkg") is not None:
        removed = unbundle_system_libraries(installed / "_internal")
        print(f"deb: {len(removed)} system libraries come from Depends: " + ", ".join(removed))
    depends = compute_depends(installed)
    size_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    control = control_text(version, arch, depends, (size_kib + 1023) // 1024)
    _write(root / "DEBIAN" / "control", control)
    _write(root / "DEBIAN" / "md5sums", md5sums(root))
    dist.mkdir(parents=True, exist_ok=True)
    deb = dist / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print("deb: Depends: " + ", ".join(depends))
    return deb
