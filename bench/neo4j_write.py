"""Neo4j store write speed: batched ``UNWIND`` writes against one row per transaction.

Starts a fresh Neo4j 5.26 with the launcher in ``services/neo4j`` (Java 17 and
Maven needed), generates a call-record graph (phones calling phones, every call
stated by one row of a table document), and prints:

* links/second of the batched writer (``Neo4jStore.put`` with ``--batch`` links
  per transaction) loading all ``--links`` links;
* in the same run, links/second of one ``put`` per link on a ``--sample``;
* their ratio (target: at least 20x);
* p50/p95 latency of a 2-hop neighbourhood (``store.expand(seed, hops=2)``) from
  random seeds.

    .venv/bin/python bench/neo4j_write.py                     # 200 000 links
    .venv/bin/python bench/neo4j_write.py --links 20000       # a quick look

Figures depend on the machine; the test suite never asserts them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from odyssey.graph import Batch
from odyssey.graph.neo4j_store import Neo4jStore
from odyssey.model import Document, Entity, Evidence, Link

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "neo4j"))
from neo4j_launcher import Neo4jServer  # lives with the Java launcher

ROWS_PER_DOCUMENT = 2_000


def generate(links: int, phones: int, seed: int) -> tuple[list[Document], list[Entity], list[Link]]:
    """Tables of call records: ``links`` calls among ``phones`` numbers, one row per call."""
    rng = random.Random(seed)
    numbers = [f"+3933{i:08d}" for i in range(phones)]
    entities = [Entity(f"Phone:{n}", "Phone", n) for n in numbers]
    documents: list[Document] = []
    out: list[Link] = []
    for first in range(0, links, ROWS_PER_DOCUMENT):
        calls = []
        for _ in range(min(ROWS_PER_DOCUMENT, links - first)):
            a = rng.randrange(phones)
            b = rng.randrange(phones - 1)
            calls.append((a, b + (b >= a)))  # never a call to itself
        lines = [f"{numbers[a]},{numbers[b]},{rng.randrange(1, 3600)}\n" for a, b in calls]
        header = "caller,callee,duration_s\n"
        doc = Document.from_text(
            header + "".join(lines),
            source=f"tables/calls-{first // ROWS_PER_DOCUMENT:04d}.csv",
            kind="table",
            date=None,
        )
        documents.append(doc)
        offset = len(header)
        for (a, b), line in zip(calls, lines, strict=True):
            ev = Evidence(doc.id, offset, offset + len(line) - 1)
            out.append(
                Link("CALLED", entities[a].id, entities[b].id, ev, method="table", confidence=1.0)
            )
            offset += len(line)
    return documents, entities, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=200_000)
    parser.add_argument("--phones", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=10_000, help="links per transaction")
    parser.add_argument("--sample", type=int, default=500, help="links written one per transaction")
    parser.add_argument("--queries", type=int, default=200, help="2-hop queries to time")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    t = time.perf_counter()
    documents, entities, links = generate(args.links + args.sample, args.phones, args.seed)
    bulk, sample = links[: args.links], links[args.links :]
    print(
        f"generated {len(entities):,} phones, {len(links):,} calls in {len(documents)} tables "
        f"({time.perf_counter() - t:.1f} s)"
    )

    t = time.perf_counter()
    with Neo4jServer(heap="2g", pagecache_mb=1024) as server:
        print(f"Neo4j 5.26 started at {server.uri} ({time.perf_counter() - t:.1f} s)")
        with Neo4jStore(server.uri) as store:
            t = time.perf_counter()
            store.put(Batch(documents=documents))
            for i in range(0, len(entities), args.batch):
                store.put(Batch(entities=entities[i : i + args.batch]))
            print(
                f"documents + entities: {len(documents) + len(entities):,} records "
                f"in {time.perf_counter() - t:.1f} s"
            )

            t = time.perf_counter()
            written = 0
            for i in range(0, len(bulk), args.batch):
                written += store.put(Batch(links=bulk[i : i + args.batch])).links
            batched_s = time.perf_counter() - t
            assert written == len(bulk), (written, len(bulk))
            batched_rate = len(bulk) / batched_s
            print(
                f"batched writer:   {len(bulk):>9,} links in {batched_s:7.1f} s = "
                f"{batched_rate:>9,.0f} links/s ({args.batch:,} links per transaction)"
            )

            t = time.perf_counter()
            for lk in sample:
                store.put(Batch(links=[lk]))
            single_s = time.perf_counter() - t
            single_rate = len(sample) / single_s
            print(
                f"one per tx:       {len(sample):>9,} links in {single_s:7.1f} s = "
                f"{single_rate:>9,.0f} links/s"
            )
            ratio = batched_rate / single_rate
            verdict = "meets" if ratio >= 20 else "MISSES"
            print(f"ratio: {ratio:,.0f}x ({verdict} the 20x target)")
            assert store.counts().links == {"CALLED": len(links)}

            rng = random.Random(args.seed + 1)
            seeds = [rng.choice(entities).id for _ in range(args.queries)]
            store.expand([seeds[0]], hops=2)  # warm the plan cache
            times, sizes = [], []
            for seed in seeds:
                t = time.perf_counter()
                sub = store.expand([seed], hops=2, max_nodes=500)
                times.append((time.perf_counter() - t) * 1000)
                sizes.append(len(sub.entities))
            q = statistics.quantiles(times, n=20)
            print(
                f"2-hop neighbourhood (expand, max 500 nodes), {len(seeds)} random seeds: "
                f"p50 {statistics.median(times):.1f} ms, p95 {q[18]:.1f} ms, "
                f"median size {statistics.median(sizes):.0f} entities"
            )


if __name__ == "__main__":
    main()
