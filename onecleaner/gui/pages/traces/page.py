"""The Browser traces page: per installed browser, the cookies, history and form entries a scan
counted; the cookie keep-list; Clean through the Clean page's confirmation and re-checked clean.

The work runs in a `CleaningSession` of its own (scan, close browsers, clean on worker
threads); the suggestions are read by a `SuggestWorker`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence

from onecleaner.engine.model import Application, CleanResult, Phase, Progress, Target
from onecleaner.engine.records.recipes import TraceKind
from onecleaner.gui.catalog_text import app_name, catalog_text
from onecleaner.gui.i18n import list_text
from onecleaner.gui.jobs.base import Job
from onecleaner.gui.jobs.suggest import SuggestOutcome, SuggestWorker
from onecleaner.gui.jobs.workers import CloseOutcome, ScanOutcome
from onecleaner.gui.pages import PageContext
from onecleaner.gui.pages.clean.confirm import RunningChoice
from onecleaner.gui.pages.clean.result_text import records_headline
from onecleaner.gui.pages.clean.session import CleaningSession, Stage
from onecleaner.gui.pages.clean.target_tree import group_targets
from onecleaner.gui.pages.traces.layout import TracesLayout
from onecleaner.gui.pages.traces.model import browsers_of, figures_of, unique_reasons
from onecleaner.gui.skip_text import reason_text
from onecleaner.gui.trace_text import kept_domains_text, kind_line, trace_kind
from onecleaner.settings import Settings

log = logging.getLogger(__name__)

#: The most "left alone" lines the results name; the rest are counted.
NAMED_SKIPS = 6


class TracesPage(TracesLayout):
    """The Browser traces page."""

    settingsChanged = Signal(object)  # Settings, after a keep-list change

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.dialogs = context.dialogs
        self.session = CleaningSession(self.services, self, remember_scans=False)
        self._suggest_job: Job | None = None
        self._scanned_keep: tuple[str, ...] | None = None  # the keep-list of the last scan
        self._after_scan: Callable[[], None] | None = None
        self._after_close: Callable[[], None] | None = None
        self._started = False
        self._status: Callable[[], str] = lambda: ""
        self._results: Callable[[], str] | None = None
        self._build_widgets(self.services.data_dir)
        # Esc stops this page's count or clean (enabled only while one runs).
        self.cancel_action = QAction(self)
        self.cancel_action.setShortcut(QKeySequence("Esc"))
        self.keep_editor.set_keep(self.services.settings.cookie_keep_list)
        self._load_browsers()
        self._connect()
        self._update_buttons()
        self._explain()

    # --- the shell's questions -------------------------------------------------------------
    def activate(self, section: str = "") -> None:
        """Shown: count the traces the first time; show the keep-list as stored now."""
        if not self.session.busy:
            stored = self.keep_editor.reload()
            if stored != self.services.settings.cookie_keep_list:
                # Changed elsewhere (the command line): the scans and cleans use it from now.
                self._on_keep_list_changed(
                    dataclasses.replace(self.services.settings, cookie_keep_list=stored)
                )
            self._load_browsers()
        if not self._started:
            self._started = True
            self.scan()
        if section == "keep-list":
            self.keep_editor.focus_field()

    def shortcuts(self) -> list[QAction]:
        return [self.cancel_action]

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.model.retranslate()
        self.fit_table()
        self.status.setText(self._status())
        if self._results is not None:
            self.results.setText(self._results())
        self._explain()
        self._show_running()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """Cancel and wait for the page's workers (the app is quitting)."""
        self.session.stop()
        if self._suggest_job is not None:
            self._suggest_job.stop()

    # --- wiring ------------------------------------------------------------------------------
    def _connect(self) -> None:
        self.scan_button.clicked.connect(self.scan)
        self.clean_button.clicked.connect(self.clean)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_action.triggered.connect(self.cancel)
        self.close_button.clicked.connect(self.close_running)
        self.model.checkedChanged.connect(self._explain)
        self.model.checkedChanged.connect(self._update_buttons)
        self.keep_editor.changed.connect(self._on_keep_list_changed)
        self.session.stageChanged.connect(lambda _stage: self._update_buttons())
        self.session.progress.connect(self._on_progress)
        self.session.scanned.connect(self._on_scanned)
        self.session.cleaned.connect(self._on_cleaned)
        self.session.closed.connect(self._on_closed)
        self.session.failed.connect(self._on_failed)

    def _load_browsers(self) -> None:
        """The installed browsers (a target none of whose profiles exist here is left out)."""
        groups = group_targets(self.services.catalog, self.services.env.os)
        browsers = browsers_of(groups, self.services.missing_target_ids())
        shown = self.model.browsers()
        if [(b.app.id, b.traces) for b in browsers] != [(b.app.id, b.traces) for b in shown]:
            self.model.set_browsers(browsers)
        self.table_stack.setCurrentIndex(0 if browsers else 1)

    # --- commands ----------------------------------------------------------------------------
    @Slot()
    def scan(self) -> None:
        """Count every installed browser's traces (and read the keep-list suggestions)."""
        self._read_suggestions()
        targets = self.model.targets()
        if not targets:
            self._set_status(lambda: self.tr("No browser traces to count."))
            return
        self._after_scan = None
        self._start_scan(targets)

    def _start_scan(self, targets: Sequence[Target]) -> bool:
        self._scanned_keep = tuple(self.services.settings.cookie_keep_list)
        self._set_status(lambda: self.tr("Counting the browsers' traces…"))
        return self.session.start_scan(targets)

    @Slot()
    def clean(self) -> None:
        """Clean the ticked traces: scan them if the plan is not theirs, ask about running
        browsers, confirm, then clean (the same questions as the Clean page)."""
        ticked = self.model.checked_targets()
        if not ticked:
            self._set_status(lambda: self.tr("Tick the traces to clean first."))
            return
        if self.session.busy:
            return
        if self._plan_is_stale(ticked):
            self._after_scan = self.clean
            if not self._start_scan(ticked):
                self._after_scan = None
            return
        running = self.session.running_apps_to_ask()
        if running:
            choice = self.dialogs.choose_running(self, [app_name(a) for a in running])
            if choice is RunningChoice.CANCEL:
                self._set_status(lambda: self.tr("Nothing was cleaned."))
                return
            if choice is RunningChoice.CLOSE:
                self._close(running, then=self._confirm_and_clean)
                return
        self._confirm_and_clean()

    def _plan_is_stale(self, ticked: Sequence[Target]) -> bool:
        """Whether the reviewed plan is not exactly the ticked traces with today's keep-list."""
        plan = self.session.plan
        return (
            self.session.stage is not Stage.SCANNED
            or plan is None
            or plan.cancelled
            or {t.id for t in self.session.targets} != {t.id for t in ticked}
            or self._scanned_keep != tuple(self.services.settings.cookie_keep_list)
        )

    def _confirm_and_clean(self) -> None:
        if not self.session.can_clean():
            self._set_status(
                lambda: self.tr("Nothing to clean: the ticked traces hold no records now.")
            )
            return
        if not self.dialogs.confirm_clean(self, self.session.clean_summary()):
            self._set_status(lambda: self.tr("Nothing was cleaned."))
            return
        self._set_status(lambda: self.tr("Cleaning…"))
        self.session.start_clean()

    @Slot()
    def cancel(self) -> None:
        if self.session.busy:
            self._after_scan = None
            self.session.cancel()
            self._set_status(lambda: self.tr("Cancelling…"))

    @Slot()
    def close_running(self) -> None:
        """Close the running browsers politely, then count again."""
        running = self._running_browsers()
        if running and not self.session.busy:
            self._close(running, then=None)

    def _close(self, apps: Sequence[Application], then: Callable[[], None] | None) -> None:
        self._after_close = then
        self._set_status(lambda: self.tr("Closing the browsers…"))
        self.session.start_close(apps)

    # --- session events ----------------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self.progress.show()
        if progress.total > 0:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))
        else:
            self.progress.setRange(0, 0)
        if progress.phase is Phase.CLEAN:
            self._set_status(lambda: self.tr("Cleaning…"))

    @Slot(object)
    def _on_scanned(self, outcome: ScanOutcome) -> None:
        plan = outcome.plan
        self.model.update_figures(figures_of(plan))
        self._show_running()
        if plan.cancelled:
            self._set_status(lambda: self.tr("Counting cancelled: the figures are incomplete."))
        else:
            records = self.model.records()
            self._set_status(
                lambda: self.tr("%Ln record(s) found in the browsers.", "", records)
            )
        then, self._after_scan = self._after_scan, None
        if then is not None and not plan.cancelled:
            QTimer.singleShot(0, then)

    @Slot(object)
    def _on_closed(self, outcome: CloseOutcome) -> None:
        if outcome.still_running:
            names = list_text([catalog_text(n) for n in outcome.still_running])
            self.dialogs.inform(
                self,
                self.tr("Browsers still running"),
                self.tr(
                    "%n browser(s) did not close: %1. Their traces are left alone.",
                    "",
                    len(outcome.still_running),
                ).replace("%1", names),
            )
        then, self._after_close = self._after_close, None
        targets = self.session.targets if then is not None else self.model.targets()
        # Count again so the plan holds what the browsers were keeping, then go on.
        self._after_scan = then
        if not self._start_scan(targets):
            self._after_scan = None

    @Slot(object)
    def _on_cleaned(self, result: CleanResult) -> None:
        self._set_status(lambda: self.tr("Done."))
        self._show_results(result)
        if not result.cancelled:
            self._start_scan(self.model.targets())  # the figures of what is left

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._after_scan = None
        self._set_status(lambda: self.tr("Stopped by an error: %1").replace("%1", message))

    # --- the keep-list and its suggestions ---------------------------------------------------
    def _on_keep_list_changed(self, settings: Settings) -> None:
        self.services.settings = settings
        self._explain()
        self.settingsChanged.emit(settings)

    def _read_suggestions(self) -> None:
        if self._suggest_job is not None:
            return
        self.keep_editor.suggestions_loading()
        worker = SuggestWorker(
            self.services.catalog,
            self.services.env,
            self.services.data_dir,
            self.services.settings.cookie_keep_list,
        )
        worker.finished.connect(self._on_suggestions)
        worker.failed.connect(self.keep_editor.suggestions_failed)
        job = Job(worker, self)
        job.done.connect(lambda: self._forget_suggest(job))
        self._suggest_job = job
        job.start()

    @Slot(object)
    def _on_suggestions(self, outcome: SuggestOutcome) -> None:
        self.keep_editor.set_suggestions(outcome)

    def _forget_suggest(self, job: Job) -> None:
        if job is self._suggest_job:
            self._suggest_job = None
        job.deleteLater()

    # --- what is shown -----------------------------------------------------------------------
    def _set_status(self, text: Callable[[], str]) -> None:
        self._status = text
        self.status.setText(text())

    def _update_buttons(self) -> None:
        busy = self.session.busy
        self.scan_button.setEnabled(not busy and bool(self.model.targets()))
        self.clean_button.setEnabled(not busy and bool(self.model.checked_ids()))
        self.cancel_button.setEnabled(busy)
        self.cancel_action.setEnabled(busy)
        self.close_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.keep_editor.setEnabled(not busy or self.session.stage is not Stage.CLEANING)

    def _explain(self) -> None:
        """What cleaning the ticked traces loses, kind by kind."""
        kinds = {trace_kind(t) for t in self.model.checked_targets()}
        if not kinds:
            self.explain.setText(
                self.tr("Tick what to clean: nothing is ticked at first.")
            )
            return
        lines = [self.tr("Cleaning the ticked traces:")]
        for kind in TraceKind:
            if kind in kinds:
                line = kind_line(kind)
                if kind is TraceKind.COOKIES:
                    keep = self.services.settings.cookie_keep_list
                    line = self.tr("%1 %2").replace("%2", kept_domains_text(keep)).replace(
                        "%1", line
                    )
                lines.append(f"• {line}")
        self.explain.setText("\n".join(lines))

    def _running_browsers(self) -> list[Application]:
        outcome = self.session.outcome
        if outcome is None:
            return []
        shown = {b.app.id for b in self.model.browsers()}
        return [a for a in outcome.running if a.id in shown]

    def _show_running(self) -> None:
        """Name the running browsers: their traces are neither counted nor cleaned."""
        running = self._running_browsers()
        if not running:
            self.running_note.hide()
            return
        names = list_text([app_name(a) for a in running])
        self.running_text.setText(
            self.tr(
                "%n browser(s) running: %1. Their traces cannot be counted or cleaned while "
                "they run: close them (unsaved work in them may be lost) or leave them be.",
                "",
                len(running),
            ).replace("%1", names)
        )
        self.close_button.setText(self.tr("Close %1").replace("%1", names))
        self.running_note.show()

    def _show_results(self, result: CleanResult) -> None:
        """What the clean did, and each reason something was left alone (a few named)."""
        skips = result.skipped
        catalog = self.services.catalog

        def text() -> str:
            headline = records_headline(result)
            if not skips:
                return "\n".join([headline, self.tr("Nothing was left alone.")])
            lines = [headline, self.tr("%Ln database(s) left alone:", "", len(skips))]
            for skip in unique_reasons(skips)[:NAMED_SKIPS]:
                try:
                    name = catalog_text(catalog.target(skip.target_id).label)
                except Exception:  # an item the catalog no longer has keeps its id
                    name = skip.target_id
                lines.append(f"• {name}: {reason_text(skip.reason)}")
            return "\n".join(lines)

        self._results = text
        self.results.setText(text())
        self.results.show()
