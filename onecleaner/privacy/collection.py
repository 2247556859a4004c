"""What the app records, and under which consent: activity, errors, security events, usage.

Functions of a `PrivacyService`, which offers them as methods. The consent check and the
write hold the data folder's lock together: a withdrawal in another process lands before
both or after both, never between, so nothing is recorded past a withdrawal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from onecleaner.privacy.consent import Purpose
from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.device import device_info, minimal_error
from onecleaner.privacy.journal import ESSENTIAL
from onecleaner.privacy.redact import redact, redact_data
from onecleaner.privacy.security_events import SecurityEvent, security_text

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


def record_activity(service: PrivacyService, kind: str, summary: Mapping[str, object]) -> bool:
    """Journal a scan or clean (redacted) when `history` is granted; True when recorded."""
    data = redact_data(dict(summary))
    parts = ", ".join(f"{k}={v}" for k, v in data.items() if not isinstance(v, dict | list))
    text = redact(f"{kind}: {parts}" if parts else kind)
    with data_lock(service.data_dir, create=False):
        if service.collection_stopped() or not service.is_granted(Purpose.HISTORY):
            return False
        _append(service, kind, text, Purpose.HISTORY.value, data)
    return True


def _append(
    service: PrivacyService, kind: str, text: str, purpose: str, data: Mapping[str, Any]
) -> None:
    journal = service.journal()
    try:
        journal.append(kind, text, purpose=purpose, data=data)
    finally:
        service.tell(journal.notices)


def record_error(service: PrivacyService, where: str, error: BaseException | str) -> bool:
    """Journal an error: minimal and non-personal, or with device details under diagnostics."""
    with data_lock(service.data_dir, create=False):
        if service.collection_stopped():
            return False
        if not service.is_granted(Purpose.DIAGNOSTICS):
            _append(service, "error", minimal_error(where, error), ESSENTIAL, {})
            return True
        detail = str(error) if isinstance(error, str) else f"{type(error).__name__}: {error}"
        _append(
            service,
            "error",
            redact(f"{where}: {detail}"),
            Purpose.DIAGNOSTICS.value,
            redact_data({"where": where, "device": device_info()}),
        )
    return True


def record_security(service: PrivacyService, event: SecurityEvent, reason: str = "") -> bool:
    """Journal a security event in minimal form: its name and a short reason code only.

    Kept without consent (purpose `essential`, as the policy allows for service security)
    but never after the service has ended; True when recorded.
    """
    if service.collection_stopped():
        return False
    _append(service, "security", security_text(event, reason), ESSENTIAL, {})
    return True


def record_usage(service: PrivacyService, feature: str) -> bool:
    """Count one use of a feature when `usage` is granted; True when counted."""
    with data_lock(service.data_dir, create=False):
        if service.collection_stopped() or not service.is_granted(Purpose.USAGE):
            return False
        usage = service.usage_store()
        usage.count(feature, with_id=service.preferences().usage_id_enabled)
    service.tell(usage.warnings)
    return True
