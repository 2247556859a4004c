"""Benchmark: append then verify 10,000 journal records; prints times and ratios.

Run: python tests/bench/bench_journal.py [--records N] [--dir PATH]
The reference is the floor of the same work: sealing the same payloads with AES-256-GCM and
appending them to a plain file, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

# Never touch the real keychain from a benchmark: the master key goes to a key file.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from onecleaner.privacy import crypto
from onecleaner.privacy.journal import Journal
from onecleaner.privacy.keys import KeyStore

DURABLE_SAMPLE = 200


def _text(i: int) -> str:
    return f"cleaned target {i}: 42 files, 13.5 MiB freed in ~/.cache/thumbnails"


def reference(folder: Path, count: int) -> float:
    key = crypto.new_key()
    start = time.perf_counter()
    with open(folder / "reference.bin", "wb") as out:
        for i in range(count):
            payload = json.dumps({"text": _text(i), "data": {"n": i}}).encode()
            out.write(crypto.seal(key, payload) + b"\n")
        out.flush()
        os.fsync(out.fileno())
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None, help="where to make the temp folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        data = folder / "data"
        journal = Journal(data, KeyStore(data))

        start = time.perf_counter()
        with journal.batch():
            for i in range(args.records):
                journal.append("clean", _text(i), purpose="history", data={"n": i})
        append_s = time.perf_counter() - start

        start = time.perf_counter()
        report = Journal(data, KeyStore(data)).verify()
        verify_s = time.perf_counter() - start
        if not report.ok or report.records != args.records:
            print(f"verify failed: {report}", file=sys.stderr)
            return 1

        start = time.perf_counter()
        records = Journal(data, KeyStore(data)).read()
        read_s = time.perf_counter() - start
        assert len(records) == args.records

        durable = Journal(folder / "durable", KeyStore(folder / "durable"))
        start = time.perf_counter()
        for i in range(DURABLE_SAMPLE):
            durable.append("clean", _text(i), purpose="history")
        durable_ms = (time.perf_counter() - start) / DURABLE_SAMPLE * 1000

        ref_s = reference(folder, args.records)
        size = journal.size()["bytes"]

    n = args.records
    print(f"records: {n}, journal size: {size / 1024:.0f} KiB")
    print(f"append (one batch, one fsync): {append_s:.3f} s  ({append_s / ref_s:.1f}x reference)")
    print(f"verify:                        {verify_s:.3f} s  ({verify_s / ref_s:.1f}x reference)")
    print(f"read (decrypt all):            {read_s:.3f} s")
    print(f"append, durable one at a time: {durable_ms:.2f} ms per record (fsync + checkpoint)")
    print(f"reference (seal + write only): {ref_s:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
