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
)
from onecleaner.cli.context import CliContext, UsageError
from onecleaner.engine.errors import PlanFileError
from onecleaner.engine.finders.errors import FinderError
from onecleaner.engine.finders.found import UNTICKED_TEXT, Candidate, FinderKind, Findings, Why
from onecleaner.engine.model import CleanResult, DeleteMode, Phase, Plan, Progress

if TYPE_CHECKING:
    from onecleaner.engine.finders.usage import UsageMap, UsageNode, UsageProgress

DEFAULT_DEPTH = 2
SHOWN_PER_FOLDER = 20  # subfolders of one folder in the human usage tree
BAR_WIDTH = 20
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}
_WHY_TEXT = {
    Why.LARGE: "",
    Why.OLD: "",
    Why.INSTALLER: "installer or disk image",
    Why.ARTEFACT: "",
}


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


def bar(share: float, *, unicode: bool, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `share` (0..1): eighths of a block in Unicode, '#' otherwise."""
    share = min(max(share, 0.0), 1.0)
    if not unicode:
        full = round(share * width)
        return "#" * full + "." * (width - full)
    eighths = round(share * width * 8)
    text = "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]
    return text.ljust(width)


def usage_lines(found: UsageMap, *, unicode: bool = True) -> list[str]:
    """The human usage tree: size, share of the parent folder with a bar, files, the name
    indented by depth (largest first; a folder's smallest subfolders summed on one line)."""
    rows: list[tuple[str, str, str, str, str]] = []

    def add(node: UsageNode, parent_bytes: int, depth: int, name: str) -> None:
        share = node.bytes / parent_bytes if parent_bytes else 1.0
        mark = " (unreadable)" if node.unreadable else ""
        rows.append(
            (
                output.human_size(node.bytes),
                f"{share * 100:.1f}%",
                bar(share, unicode=unicode),
                f"{node.files:,}",
                "  " * depth + output.printable_path(name) + mark,
            )
        )
        shown = node.children[:SHOWN_PER_FOLDER]
        for child in shown:
            add(child, node.bytes, depth + 1, child.name)
        rest = node.children[SHOWN_PER_FOLDER:]
        if rest:
            size = sum(c.bytes for c in rest)
            share = size / node.bytes if node.bytes else 0.0
            rows.append(
                (
                    output.human_size(size),
                    f"{share * 100:.1f}%",
                    bar(share, unicode=unicode),
                    f"{sum(c.files for c in rest):,}",
                    "  " * (depth + 1) + f"... {len(rest):,} more folders",
                )
            )

    add(found.root, found.root.bytes, 0, found.path)
    lines = output.table(("SIZE", "SHARE", "", "FILES", "FOLDER"), rows, right=(0, 1, 3))
    lines.append("")
    if found.cancelled:
        lines.append("The walk was interrupted: these figures are incomplete.")
    lines.append(
        f"{output.printable_path(found.path)}: {output.human_size(found.bytes)} in "
        f"{output.plural(found.files, 'file')} (allocated space, hard links once; shares are "
        "of the folder above)."
    )
    lines += output.skipped_summary(found.skipped)
    return lines


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


def _never_touch(eng: _Engine, ctx: CliContext) -> tuple[str, ...]:
    return (*tuple(getattr(eng.settings, "never_touch", None) or ()), str(ctx.data_dir))


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
        "never_touch": _never_touch(eng, ctx),
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


def _when(stamp: float, now: float) -> str:
    if stamp <= 0:
        return "never"
    days = int(max(0.0, now - stamp) // 86400)
    ago = "today" if days == 0 else f"{output.plural(days, 'day')} ago"
    return f"{time.strftime('%Y-%m-%d', time.localtime(stamp))} ({ago})"


def find_lines(found: Findings, saved: str | None, *, now: float) -> list[str]:
    """The human report of a finder: each candidate ticked [x] or not [ ], totals, next step."""
    title = {
        FinderKind.LARGE: "The largest files",
        FinderKind.OLD: "Files not used for a long time",
        FinderKind.ARTEFACTS: "Build artefacts, per project",
    }[found.kind]
    folders = ", ".join(output.printable_path(f) for f in found.folders) or "(no folder)"
    lines = [f"{title} in {folders}:"]
    if not found.candidates:
        lines.append("  nothing found")
    elif found.kind is FinderKind.ARTEFACTS:
        lines += _artefact_lines(found, now)
    else:
        rows = [
            (
                "[x]" if c.ticked else "[ ]",
                output.human_size(c.bytes),
                _when(c.last_used, now).split(" ")[0],
                output.printable_path(c.path) + _note(c),
            )
            for c in found.candidates
        ]
        lines += ["  " + line for line in
                  output.table(("", "FREES", "LAST USED", "PATH"), rows, right=(1,))]  # fmt: skip
    ticked = found.ticked
    mode = found.kind.default_mode
    how = "deleted" if mode is DeleteMode.PERMANENT else "moved to the trash"
    lines.append("")
    if found.cancelled:
        lines.append("The search was interrupted: this list is incomplete.")
    files = sum(c.files for c in ticked)
    lines.append(
        f"Ticked: {output.plural(len(ticked), 'item')}, {output.plural(files, 'file')}, "
        f"{output.human_size(sum(c.bytes for c in ticked))} (a clean would have them {how})."
    )
    lines += output.skipped_summary(found.skipped)
    if saved:
        lines.append(
            f"Plan of the ticked items saved to {saved}; run 'onecleaner clean --plan {saved}' "
            "to remove them."
        )
    elif found.candidates:
        lines.append(
            "Save the ticked items with --plan-out FILE (change ticks with --tick/--untick "
            "PATH), then run 'onecleaner clean --plan FILE'."
        )
    return lines


def _note(c: Candidate) -> str:
    words = [w for w in (_WHY_TEXT[c.why], UNTICKED_TEXT.get(c.unticked) if c.unticked else "")
             if w]  # fmt: skip
    return f"  ({'; '.join(words)})" if words else ""


def _artefact_lines(found: Findings, now: float) -> list[str]:
    lines: list[str] = []
    project = None
    for c in found.candidates:
        if c.project != project:
            project = c.project
            lines.append(
                f"  {output.printable_path(project)}  (last change {_when(c.last_used, now)})"
            )
        lines.append(
            f"    {'[x]' if c.ticked else '[ ]'} {output.human_size(c.bytes):>10}  "
            f"{output.plural(c.files, 'file'):>12}  "
            f"{output.printable_path(os.path.relpath(c.path, project))}{_note(c)}"
        )
    return lines


# -- clean --plan of a finder's plan -----------------------------------------------------------


def clean_found_plan(
    args: argparse.Namespace, ctx: CliContext, eng: _Engine, plan: Plan
) -> int:
    """`clean --plan FILE` of a finder's plan: user files to the trash and artefacts deleted,
    unless --trash or --permanent says otherwise."""
    from onecleaner.engine.finders.clean import clean_found, default_mode

    mode = _found_mode(eng, args, default_mode(plan))
    if plan.files and not args.yes and not args.dry_run:
        how = "move to the trash" if mode is DeleteMode.TRASH else "permanently delete"
        found_by = ", ".join(f"'find {t.target_id.split(':', 1)[1]}'" for t in plan.targets)
        ctx.note(
            f"This will {how} {output.plural(plan.files, 'file')} "
            f"({output.human_size(plan.bytes)}) found by {found_by}."
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
                never_touch=_never_touch(eng, ctx),
                data_dir=ctx.data_dir,
            )
        finally:
            progress.clear()
    return _report(ctx, args, plan, result)


def _found_mode(eng: _Engine, args: argparse.Namespace, default: DeleteMode) -> DeleteMode:
    """--trash and --permanent win; a "move to the trash" setting also sends artefacts there
    (the safer way); a "delete" setting never deletes user files outright."""
    if args.trash:
        return DeleteMode.TRASH
    if args.permanent:
        return DeleteMode.PERMANENT
    setting = getattr(eng.settings, "delete_mode", None)
    if getattr(setting, "value", setting) == DeleteMode.TRASH.value:
        return DeleteMode.TRASH
    return default
