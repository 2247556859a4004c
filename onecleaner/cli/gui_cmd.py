"""`onecleaner gui`: start the desktop app (Qt is imported only here, and only when asked)."""

from __future__ import annotations

import argparse
from typing import Any

from onecleaner.cli.context import CliContext


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="start the desktop app")
    p.add_argument("--tray", action="store_true", help="start in the system tray")
    p.add_argument(
        "--page",
        default="",
        metavar="PAGE",
        help="open the window on a page: home, clean, disk, history or settings (a running app "
        "shows it)",
    )
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="build the main window, run the event loop briefly and exit 0 (packaging checks)",
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    return launch(ctx, tray=args.tray, smoke_test=args.smoke_test, page=args.page)


def launch(ctx: CliContext, *, tray: bool, smoke_test: bool, page: str = "") -> int:
    """Start the GUI; no display or a missing Qt gives a message (exit 2), not an abort."""
    from onecleaner.display import display_problem

    problem = display_problem()
    if problem is not None:
        ctx.error(
            f"the desktop app cannot start: {problem}. Start it from a desktop session (or fix "
            "DISPLAY), or use the command line: onecleaner --help"
        )
        return 2
    try:
        from onecleaner.gui.app import run
    except ImportError as exc:
        ctx.error(f"the desktop app cannot start: {exc}. Reinstall ONE Cleaner with its Qt parts.")
        return 2
    return run(data_dir=ctx.data_dir, tray=tray, smoke_test=smoke_test, page=page)
