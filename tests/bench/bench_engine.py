"""Benchmark of the engine against `du -sb` and `rm -rf` on a cache-shaped tree, cold and warm.

Run (as root for the cold columns): `python tests/bench/bench_engine.py`
  [--files 200000 1000000] [--runs 3] [--threads 1 2 4 8 16] [--clean-threads 1 2 4]

For each tree size it builds a synthetic cache of sparse files (big apparent sizes, few allocated
blocks; one file in eight holds 4 KiB) under `<tmp>/home/.cache/<app>/<xx>/<yy>/<file>` in a
temporary HOME (HOME, XDG_*, TMPDIR, ONECLEANER_DATA_DIR and ONECLEANER_SYSTEM_ROOT all point
into it, never at the real home), and measures whole processes, side by side in one run:

- scan: `onecleaner scan --json system.cache` against `du -sb` of the same tree, with the page
  cache dropped before each side (cold: `sync; echo 3 > /proc/sys/vm/drop_caches`, root only)
  and with the tree's metadata cached (warm), for each walking thread count
  (ONECLEANER_THREADS), with the peak RSS of the scanning process;
- scan + clean: `onecleaner clean --yes system.cache` (one process: it scans, then removes)
  against `rm -rf` of the tree's folders, each on a fresh copy of the tree written out and
  warm, for each clean thread count (ONECLEANER_CLEAN_THREADS);
- the plan file: a scan's `--plan-out` of the whole tree, its size and the time to write it;
- for reference: Python's start (`python -c pass`), `onecleaner --version`, a scan of an empty
  cache (the start-up before the walk), and a bare CPython scandir+stat loop of the tree (the
  floor of any pure-Python walk), each warm; as root, that bare loop cold on one thread and on
  eight (what threads alone can win on this disk).

Each ratio pairs two measurements taken one after the other, so a load change on the shared
machine moves both sides; the table shows the median of the per-run ratios and their range, and
the machine's load average is printed with it. Bars (issue 10): cold scan <= 0.6x du, warm scan
<= 1.8x du, scan + clean <= 1.0x rm -rf, peak RSS <= 150 MB at 200k and <= 300 MB at 1M files,
plan file <= 100 MB and <= 3 s at 1M files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLD_BAR = 0.6
WARM_BAR = 1.8
CLEAN_BAR = 1.0
RSS_BARS_MB = {200_000: 150.0, 1_000_000: 300.0}
PLAN_BARS = (100e6, 3.0)  # bytes and seconds, at 1M files
APPS = 20
FANOUT = 16  # two levels of 16 folders per app: 5,120 leaf folders for 20 apps
TARGET = "system.cache"
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


# -- the tree ----------------------------------------------------------------------------------


def isolated_env(base: Path, pycache: Path | None = None) -> dict[str, str]:
    """The environment of every measured process: everything points into `base` (compiled
    modules into `pycache`, default `base/pycache`)."""
    home = base / "home"
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        TMPDIR=str(base / "sysroot" / "tmp"),
        ONECLEANER_DATA_DIR=str(base / "data"),
        ONECLEANER_SYSTEM_ROOT=str(base / "sysroot"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        # Compiled modules, as an installed copy has them (kept out of the source tree).
        PYTHONPYCACHEPREFIX=str(pycache or base / "pycache"),
    )
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def build_tree(base: Path, files: int, seed: int = 7) -> tuple[Path, int]:
    """A fresh temporary home with `files` sparse cache files; returns (cache dir, apparent bytes).

    One file in eight holds 4 KiB of real data so the allocated total is not zero; the others
    are only truncated to their size.
    """
    for sub in ("home/.config", "home/.local/share", "data", "sysroot/tmp", "sysroot/var/tmp"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    cache = base / "home" / ".cache"
    rng = random.Random(seed)
    leaves = [
        str(cache / f"app{a:02d}" / f"{i:02x}" / f"{j:02x}")
        for a in range(APPS)
        for i in range(FANOUT)
        for j in range(FANOUT)
    ]
    for leaf in leaves:
        os.makedirs(leaf, exist_ok=True)
    apparent = 0
    block = b"c" * 4096
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    for n in range(files):
        path = f"{leaves[n % len(leaves)]}/{n:08x}.cache"
        size = rng.randrange(1024, 256 * 1024)
        fd = os.open(path, flags, 0o600)
        try:
            if n % 8 == 0:
                os.write(fd, block)
            os.ftruncate(fd, size)
        finally:
            os.close(fd)
        apparent += size
    return cache, apparent


def warm(cache: Path) -> None:
    """Write the tree out, then bring its metadata into the page cache.

    Both sides of a ratio start alike: nothing of the tree still waiting to be written (a
    delete of never-written inodes is cheaper, and writeback would land in whichever side runs
    later), every folder and inode cached.
    """
    os.sync()
    subprocess.run(["du", "-sb", str(cache)], check=True, capture_output=True)


def drop_caches() -> None:
    """Empty the page cache (root only): the next walk reads the disk."""
    os.sync()
    DROP_CACHES.write_text("3\n")


def fresh_copy(pristine: Path, cache: Path, cli: list[str], env: dict[str, str]) -> None:
    """Replace `cache` with a copy of the pristine tree (sparse, C speed), written out, warm,
    with the app's own parsed catalog in it as a user's cache folder holds it."""
    shutil.rmtree(cache, ignore_errors=True)
    subprocess.run(["cp", "-a", "--sparse=always", str(pristine), str(cache)], check=True)
    subprocess.run([*cli, "list"], env=env, check=True, capture_output=True)
    warm(cache)


def files_left(cache: Path) -> int:
    """Files below `cache` but the app's own folder (which every clean keeps)."""
    return sum(len(f) for d, _, f in os.walk(cache) if not Path(d, "x").is_relative_to(
        cache / "onecleaner"))


# -- measured processes ------------------------------------------------------------------------


def run(
    cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)
) -> tuple[float, float, str]:
    """Run a whole process: its wall time, its own peak RSS in MB (os.wait4 gives that one
    child's), and its standard output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = b"", b""
    assert proc.stdout is not None and proc.stderr is not None
    with proc.stdout, proc.stderr:
        out = proc.stdout.read()  # the commands here print little on stderr
        err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({code}):\n{err.decode()[-2000:]}")
    rss = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    return elapsed, rss, out.decode()


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    """The wall time of a reference command (which must succeed)."""
    return run(cmd, env)[0]


def onecleaner_cmd() -> list[str]:
    """How a user starts the CLI: the installed `onecleaner` script beside this Python."""
    script = Path(sys.executable).with_name("onecleaner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "onecleaner"]


def bare_loop(folder: str) -> tuple[int, int]:
    """os.scandir + stat of every entry below `folder`, nothing checked or kept: the floor of
    any pure-Python walk. Returns (512-byte blocks, entries)."""
    total = count = 0
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    total += entry.stat(follow_symlinks=False).st_blocks
                    count += 1
    return total, count


def bare_loop_threaded(folder: str, threads: int) -> int:
    """The bare loop on `threads` threads sharing a queue of folders: what threads alone can
    win, with nothing checked, ordered or kept. Returns the entries seen."""
    import queue
    import threading

    todo: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    todo.put(folder)
    lock = threading.Lock()
    state = {"pending": 1, "count": 0}

    def work() -> None:
        while True:
            path = todo.get()
            if path is None:
                return
            subs, count = [], 0
            with os.scandir(path) as it:
                for entry in it:
                    if entry.is_dir(follow_symlinks=False):
                        subs.append(entry.path)
                    else:
                        entry.stat(follow_symlinks=False)
                        count += 1
            for sub in subs:
                todo.put(sub)
            with lock:
                state["pending"] += len(subs) - 1
                state["count"] += count
                if state["pending"] == 0:
                    for _ in range(threads):
                        todo.put(None)

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return state["count"]


def plan_child(path: str) -> None:
    """In a child process: scan, save the plan to `path`, print the save's time and size."""
    from onecleaner.datadir import data_dir
    from onecleaner.engine.catalog import load_catalog
    from onecleaner.engine.env import Environment
    from onecleaner.engine.planfile import save_plan
    from onecleaner.engine.scan import scan

    catalog = load_catalog()
    env = Environment.current()
    plan = scan(catalog.select([TARGET], env.os), env, catalog=catalog)
    start = time.perf_counter()
    save_plan(plan, path, data_dir=data_dir())
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "bytes": os.path.getsize(path), "files": plan.files}))


# -- the table ---------------------------------------------------------------------------------


class Sides:
    """Measurements by name, in run order (each list pairs with its reference's)."""

    def __init__(self) -> None:
        self.values: dict[str, list[float]] = {}
        self.loads: list[float] = []

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)
        self.loads.append(os.getloadavg()[0])

    def get(self, name: str) -> list[float]:
        return self.values.get(name, [])


def ratio_cell(reference: list[float], ours: list[float]) -> tuple[float, str]:
    """The median of the per-run ratios and their range."""
    ratios = [o / r for o, r in zip(ours, reference, strict=False) if r > 0]
    if not ratios:
        return float("nan"), "-"
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}" if len(ratios) > 1 else "1 run"
    return statistics.median(ratios), spread


def verdict(value: float, bar: float) -> str:
    return "PASS" if value <= bar else "MISS"


def line(label: str, reference: list[float], ours: list[float], bar: float | None = None) -> None:
    """One row: median times, the median per-run ratio, its range, and the bar's verdict."""
    ratio, spread = ratio_cell(reference, ours)
    tail = f" <= {bar}x  {verdict(ratio, bar)}" if bar is not None else ""
    print(
        f"{label:<40}{statistics.median(reference):>9.2f}s{statistics.median(ours):>10.2f}s"
        f"{ratio:>7.2f}x  {spread:<11}{tail}".rstrip()
    )


# -- one tree size -----------------------------------------------------------------------------


def bench_size(args: argparse.Namespace, files: int) -> None:
    base = Path(tempfile.mkdtemp(prefix="onecleaner-bench-", dir=args.dir))
    env = isolated_env(base)
    cli = onecleaner_cmd()
    cold = args.cold and os.geteuid() == 0 and DROP_CACHES.exists()
    sides = Sides()
    peak: dict[int, float] = {}
    try:
        print(f"building {files:,} sparse files under {base} ...", file=sys.stderr)
        start = time.perf_counter()
        cache, apparent = build_tree(base, files)
        pristine = base / "pristine"  # the source of every fresh copy
        subprocess.run(["cp", "-a", "--sparse=always", str(cache), str(pristine)], check=True)
        print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        warm(cache)
        run([*cli, "scan", "--json", TARGET], env)  # compiles the modules, writes the caches
        empty = base / "empty"
        empty_env = isolated_env(empty, base / "pycache")
        (empty / "home" / ".cache").mkdir(parents=True)
        run([*cli, "scan", "--json", TARGET], empty_env)  # its catalog cache
        uptime_before = os.getloadavg()
        # -- scans, cold and warm, for each thread count ------------------------------------
        found = 0
        for run_n in range(args.runs):
            for threads in args.threads:
                print(f"scan run {run_n + 1}/{args.runs}, {threads} threads ...", file=sys.stderr)
                scan_env = dict(env, ONECLEANER_THREADS=str(threads))
                scan_cmd = [*cli, "scan", "--json", TARGET]
                if cold:
                    drop_caches()
                    sides.add(f"cold_du_{threads}", timed_run(["du", "-sb", str(cache)], env))
                    drop_caches()
                    sides.add(f"cold_scan_{threads}", run(scan_cmd, scan_env)[0])
                warm(cache)
                sides.add(f"du_{threads}", timed_run(["du", "-sb", str(cache)], env))
                seconds, rss, out = run(scan_cmd, scan_env)
                sides.add(f"scan_{threads}", seconds)
                peak[threads] = max(peak.get(threads, 0.0), rss)
                found = json.loads(out)["files"]
            sides.add("du_ref", timed_run(["du", "-sb", str(cache)], env))
            sides.add("python", timed_run([sys.executable, "-c", "pass"], env))
            sides.add("version", timed_run([*cli, "--version"], env))
            sides.add("empty_scan", timed_run([*cli, "scan", "--json", TARGET], empty_env))
            sides.add("du_bare", timed_run(["du", "-sb", str(cache)], env))
            bare = [sys.executable, __file__, "--bare", str(cache)]
            sides.add("bare", float(run(bare, env)[2].split()[0]))
            if cold:  # what any pure-Python walk could do cold, on one thread and on eight
                for n in (1, 8):
                    drop_caches()
                    sides.add(f"cold_du_bare_{n}", timed_run(["du", "-sb", str(cache)], env))
                    drop_caches()
                    cmd = [sys.executable, __file__, "--bare", str(cache), "--bare-threads", str(n)]
                    sides.add(f"cold_bare_{n}", float(run(cmd, env)[2].split()[0]))
        if found != files:
            print(f"warning: the scan found {found:,} of {files:,} files", file=sys.stderr)
        # -- the plan file ---------------------------------------------------------------------
        plan_path = base / "plan.json"
        plan = json.loads(run([sys.executable, __file__, "--plan", str(plan_path)], env)[2])
        # -- scan + clean against rm -rf, on fresh copies ----------------------------------------
        for run_n in range(args.clean_runs):
            fresh_copy(pristine, cache, cli, env)
            children = [str(p) for p in cache.iterdir()]
            sides.add("rm", timed_run(["rm", "-rf", "--", *children], env))
            for threads in args.clean_threads:
                print(f"clean run {run_n + 1}/{args.clean_runs}, {threads} threads ...",
                      file=sys.stderr)  # fmt: skip
                fresh_copy(pristine, cache, cli, env)
                clean_env = dict(env, ONECLEANER_CLEAN_THREADS=str(threads))
                cmd = [*cli, "clean", "--yes", "--json", TARGET]
                seconds, _, out = run(cmd, clean_env, ok=(0, 1))
                sides.add(f"clean_{threads}", seconds)
                removed = json.loads(out)["files"]
                left = files_left(cache)
                if left or removed != files:
                    print(f"warning: the clean removed {removed:,}, {left:,} files left",
                          file=sys.stderr)  # fmt: skip
        report(args, files, apparent, sides, peak, plan, cold, uptime_before)
    finally:
        if args.keep:
            print(f"kept {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)


def report(
    args: argparse.Namespace,
    files: int,
    apparent: int,
    sides: Sides,
    peak: dict[int, float],
    plan: dict[str, float],
    cold: bool,
    load_before: tuple[float, float, float],
) -> None:
    folders = APPS * FANOUT * FANOUT + APPS * FANOUT + APPS
    loads = sides.loads
    print()
    print(
        f"== {files:,} sparse files in {folders:,} folders, {apparent / 2**30:.1f} GiB apparent; "
        f"{args.runs} runs ({args.clean_runs} of the clean); {os.cpu_count()} CPUs; load average "
        f"{load_before[0]:.2f} at the start, {min(loads):.2f}-{max(loads):.2f} while measuring"
    )
    rss_bar = RSS_BARS_MB.get(files)
    head = f"{'threads':>7} | {'cold du':>8} {'scan':>7} {'ratio':>6} {'range':>10}"
    head += f" | {'warm du':>8} {'scan':>7} {'ratio':>6} {'range':>10} | {'peak RSS':>9}"
    print(head)
    best_cold = best_warm = float("inf")
    for threads in args.threads:
        row = f"{threads:>7} | "
        if cold:
            ref, ours = sides.get(f"cold_du_{threads}"), sides.get(f"cold_scan_{threads}")
            ratio, spread = ratio_cell(ref, ours)
            best_cold = min(best_cold, ratio)
            row += f"{statistics.median(ref):>7.2f}s {statistics.median(ours):>6.2f}s "
            row += f"{ratio:>5.2f}x {spread:>10}"
        else:
            row += f"{'(not root: no cold runs)':>35}"
        ref, ours = sides.get(f"du_{threads}"), sides.get(f"scan_{threads}")
        ratio, spread = ratio_cell(ref, ours)
        best_warm = min(best_warm, ratio)
        row += f" | {statistics.median(ref):>7.2f}s {statistics.median(ours):>6.2f}s "
        row += f"{ratio:>5.2f}x {spread:>10} | {peak[threads]:>6.0f} MB"
        print(row)
    from onecleaner.engine.threads import walk_threads

    default = walk_threads()
    print(f"(the default on this machine: {default} walking threads, ONECLEANER_THREADS unset)")
    if default in args.threads:
        if cold:
            ref, ours = sides.get(f"cold_du_{default}"), sides.get(f"cold_scan_{default}")
            ratio, _ = ratio_cell(ref, ours)
            print(f"bar: cold scan <= {COLD_BAR}x du at the default: {ratio:.2f}x "
                  f"{verdict(ratio, COLD_BAR)} (best of any count {best_cold:.2f}x)")  # fmt: skip
        ratio, _ = ratio_cell(sides.get(f"du_{default}"), sides.get(f"scan_{default}"))
        print(f"bar: warm scan <= {WARM_BAR}x du at the default: {ratio:.2f}x "
              f"{verdict(ratio, WARM_BAR)} (best of any count {best_warm:.2f}x)")  # fmt: skip
        if rss_bar is not None:
            print(f"bar: peak RSS <= {rss_bar:.0f} MB: {peak[default]:.0f} MB "
                  f"{verdict(peak[default], rss_bar)}")  # fmt: skip
    print(f"{'scan + clean vs rm -rf (whole processes)':<40}{'rm -rf':>10}{'ours':>11}"
          f"{'ratio':>8}  {'range':<11}")  # fmt: skip
    for threads in args.clean_threads:
        line(f"  {threads} clean thread(s)", sides.get("rm"), sides.get(f"clean_{threads}"),
             CLEAN_BAR)  # fmt: skip
    from onecleaner.engine.threads import clean_threads

    print(f"(the default: {clean_threads()} clean thread(s))")
    size_bar, time_bar = PLAN_BARS
    tail = ""
    if files >= 1_000_000:
        ok = plan["bytes"] <= size_bar and plan["seconds"] <= time_bar
        tail = f"  bars <= {size_bar / 1e6:.0f} MB, <= {time_bar:.0f} s: {'PASS' if ok else 'MISS'}"
    print(f"plan file (--plan-out) of {int(plan['files']):,} files: {plan['bytes'] / 1e6:.1f} MB, "
          f"written in {plan['seconds']:.2f} s{tail}")  # fmt: skip
    print("for reference (warm, medians):")
    du = sides.get("du_ref")
    print(f"  du -sb {statistics.median(du):.3f} s; python -c pass "
          f"{statistics.median(sides.get('python')):.3f} s; onecleaner --version "
          f"{statistics.median(sides.get('version')):.3f} s; scan of an empty cache "
          f"{statistics.median(sides.get('empty_scan')):.3f} s")  # fmt: skip
    line("  bare scandir+stat loop (in-process)", sides.get("du_bare"), sides.get("bare"))
    if cold:
        print("for reference (cold, medians):")
        for n in (1, 8):
            line(f"  bare loop on {n} thread(s) vs cold du", sides.get(f"cold_du_bare_{n}"),
                 sides.get(f"cold_bare_{n}"))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3, help="runs of the scans (medians shown)")
    parser.add_argument("--clean-runs", type=int, default=None, help="runs of the clean")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    parser.add_argument("--clean-threads", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--no-cold", dest="cold", action="store_false", help="warm runs only")
    parser.add_argument("--dir", help="where to make the temporary tree (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary tree")
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    parser.add_argument("--bare-threads", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--plan", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        start = time.perf_counter()
        if args.bare_threads > 1:
            bare_loop_threaded(args.bare, args.bare_threads)
        else:
            bare_loop(args.bare)
        print(time.perf_counter() - start)
        return
    if args.plan:
        plan_child(args.plan)
        return
    if args.clean_runs is None:
        args.clean_runs = args.runs
    print(f"ONE Cleaner engine benchmark; uptime: {os.getloadavg()}", file=sys.stderr)
    for files in args.files:
        bench_size(args, files)


if __name__ == "__main__":
    main()
