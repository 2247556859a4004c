"""The General tab of the Settings page: how cleaning behaves, language, start-up."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
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
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from onecleaner.app.quick import quick_setting
from onecleaner.engine.env import current_os
from onecleaner.engine.model import OS, Application, DeleteMode, Risk, Target
from onecleaner.gui.catalog_text import app_name, target_description, target_label
from onecleaner.gui.i18n import (
    LANGUAGES,
    Texts,
    format_datetime,
    language_label,
    number_suffix,
)
from onecleaner.gui.layout import add_row, form_row
from onecleaner.gui.theme import GAP
from onecleaner.settings import Language, Schedule, Settings

_ID_ROLE = Qt.ItemDataRole.UserRole


class CatalogView(Protocol):
    """What the settings need of the engine's catalog (engine.catalog.Catalog)."""

    @property
    def presets(self) -> Mapping[str, tuple[str, ...]]: ...
    def targets_for(self, os_: OS) -> Sequence[Target]: ...
    def app_of(self, target: Target | str) -> Application: ...


class GeneralPage(QWidget):
    """Delete mode, quick preset, never-touch paths, age filter, schedule, language, start-up.

    Every change the user makes emits `edited`; the Settings page saves it at once.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None, *, catalog: CatalogView, data_dir: Path) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._data_dir = data_dir
        self._preset = tuple(catalog.presets.get("quick", ()))
        self._showing = False  # True while show_settings fills the widgets (not a user edit)
        self.texts = Texts()
        bind = self.texts.bind

        # --- Cleaning --------------------------------------------------------------------
        self.delete_mode = QComboBox(self)
        self.delete_mode.addItem("", DeleteMode.PERMANENT)
        self.delete_mode.addItem("", DeleteMode.TRASH)
        bind(
            lambda s: self.delete_mode.setItemText(0, s),
            lambda: self.tr("Delete permanently (caches regenerate)"),
        )
        bind(
            lambda s: self.delete_mode.setItemText(1, s),
            lambda: self.tr("Move to the trash (can be restored)"),
        )
        bind(self.delete_mode.setAccessibleName, lambda: self.tr("Delete mode"))

        self.age_enabled = QCheckBox(self)
        bind(self.age_enabled.setText, lambda: self.tr("Only remove files older than"))
        self.age_days = QSpinBox(self)
        self.age_days.setRange(1, 3650)
        self.age_days.setKeyboardTracking(False)  # one change when the typing is done
        bind(self.age_days.setSuffix, self._days_suffix)
        self.age_days.valueChanged.connect(lambda _v: self.age_days.setSuffix(self._days_suffix()))
        bind(self.age_days.setAccessibleName, lambda: self.tr("Minimum age in days"))
        self.age_enabled.toggled.connect(self.age_days.setEnabled)
        age_row = QHBoxLayout()
        age_row.addWidget(self.age_enabled)
        age_row.addWidget(self.age_days)
        age_row.addStretch(1)

        cleaning = QGroupBox(self)
        bind(cleaning.setTitle, lambda: self.tr("Cleaning"))
        form = QFormLayout(cleaning)
        bind(add_row(form, "", self.delete_mode).setText, lambda: self.tr("&Delete mode:"))
        bind(form_row(form, age_row).setText, lambda: self.tr("Age filter:"))

        # --- Quick clean preset ---------------------------------------------------------
        # The list shows every row (no scroll bar of its own): the page scrolls as one.
        self.quick_list = _FullList(self)
        bind(self.quick_list.setAccessibleName, lambda: self.tr("Items of the quick clean"))
        for target in catalog.targets_for(current_os()):
            item = QListWidgetItem(self.quick_list)
            item.setData(_ID_ROLE, target.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._label_quick_items()
        self.quick_list.itemChanged.connect(lambda _item: self._user_edit())
        self.quick_defaults = QPushButton(self)
        bind(self.quick_defaults.setText, lambda: self.tr("Restore the &recommended set"))
        self.quick_defaults.clicked.connect(lambda: self._check_quick(self._preset))
        quick = QGroupBox(self)
        bind(quick.setTitle, lambda: self.tr("Quick clean (Home, tray and schedule)"))
        quick_layout = QVBoxLayout(quick)
        quick_intro = QLabel(quick)
        quick_intro.setWordWrap(True)
        bind(quick_intro.setText, lambda: self.tr("What a quick clean removes:"))
        quick_layout.addWidget(quick_intro)
        quick_layout.addWidget(self.quick_list)
        quick_layout.addWidget(self.quick_defaults, 0, Qt.AlignmentFlag.AlignLeft)

        # --- Never touch -----------------------------------------------------------------
        self.never_list = _FullList(self, min_rows=2)
        bind(self.never_list.setAccessibleName, lambda: self.tr("Paths never to touch"))
        self.never_add = QPushButton(self)
        bind(self.never_add.setText, lambda: self.tr("&Add folder…"))
        self.never_remove = QPushButton(self)
        bind(self.never_remove.setText, lambda: self.tr("Re&move"))
        self.never_add.clicked.connect(self._add_never_touch)
        self.never_remove.clicked.connect(self._remove_never_touch)
        self.never_list.itemSelectionChanged.connect(self._update_buttons)
        never_buttons = QVBoxLayout()
        never_buttons.addWidget(self.never_add)
        never_buttons.addWidget(self.never_remove)
        never_buttons.addStretch(1)
        never = QGroupBox(self)
        bind(never.setTitle, lambda: self.tr("Never touch"))
        never_row = QHBoxLayout(never)
        never_row.addWidget(self.never_list, 1)
        never_row.addLayout(never_buttons)

        # --- Schedule, language, start-up ------------------------------------------------
        self.schedule = QComboBox(self)
        for choice in (Schedule.OFF, Schedule.DAILY, Schedule.WEEKLY):
            self.schedule.addItem("", choice)
        bind(lambda s: self.schedule.setItemText(0, s), lambda: self.tr("Off"))
        bind(lambda s: self.schedule.setItemText(1, s), lambda: self.tr("Daily"))
        bind(lambda s: self.schedule.setItemText(2, s), lambda: self.tr("Weekly"))
        bind(self.schedule.setAccessibleName, lambda: self.tr("Scheduled quick clean"))
        self.next_run = QLabel(self)
        self.next_run.setWordWrap(True)
        self.schedule.currentIndexChanged.connect(lambda _i: self.refresh_next_run(None))

        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(language_label(code), Language(code))
        bind(lambda s: self.language.setItemText(0, s), lambda: language_label("system"))
        bind(self.language.setAccessibleName, lambda: self.tr("Language"))

        self.start_in_tray = QCheckBox(self)
        bind(self.start_in_tray.setText, lambda: self.tr("Start in the system &tray"))
        self.start_at_login = QCheckBox(self)
        bind(
            self.start_at_login.setText,
            lambda: self.tr("Start ONE Cleaner at &login (in the tray)"),
        )
        self._login_shown = False  # the real start-at-login state the box last showed
        if _autostart() is None:
            self.start_at_login.setEnabled(False)
            bind(
                self.start_at_login.setToolTip,
                lambda: self.tr("Not available in this installation."),
            )

        startup = QGroupBox(self)
        bind(startup.setTitle, lambda: self.tr("Schedule, language and start-up"))
        startup_form = QFormLayout(startup)
        bind(
            add_row(startup_form, "", self.schedule).setText,
            lambda: self.tr("&Scheduled quick clean:"),
        )
        startup_form.addRow("", self.next_run)
        bind(add_row(startup_form, "", self.language).setText, lambda: self.tr("&Language:"))
        startup_form.addRow("", self.start_in_tray)
        startup_form.addRow("", self.start_at_login)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        layout.addWidget(cleaning)
        layout.addWidget(quick)
        layout.addWidget(never)
        layout.addWidget(startup)
        layout.addStretch(1)
        for combo in (self.delete_mode, self.schedule, self.language):
            combo.currentIndexChanged.connect(lambda _i: self._user_edit())
        for box in (self.age_enabled, self.start_in_tray, self.start_at_login):
            box.toggled.connect(lambda _on: self._user_edit())
        self.age_days.valueChanged.connect(lambda _v: self._user_edit())
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._label_quick_items()
            self.refresh_next_run(None)
        super().changeEvent(event)

    def _days_suffix(self) -> str:
        days = self.age_days.value()
        return number_suffix(self.tr("%n day(s)", "", days), days)

    def _user_edit(self) -> None:
        if not self._showing:
            self.edited.emit()

    # --- Values in and out ---------------------------------------------------------------
    def show_settings(self, s: Settings) -> None:
        self._showing = True
        try:
            self._show_settings(s)
        finally:
            self._showing = False

    def _show_settings(self, s: Settings) -> None:
        self.delete_mode.setCurrentIndex(self.delete_mode.findData(s.delete_mode))
        self._check_quick(s.quick_targets if s.quick_targets is not None else self._preset)
        self.never_list.clear()
        self.never_list.addItems(list(s.never_touch))
        self.never_list.fit()
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
        # The words of the Clean page's risk badges, so one item reads the same everywhere.
        risk = {
            Risk.SAFE: "",
            Risk.CARE: self.tr(" (Care)"),
            Risk.PRIVACY: self.tr(" (Privacy)"),
        }[target.risk]
        label = target_label(target)
        # "Google Chrome — Google Chrome cache" says the name twice: the label alone does.
        shown = label if label.startswith(app) else f"{app} — {label}"
        return f"{shown}{risk}"

    def _label_quick_items(self) -> None:
        by_id = {t.id: t for t in self._catalog.targets_for(current_os())}
        self.quick_list.blockSignals(True)
        for item in self._items():
            target = by_id[str(item.data(_ID_ROLE))]
            item.setText(self._target_text(target))
            item.setToolTip(target_description(target))
        self.quick_list.blockSignals(False)
        self.quick_list.fit()

    def _items(self) -> list[QListWidgetItem]:
        return [self.quick_list.item(i) for i in range(self.quick_list.count())]

    def _check_quick(self, ids: Sequence[str]) -> None:
        wanted = set(ids)
        self.quick_list.blockSignals(True)
        for item in self._items():
            on = item.data(_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.quick_list.blockSignals(False)
        self.quick_list.viewport().update()
        self._user_edit()

    def _add_never_touch(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder never to touch"))
        if folder:
            existing = {self.never_list.item(i).text() for i in range(self.never_list.count())}
            if folder not in existing:
                self.never_list.addItem(folder)
                self.never_list.fit()
                self._user_edit()
        self._update_buttons()

    def _remove_never_touch(self) -> None:
        for item in self.never_list.selectedItems():
            self.never_list.takeItem(self.never_list.row(item))
        self.never_list.fit()
        self._user_edit()
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


class _FullList(QListWidget):
    """A list as tall as its rows (no scroll bar of its own), for a page that scrolls as one."""

    def __init__(self, parent: QWidget | None, *, min_rows: int = 1) -> None:
        super().__init__(parent)
        self._min_rows = min_rows
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)  # rows that breathe a little
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model = self.model()
        model.rowsInserted.connect(self.fit)
        model.rowsRemoved.connect(self.fit)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        self.fit()  # rows in another script (Chinese) are taller: measured as shown
        super().showEvent(event)

    def fit(self) -> None:
        rows = max(self.count(), self._min_rows)
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 8
        self.setFixedHeight(rows * (row + 2 * self.spacing()) + 2 * self.frameWidth() + 4)


def _autostart() -> ModuleType | None:
    """The start-at-login module, or None when this installation does not have it."""
    try:
        from onecleaner import autostart
    except ImportError:
        return None
    return autostart
