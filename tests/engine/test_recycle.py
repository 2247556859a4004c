"""Windows' Recycle Bin (simulated with fake pywin32 modules): a file the bin refuses is kept.

The fake shell behaves as Windows does: a file the bin cannot take (too large for it, on a
drive without one) is deleted for good unless the progress sink vetoes it in PreDeleteItem.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, reasons, target, write

from onecleaner.engine import fsops, recycle
from onecleaner.engine.clean import clean
from onecleaner.engine.model import DeleteMode
from onecleaner.engine.scan import scan

BIN_LIMIT = 10_000  # bytes the fake Recycle Bin takes per file


class ComError(Exception):
    """pythoncom.com_error."""


class COMException(Exception):
    """win32com.server.exception.COMException: a COM error a Python server returns."""

    def __init__(self, scode: int = 0, desc: str = "") -> None:
        super().__init__(desc)
        self.scode = scode


class FakeShell:  # COM method names, as pywin32 exposes them
    """The shell's file operation: recycles what fits the bin, deletes the rest for good."""

    def __init__(self, bin_folder: Path) -> None:
        self.bin = bin_folder
        self.flags = 0
        self.queued: list[tuple[str, object]] = []
        self.aborted = False
        self.deleted_for_good: list[str] = []

    def SetOperationFlags(self, flags: int) -> None:
        self.flags = flags

    def DeleteItem(self, item: str, sink: object) -> None:
        self.queued.append((item, sink))

    def PerformOperations(self) -> None:
        for item, sink in self.queued:
            fits = os.path.getsize(item) <= BIN_LIMIT
            flags = recycle.TSF_DELETE_RECYCLE_IF_POSSIBLE if fits else 0
            try:
                sink.PreDeleteItem(flags, item)  # type: ignore[attr-defined]
            except COMException as exc:
                self.aborted = True
                raise ComError(exc.scode) from None
            if fits and self.flags & recycle.FOFX_RECYCLEONDELETE:
                os.rename(item, self.bin / os.path.basename(item))
            else:
                os.unlink(item)
                self.deleted_for_good.append(item)
            sink.PostDeleteItem(flags, item, 0, None)  # type: ignore[attr-defined]

    def GetAnyOperationsAborted(self) -> bool:
        return self.aborted


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FakeShell]]:
    """Fake pywin32 modules in sys.modules; yields the file operations created."""
    made: list[FakeShell] = []
    bin_folder = tmp_path / "RecycleBin"
    bin_folder.mkdir()

    def create(clsid: str, outer: None, context: int, iid: str) -> FakeShell:
        made.append(FakeShell(bin_folder))
        return made[-1]

    class DesignatedWrapPolicy:
        def _wrap_(self, ob: object) -> None:
            self._obj_ = ob

    fakes = {
        "pythoncom": types.SimpleNamespace(
            CoInitialize=lambda: None,
            CoUninitialize=lambda: None,
            CoCreateInstance=create,
            CLSCTX_ALL=23,
            WrapObject=lambda ob, iid: ob,
            com_error=ComError,
        ),
        "win32com.shell.shell": types.SimpleNamespace(
            CLSID_FileOperation="clsid",
            IID_IFileOperation="iid-op",
            IID_IFileOperationProgressSink="iid-sink",
            IID_IShellItem="iid-item",
            SHCreateItemFromParsingName=lambda path, ctx, iid: path,
        ),
        "win32com.server.policy": types.SimpleNamespace(DesignatedWrapPolicy=DesignatedWrapPolicy),
        "win32com.server.exception": types.SimpleNamespace(COMException=COMException),
    }
    fakes["win32com.shell"] = types.SimpleNamespace(shell=fakes["win32com.shell.shell"])
    fakes["win32com.server"] = types.SimpleNamespace(
        policy=fakes["win32com.server.policy"], exception=fakes["win32com.server.exception"]
    )
    fakes["win32com"] = types.SimpleNamespace(
        shell=fakes["win32com.shell"], server=fakes["win32com.server"]
    )
    for name, module in fakes.items():
        monkeypatch.setitem(sys.modules, name, module)
    yield made


def test_a_file_the_recycle_bin_refuses_is_kept_not_deleted_for_good(
    tmp_path: Path, shell: list[FakeShell]
) -> None:
    small = write(tmp_path / "small.bin", b"x" * 100)
    big = write(tmp_path / "big.iso", b"x" * (BIN_LIMIT + 1))
    recycle.recycle(str(small))
    assert not small.exists() and (tmp_path / "RecycleBin" / "small.bin").exists()
    with pytest.raises(recycle.RecycleBinRefused):
        recycle.recycle(str(big))
    assert big.exists() and big.stat().st_size == BIN_LIMIT + 1
    assert all(op.deleted_for_good == [] for op in shell)
    flags = shell[0].flags
    assert flags & recycle.FOFX_RECYCLEONDELETE and flags & recycle.FOFX_EARLYFAILURE
    assert flags & recycle.FOF_NOCONFIRMATION and flags & recycle.FOF_NOERRORUI


def test_without_pywin32_nothing_is_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pythoncom", None)  # import fails, as without pywin32
    kept = write(tmp_path / "f.bin")
    with pytest.raises(recycle.RecycleBinUnavailable, match="needs pywin32"):
        recycle.recycle(str(kept))
    assert kept.exists()


def test_a_windows_trash_clean_keeps_and_reports_what_the_bin_refuses(
    isolated_home: Path, shell: list[FakeShell], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = isolated_home / ".cache" / "downloads"
    small = write(root / "small.part", b"x" * 100)
    big = write(root / "big.part", b"x" * (BIN_LIMIT + 1))
    clean_module = importlib.import_module("onecleaner.engine.clean")
    # Windows: no freedesktop home trash, path-based folders, our Recycle Bin call.
    monkeypatch.setattr(fsops, "_WINDOWS", True)
    monkeypatch.setattr(clean_module, "HomeTrash", lambda folder: None)
    real = fsops.make_cursor
    monkeypatch.setattr(
        importlib.import_module("onecleaner.engine.removal"),
        "make_cursor",
        lambda r, prune, **kw: real(r, prune=prune, paths_only=True),
    )
    t = target("dl.cache", root)
    cat = catalog(app("dl", "Downloads", [t]))
    plan = scan([t], env(), catalog=cat, probe=FakeProbe())
    result = clean(plan, env(), catalog=cat, probe=FakeProbe(), mode=DeleteMode.TRASH)
    assert not small.exists() and big.exists()
    assert result.trashed_files == 1 and result.bytes == 0
    assert reasons(result.skipped) == {
        str(big): "could not move to the trash: the trash would not take it (too large for "
        "it, or a drive without one), so it was kept rather than deleted for good"
    }
    assert all(op.deleted_for_good == [] for op in shell)
