"""The Windows Recycle Bin that never deletes for good: a file the bin refuses is kept.

send2trash cannot promise that: its SHFileOperation path recycles only "if possible" and
otherwise deletes, and its IFileOperation path asks a progress sink but pywin32 drops the sink's
answer. Here the sink *raises* a COM error from PreDeleteItem when the shell says the item would
not be recycled (too large for the bin, a network drive, a bin switched off: no
TSF_DELETE_RECYCLE_IF_POSSIBLE), which cancels that delete, and FOFX_EARLYFAILURE stops the
operation: the file stays and the clean reports it. Needs pywin32 (send2trash's `nativeLib`
extra installs it on Windows); without it nothing is moved at all.

Only the shell can run this; the tests drive it through fake pywin32 modules.
"""

from __future__ import annotations

import errno
from typing import Any, ClassVar

FOF_SILENT = 0x0004
FOF_NOCONFIRMATION = 0x0010
FOF_NOERRORUI = 0x0400
FOFX_EARLYFAILURE = 0x00100000
FOFX_RECYCLEONDELETE = 0x00080000  # Windows 8+, which every supported Python needs
FOFX_ADDUNDORECORD = 0x20000000
TSF_DELETE_RECYCLE_IF_POSSIBLE = 0x80
E_ABORT = -2147467260  # 0x80004004 as a signed HRESULT

FLAGS = (
    FOF_SILENT
    | FOF_NOCONFIRMATION
    | FOF_NOERRORUI
    | FOFX_EARLYFAILURE
    | FOFX_RECYCLEONDELETE
    | FOFX_ADDUNDORECORD
)


class RecycleBinRefused(OSError):
    """The Recycle Bin would not take the file (it would have been deleted for good): kept."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EPERM, "the Recycle Bin would not take it", path)


class RecycleBinUnavailable(OSError):
    """The Recycle Bin cannot be driven safely here (pywin32 missing): nothing is moved."""


def _pywin32() -> tuple[Any, Any, Any, Any]:
    """pythoncom, win32com's shell, server policy and exception modules (imported here, not at
    the top: only Windows has them; plain imports, so that PyInstaller bundles them)."""
    try:
        import pythoncom  # type: ignore[import-untyped, unused-ignore]
        from win32com.server import exception, policy  # type: ignore[import-untyped, unused-ignore]
        from win32com.shell import shell  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:
        raise RecycleBinUnavailable(
            errno.ENOSYS, f"the Recycle Bin needs pywin32 ({exc}); reinstall ONE Cleaner"
        ) from None
    return pythoncom, shell, policy, exception


_SINK_METHODS = (
    "StartOperations", "FinishOperations", "PreRenameItem", "PostRenameItem", "PreMoveItem",
    "PostMoveItem", "PreCopyItem", "PostCopyItem", "PreDeleteItem", "PostDeleteItem",
    "PreNewItem", "PostNewItem", "UpdateProgress", "ResetTimer", "PauseTimer", "ResumeTimer",
)  # fmt: skip


def _sink(shell: Any, policy: Any, exception: Any) -> Any:
    """An IFileOperationProgressSink that cancels any delete the shell would not recycle."""

    class RecycleOnly(policy.DesignatedWrapPolicy):  # type: ignore[misc]
        _com_interfaces_: ClassVar = [shell.IID_IFileOperationProgressSink]
        _public_methods_: ClassVar = list(_SINK_METHODS)

        def __init__(self) -> None:
            self._wrap_(self)
            self.refused: list[str] = []

        def PreDeleteItem(self, flags: int, item: Any) -> None:  # COM's name and arguments
            if not flags & TSF_DELETE_RECYCLE_IF_POSSIBLE:
                self.refused.append(str(item))
                raise exception.COMException(scode=E_ABORT, desc="would be deleted for good")

        def __getattr__(self, name: str) -> Any:
            if name in _SINK_METHODS:
                return lambda *args: None  # S_OK: nothing else to watch
            raise AttributeError(name)

    return RecycleOnly()


def recycle(path: str) -> None:
    """Move `path` to the Recycle Bin, or raise: RecycleBinRefused (kept), OSError (failed)."""
    pythoncom, shell, policy, exception = _pywin32()
    pythoncom.CoInitialize()
    try:
        operation = pythoncom.CoCreateInstance(
            shell.CLSID_FileOperation, None, pythoncom.CLSCTX_ALL, shell.IID_IFileOperation
        )
        operation.SetOperationFlags(FLAGS)
        watcher = _sink(shell, policy, exception)
        sink = pythoncom.WrapObject(watcher, shell.IID_IFileOperationProgressSink)
        try:
            item = shell.SHCreateItemFromParsingName(path, None, shell.IID_IShellItem)
            operation.DeleteItem(item, sink)
            operation.PerformOperations()
            aborted = operation.GetAnyOperationsAborted()
        except pythoncom.com_error as exc:
            if watcher.refused:
                raise RecycleBinRefused(path) from None
            raise OSError(errno.EIO, f"the Recycle Bin failed: {exc}", path) from None
        if watcher.refused or aborted:
            raise RecycleBinRefused(path)
    finally:
        pythoncom.CoUninitialize()


__all__ = ["FLAGS", "RecycleBinRefused", "RecycleBinUnavailable", "recycle"]
