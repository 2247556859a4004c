"""Benchmark: scan and clean browser traces (a big cookie jar and a big history); prints times
and the ratio to the bare SQL.

Run: python tests/bench/bench_records.py [--cookies N] [--pages N] [--dir PATH]
The reference is the floor of the same work on an identical copy: the same DELETE statements
(with the same keep-list function) in one transaction and a VACUUM, through the sqlite3
module, without the engine's discovery, checks, counting or estimate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "engine"))


class _NothingRuns:
    def running_apps(self, apps: object, os_: object) -> dict[str, tuple[int, ...]]:
        return {}

    def open_files(self) -> frozenset[str]:
        return frozenset()


def _fill(home: Path, cookies: int, pages: int) -> tuple[Path, Path]:
    from records_kit import chromium_profile, connect

    profile = chromium_profile(home / ".config" / "chromium", databases=["Cookies", "History"])
    con = connect(profile.cookies)
    con.executemany(
        "INSERT INTO cookies (creation_utc, host_key, top_frame_site_key, name, value, "
        "encrypted_value, path, expires_utc, is_secure, is_httponly, last_access_utc, "
        "has_expires, is_persistent, priority, samesite, source_scheme, source_port, "
        "last_update_utc, source_type, has_cross_site_ancestor) VALUES "
        "(?, ?, '', 'n', '', ?, '/', 0, 0, 0, 0, 1, 1, 1, -1, 1, 80, 0, 0, 0)",
        (
            (i, f"s{i}.keep.example" if i % 10 == 0 else f"t{i}.tracker.example", os.urandom(64))
            for i in range(cookies)
        ),
    )
    con.commit()
    con.close()
    con = connect(profile.history)
    con.executemany(
        "INSERT INTO urls (id, url, title, visit_count, typed_count, last_visit_time, hidden) "
        "VALUES (?, ?, 'a page title of ordinary length', 1, 0, 0, 0)",
        ((i, f"https://site{i % 500}.example/path/{i}") for i in range(1, pages + 1)),
    )
    con.executemany(
        "INSERT INTO visits (url, visit_time, transition) VALUES (?, ?, 1)",
        ((i, i) for i in range(1, pages + 1)),
    )
    con.commit()
    con.close()
    return profile.cookies, profile.history


def _reference(cookies: Path, history: Path) -> float:
    from onecleaner.engine.records.domains import KeepList

    keep = KeepList(["keep.example"])
    start = time.perf_counter()
    con = sqlite3.connect(cookies, isolation_level=None)
    con.create_function("kept", 1, lambda h: 1 if keep.keeps(h) else 0, deterministic=True)
    con.execute("BEGIN")
    con.execute("DELETE FROM cookies WHERE NOT kept(host_key)")
    con.execute("COMMIT")
    con.execute("VACUUM")
    con.close()
    con = sqlite3.connect(history, isolation_level=None)
    con.execute("BEGIN")
    for table in ("urls", "visits", "keyword_search_terms", "downloads", "downloads_url_chains"):
        con.execute(f"DELETE FROM {table}")
    con.execute("COMMIT")
    con.execute("VACUUM")
    con.close()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cookies", type=int, default=50_000)
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="where to make the temp folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        home = Path(tmp, "home")
        os.environ.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            ONECLEANER_DATA_DIR=str(Path(tmp, "data")),
            ONECLEANER_SYSTEM_ROOT=str(Path(tmp, "sysroot")),
        )
        from onecleaner.engine import clean, scan
        from onecleaner.engine.catalog import load_catalog
        from onecleaner.engine.env import Environment
        from onecleaner.engine.scan import ScanOptions

        cookies, history = _fill(home, args.cookies, args.pages)
        copies = Path(tmp, "copies")
        copies.mkdir()
        ref_cookies = Path(shutil.copy(cookies, copies / "Cookies"))
        ref_history = Path(shutil.copy(history, copies / "History"))
        size = cookies.stat().st_size + history.stat().st_size

        catalog = load_catalog()
        env = Environment.current()
        targets = catalog.select(["chromium.cookies", "chromium.history"], env.os)
        options = ScanOptions(keep_domains=("keep.example",))
        start = time.perf_counter()
        plan = scan(targets, env, catalog=catalog, options=options, probe=_NothingRuns())
        scan_s = time.perf_counter() - start
        start = time.perf_counter()
        result = clean(plan, env, catalog=catalog, probe=_NothingRuns())
        clean_s = time.perf_counter() - start
        reference_s = _reference(ref_cookies, ref_history)
        assert result.records == plan.records and not result.skipped, result

    print(f"{args.cookies:,} cookies (90% removed) and {args.pages:,} history pages "
          f"({size / 2**20:.1f} MiB)")  # fmt: skip
    print(f"scan (count + estimate): {scan_s:.2f} s   estimated {plan.bytes / 2**20:.1f} MiB, "
          f"freed {result.bytes / 2**20:.1f} MiB")  # fmt: skip
    print(f"clean: {clean_s:.2f} s   reference (bare DELETE + VACUUM): {reference_s:.2f} s   "
          f"ratio {clean_s / reference_s:.2f}x   scan + clean: "
          f"{(scan_s + clean_s) / reference_s:.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
