"""The Qt binding keeps Python's reference counts: the reason for the PySide6 pin in pyproject.

PySide6 6.12.0 drops a reference to ``True`` at every signal emit. On Python 3.11 ``True`` is an
ordinary object: after as many emits as it has references, Python frees it and aborts
("Fatal Python error: bool_dealloc"). From Python 3.12 ``True`` is immortal and the lost
references change nothing, which is why the pin applies below 3.12 only.

The abort kills the interpreter, so the emits run in a child process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

# More emits than True has references: with the bad binding, True is freed before the end.
EMITS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Sender(QObject):
        ping = Signal()
        value = Signal(object)

    app = QCoreApplication([])
    sender = Sender()
    received = []
    sender.ping.connect(lambda: received.append(1))
    sender.value.connect(received.append)
    emits = min(sys.getrefcount(True), 100_000) + 1000  # immortal True (3.12+) reads 2**32-1
    for i in range(emits):
        sender.ping.emit()
        sender.value.emit(i)
    assert len(received) == 2 * emits, len(received)
    print("emits", emits)
    """
)


def run_emits(python: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [python, "-c", EMITS], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="True is immortal from Python 3.12: nothing to free"
)
def test_signal_emits_never_free_true() -> None:
    done = run_emits(sys.executable)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("emits ")


@pytest.mark.slow
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the abort needs a mortal True (< 3.12)")
def test_the_guard_catches_pyside6_6_12_0(tmp_path: Path) -> None:
    """The test above fails on the binding the pin keeps out (installs it from PyPI)."""
    env_dir = tmp_path / "pyside-6.12.0"
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "PySide6-Essentials==6.12.0"],
        check=True, timeout=900,
    )  # fmt: skip

    done = run_emits(python)

    assert done.returncode != 0
    assert "bool_dealloc" in done.stderr
