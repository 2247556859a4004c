"""Include/keep glob matching: the documented semantics, checked by example and by property."""

from __future__ import annotations

import fnmatch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onecleaner.engine.rules import (
    GlobError,
    check_glob,
    compile_globs,
    has_magic,
    match_any,
    match_name,
)


@pytest.mark.parametrize(
    ("glob", "matching", "not_matching"),
    [
        ("*.lock", ["x.lock", "a/b/x.lock", "x.lock/inside"], ["x.locked", "lock", "a.lock.b"]),
        ("/Low", ["Low", "Low/file"], ["a/Low", "Lower"]),
        ("Cache", ["Cache", "Cache/data_1", "x/Cache/y"], ["CacheStorage", "x/NoCache"]),
        ("/Cache", ["Cache/Cache_Data/f_0001"], ["Service Worker/CacheStorage/a", "d/Cache"]),
        ("Default/Code Cache", ["Default/Code Cache/js/1"], ["Code Cache", "x/Default/Code Cache"]),
        ("**/x", ["x", "a/x", "a/b/x/y"], ["xa", "a/bx"]),
        ("a/**/b", ["a/b", "a/c/b", "a/c/d/b/e"], ["b", "ab", "c/a/b"]),
        ("a/**", ["a/x", "a/x/y"], ["a", "b/x"]),
        ("**", ["a", "a/b"], []),
        ("*.log.[0-9]*", ["app.log.1", "s/app.log.2.gz"], ["app.log", "app.log.x"]),
        ("[!x]y", ["zy", "d/zy/e"], ["xy", "y"]),
        ("[^x]y", ["zy"], ["xy"]),
        ("?.db", ["a.db"], ["ab.db", ".db"]),
        ("thumbcache_*.db", ["thumbcache_256.db"], ["iconcache_256.db"]),
        ("a**b", ["ab", "axxb"], ["a/b"]),
        ("[]a]", ["]", "a"], ["b"]),
        ("[a-c-]", ["b", "-"], ["d"]),
        ("[[]x", ["[x"], ["x"]),
    ],
)
def test_glob_semantics(glob: str, matching: list[str], not_matching: list[str]) -> None:
    matcher = compile_globs([glob])
    for rel in matching:
        assert matcher(rel), f"{glob!r} should match {rel!r}"
    for rel in not_matching:
        assert not matcher(rel), f"{glob!r} should not match {rel!r}"


def test_the_root_itself_and_an_empty_list_match_nothing() -> None:
    assert not compile_globs(["*"])("")
    empty = compile_globs([])
    assert empty.is_empty
    assert not empty("anything")
    assert not empty.may_match_below("")


def test_names_with_newlines_and_odd_bytes_match_like_any_other() -> None:
    matcher = compile_globs(["*.tmp", "/keep"])
    assert matcher("line\nbreak.tmp")
    assert matcher("keep/a\nb")
    assert matcher("dir/\udcff.tmp")  # an undecodable byte kept by surrogateescape
    assert not matcher("x.tmp\n")


def test_case_insensitive_when_asked() -> None:
    assert not match_any("CACHE2/x", ["/cache2"])
    assert match_any("CACHE2/x", ["/cache2"], case_insensitive=True)
    assert match_name("Profile 1", "profile *", case_insensitive=True)
    assert not match_name("Profile 1", "profile *")


def test_match_name_is_one_component() -> None:
    assert match_name("Profile 12", "Profile *")
    assert not match_name("Profile/1", "Profile*")
    assert has_magic("Profile *") and not has_magic("Default")


def test_may_match_below_lets_the_scanner_skip_unrelated_folders() -> None:
    matcher = compile_globs(["/Cache", "Default/Code Cache", "a/**/b"])
    assert matcher.may_match_below("")
    assert matcher.may_match_below("Default")
    assert matcher.may_match_below("Cache")  # matched: everything below matches
    assert matcher.may_match_below("a/x/y")
    assert not matcher.may_match_below("History")
    assert not matcher.may_match_below("Default/Local Storage")
    assert compile_globs(["*.log"]).may_match_below("any/where")


@pytest.mark.parametrize(
    ("glob", "reason"),
    [
        ("", "empty"),
        ("a\\b", "'/'"),
        ("Cache/", "trailing"),
        ("a//b", "empty"),
        ("a/../b", "'..'"),
        ("./a", "'.'"),
        ("[abc", "closing"),
        ("[z-a]", "range"),
    ],
)
def test_bad_globs_are_refused_with_a_reason(glob: str, reason: str) -> None:
    problem = check_glob(glob)
    assert problem is not None and reason in problem
    with pytest.raises(GlobError):
        compile_globs(["ok", glob])


_NAME = st.text(alphabet="ab.-_ Z", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))
_PATTERN = st.text(alphabet="ab.*?Z", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))
_REL = st.lists(_NAME, min_size=1, max_size=5).map("/".join)


@given(name=_NAME, pattern=_PATTERN)
def test_one_component_matches_like_fnmatch(name: str, pattern: str) -> None:
    assert match_name(name, pattern) == fnmatch.fnmatchcase(name, pattern)


@given(rel=_REL, extra=_NAME, globs=st.lists(_PATTERN, min_size=1, max_size=3))
def test_a_match_covers_everything_below(rel: str, extra: str, globs: list[str]) -> None:
    matcher = compile_globs(globs)
    if matcher(rel):
        assert matcher(f"{rel}/{extra}")


@given(
    rel=_REL,
    anchored=st.lists(st.lists(_PATTERN | st.just("**"), min_size=1, max_size=3), max_size=3),
)
def test_may_match_below_never_hides_a_match(rel: str, anchored: list[list[str]]) -> None:
    globs = ["/" + "/".join(parts) for parts in anchored] or ["/a"]
    matcher = compile_globs(globs)
    parts = rel.split("/")
    if matcher(rel):
        for depth in range(len(parts)):
            assert matcher.may_match_below("/".join(parts[:depth]))


@given(rel=_REL, pattern=_PATTERN)
def test_case_insensitive_matching_ignores_case(rel: str, pattern: str) -> None:
    folded = compile_globs([pattern.lower()], case_insensitive=True)
    assert folded(rel) == compile_globs([pattern.lower()])(rel.lower())
    assert folded(rel.upper()) == folded(rel)


@given(rel=_REL)
def test_a_literal_anchored_glob_matches_exactly_its_path_and_below(rel: str) -> None:
    escaped = "/".join(part for part in rel.split("/"))
    matcher = compile_globs(["/" + escaped])
    assert matcher(rel)
    assert matcher(rel + "/x")
    assert not matcher(rel + "x")
