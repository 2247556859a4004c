"""The Qt models over engine records: tristate target tree, tickable virtual file table, export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from onecleaner import units
from onecleaner.engine.model import (
    OS,
    Application,
    CleanResult,
    DeleteMode,
    EntryKind,
    Identity,
    PathRule,
    Plan,
    PlanEntry,
    Risk,
    Skip,
    Target,
    TargetPlan,
    TargetResult,
)
from onecleaner.engine.reasons import Reason, SkipCode
from onecleaner.gui.pages.clean.confirm import CleanSummary, RiskyItem, confirmation_text
from onecleaner.gui.pages.clean.export import export_results
from onecleaner.gui.pages.clean.models import FileSelection, FileTableModel
from onecleaner.gui.pages.clean.summary import top_categories
from onecleaner.gui.pages.clean.target_tree import TargetTreeModel
from onecleaner.gui.units import human_size

CHECK = Qt.ItemDataRole.CheckStateRole


def _target(app: str, opt: str, risk: Risk = Risk.SAFE) -> Target:
    return Target(
        id=f"{app}.{opt}",
        app_id=app,
        label=f"{opt.title()} of {app}",
        description=f"the {opt} of {app}",
        risk=risk,
        rules={OS.LINUX: (PathRule(root="~/.cache/x"),)},
    )


def _app(app_id: str, *targets: Target) -> Application:
    return Application(id=app_id, name=app_id.title(), processes={}, targets=targets)


def _tree() -> TargetTreeModel:
    a1, a2 = _target("web", "cache"), _target("web", "history", Risk.PRIVACY)
    b1 = _target("dev", "pip")
    return TargetTreeModel(
        [(_app("web", a1, a2), [a1, a2]), (_app("dev", b1), [b1])], checked=["web.cache"]
    )


def test_application_rows_are_tristate_and_tick_their_targets(qtbot: QtBot) -> None:
    model = _tree()
    web = model.index(0, 0)
    assert model.data(web) == "Web"
    assert model.data(web, CHECK) == Qt.CheckState.PartiallyChecked
    # Ticking the application ticks all its targets.
    assert model.setData(web, Qt.CheckState.Checked.value, CHECK)
    assert model.checked_ids() == ["web.cache", "web.history"]
    assert model.data(web, CHECK) == Qt.CheckState.Checked
    # Unticking one target makes the application partial again.
    history = model.index(1, 0, web)
    model.setData(history, Qt.CheckState.Unchecked, CHECK)
    assert model.checked_ids() == ["web.cache"]
    assert model.data(web, CHECK) == Qt.CheckState.PartiallyChecked
    model.setData(web, Qt.CheckState.Unchecked, CHECK)
    assert model.checked_ids() == []


def test_tree_shows_risk_description_and_scanned_sizes(qtbot: QtBot) -> None:
    from onecleaner.gui.pages.clean.target_tree import TargetFigures

    model = _tree()
    web = model.index(0, 0)
    history = model.index(1, 0, web)
    assert model.data(model.index(1, TargetTreeModel.RISK, web)) == "Privacy"
    assert "the history of web" in model.data(history, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, TargetTreeModel.SIZE, web)) == ""
    model.set_figures({"web.cache": TargetFigures(3, 5120), "web.history": TargetFigures(1, 1024)})
    assert model.data(model.index(0, TargetTreeModel.SIZE, web)) == "5.0 KiB"
    assert model.data(model.index(0, TargetTreeModel.FILES, web)) == "3"
    assert model.data(model.index(0, TargetTreeModel.SIZE)) == "6.0 KiB"  # the application sums


def _entries(n: int) -> tuple[PlanEntry, ...]:
    return tuple(
        PlanEntry(
            path=f"/home/u/.cache/x/f{i}",
            root="/home/u/.cache/x",
            target_id="web.cache",
            kind=EntryKind.FILE,
            identity=Identity(1, i, 10, 1_700_000_000_000_000_000),
            frees=4096,
        )
        for i in range(n)
    )


def test_file_table_is_virtual_and_unticking_is_remembered(qtbot: QtBot) -> None:
    selection = FileSelection()
    model = FileTableModel(selection)
    entries = _entries(200_000)
    model.set_entries(entries)
    assert model.rowCount() == 200_000
    last = model.index(199_999, FileTableModel.PATH)
    assert model.data(last) == "/home/u/.cache/x/f199999"
    assert model.data(last, CHECK) == Qt.CheckState.Checked
    model.setData(last, Qt.CheckState.Unchecked, CHECK)
    assert selection.paths() == frozenset({"/home/u/.cache/x/f199999"})
    assert selection.bytes == 4096
    # Unticked files survive a switch to another target and back.
    model.set_entries(())
    model.set_entries(entries)
    assert model.data(last, CHECK) == Qt.CheckState.Unchecked
    model.set_all_ticked(False)
    assert selection.count == 200_000
    model.set_all_ticked(True)
    assert selection.count == 0


def test_plan_without_unticked_files_keeps_them_out() -> None:
    entries = _entries(3)
    plan = Plan((TargetPlan("web.cache", ("/r",), entries),), OS.LINUX, 0.0)
    selection = FileSelection()
    selection.untick(entries[1:2])
    kept = plan.without(selection.paths())
    assert [e.path for e in kept.targets[0].entries] == [entries[0].path, entries[2].path]


def _result() -> CleanResult:
    return CleanResult(
        targets=(
            TargetResult(
                "web.cache", 12, 48_000, (Skip("/c/lock", Reason.of(SkipCode.IN_USE), "web.cache"),)
            ),
            TargetResult("dev.pip", 3, 9_000),
        ),
        mode=DeleteMode.PERMANENT,
        dry_run=False,
        cancelled=False,
        disk_free_before={"/": 1_000_000},
        disk_free_after={"/": 1_057_000},
    )


def test_export_json_names_what_was_removed_and_why_items_stayed(tmp_path: Path) -> None:
    running = Reason.of(SkipCode.APP_RUNNING, app="Chromium")
    scan_skip = Skip("/c/chromium/x", running, "chromium.cache")
    path = tmp_path / "results.json"
    export_results(path, _result(), [scan_skip])
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["files"] == 15 and doc["bytes"] == 57_000
    by_id = {t["id"]: t for t in doc["targets"]}
    assert by_id["web.cache"]["skipped"] == [
        {"path": "/c/lock", "reason": "in use by a running program", "code": "in_use"}
    ]
    assert by_id["chromium.cache"] == {
        "id": "chromium.cache",
        "files": 0,
        "records": 0,
        "bytes": 0,
        "trashed_files": 0,
        "trashed_bytes": 0,
        "skipped": [
            {
                "path": "/c/chromium/x",
                "reason": "skipped: Chromium is running",
                "code": "app_running",
                "params": {"app": "Chromium"},
            }
        ],
    }
    assert doc["disk_free_after"] == {"/": 1_057_000}


def test_export_csv_has_a_row_per_target_and_per_skipped_item(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    export_results(path, _result())
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["kind", "target", "path", "files", "bytes", "reason"]
    assert ["removed", "web.cache", "", "12", "48000", ""] in rows
    assert ["removed", "dev.pip", "", "3", "9000", ""] in rows
    assert ["skipped", "web.cache", "/c/lock", "", "", "in use by a running program"] in rows
    assert len(rows) == 4


def test_confirmation_names_total_and_risky_items() -> None:
    summary = CleanSummary(
        files=1234,
        bytes=5_600_000,
        mode=DeleteMode.TRASH,
        risky=(RiskyItem("Recent documents list", Risk.CARE, "The list of files you opened."),),
        unticked=2,
    )
    question, details = confirmation_text(summary)
    assert question == "Move 1,234 files (5.3 MiB) to the trash?"
    assert "Recent documents list (Care): The list of files you opened." in details
    assert "opened.\n\nThey stay in the trash until you empty it." in details
    assert "2 files you unticked stay." in details
    assert "rebuilt" not in details


@pytest.mark.parametrize("mode", list(DeleteMode))
def test_only_safe_caches_are_promised_to_be_rebuilt(mode: DeleteMode) -> None:
    _, details = confirmation_text(CleanSummary(10, 4000, mode))
    assert "Caches are rebuilt by their programs when needed." in details
    assert "Not caches" not in details


def test_the_trash_is_named_with_what_is_lost_and_no_rebuild_is_promised() -> None:
    trash = RiskyItem("Trash", Risk.CARE, "Files you moved to the trash.")
    history = RiskyItem("Browsing history", Risk.PRIVACY, "The pages you visited.")
    _, details = confirmation_text(CleanSummary(10, 4000, DeleteMode.PERMANENT, (trash, history)))
    assert "nothing rebuilds these, and you lose what they hold" in details
    assert "• Trash (Care): Files you moved to the trash." in details
    # The way back is a paragraph of its own, not a line stuck to the last item.
    assert (
        "• Browsing history (Privacy): The pages you visited.\n\n"
        "Deleted permanently, they cannot be restored."
    ) in details
    assert "Caches are rebuilt" not in details


def test_chart_categories_keep_the_biggest_and_sum_the_rest() -> None:
    sizes = {f"app{i}": (i + 1) * 100 for i in range(9)} | {"empty": 0}
    bars = top_categories(sizes, "Other", limit=4)
    assert [b.name for b in bars] == ["app8", "app7", "app6", "Other"]
    assert bars[-1].bytes == sum((i + 1) * 100 for i in range(6))


def test_human_sizes_are_the_command_lines() -> None:
    sizes = (0, 999, 1024, 1_234_567, 12_300_000_000, 512 * 2**30)
    assert [human_size(n) for n in sizes] == [
        "0 B",
        "999 B",
        "1.0 KiB",
        "1.2 MiB",
        "11.5 GiB",
        "512 GiB",
    ]
    assert [human_size(n) for n in sizes] == [units.human_size(n) for n in sizes]


def test_an_application_is_not_found_only_when_none_of_its_targets_is(qtbot: QtBot) -> None:
    from onecleaner.gui.pages.clean.target_tree import TargetFigures

    model = _tree()
    model.set_show_missing(True)  # shown greyed ("Show all"); hidden otherwise, see below
    web, dev = model.index(0, TargetTreeModel.SIZE), model.index(1, TargetTreeModel.SIZE)
    model.set_missing(["web.history", "dev.pip"])
    assert model.data(dev) == "not found"
    assert model.data(web) == ""  # web.cache exists: not scanned yet, so no size
    history = model.index(1, TargetTreeModel.SIZE, model.index(0, 0))
    assert model.data(history) == "not found"
    model.set_figures({"web.cache": TargetFigures(2, 3072)})
    assert model.data(web) == "3.0 KiB"
    model.set_missing([])
    assert model.data(dev) == ""


def test_items_not_on_this_computer_are_hidden_until_shown(qtbot: QtBot) -> None:
    model = _tree()
    model.set_checked(["web.cache", "web.history", "dev.pip"])
    model.set_missing(["web.history", "dev.pip"])
    # The application with nothing here goes; a present one keeps only what is here.
    assert model.rowCount() == 1
    assert [t.id for t in model.targets()] == ["web.cache"]
    assert [t.id for t in model.checked_targets()] == ["web.cache"]  # ticked, hidden: not scanned
    model.set_show_missing(True)
    assert model.rowCount() == 2
    assert [t.id for t in model.checked_targets()] == ["web.cache", "web.history", "dev.pip"]
    model.set_show_missing(False)
    assert model.rowCount() == 1


def test_file_paths_in_the_home_folder_show_from_a_tilde(qtbot: QtBot) -> None:
    model = FileTableModel(FileSelection(), home="/home/u")
    model.set_entries(_entries(2))
    first = model.index(0, FileTableModel.PATH)
    assert model.data(first) == "~/.cache/x/f0"
    assert model.data(first, Qt.ItemDataRole.ToolTipRole) == "/home/u/.cache/x/f0"
    assert model.shown_path("/home/user2/f") == "/home/user2/f"  # a neighbour is not home
    assert model.shown_path("/var/tmp/f") == "/var/tmp/f"


def test_the_disk_line_names_the_gain_that_rounding_would_hide(qtbot: QtBot) -> None:
    from onecleaner.gui.pages.clean.summary import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    view.show_disk({"/": 84_150_000_000}, None, 30_000_000)
    assert view.disk.text() == (
        "Free space on /: 78.4 GiB now, about 78.4 GiB after cleaning (+28.6 MiB)"
    )
    view.show_disk({"/": 1_000_000}, {"/": 1_057_000}, 57_000)
    assert view.disk.text() == "Free space on /: 977 KiB before, 1.0 MiB after (+55.7 KiB)"
