"""The signed end-of-service notice: its format, verification, states and the installed copy.

A notice file is JSON `{"notice": {...}, "signature": "<base64 Ed25519>"}`; the signature covers
the notice object serialized with sorted keys, separators (',', ':'), non-ASCII kept, UTF-8.
Trusted keys are PEM Ed25519 public keys in the shipped `resources/notice-keys/` and in
`<data folder>/notice-keys/`. A signer may add a top-level `"key_id"` (see `key_id()`); it is a
hint for a clearer message, never trusted on its own: the signature decides.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, PrivacyError
from onecleaner.privacy.storage import ensure_data_dir, read_json, write_json
from onecleaner.resources import resource

NOTICE_FILE = "notice.json"
RECEIPT_FILE = "deletion-receipt.json"
KEYS_FOLDER = "notice-keys"
#: Held around "is it newer? then write it": two starts or an install at once never downgrade.
TEXT_LANGUAGES = ("en", "zh_CN")
_DATE_FIELDS = ("announced_at", "service_end_at", "deletion_deadline")
_REQUIRED = ("notice_id", "seq", *_DATE_FIELDS, "title", "body", "contact")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, with its offset (the default clock)."""
    return datetime.now(UTC)


class NoticeProblem(enum.Enum):
    """Why a notice was rejected."""

    UNREADABLE = "unreadable"
    MALFORMED = "malformed"
    MISSING_FIELD = "missing-field"
    BAD_DATES = "bad-dates"
    NO_TRUSTED_KEY = "no-trusted-key"
    UNKNOWN_KEY = "unknown-key"
    BAD_SIGNATURE = "bad-signature"
    REPLAY = "replay"


class NoticeRejected(PrivacyError):
    """A notice that is not accepted; the message says why, for a person."""

    def __init__(self, problem: NoticeProblem, message: str) -> None:
        self.problem = problem
        super().__init__(message)


class NoticeState(enum.Enum):
    """Where the service stands according to the installed notice."""

    NONE = "none"
    ANNOUNCED = "announced"
    SERVICE_ENDED = "service-ended"  # collection stops, export is offered
    PAST_DEADLINE = "past-deadline"  # personal information is deleted at start-up


@dataclass(frozen=True, slots=True)
class Notice:
    """A verified end-of-service notice."""

    notice_id: str
    seq: int
    announced_at: datetime
    service_end_at: datetime
    deletion_deadline: datetime
    title: Mapping[str, str]
    body: Mapping[str, str]
    contact: str
    key_id: str = ""  # the trusted key that signed it
    signed: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def state_at(self, now: datetime) -> NoticeState:
        """The state this notice puts the service in at `now` (announced before its end)."""
        if now >= self.deletion_deadline:
            return NoticeState.PAST_DEADLINE
        if now >= self.service_end_at:
            return NoticeState.SERVICE_ENDED
        return NoticeState.ANNOUNCED

    def title_in(self, language: str) -> str:
        return self.title.get(_lang(language)) or self.title["en"]

    def body_in(self, language: str) -> str:
        return self.body.get(_lang(language)) or self.body["en"]

    def to_json(self) -> dict[str, Any]:
        """The notice's fields as plain JSON values (dates in ISO 8601 with their offset)."""
        return {
            "notice_id": self.notice_id,
            "seq": self.seq,
            "announced_at": self.announced_at.isoformat(),
            "service_end_at": self.service_end_at.isoformat(),
            "deletion_deadline": self.deletion_deadline.isoformat(),
            "title": dict(self.title),
            "body": dict(self.body),
            "contact": self.contact,
        }


def _lang(language: str) -> str:
    return "zh_CN" if language.startswith("zh") else "en"


def canonical_bytes(notice: Mapping[str, Any]) -> bytes:
    """The exact bytes a notice's signature covers."""
    return json.dumps(notice, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def key_id(public_key: Ed25519PublicKey) -> str:
    """A short, stable name of a public key: the first 16 hex digits of SHA-256 of its raw bytes."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def trusted_key_folders(data_dir: Path) -> tuple[Path, ...]:
    """Where trusted public keys are looked for: the shipped folder, then the data folder's."""
    return (resource(KEYS_FOLDER), data_dir / KEYS_FOLDER)


def load_trusted_keys(data_dir: Path) -> tuple[dict[str, Ed25519PublicKey], list[str]]:
    """The trusted Ed25519 public keys by key id, and a message per key file that was unusable."""
    keys: dict[str, Ed25519PublicKey] = {}
    problems: list[str] = []
    for folder in trusted_key_folders(data_dir):
        if not folder.is_dir():
            continue
        for pem in sorted(folder.glob("*.pem")):
            try:
                loaded = serialization.load_pem_public_key(pem.read_bytes())
            except (OSError, ValueError, TypeError) as exc:
                problems.append(f"notice key {pem} cannot be read and is not trusted: {exc}")
                continue
            if not isinstance(loaded, Ed25519PublicKey):
                problems.append(f"notice key {pem} is not an Ed25519 public key; not trusted")
                continue
            keys[key_id(loaded)] = loaded
    return keys, problems


def _parse_date(notice: Mapping[str, Any], name: str) -> datetime:
    value = notice[name]
    if not isinstance(value, str):
        raise NoticeRejected(NoticeProblem.BAD_DATES, f"'{name}' must be an ISO 8601 date string")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise NoticeRejected(
            NoticeProblem.BAD_DATES, f"'{name}' is not an ISO 8601 date: {value!r}"
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise NoticeRejected(
            NoticeProblem.BAD_DATES, f"'{name}' has no UTC offset (e.g. +08:00 or Z): {value!r}"
        )
    return parsed


def _texts(notice: Mapping[str, Any], name: str) -> dict[str, str]:
    value = notice[name]
    if not isinstance(value, dict):
        raise NoticeRejected(
            NoticeProblem.MALFORMED, f"'{name}' must be an object with 'en' and 'zh_CN' texts"
        )
    texts: dict[str, str] = {}
    for lang in TEXT_LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise NoticeRejected(NoticeProblem.MISSING_FIELD, f"'{name}' has no '{lang}' text")
        texts[lang] = text
    return texts


def parse_notice(notice: Any) -> Notice:
    """Check a notice object's fields and dates (not its signature)."""
    if not isinstance(notice, dict):
        raise NoticeRejected(NoticeProblem.MALFORMED, "'notice' must be a JSON object")
    missing = [name for name in _REQUIRED if name not in notice]
    if missing:
        raise NoticeRejected(
            NoticeProblem.MISSING_FIELD, f"the notice lacks required field(s): {', '.join(missing)}"
        )
    notice_id, seq, contact = notice["notice_id"], notice["seq"], notice["contact"]
    if not isinstance(notice_id, str) or not notice_id.strip():
        raise NoticeRejected(NoticeProblem.MALFORMED, "'notice_id' must be a non-empty string")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise NoticeRejected(NoticeProblem.MALFORMED, "'seq' must be a non-negative integer")
    if not isinstance(contact, str) or not contact.strip():
        raise NoticeRejected(NoticeProblem.MALFORMED, "'contact' must be a non-empty string")
    announced, end, deadline = (_parse_date(notice, name) for name in _DATE_FIELDS)
    if not announced <= end <= deadline:
        raise NoticeRejected(
            NoticeProblem.BAD_DATES,
            "inconsistent dates: announced_at <= service_end_at <= deletion_deadline must hold "
            f"(got {notice['announced_at']}, {notice['service_end_at']}, "
            f"{notice['deletion_deadline']})",
        )
    return Notice(
        notice_id=notice_id,
        seq=seq,
        announced_at=announced,
        service_end_at=end,
        deletion_deadline=deadline,
        title=_texts(notice, "title"),
        body=_texts(notice, "body"),
        contact=contact,
        signed=dict(notice),
    )


def verify_document(document: Any, keys: Mapping[str, Ed25519PublicKey]) -> Notice:
    """Check a whole notice file's content: fields, dates and the Ed25519 signature."""
    if not isinstance(document, dict) or "notice" not in document:
        raise NoticeRejected(
            NoticeProblem.MALFORMED, 'a notice file is {"notice": {...}, "signature": "..."}'
        )
    if not isinstance(document.get("signature"), str):
        raise NoticeRejected(NoticeProblem.MISSING_FIELD, "the notice file has no signature")
    notice = parse_notice(document["notice"])
    try:
        signature = base64.b64decode(document["signature"], validate=True)
    except (binascii.Error, ValueError):
        raise NoticeRejected(
            NoticeProblem.BAD_SIGNATURE, "the signature is not valid base64"
        ) from None
    if not keys:
        raise NoticeRejected(NoticeProblem.NO_TRUSTED_KEY, "no trusted notice key is installed")
    hinted = document.get("key_id")
    if isinstance(hinted, str) and hinted and hinted not in keys:
        raise NoticeRejected(
            NoticeProblem.UNKNOWN_KEY,
            f"the notice is signed by an unknown key ({hinted}); it is not from the vendor",
        )
    candidates = [hinted] if isinstance(hinted, str) and hinted else list(keys)
    payload = canonical_bytes(document["notice"])
    for kid in candidates:
        try:
            keys[kid].verify(signature, payload)
        except InvalidSignature:
            continue
        return Notice(**{**_fields(notice), "key_id": kid})
    raise NoticeRejected(
        NoticeProblem.BAD_SIGNATURE,
        "the notice's signature does not match a trusted key: it was altered or forged",
    )


def _fields(notice: Notice) -> dict[str, Any]:
    return {name: getattr(notice, name) for name in Notice.__dataclass_fields__}


def read_notice_file(path: Path) -> Any:
    """The JSON content of a notice file the user gave; unreadable -> NoticeRejected."""
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise NoticeRejected(
            NoticeProblem.UNREADABLE, f"cannot read {path}: {exc.strerror or exc}"
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise NoticeRejected(
            NoticeProblem.UNREADABLE, f"{path} is not a JSON file: {exc}"
        ) from None


class NoticeBook:
    """The installed notice and the deletion receipt in the data folder."""

    def __init__(self, data_dir: Path, *, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or utc_now
        self.warnings: list[str] = []

    @property
    def path(self) -> Path:
        return self.data_dir / NOTICE_FILE

    def _stored(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        try:
            return read_json(self.path, kind="notice")
        except CorruptFile as exc:
            self.warnings.append(
                f"the installed service notice was unreadable and was set aside as {exc.aside}"
            )
            return None

    def last_seq(self) -> int | None:
        """The `seq` of the last accepted notice (replay protection), None if none was."""
        found: list[int] = []
        # The receipt names the notice it acted on: replay protection survives a notice
        # file that was damaged and set aside.
        for doc in (self._stored(), self.receipt()):
            seq = None if doc is None else doc.get("seq")
            if isinstance(seq, int) and not isinstance(seq, bool):
                found.append(seq)
        return max(found) if found else None

    def current(self) -> Notice | None:
        """The installed notice, verified again (a key removed or a file edited: ignored)."""
        stored = self._stored()
        if stored is None:
            return None
        keys, _ = load_trusted_keys(self.data_dir)
        try:
            return verify_document(stored.get("document"), keys)
        except NoticeRejected as exc:
            self.warnings.append(f"the installed service notice is ignored: {exc}")
            return None

    def state(self) -> NoticeState:
        notice = self.current()
        return NoticeState.NONE if notice is None else notice.state_at(self.clock())

    def install(self, path: Path) -> Notice:
        """Verify a notice file and keep it; raises NoticeRejected with the reason."""
        return self.install_document(read_notice_file(path))

    def install_document(self, document: Any) -> Notice:
        """Verify a notice file's content and keep it when newer; NoticeRejected says why not."""
        keys, _ = load_trusted_keys(self.data_dir)
        notice = verify_document(document, keys)
        ensure_data_dir(self.data_dir)
        with data_lock(self.data_dir):
            last = self.last_seq()
            if last is not None and notice.seq <= last:
                raise NoticeRejected(
                    NoticeProblem.REPLAY,
                    f"this notice (seq {notice.seq}) is not newer than the one already accepted "
                    f"(seq {last}); an old notice cannot be installed again",
                )
            write_json(
                self.path,
                {"seq": notice.seq, "accepted_at": self.clock().isoformat(), "document": document},
                kind="notice",
            )
        return notice

    @property
    def receipt_path(self) -> Path:
        return self.data_dir / RECEIPT_FILE

    def receipt(self) -> dict[str, Any] | None:
        """The non-personal record of the deletion done after the deadline, if it was done."""
        if not self.receipt_path.exists():
            return None
        try:
            return read_json(self.receipt_path, kind="deletion-receipt")
        except CorruptFile as exc:
            self.warnings.append(f"the deletion receipt was unreadable; set aside as {exc.aside}")
            return None

    def write_receipt(self, notice: Notice, deleted: list[str]) -> dict[str, Any]:
        """Record, without anything personal, what was deleted after the deadline and when."""
        receipt: dict[str, Any] = {
            "notice_id": notice.notice_id,
            "seq": notice.seq,
            "deletion_deadline": notice.deletion_deadline.isoformat(),
            "deleted_at": self.clock().isoformat(),
            "deleted": list(deleted),
        }
        ensure_data_dir(self.data_dir)
        write_json(self.receipt_path, receipt, kind="deletion-receipt")
        return receipt
