"""The data folder: private modes, atomic writes, versioned JSON, bad files set aside."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from onecleaner.privacy import storage
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, DataFolderError
from onecleaner.privacy.storage import (
    SCHEMA_VERSION,
    atomic_write_bytes,
    ensure_data_dir,
    read_json,
    set_aside,
    write_json,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_data_dir_is_created_private(data_dir: Path) -> None:
    ensure_data_dir(data_dir / "journal")
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "journal") == 0o700


@posix_only
def test_a_looser_existing_folder_is_tightened(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    ensure_data_dir(data_dir)
    assert mode(data_dir) == 0o700


@posix_only
def test_written_files_are_private_even_with_a_permissive_umask(data_dir: Path) -> None:
    old = os.umask(0)
    try:
        write_json(data_dir / "consent.json", {"a": 1}, kind="consent")
        atomic_write_bytes(data_dir / "blob.bin", b"x")
    finally:
        os.umask(old)
    assert mode(data_dir / "consent.json") == 0o600
    assert mode(data_dir / "blob.bin") == 0o600
    assert mode(data_dir) == 0o700


def test_json_round_trip_carries_schema_and_kind(data_dir: Path) -> None:
    write_json(data_dir / "settings.json", {"retention_days": 45, "名": "值"}, kind="settings")
    on_disk = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert on_disk["schema"] == SCHEMA_VERSION
    assert on_disk["kind"] == "settings"
    doc = read_json(data_dir / "settings.json", kind="settings")
    assert doc is not None
    assert doc["retention_days"] == 45
    assert doc["名"] == "值"


def test_absent_file_reads_as_none(data_dir: Path) -> None:
    assert read_json(data_dir / "nothing.json", kind="consent") is None


def test_crash_between_write_and_rename_keeps_the_old_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = data_dir / "consent.json"
    write_json(target, {"granted": ["history"]}, kind="consent")
    before = target.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError("power lost")

    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(DataFolderError, match="power lost"):
        write_json(target, {"granted": []}, kind="consent")
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["consent.json"]  # no temp left


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"schema": 1, "kind": "profile"}', "expected a 'consent' file"),
        (b'{"kind": "consent"}', "no valid schema version"),
        (b'{"schema": 99, "kind": "consent"}', "newer version"),
    ],
)
def test_bad_file_is_set_aside_with_a_message(data_dir: Path, content: bytes, reason: str) -> None:
    ensure_data_dir(data_dir)
    target = data_dir / "consent.json"
    target.write_bytes(content)
    with pytest.raises(CorruptFile) as info:
        read_json(target, kind="consent")
    err = info.value
    assert not target.exists()
    assert err.aside.read_bytes() == content  # kept for inspection
    assert err.aside.name.startswith("consent.json.corrupt-")
    assert reason in str(err)
    assert "kept aside" in str(err)
    # The next read starts from defaults.
    assert read_json(target, kind="consent") is None


def test_set_aside_never_overwrites_an_earlier_aside(data_dir: Path) -> None:
    ensure_data_dir(data_dir)
    target = data_dir / "profile.json"
    target.write_text("one")
    first = set_aside(target)
    target.write_text("two")
    second = set_aside(target)
    assert first != second
    assert first.read_text() == "one"
    assert second.read_text() == "two"


def test_lock_can_be_taken_again_after_release(data_dir: Path) -> None:
    with data_lock(data_dir):
        pass
    with data_lock(data_dir), data_lock(data_dir):  # re-entrant in one process
        assert (data_dir / ".lock").exists()
