"""File names and engine words made safe for a terminal and for JSON, escaped the same way in both.

On POSIX a file name is bytes; Python keeps the bytes that are not UTF-8 as lone surrogates
(U+DC80..U+DCFF, "surrogateescape"), which a terminal cannot show and JSON can only carry as
`\\udcff`. Here such a byte becomes `\\xNN`, a backslash in a name `\\\\` (so the escaping can be
undone), a control character `\\n`, `\\r`, `\\t` or `\\xNN`, and a C1 control, a bidirectional
override or an unpaired surrogate of a Windows name `\\uXXXX`. Everything else is shown as is.
"""

from __future__ import annotations

import sys

#: Windows names are UTF-16 (no escaped bytes) and their backslashes separate folders.
WINDOWS = sys.platform == "win32"
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Characters that reorder what follows on screen (a name could hide its real ending).
_BIDI = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)))


def printable_path(path: str) -> str:
    """A file name as the text and JSON outputs show it (see the module's docstring)."""
    return _escape(path, backslash=not WINDOWS)


def printable_text(text: str) -> str:
    """Engine words (a skip reason, which may quote a name) with the same escapes, but
    backslashes kept single: they are read, not undone."""
    return _escape(text, backslash=False)


def _escape(text: str, *, backslash: bool) -> str:
    if text.isprintable() and not (backslash and "\\" in text):
        return text  # the common case, without a loop over the characters
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF and not WINDOWS:
            out.append(f"\\x{code - 0xDC00:02x}")  # a byte that is not UTF-8
        elif ch == "\\":
            out.append("\\\\" if backslash else ch)
        elif ch in _SHORT:
            out.append(_SHORT[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or ch in _BIDI:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
