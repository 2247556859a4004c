"""The privacy facade the CLI and the GUI use: consent, profile, journal, export, forget, notice.

Every call reads the data folder afresh (the CLI and the app may both be running), and bad
files never raise: they give privacy-safe defaults and a message in `warnings`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onecleaner.privacy import policy as policy_mod
from onecleaner.privacy.consent import (
    ConsentBook,
    ConsentRecord,
    ConsentState,
    Purpose,
    PurposeStatus,
    Way,
)
from onecleaner.privacy.device import device_info, minimal_error
from onecleaner.privacy.erasure import DeadlineDeletion, apply_deletion_deadline, forget
from onecleaner.privacy.errors import CollectionStopped, PrivacyError
from onecleaner.privacy.export import export_document, write_json_export
from onecleaner.privacy.journal import (
    ESSENTIAL,
    Journal,
    JournalRecord,
    VerifyReport,
    journal_size,
)
from onecleaner.privacy.journal_store import JOURNAL_DIR
from onecleaner.privacy.keys import KeyStatus, KeyStore
from onecleaner.privacy.notice import Notice, NoticeBook, NoticeRejected, NoticeState
from onecleaner.privacy.policy import Policy
from onecleaner.privacy.profile import (
    Profile,
    ProfileStore,
    ProfileUnreadable,
    normalize_email,
    normalize_phone,
)
from onecleaner.privacy.redact import redact, redact_data
from onecleaner.privacy.restore_lists import erase_restore_lists
from onecleaner.privacy.security_events import SUSPECT_NOTICE, SecurityEvent, security_text
from onecleaner.privacy.storage import set_aside
from onecleaner.privacy.usage import UsageStore
from onecleaner.settings import Settings, load_settings, save_settings

_STOPPED = (NoticeState.SERVICE_ENDED, NoticeState.PAST_DEADLINE)

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class PrivacyStatus:
    """Everything `privacy status` shows: where data lives, keys, consent, journal, notice."""

    data_dir: Path
    keys: KeyStatus
    policy_version: str
    consent: tuple[PurposeStatus, ...]
    journal: Mapping[str, Any]  # the journal's size(): records, bytes, first/last times
    retention_days: int
    profile: str  # "none", "set" or "unreadable"
    notice_state: NoticeState
    notice: Notice | None
    collection_stopped: bool


class PrivacyService:
    """One data folder's privacy data, for one face (CLI run or GUI session)."""

    def __init__(
        self, data_dir: Path, *, clock: Clock | None = None, policy: Policy | None = None
    ) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.policy = policy if policy is not None else policy_mod.load_policy()
        self.warnings: list[str] = []
        self.keys = KeyStore(data_dir)

    # -- parts (fresh each time, their messages gathered in `warnings`) ---------------------

    def _take(self, messages: list[str]) -> None:
        for message in messages:
            if message not in self.warnings:
                self.warnings.append(message)
        messages.clear()

    def consent_book(self) -> ConsentBook:
        """The consent history of the data folder, under the current policy."""
        return ConsentBook(self.data_dir, self.policy, clock=self.clock)

    def notice_book(self) -> NoticeBook:
        """The installed service notice and the receipt of the deletion it caused."""
        return NoticeBook(self.data_dir, clock=self.clock)

    def _profiles(self) -> ProfileStore:
        return ProfileStore(self.data_dir, self.keys, clock=self.clock)

    def usage_store(self) -> UsageStore:
        return UsageStore(self.data_dir, self.keys, clock=self.clock)

    def settings(self) -> Settings:
        """The app settings (defaults and a warning when the file is bad)."""
        loaded, message = load_settings(self.data_dir)
        if message:
            self._take([message])
        return loaded

    def has_journal(self) -> bool:
        """Whether a journal was ever started (reading status must not create one)."""
        return (self.data_dir / JOURNAL_DIR).is_dir()

    def journal(self) -> Journal:
        """The encrypted journal, with the retention the user chose."""
        journal = Journal(
            self.data_dir,
            self.keys,
            retention_days=self.settings().journal_retention_days,
            clock=self.clock,
        )
        return journal

    # -- status and consent ----------------------------------------------------------------

    def status(self) -> PrivacyStatus:
        """A snapshot of everything the privacy page and `privacy status` show."""
        notice = self.notice()
        state = NoticeState.NONE if notice is None else notice.state_at(self.clock())
        retention = self.settings().journal_retention_days
        journal_info: Mapping[str, Any] = journal_size(0, 0, [], retention)
        try:
            if self.has_journal():
                journal_info = self.journal().size()
        except PrivacyError as exc:
            self._take([str(exc)])  # the size stays the empty one; the warning says why
        try:
            profile_state = "set" if self._profiles().load() is not None else "none"
        except ProfileUnreadable as exc:
            self._take([str(exc)])
            profile_state = "unreadable"
        status = PrivacyStatus(
            data_dir=self.data_dir,
            keys=self.keys.status(),
            policy_version=self.policy.version,
            consent=tuple(self.consent()),
            journal=journal_info,
            retention_days=retention,
            profile=profile_state,
            notice_state=state,
            notice=notice,
            collection_stopped=state in _STOPPED,
        )
        self._take(self.keys.problems)
        return status

    def consent(self) -> list[PurposeStatus]:
        """Every purpose and whether it counts as granted under the current policy."""
        book = self.consent_book()
        summary = book.summary()
        self._take(book.warnings)
        return summary

    def consent_history(self) -> list[ConsentRecord]:
        book = self.consent_book()
        history = book.history()
        self._take(book.warnings)
        return history

    def is_granted(self, purpose: Purpose) -> bool:
        return any(s.granted for s in self.consent() if s.purpose is purpose)

    def grant(self, purpose: Purpose, way: Way = Way.CLI) -> ConsentRecord:
        """Record consent to `purpose` under the current policy (refused after the service end)."""
        self._require_collecting(f"'{purpose.value}' cannot be turned on")
        return self.consent_book().record(purpose, ConsentState.GRANTED, way)

    def withdraw(self, purpose: Purpose, way: Way = Way.CLI) -> list[str]:
        """Record the withdrawal and erase what was collected for `purpose`; says what went."""
        self.consent_book().record(purpose, ConsentState.WITHDRAWN, way)
        erased: list[str] = []
        removed = self.journal().erase(purpose=purpose.value) if self.has_journal() else 0
        if removed:
            erased.append(f"{removed} journal record(s) of '{purpose.value}'")
        if purpose is Purpose.HISTORY and erase_restore_lists(self.data_dir):
            erased.append("the lists of files a clean moved to the trash")
        if purpose is Purpose.USAGE and self.usage_store().erase():
            erased.append("the install identifier and usage counters")
        return erased

    # -- collection ------------------------------------------------------------------------

    def notice(self) -> Notice | None:
        """The installed, verified end-of-service notice, if any."""
        book = self.notice_book()
        notice = book.current()
        self._take(book.warnings)
        return notice

    def notice_state(self) -> NoticeState:
        notice = self.notice()
        return NoticeState.NONE if notice is None else notice.state_at(self.clock())

    def notice_receipt(self) -> dict[str, Any] | None:
        """The non-personal receipt of the deletion done after the deadline, if it was done."""
        book = self.notice_book()
        receipt = book.receipt()
        self._take(book.warnings)
        return receipt

    def install_notice(self, path: Path) -> Notice:
        """Verify and install a signed notice file (NoticeRejected says why not).

        A forged, unknown-key or replayed notice is also journalled as a security event.
        """
        try:
            return self.notice_book().install(path)
        except NoticeRejected as exc:
            if exc.problem in SUSPECT_NOTICE:
                try:
                    self.record_security(SecurityEvent.NOTICE_REJECTED, exc.problem.value)
                except PrivacyError as failed:  # the rejection is what the user must see
                    self._take([f"the security event was not journalled: {failed}"])
            raise

    def collection_stopped(self) -> bool:
        return self.notice_state() in _STOPPED

    def _require_collecting(self, what: str) -> None:
        if self.collection_stopped():
            raise CollectionStopped(
                f"the service has ended (see `onecleaner privacy notice`): {what}; "
                "nothing new is collected"
            )

    def record_activity(self, kind: str, summary: Mapping[str, object]) -> bool:
        """Journal a scan or clean (redacted) when `history` is granted; True when recorded."""
        if self.collection_stopped() or not self.is_granted(Purpose.HISTORY):
            return False
        data = redact_data(dict(summary))
        parts = ", ".join(f"{k}={v}" for k, v in data.items() if not isinstance(v, dict | list))
        text = redact(f"{kind}: {parts}" if parts else kind)
        self._append(kind, text, Purpose.HISTORY.value, data)
        return True

    def _append(self, kind: str, text: str, purpose: str, data: Mapping[str, Any]) -> None:
        journal = self.journal()
        try:
            journal.append(kind, text, purpose=purpose, data=data)
        finally:
            self._take(journal.notices)

    def record_error(self, where: str, error: BaseException | str) -> bool:
        """Journal an error: minimal and non-personal, or with device details under diagnostics."""
        if self.collection_stopped():
            return False
        if self.is_granted(Purpose.DIAGNOSTICS):
            detail = str(error) if isinstance(error, str) else f"{type(error).__name__}: {error}"
            self._append(
                "error",
                redact(f"{where}: {detail}"),
                Purpose.DIAGNOSTICS.value,
                redact_data({"where": where, "device": device_info()}),
            )
        else:
            self._append("error", minimal_error(where, error), ESSENTIAL, {})
        return True

    def record_security(self, event: SecurityEvent, reason: str = "") -> bool:
        """Journal a security event in minimal form: its name and a short reason code only.

        Kept without consent (purpose `essential`, as the policy allows for service
        security) but never after the service has ended; True when recorded.
        """
        if self.collection_stopped():
            return False
        self._append("security", security_text(event, reason), ESSENTIAL, {})
        return True

    def record_usage(self, feature: str) -> bool:
        """Count one use of a feature when `usage` is granted; True when counted."""
        if self.collection_stopped() or not self.is_granted(Purpose.USAGE):
            return False
        usage = self.usage_store()
        usage.count(feature, with_id=self.settings().usage_id_enabled)
        self._take(usage.warnings)
        return True

    def usage_id_enabled(self) -> bool:
        return self.settings().usage_id_enabled

    def usage_id(self) -> str | None:
        """The install identifier: made on first ask when `usage` is granted and it is enabled."""
        usage = self.usage_store()
        create = (
            self.usage_id_enabled()
            and self.is_granted(Purpose.USAGE)
            and not self.collection_stopped()
        )
        found = usage.install_id(create=create)
        self._take(usage.warnings)
        return found

    def reset_usage_id(self) -> str | None:
        """A new random install identifier (None when there may be none: off or not granted)."""
        if not self.usage_id_enabled() or not self.is_granted(Purpose.USAGE):
            return None
        self._require_collecting("the install identifier cannot be reset")
        return self.usage_store().reset_id()

    def set_usage_id_enabled(self, enabled: bool) -> None:
        """Turn the install identifier on or off; off removes it at once."""
        save_settings(self.data_dir, dataclasses.replace(self.settings(), usage_id_enabled=enabled))
        if not enabled:
            self.usage_store().clear_id()

    # -- profile ---------------------------------------------------------------------------

    def profile(self) -> Profile | None:
        """The registration profile (clear: show `masked()`); ProfileUnreadable if it is lost."""
        return self._profiles().load()

    def set_profile(self, email: str | None = None, phone: str | None = None) -> Profile:
        """Validate and store the e-mail and/or phone (an empty string removes that field)."""
        self._require_collecting("registration is closed")
        new_email = normalize_email(email) if email else None
        new_phone = normalize_phone(phone) if phone else None
        store = self._profiles()
        try:
            current = store.load() or Profile()
        except ProfileUnreadable as exc:
            aside = set_aside(store.path)
            self._take([f"{exc}; it was kept aside as {aside.name} and replaced"])
            current = Profile()
        return store.save(
            Profile(
                email=current.email if email is None else new_email,
                phone=current.phone if phone is None else new_phone,
            )
        )

    def delete_profile(self) -> bool:
        """Erase the profile and destroy its key; True when there was one."""
        return self._profiles().delete()

    # -- journal ---------------------------------------------------------------------------

    def log_records(self, limit: int | None = None) -> list[JournalRecord]:
        """The latest journal records (all when `limit` is None)."""
        if not self.has_journal():
            return []
        journal = self.journal()
        records = journal.read(limit=limit)
        self._take(journal.notices)
        return records

    def verify_log(self) -> VerifyReport:
        """Check the journal's chain: the first changed, missing, reordered or cut-off record."""
        journal = self.journal()
        report = journal.verify()
        self._take(journal.notices)
        return report

    def export_log(self, path: Path) -> int:
        """Write the decrypted journal to `path` (0600; its folder keeps its mode)."""
        journal = self.journal()
        try:
            return journal.export(path)
        finally:
            self._take(journal.notices)

    # -- export and forget -----------------------------------------------------------------

    def export_all(self, path: Path) -> dict[str, Any]:
        """Write one JSON file with everything the app holds about the user, decrypted."""
        document = export_document(self)
        write_json_export(path, document)
        return document

    def forget(self) -> list[str]:
        """Erase everything the app holds about the user; the app then runs on its defaults."""
        return forget(self)

    def apply_deletion_deadline(self) -> DeadlineDeletion | None:
        """Past the notice's deletion deadline: delete the personal information, write a receipt.

        None when there is nothing (new) to do; see `erasure.apply_deletion_deadline`.
        """
        return apply_deletion_deadline(self)
