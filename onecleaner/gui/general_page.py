"""The General page of the settings dialog: how cleaning behaves, language, start-up."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from onecleaner.app.quick import quick_setting
from onecleaner.engine.env import current_os
from onecleaner.engine.model import OS, Application, DeleteMode, Risk, Target
from onecleaner.gui.catalog_text import app_name, target_description, target_label
from onecleaner.gui.i18n import LANGUAGES, format_datetime, language_label
from onecleaner.gui.layout import add_row
from onecleaner.settings import Language, Schedule, Settings

_ID_ROLE = Qt.ItemDataRole.UserRole


class CatalogView(Protocol):
    """What the settings need of the engine's catalog (engine.catalog.Catalog)."""

    @property
    def presets(self) -> Mapping[str, tuple[str, ...]]: ...
    def targets_for(self, os_: OS) -> Sequence[Target]: ...
    def app_of(self, target: Target | str) -> Application: ...


class GeneralPage(QWidget):
    """Delete mode, quick preset, never-touch paths, age filter, schedule, language, start-up."""

    def __init__(self, parent: QWidget | None, *, catalog: CatalogView, data_dir: Path) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._data_dir = data_dir
        self._preset = tuple(catalog.presets.get("quick", ()))

        # --- Cleaning --------------------------------------------------------------------
        self.delete_mode = QComboBox(self)
        self.delete_mode.addItem(
            self.tr("Delete permanently (caches regenerate)"), DeleteMode.PERMANENT
        )
        self.delete_mode.addItem(self.tr("Move to the trash (can be restored)"), DeleteMode.TRASH)
        self.delete_mode.setAccessibleName(self.tr("Delete mode"))

        self.age_enabled = QCheckBox(self.tr("Only remove files older than"), self)
        self.age_days = QSpinBox(self)
        self.age_days.setRange(1, 3650)
        self.age_days.setSuffix(self.tr(" days"))
        self.age_days.setAccessibleName(self.tr("Minimum age in days"))
        self.age_enabled.toggled.connect(self.age_days.setEnabled)
        age_row = QHBoxLayout()
        age_row.addWidget(self.age_enabled)
        age_row.addWidget(self.age_days)
        age_row.addStretch(1)

        cleaning = QGroupBox(self.tr("Cleaning"), self)
        form = QFormLayout(cleaning)
        add_row(form, self.tr("&Delete mode:"), self.delete_mode)
        form.addRow(self.tr("Age filter:"), age_row)

        # --- Quick clean preset ---------------------------------------------------------
        self.quick_list = QListWidget(self)
        self.quick_list.setAccessibleName(self.tr("Targets of the quick clean"))
        self.quick_list.setMinimumHeight(220)
        for target in catalog.targets_for(current_os()):
            item = QListWidgetItem(self._target_text(target), self.quick_list)
            item.setData(_ID_ROLE, target.id)
            item.setToolTip(target_description(target))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.quick_defaults = QPushButton(self.tr("Restore the &recommended set"), self)
        self.quick_defaults.clicked.connect(lambda: self._check_quick(self._preset))
        quick = QGroupBox(self.tr("Quick clean (tray and schedule)"), self)
        quick_layout = QVBoxLayout(quick)
        quick_layout.addWidget(QLabel(self.tr("What a quick clean removes:"), quick))
        quick_layout.addWidget(self.quick_list)
        quick_layout.addWidget(self.quick_defaults, 0, Qt.AlignmentFlag.AlignLeft)

        # --- Never touch -----------------------------------------------------------------
        self.never_list = QListWidget(self)
        self.never_list.setAccessibleName(self.tr("Paths never to touch"))
        self.never_list.setMinimumHeight(70)
        self.never_list.setMaximumHeight(110)
        self.never_add = QPushButton(self.tr("&Add folder…"), self)
        self.never_remove = QPushButton(self.tr("Re&move"), self)
        self.never_add.clicked.connect(self._add_never_touch)
        self.never_remove.clicked.connect(self._remove_never_touch)
        self.never_list.itemSelectionChanged.connect(self._update_buttons)
        never_buttons = QVBoxLayout()
        never_buttons.addWidget(self.never_add)
        never_buttons.addWidget(self.never_remove)
        never_buttons.addStretch(1)
        never = QGroupBox(self.tr("Never touch"), self)
        never_row = QHBoxLayout(never)
        never_row.addWidget(self.never_list, 1)
        never_row.addLayout(never_buttons)

        # --- Schedule, language, start-up ------------------------------------------------
        self.schedule = QComboBox(self)
        self.schedule.addItem(self.tr("Off"), Schedule.OFF)
        self.schedule.addItem(self.tr("Daily"), Schedule.DAILY)
        self.schedule.addItem(self.tr("Weekly"), Schedule.WEEKLY)
        self.schedule.setAccessibleName(self.tr("Scheduled quick clean"))
        self.next_run = QLabel(self)
        self.next_run.setWordWrap(True)
        self.schedule.currentIndexChanged.connect(lambda _i: self.refresh_next_run(None))

        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(language_label(code), Language(code))
        self.language.setAccessibleName(self.tr("Language"))
        language_note = QLabel(self.tr("A new language applies the next time ONE Cleaner starts."))
        language_note.setWordWrap(True)

        self.start_in_tray = QCheckBox(self.tr("Start in the system &tray"), self)
        self.start_at_login = QCheckBox(self.tr("Start ONE Cleaner at &login (in the tray)"), self)
        self._login_shown = False  # the real start-at-login state the box last showed
        if _autostart() is None:
            self.start_at_login.setEnabled(False)
            self.start_at_login.setToolTip(self.tr("Not available in this installation."))

        startup = QGroupBox(self.tr("Schedule and start-up"), self)
        startup_form = QFormLayout(startup)
        add_row(startup_form, self.tr("&Scheduled quick clean:"), self.schedule)
        startup_form.addRow("", self.next_run)
        add_row(startup_form, self.tr("&Language:"), self.language)
        startup_form.addRow("", language_note)
        startup_form.addRow("", self.start_in_tray)
        startup_form.addRow("", self.start_at_login)

        layout = QVBoxLayout(self)
        layout.addWidget(cleaning)
        layout.addWidget(quick, 1)  # the longest list gets the spare height
        layout.addWidget(never)
        layout.addWidget(startup)
        self._update_buttons()

    # --- Values in and out ---------------------------------------------------------------
    def show_settings(self, s: Settings) -> None:
        self.delete_mode.setCurrentIndex(self.delete_mode.findData(s.delete_mode))
        self._check_quick(s.quick_targets if s.quick_targets is not None else self._preset)
        self.never_list.clear()
        self.never_list.addItems(list(s.never_touch))
        self.age_enabled.setChecked(s.min_age_days is not None)
        self.age_days.setValue(max(1, round(s.min_age_days or 7)))
        self.age_days.setEnabled(s.min_age_days is not None)
        self.schedule.setCurrentIndex(self.schedule.findData(s.schedule))
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.start_in_tray.setChecked(s.start_in_tray)
        # What login really does (an installer's or a hand-made entry, an "off" set in Task
        # Manager or System Settings), not what this app last saved.
        self._login_shown = _login_state(s.start_at_login)
        self.start_at_login.setChecked(self._login_shown)
        self.refresh_next_run(s)
        self._update_buttons()

    def read_into(self, s: Settings) -> Settings:
        """These widgets' values applied to a settings record."""
        checked = tuple(
            str(item.data(_ID_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )
        quick = quick_setting(checked, self._catalog, current_os())
        return dataclasses.replace(
            s,
            delete_mode=self.delete_mode.currentData(),
            quick_targets=quick,
            never_touch=tuple(
                self.never_list.item(i).text() for i in range(self.never_list.count())
            ),
            min_age_days=float(self.age_days.value()) if self.age_enabled.isChecked() else None,
            schedule=self.schedule.currentData(),
            language=self.language.currentData(),
            start_in_tray=self.start_in_tray.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
        )

    def apply_start_at_login(self, enabled: bool) -> str | None:
        """Make login start (or not start) the app; a message for a person when it failed."""
        autostart = _autostart()
        if autostart is None:
            return (
                self.tr("Starting at login is not available in this installation.")
                if enabled
                else None
            )
        if enabled == self._login_shown:
            return None  # not flipped here: an entry someone else made stays as it is
        try:
            if enabled:
                autostart.enable()
            else:
                autostart.disable()
        except (autostart.AutostartError, OSError) as exc:
            return self.tr("The start-at-login entry could not be changed: %1").replace(
                "%1", str(exc)
            )
        self._login_shown = enabled
        return None

    def refresh_next_run(self, s: Settings | None) -> None:
        """Say when the scheduled quick clean runs next (for the schedule as shown)."""
        choice = self.schedule.currentData()
        if choice is None or choice == Schedule.OFF:
            self.next_run.setText(self.tr("No scheduled cleaning."))
            return
        try:
            from onecleaner import schedule
        except ImportError:
            self.next_run.setText("")
            return
        now = datetime.now().astimezone()
        shown = dataclasses.replace(s or Settings(), schedule=choice)
        when = schedule.next_run(shown, schedule.load_last_run(self._data_dir), now)
        if when is None:
            self.next_run.setText("")
        elif when <= now:
            self.next_run.setText(self.tr("Next run: as soon as ONE Cleaner is running."))
        else:
            self.next_run.setText(self.tr("Next run: %1").replace("%1", format_datetime(when)))

    # --- Helpers ----------------------------------------------------------------------------
    def _target_text(self, target: Target) -> str:
        try:
            app = app_name(self._catalog.app_of(target))
        except Exception:  # a target without its application: show the id instead
            app = target.app_id
        risk = {
            Risk.SAFE: "",
            Risk.CARE: self.tr(" (take care)"),
            Risk.PRIVACY: self.tr(" (privacy)"),
        }[target.risk]
        return f"{app} — {target_label(target)}{risk}"

    def _items(self) -> list[QListWidgetItem]:
        return [self.quick_list.item(i) for i in range(self.quick_list.count())]

    def _check_quick(self, ids: Sequence[str]) -> None:
        wanted = set(ids)
        for item in self._items():
            on = item.data(_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _add_never_touch(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder never to touch"))
        if folder:
            existing = {self.never_list.item(i).text() for i in range(self.never_list.count())}
            if folder not in existing:
                self.never_list.addItem(folder)
        self._update_buttons()

    def _remove_never_touch(self) -> None:
        for item in self.never_list.selectedItems():
            self.never_list.takeItem(self.never_list.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.never_remove.setEnabled(bool(self.never_list.selectedItems()))


def _login_state(saved: bool) -> bool:
    """Whether login starts the app now, as the OS says; `saved` when it cannot be read."""
    autostart = _autostart()
    if autostart is None:
        return saved
    try:
        return bool(autostart.is_enabled())
    except (autostart.AutostartError, OSError):
        return saved


def _autostart() -> ModuleType | None:
    """The start-at-login module, or None when this installation does not have it."""
    try:
        from onecleaner import autostart
    except ImportError:
        return None
    return autostart
