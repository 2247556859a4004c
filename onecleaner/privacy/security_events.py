"""Security events the journal keeps: their names, which notice rejections count, their text."""

from __future__ import annotations

import enum
import re

from onecleaner.privacy.notice import NoticeProblem


class SecurityEvent(enum.Enum):
    """Security events the journal keeps (purpose `essential`), named, never described."""

    NOTICE_REJECTED = "notice-rejected"  # a forged, unknown-key or replayed service notice


#: Rejections that may be an attack; an unreadable or malformed file is just a mistake.
SUSPECT_NOTICE = frozenset(
    {NoticeProblem.BAD_SIGNATURE, NoticeProblem.UNKNOWN_KEY, NoticeProblem.REPLAY}
)

_REASON = re.compile(r"[a-z][a-z0-9-]{0,39}")


def security_text(event: SecurityEvent, reason: str = "") -> str:
    """The journal text of a security event: its name and a short reason code, nothing else."""
    # Only a reason code ("bad-signature") is kept; free text could carry personal data.
    code = reason if _REASON.fullmatch(reason) else ""
    return f"{event.value}: {code}" if code else event.value
