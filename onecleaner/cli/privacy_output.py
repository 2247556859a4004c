"""What the privacy commands print: JSON shapes (a contract) and the human lines."""

from __future__ import annotations

import os
from typing import Any

from onecleaner.privacy.consent import PurposeStatus
from onecleaner.privacy.notice import Notice, NoticeState
from onecleaner.privacy.service import PrivacyService, PrivacyStatus
from onecleaner.settings import Language, load_settings


def consent_json(service: PrivacyService, statuses: list[PurposeStatus]) -> dict[str, Any]:
    """The `privacy consent --json` document (a contract: keys exactly as in issue 3)."""
    return {
        "policy_version": service.policy.version,
        "purposes": [
            {
                "id": s.purpose.value,
                "granted": s.granted,
                "at": None if s.last is None else s.last.at.isoformat(),
                "policy_version": None if s.last is None else s.last.policy_version,
            }
            for s in statuses
        ],
    }


def consent_line(s: PurposeStatus) -> str:
    """One purpose as a line: on since when, off, or off because the policy changed."""
    name = f"  {s.purpose.value:<12}"
    if s.granted and s.last is not None:
        return f"{name}on   since {s.last.at:%Y-%m-%d %H:%M %Z}"
    if s.outdated and s.last is not None:
        return (
            f"{name}off  (given under policy version {s.last.policy_version}; "
            "the policy changed, so it must be given again)"
        )
    if s.last is None:
        return f"{name}off  (never turned on)"
    return f"{name}off  since {s.last.at:%Y-%m-%d %H:%M %Z}"


def status_json(service: PrivacyService, status: PrivacyStatus) -> dict[str, Any]:
    """The `privacy status --json` document."""
    return {
        "data_dir": status.data_dir,
        "key_store": {
            "store": status.keys.store,
            "backend": status.keys.backend,
            "location": status.keys.location,
            "note": status.keys.note,
        },
        "consent": consent_json(service, list(status.consent)),
        "profile": status.profile,
        "journal": {**dict(status.journal), "retention_days": status.retention_days},
        "notice": {
            "state": status.notice_state.value,
            "notice_id": None if status.notice is None else status.notice.notice_id,
            "service_end_at": None if status.notice is None else status.notice.service_end_at,
            "deletion_deadline": (
                None if status.notice is None else status.notice.deletion_deadline
            ),
        },
        "collection_stopped": status.collection_stopped,
        "warnings": list(service.warnings),
    }


def journal_text(status: PrivacyStatus) -> str:
    """The journal line of `privacy status`: records, bytes, months, retention."""
    size = status.journal
    records = int(size.get("records", 0) or 0)
    text = f"{records} record(s)"
    if size.get("bytes"):
        text += f", {size['bytes']} bytes encrypted"
    oldest, newest = size.get("oldest"), size.get("newest")
    if oldest and newest:
        text += f", months {oldest} to {newest}" if oldest != newest else f", month {oldest}"
    return text + f"; kept {status.retention_days} days"


def language(service: PrivacyService) -> str:
    """The language for notice texts: the setting, else the locale (zh* -> zh_CN)."""
    chosen = load_settings(service.data_dir)[0].language
    if chosen is not Language.SYSTEM:
        return str(chosen.value)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.startswith("zh") else "en"
    return "en"


def notice_text(state: NoticeState, notice: Notice | None) -> str:
    """The service state in one line, with what the user can still do."""
    if notice is None or state is NoticeState.NONE:
        return "no end-of-service notice; the service runs normally"
    end, deadline = notice.service_end_at.isoformat(), notice.deletion_deadline.isoformat()
    if state is NoticeState.ANNOUNCED:
        return f"ending: the service ends {end}; personal information is deleted by {deadline}"
    if state is NoticeState.SERVICE_ENDED:
        return (
            f"ended {end}: nothing new is collected; export your data "
            f"(onecleaner privacy export FILE) before {deadline}, when it is deleted"
        )
    return f"ended {end}; the deletion deadline {deadline} has passed"
