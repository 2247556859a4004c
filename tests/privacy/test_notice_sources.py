"""Notices that reach an offline app: shipped in its resources or put in a system folder."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from onecleaner.engine.env import SYSTEM_ROOT_VAR as ENGINE_SYSTEM_ROOT_VAR
from onecleaner.privacy.notice import NoticeBook
from onecleaner.privacy.notice_sources import (
    SHIPPED_VAR,
    SYSTEM_ROOT_VAR,
    shipped_notice_folder,
    system_notice_folders,
)
from onecleaner.privacy.service import PrivacyService
from onecleaner.privacy.startup import run_startup
from onecleaner.resources import resource
from tests.privacy.notice_helpers import (
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)

NOW = datetime.now(UTC)


@pytest.fixture
def key(data_dir: Path) -> Ed25519PrivateKey:
    """The test vendor key, trusted through the data folder (the real private key is offline)."""
    return trust_new_key(data_dir)


@pytest.fixture
def shipped() -> Path:
    """The shipped notices folder, relocated out of the package by the conftest."""
    folder = Path(os.environ[SHIPPED_VAR])
    folder.mkdir(parents=True)
    return folder


def etc_notices(sysroot: Path) -> Path:
    folder = sysroot / "etc" / "onecleaner" / "notices"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def current_fields(seq: int = 1, **dates: datetime) -> dict[str, Any]:
    """A notice announced yesterday, ending in a month (dates as given)."""
    return notice_fields(
        seq=seq,
        announced=dates.get("announced", NOW - timedelta(days=1)),
        end=dates.get("end", NOW + timedelta(days=30)),
        deadline=dates.get("deadline", NOW + timedelta(days=60)),
    )


def put(folder: Path, key: Ed25519PrivateKey, seq: int = 1, name: str = "") -> Path:
    doc = signed_document(key, current_fields(seq))
    return write_document(folder / (name or f"notice-{seq}.json"), doc)


def forge(folder: Path, key: Ed25519PrivateKey, name: str = "forged.json") -> Path:
    """A genuine notice altered after signing (the contact swapped)."""
    doc = signed_document(key, current_fields(seq=9))
    doc["notice"]["contact"] = "attacker@example.org"
    return write_document(folder / name, doc)


def installed_seq(data_dir: Path) -> int | None:
    notice = NoticeBook(data_dir).current()
    return None if notice is None else notice.seq


# -- where the folders are ----------------------------------------------------------------


def test_system_folders_per_os_and_under_the_system_root() -> None:
    assert system_notice_folders("linux", {}) == (
        "/etc/onecleaner/notices",
        "/usr/share/onecleaner/notices",
    )
    assert system_notice_folders("darwin", {}) == (
        "/Library/Application Support/onecleaner/notices",
    )
    assert system_notice_folders("win32", {"PROGRAMDATA": "D:\\Data"}) == (
        "D:\\Data\\onecleaner\\notices",
    )
    assert system_notice_folders("win32", {}) == ("C:\\ProgramData\\onecleaner\\notices",)
    moved = {SYSTEM_ROOT_VAR: "/tmp/t/sysroot"}
    assert system_notice_folders("linux", moved)[0] == "/tmp/t/sysroot/etc/onecleaner/notices"
    assert system_notice_folders("darwin", moved) == (
        "/tmp/t/sysroot/Library/Application Support/onecleaner/notices",
    )
    assert system_notice_folders("win32", {SYSTEM_ROOT_VAR: "C:\\t\\root"}) == (
        "C:\\t\\root\\C\\ProgramData\\onecleaner\\notices",
    )
    for real in ("/", "C:\\", ""):
        assert system_notice_folders("win32", {SYSTEM_ROOT_VAR: real})[0].startswith("C:\\Prog")
    assert system_notice_folders("linux", {SYSTEM_ROOT_VAR: "/"})[0] == "/etc/onecleaner/notices"


def test_the_folders_follow_the_running_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SYSTEM_ROOT_VAR)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert system_notice_folders() == ("/Library/Application Support/onecleaner/notices",)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "E:\\PD")
    assert system_notice_folders() == ("E:\\PD\\onecleaner\\notices",)


def test_the_system_root_variable_is_the_engines() -> None:
    # Privacy reads the variable itself (it never imports the engine): the names must agree.
    assert SYSTEM_ROOT_VAR == ENGINE_SYSTEM_ROOT_VAR


def test_the_shipped_folder_is_in_the_package_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SHIPPED_VAR)
    folder = shipped_notice_folder()
    assert folder == resource("notices") and folder.is_dir()
    assert (folder / "README.md").is_file()


# -- found at start and installed ---------------------------------------------------------


def test_notice_shipped_in_resources_is_installed_at_start(
    data_dir: Path, shipped: Path, key: Ed25519PrivateKey
) -> None:
    put(shipped, key, seq=3)
    messages = run_startup(data_dir)
    assert installed_seq(data_dir) == 3
    assert any(m.startswith("Service notice: ONE Cleaner's service ends") for m in messages)
    assert (shipped / "notice-3.json").exists(), "the shipped file is read, never moved"


@pytest.mark.parametrize("folder", ["etc", "usr/share"])
def test_notice_in_a_system_folder_is_installed_at_start(
    data_dir: Path, sysroot: Path, key: Ed25519PrivateKey, folder: str
) -> None:
    where = sysroot / folder / "onecleaner" / "notices"
    where.mkdir(parents=True)
    put(where, key, seq=2)
    run_startup(data_dir)
    assert installed_seq(data_dir) == 2


def test_fresh_install_reports_a_forged_shipped_notice(tmp_path: Path, shipped: Path) -> None:
    # No data folder yet, so no test key in it: the notice is trusted through the shipped key
    # only, which this test does not hold; a forged file must still be reported.
    fresh = tmp_path / "fresh-data"
    forge(shipped, Ed25519PrivateKey.generate())
    messages = run_startup(fresh)
    assert len(messages) == 1 and "forged.json" in messages[0]
    assert NoticeBook(fresh).current() is None
    assert run_startup(fresh) == []


def test_nothing_found_creates_nothing(data_dir: Path, shipped: Path) -> None:
    (shipped / "README.md").write_text("not a notice", encoding="utf-8")
    assert run_startup(data_dir) == []
    assert not data_dir.exists()


# -- forged, unsigned, unreadable: ignored and reported once ------------------------------


@pytest.mark.parametrize("place", ["shipped", "system"])
def test_forged_notice_is_ignored_and_reported_once(
    data_dir: Path, shipped: Path, sysroot: Path, key: Ed25519PrivateKey, place: str
) -> None:
    folder = shipped if place == "shipped" else etc_notices(sysroot)
    path = forge(folder, key)
    (message,) = run_startup(data_dir)
    assert str(path) in message and f"({place})" in message
    assert "altered or forged" in message and "said once" in message
    assert installed_seq(data_dir) is None
    security = [r.text for r in PrivacyService(data_dir).log_records()]
    assert security == ["notice-rejected: bad-signature"]
    assert run_startup(data_dir) == [], "reported once"
    # A changed file is a new file: reported again.
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["notice"]["contact"] = "other@example.org"
    write_document(path, doc)
    (again,) = run_startup(data_dir)
    assert str(path) in again


def test_unsigned_unreadable_and_huge_files_are_reported_once(
    data_dir: Path, sysroot: Path, key: Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = etc_notices(sysroot)
    unsigned = write_document(folder / "unsigned.json", {"notice": current_fields()})
    (folder / "garbage.json").write_bytes(b"\xff not json")
    with (folder / "huge.json").open("wb") as handle:
        handle.truncate(2 << 20)
    locked_out = put(folder, key, seq=4, name="locked.json")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked_out:  # root reads any mode: simulate the permission error
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    messages = run_startup(data_dir)
    text = "\n".join(messages)
    assert "unsigned.json" in text and "no signature" in text
    assert "garbage.json" in text and "not a JSON file" in text
    assert "huge.json" in text and "too large" in text
    assert "locked.json" in text and "Permission denied" in text
    assert installed_seq(data_dir) is None
    assert not [m for m in run_startup(data_dir) if "is ignored" in m], "reported once"
    assert unsigned.exists(), "files of a system folder are never removed"


def test_an_unlistable_system_folder_is_reported_once(
    data_dir: Path, sysroot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = etc_notices(sysroot)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    (message,) = run_startup(data_dir)
    assert str(folder) in message and "Permission denied" in message
    assert run_startup(data_dir) == []


# -- newer wins, older never replaces -----------------------------------------------------


def test_an_older_notice_never_replaces_a_newer_one(
    data_dir: Path, shipped: Path, sysroot: Path, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    newer = write_document(tmp_path / "n5.json", signed_document(key, current_fields(seq=5)))
    NoticeBook(data_dir).install(newer)
    put(shipped, key, seq=3)
    put(etc_notices(sysroot), key, seq=4)
    messages = run_startup(data_dir)
    assert installed_seq(data_dir) == 5
    assert not [m for m in messages if "is ignored" in m], "an older genuine notice is no error"


def test_the_newest_of_both_places_is_installed(
    data_dir: Path, shipped: Path, sysroot: Path, key: Ed25519PrivateKey
) -> None:
    put(shipped, key, seq=6)
    put(etc_notices(sysroot), key, seq=7)
    put(shipped, key, seq=2)
    run_startup(data_dir)
    assert installed_seq(data_dir) == 7
    put(shipped, key, seq=8)  # the next update ships a newer one
    run_startup(data_dir)
    assert installed_seq(data_dir) == 8


def test_a_notice_acted_on_is_not_installed_again(
    data_dir: Path, shipped: Path, key: Ed25519PrivateKey
) -> None:
    past = NOW - timedelta(days=100)
    fields = current_fields(
        seq=1, announced=past, end=past + timedelta(days=30), deadline=past + timedelta(days=60)
    )
    write_document(shipped / "last.json", signed_document(key, fields))
    run_startup(data_dir)
    assert (data_dir / "deletion-receipt.json").exists()
    (data_dir / "notice.json").unlink()  # lost; the receipt still remembers its seq
    run_startup(data_dir)
    assert not (data_dir / "notice.json").exists(), "a replay of the acted-on notice"


def _start(data_dir: str, barrier: Any, out: Any) -> None:
    barrier.wait()
    out.put(run_startup(Path(data_dir)))


def test_starts_at_once_install_once_and_say_it_once(
    data_dir: Path, shipped: Path, key: Ed25519PrivateKey
) -> None:
    put(shipped, key, seq=2)
    forge(shipped, key)
    context = multiprocessing.get_context("fork")
    barrier, out = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_start, args=(str(data_dir), barrier, out)) for _ in range(4)]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    lines = [m for messages in results for m in messages]
    assert len([m for m in lines if m.startswith("Service notice:")]) == 1, lines
    assert len([m for m in lines if "forged.json" in m]) == 1, lines
    assert installed_seq(data_dir) == 2
    memo = json.loads((data_dir / "notice-memo.json").read_text(encoding="utf-8"))
    assert len(memo["reported"]) == 1 and memo["shown"]["cli"].startswith("end-2030#2:")
