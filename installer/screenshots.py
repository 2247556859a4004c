"""Make the README screenshots of the real app window under Xvfb.

Run from anywhere:  python installer/screenshots.py [--out resources/screenshots] [--only NAMES]

It starts itself again under `xvfb-run` when no display is set, then, with a temporary HOME
holding a synthetic cache tree, a temporary data folder and system root (nothing of the real
machine is scanned or changed), it opens the app's own window and saves, for each page, in the
light and the dark scheme, in English and in Simplified Chinese:

  <page>-<light|dark>-<en|zh_CN>.png   page: home, clean, traces, disk, disk-artefacts, history,
                                       settings, privacy
  confirm-clean-light-en.png           the clean confirmation over the Clean page
  confirm-traces-light-en.png          the confirmation of a Browser traces clean

`--only traces,confirm-traces` saves only those shots (the names before the scheme).
The browser profiles are built from the schemas the record tests use (tests/fixtures/records).

`disk` is the Disk usage map opened one level down (~/projects), `disk-artefacts` its Build
artefacts tab. The temporary home holds about 5 GiB of allocated, never written blocks
(fallocate) so that the map shows sizes a real home has; it is removed at the end.
`--only disk,disk-artefacts` makes only the shots named (the confirmation is `confirm-clean`).

Needs: xvfb (xvfb-run), and a CJK font (fonts-noto-cjk) for the Chinese shots.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1280x1280x24"
WINDOW_SIZE = (1200, 760)
#: The Settings tabs are long: a taller window shows more of them.
SETTINGS_SIZE = (1200, 1000)
PAGES = (
    "home", "clean", "traces", "disk", "disk-artefacts", "history", "settings", "privacy",
)  # fmt: skip
SHOTS = (*PAGES, "confirm-clean", "confirm-traces")
#: The cookie keep-list of the shots' user; the traces page ticks these traces.
KEPT_DOMAINS = ("github.com", "wikipedia.org")
TICKED_TRACES = ("chromium.cookies", "firefox.history")
DAYS = 24 * 3600
#: Ticked besides the quick preset: items that need care, for the confirmation to name.
CARE_ITEMS = ("system.trash", "system.recent_documents")


def _relaunch_under_xvfb(argv: list[str]) -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run was not found: install xvfb, or run with a DISPLAY", file=sys.stderr)
        return 2
    command = [xvfb, "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, __file__, *argv]
    return subprocess.run(command, check=False).returncode


def _write(path: Path, size: int, age_days: float = 3) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    when = time.time() - age_days * DAYS
    os.utime(path, (when, when))


def _allocate(path: Path, size: int, age_days: float = 40) -> None:
    """A file taking `size` bytes on disk, allocated without writing them (fast, real blocks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        if size:
            os.posix_fallocate(fh.fileno(), 0, size)
    when = time.time() - age_days * DAYS
    os.utime(path, (when, when))


MB = 1_000_000


def make_disk_home(home: Path) -> None:
    """What fills a real home, for the Disk usage shots: videos, photos, music, downloads,
    documents, a game, and code projects with their build output."""
    videos = home / "Videos"
    _allocate(videos / "2024-07 Iceland trip.mp4", 640 * MB)
    _allocate(videos / "birthday party.mov", 260 * MB)
    for i in range(12):
        _allocate(videos / "Screencasts" / f"demo-{i + 1:02d}.webm", (9 + i) * MB)
    for year, count in (("2023", 90), ("2024", 120)):
        for i in range(count):
            photo = home / "Pictures" / "Camera" / year / f"IMG_{i + 1000:04d}.jpg"
            _allocate(photo, 2 * MB + i * 9000)
    for i in range(40):
        shot = home / "Pictures" / "Screenshots" / f"Screenshot {i + 1:03d}.png"
        _allocate(shot, 350_000 + i * 3000)
    for album, tracks in (("Bach - Cello Suites", 12), ("Miles Davis - Kind of Blue", 5)):
        for i in range(tracks):
            _allocate(home / "Music" / album / f"{i + 1:02d}.flac", 21 * MB + i * 400_000)
    downloads = home / "Downloads"
    _allocate(downloads / "debian-12.7.0-amd64-netinst.iso", 660 * MB, age_days=120)
    _allocate(downloads / "photos-export.zip", 180 * MB, age_days=200)
    _allocate(downloads / "zoom_amd64.deb", 120 * MB, age_days=75)
    _allocate(downloads / "report-final (2).pdf", 3 * MB)
    docs = home / "Documents"
    _allocate(docs / "thesis" / "thesis.pdf", 14 * MB)
    for i in range(30):
        _allocate(docs / "thesis" / "figures" / f"fig{i + 1:02d}.pdf", 900_000)
    _allocate(docs / "taxes 2024.pdf", 2 * MB)
    _allocate(
        home / ".local/share/Steam/steamapps/common/Stardew Valley/Content/data.pak", 420 * MB
    )
    projects = home / "projects"
    shop = projects / "web-shop"
    _allocate(shop / "package.json", 2_000)
    for i in range(60):
        _allocate(shop / "src" / "components" / f"Part{i}.tsx", 6_000)
    for i in range(900):
        module = shop / "node_modules" / f"pkg-{i % 180}" / f"dist{i // 180}" / "index.js"
        _allocate(module, 40_000 + (i * 7919) % 900_000)
    for i in range(40):
        _allocate(shop / ".next" / "cache" / f"chunk{i}.pack", 2 * MB)
    rust = projects / "rust-engine"
    _allocate(rust / "Cargo.toml", 1_000)
    for i in range(30):
        _allocate(rust / "src" / f"mod{i}.rs", 12_000)
    for i in range(90):
        _allocate(rust / "target" / "debug" / "deps" / f"lib{i}.rlib", 5 * MB + i * 60_000)
    for i in range(20):
        _allocate(rust / "target" / "release" / "deps" / f"lib{i}.rlib", 6 * MB)
    ml = projects / "ml-experiments"
    _allocate(ml / "pyproject.toml", 800)
    _allocate(ml / ".venv" / "pyvenv.cfg", 200)
    for i in range(16):
        _allocate(ml / ".venv/lib/python3.11/site-packages/torch/lib" / f"libtorch_{i}.so", 24 * MB)
    for i in range(300):
        _allocate(ml / ".venv/lib/python3.11/site-packages" / f"pkg{i % 60}" / f"m{i}.py", 30_000)
    _allocate(ml / "data" / "train.parquet", 210 * MB)
    _allocate(ml / "notebooks" / "explore.ipynb", 4 * MB)
    blog = projects / "blog"
    for i in range(200):
        _allocate(blog / "node_modules" / f"lib{i % 40}" / f"f{i}.js", 60_000 + i * 1500)
    _allocate(blog / "package.json", 1_000)
    _allocate(blog / "content" / "posts.md", 40_000)
    app = projects / "mobile-app"
    _allocate(app / "package.json", 1_500)
    for i in range(300):
        _allocate(app / "node_modules" / f"rn-{i % 50}" / f"f{i}.js", 120_000 + i * 900)
    _allocate(app / "android" / "app" / "build.gradle", 3_000)
    for i in range(40):
        _allocate(app / "android" / "app" / "build" / "intermediates" / f"dex{i}.jar", 3 * MB)
    pipeline = projects / "data-pipeline"
    _allocate(pipeline / "pyproject.toml", 900)
    _allocate(pipeline / ".venv" / "pyvenv.cfg", 200)
    packages = pipeline / ".venv/lib/python3.11/site-packages"
    for i in range(200):
        _allocate(packages / f"p{i % 30}" / f"m{i}.so", 900_000)
    code = pipeline / "src" / "pipeline"
    for i in range(20):
        _allocate(code / "__pycache__" / f"step{i}.cpython-311.pyc", 30_000)
        _allocate(code / f"step{i}.py", 9_000)
    tool = projects / "invoice-tool"
    _allocate(tool / "InvoiceTool.csproj", 2_000)
    for i in range(30):
        _allocate(tool / "bin" / "Debug" / "net8.0" / f"lib{i}.dll", 1_600_000)
        _allocate(tool / "obj" / "Debug" / f"gen{i}.cache", 700_000)
    old = projects / "old-prototype"
    _allocate(old / "Cargo.toml", 900)
    for i in range(40):
        _allocate(old / "target" / "debug" / "deps" / f"proto{i}.rlib", 4 * MB)
    latex = projects / "thesis-latex"
    for i in range(12):
        _allocate(latex / "figures" / f"plot{i}.pdf", 1_800_000)
    _allocate(latex / "main.tex", 90_000)
    # When each project last changed (newest file time): days after today, for the shots' "now".
    for project, day in (
        (shop, 12), (rust, 8), (ml, 3), (blog, 40), (app, 10), (pipeline, 5), (tool, 1),
        (old, -90), (latex, 6),
    ):  # fmt: skip
        marker = next(p for p in sorted(project.iterdir()) if p.is_file())
        when = time.time() + day * DAYS
        os.utime(marker, (when, when))


def make_fake_home(base: Path, *, disk: bool = True) -> dict[str, str]:
    """A temporary HOME with junk worth showing, and the environment that points at it."""
    home, data, sysroot = base / "home", base / "data", base / "sysroot"
    cache = home / ".cache"
    for i in range(240):
        _write(cache / "thumbnails" / "large" / f"{i:04x}e9c1d.png", 24_000 + 37 * i)
    for i in range(320):
        _write(
            cache / "mozilla/firefox/k3v9x2.default-release/cache2/entries" / f"{i:08X}",
            48_000 + 113 * i,
        )
    for i in range(420):
        _write(cache / "google-chrome/Default/Cache/Cache_Data" / f"f_{i:06x}", 35_000 + 91 * i)
    for i in range(110):  # what other programs keep in the cache folder
        _write(cache / "mesa_shader_cache" / f"{i % 16:02x}" / f"{i:038x}", 14_000 + 211 * i)
    for i in range(24):
        _write(cache / "fontconfig" / f"{i:032x}-le64.cache-9", 30_000 + 97 * i)
    for i in range(90):
        _write(cache / "pip/http-v2/a/b" / f"{i:032x}", 120_000 + 401 * i)
    for i in range(150):
        _write(home / ".npm/_cacache/content-v2/sha512/ab" / f"{i:040x}", 22_000 + 53 * i)
    for i in range(60):
        _write(sysroot / "tmp" / f"tmp{i:05d}.part", 9_000 + 17 * i, age_days=5)
    (sysroot / "var" / "tmp").mkdir(parents=True, exist_ok=True)
    _write(home / ".local/share/recently-used.xbel", 18_000)
    for i in range(12):
        _write(home / ".local/share/Trash/files" / f"old-report-{i}.pdf", 400_000)
        _write(home / ".local/share/Trash/info" / f"old-report-{i}.pdf.trashinfo", 120)
    for sub in (".config", ".local/state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    if disk:  # about 5 GB of blocks: only when the Disk usage shots are made
        make_disk_home(home)
    make_browser_profiles(home)
    runtime = base / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {
        "HOME": str(home),
        "ONECLEANER_DATA_DIR": str(data),
        "ONECLEANER_SYSTEM_ROOT": str(sysroot),
        "XDG_CACHE_HOME": str(cache),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_RUNTIME_DIR": str(runtime),
        "TMPDIR": str(sysroot / "tmp"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # never the real keychain
        "LANG": "en_US.UTF-8",
        "QT_QPA_PLATFORM": "xcb",
    }


def make_browser_profiles(home: Path) -> None:
    """A Chromium and a Firefox profile with cookies, history, form entries, bookmarks and
    saved logins, made from the real browsers' schemas (as the record tests make them)."""
    sys.path.insert(0, str(ROOT / "tests" / "engine"))
    from records_kit import chromium_profile, firefox_profiles

    sites = [
        "github.com", "gist.github.com", "en.wikipedia.org", "news.ycombinator.com",
        "www.bbc.co.uk", "online-bank.example", "stackoverflow.com", "www.youtube.com",
    ]  # fmt: skip
    trackers = [f"ads{i}.tracker.example" for i in range(18)] + [
        f"cdn{i}.analytics.example" for i in range(9)
    ]
    chromium = chromium_profile(home / ".config" / "chromium")
    chromium.add_cookies(*(f".{s}" for s in sites), *trackers)
    chromium.add_visits(*(f"https://{sites[i % len(sites)]}/page/{i}" for i in range(140)))
    chromium.add_form_entries("zhang.wei@example.org", "Zhang Wei", "Shanghai", "200000")
    chromium.add_login("https://github.com/")
    chromium.add_login("https://online-bank.example/")
    bookmarks = ["https://en.wikipedia.org/", "https://www.bbc.co.uk/news", "https://github.com/"]
    doc = {
        "roots": {
            "bookmark_bar": {
                "type": "folder",
                "children": [{"type": "url", "name": u, "url": u} for u in bookmarks],
            }
        },
        "version": 1,
    }
    (chromium.folder / "Bookmarks").write_text(json.dumps(doc), encoding="utf-8")
    (firefox,) = firefox_profiles(home / ".mozilla" / "firefox", names=("k3v9x2.default-release",))
    firefox.add_cookies(*sites[:5], *trackers[:11])
    for i in range(60):
        firefox.add_page(f"https://{sites[(i * 3) % len(sites)]}/read/{i}", visits=2)
    firefox.add_page("https://en.wikipedia.org/wiki/Main_Page", bookmarked=True)
    firefox.add_page("https://stackoverflow.com/questions", bookmarked=True)
    firefox.add_form_entries("onecleaner", "weather shanghai", "train tickets")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument(
        "--only", default=",".join(SHOTS), help=f"comma-separated shots (of: {', '.join(SHOTS)})"
    )
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    unknown = [name for name in only if name not in SHOTS]
    if unknown:
        parser.error(f"unknown shot(s): {', '.join(unknown)} (known: {', '.join(SHOTS)})")
    if not args.inner and not os.environ.get("DISPLAY"):
        return _relaunch_under_xvfb(["--inner", "--out", str(out), "--only", ",".join(only)])
    with tempfile.TemporaryDirectory(prefix="onecleaner-shots-") as tmp:
        disk = bool({"disk", "disk-artefacts"} & set(only))
        os.environ.update(make_fake_home(Path(tmp), disk=disk))
        os.environ.pop("LANGUAGE", None)
        os.environ.pop("LC_ALL", None)
        out.mkdir(parents=True, exist_ok=True)
        return _shoot(out, Path(os.environ["ONECLEANER_DATA_DIR"]), only)


def _shoot(out: Path, data_dir: Path, only: tuple[str, ...] = SHOTS) -> int:
    # Imported here: the environment above must be in place before the app's modules load.
    from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer
    from PySide6.QtGui import QColor, QPainter, QPalette, QPen
    from PySide6.QtWidgets import QApplication, QWidget

    from onecleaner.engine.model import DeleteMode
    from onecleaner.gui.app import _application, delete_now
    from onecleaner.gui.i18n import install_translator
    from onecleaner.gui.pages.clean.confirm import Dialogs
    from onecleaner.gui.services import AppServices
    from onecleaner.gui.shell import MainWindow
    from onecleaner.gui.theme import ThemeWatcher
    from onecleaner.privacy.consent import Purpose, Way

    app: QApplication = _application()
    theme = app.findChild(ThemeWatcher)
    assert theme is not None
    # Never hang a build: a stuck dialog or display ends the run with a message.
    watchdog = threading.Timer(
        300, lambda: (print("screenshots: timed out", file=sys.stderr), os._exit(3))
    )
    watchdog.daemon = True
    watchdog.start()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(signal: object, timeout_ms: int = 60_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    def save(widget: QWidget, name: str) -> None:
        path = out / name
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        print(f"saved {path}")

    def save_over(window: QWidget, dialog: QWidget, name: str) -> None:
        """A window with a dialog drawn over it where it stands, framed and shadowed.

        Xvfb has no window manager to draw the dialog's frame: without one, the dialog would
        melt into the window behind it.
        """
        shot = window.grab()
        top_left = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
        box = QRect(top_left, dialog.size())
        painter = QPainter(shot)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 40))  # the window behind is modal-dimmed
        painter.setPen(Qt.PenStyle.NoPen)
        for spread in range(12, 0, -2):  # a soft shadow
            painter.setBrush(QColor(0, 0, 0, 10))
            painter.drawRoundedRect(box.adjusted(-spread, -spread + 4, spread, spread + 4), 8, 8)
        painter.drawPixmap(box.topLeft(), dialog.grab())
        painter.setPen(QPen(dialog.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        painter.end()
        path = out / name
        if not shot.save(str(path)):
            raise SystemExit(f"could not save {path}")
        print(f"saved {path}")

    class Yes(Dialogs):
        """Confirms the setup clean below without a modal (the shots never clean otherwise)."""

        def confirm_clean(self, parent: QWidget | None, summary: object) -> bool:
            return True

    # A user who allowed the activity history and usage statistics, registered, and keeps the
    # cookies of two sites.
    from onecleaner.settings import Settings, save_settings

    save_settings(data_dir, Settings(cookie_keep_list=KEPT_DOMAINS))
    services = AppServices.load(data_dir)
    privacy = services.privacy
    privacy.grant(Purpose.HISTORY, Way.FIRST_RUN)
    privacy.withdraw(Purpose.DIAGNOSTICS, Way.FIRST_RUN)
    privacy.grant(Purpose.USAGE, Way.GUI)
    privacy.set_profile(email="zhang.wei@example.org", phone="+8613812345678")

    install_translator(app, "en")
    window = MainWindow(services, dialogs=Yes())
    window.resize(*WINDOW_SIZE)
    window.move(0, 0)
    window.show()
    settle()
    clean = window.page("clean")

    def scan(ids: list[str]) -> None:
        clean.target_model.set_checked(ids)
        clean.scan()
        wait_for(clean.session.scanned)
        settle(400)

    # Lived-in history: a clean of the package caches into the trash (it can be put back),
    # then a scan of the quick preset and two items that need care, for the Clean page.
    services.settings = dataclasses.replace(services.settings, delete_mode=DeleteMode.TRASH)
    scan(["npm.cache", "pip.cache"])
    clean.clean()
    wait_for(clean.session.cleaned)
    settle(400)
    services.settings = dataclasses.replace(services.settings, delete_mode=DeleteMode.PERMANENT)
    scan([*services.quick_target_ids(), *CARE_ITEMS])

    # The Disk usage page: the home mapped, then opened one level down; its build artefacts
    # as seen 45 days on (a file's change time cannot be set back: "now" moves forward
    # instead), one project changed five days before that.
    disk = window.page("disk")
    if {"disk", "disk-artefacts"} & set(only):
        disk.map_tab.scan()
        wait_for(disk.map_tab.runner.finished)
        disk.map_tab.drill(("projects",))
        disk.now = time.time() + 45 * DAYS  # the blog changed five days before: not ticked
        artefacts = disk.finder_tabs[next(k for k in disk.finder_tabs if k.value == "artefacts")]
        artefacts.search()
        wait_for(artefacts.runner.finished)
        settle(400)

    traces = window.page("traces")

    def count_traces() -> None:
        """The Browser traces page counted (its first showing scans) with two traces ticked."""
        if traces.session.outcome is None:
            window.open_page("traces")
            if traces.session.busy:
                wait_for(traces.session.scanned)
        while traces._suggest_job is not None:
            settle(100)
        traces.model.set_checked(TICKED_TRACES)
        settle(300)

    def shoot_pages(suffix: str) -> None:
        for page in PAGES:
            if page not in only:
                continue
            target, section = ("settings", "privacy") if page == "privacy" else (page, "")
            if page.startswith("disk"):
                target, section = "disk", ("artefacts" if page == "disk-artefacts" else "map")
            window.resize(*(SETTINGS_SIZE if target == "settings" else WINDOW_SIZE))
            if page == "traces":
                count_traces()
            window.open_page(target, section or ("general" if target == "settings" else ""))
            if page == "history":
                history = window.page("history")
                rows = history.model.rowCount()
                trash_row = next(
                    (r for r in range(rows) if history.model.entry(r).mode == "trash"), 0
                )
                history.table.selectRow(trash_row)
            settle(500)
            save(window, f"{page}-{suffix}.png")
        window.resize(*WINDOW_SIZE)
        window.open_page("clean")

    for language in ("en", "zh_CN"):
        install_translator(app, language)
        settle(500)
        for scheme, word in ((Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Dark, "dark")):
            theme.apply_scheme(scheme)
            settle(500)
            shoot_pages(f"{word}-{language}")
            if language == "en" and word == "light" and "confirm-traces" in only:
                count_traces()
                window.open_page("traces")
                # The confirmation names the plan of the ticked traces: count them alone.
                traces._start_scan(traces.model.checked_targets())
                wait_for(traces.session.scanned)
                settle(300)

                def grab_traces_modal() -> None:
                    modal = app.activeModalWidget()
                    if modal is None:
                        QTimer.singleShot(100, grab_traces_modal)
                        return
                    settle(300)
                    save_over(window, modal, "confirm-traces-light-en.png")
                    modal.close()

                QTimer.singleShot(300, grab_traces_modal)
                confirmed = Dialogs().confirm_clean(window, traces.session.clean_summary())
                assert not confirmed, "the screenshot run must never clean"
            if language == "en" and word == "light" and "confirm-clean" in only:
                # The confirmation is the real, modal dialog: grab it, then say Cancel.
                def grab_modal() -> None:
                    modal = app.activeModalWidget()
                    if modal is None:
                        QTimer.singleShot(100, grab_modal)
                        return
                    settle(300)
                    save_over(window, modal, "confirm-clean-light-en.png")
                    modal.close()

                window.open_page("clean")
                settle(300)
                QTimer.singleShot(300, grab_modal)
                confirmed = Dialogs().confirm_clean(window, clean.session.clean_summary())
                assert not confirmed, "the screenshot run must never clean"
    theme.apply_scheme(Qt.ColorScheme.Unknown)
    install_translator(app, "en")
    window.keep_running_in_tray = False
    window.stop()
    # Tear the windows down while the application exists, not at interpreter exit (the same
    # way out as the app's own: onecleaner.gui.app.delete_now).
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    settle()
    delete_now(app)
    watchdog.cancel()
    return 0


if __name__ == "__main__":
    sys.exit(main())
