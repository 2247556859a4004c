"""The proof of the Linux package: build it, unpack it, run what it installs with no Python on PATH.

Slow (a full PyInstaller build, a few minutes): run with
``QT_QPA_PLATFORM=offscreen python -m pytest -m slow tests/installer/test_build.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from onecleaner.appinfo import APP_ID

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is built on Linux"),
]

REPO = Path(__file__).resolve().parents[2]
#: The installed bundle's budget (issue 5 aims under 120 MB); a regression guard, not a timing.
SIZE_BUDGET = 120_000_000


def _version() -> str:
    with open(REPO / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """Run `python installer/build.py` into a temporary dist/ and unpack the .deb it made."""
    if shutil.which("dpkg-deb") is None:
        pytest.fail("dpkg-deb is missing: the .deb cannot be built (Debian package dpkg)")
    base = tmp_path_factory.mktemp("build")
    dist, work, root = base / "dist", base / "work", base / "root"
    env = dict(os.environ)
    # PyInstaller keeps a cache under the home folder; give it its own so nothing real is touched.
    env["HOME"] = str(base / "home")
    env["PYINSTALLER_CONFIG_DIR"] = str(base / "pyinstaller-cache")
    build = [sys.executable, str(REPO / "installer" / "build.py")]
    proc = subprocess.run(
        [*build, "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    debs = sorted(dist.glob("onecleaner_*.deb"))
    assert len(debs) == 1, f"expected one .deb in {dist}: {debs}"
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
    yield debs[0], root


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """An environment with a temporary HOME and data folder, and a PATH without any Python."""
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    home = Path(os.environ["HOME"])
    env = {
        "PATH": str(empty_bin),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"],
        "ONECLEANER_DATA_DIR": os.environ["ONECLEANER_DATA_DIR"],
        "ONECLEANER_SYSTEM_ROOT": os.environ["ONECLEANER_SYSTEM_ROOT"],
        "TMPDIR": os.environ["TMPDIR"],
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "LANG": "C.UTF-8",
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def _run(binary: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(binary), *args], capture_output=True, text=True, env=env, check=False, timeout=300
    )


def test_deb_describes_itself_and_installs_every_integration_file(
    built: tuple[Path, Path],
) -> None:
    deb, root = built
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: onecleaner" in info
    assert f"Version: {_version()}" in info
    assert "libc6" in info
    for rel in (
        "opt/onecleaner/onecleaner",
        "usr/bin/onecleaner",
        "usr/bin/onecleaner-gui",
        f"usr/share/applications/{APP_ID}.desktop",
        f"usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"usr/share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg",
        f"usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
        f"usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
    ):
        assert (root / rel).is_file(), f"{rel} missing from the package"
    assert "exec /opt/onecleaner/onecleaner" in (root / "usr/bin/onecleaner").read_text()
    assert os.access(root / "usr/bin/onecleaner", os.X_OK)


def test_bundle_leaves_out_unused_qt_and_stays_within_budget(built: tuple[Path, Path]) -> None:
    _deb, root = built
    bundle = root / "opt" / "onecleaner"
    names = {p.name for p in bundle.rglob("*")}
    for unwanted in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6", "libgtk-3.so.0"):
        assert unwanted not in names
    assert "libqoffscreen.so" in names and "libqxcb.so" in names
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < SIZE_BUDGET, f"/opt/onecleaner holds {size / 1e6:.1f} MB"


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None or shutil.which("appstreamcli") is None,
    reason="validators missing (Debian packages desktop-file-utils and appstream)",
)
def test_installed_desktop_files_pass_the_validators(built: tuple[Path, Path]) -> None:
    _deb, root = built
    desktop = root / f"usr/share/applications/{APP_ID}.desktop"
    metainfo = root / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
    d = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert d.returncode == 0 and d.stdout.strip() == "", d.stdout + d.stderr
    a = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert a.returncode == 0, a.stdout + a.stderr


def test_bundled_binary_prints_its_version_without_python(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    _deb, root = built
    proc = _run(root / "opt/onecleaner/onecleaner", "--version", env=_clean_env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"onecleaner {_version()}"


def test_bundled_binary_scans_a_temporary_home_and_removes_nothing(
    built: tuple[Path, Path], tmp_path: Path, isolated_home: Path
) -> None:
    _deb, root = built
    cached = isolated_home / ".cache" / "pip" / "http" / "a" / "b" / "blob"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"x" * 20_000)
    kept = isolated_home / "Documents" / "report.txt"
    kept.parent.mkdir()
    kept.write_text("mine")

    proc = _run(
        root / "opt/onecleaner/onecleaner", "scan", "pip.cache", "--json", env=_clean_env(tmp_path)
    )

    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    [target] = report["targets"]
    assert target["id"] == "pip.cache"
    assert target["files"] == 1
    assert target["bytes"] > 0  # allocated blocks: the filesystem decides the figure
    assert cached.is_file() and kept.read_text() == "mine"  # a scan removes nothing


def test_bundled_gui_smoke_test_runs_offscreen(built: tuple[Path, Path], tmp_path: Path) -> None:
    _deb, root = built
    env = _clean_env(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"

    proc = _run(root / "opt/onecleaner/onecleaner", "gui", "--smoke-test", env=env)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
