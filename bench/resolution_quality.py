"""Entity-resolution quality against the synthetic corpus's ground truth.

Generates a fresh corpus (a seed no test uses), then resolves it two ways:

* ``extracted``: ingests it with the real pipeline (readers, rules, spaCy NER)
  and runs ``resolve``; only mentions that extraction found and that overlap a
  truth mention of the same type are scored (extraction recall for names is
  measured by ``bench/extraction_quality.py``, not here);
* ``truth``: writes the truth's own mentions as records (names per document,
  identifiers by value) and runs ``resolve``: resolution's errors alone.

For each it prints pairwise and B-cubed precision / recall / F1 per entity
type, per document language (pairs inside that language) and "all" (every
pair, across languages too), then how many planted distractor pairs (namesakes,
near-identical numbers) ended up in one entity. Targets: Person B-cubed F1 >=
0.95, identifiers 1.00, no distractor merged.

    python bench/resolution_quality.py [--reports 200] [--seed 6161] [--mode both] [--diagnose]

``--diagnose`` then splits Person B-cubed loss into what the records allow (a
record holding two true people, e.g. two men written identically in one report,
cannot be split by any clustering: the "record ceiling" clusters each record
with its majority identity perfectly) and the clustering's own errors: true
people left in several entities (misses) and entities holding people that no
shared record forced together (false merges), the worst of each listed.

The scoring itself is ``odyssey.ingest.synth.scoring`` (shared with
``bench/extraction_quality.py`` and the ``03_resolution_quality`` notebook).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from odyssey.graph import Batch, SqliteStore
from odyssey.ingest.pipeline import ingest
from odyssey.ingest.readers import ReadError, SourceDocument, read_path
from odyssey.ingest.resolution import resolve
from odyssey.ingest.resolution.context import describe
from odyssey.ingest.resolution.coref import antecedents
from odyssey.ingest.resolution.records import name_record_id
from odyssey.ingest.synth import generate
from odyssey.ingest.synth.scoring import (
    Found,
    Matching,
    Truth,
    bcubed,
    found_in_store,
    match_mentions,
    merged_distractors,
    resolution_scores,
)
from odyssey.model import Document, Entity, Mention, entity_id
from odyssey.schema import is_identifier


def _sources(root: Path) -> list[SourceDocument]:
    out = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "truth.json"):
        try:
            out.append(read_path(path))
        except ReadError as err:
            print(f"unreadable: {err}", file=sys.stderr)
    return out


def _flatten(sources: Iterable[SourceDocument]) -> Iterable[SourceDocument]:
    for s in sources:
        yield s
        yield from _flatten(s.attachments)


def store_truth(store: SqliteStore, truth: Truth) -> None:
    """Write the truth's mentions as extraction would: names per document, identifiers by value."""
    docs = {truth.key(s.source): s for s in _flatten(_sources(truth.root))}
    for key, src in docs.items():
        doc = Document(id=Document.id_for(src.content), source=src.source, text=src.text)
        batch = Batch(documents=[doc])
        ents: dict[str, Entity] = {}
        found = sorted(truth.mentions.get(key, []), key=lambda m: m["start"])
        described = {
            i: describe(src.text, m["end"], m["start"])
            for i, m in enumerate(found)
            if m["type"] == "Person"
        }
        people = sorted(described)
        stands_for = {  # short forms point at the full name, as the extractor does
            people[i]: people[j]
            for i, j in antecedents(
                [(found[k]["start"], found[k]["text"], described[k][1]) for k in people]
            ).items()
        }
        for k, m in enumerate(found):
            kind = m["type"]
            if kind in ("Person", "Organization"):
                props, aliases = described.get(k, ({}, ()))
                full = found[stands_for.get(k, k)]["text"]
                ent = Entity(name_record_id(kind, full, doc.id), kind, full, aliases, props)
            elif is_identifier(kind):
                ent = Entity(entity_id(kind, m["entity"]), kind, m["text"])
            else:
                continue
            if ent.id in ents:
                old = ents[ent.id]
                ent = Entity(
                    ent.id,
                    kind,
                    old.label,
                    (*old.aliases, *ent.aliases),
                    {**ent.properties, **old.properties},
                )
            ents[ent.id] = ent
            batch.mentions.append(
                Mention.at(
                    doc,
                    m["start"],
                    m["end"],
                    type=kind,
                    method="truth",
                    confidence=1.0,
                    entity_id=ent.id,
                )
            )
        batch.entities = list(ents.values())
        store.put(batch)


def evaluate(
    store: SqliteStore, root: Path, truth: Truth, label: str, diagnosed: bool = False
) -> None:
    """Match stored mentions to truth mentions and print the scores and merged distractors."""
    matching = match_mentions(truth, found_in_store(store))
    print(f"\n[{label}] {len(matching.gold)} mentions matched to truth")
    print(
        f"{'type':<13}{'lang':<7}{'items':>7}{'gold':>6}{'pred':>6}  pairwise P    R    F1  |  B-cubed P    R    F1"
    )
    for r in resolution_scores(matching):
        print(
            f"{r.group:<13}{r.language:<7}{r.items:>7}{r.gold_entities:>6}{r.predicted_entities:>6}"
            f"  {r.pairwise_precision:9.3f}{r.pairwise_recall:6.3f}{r.pairwise_f1:6.3f}"
            f"  |  {r.bcubed_precision:8.3f}{r.bcubed_recall:6.3f}{r.bcubed_f1:6.3f}"
        )
    merged, seen = merged_distractors(truth, matching)
    print(
        f"distractor pairs merged: {len(merged)} of {len(seen)} with both sides found "
        f"({len(truth.distractors)} planted)"
    )
    for d in merged:
        print(f"  MERGED {d['kind']}: {d['why']}")
    if diagnosed:
        diagnose(store, truth, matching)


def _written(store: SqliteStore) -> list[Found]:
    """Every visible mention with the *record* it was written with in place of its entity."""
    sources = {d.id: d.source for d in store.documents(limit=store.counts().documents + 1)}
    return [
        Found(sources[m.document_id], m.type, m.start, m.end, m.entity_id)
        for m in store.as_written().mentions
    ]


def diagnose(store: SqliteStore, truth: Truth, matching: Matching, show: int = 8) -> None:
    """Print where Person B-cubed F1 is lost: impure records (a ceiling) vs clustering errors."""
    records = match_mentions(truth, _written(store))
    items = [i for i in matching.gold if matching.group[i] == "Person" and i in records.predicted]
    gold = {i: matching.gold[i] for i in items}
    pred = {i: matching.predicted[i] for i in items}
    record = {i: records.predicted[i] for i in items}
    held: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        held[record[i]][gold[i]] += 1
    majority = {r: c.most_common(1)[0][0] for r, c in held.items()}
    impure = {r for r, c in held.items() if len(c) > 1}
    ceiling = {i: majority[record[i]] for i in items}
    stuck = sum(1 for i in items if record[i] in impure and gold[i] != majority[record[i]])
    p, r, f = bcubed(gold, pred)
    cp, cr, cf = bcubed(gold, ceiling)
    # the clustering's errors, measured on records: each record stands for its majority identity
    as_records = {i: majority[record[i]] for i in items}
    rp, rr, rf = bcubed(as_records, pred)
    print(f"\n[diagnose] Person, {len(items)} mentions in {len(held)} records")
    print(
        f"  records holding two or more true people: {len(impure)} "
        f"({stuck} mentions of a minority identity in them)"
    )
    print(f"  actual           B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"  record ceiling   B-cubed P {cp:.3f} R {cr:.3f} F1 {cf:.3f}  (perfect clustering)")
    print(
        f"  clustering alone B-cubed P {rp:.3f} R {rr:.3f} F1 {rf:.3f}  "
        "(truth = each record's majority identity)"
    )
    pieces: dict[str, set[str]] = defaultdict(set)
    members: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        pieces[majority[record[i]]].add(pred[i])
        members[pred[i]].add(majority[record[i]])
    mention_text = {
        f"{key}:{m['start']}": m["text"] for key, ms in truth.mentions.items() for m in ms
    }
    for i in items:
        names[gold[i]][mention_text.get(i, "?")] += 1
    misses = sorted(((g, len(ps)) for g, ps in pieces.items() if len(ps) > 1), key=lambda x: -x[1])
    merges = sorted((g for g in members.values() if len(g) > 1), key=len, reverse=True)
    print(f"  misses (true people in several entities): {len(misses)}")
    for g, n in misses[:show]:
        print(f"    {g} in {n} entities: {', '.join(t for t, _ in names[g].most_common(5))}")
    print(f"  false merges (entities of several records' identities): {len(merges)}")
    for gs in merges[:show]:
        label = "; ".join(f"{g} {names[g].most_common(1)[0][0]}" for g in sorted(gs))
        print(f"    {len(gs)} people: {label}")


def corpus(
    given: Path | None, tmp: Path, reports: int, seed: int, bench: str
) -> tuple[Path, Truth]:
    """The corpus folder (``given``, else generated under ``tmp``) and its truth, announced."""
    root = given or tmp / "corpus"
    if given is None:
        generate(root, reports=reports, seed=seed)
    truth = Truth.load(root)
    print(
        f"{bench}: {reports} reports, seed {seed}, {len(truth.distractors)} distractor pairs planted"
    )
    return root, truth


def load(store: SqliteStore, mode: str, root: Path, truth: Truth) -> None:
    """Fill ``store`` for ``mode``: the real pipeline on the files, or the truth's own records."""
    if mode == "extracted":
        ingest(store, [root])
    else:
        store_truth(store, truth)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--seed", type=int, default=6161)
    parser.add_argument("--mode", choices=("extracted", "truth", "both"), default="both")
    parser.add_argument(
        "--corpus", type=Path, help="reuse a corpus generated earlier (with truth.json)"
    )
    parser.add_argument(
        "--diagnose",
        action="store_true",
        help="split Person loss into impure records and clustering misses / false merges",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, truth = corpus(args.corpus, Path(tmp), args.reports, args.seed, "resolution_quality")
        for mode in ("extracted", "truth") if args.mode == "both" else (args.mode,):
            with SqliteStore(Path(tmp) / f"{mode}.db") as store:
                started = time.perf_counter()
                load(store, mode, root, truth)
                loaded = time.perf_counter() - started
                summary = resolve(store)
                print(
                    f"\n{mode}: loaded in {loaded:.1f} s; resolve: {summary.records} records, "
                    f"{summary.pairs_scored} pairs scored, {summary.entities} entities, {summary.seconds:.2f} s"
                )
                evaluate(store, root, truth, mode, args.diagnose)


if __name__ == "__main__":
    main()
