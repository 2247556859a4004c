"""The History page: the scans and cleans of the encrypted journal (with the history consent),
newest first, what each freed and what it left alone; a trash-mode clean can be put back."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.engine.finders import FinderKind
from onecleaner.engine.reasons import SkipCode
from onecleaner.engine.restore import Outcome, RestoreReport
from onecleaner.gui.catalog_text import catalog_text
from onecleaner.gui.i18n import Texts, format_datetime
from onecleaner.gui.jobs.base import Job
from onecleaner.gui.jobs.workers import RestoreWorker
from onecleaner.gui.pages import PageContext, PageSpec
from onecleaner.gui.skip_text import code_text
from onecleaner.gui.theme import GAP, MARGIN, SPACING, page_icon
from onecleaner.gui.units import human_size
from onecleaner.history import (
    HistoryEntry,
    can_restore,
    forget_stale_lists,
    history_entries,
    restore_summary,
)

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: How many journal records the page decrypts at most (the retention keeps far fewer).
READ_LIMIT = 100_000


def _title() -> str:
    return QCoreApplication.translate("pages", "History")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryPage", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("HistoryPage", text, None, n)


def kind_text(entry: HistoryEntry) -> str:
    """What happened, in words."""
    if entry.kind == "scan":
        return _tr("Scan")
    if entry.kind == "restore":
        return _tr("Put back from the trash")
    what = _tr("Quick clean") if entry.kind == "quick_clean" else _tr("Clean")
    if entry.mode == "trash":
        what = _tr("%1 (to the trash)").replace("%1", what)
    if entry.cancelled:
        what = _tr("%1, cancelled").replace("%1", what)
    return what


def amount_text(entry: HistoryEntry) -> str:
    """How much: found by a scan, freed by a clean (or moved to the trash, where it still takes
    its space), put back by a restore."""
    if entry.kind == "scan":
        return _tr("%1 found").replace("%1", human_size(entry.bytes))
    if entry.kind == "restore":
        return _trn("%Ln file(s) put back", entry.files)
    if entry.to_trash:
        return _tr("%1 to the trash").replace("%1", human_size(entry.trashed_bytes))
    return _tr("%1 freed").replace("%1", human_size(entry.bytes))


def count_text(entry: HistoryEntry) -> str:
    """The Files column: the files, or the browser records when there are no files."""
    if entry.records and not entry.files:
        return _trn("%Ln record(s)", entry.records)
    return f"{entry.files:,}"


def open_system_trash(platform: str | None = None) -> bool:
    """Open the system's trash in its file manager (Windows Recycle Bin, macOS Bin)."""
    platform = platform or sys.platform
    if platform == "win32":
        url = QUrl("shell:RecycleBinFolder")
    elif platform == "darwin":
        url = QUrl.fromLocalFile(str(Path.home() / ".Trash"))
    else:
        url = QUrl("trash:///")
    return bool(QDesktopServices.openUrl(url))


class HistoryModel(QAbstractTableModel):
    """The entries as rows: when, what, how much, files, left alone."""

    WHEN, WHAT, AMOUNT, FILES, LEFT = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def entries(self) -> list[HistoryEntry]:
        return list(self._entries)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.LEFT)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, self.LEFT))

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("When"),
            self.tr("What"),
            self.tr("Space"),
            self.tr("Files"),
            self.tr("Left alone"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return format_datetime(entry.at)
            if col == self.WHAT:
                return kind_text(entry)
            if col == self.AMOUNT:
                return amount_text(entry)
            if col == self.FILES:
                return count_text(entry)
            return f"{entry.skipped:,}" if entry.kind != "restore" else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.FILES, self.LEFT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HistoryPage(QWidget):
    """The journal's scans and cleans; Restore for a trash-mode clean (Linux)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.texts = Texts()
        self._job: Job | None = None
        self._restoring = ""
        bind = self.texts.bind

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        bind(self.title.setText, lambda: self.tr("History"))
        self.refresh_button = QPushButton(self)
        bind(self.refresh_button.setText, lambda: self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.refresh_button)

        # --- without consent: how to turn it on, nothing else ---------------------------------
        self.off = QFrame(self)
        self.off.setProperty("role", "card")
        self.off.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.off_title = QLabel(self.off)
        self.off_title.setProperty("role", "subtitle")
        bind(self.off_title.setText, lambda: self.tr("The activity history is off"))
        self.off_text = QLabel(self.off)
        self.off_text.setWordWrap(True)
        bind(
            self.off_text.setText,
            lambda: self.tr(
                "Nothing is recorded, so there is nothing to show. To keep an encrypted record "
                "of your scans and cleans on this device (and to put back a clean that moved "
                "files to the trash), turn on “Activity history” in Settings → Privacy."
            ),
        )
        self.turn_on = QPushButton(self.off)
        bind(self.turn_on.setText, lambda: self.tr("&Open the privacy settings"))
        self.turn_on.clicked.connect(lambda: context.open_page("settings", "privacy"))
        off_layout = QVBoxLayout(self.off)
        off_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        off_layout.setSpacing(SPACING)
        off_layout.addWidget(self.off_title)
        off_layout.addWidget(self.off_text)
        off_layout.addWidget(self.turn_on, 0, Qt.AlignmentFlag.AlignLeft)
        off_page = QWidget(self)
        off_page_layout = QVBoxLayout(off_page)
        off_page_layout.setContentsMargins(0, 0, 0, 0)
        off_page_layout.addWidget(self.off)
        off_page_layout.addStretch(1)

        # --- with consent: the entries and the one picked -------------------------------------
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(HistoryModel.WHAT, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        bind(self.table.setAccessibleName, lambda: self.tr("Scans and cleans, newest first"))
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bind(self.details.setAccessibleName, lambda: self.tr("What the picked entry did"))
        self.restore_button = QPushButton(self)
        self.restore_button.setIcon(page_icon("restore", self.palette()))
        bind(self.restore_button.setText, lambda: self.tr("&Put back from the trash"))
        bind(
            self.restore_button.setToolTip,
            lambda: self.tr(
                "Move this clean's files from the trash back where they were. A file that "
                "exists again at its place is never replaced."
            ),
        )
        self.restore_button.clicked.connect(self.restore_current)
        self.open_trash = QPushButton(self)
        bind(self.open_trash.setText, lambda: self.tr("Open the &trash"))
        self.open_trash.clicked.connect(lambda: open_system_trash())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.open_trash)
        buttons.addStretch(1)
        detail_panel = QFrame(self)
        detail_panel.setProperty("role", "card")
        detail_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        detail_layout = QVBoxLayout(detail_panel)
        detail_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        detail_layout.addWidget(self.details, 1)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.status)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        bind(
            self.empty.setText,
            lambda: self.tr("Nothing recorded yet: your next scan or clean appears here."),
        )
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail_panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setHandleWidth(GAP)
        split.setChildrenCollapsible(False)
        on_page = QWidget(self)
        on_layout = QVBoxLayout(on_page)
        on_layout.setContentsMargins(0, 0, 0, 0)
        on_layout.addWidget(self.empty)
        on_layout.addWidget(split, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(off_page)
        self.stack.addWidget(on_page)
        self.on_page = on_page
        self.off_page = off_page

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP, MARGIN, GAP)
        layout.setSpacing(GAP)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self._show_entry(None)
        context.quick.finished.connect(lambda _outcome: self._refresh_if_shown())

    # --- the shell's questions ---------------------------------------------------------------
    def activate(self, section: str = "") -> None:
        self.refresh()

    def shortcuts(self) -> list[QAction]:
        return []

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.model.retranslate()
        self._fit_columns()
        self._show_entry(self._current())

    def _fit_columns(self) -> None:
        """Widths that hold the longest date, amount and count in the UI language."""
        metrics = self.table.fontMetrics()
        head = self.table.horizontalHeader()
        widest = HistoryEntry(0, datetime(2026, 12, 31, 23, 59), "clean", 999_999, 0, records=0)
        samples = {
            HistoryModel.WHEN: [format_datetime(widest.at)],
            HistoryModel.AMOUNT: [
                amount_text(replace(widest, bytes=999 * 1024**2)),
                amount_text(replace(widest, mode="trash", trashed_bytes=999 * 1024**2)),
            ],
            HistoryModel.FILES: [
                count_text(widest),
                count_text(replace(widest, files=0, records=99_999)),
            ],
            HistoryModel.LEFT: [
                self.model.headerData(HistoryModel.LEFT, Qt.Orientation.Horizontal)
            ],
        }
        for column, texts in samples.items():
            head.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + 28)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restore_button.setIcon(page_icon("restore", self.palette()))
        super().changeEvent(event)

    def stop(self) -> None:
        if self._job is not None:
            self._job.stop()

    # --- reading -----------------------------------------------------------------------------
    def history_allowed(self) -> bool:
        privacy = self.services.privacy
        if privacy is None:
            return False
        from onecleaner.privacy.consent import Purpose

        try:
            return bool(privacy.is_granted(Purpose.HISTORY))
        except Exception:  # unreadable consent counts as not given
            log.warning("could not read the consent", exc_info=True)
            return False

    def refresh(self) -> None:
        """Read the journal again (only with the history consent)."""
        if not self.history_allowed():
            self.model.set_entries(())
            self.stack.setCurrentWidget(self.off_page)
            self.refresh_button.setEnabled(False)
            return
        self.stack.setCurrentWidget(self.on_page)
        self.refresh_button.setEnabled(True)
        privacy = self.services.privacy
        try:
            records = privacy.log_records(READ_LIMIT)
        except Exception as exc:  # a lost key or a tampered journal: say so, keep the lists
            self.model.set_entries(())
            self.status.setText(
                self.tr("The history could not be read: %1").replace("%1", str(exc))
            )
            return
        entries = history_entries(records)
        try:
            forget_stale_lists(self.services.data_dir, entries)
        except OSError:
            log.warning("could not drop old restore lists", exc_info=True)
        picked = self._current()
        self.model.set_entries(entries)
        self.empty.setVisible(not entries)
        row = 0
        if picked is not None:
            row = next((i for i, e in enumerate(entries) if e.seq == picked.seq), 0)
        if entries:
            self.table.selectRow(row)
        self._show_entry(entries[row] if entries else None)

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def _current(self) -> HistoryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.entry(index.row())

    @Slot(QModelIndex, QModelIndex)
    def _on_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_entry(self.model.entry(current.row()) if current.isValid() else None)

    def _show_entry(self, entry: HistoryEntry | None) -> None:
        """The picked entry's details, and whether it can be put back."""
        if entry is None:
            self.details.setText("")
            self.restore_button.hide()
            self.open_trash.hide()
            return
        self.details.setText(self._details_html(entry))
        trash_clean = entry.is_clean and entry.mode == "trash"
        linux = self.services.env.os.value == "linux"
        restorable = trash_clean and linux and can_restore(self.services.data_dir, entry)
        self.restore_button.setVisible(restorable)
        self.restore_button.setEnabled(restorable and self._job is None)
        # Elsewhere (or for a clean without a list) the system's own trash puts files back.
        self.open_trash.setVisible(trash_clean and not restorable)

    def _details_html(self, entry: HistoryEntry) -> str:
        lines = [
            f"<p><b>{_escape(kind_text(entry))}</b> — {_escape(format_datetime(entry.at))}</p>"
        ]
        if entry.kind == "restore":
            return "".join(lines)
        trash = entry.to_trash
        size = human_size(entry.trashed_bytes if trash else entry.bytes)
        if entry.kind == "scan":
            what = self.tr("Found %1 in %Ln file(s).", "", entry.files)
        elif trash:  # the files still take their space, in the trash: never "freed"
            what = self.tr("Moved %Ln file(s) (%1) to the trash.", "", entry.files)
        else:
            what = self.tr("Freed %1 by removing %Ln file(s).", "", entry.files)
        if entry.records and not entry.files:
            what = (
                self.tr("Found %1 in %Ln browser record(s).", "", entry.records)
                if entry.kind == "scan"
                else self.tr("Removed %Ln browser record(s).", "", entry.records)
            )
        lines.append(f"<p>{_escape(what.replace('%1', size))}</p>")
        if entry.records and entry.files:
            also = self.tr("Also %Ln browser record(s).", "", entry.records)
            lines.append(f"<p>{_escape(also)}</p>")
        if entry.per_target:
            items = []
            for target_id, figures in sorted(
                entry.per_target.items(),
                key=lambda kv: (-(kv[1].trashed_bytes if trash else kv[1].bytes), kv[0]),
            ):
                if figures.files == 0 and figures.bytes == 0 and figures.records == 0:
                    continue
                counted = (
                    self.tr("%Ln browser record(s)", "", figures.records)
                    if figures.records and not figures.files
                    else self.tr("%Ln file(s)", "", figures.files)
                )
                line = (
                    self.tr("%1: %2 (%3)")
                    .replace("%1", self._target_name(target_id))
                    .replace("%2", human_size(figures.trashed_bytes if trash else figures.bytes))
                    .replace("%3", counted)
                )
                items.append(f"<li>{_escape(line)}</li>")
            if items:
                by_item = self.tr("By item:")
                lines.append(f"<p>{_escape(by_item)}</p><ul>{''.join(items)}</ul>")
        if entry.skipped:
            reasons = []
            for code_value, count in sorted(entry.skip_codes.items(), key=lambda kv: -kv[1]):
                try:
                    code = SkipCode(code_value)
                except ValueError:
                    continue
                counted = self.tr("%1: %2").replace("%1", code_text(code, apps=entry.skipped_apps))
                reasons.append(f"<li>{_escape(counted.replace('%2', f'{count:,}'))}</li>")
            why = self.tr("Left alone: %Ln item(s), and why:", "", entry.skipped)
            listed = f"<ul>{''.join(reasons)}</ul>" if reasons else ""
            lines.append(f"<p>{_escape(why)}</p>{listed}")
        else:
            nothing = self.tr("Nothing was left alone.")
            lines.append(f"<p>{_escape(nothing)}</p>")
        return "".join(lines)

    def _target_name(self, target_id: str) -> str:
        finder = FinderKind.of_target(target_id)
        if finder is not None:  # a clean of what a finder found (Disk usage)
            from onecleaner.gui.pages.disk_usage.texts import finder_title

            return finder_title(finder)
        catalog = self.services.catalog
        try:
            target = catalog.target(target_id)
            app = catalog.app_of(target)
        except Exception:  # an item the catalog no longer has keeps its id
            return target_id
        return f"{catalog_text(app.name)} — {catalog_text(target.label)}"

    # --- restore -----------------------------------------------------------------------------
    @Slot()
    def restore_current(self) -> bool:
        """Put the picked clean's files back from the trash (on a worker thread)."""
        entry = self._current()
        if entry is None or not entry.clean_id or self._job is not None:
            return False
        worker = RestoreWorker(
            self.services.data_dir, entry.clean_id, self.services.env, self.services.catalog
        )
        worker.finished.connect(self._on_restored)
        worker.failed.connect(self._on_restore_failed)
        job = Job(worker, self)
        job.done.connect(lambda: self._forget(job))
        self._job = job
        self._restoring = entry.clean_id
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Putting the files back…"))
        job.start()
        return True

    def _forget(self, job: Job) -> None:
        if job is self._job:
            self._job = None
        job.deleteLater()
        self._show_entry(self._current())

    @Slot(object)
    def _on_restored(self, report: RestoreReport) -> None:
        self.status.setText(self.restore_text(report))
        privacy = self.services.privacy
        if privacy is not None and report.items:
            try:
                privacy.record_activity("restore", restore_summary(self._restoring, report))
            except Exception:
                log.warning("could not record the restore", exc_info=True)
        self.refresh()

    @Slot(str)
    def _on_restore_failed(self, message: str) -> None:
        self.status.setText(self.tr("The files could not be put back: %1").replace("%1", message))

    def restore_text(self, report: RestoreReport) -> str:
        """What a restore did, in words (each file that could not go back is named)."""
        if not report.items:
            return self.tr("Nothing left to put back: the list of this clean is gone.")
        parts = [self.tr("%Ln file(s) put back where they were.", "", report.restored)]
        exists = report.with_outcome(Outcome.EXISTS)
        if exists:
            names = ", ".join(_shown(i.path) for i in exists[:5])
            parts.append(
                self.tr(
                    "%Ln file(s) left in the trash because a file is at their place again: %1",
                    "",
                    len(exists),
                ).replace("%1", names)
            )
        gone = len(report.with_outcome(Outcome.GONE)) + len(
            report.with_outcome(Outcome.NOT_THIS_CLEAN)
        )
        if gone:
            parts.append(self.tr("%Ln file(s) were no longer in the trash.", "", gone))
        refused = [
            i
            for i in report.items
            if i.outcome in (Outcome.OUTSIDE, Outcome.UNSAFE, Outcome.FAILED)
        ]
        if refused:
            names = ", ".join(
                f"{_shown(i.path) or i.trash_name} ({i.detail or i.outcome.value})"
                for i in refused[:5]
            )
            parts.append(
                self.tr("%Ln file(s) were not put back, to be safe: %1", "", len(refused)).replace(
                    "%1", names
                )
            )
        return " ".join(parts)


def _shown(path: str) -> str:
    home = str(Path.home()).rstrip("/") + "/"
    return "~/" + path[len(home) :] if path.startswith(home) else path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PAGE = PageSpec("history", "history", _title, HistoryPage)
