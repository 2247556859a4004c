"""No display, or one that does not answer: the desktop app says so and exits 2 (Qt would abort
the process), for `onecleaner gui` and for plain `onecleaner`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from onecleaner import display
from onecleaner.display import display_problem

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="X11 and Wayland displays exist on Linux/BSD"
)


def _silent_display() -> str:
    """An X display name no server answers on (neither its socket file nor the abstract one)."""
    for number in range(90, 400):
        path = f"/tmp/.X11-unix/X{number}"
        if os.path.exists(path):
            continue
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            try:
                sock.connect("\0" + path)
            except OSError:
                return f":{number}"
    pytest.skip("every display number from 90 to 399 is in use")


def _run(*argv: str, display_name: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = display_name
    return subprocess.run(
        [sys.executable, "-m", "onecleaner", *argv],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@linux_only
@pytest.mark.parametrize("argv", [("gui",), ("gui", "--smoke-test"), ()])
def test_a_display_that_does_not_answer_is_a_message_and_exit_2(argv: tuple[str, ...]) -> None:
    silent = _silent_display()
    done = _run(*argv, display_name=silent)
    assert done.returncode == 2, done.stderr
    assert f"the X display '{silent}' (DISPLAY) does not answer" in done.stderr
    assert "onecleaner --help" in done.stderr  # what to do instead
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr


def test_platforms_without_a_display_server_are_left_to_qt() -> None:
    for platform in ("offscreen", "minimal", "vnc", "eglfs:/dev/fb0"):
        assert display_problem({"QT_QPA_PLATFORM": platform}) is None


def test_no_display_at_all_names_the_variables() -> None:
    assert "DISPLAY and WAYLAND_DISPLAY unset" in str(display_problem({}))
    assert "(DISPLAY unset)" in str(display_problem({"QT_QPA_PLATFORM": "xcb"}))


@linux_only
def test_a_name_that_is_no_x_display_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "_xcb", lambda: None)  # the socket check, without libxcb
    assert "not an X display name" in str(display_problem({"DISPLAY": "nonsense"}))
    silent = _silent_display()
    assert "does not answer" in str(display_problem({"DISPLAY": silent}))


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_their_window_server(
    monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert display_problem({}) is None


@linux_only
def test_a_wayland_socket_that_answers_is_enough(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert "'wayland-7' (WAYLAND_DISPLAY) does not answer" in str(display_problem(env))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-7"))
        server.listen(1)
        assert display_problem(env) is None
        # Told to use X only, the Wayland socket does not count.
        assert display_problem({**env, "QT_QPA_PLATFORM": "xcb"}) is not None


@linux_only
def test_a_live_x_server_is_reachable() -> None:
    from tests.gui.x11_kit import missing_tools, xvfb

    if missing_tools("Xvfb"):
        pytest.skip("needs Xvfb (apt install xvfb)")
    with xvfb() as live:
        assert display_problem({"DISPLAY": live}) is None
        assert display.x_problem(live) is None
    assert display.x_problem(live) is not None  # the server is gone
