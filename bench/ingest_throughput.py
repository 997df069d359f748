"""Ingest throughput next to the bare NER it is built on, in the same run.

Generates N reports, then times (1) ``nlp.pipe`` alone over the same body texts
with the same loaded pipelines, and (2) the whole pipeline into a fresh embedded
store: reading, header parsing, language detection, identifier rules, NER, links,
and each file stored whole (one commit per chunk of files). The ratio says what the
pipeline costs beyond NER (target >= 0.7). Models (spaCy's, the gazetteer, the
language detector) are loaded before either timing; their load time is printed.

Both are run twice: in one process (timed in wall-clock and in process CPU seconds,
which other programs on the machine disturb less), and with ``--workers`` processes
(default: one per core, up to four): ``nlp.pipe(n_process=N)`` against the pipeline's
worker processes, each against the other at the same process count.

    python bench/ingest_throughput.py [--reports 5000] [--seed 99] [--workers N]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from odyssey.graph import SqliteStore
from odyssey.ingest import nlp as nlp_models
from odyssey.ingest.language import detect_language
from odyssey.ingest.pipeline import ingest
from odyssey.ingest.readers import read_path
from odyssey.ingest.synth import generate
from odyssey.ingest.workers import auto_workers, warm_up


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument(
        "--workers", type=int, default=auto_workers(), help="processes (default: cores, up to 4)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        generate(root, reports=args.reports, seed=args.seed)
        folders = [root / "messages", root / "emails", root / "tables"]
        files = [p for f in folders for p in sorted(f.iterdir())]

        loading = time.perf_counter()
        warm_up()
        loading = time.perf_counter() - loading

        # The same texts NER sees in the pipeline: message and e-mail bodies, by language.
        bodies: dict[str | None, list[str]] = defaultdict(list)
        for path in files:
            if path.suffix == ".csv":
                continue
            src = read_path(path)
            body = src.text[src.body_start :]
            bodies[src.fields.get("language") or detect_language(body)].append(body)
        words = sum(len(b.split()) for texts in bodies.values() for b in texts)
        texts_total = sum(len(t) for t in bodies.values())
        print(f"ingest_throughput: {args.reports} reports, {len(files)} files, {texts_total} texts, "
              f"{words} words; models loaded in {loading:.1f} s (outside the timings)")  # fmt: skip

        for processes in sorted({1, max(1, args.workers)}):
            started, cpu = time.perf_counter(), time.process_time()
            for language, texts in bodies.items():
                nlp = nlp_models.pipeline(
                    language if language in nlp_models.configured_models() else None
                )
                for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
                    pass
            bare, bare_cpu = time.perf_counter() - started, time.process_time() - cpu

            with SqliteStore(Path(tmp) / f"bench-{processes}.db") as store:
                started, cpu = time.perf_counter(), time.process_time()
                summary = ingest(store, folders, workers=processes)
                full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
                counts = summary.counts()
            _report(
                processes,
                len(files),
                texts_total,
                words,
                (bare, bare_cpu),
                (full, full_cpu),
                counts,
            )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest_throughput: peak RSS {peak_mb:.0f} MB (this process)")


def _report(
    processes: int,
    files: int,
    texts: int,
    words: int,
    bare: tuple[float, float],
    full: tuple[float, float],
    counts: dict[str, int],
) -> None:
    where = "in one process" if processes == 1 else f"with {processes} processes"
    print(f"ingest_throughput: [{where}] bare nlp.pipe {texts / bare[0]:.1f} texts/s "
          f"({words / bare[0]:.0f} words/s, {bare[0]:.1f} s)")  # fmt: skip
    print(f"ingest_throughput: [{where}] full pipeline {files / full[0]:.1f} files/s ({full[0]:.1f} s) -> "
          f"{counts['documents']} documents, {counts['mentions']} mentions, {counts['links']} links, "
          f"{counts['failed']} failed")  # fmt: skip
    print(
        f"ingest_throughput: [{where}] ratio pipeline/bare NER = {bare[0] / full[0]:.2f} "
        "(same texts, same models, same run)"
    )
    if processes == 1:
        print(
            f"ingest_throughput: [{where}] CPU-time ratio = {bare[1] / full[1]:.2f} ({bare[1]:.1f} s / "
            f"{full[1]:.1f} s: the process's CPU seconds, steadier than wall-clock on a shared "
            "machine, blind to waiting on the disk)"
        )


if __name__ == "__main__":
    main()
