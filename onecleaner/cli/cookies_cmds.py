"""`onecleaner cookies ...`: the cookie keep-list and suggestions for it.

    onecleaner cookies keep [--json]          -> {"keep": [...]}
    onecleaner cookies keep add DOMAIN...     (a malformed domain: exit 2, nothing saved)
    onecleaner cookies keep remove DOMAIN...  (one not on the list: said, exit 1)
    onecleaner cookies suggest [--json]       -> {"suggestions": [{"domain", "why",
                                                  "browsers", "kept"}]}

A kept domain keeps its own cookies and its subdomains' (example.org keeps www.example.org),
in every browser's cookie target.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from onecleaner.cli import output
from onecleaner.cli.context import CliContext, UsageError

if TYPE_CHECKING:
    from onecleaner.settings import Settings

EXIT_OK = 0
EXIT_PARTIAL = 1

_WHY_WORDS = {"login": "saved login", "bookmark": "bookmark"}


def register(sub: Any) -> None:
    """Register `cookies` and its subcommands."""
    p = sub.add_parser(
        "cookies",
        help="the cookie keep-list: domains a cookie clean keeps you signed in to",
        description="A cookie clean (e.g. 'onecleaner clean firefox.cookies') removes every "
        "cookie except those of the domains on this list and their subdomains.",
    )
    p.set_defaults(func=_help(p))
    cs = p.add_subparsers(dest="cookies_command", metavar="SUBCOMMAND", parser_class=type(p))

    keep = cs.add_parser("keep", help="show the keep-list, or add/remove domains")
    keep.add_argument("--json", action="store_true", help='print {"keep": [...]}')
    keep.set_defaults(func=run_keep_show)
    ks = keep.add_subparsers(dest="keep_command", metavar="ACTION", parser_class=type(p))
    add = ks.add_parser("add", help="keep the cookies of these domains (and their subdomains)")
    add.add_argument("domains", nargs="+", metavar="DOMAIN", help="e.g. example.org")
    add.add_argument("--json", action="store_true", help="print the list after the change")
    add.set_defaults(func=run_keep_add)
    remove = ks.add_parser("remove", help="stop keeping the cookies of these domains")
    remove.add_argument("domains", nargs="+", metavar="DOMAIN")
    remove.add_argument("--json", action="store_true", help="print the list after the change")
    remove.set_defaults(func=run_keep_remove)

    suggest = cs.add_parser(
        "suggest", help="domains you bookmarked or have a saved login for, in your browsers"
    )
    suggest.add_argument("--json", action="store_true", help='print {"suggestions": [...]}')
    suggest.set_defaults(func=run_suggest)


def _help(parser: argparse.ArgumentParser) -> Any:
    def show(args: argparse.Namespace, ctx: CliContext) -> int:
        parser.print_help(ctx.stdout)
        return EXIT_OK

    return show


def _domains(values: list[str]) -> list[str]:
    """The domains typed, normalized; UsageError naming the first malformed one."""
    from onecleaner.engine.records.domains import DomainError, normalize_domain

    out: list[str] = []
    for value in values:
        try:
            out.append(normalize_domain(value))
        except DomainError as exc:
            raise UsageError(f"not a domain to keep: {exc}. Nothing was changed.") from exc
    return out


def _load(ctx: CliContext) -> Any:
    from onecleaner.settings import keep_list_unknown, load_settings

    settings, warning = load_settings(ctx.data_dir)
    if warning:
        ctx.note(f"onecleaner: note: {warning}")
    if keep_list_unknown(warning):
        raise UsageError(
            "the settings file could not be read, so the keep-list is unknown; nothing was changed"
        )
    return settings


def _print_list(ctx: CliContext, keep: tuple[str, ...], as_json: bool) -> None:
    if as_json:
        ctx.out(json.dumps({"keep": list(keep)}, indent=2))
    elif keep:
        ctx.out("Cookies of these domains (and their subdomains) are kept:")
        for domain in keep:
            ctx.out(f"  {domain}")
    else:
        ctx.out(
            "Your cookie keep-list is empty: a cookie clean signs you out of every site.\n"
            "Add a domain with 'onecleaner cookies keep add example.org'; "
            "'onecleaner cookies suggest' lists candidates."
        )


def run_keep_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from onecleaner.settings import load_settings

    settings, warning = load_settings(ctx.data_dir)
    if warning:
        ctx.note(f"onecleaner: note: {warning}")
    _print_list(ctx, settings.cookie_keep_list, args.json)
    return EXIT_OK


def run_keep_add(args: argparse.Namespace, ctx: CliContext) -> int:
    wanted = _domains(args.domains)
    before = _change_keep_list(ctx, lambda keep: (*keep, *wanted))
    keep = tuple(dict.fromkeys((*before, *wanted)))
    already = [d for d in wanted if d in before]
    if args.json:
        _print_list(ctx, keep, True)
    else:
        added = [d for d in dict.fromkeys(wanted) if d not in already]
        if added:
            ctx.out(f"Kept from now on: {', '.join(added)}.")
        if already:
            ctx.out(f"Already on the keep-list: {', '.join(already)}.")
    return EXIT_OK


def run_keep_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    wanted = _domains(args.domains)
    before = _change_keep_list(ctx, lambda keep: (d for d in keep if d not in wanted))
    keep = tuple(d for d in before if d not in wanted)
    missing = [d for d in dict.fromkeys(wanted) if d not in before]
    if args.json:
        _print_list(ctx, keep, True)
    else:
        removed = [d for d in dict.fromkeys(wanted) if d not in missing]
        if removed:
            ctx.out(f"No longer kept: {', '.join(removed)}.")
    for domain in missing:
        ctx.error(f"{domain} is not on the keep-list; nothing to remove")
    return EXIT_PARTIAL if missing else EXIT_OK


def _change_keep_list(
    ctx: CliContext, change: Callable[[tuple[str, ...]], Iterable[str]]
) -> tuple[str, ...]:
    """Change the stored keep-list under the data folder's lock (another process's change of
    the settings in the meantime is kept); returns the list as it was just before."""
    from onecleaner.settings import update_settings

    _load(ctx)  # refuses (exit 2) when the saved keep-list cannot be read
    before: list[tuple[str, ...]] = []

    def apply(settings: Settings) -> Settings:
        before.append(settings.cookie_keep_list)
        keep = tuple(dict.fromkeys(change(settings.cookie_keep_list)))
        return dataclasses.replace(settings, cookie_keep_list=keep)

    update_settings(ctx.data_dir, apply)
    return before[-1]


def run_suggest(args: argparse.Namespace, ctx: CliContext) -> int:
    from onecleaner.engine.catalog import load_catalog
    from onecleaner.engine.env import Environment
    from onecleaner.engine.errors import EngineError
    from onecleaner.engine.guard import Guard
    from onecleaner.engine.records.suggest import suggest_domains
    from onecleaner.settings import load_settings

    settings, warning = load_settings(ctx.data_dir)
    if warning:
        ctx.note(f"onecleaner: note: {warning}")
    try:
        catalog = load_catalog()
    except EngineError as exc:
        raise UsageError(f"the cleaner catalog cannot be loaded: {exc}") from exc
    env = Environment.current()
    suggestions, unread = suggest_domains(
        catalog, env, Guard.for_env(env, ctx.data_dir), settings.cookie_keep_list
    )
    for item in unread:
        ctx.note(f"onecleaner: note: could not read {item.browser}'s {item.path}: {item.error}")
    if args.json:
        doc = {"suggestions": [dataclasses.asdict(s) for s in suggestions]}
        ctx.out(json.dumps(doc, indent=2))
        return EXIT_PARTIAL if unread else EXIT_OK
    if not suggestions:
        ctx.out("No bookmarks or saved logins were found in your browsers.")
        return EXIT_PARTIAL if unread else EXIT_OK
    rows = [
        (
            s.domain,
            ", ".join(_WHY_WORDS[w] for w in s.why),
            ", ".join(s.browsers),
            "yes" if s.kept else "-",
        )
        for s in suggestions
    ]
    for line in output.table(("DOMAIN", "WHY", "BROWSERS", "KEPT"), rows):
        ctx.out(line)
    ctx.out("")
    ctx.out("Keep one with 'onecleaner cookies keep add DOMAIN'.")
    return EXIT_PARTIAL if unread else EXIT_OK
