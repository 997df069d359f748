"""Benchmark of the synthetic corpus generator (not a test).

Generates N reports (default 10 000, seed 1) into a temporary folder and prints
throughput, files and megabytes written, and peak RSS. Usage::

    python bench/synth_speed.py [--reports 100000] [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from odyssey.ingest.synth import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--keep", type=Path, default=None, help="write into this (empty) folder and keep it"
    )
    args = ap.parse_args(argv)

    tmp = None
    if args.keep is None:
        tmp = tempfile.mkdtemp(prefix="synth_speed_")
        out = Path(tmp) / "corpus"
    else:
        out = args.keep
    try:
        t0 = time.perf_counter()
        summary = generate(out, args.reports, seed=args.seed)
        secs = time.perf_counter() - t0
        n_files = sum(1 for p in out.rglob("*") if p.is_file())
        mb = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
        truth_mb = (out / "truth.json").stat().st_size / 1e6
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    rate = args.reports / secs
    print(f"synth_speed: {args.reports} reports in {secs:.1f} s = {rate:.0f} reports/s")
    print(
        f"synth_speed: files written {n_files} ({summary.files['messages']} messages, "
        f"{summary.files['emails']} e-mails, {summary.files['tables']} tables, 1 truth)"
    )
    print(f"synth_speed: MB written {mb:.1f} (truth.json {truth_mb:.1f})")
    print(
        f"synth_speed: mentions {summary.mentions}, links {summary.links}, "
        f"entities {summary.entities}, networks {summary.networks}"
    )
    print(f"synth_speed: peak RSS {peak_kb / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
