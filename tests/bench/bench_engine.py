"""Benchmark of the engine against `du -sb`, `rm -rf` and BleachBit on a cache-shaped tree.

Run: `python tests/bench/bench_engine.py [--files 200000] [--runs 3]`

Builds a synthetic cache of sparse files (big apparent sizes, few allocated blocks) under
`<tmp>/home/.cache/<app>/<xx>/<yy>/<file>` in a temporary HOME (HOME, XDG_*, TMPDIR,
ONECLEANER_DATA_DIR and ONECLEANER_SYSTEM_ROOT all point into the temporary folder, never at the
real home), and measures, side by side in one run, medians of --runs runs, each side with the
tree's metadata warm in the page cache:

- scan: `scan([system.cache])` through the public engine API (in a child process, as the CLI
  would call it, with the psutil process probe), against `du -sb` of the same tree;
- clean: `clean(plan)` of a fresh identical tree (scanned first, untimed), against `rm -rf` of
  the tree's folders; scan + clean together is printed too;
- peak RSS of the scanning process (its own ru_maxrss, Python start-up and imports included);
- BleachBit's `--preview system.cache` and `--clean system.cache` on the same trees, when
  /usr/bin/bleachbit (Debian package `bleachbit`) is installed.

Bars (issue 2): scan <= 1.3x du, clean <= 1.3x rm -rf, peak RSS <= 150 MB. The engine time is
the engine call alone; the child's wall time (interpreter start-up included) is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCAN_BAR = 1.3
CLEAN_BAR = 1.3
RSS_BAR_MB = 150.0
APPS = 20
FANOUT = 16  # two levels of 16 folders per app: 5,120 leaf folders for 20 apps
TARGET = "system.cache"


# -- the tree ----------------------------------------------------------------------------------


def isolated_env(base: Path) -> dict[str, str]:
    """The environment of every measured process: everything points into `base`."""
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
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
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
    """Write the new tree out, then bring its metadata into the page cache.

    Both sides of a ratio start alike: nothing of the tree still waiting to be written (a
    delete of never-written inodes is cheaper, and writeback would land in whichever side runs
    later), every folder and inode cached.
    """
    os.sync()
    subprocess.run(["du", "-sb", str(cache)], check=True, capture_output=True)


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    """The wall time of a reference command (which must succeed)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed


# -- the measured engine calls (in a child process) --------------------------------------------


def child(mode: str) -> None:
    """Run in a child process: scan (and clean) system.cache, print a JSON line of figures."""
    from onecleaner.engine.catalog import load_catalog
    from onecleaner.engine.clean import clean
    from onecleaner.engine.env import Environment
    from onecleaner.engine.processes import ProcessProbe
    from onecleaner.engine.scan import scan

    catalog = load_catalog()
    env = Environment.current()
    targets = catalog.select([TARGET], env.os)
    probe = ProcessProbe()
    start = time.perf_counter()
    plan = scan(targets, env, catalog=catalog, probe=probe)
    scan_s = time.perf_counter() - start
    figures: dict[str, object] = {
        "scan_s": scan_s,
        "files": plan.files,
        "bytes": plan.bytes,
        "skipped": len(plan.skipped),
    }
    if mode == "clean":
        start = time.perf_counter()
        result = clean(plan, env, catalog=catalog, probe=probe)
        figures["clean_s"] = time.perf_counter() - start
        figures["removed"] = result.files
        figures["clean_skipped"] = len(result.skipped)
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures["maxrss_bytes"] = usage if sys.platform == "darwin" else usage * 1024
    print(json.dumps(figures))


def run_child(mode: str, env: dict[str, str]) -> tuple[dict[str, float], float]:
    """One child run; returns its figures and its wall time (Python start-up included)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode], env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"the {mode} child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


# -- the sides ---------------------------------------------------------------------------------


def remaining_files(cache: Path) -> int:
    return sum(len(f) for _, _, f in os.walk(cache))


def bench(args: argparse.Namespace) -> None:
    base = Path(tempfile.mkdtemp(prefix="onecleaner-bench-", dir=args.dir))
    env = isolated_env(base)
    bleachbit = None if args.no_bleachbit else shutil.which("bleachbit")
    sides: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        sides.setdefault(name, []).append(value)

    try:
        print(f"building {args.files:,} sparse files under {base} ...", file=sys.stderr)
        cache, apparent = build_tree(base, args.files)
        warm(cache)
        peak_rss = 0.0
        found = allocated = 0
        for run in range(args.runs):
            print(f"scan run {run + 1}/{args.runs} ...", file=sys.stderr)
            add("du", timed_run(["du", "-sb", str(cache)], env))
            figures, wall = run_child("scan", env)
            add("scan", figures["scan_s"])
            add("scan_wall", wall)
            peak_rss = max(peak_rss, figures["maxrss_bytes"] / 1e6)
            found, allocated = int(figures["files"]), int(figures["bytes"])
            if bleachbit and run < args.bleachbit_runs:
                add("bb_preview", timed_run([bleachbit, "--preview", TARGET], env))
        for run in range(args.runs):
            print(f"clean run {run + 1}/{args.runs} ...", file=sys.stderr)
            reset(base)
            cache, _ = build_tree(base, args.files)
            warm(cache)
            children = [str(p) for p in cache.iterdir()]
            add("rm", timed_run(["rm", "-rf", "--", *children], env))
            reset(base)
            cache, _ = build_tree(base, args.files)
            warm(cache)
            figures, _ = run_child("clean", env)
            add("clean", figures["clean_s"])
            add("scan_clean", figures["clean_s"] + figures["scan_s"])
            left = remaining_files(cache)
            if left or figures["removed"] != args.files:
                print(f"warning: the clean removed {figures['removed']:,}, {left:,} files left "
                      f"({figures['clean_skipped']:,} skipped)", file=sys.stderr)  # fmt: skip
            if bleachbit and run < args.bleachbit_runs:
                reset(base)
                cache, _ = build_tree(base, args.files)
                warm(cache)
                add("bb_clean", timed_run([bleachbit, "--clean", TARGET], env))
                if remaining_files(cache):
                    print("warning: bleachbit left files behind", file=sys.stderr)
        report(args, sides, found, apparent, allocated, peak_rss)
    finally:
        if args.keep:
            print(f"kept {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)


def reset(base: Path) -> None:
    """Remove the previous tree (untimed) so that the next side gets a fresh identical one."""
    shutil.rmtree(base / "home" / ".cache", ignore_errors=True)


# -- the report --------------------------------------------------------------------------------


def report(
    args: argparse.Namespace,
    sides: dict[str, list[float]],
    found: int,
    apparent: int,
    allocated: int,
    peak_rss: float,
) -> None:
    """Print the figures: medians, and the median of the per-run ratios with their range.

    Each ratio pairs two measurements taken one after the other in the same run, so a load
    change on a shared machine moves both sides; the range shows how steady the runs were.
    """
    print(
        f"ONE Cleaner engine benchmark: {args.files:,} sparse files in {APPS * FANOUT * FANOUT:,} "
        f"folders, {apparent / 2**30:.1f} GiB apparent, {allocated / 2**20:.1f} MiB allocated "
        f"(scan found {found:,}); {args.runs} runs; {os.cpu_count()} CPUs"
    )
    print(f"{'measure':<38}{'reference':>10}{'ONE Cleaner':>13}{'ratio':>8}  {'range':<13} bar")
    line("scan  vs du -sb", sides["du"], sides["scan"], SCAN_BAR)
    line("clean vs rm -rf", sides["rm"], sides["clean"], CLEAN_BAR)
    verdict = "PASS" if peak_rss <= RSS_BAR_MB else "MISS"
    print(
        f"{'peak RSS of the scan':<38}{'':>10}{peak_rss:>10.1f} MB{'':>8}  {'':<13}"
        f" <= {RSS_BAR_MB:.0f} MB  {verdict}"
    )
    print("informational (times are medians; ratio = median of the per-run ratios):")
    line("  scan process, start-up included", sides["du"], sides["scan_wall"])
    line("  scan + clean vs rm -rf", sides["rm"], sides["scan_clean"])
    if "bb_preview" in sides:
        line("  bleachbit --preview vs du -sb", sides["du"], sides["bb_preview"])
        line("  bleachbit --preview vs our scan", sides["scan"], sides["bb_preview"])
    if "bb_clean" in sides:
        line("  bleachbit --clean vs rm -rf", sides["rm"], sides["bb_clean"])
        line("  bleachbit --clean vs our scan+clean", sides["scan_clean"], sides["bb_clean"])
    elif not args.no_bleachbit:
        print("  bleachbit: not installed (Debian package `bleachbit`), not compared")


def line(label: str, reference: list[float], ours: list[float], bar: float | None = None) -> None:
    """One row: median times, the median per-run ratio, its range, and the bar's verdict."""
    ratios = [o / r for o, r in zip(ours, reference, strict=False)]  # bleachbit may run less
    ratio = statistics.median(ratios)
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}x" if len(ratios) > 1 else "1 run"
    tail = f" <= {bar}x  {'PASS' if ratio <= bar else 'MISS'}" if bar is not None else ""
    ref = statistics.median(reference[: len(ratios)])
    print(
        f"{label:<38}{ref:>9.2f}s{statistics.median(ours):>12.2f}s{ratio:>7.2f}x"
        f"  {spread:<13}{tail}".rstrip()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200_000, help="files in the tree")
    parser.add_argument("--runs", type=int, default=3, help="runs per side (medians are shown)")
    parser.add_argument(
        "--bleachbit-runs", type=int, default=None, help="BleachBit runs (default: --runs)"
    )
    parser.add_argument("--no-bleachbit", action="store_true", help="skip BleachBit")
    parser.add_argument("--dir", help="where to make the temporary tree (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary tree")
    parser.add_argument("--child", choices=("scan", "clean"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.bleachbit_runs is None:
        args.bleachbit_runs = args.runs
    bench(args)


if __name__ == "__main__":
    main()
