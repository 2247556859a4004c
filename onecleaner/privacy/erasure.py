"""Erasing what the app holds about the user: withdrawals, forget, and past the notice's deadline.

Functions of a `PrivacyService`, which offers them as methods. A withdrawal or forget is
written down first (`intents`) and completed by `resume_intents` at the next start if a
crash cut it short, so what the user asked to erase is never readable again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from onecleaner.privacy import intents
from onecleaner.privacy.app_files import app_state_path
from onecleaner.privacy.consent import ConsentState, Purpose, Way
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import DataFolderError, PrivacyError
from onecleaner.privacy.logfiles import erase_logs
from onecleaner.privacy.notice import Notice, NoticeState
from onecleaner.privacy.restore_lists import erase_restore_lists
from onecleaner.privacy.settings_file import settings_path

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


@dataclass(frozen=True, slots=True)
class DeadlineDeletion:
    """What start-up deleted after the notice's deadline, and where its receipt is."""

    notice: Notice
    deleted: tuple[str, ...]
    receipt: Path


def erase_personal_information(service: PrivacyService) -> list[str]:
    """Delete the profile, journal, install identifier and usage data and destroy every key.

    Returns what there was to delete. Bad files set aside go too: they may hold the same.
    """
    deleted: list[str] = []
    try:
        if service.has_journal() and service.journal().erase():
            deleted.append("journal")
    except PrivacyError:
        deleted.append("journal")  # unreadable: destroying its keys below shreds it
    if erase_restore_lists(service.data_dir):
        deleted.append("restore lists")
    if service.delete_profile():
        deleted.append("profile")
    if service.usage_store().erase():
        deleted.append("install identifier and usage data")
    if service.keys.names() or service.keys.master_path.exists():
        deleted.append("encryption keys")
    service.keys.destroy_all()
    for leftover in aside_files(service.data_dir):
        leftover.unlink(missing_ok=True)
    return deleted


def forget(service: PrivacyService) -> list[str]:
    """Erase everything the app holds about the user; the app then runs on its defaults.

    The installed service notice, the trusted notice keys and the deletion receipt stay:
    they are the vendor's, not about the user, and they keep replay protection working.
    """
    done = erase_personal_information(service)
    if service.consent_book().erase():
        done.append("consent history")
    with data_lock(service.data_dir, create=False):
        if settings_path(service.data_dir).exists():
            settings_path(service.data_dir).unlink()
            done.append("settings")
        if app_state_path(service.data_dir).exists():
            app_state_path(service.data_dir).unlink()
            done.append("last scan and clean figures")
    return done


def withdraw(service: PrivacyService, purpose: Purpose, way: Way) -> list[str]:
    """Write the intent, record the withdrawal, erase what `purpose` collected; what went."""
    with data_lock(service.data_dir):
        service.resume_intents()
        intent = intents.begin(
            service.data_dir,
            intents.IntentKind.WITHDRAW,
            service.clock(),
            purpose=purpose.value,
            way=way.value,
        )
        erased = complete_withdrawal(service, purpose, way, intent.at)
        intents.finish(service.data_dir, intent)
    return erased


def complete_withdrawal(
    service: PrivacyService, purpose: Purpose, way: Way, at: datetime
) -> list[str]:
    """Record the withdrawal decided at `at` (once) and erase what `purpose` collected."""
    book = service.consent_book()
    history = [r for r in book.history() if r.purpose is purpose]
    service.tell(book.warnings)
    recorded = any(r.state is ConsentState.WITHDRAWN and r.at == at for r in history)
    superseded = any(r.at > at for r in history)  # the user chose again since
    if not recorded and not superseded:
        book.record(purpose, ConsentState.WITHDRAWN, way, at=at)
    erased: list[str] = []
    removed = service.journal().erase(purpose=purpose.value) if service.has_journal() else 0
    if removed:
        erased.append(f"{removed} journal record(s) of '{purpose.value}'")
    if purpose is Purpose.HISTORY and erase_restore_lists(service.data_dir):
        erased.append("the lists of files a clean moved to the trash")
    if purpose is Purpose.USAGE and service.usage_store().erase():
        erased.append("the install identifier and usage counters")
    return erased


def forget_everything(service: PrivacyService) -> list[str]:
    """`forget`, written down first as an intent, then the log files.

    DataFolderError when a log file stays (another program holds it open): everything else is
    erased by then, and no intent is left pending to fail again at every later call.
    """
    with data_lock(service.data_dir):
        service.resume_intents()
        intent = intents.begin(service.data_dir, intents.IntentKind.FORGET, service.clock())
        done = forget(service)
        intents.finish(service.data_dir, intent)
    try:
        if erase_logs(service.data_dir):
            done.append("log files")
    except DataFolderError as exc:
        message = f"everything else was erased, but {exc}"
        raise DataFolderError(exc.folder, exc.problem, message) from exc
    return done


def resume_intents(service: PrivacyService) -> list[str]:
    """Complete the withdrawals and forgets a crash cut short; a message for each."""
    if not intents.has_pending(service.data_dir):
        return []
    messages: list[str] = []
    with data_lock(service.data_dir, create=False):
        service.resuming = True
        try:
            found, problems = intents.pending(service.data_dir)
            messages += problems
            for intent in found:
                messages.append(_resume(service, intent))
                intents.finish(service.data_dir, intent)
        finally:
            service.resuming = False
    return messages


def _resume(service: PrivacyService, intent: intents.Intent) -> str:
    when = intent.at.isoformat(timespec="seconds")
    if intent.kind is intents.IntentKind.FORGET:
        done = forget(service)
        problem = ""
        try:
            if erase_logs(service.data_dir):
                done.append("log files")
        except DataFolderError as exc:
            problem = f"; {exc}"
        what = ", ".join(done) if done else "nothing was left"
        return f"An interrupted 'forget' (asked {when}) was completed: erased {what}{problem}."
    try:
        purpose, way = Purpose(intent.purpose), Way(intent.way)
    except ValueError:
        return f"an unfinished withdrawal of an unknown purpose '{intent.purpose}' was dropped"
    erased = complete_withdrawal(service, purpose, way, intent.at)
    what = "; ".join(erased) if erased else "nothing more had to be erased"
    return f"An interrupted withdrawal of '{purpose.value}' (asked {when}) was completed: {what}."


def apply_deletion_deadline(service: PrivacyService) -> DeadlineDeletion | None:
    """Past the notice's deletion deadline: delete the personal information, write a receipt.

    None when no deadline has passed, or when it was already done and nothing new was
    found (so later starts stay quiet).
    """
    notice = service.notice()
    if notice is None or notice.state_at(service.clock()) is not NoticeState.PAST_DEADLINE:
        return None
    with data_lock(service.data_dir):
        deleted = erase_personal_information(service)
        receipt = service.notice_receipt()
        if not deleted and receipt is not None and receipt.get("notice_id") == notice.notice_id:
            return None
        book = service.notice_book()
        book.write_receipt(notice, deleted)
    return DeadlineDeletion(notice=notice, deleted=tuple(deleted), receipt=book.receipt_path)


def aside_files(data_dir: Path) -> list[Path]:
    """Bad files set aside for inspection (they may hold what the user asked to forget)."""
    if not data_dir.is_dir():
        return []
    return [
        p
        for p in data_dir.rglob("*")
        if (".corrupt-" in p.name or ".tampered-" in p.name) and p.is_file()
    ]
