"""The README stays true: its targets table, its test command and its commands match the code.

Regenerate the targets table after changing the catalog:
    python tests/test_readme.py --write
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from onecleaner.cli import build_parser
from onecleaner.engine.catalog import load_catalog
from onecleaner.engine.model import OS

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TABLE_START = "<!-- targets-table -->"
TABLE_END = "<!-- /targets-table -->"
CI_RUN = ROOT / ".ci" / "run"


def targets_table() -> str:
    """The README's table of targets, made from the shipped catalog."""
    catalog = load_catalog()
    rows = [
        "| Target | Name | Risk | Linux | macOS | Windows | Quick |",
        "|---|---|---|:-:|:-:|:-:|:-:|",
    ]
    targets = sorted(
        (t for app in catalog.applications for t in app.targets), key=lambda t: t.id
    )
    for t in targets:
        marks = ["✓" if t.exists_on(os_) else "–" for os_ in (OS.LINUX, OS.MACOS, OS.WINDOWS)]
        quick = "✓" if catalog.in_preset(t.id) else ""
        rows.append(
            f"| `{t.id}` | {t.label} | {t.risk.value} | {' | '.join(marks)} | {quick} |"
        )
    return "\n".join(rows)


def _between(text: str, start: str, end: str) -> str:
    match = re.search(re.escape(start) + r"\n(.*?)" + re.escape(end), text, re.S)
    assert match, f"README.md lacks the {start} ... {end} block"
    return match.group(1).strip("\n")


def test_targets_table_matches_the_catalog() -> None:
    text = README.read_text(encoding="utf-8")
    assert _between(text, TABLE_START, TABLE_END) == targets_table(), (
        "README's targets table is stale: run `python tests/test_readme.py --write`"
    )


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run extracts the command from the README: ask .ci/run itself what it would run."""
    text = README.read_text(encoding="utf-8")
    block = _between(text, "<!-- test-command -->", "<!-- /test-command -->")
    command = "\n".join(line for line in block.splitlines() if not line.startswith("```"))
    assert "pytest" in command and "pip install" in command
    extracted = subprocess.run(
        ["bash", str(CI_RUN), "--print-test-command"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    ).stdout.strip()
    assert extracted == command.strip()
    # ... and runs that, then the platform checks, from the same script.
    script = CI_RUN.read_text(encoding="utf-8")
    assert 'test_cmd=$(readme_test_command' in script
    assert 'bash -euo pipefail -c "$test_cmd"' in script
    assert "for platform in linux win32 darwin; do" in script
    assert "installer/lock.py --check-wheels" in script


SLOW_MARK = re.compile(r"\bpytest\.mark\.slow\b")
SLOW_COMMAND = "QT_QPA_PLATFORM=offscreen python -m pytest -m slow -q -p no:cacheprovider"


def test_development_names_every_slow_test_and_ci_runs_none() -> None:
    """Each file holding slow tests is named with the slow command; CI leaves them out."""
    text = README.read_text(encoding="utf-8")
    development = text[text.index("## Development") :]
    slow_files = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "tests").rglob("test_*.py")
        if SLOW_MARK.search(p.read_text(encoding="utf-8"))
    )
    assert slow_files, "no slow tests found: the search no longer matches how they are marked"
    assert SLOW_COMMAND in development
    assert [f for f in slow_files if f"`{f}`" not in development] == []
    # The default run leaves them out through pyproject's addopts, which a -m would override.
    test_command = _between(text, "<!-- test-command -->", "<!-- /test-command -->")
    assert "pytest -q" in test_command
    assert re.search(r"pytest\b[^&;|\n]*\s-m\s", test_command) is None, test_command
    assert "-m slow" not in CI_RUN.read_text(encoding="utf-8")


def test_the_github_workflow_runs_the_readme_command_on_every_os() -> None:
    """The workflow for downstream builders reads the command through .ci/run too."""
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "bash .ci/run --print-test-command" in workflow
    assert "bash .ci/run\n" in workflow  # Ubuntu: the whole CI script
    matrix = re.search(r"os: \[(.*?)\]", workflow)
    assert matrix is not None
    families = {name.strip().split("-")[0] for name in matrix.group(1).split(",")}
    assert families == {"ubuntu", "windows", "macos"}


def test_every_documented_subcommand_exists() -> None:
    """Each `onecleaner X` the README documents is a real command of the parser."""
    text = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"`onecleaner ([a-z]+)", text))
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    real = set(sub.choices)  # type: ignore[arg-type]
    assert documented, "README documents no command"
    assert documented <= real, f"README documents unknown commands: {documented - real}"


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        text = README.read_text(encoding="utf-8")
        new = re.sub(
            re.escape(TABLE_START) + r"\n.*?" + re.escape(TABLE_END),
            lambda _m: f"{TABLE_START}\n{targets_table()}\n{TABLE_END}",
            text,
            flags=re.S,
        )
        README.write_text(new, encoding="utf-8")
        print("README.md targets table updated")
