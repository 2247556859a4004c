"""The questions the window asks: confirm a clean, what to do with running apps, where to save.

The window talks to a `Dialogs` object, never to QMessageBox directly, so tests swap in one that
answers at once instead of a modal that would block them.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from onecleaner.engine.finders import FinderKind
from onecleaner.engine.model import DeleteMode, Risk
from onecleaner.engine.records.summary import RecordSummary
from onecleaner.gui.catalog_text import catalog_text
from onecleaner.gui.i18n import list_text
from onecleaner.gui.pages.clean.models import risk_label
from onecleaner.gui.trace_text import kept_domains_text
from onecleaner.gui.units import human_size


def _tr(text: str) -> str:
    return QCoreApplication.translate("confirm", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("confirm", text, None, n)


class RunningChoice(enum.Enum):
    """What to do about running applications whose files a clean would touch."""

    SKIP = "skip"  # clean the rest; their files stay (the engine skips them)
    CLOSE = "close"  # close them politely, scan again, then clean
    CANCEL = "cancel"


@dataclass(frozen=True)
class RiskyItem:
    """A care or privacy item of a clean: its label and description as the catalog has them
    (English), translated when shown."""

    label: str
    risk: Risk
    description: str = ""


@dataclass(frozen=True)
class CleanSummary:
    """What the confirmation names: the totals, the mode, and the items that are not caches.

    A finder's plan (`found_by`) holds no cache at all: user files, or build output; `folder`
    is the folder of the Disk usage map it empties (its files) or removes (build output).
    """

    files: int
    bytes: int
    mode: DeleteMode
    risky: tuple[RiskyItem, ...] = ()  # care/privacy items with files or records to remove
    unticked: int = 0  # files (a finder's plan: items) the user left out
    found_by: FinderKind | None = None
    folder: str = ""
    note: str = ""  # one more thing to know, in words (why the finder had not ticked it)
    traces: RecordSummary | None = None  # the browser records of the plan, when it has any

    @property
    def records(self) -> int:
        return self.traces.records if self.traces else 0


def confirmation_text(summary: CleanSummary) -> tuple[str, str]:
    """The question and its details, as the dialog shows them.

    "Rebuilt" is promised only when every item is a safe cache; any other item is named with
    its description, which says what the user loses.
    """
    if summary.found_by is not None:
        return found_confirmation_text(summary)
    traces = summary.traces if summary.traces else None
    if traces is not None and not summary.files:
        question = _trn("Remove %Ln browser record(s) from %1?", traces.records).replace(
            "%1", _names(traces.browsers)
        )
    elif summary.mode is DeleteMode.TRASH:
        question = _trn("Move %Ln file(s) (%1) to the trash?", summary.files)
    else:
        question = _trn("Delete %Ln file(s) (%1) permanently?", summary.files)
    question = question.replace("%1", human_size(summary.bytes))
    parts: list[str] = []
    if traces is not None:
        parts.append(traces_text(traces, summary.mode, with_count=bool(summary.files)))
    if summary.risky:
        risky = [_tr("Not caches: nothing rebuilds these, and you lose what they hold:")]
        for item in summary.risky:
            line = f"  • {catalog_text(item.label)} ({risk_label(item.risk)})"
            if item.description:
                line += f": {catalog_text(item.description)}"
            risky.append(line)
        parts.append("\n".join(risky))
        # A paragraph of its own: after the list it would read as part of the last item.
        if summary.mode is DeleteMode.TRASH:
            parts.append(_tr("They stay in the trash until you empty it."))
        else:
            parts.append(_tr("Deleted permanently, they cannot be restored."))
    if summary.unticked:
        parts.append(_trn("%Ln file(s) you unticked stay.", summary.unticked))
    if not summary.risky:
        parts.append(_tr("Caches are rebuilt by their programs when needed."))
    return question, "\n\n".join(parts)


def found_confirmation_text(summary: CleanSummary) -> tuple[str, str]:
    """The question and details for a finder's plan: user files are never called caches;
    build output is, at most, made again by its project's build."""
    size = human_size(summary.bytes)
    artefacts = summary.found_by is FinderKind.ARTEFACTS
    if summary.folder and artefacts:
        # The folder goes whole: it is named, with what it holds.
        what = (
            _trn("Move “%1” (%Ln file(s), %2) to the trash?", summary.files)
            if summary.mode is DeleteMode.TRASH
            else _trn("Delete “%1” (%Ln file(s), %2) permanently?", summary.files)
        )
        question = what.replace("%1", summary.folder).replace("%2", size)
    elif summary.folder:
        question = _trn("Move the %Ln file(s) (%1) in “%2” to the trash?", summary.files)
        question = question.replace("%1", size).replace("%2", summary.folder)
    else:
        question, _ = confirmation_text(
            CleanSummary(summary.files, summary.bytes, summary.mode)
        )
    if artefacts:
        parts = [
            _tr(
                "Build output (node_modules, target, .venv…): its project's build makes it "
                "again when needed."
            )
        ]
    else:
        parts = [_tr("These are your own files, not caches: nothing makes them again.")]
    if summary.mode is DeleteMode.TRASH:
        parts.append(_tr("They stay in the trash until you empty it, and can be put back."))
    else:
        parts.append(_tr("Deleted permanently, they cannot be restored."))
    if summary.folder and not artefacts:
        parts.append(
            _tr(
                "The folders stay, emptied; version-control data, links and files in use "
                "stay too."
            )
        )
    details = [" ".join(parts)]
    if summary.note:
        details.append(summary.note)
    if summary.unticked:
        details.append(_trn("%Ln item(s) you unticked stay.", summary.unticked))
    return question, "\n\n".join(details)


def _names(names: Sequence[str]) -> str:
    """Application names (the catalog's, as shown) in a list."""
    return list_text([catalog_text(n) for n in names])


def traces_text(traces: RecordSummary, mode: DeleteMode, *, with_count: bool) -> str:
    """The confirmation's paragraph on browser records: which browsers, who stays signed in
    (when cookies go), and the way back."""
    lines = []
    if with_count:
        lines.append(
            _trn("Also %Ln browser record(s) from %1.", traces.records).replace(
                "%1", _names(traces.browsers)
            )
        )
    if traces.cookies:
        lines.append(kept_domains_text(traces.kept))
    if mode is DeleteMode.TRASH:
        lines.append(_tr("A copy of each browser database goes to the trash first."))
    return "\n".join(lines)


def running_text(names: Sequence[str]) -> tuple[str, str]:
    """The running-application question and its details."""
    listed = ", ".join(names)
    # English reads "X is running. Its files..." for one and "These programs... Their files"
    # for more (the English plural forms, resources/translations/onecleaner_en.ts).
    return (
        _trn("%n program(s) running: %1.", len(names)).replace("%1", listed),
        _trn(
            "The files of the %n running program(s) cannot be cleaned while they run: skip "
            "them and clean the rest, or close the program(s) (asked to quit politely; unsaved "
            "work may be lost) and clean everything.",
            len(names),
        ),
    )


def quick_confirmation_text(risky: Sequence[tuple[str, Risk]]) -> tuple[str, str]:
    """The question asked before a quick clean whose items are not all safe caches."""
    lines = [_tr("The quick clean holds items that need care:")]
    lines.extend(f"  • {catalog_text(label)} ({risk_label(risk)})" for label, risk in risky)
    lines.append(_tr("You chose them in Settings; a quick clean removes them without a review."))
    return _tr("Run the quick clean now?"), "\n".join(lines)


def confirm_box(
    parent: QWidget | None, summary: CleanSummary
) -> tuple[QMessageBox, QAbstractButton]:
    """The confirmation as a message box, and its Clean button (built, not shown)."""
    question, details = confirmation_text(summary)
    box = QMessageBox(parent)
    user_files = summary.found_by not in (None, FinderKind.ARTEFACTS)
    warn = bool(summary.risky) or user_files
    box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Confirm cleaning"))
    box.setText(question)
    box.setInformativeText(details)
    if summary.found_by is None:
        word = _tr("&Clean")
    elif summary.mode is DeleteMode.TRASH:
        word = _tr("Move to &trash")
    else:
        word = _tr("&Delete")
    clean = box.addButton(word, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Cancel is the default: Enter alone never deletes anything.
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, clean


class Dialogs:
    """The real, modal questions (a test replaces this object)."""

    def confirm_clean(self, parent: QWidget | None, summary: CleanSummary) -> bool:
        box, clean = confirm_box(parent, summary)
        box.exec()
        return box.clickedButton() is clean

    def choose_running(self, parent: QWidget | None, names: Sequence[str]) -> RunningChoice:
        question, details = running_text(names)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_tr("Programs are running"))
        box.setText(question)
        box.setInformativeText(details)
        skip = box.addButton(_tr("&Skip their files"), QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(_tr("Close &them and clean"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(skip)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is skip:
            return RunningChoice.SKIP
        if clicked is close:
            return RunningChoice.CLOSE
        return RunningChoice.CANCEL

    def confirm_quick(self, parent: QWidget | None, risky: Sequence[tuple[str, Risk]]) -> bool:
        """Ask before a quick clean that holds care or privacy items (the tray asks the same)."""
        question, details = quick_confirmation_text(risky)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Quick clean"))
        box.setText(question)
        box.setInformativeText(details)
        run = box.addButton(_tr("&Clean"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is run

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def choose_folder(self, parent: QWidget | None, title: str, start: str) -> str | None:
        """A folder picked in the system's folder dialog, or None (cancelled)."""
        path = QFileDialog.getExistingDirectory(parent, title, start)
        return path or None

    def save_path(self, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, title, suggested, _tr("CSV (*.csv);;JSON (*.json)")
        )
        return Path(path) if path else None
