"""Start-up repair of the data folder after a crash: what an interrupted command left behind.

Temporary files of writes that never finished are removed, withdrawals and forgets cut short
are completed (`intents`), a journal rewrite or removal cut short is finished and month keys
no file uses any more are destroyed (`journal_recovery`). Everything runs under the data
folder's lock, so a command running at the same time is never disturbed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.journal_store import JOURNAL_DIR
from onecleaner.privacy.storage import remove_stale_temps


def recover_data_folder(
    data_dir: Path, *, clock: Callable[[], datetime] | None = None
) -> list[str]:
    """Repair what a crash left in ``data_dir``; messages for the user (none when all was well).

    A data folder that does not exist yet is not created. Raises PrivacyError or OSError
    when the repair cannot be done (the caller reports it; cleaning goes on).
    """
    if not data_dir.is_dir():
        return []
    from onecleaner.privacy.service import PrivacyService

    with data_lock(data_dir):
        for folder in (data_dir, data_dir / JOURNAL_DIR):
            remove_stale_temps(folder)
        service = PrivacyService(data_dir, clock=clock)
        messages = service.resume_intents()
        if service.has_journal():
            journal = service.journal()
            journal.recover()
            messages += journal.notices
    return messages + service.warnings
