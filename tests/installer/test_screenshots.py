"""The screenshots: resources/screenshots/ holds exactly what installer/screenshots.py makes (no
picture left from an older window), and every picture the README or the metainfo shows exists."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "resources" / "screenshots"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "installer" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_folder_holds_what_the_script_makes_and_nothing_else() -> None:
    script = _script()
    made = {
        f"{page}-{scheme}-{lang}.png"
        for page in script.PAGES
        for scheme in ("light", "dark")
        for lang in ("en", "zh_CN")
    } | {"confirm-clean-light-en.png", "confirm-traces-light-en.png"}
    assert {p.name for p in SHOTS.iterdir()} == made


def test_every_picture_shown_exists_and_has_words() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[([^\]]*)\]\((resources/screenshots/[^)]+)\)", readme)
    linked = re.findall(r"\]\((resources/screenshots/[^)]+)\)", readme)
    metainfo = (ROOT / "resources/desktop/io.github.onecleaner.OneCleaner.metainfo.xml").read_text(
        encoding="utf-8"
    )
    images = re.findall(r"/main/(resources/screenshots/[^<]+)</image>", metainfo)
    assert len(shown) >= 8 and images
    for path in [*linked, *images]:
        assert (ROOT / path).is_file(), path
    # An alt text says what the picture shows (a reader without it gets the words).
    assert all(len(alt.split()) >= 4 or len(alt) >= 12 for alt, _ in shown), shown
    # Every picture in the folder is reachable from the README, shown or linked.
    assert {Path(p).name for p in linked} == {p.name for p in SHOTS.iterdir()}
