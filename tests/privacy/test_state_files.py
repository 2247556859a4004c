"""Unusable state files are set aside with a message and defaults used; no hang, no traceback.

A folder, a FIFO, a symbolic link, JSON nested too deep, a file too large, of the wrong
shape or writable by others where a state file should be: each command goes on with safe
defaults, says what it found, and keeps the thing aside as ``<name>.corrupt-<time>``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy import journal_store, storage
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.errors import CorruptFile, ExportFailed
from onecleaner.privacy.service import PrivacyService
from onecleaner.privacy.startup import run_startup
from onecleaner.privacy.state_read import MAX_JSON_DEPTH, MAX_STATE_BYTES, read_json, too_deep
from tests.privacy.forkkit import no_hang

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, modes and links of POSIX")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), no_hang():
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def build_full_folder(data_dir: Path) -> None:
    """A data folder holding every kind of state file, all valid."""
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    service.grant(Purpose.USAGE)
    service.set_profile(email="zoe@example.org")
    service.record_activity("scan", {"files": 2})
    service.record_usage("scan")
    service.set_usage_id_enabled(True)  # writes settings.json


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One full data folder per module (copied by each test: cheaper than making it again)."""
    base = tmp_path_factory.mktemp("prepared")
    with pytest.MonkeyPatch.context() as mp:  # the per-test isolation is not up yet
        mp.setenv("HOME", str(base))
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        build_full_folder(base / "data")
    return base / "data"


@pytest.fixture
def full_folder(prepared: Path, data_dir: Path) -> Path:
    shutil.copytree(prepared, data_dir, symlinks=True)
    return data_dir


def deep_json(path: Path) -> None:
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)


def too_large(path: Path) -> None:
    path.write_bytes(b" " * (MAX_STATE_BYTES + 1))


def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path, 0o600)


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside").write_text("x")


def link(path: Path) -> None:
    # A link to a perfectly good copy: still refused, a link could be swapped to anything.
    target = path.with_name("elsewhere-" + path.name)
    path.rename(target)
    path.symlink_to(target)


def writable_by_others(path: Path) -> None:
    path.chmod(0o666)


BREAKERS: dict[str, tuple[Callable[[Path], None], str]] = {
    "folder": (folder, "a folder stands in its place"),
    "fifo": (fifo, "a FIFO (named pipe) stands in its place"),
    "symlink": (link, "a symbolic link stands in its place"),
    "deep": (deep_json, f"nested more than {MAX_JSON_DEPTH} levels deep"),
    "large": (too_large, "it is too large"),
    "mode": (writable_by_others, "other users may write it (mode 666)"),
}
#: Each state file, and what the user is told about it besides the reason.
STATE_FILES = {
    "consent.json": "consent file could not be read",
    "settings.json": "settings file could not be read",
    "keys.json": "keys.json could not be read",
    "profile.bin": "profile could not be read",
    "usage.bin": "usage data could not be read",
    "journal/2026-11.log": "journal file for 2026-11 could not be read",
}
BINARY = ("profile.bin", "usage.bin", "journal/2026-11.log")


#: Every kind of bad on the files whose readers differ most (JSON, sealed binary, the
#: journal); the kinds that matter most on the others (same reader underneath).
FULL_MATRIX = ("consent.json", "profile.bin", "journal/2026-11.log")
SOME = ("fifo", "folder", "deep")


def cases() -> Iterator[tuple[str, str]]:
    for name in STATE_FILES:
        for breaker in BREAKERS if name in FULL_MATRIX else SOME:
            if breaker == "deep" and name in BINARY:
                continue  # not JSON: nesting means nothing there
            yield name, breaker


def journal_name(data_dir: Path, name: str) -> Path:
    if name.startswith("journal/"):
        (log,) = (data_dir / "journal").glob("*.log")  # the month the test runs in
        return log
    return data_dir / name


@posix_only
@pytest.mark.parametrize(("name", "breaker"), list(cases()))
def test_an_unusable_state_file_is_set_aside_and_defaults_are_used(
    full_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    breaker: str,
) -> None:
    data_dir = full_folder
    path = journal_name(data_dir, name)
    break_it, reason = BREAKERS[breaker]
    if breaker == "large" and name.startswith("journal/"):
        # A month's log may be far larger than other state; its limit is lowered to test it.
        monkeypatch.setattr(journal_store, "MAX_PERIOD_BYTES", MAX_STATE_BYTES)
    break_it(path)
    code, _out, err = run("privacy", "export", str(tmp_path / "export.json"))
    assert code == 0, err
    told = STATE_FILES[name].replace("2026-11", path.name[:7])
    assert told in err and reason in err, err
    assert "Traceback" not in err
    (aside,) = path.parent.glob(f"{path.name}.corrupt-*")
    kept = os.lstat(aside).st_mode
    expected = {"folder": stat.S_ISDIR, "fifo": stat.S_ISFIFO, "symlink": stat.S_ISLNK}
    assert expected.get(breaker, stat.S_ISREG)(kept), "the very thing found is kept aside"
    exported = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    if name == "consent.json":
        assert exported["consent"]["history"] == [], "nothing counts as granted"
    if name == "settings.json":
        assert exported["settings"] is None
    # The next command is quiet about it: the defaults are in use, nothing new to say.
    again = run("privacy", "status")
    assert again[0] == 0 and reason not in again[2], again[2]


@posix_only
def test_a_fifo_in_the_journal_checkpoint_is_reported_not_waited_on(full_folder: Path) -> None:
    data_dir = full_folder
    checkpoint = data_dir / "journal" / "checkpoint.json"
    checkpoint.unlink()
    os.mkfifo(checkpoint, 0o600)
    code, _out, err = run("privacy", "log", "verify")
    assert code == 1 and "the journal failed verification" in err and "checkpoint" in err
    (aside,) = (data_dir / "journal").glob("checkpoint.json.corrupt-*")
    assert stat.S_ISFIFO(os.lstat(aside).st_mode)


@posix_only
def test_a_folder_or_fifo_as_the_lock_file_is_set_aside(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / ".lock").mkdir()
    assert run("privacy", "consent", "grant", "history")[0] == 0
    assert (data_dir / ".lock").is_file()
    assert [p.name.split(".corrupt-")[0] for p in data_dir.glob("*.corrupt-*")] == [".lock"]


@posix_only
def test_a_file_others_may_read_is_made_private_and_used(full_folder: Path) -> None:
    data_dir = full_folder
    (data_dir / "consent.json").chmod(0o644)
    code, _out, err = run("privacy", "consent", "--json")
    assert code == 0 and err == ""
    assert stat.S_IMODE((data_dir / "consent.json").stat().st_mode) == 0o600
    assert not list(data_dir.glob("*.corrupt-*"))


def test_deep_nesting_is_refused_before_the_parser_recurses(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / "consent.json"
    path.write_bytes(
        b'{"kind": "consent", "schema": 1, "records": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    )
    with pytest.raises(CorruptFile, match="levels deep"):
        read_json(path, kind="consent")  # not RecursionError
    # Brackets inside strings are text, not nesting; exactly the limit is fine.
    assert not too_deep(b'["' + b"[" * 500 + b'"]')
    assert not too_deep(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH)
    assert too_deep(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    assert not too_deep(b'["\\"[[[[", {"a": "]]]"}]')


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("consent.json", {"records": {"not": "a list"}}, "it holds no list of records"),
        ("keys.json", {"keys": ["not", "an", "object"]}, "its 'keys' are not an object"),
        ("intents.json", {"intents": "x"}, "it holds no list of intents"),
    ],
)
def test_a_state_file_of_the_wrong_shape_is_set_aside(
    full_folder: Path, name: str, content: dict[str, object], reason: str
) -> None:
    data_dir = full_folder
    kind = name.removesuffix(".json")
    storage.write_json(data_dir / name, content, kind=kind)
    messages = run_startup(data_dir)
    code, _out, err = run("privacy", "status")
    assert code == 0
    assert reason in " ".join(messages) + err
    assert list(data_dir.glob(f"{name}.corrupt-*"))


# -- temporary files -----------------------------------------------------------------------------


def test_temporary_files_of_crashed_writes_are_removed_at_the_next_start(
    full_folder: Path,
) -> None:
    data_dir = full_folder
    gone = data_dir / ".consent.json.2147483646.0badc0de.tmp"  # a pid no process has
    gone.write_text("half written")
    (data_dir / "journal" / ".2026-11.log.2147483646.0badc0de.tmp").write_text("half")
    old_style = data_dir / ".keys.json.ab12cd34.tmp"  # an older version's temp, minutes old
    old_style.write_text("x")
    os.utime(old_style, (time.time() - 600, time.time() - 600))
    fresh_old_style = data_dir / ".keys.json.zz12cd34.tmp"  # may be being written right now
    fresh_old_style.write_text("x")
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = data_dir / f".settings.json.{writer.pid}.0badc0de.tmp"  # another command's
        alive.write_text("being written")
        run_startup(data_dir)
        left = sorted(p.name for p in data_dir.rglob("*.tmp"))
        assert left == sorted([alive.name, fresh_old_style.name])
    finally:
        writer.kill()
        writer.wait()
    run_startup(data_dir)
    assert sorted(p.name for p in data_dir.rglob("*.tmp")) == [fresh_old_style.name]


@pytest.mark.parametrize("failure", ["replace", "fsync-interrupted", "write-full"])
def test_an_export_temporary_file_never_outlives_the_command(
    full_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    data_dir = full_folder
    documents = tmp_path / "documents"
    documents.mkdir()
    real = {name: getattr(os, name) for name in ("replace", "fsync", "write")}

    def replace(src: object, dst: object) -> None:
        if str(dst).startswith(str(documents)):
            raise PermissionError(13, "Permission denied")
        real["replace"](src, dst)

    def fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(documents)):
            raise KeyboardInterrupt  # the user pressed Ctrl+C while the export was written
        real["fsync"](fd)

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(documents)):
            raise OSError(28, "No space left on device")
        return int(real["write"](fd, data))

    if failure == "fsync-interrupted" and not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the export's handle")
    chosen = {
        "replace": ("replace", replace),
        "fsync-interrupted": ("fsync", fsync),
        "write-full": ("write", write),
    }[failure]
    monkeypatch.setattr(os, *chosen)
    service = PrivacyService(data_dir)
    with pytest.raises((ExportFailed, KeyboardInterrupt)) as info:
        service.export_all(documents / "mine.json")
    monkeypatch.undo()
    assert list(documents.iterdir()) == [], "the temporary file outlived the export"
    if failure == "write-full":
        assert "the disk is full" in str(info.value)
