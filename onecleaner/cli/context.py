"""What every command gets: where data lives, the streams, whether a person is at a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from onecleaner.datadir import data_dir

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService


def _or_sink(stream: TextIO | None) -> TextIO:
    """The stream, or the null device when a windowed start has none (pythonw, a windowed
    bundle): what would be printed is lost, the log file still gets the warnings."""
    if stream is not None:
        return stream
    return open(os.devnull, "w", encoding="utf-8")  # lives as long as the run


class UsageError(Exception):
    """Bad input on the command line: printed as a message, exit code 2."""


@dataclass
class CliContext:
    """Shared state of one command-line run."""

    data_dir: Path
    stdout: TextIO = field(default_factory=lambda: _or_sink(sys.stdout))
    stderr: TextIO = field(default_factory=lambda: _or_sink(sys.stderr))

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        return cls(data_dir=data_dir(getattr(args, "data_dir", None)))

    @property
    def interactive(self) -> bool:
        """A person can answer a question: standard input and error are terminals."""
        return sys.stdin is not None and sys.stdin.isatty() and self.stderr.isatty()

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def error(self, text: str) -> None:
        print(f"onecleaner: {text}", file=self.stderr)

    def note(self, text: str) -> None:
        print(text, file=self.stderr)

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question on the terminal; anything but yes is no."""
        self.stderr.write(f"{question} [y/N] ")
        self.stderr.flush()
        try:
            answer = sys.stdin.readline()
        except (OSError, KeyboardInterrupt):
            return False
        return answer.strip().lower() in ("y", "yes")

    def record_usage(self, feature: str) -> None:
        """Count a feature's use (only when the user granted `usage`; never fails a command)."""
        self._privacy_call(lambda service: service.record_usage(feature))

    def record_error(self, where: str, error: BaseException) -> None:
        """Journal an unexpected error: minimal, or with device details under `diagnostics`."""
        self._privacy_call(lambda service: service.record_error(where, error))

    def _privacy_call(self, call: Callable[[PrivacyService], object]) -> None:
        from onecleaner.privacy.errors import PrivacyError
        from onecleaner.privacy.service import PrivacyService

        try:
            service = PrivacyService(self.data_dir)
            call(service)
        except (PrivacyError, OSError) as exc:
            self.note(f"note: could not update the privacy records: {exc}")
            return
        for warning in service.warnings:
            self.note(warning)

    def run_startup(self) -> None:
        """Work due at the start of every command: new service notices, the notice's stage not
        printed yet (one line, once), the deletion deadline."""
        from onecleaner.privacy.startup import run_startup

        for message in run_startup(self.data_dir):
            self.note(message)
