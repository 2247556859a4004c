"""One instance: a second launch is refused and the first is asked to come forward."""

from __future__ import annotations

import os
import subprocess
import sys

from pytestqt.qtbot import QtBot

from onecleaner.gui.single_instance import SingleInstance


def test_second_instance_is_refused_and_first_is_activated(qtbot: QtBot) -> None:
    first = SingleInstance("onecleaner-test")
    second = SingleInstance("onecleaner-test")
    try:
        assert first.acquire() is True
        with qtbot.waitSignal(first.activateRequested, timeout=3000):
            assert second.acquire() is False
        assert first.is_primary and not second.is_primary
    finally:
        second.release()
        first.release()


def test_after_release_a_new_instance_becomes_primary(qtbot: QtBot) -> None:
    first = SingleInstance("onecleaner-test")
    assert first.acquire()
    first.release()
    again = SingleInstance("onecleaner-test")
    try:
        assert again.acquire() is True
    finally:
        again.release()


def test_different_keys_do_not_meet(qtbot: QtBot) -> None:
    a = SingleInstance("onecleaner-a")
    b = SingleInstance("onecleaner-b")
    try:
        assert a.acquire() and b.acquire()
    finally:
        a.release()
        b.release()


def test_stale_lock_and_socket_of_a_crashed_instance_are_cleaned_up(qtbot: QtBot) -> None:
    # A child process takes the instance and dies without releasing it (like a crash).
    code = (
        "import os\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from onecleaner.gui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        "inst = SingleInstance('onecleaner-crash')\n"
        "assert inst.acquire()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ), timeout=60)
    survivor = SingleInstance("onecleaner-crash")
    try:
        assert survivor.acquire() is True
        # And it is reachable: a later launch activates it.
        later = SingleInstance("onecleaner-crash")
        with qtbot.waitSignal(survivor.activateRequested, timeout=3000):
            assert later.acquire() is False
    finally:
        survivor.release()
