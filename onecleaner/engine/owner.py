"""Whose a file is, where a numeric uid cannot tell: on Windows, the owner SID against the user's.

`owner_only` targets (the shared temporary folders) take only the user's own files. On POSIX
the walk compares `st_uid`; on Windows there is no uid, so the owner is read from the file's
security descriptor (advapi32 through ctypes) and compared with the SID of the process's
user: a file of SYSTEM, of an administrator or of another account is never selected, and a file
whose owner cannot be read is not either.
"""

from __future__ import annotations

import functools
import os
import sys


def is_users(path: str) -> bool:
    """Whether the user running this process owns `path` (False when its owner is unknown)."""
    owner = owner_sid(path)
    return owner is not None and owner == user_sid()


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    _SE_FILE_OBJECT = 1
    _OWNER_SECURITY_INFORMATION = 0x1
    _TOKEN_QUERY = 0x8
    _TOKEN_USER = 1
    _READ_CONTROL = 0x20000
    _SHARE_ALL = 0x7  # read, write, delete: never in another program's way
    _OPEN_EXISTING = 3
    _FLAG_BACKUP_SEMANTICS = 0x02000000  # lets a folder be opened
    _FLAG_OPEN_REPARSE_POINT = 0x00200000  # a link's own owner, not its target's
    _INVALID_HANDLE = wintypes.HANDLE(-1).value
    _PSID = ctypes.c_void_p

    _CreateFileW = _kernel32.CreateFileW
    _CreateFileW.argtypes = [
        wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p,
        wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE,
    ]  # fmt: skip
    _CreateFileW.restype = wintypes.HANDLE
    _CloseHandle = _kernel32.CloseHandle
    _CloseHandle.argtypes = [wintypes.HANDLE]
    _CloseHandle.restype = wintypes.BOOL
    _LocalFree = _kernel32.LocalFree
    _LocalFree.argtypes = [ctypes.c_void_p]
    _LocalFree.restype = ctypes.c_void_p
    _GetCurrentProcess = _kernel32.GetCurrentProcess
    _GetCurrentProcess.argtypes = []
    _GetCurrentProcess.restype = wintypes.HANDLE

    _GetSecurityInfo = _advapi32.GetSecurityInfo
    _GetSecurityInfo.argtypes = [
        wintypes.HANDLE, ctypes.c_int, wintypes.DWORD, ctypes.POINTER(_PSID),
        ctypes.POINTER(_PSID), ctypes.c_void_p, ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_void_p),
    ]  # fmt: skip
    _GetSecurityInfo.restype = wintypes.DWORD
    _GetLengthSid = _advapi32.GetLengthSid
    _GetLengthSid.argtypes = [_PSID]
    _GetLengthSid.restype = wintypes.DWORD
    _IsValidSid = _advapi32.IsValidSid
    _IsValidSid.argtypes = [_PSID]
    _IsValidSid.restype = wintypes.BOOL
    _OpenProcessToken = _advapi32.OpenProcessToken
    _OpenProcessToken.argtypes = [wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE)]
    _OpenProcessToken.restype = wintypes.BOOL
    _GetTokenInformation = _advapi32.GetTokenInformation
    _GetTokenInformation.argtypes = [
        wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
    ]  # fmt: skip
    _GetTokenInformation.restype = wintypes.BOOL

    def _sid_bytes(sid: int | None) -> bytes | None:
        if not sid or not _IsValidSid(sid):
            return None
        return ctypes.string_at(sid, _GetLengthSid(sid))

    def owner_sid(path: str) -> bytes | None:
        """The owner SID of `path` itself (a link's own), as bytes; None when unreadable."""
        handle = _CreateFileW(
            path,
            _READ_CONTROL,
            _SHARE_ALL,
            None,
            _OPEN_EXISTING,
            _FLAG_BACKUP_SEMANTICS | _FLAG_OPEN_REPARSE_POINT,
            None,
        )
        if handle is None or handle == _INVALID_HANDLE:
            return None
        try:
            owner = _PSID()
            descriptor = ctypes.c_void_p()
            error = _GetSecurityInfo(
                handle,
                _SE_FILE_OBJECT,
                _OWNER_SECURITY_INFORMATION,
                ctypes.byref(owner),
                None,
                None,
                None,
                ctypes.byref(descriptor),
            )
            if error:
                return None
            try:
                return _sid_bytes(owner.value)
            finally:
                _LocalFree(descriptor)
        finally:
            _CloseHandle(handle)

    @functools.cache
    def user_sid() -> bytes | None:
        """The SID of the user this process runs as (TOKEN_USER), as bytes."""
        token = wintypes.HANDLE()
        if not _OpenProcessToken(_GetCurrentProcess(), _TOKEN_QUERY, ctypes.byref(token)):
            return None
        try:
            size = wintypes.DWORD()
            _GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
            buffer = ctypes.create_string_buffer(size.value)
            if not _GetTokenInformation(token, _TOKEN_USER, buffer, size, ctypes.byref(size)):
                return None
            # TOKEN_USER starts with SID_AND_ATTRIBUTES, which starts with the SID's address.
            return _sid_bytes(ctypes.c_void_p.from_buffer(buffer).value)
        finally:
            _CloseHandle(token)

else:

    def owner_sid(path: str) -> bytes | None:
        """The owner of `path` as bytes (its uid here, where no SID exists); None if unreadable."""
        try:
            return str(os.lstat(path).st_uid).encode()
        except OSError:
            return None

    @functools.cache
    def user_sid() -> bytes | None:
        """The user this process runs as, as bytes (its uid here)."""
        return str(os.getuid()).encode()


__all__ = ["is_users", "owner_sid", "user_sid"]
