"""`onecleaner list / scan / clean`: the engine's command line (a contract other tools drive)."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from onecleaner.cli import output
from onecleaner.cli.context import CliContext, UsageError
from onecleaner.engine.errors import EngineError, PlanFileError, UnknownTarget
from onecleaner.engine.finders.found import is_finder_plan
from onecleaner.engine.model import CleanResult, DeleteMode, Plan, Risk, Target, TargetResult

if TYPE_CHECKING:
    from onecleaner.app.policy import CleanPolicy
    from onecleaner.engine.catalog import Catalog
    from onecleaner.engine.env import Environment
    from onecleaner.engine.processes import ProcessProbe
    from onecleaner.settings import Settings

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2


def register(sub: Any) -> None:
    """Register list, scan and clean."""
    p = sub.add_parser("list", help="list this system's cleaning targets")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run_list)

    p = sub.add_parser(
        "scan",
        help="find what a clean would remove (removes nothing)",
        description="Find what a clean of the targets would remove. No TARGET: the quick preset; "
        "'app.*' means every target of that application.",
    )
    _target_args(p)
    p.add_argument("--plan-out", metavar="FILE", help="save the plan for 'clean --plan FILE'")
    p.set_defaults(func=run_scan)

    p = sub.add_parser(
        "clean",
        help="remove what a scan finds (asks first on a terminal)",
        description="Scan the targets (or take a saved plan) and remove what was found. On a "
        "terminal it asks first; without one it needs --yes.",
    )
    _target_args(p)
    p.add_argument("--plan", metavar="FILE", help="clean a plan saved by 'scan --plan-out'")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--trash", action="store_true", help="move files to the trash")
    mode.add_argument(
        "--permanent", action="store_true", help="delete permanently (overrides the settings)"
    )
    p.add_argument("--dry-run", action="store_true", help="check everything, remove nothing")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=run_clean)


def _target_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("targets", nargs="*", metavar="TARGET", help="target ids, e.g. pip.cache")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--min-age-days",
        type=_days,
        metavar="N",
        help="only files not modified for N days (on top of each target's own age rule)",
    )


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"days must be 0 or more: {text!r}")
    return value


# -- what every engine command loads ---------------------------------------------------------


@dataclass(frozen=True)
class _Engine:
    catalog: Catalog
    env: Environment
    settings: Settings  # the defaults when the file could not be read
    policy: CleanPolicy  # what the settings and the data folder ask of every scan and clean
    keep_list_unknown: bool = False  # the saved cookie keep-list could not be read

    @property
    def keep_domains(self) -> tuple[str, ...]:
        return self.policy.keep_domains

    def probe(self) -> ProcessProbe:
        from onecleaner.engine.processes import ProcessProbe

        return ProcessProbe()


def _engine(ctx: CliContext) -> _Engine:
    """The catalog (its problems warned about on stderr), the environment, the user's settings."""
    from onecleaner.app.policy import clean_policy
    from onecleaner.engine.catalog import load_catalog
    from onecleaner.engine.env import Environment

    try:
        catalog = load_catalog()
    except EngineError as exc:
        raise UsageError(f"the cleaner catalog cannot be loaded: {exc}") from exc
    for problem in catalog.problems:
        ctx.note(f"onecleaner: warning: skipped a bad definition: {problem}")
    settings, unknown = _settings(ctx)
    return _Engine(
        catalog, Environment.current(), settings, clean_policy(settings, ctx.data_dir), unknown
    )


def _settings(ctx: CliContext) -> tuple[Settings, bool]:
    """The user's settings, and whether the cookie keep-list could not be read; a broken file
    is said, not fatal."""
    from onecleaner.settings import Settings, keep_list_unknown, load_settings

    try:
        settings, warning = load_settings(ctx.data_dir)
    except Exception as exc:  # never let settings stop a clean; the defaults are safe
        ctx.note(f"onecleaner: note: settings not read ({exc}); using the defaults")
        return Settings(), True
    if warning:
        ctx.note(f"onecleaner: note: {warning}")
    return settings, keep_list_unknown(warning)


#: What `scan` and `clean` without a target say when every quick item is unticked.
EMPTY_QUICK = (
    "Your quick selection is empty: every quick item is unticked in the settings, so there is "
    "nothing to clean. Name targets (see 'onecleaner list'), or tick quick items in the "
    "window's Settings."
)


def _select(eng: _Engine, ctx: CliContext, ids: Sequence[str]) -> list[Target]:
    """The targets named, or the quick selection (empty when the user emptied it: said on
    stderr); an unknown id is a usage error naming it."""
    if ids:
        try:
            return eng.catalog.select(list(ids), eng.env.os)
        except UnknownTarget as exc:
            raise UsageError(str(exc)) from exc
    from onecleaner.app.quick import quick_selection

    quick = quick_selection(eng.catalog, eng.settings, eng.env.os)
    for target_id in quick.unknown:
        ctx.note(
            f"onecleaner: note: your quick selection names '{target_id}', which is not a "
            "target on this system; it is left out"
        )
    if quick.empty:
        ctx.note(EMPTY_QUICK)
    return list(quick.targets)


def _quick_ids(eng: _Engine) -> set[str]:
    from onecleaner.app.quick import quick_selection

    return set(quick_selection(eng.catalog, eng.settings, eng.env.os).ids)


# -- list --------------------------------------------------------------------------------------


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print this OS's targets: id, name, description, risk, quick, present."""
    from onecleaner.engine.guard import Guard
    from onecleaner.engine.planfile import current_roots

    eng = _engine(ctx)
    quick = _quick_ids(eng)
    guard = Guard.for_env(eng.env, ctx.data_dir)
    rows = []
    for t in eng.catalog.targets_for(eng.env.os):
        rows.append(
            {
                "id": t.id,
                "name": _name(eng.catalog, t),
                "description": t.description,
                "risk": t.risk.value,
                "quick": t.id in quick,
                "present": bool(current_roots(t, eng.env, guard=guard)),
            }
        )
    if args.json:
        _emit(ctx, {"targets": rows})
        return EXIT_OK
    _emit(ctx, output.list_lines(rows))
    return EXIT_OK


def _name(catalog: Catalog, target: Target) -> str:
    """A target's name for people: the application's name and the option's label."""
    try:
        app = catalog.app_of(target).name
    except EngineError:
        return target.label
    if target.label.lower().startswith(app.lower()):
        return target.label
    return f"{app}: {target.label}"


# -- scan --------------------------------------------------------------------------------------


def run_scan(args: argparse.Namespace, ctx: CliContext) -> int:
    """Scan the targets, print what a clean would free, optionally save the plan."""
    from onecleaner.app.report import scan_report

    eng = _engine(ctx)
    targets = _select(eng, ctx, args.targets)
    if not targets:  # an emptied quick selection: nothing to scan, nothing to do
        if args.json:
            _emit(ctx, scan_report(Plan((), eng.env.os, time.time())))
        return EXIT_OK
    plan = _scan(eng, ctx, targets, args.min_age_days)
    if args.plan_out:
        from onecleaner.engine.planfile import save_plan

        try:
            save_plan(plan, args.plan_out, data_dir=ctx.data_dir)
        except PlanFileError as exc:
            raise UsageError(str(exc)) from exc
    _record(ctx, "scan", plan.activity())
    _emit(ctx, scan_report(plan) if args.json else output.plan_lines(plan, args.plan_out))
    return EXIT_PARTIAL if plan.skipped or plan.cancelled else EXIT_OK


def _scan(
    eng: _Engine, ctx: CliContext, targets: Sequence[Target], min_age_days: float | None
) -> Plan:
    from onecleaner.engine.scan import scan

    options = eng.policy.scan_options(min_age_days)
    progress = output.ProgressLine(ctx.stderr)
    with _cancel_on_interrupt(ctx) as cancel:
        try:
            return scan(
                targets,
                eng.env,
                catalog=eng.catalog,
                options=options,
                probe=eng.probe(),
                progress=progress,
                cancel=cancel,
            )
        finally:
            progress.clear()


# -- clean -------------------------------------------------------------------------------------


def run_clean(args: argparse.Namespace, ctx: CliContext) -> int:
    """Scan (or load a saved plan), confirm, clean, and report what was removed and skipped."""
    if args.plan and args.targets:
        raise UsageError("give either TARGET ids or --plan FILE, not both")
    if args.plan and args.min_age_days is not None:
        raise UsageError("--min-age-days applies to a new scan; it cannot change a saved plan")
    if not args.yes and not args.dry_run and not ctx.interactive:
        raise UsageError(
            "refusing to clean without confirmation: there is no terminal to ask on. "
            "Pass --yes to clean, or --dry-run to see what would be removed. Nothing was removed."
        )
    from onecleaner.app.policy import delete_mode
    from onecleaner.app.report import clean_report

    eng = _engine(ctx)
    _lower_priority(ctx)
    mode = delete_mode(eng.settings, requested_mode(args))
    if args.plan:
        plan = _load_plan(eng, ctx, args.plan)
        if is_finder_plan(plan):  # user files and artefacts: their own default mode
            from onecleaner.cli.find_cmds import clean_found_plan

            return clean_found_plan(args, ctx, eng, plan)
    else:
        targets = _select(eng, ctx, args.targets)
        if not targets:  # an emptied quick selection: nothing to clean, nothing to do
            if args.json:
                _emit(ctx, clean_report(CleanResult((), mode, args.dry_run, False)))
            return EXIT_OK
        plan = _scan(eng, ctx, targets, args.min_age_days)
        if plan.cancelled:  # interrupted while scanning: remove nothing, say so
            ctx.note("onecleaner: the scan was interrupted; nothing was removed.")
            nothing = tuple(TargetResult(t.target_id, 0, 0) for t in plan.targets)
            return _report(ctx, args, plan, CleanResult(nothing, mode, args.dry_run, True))
    _refuse_unknown_keep_list(eng, plan)
    wanted = plan.files or plan.records
    if wanted and not args.yes and not args.dry_run and not _confirm(ctx, eng, plan, mode):
        ctx.note("Nothing was removed.")
        return EXIT_PARTIAL
    return _report(ctx, args, plan, _clean(eng, ctx, plan, mode, args.dry_run))


def _refuse_unknown_keep_list(eng: _Engine, plan: Plan) -> None:
    """A cookie clean needs the keep-list: when it could not be read, nothing is removed."""
    from onecleaner.engine.records.summary import uses_keep_list

    ids = [t.target_id for t in plan.targets if t.records]
    if eng.keep_list_unknown and uses_keep_list(ids, eng.catalog):
        raise UsageError(
            "your cookie keep-list could not be read (see the note above), so a cookie clean "
            "would sign you out of every site. Fix or restore the settings file and check the "
            "list with 'onecleaner cookies keep', then clean again. Nothing was removed."
        )


def _report(ctx: CliContext, args: argparse.Namespace, plan: Plan, result: CleanResult) -> int:
    """Record the clean in the history (if consented), print it, and give its exit code."""
    from onecleaner.app.report import clean_report, unique_skips

    skipped = unique_skips(plan.skipped, result.skipped)
    # The scan's skips count too: the user saw them as part of this clean.
    _record(ctx, "clean", {**result.activity(), "skipped": len(skipped)})
    _emit(
        ctx,
        clean_report(result, plan.skipped) if args.json else output.result_lines(result, skipped),
    )
    return EXIT_PARTIAL if skipped or result.cancelled else EXIT_OK


def requested_mode(args: argparse.Namespace) -> DeleteMode | None:
    """The delete mode asked for on the command line (`--trash`, `--permanent`), if any."""
    if args.trash:
        return DeleteMode.TRASH
    if args.permanent:
        return DeleteMode.PERMANENT
    return None


def _load_plan(eng: _Engine, ctx: CliContext, path: str) -> Plan:
    from onecleaner.engine.planfile import load_plan

    try:
        return load_plan(path, catalog=eng.catalog, env=eng.env, data_dir=ctx.data_dir)
    except PlanFileError as exc:
        raise UsageError(str(exc)) from exc


def _confirm(ctx: CliContext, eng: _Engine, plan: Plan, mode: DeleteMode) -> bool:
    """Say what the clean removes and what of it is not a cache, then ask."""
    from onecleaner.engine.records.summary import record_summary

    records = output.records_confirmation(record_summary(plan, eng.catalog), mode)
    ctx.note(output.confirmation_lines(plan, mode, _not_caches(eng, plan), records))
    return ctx.confirm("Proceed?")


def _not_caches(eng: _Engine, plan: Plan) -> list[output.RiskyTarget]:
    """The targets with files or records to remove that are not safe caches (unknown ones
    count too)."""
    risky = []
    for tp in plan.targets:
        if not (tp.files or tp.records):
            continue
        try:
            target = eng.catalog.target(tp.target_id)
        except EngineError:  # not in this catalog: never call it a cache
            risky.append(output.RiskyTarget(tp.target_id, tp.target_id, None, ""))
            continue
        if target.risk is not Risk.SAFE:
            name = _name(eng.catalog, target)
            risky.append(output.RiskyTarget(target.id, name, target.risk, target.description))
    return risky


def _clean(
    eng: _Engine, ctx: CliContext, plan: Plan, mode: DeleteMode, dry_run: bool
) -> CleanResult:
    from onecleaner.engine.clean import clean

    progress = output.ProgressLine(ctx.stderr)
    with _cancel_on_interrupt(ctx) as cancel:
        try:
            return clean(
                plan,
                eng.env,
                catalog=eng.catalog,
                mode=mode,
                dry_run=dry_run,
                probe=eng.probe(),
                progress=progress,
                cancel=cancel,
                never_touch=eng.policy.never_touch,
                keep_domains=eng.keep_domains,
            )
        finally:
            progress.clear()


# -- shared helpers ----------------------------------------------------------------------------


def _emit(ctx: CliContext, report: dict[str, Any] | list[str]) -> None:
    """Print a report: JSON on stdout, or the human lines."""
    if isinstance(report, dict):
        ctx.out(json.dumps(report, indent=2))
        return
    for line in report:
        ctx.out(line)


def _record(ctx: CliContext, kind: str, summary: Mapping[str, object]) -> None:
    """Hand the activity to the privacy journal (which keeps it only with the user's consent)."""
    try:
        from onecleaner.privacy.service import PrivacyService
    except ImportError:
        return  # no privacy module in this build: nothing to record, nothing to say
    try:
        PrivacyService(ctx.data_dir).record_activity(kind, summary)
    except Exception as exc:  # the history must never break cleaning; say it in one line
        ctx.note(f"onecleaner: note: the activity history was not updated: {exc}")


def _lower_priority(ctx: CliContext) -> None:
    try:
        from onecleaner.engine.processes import lower_priority

        lower_priority()
    except Exception as exc:  # a refused renice is not a reason to stop
        ctx.note(f"onecleaner: note: could not lower the priority: {exc}")


@contextlib.contextmanager
def _cancel_on_interrupt(ctx: CliContext) -> Iterator[threading.Event]:
    """A cancel flag the first Ctrl-C sets (the engine stops between files); a second one aborts."""
    cancel = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield cancel
        return

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        ctx.note("\nonecleaner: stopping after the current file (Ctrl-C again to abort)...")

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)
