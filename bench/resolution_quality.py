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

    python bench/resolution_quality.py [--reports 200] [--seed 6161] [--mode both]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
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
from odyssey.model import Document, Entity, Mention, entity_id
from odyssey.schema import is_identifier

IDENTIFIERS = (
    "Phone",
    "Email",
    "IdentityDocument",
    "BankAccount",
    "CryptoWallet",
    "Vehicle",
    "Vessel",
)
TYPES = ("Person", "Organization", "identifiers")


def _key(src_path: str, root: Path) -> str:
    path, _, attachment = src_path.partition("!")
    rel = str(Path(path).relative_to(root))
    return f"{rel}#attachment:{attachment}" if attachment else rel


def _group(kind: str) -> str:
    return "identifiers" if kind in IDENTIFIERS else kind


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall, F1 over pairs of items put together (items in both maps)."""
    items = gold.keys() & pred.keys()

    def pairs(labels: dict[str, str]) -> int:
        groups: dict[str, int] = defaultdict(int)
        for i in items:
            groups[labels[i]] += 1
        return sum(n * (n - 1) // 2 for n in groups.values())

    both: dict[tuple[str, str], int] = defaultdict(int)
    for i in items:
        both[(gold[i], pred[i])] += 1
    tp = sum(n * (n - 1) // 2 for n in both.values())
    p_pairs, g_pairs = pairs(pred), pairs(gold)
    precision = tp / p_pairs if p_pairs else 1.0
    recall = tp / g_pairs if g_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin), averaged over items."""
    items = list(gold.keys() & pred.keys())
    if not items:
        return 1.0, 1.0, 1.0
    gsize: dict[str, int] = defaultdict(int)
    psize: dict[str, int] = defaultdict(int)
    both: dict[tuple[str, str], int] = defaultdict(int)
    for i in items:
        gsize[gold[i]] += 1
        psize[pred[i]] += 1
        both[(gold[i], pred[i])] += 1
    precision = sum(both[(gold[i], pred[i])] / psize[pred[i]] for i in items) / len(items)
    recall = sum(both[(gold[i], pred[i])] / gsize[gold[i]] for i in items) / len(items)
    return precision, recall, _f1(precision, recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


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


def store_truth(store: SqliteStore, root: Path, truth: dict) -> None:
    """Write the truth's mentions as extraction would: names per document, identifiers by value."""
    docs = {_key(s.source, root): s for s in _flatten(_sources(root))}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in truth["mentions"]:
        by_doc[m["doc"]].append(m)
    for key, src in docs.items():
        doc = Document(id=Document.id_for(src.content), source=src.source, text=src.text)
        batch = Batch(documents=[doc])
        ents: dict[str, Entity] = {}
        found = sorted(by_doc.get(key, []), key=lambda m: m["start"])
        described = {
            i: describe(src.text, m["end"]) for i, m in enumerate(found) if m["type"] == "Person"
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


def evaluate(store: SqliteStore, root: Path, truth: dict, label: str) -> None:
    """Match stored mentions to truth mentions and print the scores and merged distractors."""
    language = {
        d["id"]: d.get("body_language") or d["language"] or "table" for d in truth["documents"]
    }
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in truth["mentions"]:
        by_doc[m["doc"]].append(m)
    sources = {d.id: d.source for d in store.documents(limit=10**9)}
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    lang_of: dict[str, str] = {}
    for m in store.mentions(limit=10**9):
        if _group(m.type) not in TYPES or m.entity_id is None:
            continue
        key = _key(sources[m.document_id], root)
        best, overlap = None, 0
        for t in by_doc.get(key, []):
            if (
                t["type"] == m.type
                and (o := min(t["end"], m.end) - max(t["start"], m.start)) > overlap
            ):
                best, overlap = t, o
        if best is None:
            continue
        item = f"{key}:{best['start']}"
        gold[item], pred[item] = best["entity"], m.entity_id
        kind_of[item], lang_of[item] = _group(m.type), language.get(key, "?")
    print(f"\n[{label}] {len(gold)} mentions matched to truth")
    print(
        f"{'type':<13}{'lang':<7}{'items':>7}{'gold':>6}{'pred':>6}  pairwise P    R    F1  |  B-cubed P    R    F1"
    )
    for kind in TYPES:
        for lang in [*sorted(set(lang_of.values())), "all"]:
            items = [
                i for i in gold if kind_of[i] == kind and (lang == "all" or lang_of[i] == lang)
            ]
            if not items:
                continue
            g = {i: gold[i] for i in items}
            p = {i: pred[i] for i in items}
            pw, bc = pairwise(g, p), bcubed(g, p)
            print(
                f"{kind:<13}{lang:<7}{len(items):>7}{len(set(g.values())):>6}{len(set(p.values())):>6}"
                f"  {pw[0]:9.3f}{pw[1]:6.3f}{pw[2]:6.3f}  |  {bc[0]:8.3f}{bc[1]:6.3f}{bc[2]:6.3f}"
            )
    entities_of: dict[str, set[str]] = defaultdict(set)
    for item, g in gold.items():
        entities_of[g].add(pred[item])
    merged = [d for d in truth["distractors"] if entities_of[d["a"]] & entities_of[d["b"]]]
    seen = [d for d in truth["distractors"] if entities_of[d["a"]] and entities_of[d["b"]]]
    print(
        f"distractor pairs merged: {len(merged)} of {len(seen)} with both sides found "
        f"({len(truth['distractors'])} planted)"
    )
    for d in merged:
        print(f"  MERGED {d['kind']}: {d['why']}")


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.corpus or Path(tmp) / "corpus"
        if args.corpus is None:
            generate(root, reports=args.reports, seed=args.seed)
        truth = json.loads((root / "truth.json").read_text("utf-8"))
        print(
            f"resolution_quality: {args.reports} reports, seed {args.seed}, "
            f"{len(truth['distractors'])} distractor pairs planted"
        )
        for mode in ("extracted", "truth") if args.mode == "both" else (args.mode,):
            with SqliteStore(Path(tmp) / f"{mode}.db") as store:
                started = time.perf_counter()
                if mode == "extracted":
                    ingest(store, [root])
                else:
                    store_truth(store, root, truth)
                loaded = time.perf_counter() - started
                summary = resolve(store)
                print(
                    f"\n{mode}: loaded in {loaded:.1f} s; resolve: {summary.records} records, "
                    f"{summary.pairs_scored} pairs scored, {summary.entities} entities, {summary.seconds:.2f} s"
                )
                evaluate(store, root, truth, mode)


if __name__ == "__main__":
    main()
