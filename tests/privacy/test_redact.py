"""Redaction: e-mail addresses, phone numbers and the home path never reach the log text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onecleaner.privacy.redact import redact, redact_data

HOME = "/home/zhangsan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail zhang.san@example.org now", "mail [email] now"),
        ("QQ: 10001@qq.com.", "QQ: [email]."),
        ("call +8613812345678", "call [phone]"),
        ("call +86 138 1234 5678!", "call [phone]!"),
        ("call 0086-138-1234-5678", "call [phone]"),
        ("mobile 13812345678", "mobile [phone]"),
        ("mobile 138 1234 5678", "mobile [phone]"),
        ("US +1 (555) 123-4567", "US [phone]"),
        ("UK +44 20 7946 0958", "UK [phone]"),
        ("E.164 +14155552671,", "E.164 [phone],"),
        ("two +8613812345678+8613912345678", "two [phone][phone]"),
    ],
)
def test_personal_data_is_replaced(text: str, expected: str) -> None:
    assert redact(text, home=HOME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "freed 1024 bytes in 3 files",
        "version 1.2.3 on 2026-11-05 12:30:01",
        "12345678901 is not a mobile number (it starts with 12)",
        "138123456789 has twelve digits",
        "an offset of +1 2",
        "/home/zhangsanfeng/.cache is someone else's",
    ],
)
def test_ordinary_text_is_kept(text: str) -> None:
    assert redact(text, home=HOME) == text


def test_home_path_becomes_tilde() -> None:
    text = f"removed {HOME}/.cache/thumbnails and {HOME}"
    assert redact(text, home=HOME) == "removed ~/.cache/thumbnails and ~"
    assert redact(text, home=HOME + "/") == "removed ~/.cache/thumbnails and ~"


def test_windows_home_with_either_separator() -> None:
    home = "C:\\Users\\Zhang"
    assert redact("C:\\Users\\Zhang\\AppData and C:/Users/Zhang/x", home=home) == (
        "~\\AppData and ~/x"
    )


def test_default_home_is_the_users_home(isolated_home: Path) -> None:
    assert redact(f"{isolated_home}/Downloads") == "~/Downloads"


def test_a_root_home_does_not_swallow_paths() -> None:
    assert redact("/var/tmp/x", home="/") == "/var/tmp/x"


def test_redact_data_walks_keys_values_and_lists() -> None:
    data = {
        "paths": [f"{HOME}/.cache", ("a@b.cn", 3)],
        "zhang.san@example.org": {"phone": "+8613812345678", "size": 13812345678},
        "ok": True,
        "none": None,
    }
    assert redact_data(data, home=HOME) == {
        "paths": ["~/.cache", ["[email]", 3]],
        "[email]": {"phone": "[phone]", "size": 13812345678},
        "ok": True,
        "none": None,
    }


_filler = st.text(
    alphabet=st.characters(categories=("L", "P", "Zs"), exclude_characters="/\\@+"),
    max_size=20,
).filter(lambda s: not any(ch.isdigit() for ch in s))

_cn_mobile = st.builds(
    lambda prefix, number, style: (
        prefix + (number if style == "" else style.join((number[:3], number[3:7], number[7:])))
    ),
    st.sampled_from(["", "+86", "+86 ", "0086", "0086-"]),
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.sampled_from(["", " ", "-"]),
)
_e164 = st.from_regex(r"\+[1-9][0-9]{7,14}", fullmatch=True)
_spaced_intl = st.builds(
    lambda cc, groups, sep: "+" + cc + sep + sep.join(groups),
    st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True),
    st.lists(st.from_regex(r"[0-9]{3,4}", fullmatch=True), min_size=2, max_size=4),
    st.sampled_from([" ", "-"]),
)
_phones = st.one_of(_cn_mobile, _e164, _spaced_intl)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@given(st.lists(st.tuples(_filler, st.one_of(st.emails(), _phones)), min_size=1, max_size=4))
def test_no_email_or_phone_survives(parts: list[tuple[str, str]]) -> None:
    text = " ".join(f"{filler} {secret}" for filler, secret in parts)
    out = redact(text, home=HOME)
    for _filler_text, secret in parts:
        assert secret not in out
        if "@" not in secret:
            # Not even the number's digits are left, whatever the separators.
            assert _digits(secret)[-7:] not in _digits(out)


@given(_filler, st.from_regex(r"[a-z][a-z0-9_]{1,12}", fullmatch=True), _filler)
def test_no_home_path_survives(before: str, user: str, after: str) -> None:
    home = f"/home/{user}"
    out = redact(f"{before} {home}/.cache/{after} {home}", home=home)
    assert home not in out
