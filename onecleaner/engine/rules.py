"""Matches paths relative to a rule's root against include/keep globs (pure, precompiled).

Semantics (the scanner and the catalog's authors rely on them exactly):

- A path is relative to the root, with `/` separators and no leading `/` (`Default/Cache/x`).
  The root itself (`""`) matches nothing.
- `*` matches any run of characters within one component, `?` one character, `[abc]`, `[a-z]`
  and `[!abc]` (or `[^abc]`) one character of (not of) a class; none of them matches `/`.
- `**` as a whole component matches zero or more components: `**/x`, `a/**/x`, `a/**`.
  Elsewhere (`a**b`) it is an ordinary `*`.
- A glob without `/` is tried against every component of the path: `*.lock` matches
  `x.lock` and `a/b/x.lock` (as in .gitignore).
- A glob with a `/` is anchored at the root: `Default/Cache` matches that folder only. A leading
  `/` anchors a single name: `/Low` matches `Low` but not `a/Low`.
- A glob that matches a folder matches everything below it: `Cache` (or `/Cache`) matches
  `Cache/data_1`. So a keep glob that matches a folder keeps its whole subtree, and an include
  glob that matches a folder takes its whole subtree.
- Matching is case-sensitive unless asked otherwise (Windows and macOS names are not).
- Not allowed (a `GlobError`, reported by the catalog loader as a bad glob): an empty glob, a
  backslash (write `/`), a trailing `/`, an empty, `.` or `..` component, an unclosed `[`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_ANY_BELOW = "(?:/.*)?"


class GlobError(ValueError):
    """A glob that cannot be used; the message says why, for the person who wrote it."""


def check_glob(glob: str) -> str | None:
    """Why `glob` is not a valid include/keep glob, or None when it is."""
    try:
        _translate(glob)
    except GlobError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class Matcher:
    """Globs compiled into one regular expression; call it with a relative path."""

    globs: tuple[str, ...]
    case_insensitive: bool = False
    _match: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _below: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _always_below: bool = field(default=False, repr=False, compare=False)

    @property
    def is_empty(self) -> bool:
        """True when there are no globs: the matcher matches nothing."""
        return not self.globs

    def __call__(self, rel: str) -> bool:
        """Whether `rel` (or a folder above it) matches one of the globs."""
        match = self._match
        return match is not None and bool(rel) and match.fullmatch(rel) is not None

    def matches(self, rel: str) -> bool:
        """The same as calling the matcher."""
        return self(rel)

    def may_match_below(self, rel_dir: str) -> bool:
        """Whether a path below the folder `rel_dir` ("" for the root) can match at all.

        Lets the scanner skip walking folders no include glob can reach (`Default/History`
        for an include of `/Cache`), which matters in large browser profiles.
        """
        if self._match is None:
            return False
        if self._always_below or not rel_dir:
            return True
        if self(rel_dir):
            return True
        below = self._below
        return below is not None and below.fullmatch(rel_dir) is not None


def compile_globs(globs: Sequence[str], *, case_insensitive: bool = False) -> Matcher:
    """A precompiled matcher for `globs` (see the module's semantics); raises GlobError."""
    globs = tuple(globs)
    if not globs:
        return Matcher(globs, case_insensitive)
    full: list[str] = []
    below: list[str] = []
    always_below = False
    for glob in globs:
        regex, prefixes, anchored = _translate(glob)
        full.append(regex)
        if not anchored:
            always_below = True  # a name glob may match at any depth
        elif prefixes is None:
            always_below = True
        else:
            below.extend(prefixes)
    flags = re.DOTALL | (re.IGNORECASE if case_insensitive else 0)
    match = re.compile("|".join(f"(?:{r})" for r in full), flags)
    below_re = re.compile("|".join(f"(?:{r})" for r in below), flags) if below else None
    return Matcher(globs, case_insensitive, match, below_re, always_below)


def match_any(rel: str, globs: Sequence[str], *, case_insensitive: bool = False) -> bool:
    """Whether `rel` matches any of `globs` (compiles them; use compile_globs in a loop)."""
    return compile_globs(globs, case_insensitive=case_insensitive)(rel)


def match_name(name: str, pattern: str, *, case_insensitive: bool = False) -> bool:
    """Whether one path component `name` matches one glob component `pattern` (`*`, `?`, [..]).

    For the scanner's expansion of glob components in roots (`Profile *`).
    """
    flags = re.DOTALL | (re.IGNORECASE if case_insensitive else 0)
    return re.fullmatch(_component(pattern, pattern), name, flags) is not None


def has_magic(text: str) -> bool:
    """Whether `text` holds glob characters (`*`, `?`, `[`)."""
    return any(c in text for c in "*?[")


def _translate(glob: str) -> tuple[str, list[str] | None, bool]:
    """The regex source of `glob`, the regexes of folders below which it may match (None:
    any folder), and whether it is anchored at the root."""
    if not glob:
        raise GlobError("a glob cannot be empty")
    if "\\" in glob:
        raise GlobError(f"{glob!r}: use '/' between folders, not '\\'")
    if glob.endswith("/") and glob != "/":
        raise GlobError(f"{glob!r}: drop the trailing '/' (a folder's match covers its contents)")
    anchored = "/" in glob
    comps = glob[1:].split("/") if glob.startswith("/") else glob.split("/")
    for comp in comps:
        if comp in ("", ".", ".."):
            raise GlobError(f"{glob!r}: empty, '.' and '..' components are not allowed")
    if not anchored:
        if comps[0] == "**":
            return ".+", None, False
        return f"(?:.*/)?{_component(comps[0], glob)}{_ANY_BELOW}", None, False
    regex = _sequence(comps, glob) + _ANY_BELOW
    if comps[0] == "**":
        return regex, None, True
    prefixes: list[str] = []
    for k in range(1, len(comps)):
        head = comps[:k]
        if head[-1] == "**":
            # Below the folders that match what comes before '**', anything may match.
            prefixes.append(_sequence(comps[: k - 1], glob) + _ANY_BELOW)
            break
        prefixes.append(_sequence(head, glob))
    return regex, prefixes, True


def _sequence(comps: list[str], glob: str) -> str:
    """The regex of components joined by `/`, `**` standing for any number of components."""
    out: list[str] = []
    last = len(comps) - 1
    for i, comp in enumerate(comps):
        if comp == "**":
            out.append(".+" if i == last else "(?:[^/]+/)*")
        else:
            out.append(_component(comp, glob) + ("" if i == last else "/"))
    return "".join(out)


def _component(comp: str, glob: str) -> str:
    """The regex of one component: `*`, `?` and classes never match `/`."""
    out: list[str] = []
    i, n = 0, len(comp)
    while i < n:
        ch = comp[i]
        if ch == "*":
            while i < n and comp[i] == "*":
                i += 1
            out.append("[^/]*")
            continue
        if ch == "?":
            out.append("[^/]")
        elif ch == "[":
            cls, i = _char_class(comp, i, glob)
            out.append(cls)
            continue
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _char_class(comp: str, start: int, glob: str) -> tuple[str, int]:
    """The regex of the class starting at comp[start] == '[', and the index after it."""
    i = start + 1
    negate = i < len(comp) and comp[i] in "!^"
    if negate:
        i += 1
    body_start = i
    if i < len(comp) and comp[i] == "]":
        i += 1  # a ']' first in the class is literal
    end = comp.find("]", i)
    if end < 0:
        raise GlobError(f"{glob!r}: '[' without its closing ']'")
    body = comp[body_start:end]
    items: list[str] = []
    j = 0
    while j < len(body):
        if j + 2 < len(body) and body[j + 1] == "-":
            lo, hi = body[j], body[j + 2]
            if lo > hi:
                raise GlobError(f"{glob!r}: bad range '{lo}-{hi}' in a class")
            items.append(f"{re.escape(lo)}-{re.escape(hi)}")
            j += 3
        else:
            items.append(re.escape(body[j]))
            j += 1
    inner = "".join(items)
    # '/' never matches, negated or not: a class stays within one component.
    cls = f"[^/{inner}]" if negate else f"(?!/)[{inner}]"
    return cls, end + 1
