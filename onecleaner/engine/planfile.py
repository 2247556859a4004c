"""Saving a scan's plan to a file and loading it back, refusing anything edited or out of place.

A saved plan is JSON: `{"format", "version", "key_id", "mac", "body"}`. The body holds the plan;
`mac` is an HMAC-SHA256 of the body's canonical JSON under a random key kept in the app's data
folder (`plan.key`, 0600), and `key_id` is that key's fingerprint, so a plan signed in another
data folder is refused as such, and one edited by hand as edited. On top of that, loading
checks every root against the roots its target expands to now on this machine, so even a
validly signed but stale plan cannot point the cleaner anywhere its target does not reach.
The clean then re-checks each entry (identity, containment, in use) as it would for a fresh scan.

Version 3 keeps a plan the way the engine holds it, by folder: each folder's path once, its
files' names, and their numbers (inode, size, modification time, bytes freed) as packed
little-endian 64-bit columns in base64, never one number as text per file. A million files
take 60 MB and 0.54 s to write instead of 732 MB and 11 s (tests/bench/bench_engine.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import sys
from array import array
from pathlib import Path
from typing import Any, Protocol

from onecleaner.engine.env import Environment
from onecleaner.engine.errors import PlanFileError, UnknownTarget
from onecleaner.engine.filetable import FileTable, FolderFiles
from onecleaner.engine.finders.clean import check_found_plan
from onecleaner.engine.finders.found import FinderKind
from onecleaner.engine.guard import Guard
from onecleaner.engine.model import (
    OS,
    DatabaseEntry,
    Identity,
    Plan,
    Skip,
    Target,
    TargetPlan,
)
from onecleaner.engine.reasons import reason_from_data, reason_to_data
from onecleaner.engine.records.profiles import profile_folders
from onecleaner.engine.roots import find_roots

FORMAT = "onecleaner-plan"
VERSION = 3  # 2: skip reasons as codes with parameters; 3: files by folder, numbers packed
KEY_FILE = "plan.key"
#: The order of a folder's fields in the file: the index of its root, its path with a
#: separator, its device, its files' names, four base64 columns, the rows that are links.
FOLDER_FIELDS = ("root", "prefix", "dev", "names", "ino", "size", "mtime_ns", "frees", "links")
#: The same for a record target's databases (an optional "databases" list per target).
DATABASE_FIELDS = ("path", "root", "dev", "ino", "size", "mtime_ns", "rows", "frees", "keep")


class TargetSource(Protocol):
    """What loading needs of the catalog (engine.catalog.Catalog fits)."""

    def target(self, target_id: str) -> Target:
        """The target with this id; raises UnknownTarget."""
        ...


def save_plan(plan: Plan, path: str | os.PathLike[str], *, data_dir: Path) -> None:
    """Write `plan` to `path` atomically, signed with the key in `data_dir` (made if missing)."""
    body = _canonical(_plan_to_body(plan))
    key = _key(data_dir, create=True)
    assert key is not None  # made when missing
    mac = hmac.new(key, body, hashlib.sha256).hexdigest()
    # The body is written as the very text that was signed: serialised once.
    head = {"format": FORMAT, "version": VERSION, "key_id": key_id(key), "mac": mac}
    text = json.dumps(head, separators=(",", ":")).encode("ascii")
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _binary(), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text[:-1] + b',"body":')
            fh.write(body)
            fh.write(b"}")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PlanFileError(f"cannot write the plan to {target}: {exc.strerror or exc}") from exc


def load_plan(
    path: str | os.PathLike[str], *, catalog: TargetSource, env: Environment, data_dir: Path
) -> Plan:
    """Read a saved plan, refusing a malformed, tampered, foreign or out-of-place one.

    `catalog` needs `target(id) -> Target` (raising UnknownTarget). Raises PlanFileError with a
    message that says what is wrong and what to do (scan again).
    """
    where = Path(path)
    try:
        raw = where.read_bytes()
    except OSError as exc:
        raise PlanFileError(f"cannot read the plan {where}: {exc.strerror or exc}") from exc
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PlanFileError(f"{where} is not a saved plan (not valid JSON: {exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PlanFileError(f"{where} is not a saved plan of ONE Cleaner")
    if doc.get("version") != VERSION:
        raise PlanFileError(
            f"{where} is a plan of format version {doc.get('version')!r}, this version of "
            f"ONE Cleaner reads version {VERSION} only; scan again to make a new plan"
        )
    body, mac = doc.get("body"), doc.get("mac")
    if not isinstance(body, dict) or not isinstance(mac, str):
        raise PlanFileError(f"{where} is not a complete saved plan (body or signature missing)")
    key = _key(data_dir, create=False)
    signer = doc.get("key_id")
    if key is None:
        raise PlanFileError(
            f"{where} was made with another data folder: this data folder ({data_dir}) holds "
            "no plan key to verify it. Use the data folder it was made with, or scan again"
        )
    if isinstance(signer, str) and signer != key_id(key):
        raise PlanFileError(
            f"{where} was made with another data folder (signed by plan key {signer[:16]!r}, "
            f"this data folder {data_dir} holds key {key_id(key)!r}); it will not be used. "
            "Use the data folder it was made with, or scan again"
        )
    if not hmac.compare_digest(_mac(key, body), mac):
        raise PlanFileError(
            f"{where} was changed after it was saved (its signature does not match); "
            "it will not be used. Scan again to make a new plan"
        )
    try:
        plan = _body_to_plan(body)
    except (KeyError, TypeError, ValueError) as exc:
        raise PlanFileError(f"{where} is malformed: {exc}") from exc
    if plan.os is not env.os:
        raise PlanFileError(
            f"{where} was made on {plan.os.value}, this machine runs {env.os.value}; "
            "scan here to make a plan for this machine"
        )
    _check_places(plan, catalog, env, where, data_dir)
    return plan


def current_roots(
    target: Target, env: Environment, *, guard: Guard | None = None
) -> tuple[str, ...]:
    """The roots `target` has now on this machine, as a scan finds them (resolved, guarded).

    A record target's roots are its profile folders.
    """
    if target.records is not None:
        folders, _refused = profile_folders(target, env, guard or Guard.for_env(env))
        return tuple(folders)
    roots, _refused = find_roots(target, env, guard or Guard.for_env(env))
    return tuple(r.path for r in roots)


def _check_places(
    plan: Plan, catalog: TargetSource, env: Environment, where: Path, data_dir: Path
) -> None:
    """Every root one of its target's roots now; every entry under its own root and target."""
    guard = Guard.for_env(env, data_dir)
    for tp in plan.targets:
        if FinderKind.of_target(tp.target_id) is not None:
            check_found_plan(tp, env, data_dir, where)  # roots the finders may search
            continue
        try:
            target = catalog.target(tp.target_id)
        except UnknownTarget as exc:
            raise PlanFileError(
                f"{where} names target '{tp.target_id}', which this catalog does not hold; "
                "scan again to make a new plan"
            ) from exc
        if not target.exists_on(env.os):
            raise PlanFileError(
                f"{where}: target '{tp.target_id}' does not exist on {env.os.value}"
            )
        allowed = set(current_roots(target, env, guard=guard))
        for root in tp.roots:
            if root not in allowed:
                raise PlanFileError(
                    f"{where}: the root {root!r} of target '{tp.target_id}' is not one of the "
                    "places that target cleans on this machine; the plan will not be used. "
                    "Scan again to make a new plan"
                )
        roots = set(tp.roots)
        relative = target.records.databases if target.records is not None else ()
        for db in tp.databases:
            named = {os.path.join(db.root, *rel.split("/")) for rel in relative}
            if db.target_id != tp.target_id or db.root not in roots or db.path not in named:
                raise PlanFileError(
                    f"{where}: {db.path!r} is not one of the databases target "
                    f"'{tp.target_id}' cleans; the plan will not be used"
                )
        for files in tp.table.folders:
            if files.target_id != tp.target_id or files.root not in roots:
                raise PlanFileError(f"{where}: an entry of '{tp.target_id}' names another root")
            outside = _outside(files)
            if outside is not None:
                raise PlanFileError(
                    f"{where}: {outside!r} is not inside the root {files.root!r} of "
                    f"target '{tp.target_id}'; the plan will not be used"
                )


def _outside(files: FolderFiles) -> str | None:
    """The first path of a folder that is neither its root itself (a single-file root) nor
    strictly below it, or None; checked by folder, then by name."""
    root = files.root
    prefix = files.prefix
    folder = prefix[:-1]
    sep = os.sep
    plain_folder = (
        prefix.endswith(sep) and os.path.isabs(folder) and os.path.normpath(folder) == folder
    )
    below = plain_folder and (folder == root or folder.startswith(root.rstrip(sep) + sep))
    for name in files.names:
        path = prefix + name
        if path == root and os.path.isabs(path) and os.path.normpath(path) == path:
            continue  # the single file a file root names
        # `..`, `.` or a separator in a name would make the prefix test lie.
        if not below or name in ("", ".", "..") or sep in name:
            return path
        if os.altsep is not None and os.altsep in name:
            return path
    return None


def _key(data_dir: Path, *, create: bool) -> bytes | None:
    """The plan-signing key of this data folder; made (0600, folder 0700) when asked."""
    key_path = data_dir / KEY_FILE
    try:
        key = key_path.read_bytes()
        if len(key) >= 32:
            return key
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise PlanFileError(f"cannot read the plan key {key_path}: {exc.strerror or exc}") from exc
    if not create:
        return None
    key = secrets.token_bytes(32)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = data_dir / f".{KEY_FILE}.{secrets.token_hex(4)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _binary(), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, key_path)
    except OSError as exc:
        reason = exc.strerror or exc
        raise PlanFileError(f"cannot create the plan key {key_path}: {reason}") from exc
    return key


def key_id(key: bytes) -> str:
    """The public fingerprint of a plan key: which data folder signed a plan (reveals no key)."""
    return hashlib.sha256(b"onecleaner plan key id\0" + key).hexdigest()[:16]


def _binary() -> int:
    # Windows opens os.open files in text mode (newline translation) without O_BINARY.
    return getattr(os, "O_BINARY", 0)


def _canonical(body: dict[str, Any]) -> bytes:
    """The body's canonical JSON, the text its signature covers."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text.encode("ascii")


def _mac(key: bytes, body: dict[str, Any]) -> str:
    return hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()


def _column(values: array[int]) -> str:
    """A column of 64-bit numbers as base64 of their little-endian bytes."""
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def _numbers(text: object, typecode: str, count: int, what: str) -> array[int]:
    """A column read back; ValueError unless it holds exactly `count` numbers."""
    if not isinstance(text, str):
        raise TypeError(f"the {what} column is not a string")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != 8 * count:
        raise ValueError(f"the {what} column does not hold {count} numbers")
    values = array(typecode)
    values.frombytes(raw)
    if sys.byteorder == "big":
        values.byteswap()
    if typecode == "q" and what != "mtime_ns" and count and min(values) < 0:
        raise ValueError(f"the {what} column holds a negative number")
    return values


def _plan_to_body(plan: Plan) -> dict[str, Any]:
    targets = []
    for tp in plan.targets:
        index = {root: i for i, root in enumerate(tp.roots)}
        folders = []
        for f in tp.table.folders:
            if f.root not in index:  # a root the target plan does not list: list it
                index[f.root] = len(index)
            folders.append([index[f.root], f.prefix, f.dev, list(f.names), _column(f.ino),
                            _column(f.size), _column(f.mtime_ns), _column(f.frees),
                            sorted(f.links)])  # fmt: skip
        databases = []
        for d in tp.databases:
            if d.root not in index:
                index[d.root] = len(index)
            i = d.identity
            databases.append([d.path, index[d.root], i.dev, i.ino, i.size, i.mtime_ns, d.rows,
                              d.frees, list(d.keep)])  # fmt: skip
        item = {
            "id": tp.target_id,
            "roots": list(index),  # insertion order is index order
            "folders": folders,
            "skipped": [[s.path, reason_to_data(s.reason)] for s in tp.skipped],
        }
        if databases:
            item["databases"] = databases
        targets.append(item)
    return {
        "os": plan.os.value,
        "created_at": plan.created_at,
        "cancelled": plan.cancelled,
        "folder_fields": list(FOLDER_FIELDS),
        "targets": targets,
    }


def _body_to_plan(body: dict[str, Any]) -> Plan:
    if body.get("folder_fields") != list(FOLDER_FIELDS):
        raise ValueError("unexpected folder fields")
    targets = []
    for t in _list(body["targets"], "targets"):
        if not isinstance(t, dict):
            raise TypeError("a target is not an object")
        tid = _str(t["id"], "target id")
        roots = tuple(_str(r, "root") for r in _list(t["roots"], "roots"))
        folders = [_folder(row, roots, tid) for row in _list(t["folders"], "folders")]
        skipped = tuple(
            Skip(_str(s[0], "path"), reason_from_data(s[1]), tid)
            for s in _list(t["skipped"], "skipped")
        )
        databases = tuple(_database(row, roots, tid) for row in _list(t.get("databases", []), "d"))
        targets.append(TargetPlan(tid, roots, FileTable(folders), skipped, databases))
    created = body["created_at"]
    if not isinstance(created, int | float) or isinstance(created, bool):
        raise TypeError("created_at is not a number")
    cancelled = body.get("cancelled", False)
    if not isinstance(cancelled, bool):
        raise TypeError("cancelled is not true or false")
    return Plan(tuple(targets), OS(body["os"]), float(created), cancelled)


def _folder(row: object, roots: tuple[str, ...], tid: str) -> FolderFiles:
    if not isinstance(row, list) or len(row) != len(FOLDER_FIELDS):
        raise ValueError(f"a folder of '{tid}' does not have {len(FOLDER_FIELDS)} fields")
    root_i, prefix, dev, names, ino, size, mtime_ns, frees, links = row
    if not isinstance(root_i, int) or isinstance(root_i, bool) or not 0 <= root_i < len(roots):
        raise ValueError(f"a folder of '{tid}' names no root of its target")
    names_ = tuple(_str(n, "file name") for n in _list(names, "file names"))
    count = len(names_)
    rows = _list(links, "links")
    if any(not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < count for i in rows):
        raise ValueError(f"a folder of '{tid}' names a link that is not one of its files")
    return FolderFiles(
        _str(prefix, "folder"),
        roots[root_i],
        tid,
        _int(dev),
        names_,
        _numbers(ino, "Q", count, "ino"),
        _numbers(size, "q", count, "size"),
        _numbers(mtime_ns, "q", count, "mtime_ns"),
        _numbers(frees, "q", count, "frees"),
        frozenset(rows),
    )


def _database(row: object, roots: tuple[str, ...], tid: str) -> DatabaseEntry:
    if not isinstance(row, list) or len(row) != len(DATABASE_FIELDS):
        raise ValueError(f"a database of '{tid}' does not have {len(DATABASE_FIELDS)} fields")
    path, root_i, dev, ino, size, mtime_ns, rows, frees, keep = row
    if not isinstance(root_i, int) or not 0 <= root_i < len(roots):
        raise ValueError(f"a database of '{tid}' names no root of its target")
    ident = Identity(_int(dev), _int(ino), _int(size), _int(mtime_ns, signed=True))
    domains = tuple(_str(k, "kept domain") for k in _list(keep, "kept domains"))
    return DatabaseEntry(
        _str(path, "path"), roots[root_i], tid, ident, _int(rows), _int(frees), domains
    )


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"{what} is not a list")
    return value


def _str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} is not a string")
    return value


def _int(value: object, *, signed: bool = False) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or (value < 0 and not signed):
        raise TypeError("a number field is not a non-negative integer")
    return value
