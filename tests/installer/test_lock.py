"""The hashed lock the installer build uses: it pins what pyproject.toml asks for, on every
target, with hashes (installer/lock.py writes it; `.ci/run` downloads it for each target)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "installer"))

import build  # noqa: E402 - installer/ scripts, found through the path set just above
import lock  # noqa: E402


def test_the_lock_pins_every_requirement_of_pyproject_on_every_target() -> None:
    assert lock.lock_problems(lock.project_requirements()) == []


def test_a_stale_lock_is_caught(tmp_path: Path) -> None:
    stale = tmp_path / "requirements.lock"
    text = lock.LOCK.read_text(encoding="utf-8")
    stale.write_text(re.sub(r"(?m)^psutil==\S+", "psutil==4.0.0", text), encoding="utf-8")
    assert lock.lock_problems(["psutil>=5.9,<8"], stale) == [
        f"{t.name}: psutil>=5.9,<8 is locked as 4.0.0" for t in lock.TARGETS
    ]
    assert lock.lock_problems(["not-locked-anywhere>=1"], stale)[0].endswith("locked as nothing")


def test_every_pin_is_exact_and_hashed() -> None:
    entries = lock.LOCK.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    entries = [e for e in entries if e and not e.startswith("#")]
    assert entries
    for entry in entries:
        assert "==" in entry.split(" ", 1)[0], entry
        assert "--hash=sha256:" in entry, entry


def test_platform_only_packages_carry_their_markers() -> None:
    """keyring's Windows-only helper and pyobjc are locked for their OS alone."""
    markers = {r.name: str(r.marker) for r in lock.locked()}
    assert markers["pywin32-ctypes"] == 'sys_platform == "win32"'
    assert markers["pyobjc-framework-cocoa"] == 'sys_platform == "darwin"'
    assert markers["secretstorage"] == 'sys_platform == "linux"'


def test_the_build_installs_the_lock_with_hashes_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(build.subprocess, "run", lambda cmd, **kw: calls.append(list(cmd)))
    build.install_locked()
    (cmd,) = calls
    assert cmd[:4] == [sys.executable, "-m", "pip", "install"]
    assert "--require-hashes" in cmd and "--only-binary=:all:" in cmd
    assert cmd[cmd.index("-r") + 1] == str(lock.LOCK)
