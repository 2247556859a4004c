"""Erasing what the app holds about the user: on request (forget) and past the notice's deadline.

Functions of a `PrivacyService`, which offers `forget` and `apply_deletion_deadline` as methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from onecleaner.app_state import state_path
from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.notice import Notice, NoticeState
from onecleaner.privacy.restore_lists import erase_restore_lists
from onecleaner.settings import settings_path

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
    if settings_path(service.data_dir).exists():
        settings_path(service.data_dir).unlink()
        done.append("settings")
    if state_path(service.data_dir).exists():
        state_path(service.data_dir).unlink()
        done.append("last scan and clean figures")
    return done


def apply_deletion_deadline(service: PrivacyService) -> DeadlineDeletion | None:
    """Past the notice's deletion deadline: delete the personal information, write a receipt.

    None when no deadline has passed, or when it was already done and nothing new was
    found (so later starts stay quiet).
    """
    notice = service.notice()
    if notice is None or notice.state_at(service.clock()) is not NoticeState.PAST_DEADLINE:
        return None
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
