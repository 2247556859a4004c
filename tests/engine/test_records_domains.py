"""The cookie keep-list: what a user may type, and which cookie hosts a kept domain keeps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onecleaner.engine.records.domains import (
    DomainError,
    DomainProblem,
    KeepList,
    normalize_domain,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("example.org", "example.org"),
        ("  Example.ORG ", "example.org"),
        (".example.org", "example.org"),
        ("example.org.", "example.org"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("localhost", "localhost"),
        ("192.168.1.20", "192.168.1.20"),
        ("[::1]", "::1"),
        ("2001:DB8::1", "2001:db8::1"),
        ("intranet", "intranet"),
        ("my_host.example", "my_host.example"),
    ],
)
def test_what_a_user_types_is_stored_in_one_form(typed: str, stored: str) -> None:
    assert normalize_domain(typed) == stored


@pytest.mark.parametrize(
    ("typed", "says", "problem"),
    [
        ("", "empty", DomainProblem.EMPTY),
        ("https://example.org/login", "web address", DomainProblem.ADDRESS),
        ("example.org/path", "web address", DomainProblem.ADDRESS),
        ("*.example.org", "wildcard", DomainProblem.WILDCARD),
        ("example.org:8080", "port", DomainProblem.PORT),
        ("exa mple.org", "may hold only", DomainProblem.BAD_LABEL),
        ("-bad.org", "may hold only", DomainProblem.BAD_LABEL),
        ("a..b", "empty label", DomainProblem.EMPTY_LABEL),
        ("1.2.3", "neither a domain nor an IP", DomainProblem.NUMERIC),
        ("x" * 64 + ".org", "not a valid domain", DomainProblem.INVALID),
    ],
)
def test_a_malformed_domain_is_refused_with_the_reason(
    typed: str, says: str, problem: DomainProblem
) -> None:
    with pytest.raises(DomainError, match=says) as caught:
        normalize_domain(typed)
    assert caught.value.problem is problem  # what the window puts in the user's language


def test_a_bad_label_is_named() -> None:
    with pytest.raises(DomainError) as caught:
        normalize_domain("www.bad!label.org")
    assert caught.value.label == "bad!label"


def test_a_domain_keeps_itself_and_its_subdomains_on_a_label_boundary() -> None:
    keep = KeepList(["example.org"])
    assert keep.keeps("example.org")
    assert keep.keeps(".example.org")  # a domain cookie
    assert keep.keeps("www.example.org")
    assert keep.keeps("a.b.example.org")
    assert keep.keeps("WWW.Example.Org")
    assert not keep.keeps("badexample.org")
    assert not keep.keeps("example.org.evil.net")
    assert not keep.keeps("org")
    assert not keep.keeps("")


def test_ip_addresses_and_localhost_keep_only_themselves() -> None:
    keep = KeepList(["10.0.0.1", "localhost", "::1"])
    assert keep.keeps("10.0.0.1")
    assert not keep.keeps("110.0.0.1")
    assert not keep.keeps("1.10.0.0.1")
    assert keep.keeps("localhost")
    assert not keep.keeps("app.localhost")
    assert keep.keeps("[::1]")
    assert keep.keeps("::1")


def test_an_empty_keep_list_keeps_nothing() -> None:
    keep = KeepList([])
    assert not keep
    assert not keep.keeps("example.org")


_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_label = st.builds(
    lambda head, middle: head + (middle + head if middle else ""),
    st.text(_ALNUM, min_size=1, max_size=4),
    st.text(_ALNUM + "-", max_size=4),
)
_fast = settings(max_examples=60, deadline=None)
_domain = (
    st.lists(_label, min_size=1, max_size=4)
    .map(".".join)
    .filter(lambda d: not d.split(".")[-1].isdigit())
)


@_fast
@given(kept=_domain, sub=st.lists(_label, max_size=3))
def test_every_subdomain_of_a_kept_domain_is_kept(kept: str, sub: list[str]) -> None:
    host = ".".join([*sub, kept])
    keep = KeepList([kept])
    assert keep.keeps(host)
    assert keep.keeps("." + host)
    assert keep.keeps(host.upper())


@_fast
@given(kept=_domain, glued=_label)
def test_a_name_glued_to_a_kept_domain_is_not_kept(kept: str, glued: str) -> None:
    # "bad" + "example.org" = "badexample.org": the same letters, no label boundary.
    keep = KeepList([kept])
    assert not keep.keeps(glued + kept)


@_fast
@given(kept=st.lists(_domain, max_size=4), host=_domain)
def test_a_host_is_kept_exactly_when_one_of_its_parent_domains_is_listed(
    kept: list[str], host: str
) -> None:
    labels = host.split(".")
    parents = {".".join(labels[i:]) for i in range(len(labels))}
    assert KeepList(kept).keeps(host) == bool(parents & set(kept))


@_fast
@given(
    address=st.ip_addresses().map(str),
    other=st.ip_addresses().map(str),
)
def test_an_ip_address_keeps_only_itself(address: str, other: str) -> None:
    keep = KeepList([address])
    assert keep.keeps(address)
    assert keep.keeps(other) == (other == address)
