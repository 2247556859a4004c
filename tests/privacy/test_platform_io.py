"""Windows at the boundary: binary opens, fsync only on write handles, msvcrt locking, layering.

Windows cannot run here, so what reaches ``os`` is recorded: every file the privacy store and
the plan files open must carry ``O_BINARY`` (a fake bit stands in for it), and ``fsync`` must
only ever get a handle opened for writing (Windows refuses it on a read-only one).
"""

from __future__ import annotations

import ast
import os
import stat
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from onecleaner.engine.model import OS, Plan
from onecleaner.engine.planfile import save_plan
from onecleaner.privacy import datalock, storage
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.journal import Journal
from onecleaner.privacy.keys import KeyStore
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import Settings, save_settings

FAKE_BINARY = 0x4000_0000  # a bit no POSIX open flag uses here
_WRITING = os.O_WRONLY | os.O_RDWR


@dataclass
class OsRecorder:
    """What reached os.open and os.fsync: the flags of each open, the handles fsynced."""

    opened: list[tuple[str, int]] = field(default_factory=list)
    flags_of: dict[int, tuple[str, int]] = field(default_factory=dict)
    fsynced: list[tuple[str, int]] = field(default_factory=list)

    def files_opened_without_binary(self) -> list[str]:
        return [
            path
            for path, flags in self.opened
            if not flags & FAKE_BINARY and not os.path.isdir(path)
        ]

    def fsync_on_read_only(self, *, folders_allowed: bool = False) -> list[str]:
        """Files fsynced through a read-only handle (folders only count on Windows)."""
        return [
            path
            for path, flags in self.fsynced
            if not flags & _WRITING and not (folders_allowed and os.path.isdir(path))
        ]


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[OsRecorder]:
    """Record os.open/os.fsync, with O_BINARY defined as a fake bit (stripped before the OS)."""
    rec = OsRecorder()
    real_open, real_fsync = os.open, os.fsync

    def opening(path: object, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        fd = real_open(path, flags & ~FAKE_BINARY, mode, dir_fd=dir_fd)  # type: ignore[arg-type]
        rec.opened.append((str(path), flags))
        rec.flags_of[fd] = (str(path), flags)
        return fd

    def fsync(fd: int) -> None:
        rec.fsynced.append(rec.flags_of.get(fd, (f"<fd {fd} not from os.open>", 0)))
        real_fsync(fd)

    monkeypatch.setattr(os, "O_BINARY", FAKE_BINARY, raising=False)
    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "fsync", fsync)
    yield rec


def a_session(data_dir: Path, tmp_path: Path) -> None:
    """A bit of everything the privacy store writes and reads."""
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    service.grant(Purpose.DIAGNOSTICS)
    service.grant(Purpose.USAGE)
    service.set_profile(email="zoe@example.org")
    journal = Journal(data_dir, KeyStore(data_dir))
    with journal.batch():
        for n in range(3):
            journal.append("clean", f"batch {n}", purpose="history")
        journal.erase(purpose="usage")  # closes the open log: the batch's flush reopens it
    service.record_activity("scan", {"files": 1})
    service.record_error("scan", "OSError")
    service.record_usage("scan")
    save_settings(data_dir, Settings(journal_retention_days=40))
    assert service.profile() is not None and service.verify_log().ok
    service.withdraw(Purpose.DIAGNOSTICS)  # a journal rewrite
    KeyStore(data_dir).rotate_master()
    service.export_all(tmp_path / "export.json")
    service.export_log(tmp_path / "journal.json")
    service.forget()


def test_every_privacy_file_is_opened_binary_and_fsynced_for_writing(
    recorder: OsRecorder, data_dir: Path, tmp_path: Path
) -> None:
    a_session(data_dir, tmp_path)
    assert len(recorder.opened) > 30 and recorder.fsynced
    assert recorder.files_opened_without_binary() == []
    assert recorder.fsync_on_read_only(folders_allowed=True) == []


def test_on_windows_no_folder_is_fsynced_and_no_read_handle_either(
    recorder: OsRecorder, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "_POSIX", False)  # what storage decides on Windows
    a_session(data_dir, tmp_path)
    assert [p for p, _flags in recorder.fsynced if os.path.isdir(p)] == []
    assert recorder.fsync_on_read_only() == []
    assert recorder.files_opened_without_binary() == []


def test_plan_files_and_the_plan_key_are_opened_binary(
    recorder: OsRecorder, data_dir: Path, tmp_path: Path
) -> None:
    save_plan(Plan((), OS.LINUX, 0.0), tmp_path / "plan.json", data_dir=data_dir)
    plan_opens = [(p, f) for p, f in recorder.opened if "plan" in os.path.basename(p)]
    assert len(plan_opens) == 2  # the key's temporary file and the plan's
    assert recorder.files_opened_without_binary() == []
    assert recorder.fsync_on_read_only() == []


# -- msvcrt locking ----------------------------------------------------------------------------


def fake_msvcrt(busy_tries: int) -> tuple[types.ModuleType, list[tuple[int, int]]]:
    """A stand-in for Windows' msvcrt: `locking` refuses ``busy_tries`` times, then grants."""
    calls: list[tuple[int, int]] = []
    module = types.ModuleType("msvcrt")
    module.LK_NBLCK = 2  # type: ignore[attr-defined]
    module.LK_UNLCK = 0  # type: ignore[attr-defined]
    module.LK_LOCK = 1  # type: ignore[attr-defined]
    left = [busy_tries]

    def locking(fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1 and os.lseek(fd, 0, os.SEEK_CUR) == 0, "one byte at the start"
        calls.append((fd, mode))
        if mode == module.LK_NBLCK and left[0] > 0:  # type: ignore[attr-defined]
            left[0] -= 1
            raise PermissionError(13, "locked by another process")  # what msvcrt raises

    module.locking = locking  # type: ignore[attr-defined]
    return module, calls


def test_on_windows_the_lock_is_msvcrt_locking_and_waits_its_turn(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, calls = fake_msvcrt(busy_tries=3)
    monkeypatch.setitem(sys.modules, "msvcrt", module)
    monkeypatch.setattr(datalock.sys, "platform", "win32")
    with data_lock(data_dir), data_lock(data_dir):  # re-entrant: locked once
        pass
    modes = [mode for _fd, mode in calls]
    assert modes == [2, 2, 2, 2, 0], "three refusals, a grant, then one unlock"
    assert len({fd for fd, _mode in calls}) == 1


def test_a_lock_held_too_long_is_a_clear_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onecleaner.privacy.errors import DataFolderError, DataFolderProblem

    module, _calls = fake_msvcrt(busy_tries=10**9)
    monkeypatch.setitem(sys.modules, "msvcrt", module)
    monkeypatch.setattr(datalock.sys, "platform", "win32")
    monkeypatch.setattr(datalock, "WAIT_SECONDS", 0.05)
    with pytest.raises(DataFolderError) as info, data_lock(data_dir):
        pass
    assert info.value.problem is DataFolderProblem.BUSY
    assert f"another ONE Cleaner process has held the data folder {data_dir}" in str(info.value)


# -- layering ----------------------------------------------------------------------------------


def imported_modules(folder: Path) -> dict[str, set[str]]:
    """Every module each file of ``folder`` imports, at any depth (lazy imports included)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[path.name] = names
    return found


def test_privacy_imports_neither_the_settings_nor_the_engine_nor_qt() -> None:
    import onecleaner.privacy

    folder = Path(onecleaner.privacy.__file__).parent
    bad = {
        name: sorted(
            m
            for m in modules
            if m.startswith(
                (
                    "onecleaner.settings",
                    "onecleaner.engine",
                    "onecleaner.gui",
                    "onecleaner.cli",
                    "PySide6",
                )
            )
        )
        for name, modules in imported_modules(folder).items()
    }
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_data_folder_is_private_after_a_session(data_dir: Path, tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permission bits")
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    service.record_activity("scan", {"files": 1})
    for path in [data_dir, *data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
