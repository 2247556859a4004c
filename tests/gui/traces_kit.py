"""Helpers for the Browser traces tests: the page with fake dialogs, a process probe the test
controls, and browser profiles made from the real schemas (tests/engine/records_kit.py)."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))

from records_kit import ChromiumProfile, chromium_profile, firefox_profiles

from onecleaner.engine.model import OS, Application
from onecleaner.gui.pages import PageContext
from onecleaner.gui.services import AppServices

if TYPE_CHECKING:
    from onecleaner.gui.pages.traces.page import TracesPage

TIMEOUT = 20_000


class Probe:
    """Says which catalog applications run (app ids in `running`); sees no open files.

    With `hold` set, listing the applications waits for it: a scan then stays busy until the
    test lets it go (a cancel that cannot lose the race).
    """

    def __init__(self, running: Iterable[str] = ()) -> None:
        self.running = set(running)
        self.hold: threading.Event | None = None
        self.closed: list[str] = []

    def running_apps(self, apps: Sequence[Application], os_: OS) -> Mapping[str, tuple[int, ...]]:
        if self.hold is not None:
            self.hold.wait(10)
        return {app_id: (4242,) for app_id in self.running}

    def open_files(self) -> frozenset[str]:
        return frozenset()

    def close(self, app: Application) -> bool:
        """The polite close: the application stops running."""
        self.closed.append(app.name)
        self.running.discard(app.id)
        return True


def make_page(qtbot: QtBot, services: AppServices, dialogs: Any, probe: Probe) -> TracesPage:
    from onecleaner.gui.pages.traces.page import TracesPage
    opened: list[tuple[str, str]] = []
    context = PageContext(
        services=services,
        quick=None,  # type: ignore[arg-type]  # the page has no quick clean
        dialogs=dialogs,
        open_page=lambda page, section="": opened.append((page, section)),
        show_message=lambda text: None,
    )
    page = TracesPage(context)
    page.session.probe = probe
    page.session.closer = probe.close
    # Its worker threads are stopped before the page goes (deleting a running QThread aborts).
    qtbot.addWidget(page, before_close_func=lambda widget: widget.stop())
    return page


def shown_scan(qtbot: QtBot, page: TracesPage) -> None:
    """Show the page (its first scan starts) and wait for the scan and the suggestions."""
    with qtbot.waitSignal(page.session.scanned, timeout=TIMEOUT):
        page.activate()
    qtbot.waitUntil(lambda: not page.session.busy, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page._suggest_job is None, timeout=TIMEOUT)


def chromium(
    home: Path, *, cookies: Sequence[str] = (), databases: Sequence[str] = ()
) -> ChromiumProfile:
    """A Chromium profile in ~/.config/chromium/Default with cookies of these hosts."""
    profile = chromium_profile(home / ".config" / "chromium", databases=databases)
    if cookies:
        profile.add_cookies(*cookies)
    return profile


def bookmark(profile: ChromiumProfile, *urls: str) -> None:
    """A Chromium `Bookmarks` file holding these URLs on the bookmark bar."""
    children = [{"type": "url", "name": u, "url": u} for u in urls]
    doc = {"roots": {"bookmark_bar": {"type": "folder", "children": children}}, "version": 1}
    (profile.folder / "Bookmarks").write_text(json.dumps(doc), encoding="utf-8")


__all__ = ["Probe", "bookmark", "chromium", "firefox_profiles", "make_page", "shown_scan"]
