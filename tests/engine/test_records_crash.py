"""A clean killed in the middle of editing a browser database leaves it as SQLite's own
transaction leaves it: intact, with either every planned row removed or none.

A real clean runs in a child process; an SQLite progress handler, installed just before the
removal (or the vacuum), signals the test and stalls there, and the test kills the child with
SIGKILL: no Python cleanup, no rollback by us, exactly a crash or a power cut of the process.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from records_kit import chromium_profile, firefox_profiles

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from onecleaner.engine import clean, scan
    from onecleaner.engine.catalog import load_catalog
    from onecleaner.engine.env import Environment
    from onecleaner.engine.records import database, edit
    from onecleaner.engine.scan import ScanOptions

    target, phase, marker = sys.argv[1:4]
    keep = ("keep.example",)

    class Probe:
        def running_apps(self, apps, os_):
            return {}
        def open_files(self):
            return frozenset()

    catalog = load_catalog()
    env = Environment.current()
    plan = scan(catalog.select([target], env.os), env, catalog=catalog,
                options=ScanOptions(keep_domains=keep), probe=Probe())
    assert plan.records > 0, plan

    def stall_in(real):
        def run(con, *args):
            calls = [0]
            def handler():
                calls[0] += 1
                if calls[0] == 3:  # well inside the statement
                    Path(marker).write_text("now")
                    time.sleep(120)
                return 0
            con.set_progress_handler(handler, 200)
            return real(con, *args)
        return run

    def stall_before(real, statement):
        def run(con, *args):
            def trace(sql):
                if sql.startswith(statement):  # earlier statements of the transaction ran
                    Path(marker).write_text("now")
                    time.sleep(120)
            con.set_trace_callback(trace)
            return real(con, *args)
        return run

    if phase == "delete":
        edit.remove_rows = stall_in(database.remove_rows)
    elif phase == "vacuum":
        edit.compact = stall_in(database.compact)
    else:  # between the statements of the transaction
        edit.remove_rows = stall_before(database.remove_rows, phase)
    clean(plan, env, catalog=catalog, probe=Probe(), keep_domains=keep)
    print("the clean finished without being killed")
    """
)

KEPT = 500
GONE = 1500


def _make(browser: str, home: Path) -> Path:
    hosts = [f"s{i}.keep.example" for i in range(KEPT)] + [
        f"t{i}.tracker.example" for i in range(GONE)
    ]
    if browser == "chromium":
        profile = chromium_profile(home / ".config" / "chromium", databases=["Cookies"])
        profile.add_cookies(*hosts)
        return profile.cookies
    (ff,) = firefox_profiles(home / ".mozilla" / "firefox")
    ff.add_cookies(*hosts)
    return ff.cookies


def _kill_when_stalled(target: str, phase: str, marker: Path) -> None:
    """Run a clean of `target` in a child and SIGKILL it once it stalls in `phase`."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, target, phase, str(marker)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            if child.poll() is not None:
                out, err = child.communicate()
                pytest.fail(f"the child ended before it was killed:\n{out}\n{err}")
            assert time.monotonic() < deadline, "the child never reached the edit"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL


def _state(db: Path) -> tuple[str, int]:
    """(integrity, rows) as the browser would find them on its next start."""
    con = sqlite3.connect(db)  # read-write: a hot journal is rolled back, as a browser would
    try:
        (check,) = con.execute("PRAGMA integrity_check").fetchone()
        table = "cookies" if db.name == "Cookies" else "moz_cookies"
        (count,) = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    finally:
        con.close()
    return str(check), int(count)


@pytest.mark.parametrize(
    ("browser", "phase", "rows_after"),
    [
        ("chromium", "delete", KEPT + GONE),  # rollback journal, killed inside the transaction
        ("firefox", "vacuum", KEPT),  # write-ahead log, killed after the commit, compacting
        # The other two pairs: slow (a child process each; the default run stays short).
        pytest.param("firefox", "delete", KEPT + GONE, marks=pytest.mark.slow),
        pytest.param("chromium", "vacuum", KEPT, marks=pytest.mark.slow),
    ],
)
def test_a_clean_killed_mid_edit_leaves_all_or_nothing(
    isolated_home: Path, tmp_path: Path, browser: str, phase: str, rows_after: int
) -> None:
    db = _make(browser, isolated_home)
    _kill_when_stalled(f"{browser}.cookies", phase, tmp_path / "stalled")
    assert _state(db) == ("ok", rows_after)


def test_history_killed_between_the_statements_of_its_transaction_is_all_there(
    isolated_home: Path, tmp_path: Path
) -> None:
    (profile,) = firefox_profiles(isolated_home / ".mozilla" / "firefox")
    for i in range(30):
        profile.add_page(f"http://site{i}.example/", visits=3, bookmarked=i < 5)
    tables = ("moz_historyvisits", "moz_inputhistory", "moz_places", "moz_origins")

    def counts() -> dict[str, int]:
        con = sqlite3.connect(profile.places)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        finally:
            con.close()

    before = counts()
    # The visits and typed entries are already deleted inside the transaction at this point.
    _kill_when_stalled("firefox.history", 'DELETE FROM "moz_places"', tmp_path / "stalled")
    assert counts() == before
