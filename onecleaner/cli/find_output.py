"""Human output of `usage` and `find`: the usage tree with bars, the finders' ticked lists."""

from __future__ import annotations

import os
import time

from onecleaner.app.printable import printable_path
from onecleaner.cli import output
from onecleaner.engine.finders.found import UNTICKED_TEXT, Candidate, FinderKind, Findings, Why
from onecleaner.engine.finders.usage import UsageMap, UsageNode
from onecleaner.engine.model import DeleteMode
from onecleaner.units import human_size

SHOWN_PER_FOLDER = 20  # subfolders of one folder in the human usage tree
BAR_WIDTH = 20
_WHY_TEXT = {
    Why.LARGE: "",
    Why.OLD: "",
    Why.INSTALLER: "installer or disk image",
    Why.ARTEFACT: "",
}


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
                human_size(node.bytes),
                f"{share * 100:.1f}%",
                bar(share, unicode=unicode),
                f"{node.files:,}",
                "  " * depth + printable_path(name) + mark,
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
                    human_size(size),
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
        f"{printable_path(found.path)}: {human_size(found.bytes)} in "
        f"{output.plural(found.files, 'file')} (allocated space, hard links once; shares are "
        "of the folder above)."
    )
    lines += output.skipped_summary(found.skipped)
    return lines


def when(stamp: float, now: float) -> str:
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
    folders = ", ".join(printable_path(f) for f in found.folders) or "(no folder)"
    lines = [f"{title} in {folders}:"]
    if not found.candidates:
        lines.append("  nothing found")
    elif found.kind is FinderKind.ARTEFACTS:
        lines += _artefact_lines(found, now)
    else:
        rows = [
            (
                "[x]" if c.ticked else "[ ]",
                human_size(c.bytes),
                when(c.last_used, now).split(" ")[0],
                printable_path(c.path) + _note(c),
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
        f"{human_size(sum(c.bytes for c in ticked))} (a clean would have them {how})."
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
                f"  {printable_path(project)}  (last change {when(c.last_used, now)})"
            )
        lines.append(
            f"    {'[x]' if c.ticked else '[ ]'} {human_size(c.bytes):>10}  "
            f"{output.plural(c.files, 'file'):>12}  "
            f"{printable_path(os.path.relpath(c.path, project))}{_note(c)}"
        )
    return lines
