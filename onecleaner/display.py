"""Whether the desktop app can show a window here, found out without Qt.

Qt's xcb and wayland plugins end the process (abort) when the display does not answer, so the
faces ask first: on Linux/BSD, connect to the X server as Qt would (libxcb, authentication
included) or to the Wayland socket, and say in words what is wrong.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import socket
import sys
from collections.abc import Callable, Mapping

#: Qt platforms that need a display server; any other (offscreen, minimal, vnc, eglfs...) is
#: left to Qt.
_X11 = "xcb"
_WAYLAND = ("wayland", "wayland-egl")
#: Unix sockets (absent from Windows' socket module; Windows never asks for a display here).
_UNIX: int = getattr(socket, "AF_UNIX", -1)
#: How long a connection to a display server may take before it counts as not answering.
CONNECT_TIMEOUT_S = 5.0


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """What keeps a window from opening here, in words; None when a display answers."""
    env = os.environ if environ is None else environ
    if sys.platform in ("win32", "darwin"):
        return None  # the window server is always there for a logged-in user
    # QT_QPA_PLATFORM is a list ("wayland;xcb"), each name possibly with options ("xcb:x=y").
    wanted = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [p for p in wanted if p]
    if wanted and not any(p == _X11 or p in _WAYLAND for p in wanted):
        return None
    x_display = env.get("DISPLAY", "")
    wayland = env.get("WAYLAND_DISPLAY", "")
    use_x = not wanted or _X11 in wanted
    use_wayland = not wanted or any(p in _WAYLAND for p in wanted)
    problems = []
    if use_wayland and wayland:
        why = wayland_problem(wayland, env)
        if why is None:
            return None
        problems.append(why)
    if use_x and x_display:
        why = x_problem(x_display)
        if why is None:
            return None
        problems.append(why)
    if problems:
        return "; ".join(problems)
    names = " and ".join(
        name for name, used in (("DISPLAY", use_x), ("WAYLAND_DISPLAY", use_wayland)) if used
    )
    return f"there is no display to show the window on ({names} unset)"


def x_problem(display: str) -> str | None:
    """Why the X display `display` cannot be used; None when its server accepts us."""
    connect = _xcb()
    if connect is not None:
        if connect(display):
            return None
        return f"the X display {display!r} (DISPLAY) does not answer or refuses the connection"
    # Without libxcb (Qt's xcb plugin could not load either), at least the server's socket.
    address = _x_address(display)
    if address is None:
        return f"DISPLAY is set to {display!r}, which is not an X display name"
    if _can_connect(*address):
        return None
    return f"the X display {display!r} (DISPLAY) does not answer"


def wayland_problem(name: str, environ: Mapping[str, str]) -> str | None:
    """Why the Wayland display `name` cannot be used; None when its socket answers."""
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    path = name if os.path.isabs(name) else os.path.join(runtime, name)
    if not os.path.isabs(path):
        return f"WAYLAND_DISPLAY is {name!r} but XDG_RUNTIME_DIR is unset"
    if _can_connect(_UNIX, path):
        return None
    return f"the Wayland display {name!r} (WAYLAND_DISPLAY) does not answer"


def _xcb() -> Callable[[str], bool] | None:
    """A function that connects to an X display with libxcb, as Qt does; None without libxcb."""
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.xcb_connect.restype = ctypes.c_void_p
    lib.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.POINTER(ctypes.c_int))
    lib.xcb_connection_has_error.restype = ctypes.c_int
    lib.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    lib.xcb_disconnect.restype = None
    lib.xcb_disconnect.argtypes = (ctypes.c_void_p,)

    def connect(display: str) -> bool:
        conn = lib.xcb_connect(os.fsencode(display), None)
        try:
            return bool(conn) and lib.xcb_connection_has_error(conn) == 0
        finally:
            if conn:
                lib.xcb_disconnect(conn)

    return connect


def _x_address(display: str) -> tuple[int, str | tuple[str, int]] | None:
    """The socket of an X display name: `:0`, `:0.1`, `unix:0`, `host:10.0`; None if not one."""
    host, sep, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not sep or not number.isdigit():
        return None
    if host in ("", "unix"):
        # Linux servers listen on the abstract socket too; the file is the portable one.
        return _UNIX, f"/tmp/.X11-unix/X{number}"
    return socket.AF_INET, (host.strip("[]"), 6000 + int(number))


def _can_connect(family: int, address: str | tuple[str, int]) -> bool:
    try:
        if family == socket.AF_INET:
            with socket.create_connection(address, timeout=CONNECT_TIMEOUT_S):  # type: ignore[arg-type]
                return True
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT_S)
            sock.connect(address)
            return True
    except OSError:
        return False
