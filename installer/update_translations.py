"""Refresh the translation sources from the GUI code and compile them (lupdate, then lrelease).

Run from anywhere:  python installer/update_translations.py [--check]

1. `lupdate` collects every `self.tr()` / `QCoreApplication.translate()` text of
   onecleaner/gui/**/*.py into resources/translations/onecleaner_<lang>.ts, keeping the
   translations already made and dropping texts the code no longer has.
2. Texts passed through a module's small wrapper (`def _tr(text): return
   QCoreApplication.translate("tray", text)`, called as `_tr("Quit")`) are invisible to
   lupdate; they are found here by reading the code's syntax tree and added to the same .ts,
   with their earlier translations kept.
3. The cleaner definitions' texts (each application name, target label and description of
   resources/cleaners/*.toml) are added under the "catalog" context, the English text as the
   source, with their earlier translations kept; the GUI shows them through
   onecleaner/gui/catalog_text.py. The definitions themselves stay data.
4. Texts with a count (`%n` or `%Ln` in the source, asked with `n`: `self.tr("%Ln file(s)", "",
   n)`) become plural ("numerus") messages with the language's number of forms. English, the
   source language, gets its own .ts holding only those, so "1 file" and "2 files" read right.
5. `lrelease` compiles each .ts into the .qm the app loads.
6. It prints how many texts each language still lacks (and lists them with --list);
   --check exits 1 when any is missing (for CI).

The tools ship with PySide6 (pyside6-lupdate / pyside6-lrelease, or the lupdate/lrelease
binaries inside the PySide6 package).
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "onecleaner" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
CLEANERS = ROOT / "resources" / "cleaners"
LANGUAGES = ("en", "zh_CN")
#: Plural forms per language (Qt's numerus rules): English one/other, Chinese one.
PLURAL_FORMS = {"en": 2, "zh_CN": 1}
#: The context of the definitions' texts (onecleaner/gui/catalog_text.py reads it).
CATALOG_CONTEXT = "catalog"


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
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


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
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = "".join(forms) if forms else (translation.text or "")
            if kind == "unfinished" or not text.strip():
                missing.append((name, message.findtext("source", "")))
    return missing


def wrapper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module functions that only return QCoreApplication.translate("<context>", <arg>)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.body) != 1:
            continue
        ret = node.body[0]
        if not isinstance(ret, ast.Return) or not isinstance(ret.value, ast.Call):
            continue
        call = ret.value
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "translate"):
            continue
        first = call.args[0] if call.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found[node.name] = first.value
    return found


def wrapped_texts(path: Path) -> list[tuple[str, str]]:
    """(context, text) of each literal passed to a translate wrapper in one source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    wrappers = wrapper_contexts(tree)
    out: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in wrappers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.append((wrappers[node.func.id], node.args[0].value))
    return out


def catalog_texts(folder: Path = CLEANERS) -> list[tuple[str, str]]:
    """("catalog", text) of each application name, target label and description of the
    cleaner definitions, in file order (a file that is not valid TOML stops the run)."""
    out: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SystemExit(f"{path}: not valid TOML ({exc}); fix it, then run again") from exc
        application = data.get("application")
        if isinstance(application, dict):
            name = application.get("name")
            if isinstance(name, str) and name.strip():
                out.append((CATALOG_CONTEXT, name))
        targets = data.get("target")
        for target in targets if isinstance(targets, list) else []:
            if not isinstance(target, dict):
                continue
            for key in ("label", "description"):
                text = target.get(key)
                if isinstance(text, str) and text.strip():
                    out.append((CATALOG_CONTEXT, text))
    return out


Known = dict[tuple[str, str], ET.Element]


def translations_of(ts_file: Path) -> Known:
    """Each (context, source) of a .ts with its <translation> element."""
    known: Known = {}
    if not ts_file.exists():
        return known
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None:
                known[(name, message.findtext("source", ""))] = translation
    return known


def add_wrapped(ts_file: Path, texts: list[tuple[str, str]], earlier: Known) -> int:
    """Add the wrapper texts lupdate missed, keeping their earlier translations."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    contexts = {c.findtext("name", ""): c for c in root.iter("context")}
    present = set(translations_of(ts_file))
    added = 0
    for context_name, text in dict.fromkeys(texts):
        if (context_name, text) in present:
            continue
        context = contexts.get(context_name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
            contexts[context_name] = context
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        old = earlier.get((context_name, text))
        if old is not None:
            message.append(old)
        else:
            ET.SubElement(message, "translation", {"type": "unfinished"})
        present.add((context_name, text))
        added += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return added


def is_plural(source: str) -> bool:
    """Whether a source text takes a count (Qt's %n placeholder, or %Ln with digit grouping)."""
    return "%n" in source or "%Ln" in source


def mark_plurals(ts_file: Path, language: str) -> None:
    """Make every counted text a plural message with the language's forms (earlier ones kept);
    the source language's .ts keeps only those."""
    forms = PLURAL_FORMS.get(language, 1)
    tree = ET.parse(ts_file)
    root = tree.getroot()
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            source = message.findtext("source", "")
            if not is_plural(source):
                if language == "en":
                    context.remove(message)
                continue
            message.set("numerus", "yes")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation", {"type": "unfinished"})
            present = [f.text or "" for f in translation.iter("numerusform")]
            if not present and (translation.text or "").strip():
                present = [translation.text or ""]  # a form written before it was plural
            translation.text = None
            for old in list(translation):
                translation.remove(old)
            filled = (present + [""] * forms)[:forms]
            for text in filled:
                ET.SubElement(translation, "numerusform").text = text
            if all(f.strip() for f in filled) and translation.get("type") != "unfinished":
                translation.attrib.pop("type", None)
            elif not all(f.strip() for f in filled):
                translation.set("type", "unfinished")
        if language == "en" and context.find("message") is None:
            root.remove(context)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


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
        earlier = translations_of(ts_file)  # lupdate drops what it cannot see; keep it here
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
        wrapped = [t for src in sources() for t in wrapped_texts(ROOT / src)]
        added = add_wrapped(ts_file, wrapped + catalog_texts(), earlier)
        print(f"    Added {added} text(s) passed through translate wrappers or from the catalog")
        mark_plurals(ts_file, language)
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
