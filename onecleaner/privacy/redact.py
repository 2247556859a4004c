"""Redaction of personal data from log text: e-mail addresses, phone numbers, the home path."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from typing import Any

EMAIL_MARK = "[email]"
PHONE_MARK = "[phone]"

# Local part: the RFC 5322 atom characters (and dots); domain: labels with a dot, Unicode
# letters included so internationalised addresses go too.
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-\w]+@[\w\-]+(?:\.[\w\-]+)+",
    re.UNICODE,
)

_PHONE = re.compile(
    r"""
    (?:
        # Chinese mobile: 1[3-9] + 9 digits, optionally +86/0086, optionally as 3-4-4 groups
        (?:\+86[ \t\-]?|(?<![\d+])(?:0086[ \t\-]?)?)   # not inside a longer number
        1[3-9]\d(?:[ \t\-]?\d{4}){2}
      | # international: +CC then groups of digits (E.164 written plainly, spaced or dashed)
        (?:\+|(?<![\d+])00)[1-9]\d{0,3}(?:[ \t.\-]?\(?\d{1,5}\)?){1,6}
    )
    (?!\d)
    """,
    re.VERBOSE,
)
_MIN_INTERNATIONAL_DIGITS = 7


def _phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    if match.group(0).startswith(("+", "00")) and digits < _MIN_INTERNATIONAL_DIGITS:
        return match.group(0)  # "+1 2" is arithmetic, not a phone number
    return PHONE_MARK


@functools.lru_cache(maxsize=8)
def _home_pattern(home: str) -> re.Pattern[str] | None:
    home = home.rstrip("/\\")
    if len(home) < 2:
        return None  # a home of "/" would turn every path into "~"
    flags = re.IGNORECASE if os.name == "nt" else 0
    if os.name == "nt" or "\\" in home:
        # Windows paths may be written with either separator.
        body = "".join(r"[\\/]" if ch in "\\/" else re.escape(ch) for ch in home)
    else:
        body = re.escape(home)
    return re.compile(body + r"(?=$|[\\/\s\"'),;:\]}])", flags)


def redact(text: str, *, home: str | None = None) -> str:
    """``text`` with e-mail addresses, phone numbers and the home path (→ ``~``) replaced.

    ``home`` defaults to the current user's home folder.
    """
    home = os.path.expanduser("~") if home is None else home
    pattern = _home_pattern(home)
    if pattern is not None:
        text = pattern.sub("~", text)
    text = _EMAIL.sub(EMAIL_MARK, text)
    return _PHONE.sub(_phone, text)


def redact_data(obj: Any, *, home: str | None = None) -> Any:
    """JSON-able ``obj`` with every string (keys too) passed through `redact`."""
    home = os.path.expanduser("~") if home is None else home
    if isinstance(obj, str):
        return redact(obj, home=home)
    if isinstance(obj, Mapping):
        return {redact(str(k), home=home): redact_data(v, home=home) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [redact_data(v, home=home) for v in obj]
    return obj
