"""The cleaner definitions' texts (application names, target labels, descriptions) as shown.

The definitions stay data, written in English (resources/cleaners/*.toml).
installer/update_translations.py copies each of their texts into the translation sources under
the "catalog" context, with the English text as the source; these functions look the text up in
the installed translator. A text without a translation (a definition added after the last
translation run, a user's own definition) shows in English, never as an id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from onecleaner.engine.model import Application, Target

#: The translation context of the definitions' texts (shared with update_translations.py).
CONTEXT = "catalog"


def catalog_text(text: str) -> str:
    """A definition's text in the UI language (the English text when it has no translation)."""
    if not text:
        return text
    return QCoreApplication.translate(CONTEXT, text)


def app_name(app: Application) -> str:
    """An application's name as shown (brand names stay as they are)."""
    return catalog_text(app.name)


def target_label(target: Target) -> str:
    """A target's label as shown."""
    return catalog_text(target.label)


def target_description(target: Target) -> str:
    """A target's one-sentence description as shown."""
    return catalog_text(target.description)
