"""A full disk: a message naming the data folder and the space needed, exit 1, state intact."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.errors import DataFolderError, DataFolderProblem
from onecleaner.privacy.service import PrivacyService

EMAIL = "zoe@example.org"


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, err.getvalue()


def state(data_dir: Path) -> dict[str, bytes]:
    """Every file of the data folder and its bytes."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    }


def prepare(data_dir: Path) -> None:
    service = PrivacyService(data_dir)
    service.grant(Purpose.HISTORY)
    service.set_profile(email=EMAIL)
    service.record_activity("scan", {"files": 1})


@contextlib.contextmanager
def tiny_tmpfs(where: Path, size: str = "256k") -> Iterator[Path]:
    """A small tmpfs mounted at ``where`` (root only), unmounted whatever happens."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)], check=True
    )
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def fill(folder: Path) -> Path:
    """Write a filler file until the disk under ``folder`` has no block left."""
    filler = folder / "filler"
    chunk = b"\0" * 4096
    with open(filler, "wb", buffering=0) as fh:
        while True:
            try:
                fh.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    return filler


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX mounts")
def test_a_full_tmpfs_is_a_clear_message_and_changes_nothing(tmp_path: Path) -> None:
    with tiny_tmpfs(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        prepare(data_dir)
        before = state(data_dir)
        filler = fill(disk)
        for argv in (
            ("privacy", "profile", "set", "--email", "new@example.org", "--phone", "13812345678"),
            ("privacy", "consent", "grant", "diagnostics"),
        ):
            code, err = run("--data-dir", str(data_dir), *argv)
            assert code == 1, err
            assert f"the disk holding the data folder {data_dir}" in err and "is full" in err
            assert "saving needs about" in err and "KiB free" in err
            assert "Traceback" not in err and "internal error" not in err
            assert state(data_dir) == before, "a failed save changed the data folder"
        filler.unlink()
        assert (
            run("--data-dir", str(data_dir), "privacy", "consent", "grant", "diagnostics")[0] == 0
        )
        profile = PrivacyService(data_dir).profile()
        assert profile is not None and profile.email == EMAIL


def test_no_space_met_while_writing_is_a_data_folder_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare(data_dir)
    before = state(data_dir)
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        """Like a disk that fills up: part of the first write goes, then nothing."""
        path = os.path.realpath(f"/proc/self/fd/{fd}")
        if not path.startswith(str(data_dir)):
            return real_write(fd, data)
        if len(data) > 1 and path not in partly:
            partly.add(path)
            return real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    partly: set[str] = set()

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell which file a handle writes")
    monkeypatch.setattr(os, "write", full)
    code, err = run("privacy", "profile", "set", "--email", "new@example.org")
    assert code == 1 and f"the disk holding the data folder {data_dir} is full" in err
    # A journal record cut short by the full disk is taken back off the end of the log.
    service = PrivacyService(data_dir)
    with pytest.raises(DataFolderError) as info:
        service.record_activity("clean", {"files": 2})
    assert info.value.problem is DataFolderProblem.FULL and info.value.needed
    monkeypatch.undo()
    assert state(data_dir) == before
    assert service.verify_log().ok and len(service.log_records()) == 1


def test_quota_exceeded_reads_as_a_full_disk(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(errno, "EDQUOT"):
        pytest.skip("no disk quotas on this platform")
    prepare(data_dir)
    real_replace = os.replace

    def over_quota(src: object, dst: object) -> None:
        if str(dst).startswith(str(data_dir)):
            raise OSError(errno.EDQUOT, "Disk quota exceeded")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", over_quota)
    code, err = run("privacy", "consent", "grant", "usage")
    assert code == 1 and "is full" in err
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]
