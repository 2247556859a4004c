"""Small layout helpers shared by the settings pages."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLayout, QWidget


def add_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """A labelled form row holding a control at its natural width; the label's mnemonic
    (Alt+letter) moves the focus to the control. Returns the label."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    form.addRow(label, row)
    return label


def form_row(form: QFormLayout, field: QWidget | QLayout) -> QLabel:
    """A form row for a field (or a row of them); returns its label, to be given its text."""
    label = QLabel(form.parentWidget())
    form.addRow(label, field)
    return label
