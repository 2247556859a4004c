"""Every test runs with a temporary HOME, data folder, system root and no keychain."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

_ISOLATED_VARS = (
    "HOME",
    "ONECLEANER_DATA_DIR",
    "ONECLEANER_SYSTEM_ROOT",
    "ONECLEANER_SHIPPED_NOTICES",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
    "TMPDIR",
    "PYTHON_KEYRING_BACKEND",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh HOME with its XDG folders, a fresh data folder, a fake system root, and an
    empty folder in place of the shipped service notices.

    Absolute system paths of the catalog (/tmp, /var/tmp) resolve under `sysroot`, so no test
    can scan or clean anything of the real machine.
    """
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    (home / ".config").mkdir()
    (home / ".local" / "share").mkdir(parents=True)
    data = tmp_path / "data"
    sysroot = tmp_path / "sysroot"
    (sysroot / "tmp").mkdir(parents=True)
    (sysroot / "var" / "tmp").mkdir(parents=True)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setenv("ONECLEANER_DATA_DIR", str(data))
    monkeypatch.setenv("ONECLEANER_SYSTEM_ROOT", str(sysroot))
    # A notice the vendor ships in resources/notices/ must not end the service in every test.
    monkeypatch.setenv("ONECLEANER_SHIPPED_NOTICES", str(tmp_path / "shipped-notices"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("TMPDIR", str(sysroot / "tmp"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    # The guard itself: Path.home() and expanduser("~") must both follow HOME to the temporary home.
    assert Path.home() == home and os.path.expanduser("~") == str(home)  # HOME is set above
    yield home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The app's data folder for this test (ONECLEANER_DATA_DIR)."""
    return Path(os.environ["ONECLEANER_DATA_DIR"])


@pytest.fixture
def sysroot() -> Path:
    """The fake system root (ONECLEANER_SYSTEM_ROOT) holding tmp/ and var/tmp/."""
    return Path(os.environ["ONECLEANER_SYSTEM_ROOT"])
