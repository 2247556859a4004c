"""Work due at the start of every command: the notice's deletion deadline, journal retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.notice import NoticeState
from onecleaner.privacy.recovery import recover_data_folder

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


def run_startup(data_dir: Path, *, clock: Callable[[], datetime] | None = None) -> list[str]:
    """Messages for the user from start-up work; never raises for bad data.

    Past the deletion deadline of an installed notice, the personal information (profile,
    journal, install identifier, usage data) is deleted, every key destroyed, and a
    non-personal receipt written. Otherwise expired journal periods are purged. A data folder
    that does not exist yet holds nothing to do (and is not created).
    """
    if not data_dir.is_dir():
        return []
    from onecleaner.privacy.service import PrivacyService

    try:
        recovered = recover_data_folder(data_dir, clock=clock)  # what a crash left behind
        service = PrivacyService(data_dir, clock=clock)
        done = service.apply_deletion_deadline()
        if done is None:
            messages = _reminder(service)
            if service.has_journal():
                journal = service.journal()
                journal.purge_expired()
                service.warnings.extend(journal.notices)
        else:
            when = done.notice.deletion_deadline.isoformat()
            lead = f"The service has ended and its deletion deadline ({when}) has passed: "
            if done.deleted:
                lead += f"deleted {', '.join(done.deleted)}, as the privacy policy promises."
            else:
                lead += "no personal information was held, so none had to be deleted."
            messages = [lead, f"A receipt (with nothing personal in it) is in {done.receipt}."]
    except (PrivacyError, OSError) as exc:
        return [f"privacy start-up work could not be done: {exc}"]
    return recovered + messages + service.warnings


def _reminder(service: PrivacyService) -> list[str]:
    """One line while a notice is in force: the service is ending, or has ended."""
    notice = service.notice()
    if notice is None:
        return []
    state = notice.state_at(service.clock())
    if state is NoticeState.ANNOUNCED:
        return [
            f"Service notice: ONE Cleaner's service ends {notice.service_end_at.isoformat()} "
            "(details: onecleaner privacy notice)."
        ]
    if state is NoticeState.SERVICE_ENDED:
        return [
            f"Service notice: the service has ended; nothing new is collected. Your personal "
            f"information is deleted after {notice.deletion_deadline.isoformat()}: export it "
            "first with `onecleaner privacy export FILE` if you want a copy."
        ]
    return []
