"""Ingest throughput next to the bare NER it is built on, in the same run.

Generates N reports, then times (1) ``nlp.pipe`` alone over the same body texts
with the same loaded pipelines, and (2) the whole pipeline into a fresh embedded
store: reading, header parsing, language detection, identifier rules, NER, links,
and each file stored whole (one commit per chunk of files). The ratio says what the pipeline costs beyond NER
(target >= 0.7). Models are loaded before either timing. Both passes are also
timed in process CPU seconds, which other programs on the machine disturb less.

    python bench/ingest_throughput.py [--reports 5000] [--seed 99]
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        generate(root, reports=args.reports, seed=args.seed)
        folders = [root / "messages", root / "emails", root / "tables"]
        files = [p for f in folders for p in sorted(f.iterdir())]

        # The same texts NER sees in the pipeline: message and e-mail bodies, by language.
        bodies: dict[str | None, list[str]] = defaultdict(list)
        for path in files:
            if path.suffix == ".csv":
                continue
            src = read_path(path)
            body = src.text[src.body_start :]
            bodies[src.fields.get("language") or detect_language(body)].append(body)
        for language in bodies:
            nlp_models.pipeline(language if language in nlp_models.configured_models() else None)
        words = sum(len(b.split()) for texts in bodies.values() for b in texts)

        started, cpu = time.perf_counter(), time.process_time()
        for language, texts in bodies.items():
            nlp = nlp_models.pipeline(
                language if language in nlp_models.configured_models() else None
            )
            for _ in nlp.pipe(texts, batch_size=32):
                pass
        bare, bare_cpu = time.perf_counter() - started, time.process_time() - cpu

        with SqliteStore(Path(tmp) / "bench.db") as store:
            started, cpu = time.perf_counter(), time.process_time()
            summary = ingest(store, folders)
            full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
            counts = summary.counts()
    texts_total = sum(len(t) for t in bodies.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"ingest_throughput: {args.reports} reports, {len(files)} files, {texts_total} texts, {words} words"
    )
    print(
        f"ingest_throughput: bare nlp.pipe {texts_total / bare:.1f} texts/s ({words / bare:.0f} words/s, "
        f"{bare:.1f} s, {bare_cpu:.1f} s CPU)"
    )
    print(f"ingest_throughput: full pipeline {len(files) / full:.1f} files/s ({full:.1f} s, {full_cpu:.1f} s CPU) -> "
          f"{counts['documents']} documents, {counts['mentions']} mentions, {counts['links']} links, "
          f"{counts['failed']} failed")  # fmt: skip
    print(
        f"ingest_throughput: ratio pipeline/bare NER = {bare / full:.2f} "
        "(same texts, same models, same run)"
    )
    print(
        f"ingest_throughput: CPU-time ratio = {bare_cpu / full_cpu:.2f} (the process's CPU seconds: "
        "steadier than wall-clock on a shared machine, blind to waiting on the disk)"
    )
    print(f"ingest_throughput: peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
