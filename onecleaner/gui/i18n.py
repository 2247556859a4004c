"""The app's language: which one to use, and installing its Qt translators.

English is the source language: its translator holds only the plural forms ("1 file",
"2 files"). Simplified Chinese ships as ``resources/translations/onecleaner_zh_CN.qm``, together
with Qt's own translations for the standard buttons and dialogs when the Qt installation has
them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from onecleaner.resources import resource

# The languages the settings offer; "system" follows the desktop's language.
LANGUAGES: tuple[str, ...] = ("system", "en", "zh_CN")
SHIPPED: tuple[str, ...] = ("en", "zh_CN")

_installed: list[QTranslator] = []
_current = "en"


def resolve_language(language: str, system: QLocale | None = None) -> str:
    """The shipped language to use for a setting: "en" or "zh_CN".

    "system" follows the desktop's locale; any Chinese locale gets Simplified Chinese (the only
    Chinese we ship, and closer than English for readers of Traditional Chinese); anything
    unknown gets English.
    """
    if language in SHIPPED:
        return language
    locale = system if system is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    for name in locale.uiLanguages():
        if name.lower().replace("_", "-").startswith("zh"):
            return "zh_CN"
    return "en"


def translation_file(language: str) -> str:
    """The path of the compiled translation of the app for a shipped language."""
    return str(resource("translations", f"onecleaner_{language}.qm"))


def current_language() -> str:
    """The language the installed translators give ("en" when none is installed)."""
    return _current


def install_translator(app: QCoreApplication, language: str) -> str:
    """Install the translators for a language setting (system|en|zh_CN); returns the one used.

    Earlier translators installed by this function are removed first, so it can be called again
    when the setting changes (widgets then receive a LanguageChange event). A missing or broken
    translation file falls back to English rather than failing.
    """
    global _current
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()

    wanted = resolve_language(language)
    used = "en"
    if wanted != "en":
        ours = QTranslator(app)
        if ours.load(translation_file(wanted)):
            app.installTranslator(ours)
            _installed.append(ours)
            used = wanted
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_base = QTranslator(app)
            # Standard buttons (OK, Cancel) and file dialogs; optional, not every Qt has them.
            if qt_base.load(f"qtbase_{wanted}", qt_dir):
                app.installTranslator(qt_base)
                _installed.append(qt_base)
    if used == "en":
        plurals = QTranslator(app)
        if plurals.load(translation_file("en")):  # "1 file" / "2 files"
            app.installTranslator(plurals)
            _installed.append(plurals)
    # Numbers and dates follow the UI language in Chinese, else the desktop's own conventions
    # (the bare C locale writes 200000 files: US English groups them, 200,000).
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        system = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(QLocale(used) if used != "en" else system)
    _current = used
    return used


def language_label(code: str) -> str:
    """The name of a language setting as shown in the language chooser."""
    if code == "zh_CN":
        return "简体中文"  # always in its own script, so a reader can find it in any UI language
    if code == "en":
        return "English"
    return QCoreApplication.translate("i18n", "System language")


def notice_language() -> str:
    """The key of a notice's title/body mapping for the UI language ("en" or "zh_CN")."""
    return "zh_CN" if _current == "zh_CN" else "en"


def _local(when: datetime) -> datetime:
    # A time without an offset is taken as local; one with an offset is shown in local time.
    return when.astimezone() if when.tzinfo is not None else when


def format_date(when: datetime) -> str:
    """A date for people, in the UI language's long format without the weekday (e.g.
    March 1, 2026 or 1 March 2026, as the locale writes it; 2026年3月1日)."""
    local = _local(when)
    locale = QLocale()
    # The long format names the weekday too ("Sunday, March 1, 2026"): noise for a deadline.
    fmt = re.sub(r"dddd[,\s]*|[,\s]*dddd", "", locale.dateFormat(QLocale.FormatType.LongFormat))
    return locale.toString(QDate(local.year, local.month, local.day), fmt.strip(" ,"))


def format_iso_date(text: str) -> str:
    """An ISO date (2026-03-01) as format_date writes it; any other text as it is."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return format_date(datetime(day.year, day.month, day.day))


def format_datetime(when: datetime) -> str:
    """A date and time for people, in the UI language's short format, in local time."""
    local = _local(when)
    moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class Texts:
    """A widget's fixed texts, set now and again whenever the language changes.

    `bind(label.setText, lambda: self.tr("Folder:"))` sets the text at once and remembers how
    to make it; `retranslate()` (from the widget's LanguageChange) makes each one again.
    """

    def __init__(self) -> None:
        self._bound: list[tuple[Callable[[str], object], Callable[[], str]]] = []

    def bind(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        setter(text())
        self._bound.append((setter, text))

    def retranslate(self) -> None:
        for setter, text in self._bound:
            setter(text())


def list_text(items: Sequence[str]) -> str:
    """Items in a list, with the UI language's separator ("a, b"; Chinese "a、b")."""
    return QCoreApplication.translate("i18n", ", ").join(items)


def number_suffix(counted: str, n: int) -> str:
    """What follows the number in a counted text ("7 days" -> " days"), for a spin box's
    suffix: its plural form then follows the value ("1 day", "2 days")."""
    return counted.replace(QLocale().toString(n), "", 1).replace(str(n), "", 1)
