"""Fixtures of the privacy tests."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip the disk flushes: these tests kill processes, they do not cut the power.

    The crash injector still counts each fsync call as a step; only the wait for the disk goes.
    """
    monkeypatch.setattr(os, "fsync", lambda fd: None)
