"""Build ONE Cleaner for this OS: `python installer/build.py` (the one documented command).

1. checks that the code imports no Qt module the bundle leaves out (installer/qt_trim.py);
2. installs the exact dependencies and PyInstaller from installer/requirements.lock, hashes
   required (regenerate it with installer/lock.py);
3. renders the icons (installer/icons.py) and runs installer/onecleaner.spec, giving the
   one-folder bundle dist/onecleaner/ (and dist/ONE Cleaner.app on macOS);
4. on Linux, packs dist/onecleaner_<version>_<arch>.deb (see installer/linux/deb.py).

Windows and macOS installers are made from the bundle by the recipes in installer/windows and
installer/macos (see installer/README.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LOCK = HERE / "requirements.lock"
sys.path.insert(0, str(HERE))

import icons  # noqa: E402 - installer/ helpers, found through the path set just above
import qt_trim  # noqa: E402

_QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)")


def project_version() -> str:
    """The version in pyproject.toml (the bundle, the .deb and the installers all carry it)."""
    with open(REPO / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def check_qt_imports() -> None:
    """Fail early if the app uses a Qt module the spec excludes (the bundle would break)."""
    wrong: list[str] = []
    for path in sorted((REPO / "onecleaner").rglob("*.py")):
        for module in set(_QT_IMPORT.findall(path.read_text(encoding="utf-8"))):
            if module not in qt_trim.NEEDED_QT_MODULES:
                wrong.append(f"{path.relative_to(REPO)}: PySide6.{module}")
    if wrong:
        raise SystemExit(
            "build.py: the code imports Qt modules the bundle leaves out:\n  "
            + "\n  ".join(sorted(wrong))
            + "\nAdd them to NEEDED_QT_MODULES in installer/qt_trim.py (and remove them from"
            " its exclusions) if they are really needed."
        )


def install_locked() -> None:
    """Install the build's exact dependencies, PyInstaller included, from the hashed lock.

    pip refuses any file whose sha256 the lock does not list (installer/lock.py writes it).
    """
    wanted = _lock_python_version()
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if wanted != here:
        raise SystemExit(
            f"build.py: {LOCK.name} is for Python {wanted}, this is Python {here}: build with"
            f" Python {wanted}, or regenerate the lock for {here} (installer/lock.py)."
        )
    print(f"build.py: installing {LOCK.relative_to(REPO)} (hashes required)", flush=True)
    pip = [sys.executable, "-m", "pip", "install", "--require-hashes", "--only-binary=:all:"]
    subprocess.run([*pip, "-r", str(LOCK)], check=True)


def _lock_python_version() -> str:
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.startswith("# python-version:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit(f"build.py: {LOCK} names no python-version; regenerate it")


def run_pyinstaller(version: str, icon_dir: Path, dist: Path, work: Path) -> None:
    env = dict(os.environ, ONECLEANER_ICON_DIR=str(icon_dir), ONECLEANER_VERSION=version)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(HERE / "onecleaner.spec"),
    ]
    print("build.py: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env, cwd=REPO)


def tree_size(path: Path) -> int:
    """Bytes of all regular files below `path` (links counted once, not followed)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=REPO / "build", help="scratch folder")
    parser.add_argument("--no-deb", action="store_true", help="on Linux, stop after the bundle")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.monotonic()
    version = project_version()
    check_qt_imports()
    install_locked()
    icon_dir = work / "icons"
    icons.write_all(icon_dir)
    run_pyinstaller(version, icon_dir, dist, work / "pyinstaller")
    bundle = dist / "onecleaner"
    print(f"build.py: bundle {bundle} ({tree_size(bundle) / 1e6:.1f} MB)")

    if sys.platform.startswith("linux") and not args.no_deb:
        from linux.deb import build_deb

        if shutil.which("dpkg-deb") is None:
            raise SystemExit("build.py: dpkg-deb is missing (Debian package dpkg)")
        deb = build_deb(bundle, version=version, icon_dir=icon_dir, work=work / "deb", dist=dist)
        print(f"build.py: package {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    elif sys.platform == "darwin":
        print(f"build.py: app {dist / 'ONE Cleaner.app'}; DMG: installer/macos/make_dmg.sh")
    elif sys.platform.startswith("win"):
        print("build.py: installer: iscc installer\\windows\\onecleaner.iss")
    print(f"build.py: done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
