"""Imports point down: faces -> app layer -> engine, privacy -> base; nothing below imports up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "onecleaner"


def _imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(PACKAGE))] = names
    return found


ABOVE_PRIVACY = (
    "onecleaner.app",
    "onecleaner.settings",
    "onecleaner.schedule",
    "onecleaner.autostart",
    "onecleaner.logsetup",
    "onecleaner.engine",
    "onecleaner.cli",
    "onecleaner.gui",
    "PySide6",
)


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("app", ("onecleaner.cli", "onecleaner.gui", "PySide6")),
        ("engine", ("onecleaner.app", "onecleaner.settings", "onecleaner.privacy", "PySide6")),
        ("privacy", ABOVE_PRIVACY),
    ],
)
def test_nothing_imports_upwards(folder: str, forbidden: tuple[str, ...]) -> None:
    bad = {
        name: sorted(m for m in modules if m.startswith(forbidden))
        for name, modules in _imports(PACKAGE / folder).items()
    }
    assert {k: v for k, v in bad.items() if v} == {}
