"""The built wheel ships the catalog and the entry points; a plain install still finds them."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


def _local_backend_usable() -> bool:
    """Whether this interpreter can build without fetching a build backend (offline, faster)."""
    try:
        major = int(version("setuptools").split(".")[0])
    except (PackageNotFoundError, ValueError):
        return False
    if major < 68:
        return False
    try:
        version("wheel")
    except PackageNotFoundError:
        return major >= 71  # setuptools carries bdist_wheel itself from 70.1
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a copy of the source tree (the checkout stays untouched)."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(REPO, src, ignore=_IGNORE, symlinks=True)
    out = base / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)]
    if _local_backend_usable():
        cmd.append("--no-build-isolation")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    wheels = list(out.glob("onecleaner-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_ships_every_catalog_file(wheel: Path) -> None:
    shipped = sorted(p.name for p in (REPO / "resources" / "cleaners").glob("*.toml"))
    assert shipped, "the source tree has no cleaner definitions"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    in_wheel = sorted(
        n.rsplit("/", 1)[1]
        for n in names
        if n.startswith("onecleaner/resources_data/cleaners/") and n.endswith(".toml")
    )
    assert in_wheel == shipped
    assert "onecleaner/cli/clean_cmds.py" in names
    assert "onecleaner/engine/planfile.py" in names


def test_wheel_ships_every_module(wheel: Path) -> None:
    """Every module of the source tree is in the wheel (a package missing from pyproject's list
    left `onecleaner.app` out, and the installed `onecleaner` could not start)."""
    source = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "onecleaner").rglob("*.py")
        if "__pycache__" not in p.parts
    )
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert [m for m in source if m not in names] == []


def test_wheel_declares_both_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        eps_name = next(n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt"))
        text = zf.read(eps_name).decode()
    eps = configparser.ConfigParser()
    eps.read_string(text)
    assert eps["console_scripts"]["onecleaner"].strip() == "onecleaner.cli:main"
    assert eps["gui_scripts"]["onecleaner-gui"].strip() == "onecleaner.cli:gui_main"


@pytest.mark.slow
def test_plain_install_in_a_fresh_venv_finds_the_catalog(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel (not editable) into a new venv and run its `onecleaner list --json`.

    The venv reaches the test run's own site-packages for the heavy dependencies (no download)
    through a path file, which adds the folder but runs none of its path files: the editable
    install of the checkout stays out, and the wheel's copy of onecleaner is the one imported.
    (`--system-site-packages` would give the base interpreter's packages, not this venv's.)
    """
    import site

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / "python"
    inner = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(inner, "outer-site-packages.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
        check=True,
        timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(py), "-c", "import onecleaner.resources as r; print(r.resources_dir())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), where
    proc = subprocess.run(
        [str(bindir / "onecleaner"), "list", "--json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"system.cache"' in proc.stdout
