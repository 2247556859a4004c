"""Benchmark of the usage map against `du -sb` on a home of a million files.

Run: `python tests/bench/bench_usage.py [--files 1000000] [--runs 3] [--cold]`

Builds a temporary home (HOME, XDG_*, TMPDIR, ONECLEANER_DATA_DIR and ONECLEANER_SYSTEM_ROOT all
point into it, never at the real home) shaped like a real one: a dozen top folders of uneven
trees (caches, projects with deep dependency folders, documents, photos), sparse files (one in
eight with 4 KiB of real data) and a few hard links across folders. Then, each side with the
tree's metadata warm in the page cache, medians of --runs runs:

- the usage walk: `usage_map(home)` through the public engine API, keeping every folder (what
  the window's drill-down needs), in a child process, against `du -sb` of the same tree;
- its peak RSS: the child's own ru_maxrss (Python start-up and imports included) plus, for each
  worker process the walk starts (one per CPU, ONECLEANER_PROCESSES), the largest worker's;
- informational: `onecleaner usage --json` as a user runs it (start-up included); the walk kept
  in one process (`processes=1`, what the split saves); a bare CPython
  loop of os.scandir + stat with no checks and no tree, the floor of any pure-Python walk; and
  that loop split over one process per CPU, the floor of a parallel walker.

With --cold (root only), each run also walks with the page cache dropped before each side
(`sync; echo 3 > /proc/sys/vm/drop_caches`): the split walk and the one-process walk, each against
a cold `du -sb`.

The walk's total is checked against `du -sB1 --one-file-system` first. Bars (issue 14): usage
walk <= 1.5x du -sb (warm), peak RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import bare_loop, drop_caches, isolated_env, line, timed_run

from onecleaner.engine.threads import walk_processes

WALK_BAR = 1.5
RSS_BAR_MB = 300.0
TOPS = (".cache", ".local/share", ".config", "Documents", "Pictures", "Music", "Downloads",
        "code", ".npm", ".cargo", "Videos", "Desktop")  # fmt: skip


# -- the tree ----------------------------------------------------------------------------------


def build_home(base: Path, files: int, seed: int = 11) -> Path:
    """A fresh temporary home holding `files` sparse files; returns the home."""
    for sub in ("data", "sysroot/tmp", "sysroot/var/tmp"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    home = base / "home"
    rng = random.Random(seed)
    folders: list[str] = []
    for top in TOPS:
        os.makedirs(home / top, exist_ok=True)
        folders.append(str(home / top))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    block = b"h" * 4096
    made = 0
    linked = 0
    while made < files:
        # A new folder below a recent one (deep trees) or below a top folder (wide ones).
        parent = rng.choice(folders[-64:]) if rng.random() < 0.7 else rng.choice(folders[:12])
        folder = f"{parent}/d{len(folders):x}"
        os.mkdir(folder)
        folders.append(folder)
        for n in range(min(rng.choice((2, 5, 10, 20, 40, 80)), files - made)):
            path = f"{folder}/f{n}.dat"
            fd = os.open(path, flags, 0o600)
            try:
                if made % 8 == 0:
                    os.write(fd, block)
                os.ftruncate(fd, rng.randrange(512, 512 * 1024))
            finally:
                os.close(fd)
            made += 1
            if made % 1000 == 0:  # a second link in another folder, counted once
                os.link(path, f"{rng.choice(folders[:12])}/link{linked}.dat")
                linked += 1
    return home


def warm(home: Path) -> None:
    """Write the tree out, then bring its metadata into the page cache."""
    os.sync()
    subprocess.run(["du", "-sb", str(home)], check=True, capture_output=True)


# -- the measured calls (in a child process) ---------------------------------------------------


def child(mode: str, home: str) -> None:
    """Run in a child process: one walk, then a JSON line of figures."""
    from onecleaner.engine.finders.usage import usage_map

    figures: dict[str, object] = {}
    start = time.perf_counter()
    if mode in ("usage", "alone"):
        found = usage_map(home, processes=1 if mode == "alone" else None)
        figures.update(bytes=found.bytes, files=found.files, skipped=len(found.skipped))
    elif mode == "bare":
        total, count = bare_loop(home)
        figures.update(bytes=total * 512, files=count)
    else:  # the bare loop over the top folders' subfolders, one process per CPU
        from multiprocessing import Pool

        parts = [
            e.path
            for top in os.scandir(home)
            for e in os.scandir(top.path)
            if e.is_dir(follow_symlinks=False)
        ]  # the top folders' own files (a few links) are left out: a floor, not a total
        with Pool(os.cpu_count()) as pool:
            done = pool.map(bare_loop, parts, chunksize=1)
        figures.update(files=sum(c for _, c in done))
    figures["seconds"] = time.perf_counter() - start
    unit = 1 if sys.platform == "darwin" else 1024
    figures["maxrss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    # The largest of the worker processes (the walk's, or the pool's) that have ended.
    figures["worker_maxrss_bytes"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    print(json.dumps(figures))


def run_child(mode: str, home: Path, env: dict[str, str]) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(home)],
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"the {mode} child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# -- the run -----------------------------------------------------------------------------------


def bench(args: argparse.Namespace) -> None:
    if args.reuse:
        base = Path(args.reuse)
        args.keep = True
    else:
        base = Path(tempfile.mkdtemp(prefix="onecleaner-bench-usage-", dir=args.dir))
    env = isolated_env(base)
    sides: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        sides.setdefault(name, []).append(value)

    try:
        home = base / "home"
        if not args.reuse:
            print(f"building {args.files:,} sparse files under {base} ...", file=sys.stderr)
            start = time.perf_counter()
            build_home(base, args.files)
            print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        folders = sum(len(d) for _, d, _ in os.walk(home)) + 1
        warm(home)
        du_s = ["du", "-sB1", "--one-file-system", str(home)]
        du_out = subprocess.run(du_s, capture_output=True, text=True, check=True).stdout
        du_total = int(du_out.split()[0])
        peak = worker_peak = 0.0
        workers = walk_processes()
        figures: dict[str, float] = {}
        cli = [sys.executable, "-m", "onecleaner", "usage", str(home), "--json"]
        for run in range(args.runs):
            print(f"run {run + 1}/{args.runs} ...", file=sys.stderr)
            add("du", timed_run(["du", "-sb", str(home)], env))
            figures = run_child("usage", home, env)
            add("usage", figures["seconds"])
            peak = max(peak, figures["maxrss_bytes"] / 1e6)
            worker_peak = max(worker_peak, figures["worker_maxrss_bytes"] / 1e6)
            add("du2", timed_run(["du", "-sb", str(home)], env))
            add("cli", timed_run(cli, env))
            add("du3", timed_run(["du", "-sb", str(home)], env))
            add("bare", run_child("bare", home, env)["seconds"])
            add("du4", timed_run(["du", "-sb", str(home)], env))
            add("parallel", run_child("parallel", home, env)["seconds"])
            add("du5", timed_run(["du", "-sb", str(home)], env))
            add("alone", run_child("alone", home, env)["seconds"])
            if args.cold:  # the page cache emptied before each side
                for mode in ("usage", "alone"):
                    drop_caches()
                    add(f"cold_du_{mode}", timed_run(["du", "-sb", str(home)], env))
                    drop_caches()
                    add(f"cold_{mode}", run_child(mode, home, env)["seconds"])
                warm(home)
        if figures["bytes"] != du_total:
            print(f"warning: the walk counted {figures['bytes']:,} bytes, du -sB1 -x "
                  f"{du_total:,}", file=sys.stderr)  # fmt: skip
        print(
            f"ONE Cleaner usage benchmark: {int(figures['files']):,} files in {folders:,} "
            f"folders, {du_total / 2**20:.0f} MiB allocated (= du -sB1 -x: "
            f"{'yes' if figures['bytes'] == du_total else 'NO'}); {args.runs} runs; "
            f"{os.cpu_count()} CPUs; the walk in {workers} process(es)"
        )
        print(f"{'measure':<38}{'reference':>10}{'ONE Cleaner':>13}{'ratio':>8}  {'range':<13} bar")
        line("usage walk vs du -sb", sides["du"], sides["usage"], WALK_BAR)
        together = peak + (workers * worker_peak if workers > 1 else 0.0)
        verdict = "PASS" if together < RSS_BAR_MB else "MISS"
        print(f"{'peak RSS of the walk, all processes':<38}{'':>10}{together:>10.1f} MB{'':>8}  "
              f"{'':<13} < {RSS_BAR_MB:.0f} MB  {verdict}")  # fmt: skip
        if workers > 1:
            print(f"  (the calling process {peak:.1f} MB + {workers} workers of at most "
                  f"{worker_peak:.1f} MB each, as if all peaked at once)")  # fmt: skip
        print("informational (times are medians; ratio = median of the per-run ratios):")
        line("  onecleaner usage --json (start-up)", sides["du2"], sides["cli"])
        line("  bare scandir+stat loop vs du -sb", sides["du3"], sides["bare"])
        line(f"  the same in {os.cpu_count()} processes vs du -sb", sides["du4"], sides["parallel"])
        line("  usage walk in one process vs du -sb", sides["du5"], sides["alone"])
        if args.cold:
            line("  cold: usage walk vs cold du -sb", sides["cold_du_usage"], sides["cold_usage"])
            line("  cold: one process vs cold du -sb", sides["cold_du_alone"], sides["cold_alone"])
    finally:
        if args.keep:
            print(f"kept {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1_000_000, help="files in the home")
    parser.add_argument("--runs", type=int, default=3, help="runs per side (medians are shown)")
    parser.add_argument("--dir", help="where to make the temporary home (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home")
    parser.add_argument("--reuse", metavar="DIR", help="measure a home kept by --keep in DIR")
    parser.add_argument(
        "--cold", action="store_true", help="also walk with the page cache dropped (root only)"
    )
    parser.add_argument("--child", nargs=2, metavar=("MODE", "HOME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    bench(args)


if __name__ == "__main__":
    main()
