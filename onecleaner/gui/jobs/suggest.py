"""Reading the keep-list suggestions (bookmarks and saved-login origins) off the GUI thread:
each browser database is copied before it is read, which takes a moment on a big profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from onecleaner.engine.env import Environment
from onecleaner.engine.guard import Guard
from onecleaner.engine.records.suggest import Suggestion, Unread, suggest_domains
from onecleaner.gui.jobs.base import Worker

if TYPE_CHECKING:
    from onecleaner.engine.catalog import Catalog


@dataclass(frozen=True)
class SuggestOutcome:
    """The suggestions across installed browsers, and the sources that could not be read."""

    suggestions: tuple[Suggestion, ...]
    unread: tuple[Unread, ...]


class SuggestWorker(Worker):
    """Find the domains worth keeping: those bookmarked or with a saved login."""

    def __init__(
        self, catalog: Catalog, env: Environment, data_dir: Path, keep: Sequence[str]
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.env = env
        self.data_dir = data_dir
        self.keep = tuple(keep)

    def work(self) -> SuggestOutcome:
        guard = Guard.for_env(self.env, self.data_dir)
        suggestions, unread = suggest_domains(self.catalog, self.env, guard, self.keep)
        return SuggestOutcome(tuple(suggestions), tuple(unread))


__all__ = ["SuggestOutcome", "SuggestWorker"]
