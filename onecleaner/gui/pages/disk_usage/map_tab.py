"""The Disk usage page's map: the usage walk on a worker, the treemap and the folder list kept in
step, a breadcrumb to go back up, and a folder's menu (move to the trash, open)."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QMenu,
    QWidget,
)

from onecleaner.app.finders import FolderPlan, finder_mode
from onecleaner.engine.finders import FinderKind, UsageMap, UsageNode, UsageProgress
from onecleaner.engine.model import Progress
from onecleaner.engine.reasons import SkipCode
from onecleaner.gui.jobs.finders import (
    FinderOptions,
    FolderPlanWorker,
    FoundCleanOutcome,
    FoundCleanWorker,
    UsageWorker,
)
from onecleaner.gui.pages.clean.confirm import CleanSummary, Dialogs
from onecleaner.gui.pages.clean.result_text import cleaned_text
from onecleaner.gui.pages.disk_usage.folder_list import NameRole
from onecleaner.gui.pages.disk_usage.map_layout import MapLayout
from onecleaner.gui.pages.disk_usage.runner import JobRunner
from onecleaner.gui.pages.disk_usage.texts import (
    search_progress_text,
    shown_path,
    unticked_detail,
    walk_progress_text,
    walked_text,
)
from onecleaner.gui.pages.disk_usage.usage_tree import live_root, node_at, replace_node
from onecleaner.gui.services import AppServices
from onecleaner.gui.skip_text import reason_text
from onecleaner.gui.units import human_size
from onecleaner.gui.widgets.treemap import Tile, TileKind

#: Seconds between two redraws of the map while the walk streams in (the status is every report).
LIVE_EVERY = 0.5
#: The skipped folders listed in the status line's tooltip.
SKIPS_LISTED = 20
_UNREADABLE = frozenset(
    (SkipCode.PERMISSION_DENIED, SkipCode.UNREADABLE, SkipCode.TOO_DEEP, SkipCode.VANISHED)
)


class MapTab(MapLayout):
    """The treemap of the folder chosen and the list of its subfolders, in step."""

    removed = Signal()  # files went (the finders' lists may name some of them)

    def __init__(
        self,
        services: AppServices,
        dialogs: Dialogs,
        options: Callable[[], FinderOptions],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.options = options
        self.runner = JobRunner(self)
        self.folder = services.env.home
        self.map: UsageMap | None = None
        self.live: UsageNode | None = None  # the map while the walk runs
        self.path: tuple[str, ...] = ()  # the folder shown, from the top of the map
        self._live_at = 0.0
        self._status_key: Callable[[], str] = lambda: ""
        back = self._build()
        self.breadcrumb.chosen.connect(self.go_to_level)
        self.treemap.folderActivated.connect(self.drill)
        self.treemap.backRequested.connect(self.go_up)
        self.treemap.menuRequested.connect(self._on_tile_menu)
        self.treemap.currentChanged.connect(self._on_tile_current)
        self.list.activated.connect(self._on_row_activated)
        self.list.selectionModel().currentRowChanged.connect(self._on_row_current)
        self.list.customContextMenuRequested.connect(self._on_row_menu)
        self.scan_button.clicked.connect(self.scan)
        self.cancel_button.clicked.connect(self.cancel)
        back.activated.connect(self.go_up)
        self.runner.busyChanged.connect(self._on_busy)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._say(lambda: "")
        self._show()
        self._on_busy(False)

    # --- the page's questions -----------------------------------------------------------------
    def retranslate(self) -> None:
        self.texts.retranslate()
        self.model.retranslate()
        self.status.setText(self._status_key())
        self._show()

    def stop(self) -> None:
        self.runner.stop()

    def set_folder(self, folder: str) -> None:
        """Map another folder: what was shown goes; the walk starts when asked."""
        if self.runner.busy:
            return
        self.folder = folder
        self.map = None
        self.live = None
        self.path = ()
        self._say(lambda: "")
        self._show()

    def mark_stale(self) -> None:
        """Files went elsewhere on the page: the sizes shown may be out of date."""
        if self.map is not None and not self.runner.busy:
            self._say(
                lambda: self.tr("Files were removed since this scan: scan again to see the sizes.")
            )

    # --- commands -----------------------------------------------------------------------------
    @Slot()
    def scan(self) -> bool:
        """Walk the folder chosen (on a worker); the map fills in as folders are finished."""
        if self.runner.busy:
            return False
        self.map = None
        self.live = None
        self.path = ()
        self._live_at = 0.0
        self._show()
        self._say(lambda: self.tr("Scanning…"))
        return self.runner.start(UsageWorker(self.folder), "walk")

    @Slot()
    def cancel(self) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self._say(lambda: self.tr("Cancelling…"))

    @Slot(object)
    def drill(self, relative: tuple[str, ...]) -> None:
        """Show a folder of the folder shown (a path from it)."""
        root = self._root()
        if root is None or not relative:
            return
        target = (*self.path, *relative)
        node = node_at(root, target)
        if node is None or not node.children:
            return
        self.path = target
        self._show()

    @Slot()
    def go_up(self) -> None:
        if self.path:
            self.go_to_level(len(self.path) - 1)

    @Slot(int)
    def go_to_level(self, level: int) -> None:
        """Back to a folder of the breadcrumb (0: the folder chosen)."""
        level = max(0, min(level, len(self.path)))
        if level == len(self.path):
            return
        came_from = self.path[level] if level < len(self.path) else None
        self.path = self.path[:level]
        self._show()
        if came_from is not None:
            self.treemap.set_current((came_from,))

    def shown_folder(self) -> str:
        """The folder the treemap shows, as a path."""
        base = self.map.path if self.map is not None else os.path.realpath(self.folder)
        return os.path.join(base, *self.path)

    def menu_for(self, folder: str, *, removable: bool) -> QMenu:
        """A folder's menu: move it to the trash (through the confirmation), open it."""
        menu = QMenu(self)
        trash = menu.addAction(self.tr("Move to &trash…"))
        trash.setEnabled(removable and not self.runner.busy)
        trash.triggered.connect(lambda: self.trash_folder(folder))
        opened = menu.addAction(self.tr("&Open folder"))
        opened.triggered.connect(lambda: self.open_folder(folder))
        return menu

    def open_folder(self, folder: str) -> bool:
        """Show a folder in the system's file manager."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            return True
        where = shown_path(folder)
        self._say(lambda: self.tr("Could not open %1 in the file manager.").replace("%1", where))
        return False

    def trash_folder(self, folder: str) -> bool:
        """Plan a folder as a unit (on a worker), then confirm and move it to the trash."""
        if self.runner.busy:
            return False
        where = shown_path(folder)
        self._say(lambda: self.tr("Looking at what %1 holds…").replace("%1", where))
        return self.runner.start(FolderPlanWorker(folder, self.options()), "plan")

    # --- outcomes -----------------------------------------------------------------------------
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.scan_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.current.setVisible(busy)
        if not busy:
            self.current.setText("")

    @Slot(object)
    def _on_progress(self, report: object) -> None:
        if isinstance(report, UsageProgress):
            self._say(lambda: walk_progress_text(report.files, report.bytes))
            self._show_current(report.current)
            now = time.monotonic()
            if now - self._live_at >= LIVE_EVERY:
                self._live_at = now
                self.live = live_root(self.folder, report)
                self._show()
        elif isinstance(report, Progress):  # a folder's plan being made, or its clean
            self._say(lambda: search_progress_text(report))
            self._show_current(report.current)

    def _show_current(self, path: str) -> None:
        metrics = self.current.fontMetrics()
        width = max(self.current.width() - 4, 80)
        self.current.setText(metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, width))

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        if isinstance(outcome, UsageMap):
            self._walked(outcome)
        elif isinstance(outcome, FolderPlan):
            self._planned(outcome)
        elif isinstance(outcome, FoundCleanOutcome):
            self._cleaned(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.services.record_error("gui", message)
        self.live = None
        self._show()
        self._say(lambda: self.tr("Stopped by an error: %1").replace("%1", message))

    def _walked(self, found: UsageMap) -> None:
        self.map = found
        self.live = None
        if node_at(found.root, self.path) is None:
            self.path = ()
        self._show()
        unreadable = [s for s in found.skipped if s.reason.code in _UNREADABLE]
        self._say(
            lambda: walked_text(len(unreadable), found.cancelled)
        )
        listed = [f"{s.path} — {reason_text(s.reason)}" for s in found.skipped[:SKIPS_LISTED]]
        self.status.setToolTip("\n".join(listed))

    def _planned(self, plan: FolderPlan) -> None:
        where = shown_path(plan.folder)
        dialogs = self.dialogs
        if plan.refused is not None:
            why = reason_text(plan.refused)
            text = self.tr("%1 cannot be moved to the trash as a whole: %2.")
            text = text.replace("%1", where).replace("%2", why)
            self._say(lambda: text)
            dialogs.inform(self, self.tr("Not moved to the trash"), text)
            return
        if plan.cancelled or plan.findings is None:
            self._say(lambda: self.tr("Cancelled: nothing was moved to the trash."))
            return
        if not plan.files:
            text = self.tr("Nothing in %1 can be moved to the trash.").replace("%1", where)
            skipped = len(plan.findings.skipped)
            if skipped:
                text += " " + self.tr("%Ln item(s) left alone.", "", skipped)
            self._say(lambda: text)
            return
        mode = finder_mode(None, self.services.delete_mode)
        artefact = plan.artefact
        note = unticked_detail(artefact.unticked) if artefact and artefact.unticked else ""
        summary = CleanSummary(
            plan.files,
            plan.bytes,
            mode,
            found_by=FinderKind.ARTEFACTS if artefact is not None else FinderKind.LARGE,
            folder=where,
            note=note,
        )
        if not dialogs.confirm_clean(self, summary):
            self._say(lambda: self.tr("Nothing was moved to the trash."))
            return
        self._say(lambda: self.tr("Moving to the trash…"))
        worker = FoundCleanWorker(
            plan.findings, plan.paths, mode, self.options(), remeasure=plan.folder
        )
        self.runner.start(worker, "clean")

    def _cleaned(self, outcome: FoundCleanOutcome) -> None:
        result = outcome.result
        self.services.record_clean("clean", result)
        if self.map is not None and outcome.folder:
            self.map = self._updated(self.map, outcome.folder, outcome.remeasured)
            self._show()
        skips = result.skipped
        headline, detail = cleaned_text(result, len(skips))
        if skips:
            self._say(lambda: self.tr("%1. %2").replace("%1", headline).replace("%2", detail))
        else:
            self._say(lambda: self.tr("%1.").replace("%1", headline))
        if skips:
            lines = [f"{shown_path(s.path)} — {reason_text(s.reason)}" for s in skips[:10]]
            more = len(skips) - len(lines)
            if more > 0:
                lines.append(self.tr("…and %Ln more.", "", more))
            self.dialogs.inform(self, self.tr("Left alone"), "\n".join(lines))
        self.removed.emit()

    def _updated(self, found: UsageMap, folder: str, new: UsageMap | None) -> UsageMap:
        """The map with `folder` measured again, or without it when it is gone."""
        top = found.path.rstrip(os.sep) + os.sep
        if not folder.startswith(top):
            return found
        path = tuple(folder[len(top) :].split(os.sep))
        root = replace_node(found.root, path, new.root if new is not None else None)
        return dataclasses.replace(found, root=root)

    # --- showing ------------------------------------------------------------------------------
    def _root(self) -> UsageNode | None:
        return self.map.root if self.map is not None else self.live

    def _show(self) -> None:
        root = self._root()
        node = node_at(root, self.path) if root is not None else None
        if root is not None and node is None:
            self.path = ()
            node = root
        walking = self.map is None and self.live is not None and not self.path
        current = self.treemap.current()
        self.treemap.set_node(node, self.shown_folder(), walking=walking)
        self.treemap.set_empty_text(
            self.tr("Press Scan to see which folders take the space in %1.").replace(
                "%1", shown_path(self.folder)
            )
            if not self.runner.busy
            else self.tr("Counting…")
        )
        self.model.set_node(node)
        if current is not None:
            self._on_tile_current(current)
        top = shown_path(self.map.path if self.map is not None else self.folder)
        self.breadcrumb.set_steps([top, *self.path])
        if node is not None:
            figure = self.tr("%1 in %Ln file(s)", "", node.files)
            self.total.setText(figure.replace("%1", human_size(node.bytes)))
        else:
            self.total.setText("")

    def _say(self, text: Callable[[], str]) -> None:
        """The status line, kept as a function so a new language says it again."""
        self._status_key = text
        self.status.setText(text())
        self.status.setToolTip("")

    # --- treemap and list in step -------------------------------------------------------------
    @Slot(object)
    def _on_tile_current(self, path: object) -> None:
        if not isinstance(path, tuple) or not path:
            return
        row = self.model.row_of(path[0])
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.selectRow(row)
            self.list.scrollTo(self.model.index(row, 0))

    @Slot(QModelIndex, QModelIndex)
    def _on_row_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        name = current.data(NameRole) if current.isValid() else ""
        self.treemap.set_current((name,) if name else None)

    @Slot(QModelIndex)
    def _on_row_activated(self, index: QModelIndex) -> None:
        name = index.data(NameRole)
        if name:
            self.drill((name,))

    @Slot(object, QPoint)
    def _on_tile_menu(self, tile: Tile, where: QPoint) -> None:
        removable = tile.kind is TileKind.FOLDER
        self.menu_for(self.treemap.full_path(tile), removable=removable).exec(where)

    @Slot(QPoint)
    def _on_row_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        name = index.data(NameRole)
        folder = os.path.join(self.shown_folder(), name) if name else self.shown_folder()
        self.menu_for(folder, removable=bool(name)).exec(self.list.viewport().mapToGlobal(pos))


__all__ = ["MapTab"]
