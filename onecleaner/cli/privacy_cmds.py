"""`onecleaner privacy ...`: status, consent, profile, log, export, forget, notice.

The command names, options and JSON shapes are a contract other tools drive (issue 3 item 10).
Bad input (unknown purpose, malformed e-mail or phone, unreadable file) is a message, exit 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onecleaner.cli import privacy_output as out
from onecleaner.cli.context import CliContext, UsageError
from onecleaner.privacy.consent import Way, parse_purpose
from onecleaner.privacy.errors import CollectionStopped, ExportFailed, PrivacyError
from onecleaner.privacy.export import jsonable
from onecleaner.privacy.notice import NoticeRejected, NoticeState
from onecleaner.privacy.profile import InvalidProfileValue, ProfileUnreadable
from onecleaner.privacy.service import PrivacyService

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace, CliContext], int]


def register(sub: Any) -> None:
    """Register `privacy` and its subcommands."""
    p = sub.add_parser("privacy", help="your data: consent, profile, journal, export, forget")
    p.set_defaults(func=_with_service(_help(p)))
    ps = p.add_subparsers(dest="privacy_command", metavar="SUBCOMMAND")

    status = ps.add_parser("status", help="where data lives, keys, consent, journal, notice")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=_with_service(_status))

    consent = ps.add_parser("consent", help="show, grant or withdraw consent per purpose")
    consent.add_argument("--json", action="store_true", help="machine-readable output")
    consent.set_defaults(func=_with_service(_consent_show))
    cs = consent.add_subparsers(dest="consent_command", metavar="ACTION")
    grant = cs.add_parser("grant", help="allow a purpose (history, diagnostics, usage)")
    grant.add_argument("purpose", metavar="PURPOSE")
    grant.set_defaults(func=_with_service(_consent_grant))
    withdraw = cs.add_parser("withdraw", help="withdraw a purpose and erase what it collected")
    withdraw.add_argument("purpose", metavar="PURPOSE")
    withdraw.set_defaults(func=_with_service(_consent_withdraw))

    profile = ps.add_parser("profile", help="the optional registration (shown masked)")
    profile.add_argument("--json", action="store_true", help="machine-readable output")
    profile.set_defaults(func=_with_service(_profile_show))
    prs = profile.add_subparsers(dest="profile_command", metavar="ACTION")
    pset = prs.add_parser("set", help="set the e-mail and/or phone (stored encrypted)")
    pset.add_argument("--email", metavar="E", help="e-mail address ('' removes it)")
    pset.add_argument("--phone", metavar="P", help="phone number, E.164 or Chinese mobile")
    pset.set_defaults(func=_with_service(_profile_set))
    pdel = prs.add_parser("delete", help="erase the profile and destroy its key")
    pdel.set_defaults(func=_with_service(_profile_delete))

    log = ps.add_parser("log", help="the encrypted activity journal")
    log.add_argument("--json", action="store_true", help="machine-readable output")
    log.add_argument("--limit", type=_positive, metavar="N", help="only the latest N records")
    log.set_defaults(func=_with_service(_log_show))
    ls = log.add_subparsers(dest="log_command", metavar="ACTION")
    lverify = ls.add_parser("verify", help="check that no record was changed, removed or cut")
    lverify.set_defaults(func=_with_service(_log_verify))
    lexport = ls.add_parser("export", help="write the journal, decrypted, to FILE")
    lexport.add_argument("file", metavar="FILE", type=Path)
    lexport.set_defaults(func=_with_service(_log_export))

    export = ps.add_parser("export", help="write everything the app holds about you to FILE")
    export.add_argument("file", metavar="FILE", type=Path)
    export.set_defaults(func=_with_service(_export))

    forget = ps.add_parser("forget", help="erase everything the app holds about you")
    forget.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    forget.set_defaults(func=_with_service(_forget))

    notice = ps.add_parser("notice", help="the end-of-service notice, if one was installed")
    notice.add_argument("--json", action="store_true", help="machine-readable output")
    notice.set_defaults(func=_with_service(_notice_show))
    ns = notice.add_subparsers(dest="notice_command", metavar="ACTION")
    ninstall = ns.add_parser("install", help="verify and install a signed notice FILE")
    ninstall.add_argument("file", metavar="FILE", type=Path)
    ninstall.set_defaults(func=_with_service(_notice_install))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


ServiceHandler = Callable[[argparse.Namespace, CliContext, PrivacyService], int]


def _with_service(handler: ServiceHandler) -> Handler:
    """Run a handler with a service; typed errors become messages, warnings go to stderr."""

    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        try:
            service = PrivacyService(ctx.data_dir)
        except PrivacyError as exc:
            ctx.error(str(exc))
            return EXIT_PARTIAL
        try:
            code = handler(args, ctx, service)
        except (
            UsageError,
            InvalidProfileValue,
            NoticeRejected,
            CollectionStopped,
            ExportFailed,
        ) as exc:
            _warnings(ctx, service)
            raise UsageError(str(exc)) from exc
        except PrivacyError as exc:
            _warnings(ctx, service)
            ctx.error(str(exc))
            return EXIT_PARTIAL
        _warnings(ctx, service)
        return code

    return run


def _warnings(ctx: CliContext, service: PrivacyService) -> None:
    for message in service.warnings:
        ctx.note(f"onecleaner: warning: {message}")
    service.warnings.clear()


def _emit_json(ctx: CliContext, obj: Any) -> None:
    ctx.out(json.dumps(jsonable(obj), indent=2, ensure_ascii=False))


def _help(parser: argparse.ArgumentParser) -> ServiceHandler:
    def show(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
        parser.print_help(ctx.stderr)
        return EXIT_USAGE

    return show


# -- status and consent ----------------------------------------------------------------------


def _status(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    status = service.status()
    if args.json:
        _emit_json(ctx, out.status_json(service, status))
        return EXIT_OK
    keys = status.keys
    ctx.out(f"Data folder:   {status.data_dir}")
    backend = f" ({keys.backend})" if keys.backend != keys.store else ""
    where = f"{keys.store}{backend} at {keys.location}"
    ctx.out(f"Key store:     {where}" + (f" - {keys.note}" if keys.note else ""))
    ctx.out(f"Policy:        version {status.policy_version}")
    ctx.out("Consent:")
    for s in status.consent:
        ctx.out(out.consent_line(s))
    profile = {
        "none": "none (registration is optional)",
        "set": "set (shown masked by `onecleaner privacy profile`)",
        "unreadable": "could not be read",
    }
    ctx.out(f"Profile:       {profile[status.profile]}")
    ctx.out(f"Journal:       {out.journal_text(status)}")
    ctx.out(f"Service:       {out.notice_text(status.notice_state, status.notice)}")
    return EXIT_OK


def _consent_show(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    statuses = service.consent()
    if args.json:
        _emit_json(ctx, out.consent_json(service, statuses))
        return EXIT_OK
    ctx.out(f"Privacy policy version {service.policy.version}. Cleaning works whatever you choose.")
    for s in statuses:
        ctx.out(out.consent_line(s))
        ctx.out(f"      {s.purpose.description}")
    return EXIT_OK


def _purpose(text: str) -> Any:
    try:
        return parse_purpose(text)
    except PrivacyError as exc:
        raise UsageError(str(exc)) from None


def _consent_grant(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    purpose = _purpose(args.purpose)
    record = service.grant(purpose, Way.CLI)
    ctx.out(
        f"Granted '{purpose.value}' under privacy policy version {record.policy_version}. "
        f"Withdraw it any time: onecleaner privacy consent withdraw {purpose.value}"
    )
    return EXIT_OK


def _consent_withdraw(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    purpose = _purpose(args.purpose)
    erased = service.withdraw(purpose, Way.CLI)
    ctx.out(f"Withdrew '{purpose.value}'.")
    ctx.out(f"Erased: {'; '.join(erased)}." if erased else "Nothing had been collected for it.")
    return EXIT_OK


# -- profile ---------------------------------------------------------------------------------


def _profile_show(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    try:
        profile = service.profile()
    except ProfileUnreadable as exc:
        if args.json:
            _emit_json(
                ctx,
                {
                    "email": None,
                    "phone": None,
                    "updated_at": None,
                    "readable": False,
                    "error": str(exc),
                },
            )
        ctx.error(f"{exc}. `onecleaner privacy profile delete` removes it.")
        return EXIT_PARTIAL
    masked = {"email": None, "phone": None} if profile is None else profile.masked()
    if args.json:
        updated = None if profile is None else profile.updated_at
        _emit_json(ctx, {**masked, "updated_at": updated, "readable": True})
        return EXIT_OK
    if profile is None or profile.empty:
        ctx.out("No profile: registration is optional and nothing was given.")
        return EXIT_OK
    ctx.out(f"E-mail: {masked['email'] or '-'}")
    ctx.out(f"Phone:  {masked['phone'] or '-'}")
    return EXIT_OK


def _profile_set(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    if args.email is None and args.phone is None:
        raise UsageError("give --email E and/or --phone P")
    profile = service.set_profile(email=args.email, phone=args.phone)
    masked = profile.masked()
    email, phone = masked["email"] or "-", masked["phone"] or "-"
    ctx.out(f"Profile saved, encrypted: e-mail {email}, phone {phone}.")
    return EXIT_OK


def _profile_delete(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    if service.delete_profile():
        ctx.out("Profile deleted and its key destroyed.")
    else:
        ctx.out("There was no profile.")
    return EXIT_OK


# -- journal, export, forget -----------------------------------------------------------------


def _log_show(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    records = service.log_records(args.limit)
    if args.json:
        _emit_json(ctx, {"records": records})
        return EXIT_OK
    if not records:
        ctx.out("The journal is empty (scans and cleans are kept only with 'history' consent).")
    for rec in records:
        when = jsonable(getattr(rec, "at", ""))
        purpose = getattr(rec, "purpose", "")
        ctx.out(f"{getattr(rec, 'seq', ''):>6}  {when}  {purpose:<11}  {getattr(rec, 'text', '')}")
    return EXIT_OK


def _log_verify(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    report = service.verify_log()
    if report.ok:
        ctx.out(f"The journal is intact: {report.records} record(s) verified.")
        return EXIT_OK
    where = f" at record {report.bad_seq}" if report.bad_seq is not None else ""
    ctx.error(f"the journal failed verification{where} ({report.kind}): {report.problem}")
    return EXIT_PARTIAL


def _readable_target(path: Path) -> Path:
    if path.is_dir():
        raise UsageError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise UsageError(f"cannot write {path}: the folder {path.parent} does not exist")
    return path


def _log_export(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    try:
        count = service.export_log(_readable_target(args.file))
    except OSError as exc:
        raise UsageError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    ctx.out(f"Exported {count} journal record(s), decrypted, to {args.file}.")
    return EXIT_OK


def _export(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    try:
        service.export_all(_readable_target(args.file))
    except OSError as exc:
        raise UsageError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    ctx.out(
        f"Wrote everything ONE Cleaner holds about you to {args.file} "
        "(decrypted, readable only by you: keep it safe)."
    )
    return EXIT_OK


def _forget(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    if not args.yes:
        if not ctx.interactive:
            raise UsageError(
                "refusing to erase your data without confirmation: there is no terminal to ask "
                "on. Run `onecleaner privacy forget --yes` to do it."
            )
        question = (
            "Erase your profile, journal, consent history, identifiers, settings, log files "
            "and keys from this device? This cannot be undone."
        )
        if not ctx.confirm(question):
            ctx.out("Nothing was erased.")
            return EXIT_PARTIAL
    done = service.forget()
    ctx.out(f"Erased: {', '.join(done)}. ONE Cleaner now runs on its defaults.")
    return EXIT_OK


# -- notice ----------------------------------------------------------------------------------


def _notice_show(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    notice = service.notice()
    state = NoticeState.NONE if notice is None else notice.state_at(service.clock())
    receipt = service.notice_receipt()
    if args.json:
        _emit_json(
            ctx,
            {
                "state": state.value,
                "notice": None if notice is None else notice.to_json(),
                "receipt": receipt,
            },
        )
        return EXIT_OK
    ctx.out(f"Service: {out.notice_text(state, notice)}")
    if notice is not None:
        language = out.language(service)
        ctx.out("")
        ctx.out(notice.title_in(language))
        ctx.out(notice.body_in(language))
        ctx.out(f"Contact: {notice.contact}")
    if receipt is not None:
        ctx.out(f"Deleted on {receipt.get('deleted_at')}: {', '.join(receipt.get('deleted', []))}")
    return EXIT_OK


def _notice_install(args: argparse.Namespace, ctx: CliContext, service: PrivacyService) -> int:
    notice = service.install_notice(args.file)
    state = notice.state_at(service.clock())
    ctx.out(f"Installed notice '{notice.notice_id}' (seq {notice.seq}).")
    ctx.out(f"Service: {out.notice_text(state, notice)}")
    if state is NoticeState.PAST_DEADLINE:
        ctx.out("Your personal information will be deleted when ONE Cleaner next starts.")
    return EXIT_OK
