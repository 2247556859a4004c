"""What the CLI writes, whatever the file names and wherever its output goes: names that are
not valid text escaped the same way in text and JSON, and a quiet end when the reader of a pipe
goes away."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from onecleaner.app import printable
from onecleaner.app.printable import printable_path, printable_text
from onecleaner.cli.streams import CLOSED_PIPE_EXIT

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX names are bytes")

#: A name with a byte that is not UTF-8, a backslash, a newline and a Chinese word.
ODD_NAME = b"bad\xffbyte \\ new\nline \xe6\x97\xa5\xe6\x9c\xac"
ODD_SHOWN = "bad\\xffbyte \\\\ new\\nline 日本"


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "onecleaner", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
        env=env,
    )


# -- escaping ----------------------------------------------------------------------------------


@posix_only
def test_the_escapes() -> None:
    assert printable_path(os.fsdecode(ODD_NAME)) == ODD_SHOWN
    assert printable_path("/plain/name ok.txt") == "/plain/name ok.txt"
    assert printable_path("tab\there\x1b[31m\x7f") == "tab\\there\\x1b[31m\\x7f"
    # C1 controls, bidirectional overrides: shown by number, never acted on by the terminal.
    assert printable_path("a\x9bb\u202egnp.exe") == "a\\u009bb\\u202egnp.exe"
    # Words (a skip reason) keep their backslashes; an undecodable byte is escaped all the same.
    reason = "could not read a\\b" + os.fsdecode(b"\xfe")
    assert printable_text(reason) == "could not read a\\b\\xfe"


def test_windows_names_keep_their_separators_and_show_unpaired_surrogates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(printable, "WINDOWS", True)
    assert printable_path("C:\\Users\\me\\x\udcffy") == "C:\\Users\\me\\x\\udcffy"


@posix_only
def test_an_undecodable_name_is_escaped_the_same_in_text_and_json(
    isolated_home: Path, tmp_path: Path
) -> None:
    root = Path(os.environ["XDG_CACHE_HOME"]) / "pip"
    root.mkdir()
    odd = Path(os.fsdecode(os.path.join(os.fsencode(root), ODD_NAME)))
    odd.write_bytes(b"x" * 100)
    plan = tmp_path / "plan.json"
    assert cli("scan", "pip.cache", "--plan-out", str(plan)).returncode == 0
    odd.write_bytes(b"changed")  # the clean skips it: "changed since the scan", with its name
    shown = f"{printable_path(str(root))}/{ODD_SHOWN}"

    as_json = cli("clean", "--plan", str(plan), "--yes", "--json", "--dry-run")
    assert as_json.returncode == 1, as_json.stderr
    assert "\\udc" not in as_json.stdout, "a lone surrogate reached the JSON"
    (skip,) = json.loads(as_json.stdout)["targets"][0]["skipped"]
    assert skip == {
        "path": shown,
        "reason": "changed since the scan",
        "code": "changed_since_scan",
    }

    as_text = cli("clean", "--plan", str(plan), "--yes", "--dry-run")
    assert as_text.returncode == 1, as_text.stderr
    assert f"  {shown}: changed since the scan" in as_text.stdout.splitlines()

    # A terminal that cannot show Chinese gets escapes, not a crash.
    ascii_env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    on_ascii = cli("clean", "--plan", str(plan), "--yes", "--dry-run", env=ascii_env)
    assert on_ascii.returncode == 1, on_ascii.stderr
    assert "bad\\xffbyte \\\\ new\\nline \\u65e5\\u672c: changed" in on_ascii.stdout
    assert "internal error" not in on_ascii.stderr
    assert odd.read_bytes() == b"changed"


# -- a closed pipe -----------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("argv", [("list", "--json"), ("scan", "--json"), ("scan",), ("list",)])
def test_output_into_a_closed_pipe_ends_quietly(argv: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a byte is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "onecleaner", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""  # no traceback, no "internal error", no BrokenPipeError
    assert done.returncode == CLOSED_PIPE_EXIT == 141  # what a shell shows for SIGPIPE


@posix_only
def test_a_shell_pipeline_into_head_gets_its_bytes_and_no_noise() -> None:
    command = f"'{sys.executable}' -m onecleaner list --json | head -c 10"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == '{\n  "targe'
    assert done.stderr == ""
    assert done.returncode in (0, 141)  # 141 when head left before the last write
