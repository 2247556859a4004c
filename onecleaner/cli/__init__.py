"""The command line: list, scan, clean, cookies, privacy and gui (Qt only for the GUI)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onecleaner import __version__

if TYPE_CHECKING:
    from onecleaner.cli.context import CliContext

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message and a hint (its default, kept explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nTry '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, every subcommand registered by the module that runs it."""
    from onecleaner.cli import clean_cmds, cookies_cmds, find_cmds, gui_cmd, privacy_cmds
    from onecleaner.datadir import ENV_VAR as DATA_DIR_VAR

    parser = _Parser(
        prog="onecleaner",
        description="ONE Cleaner: find and remove cache, temporary and other regenerable junk.",
    )
    parser.add_argument("--version", action="version", version=f"onecleaner {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where the app keeps its own data (default: ${DATA_DIR_VAR} or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    clean_cmds.register(sub)
    find_cmds.register(sub)
    cookies_cmds.register(sub)
    privacy_cmds.register(sub)
    gui_cmd.register(sub)
    return parser


def display_available() -> bool:
    """Whether a window could be shown (no arguments then means: start the GUI)."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 done with skips, 2 usage)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # without the commands' imports: 60 ms instead of 300
        print(f"onecleaner {__version__}")
        raise SystemExit(EXIT_OK)  # as argparse's own --version does
    from onecleaner import logsetup
    from onecleaner.cli import streams
    from onecleaner.cli.context import CliContext
    from onecleaner.datadir import data_dir_problem, data_dir_source

    streams.prepare()
    parser = build_parser()
    args = parser.parse_args(args_list)
    ctx = CliContext.from_args(args)
    problem = data_dir_problem(ctx.data_dir)
    if problem is not None:
        source = data_dir_source(getattr(args, "data_dir", None))
        ctx.error(f"{problem} (set by {source}); choose another folder with --data-dir DIR.")
        return EXIT_USAGE
    with logsetup.logging_to_file(ctx.data_dir):
        return _run(parser, args, ctx)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace, ctx: CliContext) -> int:
    import traceback

    from onecleaner.cli import streams
    from onecleaner.cli.context import UsageError

    if getattr(args, "func", None) is None:
        if display_available():
            from onecleaner.cli import gui_cmd

            return gui_cmd.launch(ctx, tray=False, smoke_test=False)
        parser.print_help()
        return EXIT_OK
    feature = _feature(args)
    try:
        ctx.run_startup()
        code: int = args.func(args, ctx)
        ctx.stdout.flush()  # a reader that went away shows here, not at the interpreter's exit
    except UsageError as exc:
        ctx.error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # `onecleaner list --json | head -1`: end quietly, as shells expect
        return streams.closed_pipe()
    except KeyboardInterrupt:
        ctx.error("interrupted")
        return 130
    except Exception as exc:  # a bug, not bad input: say so, keep the details, record it
        log.error("internal error in %s", feature or "onecleaner", exc_info=True)
        ctx.record_error(feature, exc)
        traceback.print_exc(file=ctx.stderr)
        ctx.error(f"internal error ({type(exc).__name__}): {exc}. Please report this bug.")
        return EXIT_PARTIAL
    ctx.record_usage(feature)
    return code


def _feature(args: argparse.Namespace) -> str:
    """The command as a usage feature name: `scan`, `privacy.consent.grant`..."""
    words = [args.command or ""]
    for attr in ("privacy_command", "consent_command", "profile_command", "log_command",
                 "notice_command", "finder", "cookies_command", "keep_command"):  # fmt: skip
        value = getattr(args, attr, None)
        if isinstance(value, str):
            words.append(value)
    return ".".join(w for w in words if w)


def gui_main() -> int:
    """Entry point of the `onecleaner-gui` script."""
    return main(["gui", *sys.argv[1:]])


__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "gui_main", "main"]
