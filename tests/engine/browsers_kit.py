"""Real browsers for the record-target tests: a cookie-setting local server and two drivers.

Debian's `chromium` (driven over the DevTools protocol on a pipe) and `firefox-esr` (driven
over Marionette) run headless on a profile folder the test owns; every host name resolves to
127.0.0.1, so nothing leaves the machine. The server sets a host cookie (`h_<host>`) and a
domain cookie (`d_<domain>`, for the last two labels) on every page and records the cookies
each request carries. Used by tests/fixtures/records/generate.py (the schema fixtures) and by
the slow test that checks a cleaned profile still sends its kept cookies.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/lib/chromium/chromium"  # the binary itself: the launcher script forks
FIREFOX = "firefox-esr"


def _short_tmpdir() -> str:
    """A temporary folder with a short path: Chromium's singleton socket path must fit in 108
    bytes, which a test's TMPDIR under pytest's base folder does not."""
    return tempfile.mkdtemp(prefix="oc-", dir="/tmp")


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def firefox_available() -> bool:
    return shutil.which(FIREFOX) is not None


@dataclass(frozen=True)
class Request:
    """One request the server saw: the host asked for, the path, the cookies sent."""

    host: str
    path: str
    cookies: frozenset[str]  # cookie names


class CookieServer:
    """A local HTTP server: every page sets a host and a domain cookie and logs its request."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host = self.headers.get("Host", "").split(":")[0]
                url = urllib.parse.urlparse(self.path)
                sent = frozenset(
                    part.split("=", 1)[0].strip()
                    for part in (self.headers.get("Cookie") or "").split(";")
                    if "=" in part
                )
                with server._lock:
                    server.requests.append(Request(host, url.path, sent))
                if url.path == "/favicon.ico":
                    self.send_response(404)
                    self.end_headers()
                    return
                if url.path == "/download":
                    data = b"a downloaded file\n"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Disposition", "attachment; filename=report.txt")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                domain = ".".join(host.split(".")[-2:])
                body = (
                    f"<html><head><title>Page {host}{url.path}</title></head><body>"
                    f"<form action='/submitted' method='get'><input name='q' id='q'>"
                    f"<input type='submit'></form></body></html>"
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                label = host.replace(".", "_").replace("-", "_")
                self.send_header("Set-Cookie", f"h_{label}=1; Max-Age=864000; Path=/")
                dlabel = domain.replace(".", "_").replace("-", "_")
                self.send_header(
                    "Set-Cookie", f"d_{dlabel}=1; Max-Age=864000; Path=/; Domain={domain}"
                )
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def sent_to(self, host: str) -> frozenset[str]:
        """The cookie names the browser sent with its page requests to `host` (not favicons)."""
        with self._lock:
            names: set[str] = set()
            for r in self.requests:
                if r.host == host and r.path != "/favicon.ico":
                    names |= r.cookies
            return frozenset(names)

    def forget(self) -> None:
        with self._lock:
            self.requests.clear()

    def __enter__(self) -> CookieServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class Chromium:
    """Headless Chromium on a profile folder, driven over the DevTools protocol on a pipe."""

    def __init__(self, user_data_dir: Path, log: Path) -> None:
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # in the child: the protocol wants fds 3 (in) and 4 (out)
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self._tmp = _short_tmpdir()
        with log.open("ab") as err:
            self.process = subprocess.Popen(
                [
                    CHROMIUM,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--password-store=basic",
                    f"--user-data-dir={user_data_dir}",
                    "--host-resolver-rules=MAP * 127.0.0.1",
                    "--remote-debugging-pipe",
                    "about:blank",
                ],
                close_fds=False,
                preexec_fn=wire_pipes,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env={**os.environ, "TMPDIR": self._tmp},
            )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._out = os.fdopen(to_browser_w, "wb", buffering=0)
        self._in = os.fdopen(from_browser_r, "rb", buffering=0)
        self._buffer = b""
        self._id = 0
        self._session = ""
        try:
            self.version = self.call("Browser.getVersion")["product"]
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            attached = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
            self._session = attached["sessionId"]
            self.call("Page.enable", session=True)
        except BaseException:
            self.close()
            raise

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = False
    ) -> Any:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = self._in.read(65536)
                if not chunk:
                    raise RuntimeError(f"Chromium closed the protocol pipe during {method}")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def navigate(self, url: str, settle: float = 0.8) -> None:
        self.call("Page.navigate", {"url": url}, session=True)
        time.sleep(settle)

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True
        )
        return result.get("result", {}).get("value")

    def close(self) -> None:
        """Close the browser the way a user does, so it writes its databases."""
        with contextlib.suppress(RuntimeError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()
        self._in.close()
        shutil.rmtree(self._tmp, ignore_errors=True)


_FIREFOX_PREFS = {
    "marionette.port": 0,  # any free port, written to MarionetteActivePort
    "network.dns.forceResolve": "127.0.0.1",
    "network.proxy.type": 0,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "dom.security.https_first": False,
    "signon.rememberSignons": True,
}


class Firefox:
    """Headless Firefox on a profile folder, driven over Marionette."""

    def __init__(self, profile: Path, log: Path) -> None:
        profile.mkdir(parents=True, exist_ok=True)
        prefs = "".join(
            f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in _FIREFOX_PREFS.items()
        )
        (profile / "user.js").write_text(prefs, encoding="utf-8")
        port_file = profile / "MarionetteActivePort"
        port_file.unlink(missing_ok=True)
        self._tmp = _short_tmpdir()
        with log.open("ab") as err:
            self.process = subprocess.Popen(
                [
                    FIREFOX,
                    "--headless",
                    "--marionette",
                    "-remote-allow-system-access",
                    "--no-remote",
                    "--profile",
                    str(profile),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env={**os.environ, "TMPDIR": self._tmp},
            )
        self._socket: socket.socket | None = None
        self._id = 0
        try:
            deadline = time.monotonic() + 90
            while not (port_file.exists() and port_file.read_text().strip()):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("Firefox did not open its Marionette port")
                time.sleep(0.1)
            self._socket = socket.create_connection(("127.0.0.1", int(port_file.read_text())))
            self._reader = self._socket.makefile("rb")
            self._read()  # the server's greeting
            caps = self.call("WebDriver:NewSession", {"capabilities": {}})
            self.version = caps["capabilities"]["browserVersion"]
        except BaseException:
            self.close()
            raise

    def _read(self) -> Any:
        size = b""
        while not size.endswith(b":"):
            byte = self._reader.read(1)
            if not byte:
                raise RuntimeError("Firefox closed the Marionette connection")
            size += byte
        return json.loads(self._reader.read(int(size[:-1])))

    def call(self, name: str, params: dict[str, Any] | None = None) -> Any:
        if self._socket is None:
            raise RuntimeError("no Marionette connection")
        self._id += 1
        data = json.dumps([0, self._id, name, params or {}]).encode()
        self._socket.sendall(str(len(data)).encode() + b":" + data)
        while True:
            reply = self._read()
            if reply[1] == self._id:
                if reply[2]:
                    raise RuntimeError(f"{name}: {reply[2]}")
                return reply[3]

    def navigate(self, url: str, settle: float = 0.5) -> None:
        self.call("WebDriver:Navigate", {"url": url})
        time.sleep(settle)

    def chrome_script(self, script: str, args: list[Any] | None = None) -> Any:
        """Run privileged JavaScript (Places, the login manager) in the browser's own context."""
        self.call("Marionette:SetContext", {"value": "chrome"})
        try:
            return self.call(
                "WebDriver:ExecuteAsyncScript", {"script": script, "args": args or []}
            ).get("value")
        finally:
            self.call("Marionette:SetContext", {"value": "content"})

    def close(self) -> None:
        """Quit the way a user does, so it writes its databases."""
        with contextlib.suppress(RuntimeError, OSError):
            self.call("Marionette:Quit", {"flags": ["eAttemptQuit"]})
        if self._socket is not None:
            self._reader.close()
            self._socket.close()
        try:
            self.process.wait(90)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self._tmp, ignore_errors=True)
