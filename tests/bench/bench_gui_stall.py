"""How long the window's event loop stalls during a 200k-file usage walk, scan, sort and clean.

Builds a cache-shaped tree of empty files in a temporary HOME (and a folder of --wide
subfolders, as a node_modules of many packages), then, offscreen:

1. the Disk usage page maps the home through its worker while the treemap and the folder list
   fill in as folders finish; then a person opens the largest folders, goes back up and
   resizes the window (each a new treemap layout on the GUI thread);
2. the Clean page scans `system.cache` through its workers, sorts the 200k-row file table by
   name (the model sorts on a worker thread), and cleans.

It measures the longest gap between ticks of a 10 ms QTimer in each phase (the bar: no stall
above 50 ms), the time the GUI thread spends filling the models with the plan, and the treemap
layout's own time for the home and for the wide folder.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_gui_stall.py [--files 200000] [--keep-gc]

--keep-gc leaves Python's cyclic garbage collector running during the work, to show why the
workers pause it (see onecleaner/gui/jobs.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

TICK_MS = 10
BAR_MS = 50.0


def build_tree(cache: Path, files: int, per_folder: int = 100) -> None:
    """`files` empty files, `per_folder` to a folder, two levels deep like a browser cache."""
    made = 0
    folder_no = 0
    while made < files:
        folder = cache / f"app{folder_no % 40}" / "Cache" / f"{folder_no:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(min(per_folder, files - made)):
            os.close(os.open(folder / f"e{i:03d}", os.O_CREAT | os.O_WRONLY, 0o600))
        made += per_folder
        folder_no += 1


def build_wide(folder: Path, count: int) -> None:
    """`count` subfolders of one small file each (a node_modules of many packages)."""
    for i in range(count):
        sub = folder / f"pkg{i:05d}"
        sub.mkdir(parents=True, exist_ok=True)
        with open(sub / "index.js", "wb") as fh:
            fh.write(b"x" * (100 + i % 4000))


def isolate(root: Path) -> Path:
    """Point HOME, the XDG folders, the data folder and the system root into `root`."""
    home = root / "home"
    for sub in (".cache", ".config", ".local/share", ".local/state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (root / "sysroot" / "tmp").mkdir(parents=True)
    (root / "sysroot" / "var" / "tmp").mkdir(parents=True)
    os.environ.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        ONECLEANER_DATA_DIR=str(root / "data"),
        ONECLEANER_SYSTEM_ROOT=str(root / "sysroot"),
        TMPDIR=str(root / "sysroot" / "tmp"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return home / ".cache"


class _Yes:
    """Dialogs that confirm at once (no modal in a benchmark)."""

    def confirm_clean(self, parent: object, summary: object) -> bool:
        return True

    def choose_running(self, parent: object, names: object) -> object:
        from onecleaner.gui.pages.clean.confirm import RunningChoice

        return RunningChoice.SKIP

    def inform(self, parent: object, title: str, text: str) -> None:
        print(f"  note: {title}: {text}")

    def save_path(self, parent: object, title: str, suggested: str) -> None:
        return None


def run(files: int, wide: int, keep_gc: bool) -> int:
    root = Path(tempfile.mkdtemp(prefix="onecleaner-gui-bench-"))
    try:
        cache = isolate(root)
        t0 = time.perf_counter()
        build_tree(cache, files)
        build_wide(cache.parent / "projects" / "web" / "node_modules", wide)
        print(
            f"built {files:,} files and a folder of {wide:,} folders in "
            f"{time.perf_counter() - t0:.1f} s under {root}"
        )
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        disk = measure_disk(app, cache.parent)
        clean = measure(app, files, keep_gc)
        worst = max(disk, clean)
        verdict = "OK" if worst <= BAR_MS else "OVER THE BAR"
        print(f"longest stall of both pages: {worst:.1f} ms (bar {BAR_MS:.0f} ms): {verdict}")
        return 0 if worst <= BAR_MS else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


def measure_disk(app: object, home: Path) -> float:
    """The Disk usage page: the usage walk, then opening folders, going back, resizing."""
    from PySide6.QtCore import QTimer

    from onecleaner.datadir import data_dir
    from onecleaner.gui.services import AppServices
    from onecleaner.gui.shell import MainWindow
    from onecleaner.gui.widgets.treemap import Box, layout_tiles

    window = MainWindow(AppServices.load(data_dir()), dialogs=_Yes())  # type: ignore[arg-type]
    window.resize(1100, 720)
    window.show()
    window.open_page("disk")
    tab = window.page("disk").map_tab
    gaps: dict[str, float] = {"walk": 0.0, "handover": 0.0, "browse": 0.0}
    phase = ["idle"]
    last = [time.perf_counter()]
    times: dict[str, float] = {}
    layouts: list[float] = []

    def tick() -> None:
        now = time.perf_counter()
        if phase[0] in gaps:
            gaps[phase[0]] = max(gaps[phase[0]], (now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()

    def laid_out() -> None:  # what the next paint does: lay the treemap out (timed here)
        start = time.perf_counter()
        tab.treemap.tiles()
        layouts.append((time.perf_counter() - start) * 1000)

    def biggest() -> tuple[str, ...]:
        folders = [r.name for r in tab.model.rows() if r.name and r.has_children]
        return (folders[0],) if folders else ()

    steps = [
        lambda: tab.drill(biggest()),
        lambda: tab.drill(biggest()),
        lambda: tab.drill(biggest()),
        tab.go_up,
        tab.go_up,
        lambda: window.resize(900, 600),
        lambda: window.resize(1100, 720),
        lambda: tab.go_to_level(0),
        lambda: tab.drill(("projects", "web", "node_modules")),
        lambda: window.resize(1000, 700),
        lambda: tab.go_to_level(0),
    ]

    def browse(i: int = 0) -> None:
        if i == len(steps):
            phase[0] = "done"
            app.quit()  # type: ignore[attr-defined]
            return
        phase[0] = "browse"
        steps[i]()
        laid_out()
        QTimer.singleShot(120, lambda: browse(i + 1))

    def walked(outcome: object) -> None:
        times["walk"] = time.perf_counter() - times["walk_start"]
        phase[0] = "handover"
        QTimer.singleShot(300, browse)

    tab.runner.finished.connect(walked)

    def start() -> None:
        phase[0] = "walk"
        last[0] = time.perf_counter()
        times["walk_start"] = time.perf_counter()
        tab.scan()

    QTimer.singleShot(200, start)
    app.exec()  # type: ignore[attr-defined]
    found = tab.map
    print(
        f"usage walk {times.get('walk', float('nan')):6.2f} s ({found.files if found else 0:,} "
        f"files), longest tick gap {gaps['walk']:6.1f} ms (the map filling in as it walks)"
    )
    print(f"after the walk (map and list shown): longest tick gap {gaps['handover']:.1f} ms")
    print(
        f"opening folders, going back, resizing: longest tick gap {gaps['browse']:.1f} ms; "
        f"treemap layout {min(layouts):.1f}-{max(layouts):.1f} ms per view"
    )
    if found is not None:
        for label, node in (("the home", found.root), ("the wide folder", _wide(found.root))):
            if node is None:
                continue
            start = time.perf_counter()
            tiles = layout_tiles(node, Box(0, 0, 700, 560))
            took = (time.perf_counter() - start) * 1000
            print(
                f"layout_tiles of {label} ({len(node.children):,} subfolders): {took:.1f} ms, "
                f"{len(tiles)} tiles"
            )
    timer.stop()
    window.stop()
    window.close()
    worst = max(gaps.values()) - TICK_MS
    print(f"Disk usage page: longest stall beyond the {TICK_MS} ms tick: {worst:.1f} ms")
    return worst


def _wide(root: object) -> object:
    from onecleaner.gui.pages.disk_usage.usage_tree import node_at

    return node_at(root, ("projects", "web", "node_modules"))  # type: ignore[arg-type]


def measure(app: object, files: int, keep_gc: bool) -> float:
    from PySide6.QtCore import Qt, QTimer

    from onecleaner.datadir import data_dir
    from onecleaner.gui.jobs import base as jobs
    from onecleaner.gui.pages.clean.models import FileTableModel
    from onecleaner.gui.pages.clean.page import CleanPage
    from onecleaner.gui.services import AppServices

    if keep_gc:
        jobs._quiet_collector = contextlib.nullcontext  # type: ignore[assignment]
    window = CleanPage(AppServices.load(data_dir()), dialogs=_Yes())  # type: ignore[arg-type]
    window.resize(1100, 720)
    window.show()
    window.target_model.set_checked(["system.cache"])

    gaps: dict[str, float] = {"scan": 0.0, "handover": 0.0, "sort": 0.0, "clean": 0.0}
    phase = ["idle"]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        if phase[0] in gaps:
            gaps[phase[0]] = max(gaps[phase[0]], (now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    times: dict[str, float] = {}
    fill: list[float] = []

    def scanned(outcome: object) -> None:
        times["scan"] = time.perf_counter() - times["scan_start"]
        # The GUI thread's share of a finished scan: sizes, chart, file table, skip table.
        start = time.perf_counter()
        window._on_scanned(outcome)  # type: ignore[arg-type]
        fill.append((time.perf_counter() - start) * 1000)
        phase[0] = "handover"
        rows.append(window.file_model.rowCount())

        def click_title() -> None:  # a person clicks the File column's title
            phase[0] = "sort"
            times["sort_start"] = time.perf_counter()
            window.file_model.sort(FileTableModel.PATH, Qt.SortOrder.DescendingOrder)

        QTimer.singleShot(300, click_title)

    def sorted_in() -> None:
        times["sort"] = time.perf_counter() - times["sort_start"]
        phase[0] = "clean"

        def click_clean() -> None:  # a person needs a moment to press Clean
            times["clean_start"] = time.perf_counter()
            window.clean()

        QTimer.singleShot(300, click_clean)

    def cleaned(result: object) -> None:
        times["clean"] = time.perf_counter() - times["clean_start"]
        phase[0] = "done"
        removed = getattr(result, "files", 0)
        print(f"removed {removed:,} files")
        QTimer.singleShot(100, app.quit)  # type: ignore[attr-defined]

    rows: list[int] = []
    window.session.scanned.connect(scanned)
    window.file_model.sorted.connect(sorted_in)
    window.session.cleaned.connect(cleaned)

    def start() -> None:
        phase[0] = "scan"
        last[0] = time.perf_counter()
        times["scan_start"] = time.perf_counter()
        window.scan()

    QTimer.singleShot(200, start)
    app.exec()  # type: ignore[attr-defined]
    timer.stop()
    window.stop()
    gc_note = "collector left running (--keep-gc)" if keep_gc else "collector paused in workers"
    print(f"{files:,} files, {gc_note}")
    print(
        f"scan  {times.get('scan', float('nan')):6.2f} s, longest tick gap {gaps['scan']:6.1f} ms"
    )
    handover = gaps["handover"]
    print(f"after the scan (results shown, figures kept): longest tick gap {handover:.1f} ms")
    print(
        f"sort  {times.get('sort', float('nan')):6.2f} s, longest tick gap {gaps['sort']:6.1f} ms"
        f" ({rows[0] if rows else 0:,} rows)"
    )
    print(
        f"clean {times.get('clean', float('nan')):6.2f} s, longest tick gap {gaps['clean']:6.1f} ms"
    )
    print(f"model fill after the scan (GUI thread): {fill[0] if fill else float('nan'):.1f} ms")
    worst = max(gaps.values()) - TICK_MS
    print(f"Clean page: longest stall beyond the {TICK_MS} ms tick: {worst:.1f} ms")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200_000)
    parser.add_argument("--wide", type=int, default=5_000, help="subfolders of one wide folder")
    parser.add_argument("--keep-gc", action="store_true")
    args = parser.parse_args()
    return run(args.files, args.wide, args.keep_gc)


if __name__ == "__main__":
    sys.exit(main())
