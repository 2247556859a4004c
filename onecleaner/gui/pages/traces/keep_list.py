"""The cookie keep-list editor: the kept domains, a field to add one (with a message for a
malformed domain), and the suggestions from bookmarks and saved logins as ticks.

Each change is written at once under the data folder's lock (settings.change_keep_list), so a
change made meanwhile by the command line is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onecleaner.engine.records.domains import DomainError, normalize_domain
from onecleaner.gui.catalog_text import catalog_text
from onecleaner.gui.i18n import Texts, list_text
from onecleaner.gui.jobs.suggest import SuggestOutcome
from onecleaner.gui.pages.traces.suggestions import SuggestionModel
from onecleaner.gui.theme import MARGIN, SPACING
from onecleaner.gui.trace_text import domain_problem_text
from onecleaner.privacy.errors import PrivacyError
from onecleaner.settings import KeepListUnknown, change_keep_list, load_settings

log = logging.getLogger(__name__)

class KeepListEditor(QWidget):
    """Edits the cookie keep-list; `changed(Settings)` once a change is stored."""

    changed = Signal(object)  # Settings, as stored after the change

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._keep: tuple[str, ...] = ()
        self.texts = Texts()
        bind = self.texts.bind

        self.title = QLabel(self)
        self.title.setProperty("role", "subtitle")
        bind(self.title.setText, lambda: self.tr("Cookie keep-list"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        bind(
            self.intro.setText,
            lambda: self.tr(
                "Cookies of these domains and their subdomains stay when cookies are cleaned, "
                "so you stay signed in to them."
            ),
        )
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        bind(self.field.setPlaceholderText, lambda: self.tr("example.org"))
        bind(self.field.setAccessibleName, lambda: self.tr("Domain to keep"))
        self.field.returnPressed.connect(self.add_typed)
        self.field.textEdited.connect(lambda _text: self.show_problem(None))
        self.add_button = QPushButton(self)
        bind(self.add_button.setText, lambda: self.tr("&Add"))
        bind(self.add_button.setAccessibleName, lambda: self.tr("Add the domain to the keep-list"))
        self.add_button.clicked.connect(self.add_typed)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._problem: Callable[[], str] | None = None  # the message, in the UI language
        self.kept = QListWidget(self)
        self.kept.setObjectName("keptDomains")
        self.kept.setProperty("role", "roomy")
        self.kept.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        bind(self.kept.setAccessibleName, lambda: self.tr("Kept domains"))
        self.kept.itemSelectionChanged.connect(self._update_buttons)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.kept)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        bind(
            self.empty.setText,
            lambda: self.tr(
                "Your keep-list is empty: cleaning cookies signs you out of every site."
            ),
        )
        self.remove_button = QPushButton(self)
        bind(self.remove_button.setText, lambda: self.tr("&Remove"))
        bind(
            self.remove_button.setAccessibleName,
            lambda: self.tr("Remove the selected domains from the keep-list"),
        )
        self.remove_button.clicked.connect(self.remove_selected)

        self.suggest_title = QLabel(self)
        self.suggest_title.setProperty("role", "strong")
        bind(self.suggest_title.setText, lambda: self.tr("Suggestions"))
        self.suggest_intro = QLabel(self)
        self.suggest_intro.setWordWrap(True)
        self.suggest_intro.setProperty("role", "muted")
        bind(
            self.suggest_intro.setText,
            lambda: self.tr(
                "Sites you bookmarked or have a saved login for (no password is read). Tick one "
                "to keep its cookies."
            ),
        )
        self.suggestion_model = SuggestionModel(self)
        self.suggestion_model.toggled.connect(self._on_suggestion_toggled)
        self.suggestions = QTableView(self)
        self.suggestions.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.suggestions.setObjectName("suggestionTable")
        self.suggestions.setProperty("role", "roomy")
        self.suggestions.setModel(self.suggestion_model)
        self.suggestions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestions.setAlternatingRowColors(True)
        self.suggestions.setWordWrap(False)
        self.suggestions.verticalHeader().setVisible(False)
        # Two lines a row, as tall as the script needs (a few hundred rows at most).
        rows = self.suggestions.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head = self.suggestions.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(SuggestionModel.DOMAIN, QHeaderView.ResizeMode.Stretch)
        head.setHighlightSections(False)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        bind(self.suggestions.setAccessibleName, lambda: self.tr("Suggested domains"))
        self.suggest_status = QLabel(self)
        self.suggest_status.setWordWrap(True)
        self.suggest_status.setProperty("role", "muted")
        self._suggest_state: Callable[[], str] = lambda: self.tr(
            "Reading your bookmarks and saved logins…"
        )

        add_row = QHBoxLayout()
        add_row.setSpacing(SPACING)
        add_row.addWidget(self.field, 1)
        add_row.addWidget(self.add_button)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.empty, 1)
        remove_row.addStretch(0)
        remove_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        kept_column = QVBoxLayout()
        kept_column.setSpacing(SPACING)
        kept_column.addLayout(add_row)
        kept_column.addWidget(self.problem)
        kept_column.addWidget(self.kept, 1)
        kept_column.addLayout(remove_row)
        suggest_column = QVBoxLayout()
        suggest_column.setSpacing(SPACING)
        suggest_column.addWidget(self.suggest_title)
        suggest_column.addWidget(self.suggest_intro)
        suggest_column.addWidget(self.suggestions, 1)
        suggest_column.addWidget(self.suggest_status)
        columns = QHBoxLayout()
        columns.setSpacing(MARGIN)
        columns.addLayout(kept_column, 1)
        columns.addLayout(suggest_column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        self._fit_columns()
        self._update_buttons()

    # --- what is shown ---------------------------------------------------------------------
    def keep(self) -> tuple[str, ...]:
        return self._keep

    def set_keep(self, keep: Sequence[str]) -> None:
        """Show a stored keep-list (ticks the suggestions it holds)."""
        self._keep = tuple(keep)
        selected = {item.text() for item in self.kept.selectedItems()}
        self.kept.clear()
        for domain in self._keep:
            self.kept.addItem(domain)
            if domain in selected:
                self.kept.item(self.kept.count() - 1).setSelected(True)
        self.suggestion_model.set_kept(self._keep)
        self.empty.setVisible(not self._keep)
        self._update_buttons()

    def reload(self) -> tuple[str, ...]:
        """Show the stored list again (the command line may have changed it); the list."""
        settings, _warning = load_settings(self.data_dir)
        self.set_keep(settings.cookie_keep_list)
        return settings.cookie_keep_list

    def suggestions_loading(self) -> None:
        self._suggest_state = lambda: self.tr("Reading your bookmarks and saved logins…")
        self.suggest_status.setText(self._suggest_state())
        self.suggest_status.show()

    def set_suggestions(self, outcome: SuggestOutcome) -> None:
        """Show the suggestions (ticked where kept), and what could not be read."""
        self.suggestion_model.set_suggestions(outcome.suggestions)
        self.suggestion_model.set_kept(self._keep)
        self._fit_columns()
        unread = outcome.unread

        def state() -> str:
            parts = []
            if not outcome.suggestions:
                parts.append(self.tr("No bookmarks or saved logins were found in your browsers."))
            if unread:
                names = list_text(list(dict.fromkeys(catalog_text(u.browser) for u in unread)))
                parts.append(
                    self.tr("Some could not be read (%1): %2")
                    .replace("%2", unread[0].error)
                    .replace("%1", names)
                )
            return " ".join(parts)

        self._suggest_state = state
        self.suggest_status.setText(state())
        self.suggest_status.setVisible(bool(state()))

    def suggestions_failed(self, message: str) -> None:
        self._suggest_state = lambda: self.tr("The suggestions could not be read: %1").replace(
            "%1", message
        )
        self.suggest_status.setText(self._suggest_state())
        self.suggest_status.show()

    def show_problem(self, text: Callable[[], str] | None) -> None:
        """A message under the field (None: none), made again after a language change."""
        self._problem = text
        self.problem.setText(text() if text is not None else "")
        self.problem.setVisible(text is not None)

    def focus_field(self) -> None:
        self.field.setFocus()

    def _fit_columns(self) -> None:
        self.suggestions.resizeColumnToContents(SuggestionModel.WHY)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.kept.selectedItems()))

    # --- changes ---------------------------------------------------------------------------
    def add_typed(self) -> bool:
        """Keep the domain typed in the field; a malformed one is explained, nothing changes."""
        typed = self.field.text()
        try:
            domain = normalize_domain(typed)
        except DomainError as exc:
            error = exc
            self.show_problem(lambda: domain_problem_text(error, typed))
            return False
        if domain in self._keep:
            self.show_problem(
                lambda: self.tr("%1 is already on the keep-list.").replace("%1", domain)
            )
            return False
        if self._change(lambda keep: (*keep, domain)):
            self.field.clear()
            self.show_problem(None)
            return True
        return False

    def remove_selected(self) -> bool:
        gone = {item.text() for item in self.kept.selectedItems()}
        if not gone:
            return False
        return self._change(lambda keep: (d for d in keep if d not in gone))

    def _on_suggestion_toggled(self, domain: str, keep_it: bool) -> None:
        if keep_it:
            self._change(lambda keep: (*keep, domain))
        else:
            self._change(lambda keep: (d for d in keep if d != domain))

    def _change(self, change: Callable[[tuple[str, ...]], Iterable[str]]) -> bool:
        """Store a change of the list; False (with a message) when it could not be stored."""
        try:
            _before, settings = change_keep_list(self.data_dir, change)
        except KeepListUnknown:
            self.show_problem(
                lambda: self.tr(
                    "Your settings file could not be read, so the saved keep-list is unknown: "
                    "nothing was changed. See the message at the top of the window."
                )
            )
            return False
        except (OSError, PrivacyError) as exc:
            log.warning("could not save the keep-list", exc_info=True)
            error = str(exc)
            self.show_problem(
                lambda: self.tr("The keep-list could not be saved: %1").replace("%1", error)
            )
            return False
        self.set_keep(settings.cookie_keep_list)
        self.changed.emit(settings)
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self.show_problem(self._problem)
            self.suggestion_model.retranslate()
            self._fit_columns()
            if self.suggest_status.text():
                self.suggest_status.setText(self._suggest_state())
        super().changeEvent(event)


__all__ = ["KeepListEditor"]
