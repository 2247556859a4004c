"""One running app per user: a second launch asks the first to come forward, then exits.

The first instance holds a lock file and listens on a local socket (a Unix domain socket or a
Windows named pipe, never a network socket). A later launch finds the lock taken, connects to
the socket, sends ``activate`` (``activate history`` to open a page) and reports that it is not
the primary instance. A lock or
socket left behind by a crashed instance is detected (the lock records the process id) and
cleaned up before the new instance listens.
"""

from __future__ import annotations

import getpass
import hashlib
import os

from PySide6.QtCore import QDir, QLockFile, QObject, QStandardPaths, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate"
_CONNECT_TIMEOUT_MS = 500
_CONNECT_ATTEMPTS = 6  # the first instance may hold the lock but not listen yet


def _user_tag() -> str:
    """A short, stable tag per user, so two users on one machine never meet."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some containers): the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return hashlib.sha256(user.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def _runtime_dir() -> str:
    """Where the lock file lives: the session's runtime folder, else the temporary folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return location if location and os.path.isdir(location) else QDir.tempPath()


class SingleInstance(QObject):
    """Makes sure only one instance runs; the running one hears of later launches.

    ``acquire()`` returns True in the first instance (which then emits ``activateRequested``
    whenever another launch happens) and False in a later one (which has already asked the
    first to come forward and should exit).
    """

    activateRequested = Signal(str)  # the page to show ("" for the window as it was)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Socket names are short on macOS (104 bytes for the whole path): keep them compact.
        safe_key = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)[:40]
        self._name = f"{safe_key}-{_user_tag()}"
        self._lock = QLockFile(os.path.join(_runtime_dir(), f"{self._name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._primary = False

    @property
    def server_name(self) -> str:
        """The local socket name (for diagnostics and tests)."""
        return self._name

    @property
    def is_primary(self) -> bool:
        return self._primary

    def acquire(self, page: str = "") -> bool:
        """Become the running instance, or tell the running one to come forward (False), on
        `page` when one is named."""
        if self._primary:
            return True
        if self._lock.tryLock(0):
            return self._listen()
        # Another live process holds the lock: forward the launch to it.
        self._send_activate(page)
        return False

    def release(self) -> None:
        """Stop listening and free the lock (also done when the object is deleted)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._primary:
            self._lock.unlock()
            self._primary = False

    def _listen(self) -> bool:
        # We hold the lock, so any socket with our name is left over from a crash.
        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            # Still the only instance (we hold the lock); we just cannot be reached.
            server.deleteLater()
            self._primary = True
            return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        self._primary = True
        return True

    def _on_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                break
            # The server owns its sockets; the slot finds the one that spoke via sender().
            socket.readyRead.connect(self._on_ready_read)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        for line in data.splitlines():
            word, _, page = line.strip().partition(b" ")
            if word == ACTIVATE:
                # Only a page's plain name goes through (ids are short lowercase words).
                name = page.decode("ascii", "replace")
                self.activateRequested.emit(name if name.isidentifier() else "")

    def _send_activate(self, page: str = "") -> bool:
        message = ACTIVATE + (b" " + page.encode("ascii", "replace") if page else b"") + b"\n"
        for _ in range(_CONNECT_ATTEMPTS):
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(_CONNECT_TIMEOUT_MS):
                socket.write(message)
                socket.flush()
                socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS)
                socket.disconnectFromServer()
                if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                    socket.waitForDisconnected(_CONNECT_TIMEOUT_MS)
                return True
            socket.abort()
            QThread.msleep(100)
        return False
