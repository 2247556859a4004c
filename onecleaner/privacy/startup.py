"""Work due at the start of every command: notices found, the deletion deadline, retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from onecleaner.privacy.errors import PrivacyError
from onecleaner.privacy.notice import NoticeBook, load_trusted_keys
from onecleaner.privacy.notice_news import (
    NoticeFace,
    NoticeMemo,
    NoticeNews,
    NoticeStage,
    claim_news,
    unseen_news,
)
from onecleaner.privacy.notice_sources import (
    FoundNotice,
    find_notices,
    install_newest,
    notice_folders,
)
from onecleaner.privacy.recovery import recover_data_folder
from onecleaner.privacy.security_events import SUSPECT_NOTICE, SecurityEvent


def run_startup(
    data_dir: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    face: NoticeFace = NoticeFace.CLI,
) -> list[str]:
    """Messages for the user from start-up work; never raises for bad data.

    A newer signed notice shipped with the app or put in a system folder is installed (a file
    there that is unreadable or rejected is reported once). Past the deletion deadline of the
    installed notice, the personal information (profile, journal, install identifier, usage
    data) is deleted, every key destroyed, and a non-personal receipt written. Otherwise
    expired journal periods are purged. For the CLI, the notice's stage it has not shown yet
    is one line; the window shows its own (`notice_news.unseen_news`). A data folder that does
    not exist yet, with no notice found, holds nothing to do (and is not created).
    """
    recovered: list[str] = []
    if data_dir.is_dir():
        try:  # first what a crash left behind: an erasure cut short is finished before all else
            recovered = recover_data_folder(data_dir, clock=clock)
        except (PrivacyError, OSError) as exc:
            recovered = [f"what a crash interrupted could not be finished yet: {exc}"]
    try:
        rejected, messages = _take_in_notices(data_dir, clock)
    except (PrivacyError, OSError) as exc:
        rejected, messages = [], [f"the service notices could not be looked for: {exc}"]
    if not data_dir.is_dir():
        return recovered + messages
    from onecleaner.privacy.service import PrivacyService

    try:
        service = PrivacyService(data_dir, clock=clock)
        for found in rejected:
            if found.problem is not None and found.problem.problem in SUSPECT_NOTICE:
                service.record_security(SecurityEvent.NOTICE_REJECTED, found.problem.problem.value)
        if service.apply_deletion_deadline() is None and service.has_journal():
            journal = service.journal()
            journal.purge_expired()
            service.warnings.extend(journal.notices)
        if face is NoticeFace.CLI:
            news = unseen_news(service, face)
            if news is not None and claim_news(service, face, news):
                messages.append(news_line(news))
    except (PrivacyError, OSError) as exc:
        return [*recovered, *messages, f"privacy start-up work could not be done: {exc}"]
    return recovered + messages + service.warnings


def _take_in_notices(
    data_dir: Path, clock: Callable[[], datetime] | None
) -> tuple[list[FoundNotice], list[str]]:
    """Install the newest notice found; the rejected files not reported before, and the report."""
    keys, _ = load_trusted_keys(data_dir)
    found = find_notices(notice_folders(), keys)
    if not found:
        return [], []
    book = NoticeBook(data_dir, clock=clock)
    install_newest(book, found)
    bad = [f for f in found if f.problem is not None]
    if not bad:
        return [], book.warnings
    memo = NoticeMemo(data_dir)
    new_digests = memo.claim_reports(f.digest for f in bad)
    new: dict[str, FoundNotice] = {}
    for f in bad:
        if f.digest in new_digests:
            new.setdefault(f.digest, f)  # the same bad file in two folders is said once
    messages = [
        f"The service notice file {f.path} ({f.origin.value}) is ignored: {f.problem} "
        "(this is said once)."
        for f in new.values()
    ]
    return list(new.values()), book.warnings + memo.warnings + messages


def news_line(news: NoticeNews) -> str:
    """The one line the CLI prints for a notice's stage."""
    notice = news.notice
    if news.stage is NoticeStage.ANNOUNCED:
        return (
            f"Service notice: ONE Cleaner's service ends {notice.service_end_at.isoformat()} "
            "(details: onecleaner privacy notice)."
        )
    if news.stage is NoticeStage.SERVICE_ENDED:
        return (
            f"Service notice: the service has ended; nothing new is collected. Your personal "
            f"information is deleted after {notice.deletion_deadline.isoformat()}: export it "
            "first with `onecleaner privacy export FILE` if you want a copy."
        )
    receipt = news.receipt
    assert receipt is not None  # a deletion-done stage always carries its receipt
    lead = (
        f"The service has ended and its deletion deadline ({notice.deletion_deadline.isoformat()}) "
        "has passed: "
    )
    if receipt.deleted:
        lead += (
            f"deleted {', '.join(receipt.deleted)} on {receipt.deleted_at.isoformat()}, "
            "as the privacy policy promises."
        )
    else:
        lead += "no personal information was held, so none had to be deleted."
    return f"{lead} A receipt (with nothing personal in it) is in {receipt.path}."
