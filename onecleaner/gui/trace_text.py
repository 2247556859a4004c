"""Browser traces in words: their kinds, what removing each loses, why a domain is suggested,
and what is wrong with a domain the user typed (the engine's codes, in the UI language)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from onecleaner.engine.model import Target
from onecleaner.engine.records.domains import DomainError, DomainProblem
from onecleaner.engine.records.recipes import CLEANERS, TraceKind
from onecleaner.engine.records.suggest import BOOKMARK, LOGIN
from onecleaner.gui.i18n import list_text

#: The most kept domains a sentence names; the rest are counted.
NAMED_DOMAINS = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("traces", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("traces", text, None, n)


def trace_kind(target: Target) -> TraceKind | None:
    """The kind of trace a record target removes; None for a target of files."""
    spec = target.records
    if spec is None or spec.cleaner not in CLEANERS:
        return None
    return CLEANERS[spec.cleaner].kind


def is_trace(target: Target) -> bool:
    """Whether a target removes browser traces (rows of a browser's databases)."""
    return trace_kind(target) is not None


_KIND_LABEL: Mapping[TraceKind, Callable[[], str]] = {
    TraceKind.COOKIES: lambda: _tr("Cookies"),
    TraceKind.HISTORY: lambda: _tr("History"),
    TraceKind.FORM_HISTORY: lambda: _tr("Form entries"),
}

_KIND_LOSES: Mapping[TraceKind, Callable[[], str]] = {
    TraceKind.COOKIES: lambda: _tr("you will be signed out of sites not on your keep-list"),
    TraceKind.HISTORY: lambda: _tr(
        "the pages you visited, what you typed in the address bar and searched for, and the "
        "downloads list are gone (the downloaded files stay); bookmarks stay"
    ),
    TraceKind.FORM_HISTORY: lambda: _tr(
        "the text you typed into web forms is no longer offered again; saved addresses, "
        "payment cards and passwords stay"
    ),
}


def kind_label(kind: TraceKind) -> str:
    """A kind of trace as a column title or a list entry ("Cookies")."""
    return _KIND_LABEL[kind]()


def loses_text(kind: TraceKind) -> str:
    """What removing this kind of trace loses, as the end of a sentence (no capital, no stop)."""
    return _KIND_LOSES[kind]()


def kind_line(kind: TraceKind) -> str:
    """"Cookies: you will be signed out…" — one line of an explanation."""
    return _tr("%1: %2.").replace("%1", kind_label(kind)).replace("%2", loses_text(kind))


def kept_domains_text(keep: Sequence[str]) -> str:
    """Who the user stays signed in to after a cookie clean, or that the list is empty."""
    if not keep:
        return _tr("Your keep-list is empty: you will be signed out of every site.")
    named = list_text(keep[:NAMED_DOMAINS])
    if len(keep) > NAMED_DOMAINS:
        named = _trn("%1 and %Ln more", len(keep) - NAMED_DOMAINS).replace("%1", named)
    return _trn(
        "Cookies of the %Ln domain(s) on your keep-list stay, so you stay signed in to them: "
        "%1.",
        len(keep),
    ).replace("%1", named)


_WHY: Mapping[str, Callable[[], str]] = {
    LOGIN: lambda: _tr("saved login"),
    BOOKMARK: lambda: _tr("bookmark"),
}


def why_text(why: Sequence[str]) -> str:
    """Why a domain is suggested ("saved login, bookmark")."""
    return list_text([_WHY[w]() if w in _WHY else w for w in why])


_PROBLEM: Mapping[DomainProblem, Callable[[], str]] = {
    DomainProblem.EMPTY: lambda: _tr("Type a domain, such as example.org."),
    DomainProblem.ADDRESS: lambda: _tr(
        "“%1” is a web address or a path: type only its domain, such as example.org."
    ),
    DomainProblem.WILDCARD: lambda: _tr(
        "“%1” holds a wildcard: type the domain alone (example.org already keeps its "
        "subdomains)."
    ),
    DomainProblem.PORT: lambda: _tr("“%1” holds a port or a “:”: type only the domain."),
    DomainProblem.EMPTY_LABEL: lambda: _tr(
        "“%1” is not a domain: it has an empty part between dots."
    ),
    DomainProblem.INVALID: lambda: _tr("“%1” is not a valid domain name."),
    DomainProblem.BAD_LABEL: lambda: _tr(
        "“%1” is not a domain: “%2” may hold only letters, digits, “-” and “_”, and at most "
        "63 of them."
    ),
    DomainProblem.TOO_LONG: lambda: _tr("“%1” is longer than a domain can be (253 characters)."),
    DomainProblem.NUMERIC: lambda: _tr("“%1” is neither a domain nor an IP address."),
}


def domain_problem_text(error: DomainError, typed: str) -> str:
    """What is wrong with a domain the user typed, and what to type instead."""
    values = {"%1": typed.strip(), "%2": error.label}
    # One pass, so a "%2" inside what was typed stays as typed.
    return re.sub(r"%[12]", lambda m: values[m.group(0)], _PROBLEM[error.problem]())


__all__ = [
    "domain_problem_text",
    "is_trace",
    "kept_domains_text",
    "kind_label",
    "kind_line",
    "loses_text",
    "trace_kind",
    "why_text",
]
