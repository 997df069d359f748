"""Entity-resolution scale: time and memory to resolve 10 000 to 100 000 person mentions.

Writes synthetic reports straight into a fresh embedded store (no NLP: this
measures resolution, not extraction): people with random multi-syllable names,
each mentioned in several reports in varied forms (case, surname first, with a
comma, surname alone in the same report, birth date now and then), five
people per report, then runs ``resolve`` once and prints the time, peak memory
(the process's peak resident set, so far) and how time grows with size. Near-linear
growth is what blocking buys. The CPU time (this process's) is printed beside the
wall time: on a machine shared with other work the wall time also counts the
waits for a core, the CPU time does not, so its growth is the steadier figure.

    python bench/resolution_scale.py [--sizes 10000,30000,100000] [--seed 11]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from odyssey.graph import Batch, SqliteStore
from odyssey.ingest.resolution import resolve
from odyssey.ingest.resolution.records import name_record_id
from odyssey.model import Document, Entity, Mention

_SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ha",
    "sa",
    "li",
    "na",
    "de",
    "ben",
    "tu",
    "ra",
    "fi",
    "lo",
    "go",
    "me",
    "zo",
    "ab",
    "du",
    "el",
    "ni",
    "vo",
    "ta",
    "su",
    "ki",
    "ro",
    "ma",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _forms(given: str, surname: str) -> list[str]:
    return [
        f"{given} {surname.upper()}",
        f"{surname.upper()} {given}",
        f"{surname.upper()}, {given}",
        f"{given} {surname}",
    ]


def build(store: SqliteStore, mentions: int, seed: int) -> int:
    """Write about ``mentions`` person mentions; return how many were written."""
    rng = random.Random(seed)
    people = [(_word(rng), _word(rng), f"19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
              for _ in range(max(1, mentions // 6))]  # fmt: skip
    written, n = 0, 0
    batch = Batch()
    while written < mentions:
        n += 1
        chosen = rng.sample(people, 5)
        parts, spans = [], []
        pos = 0
        for given, surname, born in chosen:
            name = rng.choice(_forms(given, surname))
            extra = f" (born {born[8:]}/{born[5:7]}/{born[:4]})" if rng.random() < 0.2 else ""
            sentence = f"{name}{extra} was seen. Later {surname.upper()} left. "
            spans.append((pos, name, born if extra else None))
            spans.append(
                (pos + len(name) + len(extra) + len(" was seen. Later "), surname.upper(), None)
            )
            parts.append(sentence)
            pos += len(sentence)
        doc = Document.from_text("".join(parts), source=f"scale/r{n}.txt", language="en")
        batch.documents.append(doc)
        for start, name, born in spans:
            rid = name_record_id("Person", name, doc.id)
            batch.entities.append(
                Entity(rid, "Person", name, properties={"birth_date": born} if born else {})
            )
            batch.mentions.append(
                Mention.at(
                    doc,
                    start,
                    start + len(name),
                    type="Person",
                    method="bench",
                    confidence=0.9,
                    entity_id=rid,
                )
            )
            written += 1
        if len(batch.documents) >= 500:
            store.put(batch)
            batch = Batch()
    if batch.documents:
        store.put(batch)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            with SqliteStore(Path(tmp) / f"scale{size}.db") as store:
                written = build(store, size, args.seed)
                started, cpu = time.perf_counter(), time.process_time()
                summary = resolve(store)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
            rows.append((written, seconds, cpu, summary.pairs_scored))
            print(
                f"{written:>8} mentions: {summary.records:>7} records, {summary.pairs_scored:>8} pairs "
                f"scored, {summary.entities:>7} entities, {seconds:7.1f} s ({cpu:.1f} s CPU), "
                f"peak {peak:6.0f} MiB (process peak RSS)",
                flush=True,
            )
    if len(rows) > 1:
        (n0, t0, c0, p0), (n1, t1, c1, p1) = rows[0], rows[-1]
        print(
            f"growth {n0} -> {n1} mentions (x{n1 / n0:.0f}): time x{t1 / t0:.1f}, "
            f"CPU time x{c1 / c0:.1f}, pairs x{p1 / p0:.1f}"
        )


if __name__ == "__main__":
    main()
