"""Keys of the privacy data: named data keys wrapped by a master key (keychain or key file).

A data key ("profile", "journal-2026-11", ...) is random and stored only wrapped (sealed) by
the master key in ``<data>/keys.json``. Destroying a data key makes what it protected
unreadable (crypto-shredding); destroying the master key does it for all of them. The master
key lives in the OS keychain when ``keyring`` has a usable backend, otherwise in a 0600 file
``<data>/master.key``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy import crypto
from onecleaner.privacy.datalock import data_lock, generation
from onecleaner.privacy.errors import CorruptFile, DecryptError, KeyUnavailable
from onecleaner.privacy.storage import read_json, write_json

KEYS_FILE = "keys.json"
MASTER_FILE = "master.key"
STORE_KEYCHAIN = "keychain"
STORE_FILE = "file"
_CHECK = b"onecleaner master key check"


@dataclass(frozen=True)
class KeyStatus:
    """Where the master key is kept: ``store`` is 'keychain' or 'file'."""

    store: str
    backend: str  # the keyring backend class, or "file"
    location: str  # the key file's path, or the keychain service and entry
    note: str = ""  # why the file store is used, when it is


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64 text") from exc


def _class_name(obj: object) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def usable_keychain() -> tuple[Any | None, str]:
    """The keyring backend if it can hold secrets, else None; and the backend's class name."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring install is just "no keychain"
        return None, f"keyring unavailable ({exc.__class__.__name__})"
    name = _class_name(backend)
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None, name
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None, name
    return backend, name


def _wrap_aad(name: str, master_id: str) -> bytes:
    # Binding the name stops a wrapped key from being reused under another name.
    return f"onecleaner data key\x00{name}\x00{master_id}".encode()


def _keys_shape(doc: dict[str, Any]) -> str | None:
    if not isinstance(doc.get("keys", {}), dict):
        return "its 'keys' are not an object"
    if not isinstance(doc.get("master", {}), dict):
        return "its 'master' is not an object"
    return None


def _master_shape(doc: dict[str, Any]) -> str | None:
    if not isinstance(doc.get("id"), str) or not isinstance(doc.get("key"), str):
        return "it holds no key id and key"
    return None


def _lost_message(name: str, why: str) -> str:
    if name.startswith("journal"):
        after = "that part of the journal cannot be read any more; a new log will start."
    else:
        after = f"the {name} data it protected cannot be read any more and starts afresh."
    return f"The key '{name}' could not be read: {why}. {after[0].upper()}{after[1:]}"


class KeyStore:
    """Named data keys of one data folder, wrapped by its master key.

    Every call holds the data folder's lock (`datalock`): two processes making keys at
    once both keep theirs, and only one master key is ever made.
    """

    def __init__(self, data_dir: Path, *, service: str = "onecleaner") -> None:
        self._dir = data_dir
        self._service = service
        self._doc: dict[str, Any] | None = None
        self._doc_gen: int | None = None  # the lock acquisition the cached doc was read under
        self._master_cache: tuple[str, bytes] | None = None
        self._unwrapped: dict[tuple[str, str], bytes] = {}
        self.problems: list[str] = []  # messages for the user (e.g. a keys file set aside)

    # -- paths and the keys document -------------------------------------------------------

    @property
    def keys_path(self) -> Path:
        return self._dir / KEYS_FILE

    @property
    def master_path(self) -> Path:
        return self._dir / MASTER_FILE

    def _entry_name(self, master_id: str) -> str:
        return f"master-key-{master_id}"

    def _reading(self) -> contextlib.AbstractContextManager[None]:
        return data_lock(self._dir, create=False)

    def _writing(self) -> contextlib.AbstractContextManager[None]:
        return data_lock(self._dir)

    def _load(self) -> dict[str, Any]:
        """keys.json as on disk (cached while this process holds the folder's lock)."""
        now = generation(self._dir)
        if self._doc is not None and now is not None and self._doc_gen == now:
            return self._doc
        doc: dict[str, Any] | None
        try:
            doc = read_json(self.keys_path, kind="keys", check=_keys_shape)
        except CorruptFile as exc:
            self.problems.append(str(exc))
            doc = None
        if doc is None:
            doc = {"keys": {}}
        doc.setdefault("keys", {})
        self._doc, self._doc_gen = doc, now
        return doc

    def _save(self, doc: dict[str, Any]) -> None:
        write_json(self.keys_path, doc, kind="keys")
        self._doc, self._doc_gen = doc, generation(self._dir)

    # -- the master key ---------------------------------------------------------------------

    def _read_master_file(self, master_id: str | None) -> bytes | None:
        """The key in master.key (finishing an interrupted rotation), None if lost or wrong."""
        pending = self.master_path.with_name(MASTER_FILE + ".new")
        for path in (self.master_path, pending):
            try:
                doc = read_json(path, kind="master-key", check=_master_shape)
            except CorruptFile as exc:
                self.problems.append(str(exc))
                continue
            if doc is None or (master_id is not None and doc.get("id") != master_id):
                continue
            try:
                key = _unb64(doc.get("key"))
            except ValueError:
                continue
            # keys.json names this key: a rotation cut short is finished (its new key
            # moves in) or forgotten (the unused new key goes).
            if path == pending:
                os.replace(pending, self.master_path)
            else:
                with contextlib.suppress(FileNotFoundError):
                    pending.unlink()
            return key
        return None

    def _fetch_master(self, rec: dict[str, Any]) -> bytes | None:
        """The recorded master key, None if it is gone; KeyUnavailable if the keychain fails."""
        master_id = str(rec.get("id"))
        if rec.get("store") == STORE_KEYCHAIN:
            backend, name = usable_keychain()
            if backend is None:
                return None
            try:
                secret = backend.get_password(self._service, self._entry_name(master_id))
            except Exception as exc:  # locked or broken keychain: do not replace the key
                raise KeyUnavailable(
                    f"The system keychain ({name}) could not give the master key "
                    f"({exc.__class__.__name__}); unlock it and try again.",
                    lost=False,
                ) from exc
            if not secret:
                return None
            try:
                return _unb64(secret)
            except ValueError:
                return None
        return self._read_master_file(master_id)

    def _master(self, doc: dict[str, Any]) -> tuple[str, bytes] | None:
        """(id, key) of the usable master key, or None if there is none (lost or never made)."""
        rec = doc.get("master")
        if not isinstance(rec, dict):
            return None
        master_id = str(rec.get("id"))
        if self._master_cache is not None and self._master_cache[0] == master_id:
            return self._master_cache
        key = self._fetch_master(rec)
        if key is None:
            return None
        try:
            crypto.unseal(key, _unb64(rec.get("check")), master_id.encode())
        except (DecryptError, ValueError):
            self.problems.append("The master key found does not match the keys it should open.")
            return None
        self._master_cache = (master_id, key)
        return self._master_cache

    def _put_master(self, master_id: str, key: bytes, *, file_path: Path) -> dict[str, Any]:
        """Store a new master key (keychain first, else ``file_path``); its record."""
        backend, name = usable_keychain()
        if backend is not None:
            entry = self._entry_name(master_id)
            try:
                backend.set_password(self._service, entry, _b64(key))
                if backend.get_password(self._service, entry) == _b64(key):
                    return {"id": master_id, "store": STORE_KEYCHAIN, "backend": name}
            except Exception:  # any keychain error means: use the key file
                pass
        write_json(file_path, {"id": master_id, "key": _b64(key)}, kind="master-key")
        return {"id": master_id, "store": STORE_FILE, "backend": STORE_FILE}

    def _new_master(self, doc: dict[str, Any]) -> tuple[str, bytes]:
        """Make a master key where none is usable; keys wrapped by a lost one are dropped."""
        master_id, key = secrets.token_hex(8), crypto.new_key()
        rec = self._put_master(master_id, key, file_path=self.master_path)
        if rec["store"] == STORE_KEYCHAIN:
            with contextlib.suppress(FileNotFoundError):
                self.master_path.unlink()  # a stale key file of a lost master
        rec["check"] = _b64(crypto.seal(key, _CHECK, master_id.encode()))
        doc["master"] = rec
        doc["keys"] = {}  # wrapped by a master key that is gone: unreadable anyway
        self._unwrapped.clear()
        self._master_cache = (master_id, key)
        return master_id, key

    # -- public API -------------------------------------------------------------------------

    def status(self) -> KeyStatus:
        """Which store holds the master key (or would, before the first key is made)."""
        with self._reading():
            rec = self._load().get("master")
            if isinstance(rec, dict) and rec.get("store") == STORE_KEYCHAIN:
                entry = self._entry_name(str(rec.get("id")))
                return KeyStatus(
                    STORE_KEYCHAIN,
                    str(rec.get("backend")),
                    f"service '{self._service}', entry '{entry}'",
                )
            backend, name = usable_keychain()
            if not isinstance(rec, dict) and backend is not None:
                return KeyStatus(STORE_KEYCHAIN, name, f"service '{self._service}'")
            note = "no usable keychain" if backend is None else "the keychain refused the key"
            return KeyStatus(STORE_FILE, STORE_FILE, str(self.master_path), f"{note} ({name})")

    def data_key(self, name: str, *, create: bool = True) -> bytes:
        """The data key ``name``, made (random) if absent and ``create``.

        Raises KeyUnavailable if it is absent and not ``create``, or if the master key cannot
        unwrap it (master key lost or wrong).
        """
        with self._writing() if create else self._reading():
            doc = self._load()
            entry = doc["keys"].get(name)
            if isinstance(entry, dict):
                cached = self._unwrapped.get((name, str(entry.get("wrapped"))))
                if cached is not None:
                    return cached
                master = self._master(doc)
                if master is None or entry.get("master") != master[0]:
                    raise KeyUnavailable(_lost_message(name, "the master key is missing"))
                try:
                    key = crypto.unseal(
                        master[1], _unb64(entry.get("wrapped")), _wrap_aad(name, master[0])
                    )
                except (DecryptError, ValueError):
                    raise KeyUnavailable(
                        _lost_message(name, "the master key does not open it")
                    ) from None
                self._unwrapped[(name, str(entry["wrapped"]))] = key
                return key
            if not create:
                raise KeyUnavailable(_lost_message(name, "it was destroyed or never made"))
            master = self._master(doc) or self._new_master(doc)
            key = crypto.new_key()
            wrapped = _b64(crypto.seal(master[1], key, _wrap_aad(name, master[0])))
            doc["keys"][name] = {
                "wrapped": wrapped,
                "master": master[0],
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            self._save(doc)
            self._unwrapped[(name, wrapped)] = key
            return key

    def has_key(self, name: str) -> bool:
        """Whether a wrapped key ``name`` is stored (readable or not)."""
        with self._reading():
            return name in self._load()["keys"]

    def names(self) -> list[str]:
        """The names of the stored data keys, sorted."""
        with self._reading():
            return sorted(self._load()["keys"])

    def destroy(self, name: str) -> None:
        """Forget the data key ``name``: what it protected can no longer be read."""
        with self._reading():
            doc = self._load()
            if doc["keys"].pop(name, None) is not None:
                self._save(doc)
            self._unwrapped = {k: v for k, v in self._unwrapped.items() if k[0] != name}
            crypto.forget_cached_keys()

    def destroy_all(self) -> None:
        """Destroy every data key and the master key (keychain entry and key file)."""
        with self._reading():
            rec = self._load().get("master")
            if isinstance(rec, dict) and rec.get("store") == STORE_KEYCHAIN:
                backend, _name = usable_keychain()
                if backend is not None:
                    with contextlib.suppress(Exception):
                        backend.delete_password(
                            self._service, self._entry_name(str(rec.get("id")))
                        )
            for path in (
                self.keys_path,
                self.master_path,
                self.master_path.with_name(MASTER_FILE + ".new"),
            ):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            self._doc, self._doc_gen, self._master_cache = None, None, None
            self._unwrapped.clear()
            crypto.forget_cached_keys()

    def rotate_master(self) -> None:
        """Re-wrap every data key under a new master key, then destroy the old master key."""
        with self._writing():
            doc = self._load()
            old_rec = doc.get("master")
            old = self._master(doc)
            if old is None:
                if doc["keys"]:
                    raise KeyUnavailable(
                        "The master key could not be read, so the keys cannot be re-wrapped."
                    )
                self._new_master(doc)
                self._save(doc)
                return
            plain = {name: self.data_key(name, create=False) for name in doc["keys"]}
            new_id, new_key = secrets.token_hex(8), crypto.new_key()
            # A new key file goes beside the old one until keys.json names it: a crash in
            # between leaves a usable pair on disk (see _read_master_file).
            pending = self.master_path.with_name(MASTER_FILE + ".new")
            rec = self._put_master(new_id, new_key, file_path=pending)
            rec["check"] = _b64(crypto.seal(new_key, _CHECK, new_id.encode()))
            now = datetime.now(UTC).isoformat(timespec="seconds")
            doc = {
                "master": rec,
                "keys": {
                    name: {
                        "wrapped": _b64(crypto.seal(new_key, key, _wrap_aad(name, new_id))),
                        "master": new_id,
                        "created": doc["keys"][name].get("created", now),
                    }
                    for name, key in plain.items()
                },
            }
            self._save(doc)
            if rec["store"] == STORE_FILE:
                os.replace(pending, self.master_path)
            else:
                with contextlib.suppress(FileNotFoundError):
                    self.master_path.unlink()
            if isinstance(old_rec, dict) and old_rec.get("store") == STORE_KEYCHAIN:
                backend, _name = usable_keychain()
                if backend is not None:
                    with contextlib.suppress(Exception):
                        backend.delete_password(self._service, self._entry_name(old[0]))
            self._master_cache = (new_id, new_key)
            self._unwrapped = {(n, e["wrapped"]): plain[n] for n, e in doc["keys"].items()}
