"""Human output of the engine commands: sizes, tables, progress on a terminal, summaries."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from onecleaner.app.printable import printable_path, printable_text
from onecleaner.engine.model import CleanResult, DeleteMode, Phase, Plan, Progress, Risk, Skip
from onecleaner.engine.records.summary import RecordSummary
from onecleaner.units import human_size

#: How many skipped items a human summary shows before pointing at --json.
SKIPS_SHOWN = 5


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 file`, `2 files` (with thousands separators)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()
) -> list[str]:
    """Rows aligned in columns under their headers; `right` columns (numbers) right-aligned."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = []
    last = len(headers) - 1
    for row in (headers, *rows):
        cells = [
            cell.rjust(widths[i]) if i in right else (cell if i == last else cell.ljust(widths[i]))
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def skipped_summary(skipped: Sequence[Skip], *, shown: int = SKIPS_SHOWN) -> list[str]:
    """The skipped count, the first few items with their reasons, and how to see them all."""
    if not skipped:
        return []
    lines = [f"Skipped: {plural(len(skipped), 'item')}"]
    for skip in skipped[:shown]:
        lines.append(f"  {printable_path(skip.path)}: {printable_text(str(skip.reason))}")
    if len(skipped) > shown:
        lines.append(f"  ... and {len(skipped) - shown:,} more (pass --json to see every item)")
    return lines


def disk_free_lines(before: Mapping[str, int], after: Mapping[str, int]) -> list[str]:
    """One line per disk: free space before and after the clean."""
    lines = []
    for mount in sorted(set(before) | set(after)):
        b = before.get(mount)
        a = after.get(mount)
        left = human_size(b) if b is not None else "?"
        right = human_size(a) if a is not None else "?"
        lines.append(f"Free on {printable_path(mount)}: {left} before, {right} after")
    return lines


class ProgressLine:
    """Engine progress as one line on stderr, rewritten with \\r and throttled.

    Silent unless the stream is a terminal: piped or captured output never carries progress.
    """

    def __init__(self, stream: TextIO, *, interval: float = 0.1, enabled: bool | None = None):
        self._stream = stream
        self._interval = interval
        self._enabled = _is_terminal(stream) if enabled is None else enabled
        self._last = -float("inf")  # the first report is always shown
        self._shown = False

    @property
    def enabled(self) -> bool:
        return self._enabled

    def __call__(self, progress: Progress) -> None:
        # The end of a scan or clean is not shown: the line is cleared for the summary (or the
        # question) at once, and a scan's end read "Cleaning: 0" before the confirmation.
        if not self._enabled or progress.phase is Phase.DONE:
            return
        now = time.monotonic()
        if now - self._last < self._interval:
            return
        self._last = now
        self._write(self.describe(progress))

    @staticmethod
    def describe(progress: Progress) -> str:
        """The words of one progress line (without the current path)."""
        if progress.phase is Phase.SCAN:
            head = f"Scanning: {plural(progress.files, 'file')}, {human_size(progress.bytes)}"
        elif progress.phase is Phase.PRUNE:
            head = "Removing emptied folders"
        else:
            count = f"{progress.done:,}"
            if progress.total:
                count += f"/{progress.total:,}"
            head = f"Cleaning: {count}, {human_size(progress.bytes)} freed"
        if progress.current:
            head += f"  {printable_path(progress.current)}"
        return head

    def _write(self, text: str) -> None:
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        if len(text) > width:
            text = text[: width - 3] + "..."
        self._stream.write("\r" + text.ljust(width))
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the progress line so that the summary starts on a clean line."""
        if self._shown:
            width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
            self._stream.write("\r" + " " * width + "\r")
            self._stream.flush()
            self._shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):  # a closed or exotic stream
        return False


# -- the reports of list, scan and clean ----------------------------------------------------


def list_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The human `list`: the JSON rows as an aligned table."""
    return table(
        ("ID", "RISK", "QUICK", "PRESENT", "NAME", "DESCRIPTION"),
        [
            (
                str(r["id"]),
                str(r["risk"]),
                "yes" if r["quick"] else "-",
                "yes" if r["present"] else "-",
                str(r["name"]),
                str(r["description"]),
            )
            for r in rows
        ],
    )


def _what(files: int, records: int) -> str:
    """`3 files`, `12 records` or `3 files and 12 records` (records only when there are some)."""
    if records and not files:
        return plural(records, "record")
    if records:
        return f"{plural(files, 'file')} and {plural(records, 'record')}"
    return plural(files, "file")


def plan_lines(plan: Plan, saved: str | None) -> list[str]:
    """The human report of a scan: a table per target, the total, the skips, what to do next."""
    rows: list[tuple[str, ...]] = [
        (t.target_id, f"{t.files:,}", human_size(t.bytes), f"{len(t.skipped):,}")
        for t in plan.targets
    ]
    lines = table(("TARGET", "FILES", "SIZE", "SKIPPED"), rows, right=(1, 2, 3))
    if plan.records:  # browser traces: rows of databases, counted apart from files
        counts = (f"{t.records:,}" for t in plan.targets)
        rows = [(r[0], r[1], n, *r[2:]) for r, n in zip(rows, counts, strict=False)]
        lines = table(("TARGET", "FILES", "RECORDS", "SIZE", "SKIPPED"), rows, right=(1, 2, 3, 4))
    lines.append("")
    if plan.cancelled:
        lines.append("The scan was interrupted: these figures are incomplete.")
    lines.append(
        f"A clean would remove {_what(plan.files, plan.records)} "
        f"and free {human_size(plan.bytes)}."
    )
    lines += skipped_summary(plan.skipped)
    if saved:
        shown = printable_path(saved)
        lines.append(f"Plan saved to {shown}; run 'onecleaner clean --plan {shown}' to clean it.")
    elif plan.files or plan.records:
        ids = " ".join(t.target_id for t in plan.targets if t.files or t.records)
        lines.append(f"Run 'onecleaner clean {ids}' to remove them.")
    return lines


@dataclass(frozen=True)
class RiskyTarget:
    """A target of a clean that is not a safe cache, as the confirmation names it."""

    id: str
    name: str
    risk: Risk | None  # None: a target the catalog does not know
    description: str


def confirmation_lines(
    plan: Plan, mode: DeleteMode, risky: Sequence[RiskyTarget], records: Sequence[str] = ()
) -> str:
    """The words before "Proceed?": how much goes where (`records`: the lines of the browser
    traces), and what of it nothing rebuilds."""
    how = "move to the trash" if mode is DeleteMode.TRASH else "permanently delete"
    lines = []
    if plan.files:
        ids = ", ".join(t.target_id for t in plan.targets if t.files)
        size = human_size(sum(t.bytes for t in plan.targets if t.files))
        lines.append(f"This will {how} {plural(plan.files, 'file')} ({size}) from: {ids}.")
    lines += records
    if not risky:
        lines.append("These are caches: their programs rebuild them when needed.")
        return "\n".join(lines)
    lines.append("Not caches: nothing rebuilds these, and you lose what they hold:")
    for t in risky:
        risk = t.risk.value if t.risk is not None else "unknown risk"
        what = f": {t.description}" if t.description else ""
        lines.append(f"  {t.id} ({t.name}, {risk}){what}")
    if mode is DeleteMode.TRASH:
        lines.append("They stay in the trash until you empty it.")
    else:
        lines.append("Deleted permanently, they cannot be restored.")
    return "\n".join(lines)


def result_lines(result: CleanResult, skipped: Sequence[Skip]) -> list[str]:
    """The human report of a clean: per target, the total, the skips, the disks' free space."""
    trash = result.mode is DeleteMode.TRASH
    rows = [
        (
            t.target_id,
            f"{t.removed + t.records:,}",
            # In trash mode files free nothing yet; a record target's vacuum frees for real.
            human_size(t.trashed_bytes + t.freed if trash else t.freed),
        )
        for t in result.targets
    ]
    if result.dry_run and trash:
        head = ("TARGET", "WOULD MOVE", "SIZE")
    elif result.dry_run:
        head = ("TARGET", "WOULD REMOVE", "WOULD FREE")
    elif trash:
        head = ("TARGET", "MOVED TO TRASH", "SIZE")
    else:
        head = ("TARGET", "REMOVED", "FREED")
    lines = table(head, rows, right=(1, 2))
    lines.append("")
    if result.cancelled:
        lines.append("The clean was interrupted: what is counted here was removed, nothing else.")
    files = plural(result.files, "file")
    records = plural(result.records, "record")
    if result.dry_run and trash:
        also = f" and remove {records}" if result.records else ""
        lines.append(f"Dry run: nothing was moved. A clean would move {files} "
                     f"({human_size(result.trashed_bytes)}) to the trash{also}.")  # fmt: skip
    elif result.dry_run:
        lines.append(f"Dry run: nothing was removed. A clean would remove "
                     f"{_what(result.files, result.records)}, "
                     f"freeing {human_size(result.bytes)}.")  # fmt: skip
    elif trash:
        lines.append(
            f"Moved {files} ({human_size(result.trashed_bytes)}) to the trash; the space is "
            "freed when you empty the trash."
        )
        if result.records:
            lines.append(f"Removed {records}, freed {human_size(result.bytes)} (a copy of each "
                         "database is in the trash).")  # fmt: skip
    else:
        lines.append(f"Removed {_what(result.files, result.records)}, "
                     f"freed {human_size(result.bytes)}.")  # fmt: skip
    lines += skipped_summary(skipped)
    lines += disk_free_lines(result.disk_free_before, result.disk_free_after)
    return lines


def records_confirmation(summary: RecordSummary, mode: DeleteMode) -> list[str]:
    """What a clean of browser traces will do, before the user says yes: the browsers, the
    record count, the copy in the trash, and whose cookies stay."""
    if not summary:
        return []
    lines = [
        f"This will remove {plural(summary.records, 'record')} from the databases of "
        f"{', '.join(summary.browsers)} ({', '.join(summary.targets)})."
    ]
    if mode is DeleteMode.TRASH:
        lines.append("  A copy of each database goes to the trash first.")
    if summary.cookies:
        if summary.kept:
            lines.append(f"  Cookies kept for: {', '.join(summary.kept)}.")
            lines.append("  You will be signed out of every other site.")
        else:
            lines.append(
                "  Your cookie keep-list is empty: you will be signed out of every site "
                "('onecleaner cookies keep add DOMAIN' keeps one)."
            )
    return lines
