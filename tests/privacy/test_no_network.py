"""No network: a whole CLI session runs under a socket guard that fails on any attempt.

The guard is an audit hook (PEP 578): every socket the interpreter creates, binds, connects
or resolves a name for raises an audit event, whatever library asks for it. Audit hooks
cannot be removed, so the one hook installed here only acts while `guarded()` is active.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from onecleaner.cli import main
from tests.privacy.notice_helpers import (
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)

NETWORK_EVENTS = frozenset(
    {
        "socket.__new__",
        "socket.bind",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sendto",
        "socket.sendmsg",
    }
)


class NetworkAttempt(RuntimeError):
    """Raised inside the code that tried to use the network."""


_state: dict[str, Any] = {"active": False, "attempts": []}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _state["active"] and event in NETWORK_EVENTS:
        _state["attempts"].append((event, repr(args)[:200]))
        raise NetworkAttempt(f"network attempt during a guarded run: {event}")


sys.addaudithook(_audit)


@contextlib.contextmanager
def guarded() -> Iterator[list[tuple[str, str]]]:
    """Fail (raise in the caller, and record) any socket use inside the block."""
    attempts: list[tuple[str, str]] = []
    _state.update(active=True, attempts=attempts)
    try:
        yield attempts
    finally:
        _state["active"] = False


def test_the_guard_catches_a_socket() -> None:
    with guarded() as attempts:
        with pytest.raises(NetworkAttempt):
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with pytest.raises(NetworkAttempt):
            socket.getaddrinfo("localhost", 80)
    assert [event for event, _ in attempts] == ["socket.__new__", "socket.getaddrinfo"]
    # Outside the block the hook is inert.
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()


def _run(*argv: str) -> int:
    try:
        return main(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)


def test_whole_cli_session_opens_no_socket(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = Path(os.environ["HOME"])
    cache = home / ".cache" / "thumbnails" / "normal"
    cache.mkdir(parents=True)
    (cache / "a.png").write_bytes(b"x" * 4096)
    key = trust_new_key(data_dir)
    notice = write_document(
        tmp_path / "notice.json",
        signed_document(key, notice_fields(announced=datetime(2030, 1, 1, tzinfo=UTC))),
    )
    session = [
        ("list",),
        ("privacy", "status"),
        ("privacy", "consent", "grant", "history"),
        ("privacy", "consent", "grant", "diagnostics"),
        ("privacy", "consent", "grant", "usage"),
        ("privacy", "profile", "set", "--email", "zoe@example.org", "--phone", "13812345678"),
        ("privacy", "profile", "--json"),
        ("scan",),
        ("scan", "--json"),
        ("clean", "thumbnails.cache", "--yes"),
        ("privacy", "log", "--json"),
        ("privacy", "log", "verify"),
        ("privacy", "log", "export", str(tmp_path / "journal.json")),
        ("privacy", "export", str(tmp_path / "export.json")),
        ("privacy", "notice", "install", str(notice)),
        ("privacy", "notice"),
        ("privacy", "notice", "--json"),
        ("privacy", "status", "--json"),
        ("privacy", "consent", "withdraw", "diagnostics"),
        ("privacy", "profile", "delete"),
        ("privacy", "forget", "--yes"),
    ]
    codes = {}
    with guarded() as attempts:
        for argv in session:
            codes[argv] = _run(*argv)
    assert attempts == [], f"network attempts: {attempts}"
    out = capsys.readouterr()
    assert "NetworkAttempt" not in out.out + out.err
    failed = {" ".join(a): c for a, c in codes.items() if c not in (0, 1)}
    assert failed == {}, f"commands failed: {failed}\n{out.err}"
    assert (tmp_path / "export.json").exists() and (tmp_path / "journal.json").exists()
    assert not (cache / "a.png").exists(), "the clean ran"


SITECUSTOMIZE = textwrap.dedent(
    """
    import os, sys
    _EVENTS = {events!r}
    def _no_network(event, args):
        if event in _EVENTS:
            sys.stderr.write("NETWORK ATTEMPT: " + event + "\\n")
            sys.stderr.flush()
            os._exit(97)
    sys.addaudithook(_no_network)
    """
).format(events=sorted(NETWORK_EVENTS))


@pytest.fixture
def guard_env(tmp_path: Path) -> dict[str, str]:
    """Environment whose Python processes exit 97 on any socket use (sitecustomize hook)."""
    folder = tmp_path / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(folder), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return env


def test_subprocess_guard_catches_a_socket(guard_env: dict[str, str]) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket(); print('unguarded')"],
        env=guard_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 97
    assert "NETWORK ATTEMPT: socket.__new__" in probe.stderr
    assert "unguarded" not in probe.stdout


def test_cli_processes_open_no_socket(guard_env: dict[str, str], tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from onecleaner.cli import main
        for argv in (["list"], ["scan"], ["privacy", "consent", "grant", "history"],
                     ["privacy", "profile", "set", "--phone", "+4930123456"],
                     ["privacy", "status", "--json"],
                     ["privacy", "export", {str(tmp_path / "e.json")!r}],
                     ["privacy", "forget", "--yes"]):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code
            print(" ".join(argv[:3]), code)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        env=guard_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "NETWORK ATTEMPT" not in run.stderr
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\n") >= 7
    # And the real entry point, start-up work included.
    entry = subprocess.run(
        [sys.executable, "-m", "onecleaner", "privacy", "status"],
        env=guard_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "NETWORK ATTEMPT" not in entry.stderr
    assert entry.returncode == 0, entry.stderr
    assert "Data folder" in entry.stdout
