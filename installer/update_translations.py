"""Refresh the translation sources from the GUI code and compile them (lupdate, then lrelease).

Run from anywhere:  python installer/update_translations.py [--check]

1. `lupdate` collects every `self.tr()` / `QCoreApplication.translate()` text of
   onecleaner/gui/*.py into resources/translations/onecleaner_<lang>.ts, keeping the
   translations already made and dropping texts the code no longer has.
2. `lrelease` compiles each .ts into the .qm the app loads.
3. It prints how many texts each language still lacks (and lists them with --list);
   --check exits 1 when any is missing (for CI).

The tools ship with PySide6 (pyside6-lupdate / pyside6-lrelease, or the lupdate/lrelease
binaries inside the PySide6 package).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "onecleaner" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def find_tool(name: str) -> str:
    """The path of a Qt linguist tool (lupdate or lrelease) shipped with PySide6."""
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return wrapper
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    for candidate in (package / name, package / "Qt" / "libexec" / name, package / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"{name} was not found: install PySide6 (it ships pyside6-{name})")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.glob("*.py"))


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source text) of each text without a finished translation."""
    tree = ET.parse(ts_file)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            if kind == "unfinished" or not (translation.text or "").strip():
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a text is untranslated")
    parser.add_argument("--list", action="store_true", help="list the untranslated texts")
    args = parser.parse_args(argv)

    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate, lrelease = find_tool("lupdate"), find_tool("lrelease")
    missing_total = 0
    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"onecleaner_{language}.ts"
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run(
            [
                lupdate,
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts_file.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run([lrelease, str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True)
        missing = unfinished(ts_file)
        missing_total += len(missing)
        print(f"{ts_file.name}: {len(missing)} text(s) without a translation")
        if args.list:
            for context, text in missing:
                print(f"  [{context}] {text!r}")
    return 1 if args.check and missing_total else 0


if __name__ == "__main__":
    sys.exit(main())
