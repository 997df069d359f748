"""Extraction quality against the synthetic corpus's ground truth.

Generates a fresh corpus (a seed no test uses), extracts every document with the
real pipeline (readers, rules, spaCy NER) without storing, and prints precision,
recall and F1 per entity type and per language. A predicted mention counts when
its document, type and exact span equal a truth mention ("strict"); the
"overlap" columns also count a prediction of the right type that overlaps a
truth mention (a name found with one word too many).

    python bench/extraction_quality.py [--reports 300] [--seed 4242] [--show Person,Vessel]

``--show TYPE`` also lists the misses and false hits of one type with their
words, which is how the rules were tuned (on other seeds than the default).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from odyssey.ingest.extractor import Extractor
from odyssey.ingest.readers import ReadError, SourceDocument, read_path
from odyssey.ingest.synth import generate

TYPES = (
    "Phone", "Email", "IdentityDocument", "BankAccount", "CryptoWallet", "Vehicle", "Vessel",
    "Person", "Organization", "Location", "Address",
)  # fmt: skip


def _key(src_path: str, root: Path) -> str:
    """The truth's document id: the path in the corpus, ``#attachment:NAME`` for an attachment."""
    path, _, attachment = src_path.partition("!")
    rel = str(Path(path).relative_to(root))
    return f"{rel}#attachment:{attachment}" if attachment else rel


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument(
        "--show", metavar="TYPE", help="list misses and false hits of these types (comma-separated)"
    )
    parser.add_argument("--limit", type=int, default=40, help="how many of each to list")
    args = parser.parse_args()
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        generate(root, reports=args.reports, seed=args.seed)
        truth = json.loads((root / "truth.json").read_text("utf-8"))
        # per language of the text NER reads (Arabic headers over English bodies count as English)
        language = {
            d["id"]: d.get("body_language") or d["language"] or "table" for d in truth["documents"]
        }
        gold: dict[tuple[str, str], set[tuple[str, int, int]]] = defaultdict(set)
        for m in truth["mentions"]:
            gold[(m["type"], language.get(m["doc"], "?"))].add((m["doc"], m["start"], m["end"]))
        sources: list[SourceDocument] = []
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "truth.json"):
            try:
                sources.append(read_path(path))
            except ReadError as err:
                print(f"unreadable: {err}", file=sys.stderr)
        started = time.perf_counter()
        extractions = Extractor().extract(sources)
        seconds = time.perf_counter() - started
        predicted: dict[tuple[str, str], set[tuple[str, int, int]]] = defaultdict(set)
        for ex in extractions:
            key = _key(ex.document.source, root)
            texts[key] = ex.document.text
            for m in ex.mentions:
                predicted[(m.type, language.get(key, "?"))].add((key, m.start, m.end))
    languages = sorted({lang for _, lang in gold} | {lang for _, lang in predicted})
    print(f"extraction_quality: {args.reports} reports, seed {args.seed}, {len(extractions)} documents "
          f"extracted in {seconds:.1f} s")  # fmt: skip
    header = (
        f"{'type':<17}{'lang':<6}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'F1 overlap':>12}"
    )
    print(header)
    print("-" * len(header))
    for kind in TYPES:
        for lang in [*languages, "all"]:
            g = (
                set().union(*(gold[(kind, x)] for x in languages))
                if lang == "all"
                else gold[(kind, lang)]
            )
            p = (
                set().union(*(predicted[(kind, x)] for x in languages))
                if lang == "all"
                else predicted[(kind, lang)]
            )
            if not g and not p:
                continue
            tp = len(g & p)
            precision = tp / len(p) if p else 0.0
            recall = tp / len(g) if g else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            f1o = _overlap_f1(g, p)
            print(
                f"{kind:<17}{lang:<6}{len(g):>6}{len(p):>6}{precision:>7.3f}{recall:>7.3f}{f1:>7.3f}{f1o:>12.3f}"
            )

    for kind in (args.show or "").split(","):
        if kind:
            _show_errors(kind, gold, predicted, texts, args.limit)


def _show_errors(
    kind: str,
    gold: dict[tuple[str, str], set[tuple[str, int, int]]],
    predicted: dict[tuple[str, str], set[tuple[str, int, int]]],
    texts: dict[str, str],
    limit: int,
) -> None:
    """Print misses and false hits of ``kind`` with a little context, per language."""
    for lang in sorted({lang for k, lang in gold if k == kind}):
        g, p = gold[(kind, lang)], predicted[(kind, lang)]
        for title, spans in (("missed", sorted(g - p)), ("false", sorted(p - g))):
            print(f"\n== {kind} {lang} {title}: {len(spans)}")
            for doc, s, e in spans[:limit]:
                text = texts.get(doc, "")
                before = text[max(0, s - 30) : s].replace("\n", " ")
                after = text[e : e + 30].replace("\n", " ")
                print(f"  {before}[[{text[s:e]}]]{after}   ({doc})")


def _overlap_f1(gold: set[tuple[str, int, int]], pred: set[tuple[str, int, int]]) -> float:
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e in gold:
        by_doc[doc].append((s, e))
    hit_pred = sum(any(s < ge and gs < e for gs, ge in by_doc[doc]) for doc, s, e in pred)
    pred_by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e in pred:
        pred_by_doc[doc].append((s, e))
    hit_gold = sum(any(s < pe and ps < e for ps, pe in pred_by_doc[doc]) for doc, s, e in gold)
    precision = hit_pred / len(pred) if pred else 0.0
    recall = hit_gold / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


if __name__ == "__main__":
    main()
