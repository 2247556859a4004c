"""The engine's command line (list / scan / clean) run for real on a temporary home."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from onecleaner.cli import main, output
from onecleaner.cli.context import CliContext
from onecleaner.engine.env import Environment
from onecleaner.engine.model import (
    OS,
    EntryKind,
    Identity,
    Plan,
    PlanEntry,
    Progress,
    TargetPlan,
)
from onecleaner.engine.planfile import save_plan
from onecleaner.units import human_size


def pip_cache(home: Path) -> Path:
    """pip's cache folder on this OS (the root of target pip.cache)."""
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "pip"
    return Path(os.environ["XDG_CACHE_HOME"]) / "pip"


def make_files(root: Path, n: int, size: int = 5000) -> list[Path]:
    """n real files (blocks allocated) spread over a few nested folders."""
    made = []
    for i in range(n):
        p = root / "http" / f"{i % 3}" / f"{i % 7}" / f"entry{i}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x" * (size + i))
        made.append(p)
    return made


def allocated(paths: list[Path]) -> int:
    return sum(p.stat().st_blocks * 512 for p in paths)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code, out, err = run(capsys, *argv)
    assert out.strip(), err
    return code, json.loads(out)


def cli(*argv: str, **kw: object) -> subprocess.CompletedProcess[str]:
    """The CLI as a separate process with no terminal (stdin from /dev/null)."""
    return subprocess.run(
        [sys.executable, "-m", "onecleaner", *argv],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def pip_files(isolated_home: Path) -> list[Path]:
    return make_files(pip_cache(isolated_home), 12)


@pytest.fixture
def bystanders(isolated_home: Path) -> list[Path]:
    """Files no pip.cache clean may touch: the user's documents and another app's cache."""
    docs = isolated_home / "Documents" / "thesis.txt"
    docs.parent.mkdir()
    docs.write_text("precious")
    other = Path(os.environ["XDG_CACHE_HOME"]) / "someapp" / "keep.bin"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"y" * 100)
    return [docs, other]


# -- list --------------------------------------------------------------------------------------


def test_list_json_gives_every_field_and_presence(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, doc = run_json(capsys, "list", "--json")
    assert code == 0
    rows = {r["id"]: r for r in doc["targets"]}  # type: ignore[index, attr-defined]
    assert {"system.cache", "pip.cache", "system.trash"} <= set(rows)
    for row in rows.values():
        assert set(row) == {"id", "name", "description", "risk", "quick", "present"}
        assert row["risk"] in ("safe", "care", "privacy")
        assert row["name"] and row["description"]
    assert rows["pip.cache"]["present"] is False
    assert rows["pip.cache"]["quick"] is True
    assert rows["system.recent_documents"]["quick"] is False

    make_files(pip_cache(isolated_home), 1)
    _, doc = run_json(capsys, "list", "--json")
    rows = {r["id"]: r for r in doc["targets"]}  # type: ignore[index, attr-defined]
    assert rows["pip.cache"]["present"] is True


def test_list_prints_an_aligned_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["ID", "RISK", "QUICK", "PRESENT"]
    pip_line = next(line for line in lines if line.startswith("pip.cache "))
    assert pip_line.index("safe") == lines[0].index("RISK")


def test_a_bad_definition_is_a_warning_and_list_still_works(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from onecleaner.engine import catalog as catalog_mod
    from onecleaner.resources import resource

    extra = tmp_path / "more-cleaners"
    extra.mkdir()
    (extra / "broken.toml").write_text(
        'schema = 1\n[application]\nid = "broken"\nname = "Broken"\n'
        '[[target]]\nid = "cache"\nlabel = "x"\ndescription = "x"\nrisk = "extreme"\n'
    )
    real = catalog_mod.load_catalog
    monkeypatch.setattr(
        catalog_mod, "load_catalog", lambda directories=None: real([resource("cleaners"), extra])
    )
    code, out, err = run(capsys, "list", "--json")
    assert code == 0
    assert "warning" in err and "broken.toml" in err and "risk" in err and "extreme" in err
    assert "pip.cache" in {r["id"] for r in json.loads(out)["targets"]}


# -- scan --------------------------------------------------------------------------------------


def test_scan_json_counts_the_tree(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path], bystanders: list[Path]
) -> None:
    code, doc = run_json(capsys, "scan", "pip.cache", "--json")
    assert code == 0
    assert doc["targets"] == [
        {"id": "pip.cache", "files": 12, "records": 0, "bytes": allocated(pip_files), "skipped": []}
    ]
    assert doc["files"] == 12
    assert doc["bytes"] == allocated(pip_files)
    assert all(p.exists() for p in pip_files), "a scan removes nothing"


def test_scan_human_summary_in_human_units(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path]
) -> None:
    size = human_size(allocated(pip_files))
    code, out, err = run(capsys, "scan", "pip.cache")
    assert code == 0
    assert f"A clean would remove 12 files and free {size}." in out
    assert "KiB" in out
    assert "\r" not in err, "no progress line when stderr is not a terminal"


def test_scan_of_app_star_takes_every_target_of_the_app(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path]
) -> None:
    code, doc = run_json(capsys, "scan", "pip.*", "--json")
    assert code == 0
    assert [t["id"] for t in doc["targets"]] == ["pip.cache"]  # type: ignore[attr-defined]


def test_scan_without_targets_is_the_quick_preset(capsys: pytest.CaptureFixture[str]) -> None:
    _, listing = run_json(capsys, "list", "--json")
    quick = {r["id"] for r in listing["targets"] if r["quick"]}  # type: ignore[attr-defined]
    code, doc = run_json(capsys, "scan", "--json")
    assert code == 0
    assert {t["id"] for t in doc["targets"]} == quick  # type: ignore[attr-defined]


def test_scan_min_age_days_keeps_recent_files(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, recent = make_files(pip_cache(isolated_home), 2)
    # The scan runs a week on, so that the files' change times (now) are old too.
    now = time.time() + 7 * 86400
    scan_module = importlib.import_module("onecleaner.engine.scan")
    monkeypatch.setattr(scan_module, "time", types.SimpleNamespace(time=lambda: now))
    os.utime(old, (now - 10 * 86400, now - 10 * 86400))
    os.utime(recent, (now, now))
    code, doc = run_json(capsys, "scan", "pip.cache", "--min-age-days", "5", "--json")
    assert code == 0
    assert doc["files"] == 1
    assert doc["bytes"] == allocated([old])


@pytest.mark.parametrize("command", [["scan"], ["clean", "--yes"]])
def test_unknown_target_is_a_usage_error_naming_it(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path], command: list[str]
) -> None:
    code, out, err = run(capsys, *command, "pip.cache", "nosuch.cache")
    assert code == 2
    assert "nosuch.cache" in err
    assert "onecleaner list" in err
    assert out == ""
    assert all(p.exists() for p in pip_files)


# -- clean -------------------------------------------------------------------------------------


def test_clean_without_terminal_or_yes_refuses_and_removes_nothing(pip_files: list[Path]) -> None:
    proc = cli("clean", "pip.cache")
    assert proc.returncode == 2
    assert "--yes" in proc.stderr
    assert proc.stdout == ""
    assert all(p.exists() for p in pip_files)


def test_clean_yes_removes_what_the_scan_said_and_nothing_else(
    capsys: pytest.CaptureFixture[str],
    pip_files: list[Path],
    bystanders: list[Path],
    isolated_home: Path,
) -> None:
    _, scanned = run_json(capsys, "scan", "pip.cache", "--json")
    code, doc = run_json(capsys, "clean", "pip.cache", "--yes", "--json")
    assert code == 0
    assert doc["files"] == scanned["files"] == 12
    assert doc["bytes"] == scanned["bytes"]
    assert doc["targets"] == [
        {
            "id": "pip.cache",
            "files": 12,
            "records": 0,
            "bytes": scanned["bytes"],
            "trashed_files": 0,
            "trashed_bytes": 0,
            "skipped": [],
        }
    ]
    assert doc["mode"] == "permanent"
    assert doc["dry_run"] is False and doc["cancelled"] is False
    assert isinstance(doc["disk_free_before"], dict) and doc["disk_free_before"]
    assert isinstance(doc["disk_free_after"], dict) and doc["disk_free_after"]
    assert not any(p.exists() for p in pip_files)
    assert pip_cache(isolated_home).is_dir(), "the root itself stays"
    assert list(pip_cache(isolated_home).iterdir()) == [], "emptied folders are pruned"
    assert all(p.exists() for p in bystanders)
    assert bystanders[0].read_text() == "precious"


def test_clean_human_report(capsys: pytest.CaptureFixture[str], pip_files: list[Path]) -> None:
    size = allocated(pip_files)
    code, out, _ = run(capsys, "clean", "pip.cache", "--yes")
    assert code == 0
    assert f"Removed 12 files, freed {human_size(size)}." in out
    assert "Free on " in out and " before, " in out


def test_dry_run_removes_nothing_and_says_what_would_go(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path]
) -> None:
    size = allocated(pip_files)
    code, doc = run_json(capsys, "clean", "pip.cache", "--dry-run", "--json")
    assert code == 0
    assert doc["dry_run"] is True
    assert doc["files"] == 12 and doc["bytes"] == size
    assert all(p.exists() for p in pip_files)
    code, out, _ = run(capsys, "clean", "pip.cache", "--dry-run")
    assert "nothing was removed" in out
    assert all(p.exists() for p in pip_files)


def test_trash_moves_files_into_the_home_trash(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path]
) -> None:
    code, doc = run_json(capsys, "clean", "pip.cache", "--trash", "--yes", "--json")
    assert code == 0
    assert doc["mode"] == "trash"
    assert not any(p.exists() for p in pip_files)
    trash = Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files"
    trashed = {p.name for p in trash.iterdir()}
    assert {p.name for p in pip_files} <= trashed
    content = {p.name: p.stat().st_size for p in trash.iterdir()}
    assert all(content[p.name] == 5000 + int(p.name[5:]) for p in pip_files)


def test_confirmation_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pip_files: list[Path],
    isolated_home: Path,
) -> None:
    recent = Path(os.environ["XDG_DATA_HOME"]) / "recently-used.xbel"
    recent.write_text("<xbel/>")
    monkeypatch.setattr(CliContext, "interactive", property(lambda self: True))
    answers = iter(["n\n", "y\n"])
    monkeypatch.setattr(sys, "stdin", type("In", (), {"readline": lambda self: next(answers)})())

    code, _, err = run(capsys, "clean", "pip.cache", "system.recent_documents")
    assert code == 1
    assert "13 files" in err and "pip.cache" in err
    # The list of recent files is not a cache: named, with what it holds, and no promise that
    # anything rebuilds it.
    assert "system.recent_documents (System: Recent documents list, care): The list of files" in err
    assert "you lose what they hold" in err and "cannot be restored" in err
    assert "rebuild" not in err.replace("nothing rebuilds", "")
    assert "Nothing was removed" in err
    assert all(p.exists() for p in pip_files) and recent.exists()

    code, _, _ = run(capsys, "clean", "pip.cache", "system.recent_documents")
    assert code == 0
    assert not any(p.exists() for p in pip_files) and not recent.exists()


def _ask_on_a_terminal(monkeypatch: pytest.MonkeyPatch, answer: str) -> _Tty:
    """A terminal on stderr (progress shown, as for a person) that answers `answer`."""
    terminal = _Tty()
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(CliContext, "interactive", property(lambda self: True))
    monkeypatch.setattr(sys, "stdin", type("In", (), {"readline": lambda self: answer})())
    return terminal


def test_a_confirmation_of_caches_only_says_they_are_rebuilt(
    monkeypatch: pytest.MonkeyPatch, pip_files: list[Path]
) -> None:
    terminal = _ask_on_a_terminal(monkeypatch, "n\n")
    assert main(["clean", "pip.cache"]) == 1
    question = terminal.text[: terminal.text.index("Proceed?")]
    assert "permanently delete 12 files" in question
    assert "These are caches: their programs rebuild them when needed." in question
    assert "Not caches" not in question
    assert all(p.exists() for p in pip_files)


def test_a_confirmation_with_the_trash_names_it_and_promises_no_rebuild(
    monkeypatch: pytest.MonkeyPatch, pip_files: list[Path]
) -> None:
    trashed = Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files" / "old-letter.odt"
    trashed.parent.mkdir(parents=True)
    trashed.write_text("dear ...")
    terminal = _ask_on_a_terminal(monkeypatch, "n\n")
    assert main(["clean", "pip.cache", "system.trash"]) == 1
    question = terminal.text[: terminal.text.index("Proceed?")]
    assert "Not caches: nothing rebuilds these, and you lose what they hold:" in question
    assert "system.trash (System: Trash, care): Files you moved to the trash" in question
    assert "Deleted permanently, they cannot be restored." in question
    assert "rebuild them" not in question and "pip.cache (" not in question  # pip's is a cache
    assert trashed.exists() and all(p.exists() for p in pip_files)


def test_no_progress_line_is_left_before_the_question(
    monkeypatch: pytest.MonkeyPatch, pip_files: list[Path]
) -> None:
    terminal = _ask_on_a_terminal(monkeypatch, "n\n")
    assert main(["clean", "pip.cache"]) == 1
    before, _, _ = terminal.text.partition("This will")
    assert "Scanning:" in before, "the scan's progress was shown on the terminal"
    assert "Cleaning" not in before, before
    assert before.endswith("\r"), "the progress line is cleared before the question"
    assert before.rsplit("\r", 2)[-2].strip() == "", "cleared with blanks, nothing left over"


def test_skipped_file_gives_exit_1_with_its_reason(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path]
) -> None:
    held = pip_files[0]
    holder = subprocess.Popen(
        [sys.executable, "-c", f"f = open({str(held)!r}); print('ready', flush=True); input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        code, doc = run_json(capsys, "clean", "pip.cache", "--yes", "--json")
        human_code, out, _ = run(capsys, "scan", "pip.cache")
    finally:
        holder.communicate("\n", timeout=30)
    assert code == 1
    assert doc["files"] == 11
    skipped = doc["targets"][0]["skipped"]  # type: ignore[index]
    assert [s["path"] for s in skipped] == [str(held)]
    assert "in use" in skipped[0]["reason"]
    assert held.exists() and not any(p.exists() for p in pip_files[1:])
    assert human_code == 1
    assert "Skipped: 1 item" in out and "in use" in out


def test_ctrl_c_during_a_clean_stops_with_a_consistent_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    files = make_files(pip_cache(isolated_home), 400, size=10)
    sent = []

    def interrupt_once(self: output.ProgressLine, progress: Progress) -> None:
        if progress.phase.value == "clean" and not sent:
            sent.append(progress.done)
            signal.raise_signal(signal.SIGINT)  # what Ctrl-C delivers

    monkeypatch.setattr(output.ProgressLine, "__call__", interrupt_once)
    before = signal.getsignal(signal.SIGINT)
    code, doc = run_json(capsys, "clean", "pip.cache", "--yes", "--json")
    assert sent, "the clean reported no progress"
    assert code == 1
    assert doc["cancelled"] is True
    gone = sum(not p.exists() for p in files)
    assert doc["files"] == gone
    assert gone < len(files), "the clean stopped early"
    assert signal.getsignal(signal.SIGINT) is before, "the Ctrl-C handler is restored"


# -- saved plans -------------------------------------------------------------------------------


@pytest.fixture
def saved_plan(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path], tmp_path: Path
) -> Iterator[Path]:
    plan = tmp_path / "plan.json"
    code, out, _ = run(capsys, "scan", "pip.cache", "--plan-out", str(plan))
    assert code == 0
    assert f"clean --plan {plan}" in out
    yield plan


def test_plan_round_trip_removes_exactly_the_planned_files(
    capsys: pytest.CaptureFixture[str],
    saved_plan: Path,
    pip_files: list[Path],
    isolated_home: Path,
) -> None:
    later = pip_cache(isolated_home) / "http" / "new-after-scan"
    later.write_bytes(b"z" * 10)
    code, doc = run_json(capsys, "clean", "--plan", str(saved_plan), "--yes", "--json")
    assert code == 0
    assert doc["files"] == 12
    assert not any(p.exists() for p in pip_files)
    assert later.exists(), "a file the plan did not list stays"


def test_tampered_plan_is_refused(
    capsys: pytest.CaptureFixture[str], saved_plan: Path, pip_files: list[Path]
) -> None:
    doc = json.loads(saved_plan.read_text())
    doc["body"]["targets"][0]["folders"][0][3][0] += "x"  # a file's name
    saved_plan.write_text(json.dumps(doc))
    code, out, err = run(capsys, "clean", "--plan", str(saved_plan), "--yes")
    assert code == 2
    assert "changed after it was saved" in err
    assert out == ""
    assert all(p.exists() for p in pip_files)


def test_a_signed_plan_from_another_data_folder_is_refused_with_that_reason(
    capsys: pytest.CaptureFixture[str], saved_plan: Path, pip_files: list[Path], tmp_path: Path
) -> None:
    other = tmp_path / "otherdata"
    code, _, _ = run(capsys, "--data-dir", str(other), "scan", "pip.cache", "--plan-out",
                     str(tmp_path / "theirs.json"))  # fmt: skip
    assert code == 0 and (other / "plan.key").is_file()  # the other folder has its own key
    code, out, err = run(capsys, "--data-dir", str(other), "clean", "--plan", str(saved_plan),
                         "--yes")  # fmt: skip
    assert code == 2
    assert "made with another data folder" in err and "changed after" not in err
    assert out == ""
    assert all(p.exists() for p in pip_files)


def test_malformed_plan_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text("{not json")
    code, _, err = run(capsys, "clean", "--plan", str(bad), "--yes")
    assert code == 2
    assert "not a saved plan" in err and str(bad) in err


def _signed_plan(path: Path, data: Path, root: Path, victim: Path, os_: OS) -> None:
    """A plan signed with the real key whose pip.cache root is `root` (as a forger would)."""
    st = victim.stat()
    entry = PlanEntry(
        str(victim),
        str(root),
        "pip.cache",
        EntryKind.FILE,
        Identity(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns),
        st.st_blocks * 512,
    )
    plan = Plan((TargetPlan("pip.cache", (str(root),), (entry,)),), os_, time.time())
    save_plan(plan, path, data_dir=data)


def test_plan_pointing_outside_its_targets_roots_is_refused(
    capsys: pytest.CaptureFixture[str],
    bystanders: list[Path],
    pip_files: list[Path],
    data_dir: Path,
    tmp_path: Path,
) -> None:
    thesis = bystanders[0]
    plan = tmp_path / "evil.json"
    _signed_plan(plan, data_dir, thesis.parent, thesis, Environment.current().os)
    code, _, err = run(capsys, "clean", "--plan", str(plan), "--yes")
    assert code == 2
    assert str(thesis.parent) in err and "pip.cache" in err
    assert thesis.read_text() == "precious"


def test_plan_from_another_os_is_refused(
    capsys: pytest.CaptureFixture[str],
    pip_files: list[Path],
    data_dir: Path,
    tmp_path: Path,
    isolated_home: Path,
) -> None:
    here = Environment.current().os
    other = OS.WINDOWS if here is not OS.WINDOWS else OS.LINUX
    plan = tmp_path / "foreign.json"
    _signed_plan(plan, data_dir, pip_cache(isolated_home), pip_files[0], other)
    code, _, err = run(capsys, "clean", "--plan", str(plan), "--yes")
    assert code == 2
    assert other.value in err
    assert pip_files[0].exists()


def test_targets_and_plan_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], saved_plan: Path, pip_files: list[Path]
) -> None:
    code, _, err = run(capsys, "clean", "pip.cache", "--plan", str(saved_plan), "--yes")
    assert code == 2
    assert "not both" in err
    assert all(p.exists() for p in pip_files)


def test_data_dir_option_is_honoured(pip_files: list[Path], tmp_path: Path) -> None:
    mine, other = tmp_path / "mydata", tmp_path / "otherdata"
    plan = tmp_path / "plan.json"
    proc = cli("--data-dir", str(mine), "scan", "pip.cache", "--plan-out", str(plan))
    assert proc.returncode == 0, proc.stderr
    assert (mine / "plan.key").is_file()
    proc = cli("--data-dir", str(other), "clean", "--plan", str(plan), "--yes")
    assert proc.returncode == 2
    assert str(other) in proc.stderr and "made with another data folder" in proc.stderr
    assert all(p.exists() for p in pip_files)
    proc = cli("--data-dir", str(mine), "clean", "--plan", str(plan), "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"] == 12


# -- settings and the activity history ---------------------------------------------------------


def test_the_users_settings_are_honoured(
    capsys: pytest.CaptureFixture[str], pip_files: list[Path], data_dir: Path
) -> None:
    from onecleaner.engine.model import DeleteMode
    from onecleaner.settings import Settings, save_settings

    protected = pip_files[0].parent
    save_settings(
        data_dir,
        Settings(
            delete_mode=DeleteMode.TRASH,
            quick_targets=("pip.cache",),
            never_touch=(str(protected),),
        ),
    )
    inside = [p for p in pip_files if p.parent == protected]
    outside = [p for p in pip_files if p.parent != protected]
    assert inside and outside
    code, doc = run_json(capsys, "clean", "--yes", "--json")
    assert [t["id"] for t in doc["targets"]] == ["pip.cache"]  # type: ignore[attr-defined]
    assert doc["mode"] == "trash"
    assert doc["files"] == len(outside)
    assert all(p.exists() for p in inside), "the user's never-touch folder is left alone"
    assert not any(p.exists() for p in outside)
    code, doc = run_json(capsys, "clean", "pip.cache", "--permanent", "--dry-run", "--json")
    assert code in (0, 1) and doc["mode"] == "permanent"


def test_a_clean_is_journalled_only_with_history_consent(
    capsys: pytest.CaptureFixture[str],
    pip_files: list[Path],
    data_dir: Path,
    isolated_home: Path,
) -> None:
    from onecleaner.privacy.consent import Purpose
    from onecleaner.privacy.service import PrivacyService

    assert run(capsys, "clean", "pip.cache", "--dry-run")[0] == 0
    service = PrivacyService(data_dir)
    assert not [r for r in service.log_records() if r.kind in ("scan", "clean")]
    service.grant(Purpose.HISTORY)
    code, _, err = run(capsys, "clean", "pip.cache", "--yes")
    assert code == 0 and "history" not in err
    records = [r for r in PrivacyService(data_dir).log_records() if r.kind == "clean"]
    assert len(records) == 1
    assert records[0].data["files"] == 12 and records[0].data["targets"] == ["pip.cache"]
    assert str(isolated_home) not in records[0].text, "no paths in the history"


# -- the program as a whole --------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("onecleaner 0.")


def test_the_version_is_the_packages_and_loads_no_engine() -> None:
    """`onecleaner --version` answers before the commands, the engine and the privacy package
    are imported (a start of 60 ms rather than 300), with the version pyproject.toml gives."""
    import tomllib

    from onecleaner import __version__

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    assert __version__ == tomllib.loads(pyproject.read_text())["project"]["version"]
    code = (
        "import sys\nfrom onecleaner.cli import main\ntry:\n    main(['--version'])\n"
        "except SystemExit as exc:\n    assert exc.code == 0\n"
        "heavy = [m for m in sys.modules if m.startswith(('onecleaner.engine', "
        "'onecleaner.privacy', 'psutil', 'cryptography'))]\nassert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"onecleaner {__version__}\n"


def test_no_arguments_and_no_display_prints_help() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = cli(env=env)
    assert proc.returncode == 0
    assert "usage: onecleaner" in proc.stdout
    assert "scan" in proc.stdout and "clean" in proc.stdout


def test_the_cli_imports_no_qt() -> None:
    code = (
        "import sys\nfrom onecleaner.cli import main\nassert main(['list']) == 0\n"
        "assert main(['scan', 'pip.cache']) == 0\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\nassert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


# -- output helpers ----------------------------------------------------------------------------


class _Tty:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_progress_line_only_on_a_terminal_and_rewritten_in_place() -> None:
    from onecleaner.engine.model import Phase

    tty = _Tty()
    line = output.ProgressLine(tty, interval=3600)  # type: ignore[arg-type]
    line(Progress(Phase.SCAN, "/x", 10, 2048))
    line(Progress(Phase.SCAN, "/y", 20, 4096))  # within the interval: throttled away
    assert tty.text.count("\r") == 1
    assert "Scanning: 10 files, 2.0 KiB" in tty.text
    line.clear()
    assert tty.text.endswith("\r")

    class _Pipe(_Tty):
        def isatty(self) -> bool:
            return False

    pipe = _Pipe()
    quiet = output.ProgressLine(pipe)  # type: ignore[arg-type]
    quiet(Progress(Phase.SCAN, "/x", 10, 2048))
    quiet.clear()
    assert pipe.text == ""
