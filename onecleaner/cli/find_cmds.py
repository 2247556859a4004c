"""`onecleaner usage` and `onecleaner find large|old|artefacts`, and cleaning a finder's plan."""

from __future__ import annotations

import argparse
import os
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from onecleaner.cli import output
from onecleaner.cli.clean_cmds import (
    EXIT_OK,
    EXIT_PARTIAL,
    _cancel_on_interrupt,
    _emit,
    _Engine,
    _engine,
    _record,
    _report,
    requested_mode,
)
from onecleaner.cli.context import CliContext, UsageError
from onecleaner.cli.find_output import find_lines, usage_lines
from onecleaner.engine.errors import PlanFileError
from onecleaner.engine.finders.errors import FinderError
from onecleaner.engine.finders.found import FinderKind, Findings
from onecleaner.engine.model import CleanResult, DeleteMode, Phase, Plan, Progress
from onecleaner.units import human_size

if TYPE_CHECKING:
    from onecleaner.engine.finders.usage import UsageProgress

DEFAULT_DEPTH = 2
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}


def register(sub: Any) -> None:
    """Register usage and find."""
    p = sub.add_parser(
        "usage",
        help="show what fills a folder (removes nothing)",
        description="How much each folder below PATH takes on disk (allocated blocks, hard links "
        "once), never following links or entering another filesystem.",
    )
    p.add_argument("path", nargs="?", metavar="PATH", help="the folder (default: your home)")
    p.add_argument(
        "--depth",
        type=_count,
        default=DEFAULT_DEPTH,
        metavar="N",
        help=f"folder levels to show below PATH (default {DEFAULT_DEPTH}; 0: PATH alone)",
    )
    p.add_argument("--json", action="store_true", help="print the tree as JSON")
    p.set_defaults(func=run_usage)

    p = sub.add_parser(
        "find",
        help="find large files, old files or build artefacts (removes nothing)",
        description="List what could free space, ticked or not. 'large': the largest files below "
        "PATH (default: your home). 'old': files not used for --older-than days (default 180) "
        "in the PATHs given (default: Downloads and Desktop), and installers and disk images in "
        "Downloads older than 30 days. 'artefacts': rebuildable build output below PATH "
        "(default: your home), per project; artefacts of projects changed in the last "
        "--older-than days (default 30) are not ticked. --plan-out saves the ticked ones for "
        "'onecleaner clean --plan FILE'.",
    )
    p.add_argument("finder", choices=[k.value for k in FinderKind], help="what to find")
    p.add_argument("paths", nargs="*", metavar="PATH", help="the folder(s) to search")
    p.add_argument("--count", type=_count, metavar="N", help="large: how many files (default 50)")
    p.add_argument(
        "--min-size", type=_size, metavar="SIZE", help="only what frees at least SIZE (500M, 2G)"
    )
    p.add_argument(
        "--older-than",
        type=_days,
        metavar="DAYS",
        help="large, old: only files not used for DAYS; artefacts: tick projects unchanged "
        "for DAYS",
    )
    p.add_argument(
        "--tick", action="append", default=[], metavar="PATH", help="tick what is at or below PATH"
    )
    p.add_argument(
        "--untick",
        action="append",
        default=[],
        metavar="PATH",
        help="untick (keep) what is at or below PATH",
    )
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--plan-out", metavar="FILE", help="save the ticked ones for 'clean --plan'")
    p.set_defaults(func=run_find)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"days must be 0 or more: {text!r}")
    return value


def parse_size(text: str) -> int:
    """`500M`, `2G`, `1.5GiB`, `4096` -> bytes (binary units); ValueError otherwise."""
    match = _SIZE_RE.match(text)
    if match is None:
        raise ValueError(text)
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a size: {text!r} (a number with an optional K, M, G or T, e.g. 500M)"
        ) from None


# -- usage -------------------------------------------------------------------------------------


def run_usage(args: argparse.Namespace, ctx: CliContext) -> int:
    """Walk the folder and print its usage tree (or JSON)."""
    from onecleaner.engine.finders.usage import usage_map

    folder = args.path if args.path is not None else os.path.expanduser("~")
    progress = output.ProgressLine(ctx.stderr)

    def report(p: UsageProgress) -> None:
        progress(Progress(Phase.SCAN if p.current else Phase.DONE, p.current, p.files, p.bytes))

    with _cancel_on_interrupt(ctx) as cancel:
        try:
            found = usage_map(folder, depth=args.depth, progress=report, cancel=cancel)
        except FinderError as exc:
            raise UsageError(str(exc)) from exc
        finally:
            progress.clear()
    if args.json:
        _emit(ctx, found.to_data())
    else:
        _emit(ctx, usage_lines(found, unicode=_unicode(ctx)))
    return EXIT_PARTIAL if found.skipped or found.cancelled else EXIT_OK


def _unicode(ctx: CliContext) -> bool:
    encoding = getattr(ctx.stdout, "encoding", None) or ""
    return encoding.lower().replace("-", "") in ("utf8", "utf16", "utf32")


# -- find --------------------------------------------------------------------------------------


def run_find(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run a finder, print what it found (ticked or not), optionally save the ticked plan."""
    kind = FinderKind(args.finder)
    _check_find_args(kind, args)
    eng = _engine(ctx)
    progress = output.ProgressLine(ctx.stderr)
    with _cancel_on_interrupt(ctx) as cancel:
        try:
            found = _run_finder(kind, args, ctx, eng, progress, cancel)
        except FinderError as exc:
            raise UsageError(str(exc)) from exc
        finally:
            progress.clear()
    tick = [os.path.realpath(p) for p in args.tick]
    untick = [os.path.realpath(p) for p in args.untick]
    if tick or untick:
        found = found.retick(tick=tick, untick=untick)
    plan = found.plan()
    if args.plan_out:
        from onecleaner.engine.planfile import save_plan

        try:
            save_plan(plan, args.plan_out, data_dir=ctx.data_dir)
        except PlanFileError as exc:
            raise UsageError(str(exc)) from exc
    _record(ctx, "find", {**plan.activity(), "finder": kind.value})
    if args.json:
        data = found.to_data()
        data["plan"] = args.plan_out
        _emit(ctx, data)
    else:
        _emit(ctx, find_lines(found, args.plan_out, now=time.time()))
    return EXIT_PARTIAL if found.skipped or found.cancelled else EXIT_OK


def _check_find_args(kind: FinderKind, args: argparse.Namespace) -> None:
    if kind is not FinderKind.OLD and len(args.paths) > 1:
        raise UsageError(f"'find {kind.value}' searches one folder; give one PATH")
    if kind is not FinderKind.LARGE and args.count is not None:
        raise UsageError("--count applies to 'find large' only")


def _run_finder(
    kind: FinderKind,
    args: argparse.Namespace,
    ctx: CliContext,
    eng: _Engine,
    progress: Callable[[Progress], None],
    cancel: Any,
) -> Findings:
    from onecleaner.engine.finders.artefacts import RECENT_DAYS, find_artefacts
    from onecleaner.engine.finders.files import LARGE_COUNT, OLD_DAYS, find_large, find_old

    common: dict[str, Any] = {
        "catalog": eng.catalog,
        "probe": eng.probe(),
        "data_dir": ctx.data_dir,
        "never_touch": eng.policy.never_touch,
        "progress": progress,
        "cancel": cancel,
    }
    min_bytes = args.min_size or 0
    home = eng.env.home
    if kind is FinderKind.LARGE:
        return find_large(
            args.paths[0] if args.paths else home,
            eng.env,
            count=LARGE_COUNT if args.count is None else args.count,
            min_bytes=min_bytes,
            older_than_days=args.older_than,
            **common,
        )
    if kind is FinderKind.OLD:
        return find_old(
            args.paths or None,
            eng.env,
            older_than_days=OLD_DAYS if args.older_than is None else args.older_than,
            min_bytes=min_bytes,
            **common,
        )
    return find_artefacts(
        args.paths[0] if args.paths else home,
        eng.env,
        recent_days=RECENT_DAYS if args.older_than is None else args.older_than,
        min_bytes=min_bytes,
        **common,
    )


# -- clean --plan of a finder's plan -----------------------------------------------------------


def clean_found_plan(
    args: argparse.Namespace, ctx: CliContext, eng: _Engine, plan: Plan
) -> int:
    """`clean --plan FILE` of a finder's plan: user files to the trash and artefacts deleted,
    unless --trash or --permanent says otherwise."""
    from onecleaner.app.policy import delete_mode
    from onecleaner.engine.finders.clean import clean_found, default_mode

    mode = delete_mode(eng.settings, requested_mode(args), plan_default=default_mode(plan))
    if plan.files and not args.yes and not args.dry_run:
        how = "move to the trash" if mode is DeleteMode.TRASH else "permanently delete"
        found_by = ", ".join(f"'find {t.target_id.split(':', 1)[1]}'" for t in plan.targets)
        ctx.note(
            f"This will {how} {output.plural(plan.files, 'file')} "
            f"({human_size(plan.bytes)}) found by {found_by}."
        )
        if not ctx.confirm("Proceed?"):
            ctx.note("Nothing was removed.")
            return EXIT_PARTIAL
    progress = output.ProgressLine(ctx.stderr)
    with _cancel_on_interrupt(ctx) as cancel:
        try:
            result: CleanResult = clean_found(
                plan,
                eng.env,
                catalog=eng.catalog,
                mode=mode,
                dry_run=args.dry_run,
                probe=eng.probe(),
                progress=progress,
                cancel=cancel,
                never_touch=eng.policy.never_touch,
                data_dir=ctx.data_dir,
            )
        finally:
            progress.clear()
    return _report(ctx, args, plan, result)
