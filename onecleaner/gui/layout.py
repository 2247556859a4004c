"""Small layout helpers shared by the settings pages."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget


def add_row(form: QFormLayout, text: str, widget: QWidget) -> None:
    """A labelled form row holding a control at its natural width; the label's mnemonic
    (Alt+letter) moves the focus to the control."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    form.addRow(label, row)
