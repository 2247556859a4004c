"""The file table sorts by a column on a worker thread and swaps the new order in; ticks follow
the files, not the rows."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot

from onecleaner.engine.model import EntryKind, Identity, PlanEntry
from onecleaner.gui.jobs import sort as sort_module
from onecleaner.gui.jobs.sort import RUN, sorted_order
from onecleaner.gui.pages.clean.models import FileSelection, FileTableModel

TIMEOUT = 10_000


def _entry(name: str, frees: int, mtime: int) -> PlanEntry:
    return PlanEntry(
        path=f"/home/u/.cache/x/{name}",
        root="/home/u/.cache/x",
        target_id="web.cache",
        kind=EntryKind.FILE,
        identity=Identity(1, hash(name) & 0xFFFF, frees, mtime),
        frees=frees,
    )


ENTRIES = (
    _entry("b.bin", 300, 3),
    _entry("A.bin", 100, 1),
    _entry("c.bin", 200, 2),
)


@pytest.fixture
def model(qtbot: QtBot) -> Iterator[FileTableModel]:
    """A file table whose sorting threads are waited for after the test (as the app does)."""
    table = FileTableModel(FileSelection(), home="/home/u")
    yield table
    table.stop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _names(model: FileTableModel) -> list[str]:
    return [model.entry_at(r).path.rsplit("/", 1)[1] for r in range(model.rowCount())]


def test_sorting_by_each_column_on_a_worker_thread(
    qtbot: QtBot, model: FileTableModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = sort_module.sorted_order

    def spy(*args: object, **kw: object) -> list[int]:
        threads.append(threading.current_thread())
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(sort_module, "sorted_order", spy)
    model.set_entries(ENTRIES)
    with qtbot.waitSignal(model.sorted, timeout=TIMEOUT):
        model.sort(FileTableModel.PATH, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["A.bin", "b.bin", "c.bin"]  # by name, whatever the case
    assert threads and threads[-1] is not threading.main_thread()
    with qtbot.waitSignal(model.sorted, timeout=TIMEOUT):
        model.sort(FileTableModel.SIZE, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["b.bin", "c.bin", "A.bin"]
    with qtbot.waitSignal(model.sorted, timeout=TIMEOUT):
        model.sort(FileTableModel.MODIFIED, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["A.bin", "c.bin", "b.bin"]
    model.sort(-1)  # no column: the plan's order again
    assert _names(model) == ["b.bin", "A.bin", "c.bin"]
    qtbot.waitUntil(lambda: not model.is_sorting(), timeout=TIMEOUT)


def test_ticks_follow_the_files_in_a_sorted_table(qtbot: QtBot, model: FileTableModel) -> None:
    selection = model.selection
    model.set_entries(ENTRIES)
    with qtbot.waitSignal(model.sorted, timeout=TIMEOUT):
        model.sort(FileTableModel.SIZE, Qt.SortOrder.AscendingOrder)
    assert model.setData(
        model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert selection.paths() == {"/home/u/.cache/x/A.bin"}
    assert model.data(model.index(0, FileTableModel.SIZE)) == "100 B"
    qtbot.waitUntil(lambda: not model.is_sorting(), timeout=TIMEOUT)


def test_new_rows_are_sorted_the_same_way_and_a_stale_order_is_dropped(
    qtbot: QtBot, model: FileTableModel
) -> None:
    model.set_entries(ENTRIES)
    with qtbot.waitSignal(model.sorted, timeout=TIMEOUT):
        model.sort(FileTableModel.PATH, Qt.SortOrder.DescendingOrder)
    other = (_entry("z.bin", 1, 1), _entry("m.bin", 2, 2))
    with qtbot.waitSignal(model.sorted, timeout=TIMEOUT):
        model.set_entries(other)  # another item picked: its files come sorted too
    assert _names(model) == ["z.bin", "m.bin"]
    qtbot.waitUntil(lambda: not model.is_sorting(), timeout=TIMEOUT)


def test_the_order_of_many_rows_is_the_one_sorted_would_give() -> None:
    keys = [f"/c/{(i * 7919) % 100_003:06d}" for i in range(3 * RUN + 5)]
    expected = sorted(range(len(keys)), key=keys.__getitem__)
    assert sorted_order(keys, descending=False) == expected
    expected_down = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)
    assert sorted_order(keys, descending=True) == expected_down
    equal = ["same"] * (RUN + 3)
    assert sorted_order(equal, descending=True) == list(range(RUN + 3))  # stable
