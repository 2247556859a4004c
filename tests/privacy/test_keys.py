"""Master key in the keychain or a key file; wrapped data keys; loss, rotation, shredding."""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import PasswordDeleteError

from onecleaner.privacy import keys as keys_module
from onecleaner.privacy.crypto import seal, unseal
from onecleaner.privacy.errors import DecryptError, KeyUnavailable
from onecleaner.privacy.keys import KeyStore


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in a dict, standing in for the OS keychain."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.fail_get = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.fail_get:
            raise RuntimeError("keychain is locked")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("no session bus")


class EmptyChainer(chainer.ChainerBackend):
    @property
    def backends(self) -> list[KeyringBackend]:  # type: ignore[override]
        return []


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(fail.Keyring())


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_without_keychain_the_master_key_is_a_private_file(data_dir: Path) -> None:
    store = KeyStore(data_dir)
    status = store.status()
    assert status.store == "file"
    assert status.backend == "file"
    assert "keyring.backends.fail.Keyring" in status.note
    key = store.data_key("profile")
    assert len(key) == 32
    assert status.location == str(data_dir / "master.key")
    assert (data_dir / "master.key").exists()
    if os.name == "posix":
        assert stat.S_IMODE((data_dir / "master.key").stat().st_mode) == 0o600
        assert stat.S_IMODE((data_dir / "keys.json").stat().st_mode) == 0o600
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_data_keys_persist_and_are_stored_only_wrapped(data_dir: Path) -> None:
    first = KeyStore(data_dir)
    key = first.data_key("journal-2026-11")
    again = KeyStore(data_dir).data_key("journal-2026-11")
    assert again == key
    on_disk = all_bytes(data_dir)
    assert key not in on_disk
    assert base64.b64encode(key) not in on_disk
    assert KeyStore(data_dir).names() == ["journal-2026-11"]


def test_data_keys_differ_by_name(data_dir: Path) -> None:
    store = KeyStore(data_dir)
    assert store.data_key("profile") != store.data_key("usage")
    assert store.has_key("usage")
    assert not store.has_key("journal-2026-12")


def test_absent_key_without_create_is_a_clear_error(data_dir: Path) -> None:
    with pytest.raises(KeyUnavailable, match="'profile' could not be read: it was destroyed"):
        KeyStore(data_dir).data_key("profile", create=False)


def test_keychain_holds_the_master_key_when_usable(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = KeyStore(data_dir)
    key = store.data_key("profile")
    status = store.status()
    assert status.store == "keychain"
    assert status.backend.endswith("MemoryKeyring")
    assert "service 'onecleaner'" in status.location
    assert not (data_dir / "master.key").exists()
    assert len(memory_keyring.entries) == 1
    assert KeyStore(data_dir).data_key("profile") == key


@pytest.mark.parametrize("backend", [RefusingKeyring, EmptyChainer])
def test_unusable_keychain_falls_back_to_the_key_file(
    data_dir: Path, backend: type[KeyringBackend]
) -> None:
    keyring.set_keyring(backend())
    try:
        store = KeyStore(data_dir)
        key = store.data_key("usage")
        assert store.status().store == "file"
        assert (data_dir / "master.key").exists()
        assert KeyStore(data_dir).data_key("usage") == key
    finally:
        keyring.set_keyring(fail.Keyring())


def test_lost_master_file_makes_keys_unreadable_with_a_clear_message(data_dir: Path) -> None:
    store = KeyStore(data_dir)
    store.data_key("journal-2026-11")
    (data_dir / "master.key").unlink()
    fresh = KeyStore(data_dir)
    with pytest.raises(KeyUnavailable) as info:
        fresh.data_key("journal-2026-11")
    message = str(info.value)
    assert "'journal-2026-11' could not be read" in message
    assert "master key is missing" in message
    assert "a new log will start" in message
    # A new key can still be made: a new master key replaces the lost one.
    assert len(fresh.data_key("journal-2026-12")) == 32
    assert fresh.names() == ["journal-2026-12"]
    assert (data_dir / "master.key").exists()


def test_lost_keychain_entry_makes_keys_unreadable(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    KeyStore(data_dir).data_key("profile")
    memory_keyring.entries.clear()
    with pytest.raises(KeyUnavailable, match="profile data it protected cannot be read"):
        KeyStore(data_dir).data_key("profile")


def test_locked_keychain_is_reported_and_nothing_is_replaced(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    key = KeyStore(data_dir).data_key("profile")
    memory_keyring.fail_get = True
    with pytest.raises(KeyUnavailable, match="unlock it"):
        KeyStore(data_dir).data_key("other")
    memory_keyring.fail_get = False
    assert KeyStore(data_dir).data_key("profile") == key


def test_wrong_master_key_file_is_refused(data_dir: Path, tmp_path: Path) -> None:
    KeyStore(data_dir).data_key("profile")
    other = tmp_path / "other"
    KeyStore(other).data_key("profile")
    (data_dir / "master.key").write_bytes((other / "master.key").read_bytes())
    with pytest.raises(KeyUnavailable, match="could not be read"):
        KeyStore(data_dir).data_key("profile")


def test_destroyed_key_shreds_what_it_protected(data_dir: Path) -> None:
    store = KeyStore(data_dir)
    october = seal(store.data_key("journal-2026-10"), b"october record")
    november = seal(store.data_key("journal-2026-11"), b"november record")
    store.destroy("journal-2026-10")
    assert not store.has_key("journal-2026-10")
    with pytest.raises(KeyUnavailable):
        KeyStore(data_dir).data_key("journal-2026-10", create=False)
    remade = KeyStore(data_dir).data_key("journal-2026-10")
    with pytest.raises(DecryptError):
        unseal(remade, october)
    assert unseal(KeyStore(data_dir).data_key("journal-2026-11"), november) == b"november record"


def test_destroy_all_removes_master_key_and_keychain_entry(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = KeyStore(data_dir)
    store.data_key("profile")
    store.destroy_all()
    assert memory_keyring.entries == {}
    assert not (data_dir / "keys.json").exists()
    assert KeyStore(data_dir).names() == []


def test_destroy_all_removes_the_key_file(data_dir: Path) -> None:
    store = KeyStore(data_dir)
    store.data_key("profile")
    store.destroy_all()
    assert not (data_dir / "master.key").exists()
    assert not (data_dir / "keys.json").exists()


def test_rotation_keeps_data_keys_and_retires_the_old_master(data_dir: Path) -> None:
    store = KeyStore(data_dir)
    keys = {name: store.data_key(name) for name in ("profile", "journal-2026-11")}
    old_master = (data_dir / "master.key").read_bytes()
    store.rotate_master()
    assert (data_dir / "master.key").read_bytes() != old_master
    fresh = KeyStore(data_dir)
    assert {name: fresh.data_key(name) for name in keys} == keys
    # The old master key no longer opens anything.
    (data_dir / "master.key").write_bytes(old_master)
    with pytest.raises(KeyUnavailable):
        KeyStore(data_dir).data_key("profile", create=False)


def test_rotation_in_the_keychain_replaces_the_entry(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = KeyStore(data_dir)
    key = store.data_key("profile")
    before = dict(memory_keyring.entries)
    store.rotate_master()
    assert len(memory_keyring.entries) == 1
    assert memory_keyring.entries.keys() != before.keys()
    assert KeyStore(data_dir).data_key("profile") == key


def test_crash_during_rotation_leaves_usable_keys(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeyStore(data_dir)
    key = store.data_key("profile")

    real_replace = os.replace

    def crash_before_key_file_swap(src: str | Path, dst: str | Path) -> None:
        # keys.json is already re-wrapped under the new key; the new key file not yet renamed.
        if Path(src).name == "master.key.new":
            raise OSError("power lost")
        real_replace(src, dst)

    monkeypatch.setattr(keys_module.os, "replace", crash_before_key_file_swap)
    with pytest.raises(OSError):
        store.rotate_master()
    monkeypatch.undo()
    assert (data_dir / "master.key.new").exists()
    assert KeyStore(data_dir).data_key("profile", create=False) == key
    assert not (data_dir / "master.key.new").exists()


def test_corrupt_keys_file_is_set_aside_and_reported(data_dir: Path) -> None:
    KeyStore(data_dir).data_key("profile")
    (data_dir / "keys.json").write_text("{broken")
    store = KeyStore(data_dir)
    with pytest.raises(KeyUnavailable):
        store.data_key("profile", create=False)
    assert any("keys.json could not be read" in p for p in store.problems)
    assert list(data_dir.glob("keys.json.corrupt-*"))


def test_keyrings_fail_backend_counts_as_no_keychain(data_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    backend, name = keys_module.usable_keychain()
    assert backend is None and name == "keyring.backends.fail.Keyring"
    status = KeyStore(data_dir).status()  # before any key exists: where it would go
    assert (status.store, status.backend) == ("file", "file")
    assert status.note == "no usable keychain (keyring.backends.fail.Keyring)"
    KeyStore(data_dir).data_key("profile")
    assert KeyStore(data_dir).status().location == str(data_dir / "master.key")
