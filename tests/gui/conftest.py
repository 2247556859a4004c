"""Qt fixtures for the window, tray and schedule tests: services on the temporary HOME, dialogs
that answer at once, and junk files to clean."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from onecleaner.gui.i18n import install_translator
from onecleaner.gui.pages.clean.confirm import CleanSummary, RunningChoice
from onecleaner.gui.services import AppServices


@dataclass
class FakeDialogs:
    """Answers the window's questions without a modal; records what was asked."""

    confirm: bool = True
    running_choice: RunningChoice = RunningChoice.SKIP
    save_to: Path | None = None
    summaries: list[CleanSummary] = field(default_factory=list)
    running_asked: list[list[str]] = field(default_factory=list)
    informed: list[tuple[str, str]] = field(default_factory=list)
    quick_asked: list[list[tuple[str, object]]] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)
    folder: str | None = None  # what choose_folder answers (None: cancelled)

    def confirm_clean(self, parent: object, summary: CleanSummary) -> bool:
        self.summaries.append(summary)
        return self.confirm

    def choose_running(self, parent: object, names: Sequence[str]) -> RunningChoice:
        self.running_asked.append(list(names))
        return self.running_choice

    def confirm_quick(self, parent: object, risky: Sequence[tuple[str, object]]) -> bool:
        self.quick_asked.append(list(risky))
        return self.confirm

    def inform(self, parent: object, title: str, text: str) -> None:
        self.informed.append((title, text))

    def choose_folder(self, parent: object, title: str, start: str) -> str | None:
        return self.folder

    def save_path(self, parent: object, title: str, suggested: str) -> Path | None:
        self.suggested.append(suggested)
        return self.save_to


@pytest.fixture(autouse=True, scope="session")
def english(qapp: QApplication) -> None:
    """The app's English translator, as the app installs it: plural forms ("1 file")."""
    install_translator(qapp, "en")


@pytest.fixture
def services(data_dir: Path) -> AppServices:
    """The app's services over the shipped catalog, the temporary HOME and data folder."""
    return AppServices.load(data_dir)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def cache(isolated_home: Path) -> Path:
    """The temporary HOME's cache folder (~/.cache, the quick preset's system.cache root)."""
    return Path(os.environ["XDG_CACHE_HOME"])


def _make_files(folder: Path, count: int, size: int = 100) -> list[Path]:
    """`count` files of `size` bytes under `folder`, spread over a few subfolders."""
    made = []
    for i in range(count):
        path = folder / f"d{i % 7}" / f"f{i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
        made.append(path)
    return made


@pytest.fixture
def make_files() -> Callable[..., list[Path]]:
    """Makes `count` junk files under a folder: make_files(folder, count, size=100)."""
    return _make_files


@pytest.fixture
def window(qtbot: QtBot, services: AppServices, dialogs: FakeDialogs) -> Iterator[object]:
    """The Clean page with fake dialogs; its worker threads are stopped after the test."""
    from onecleaner.gui.pages.clean.page import CleanPage

    page = CleanPage(services, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    yield page
    page.stop()


@pytest.fixture
def shell_window(qtbot: QtBot, services: AppServices, dialogs: FakeDialogs) -> Iterator[object]:
    """The whole window (sidebar and pages) with fake dialogs; workers stopped afterwards."""
    from onecleaner.gui.shell import MainWindow

    win = MainWindow(services, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    yield win
    win.stop()
