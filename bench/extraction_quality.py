"""Extraction quality against the synthetic corpus's ground truth.

Generates a fresh corpus (a seed no test uses), extracts every document with the
real pipeline (readers, rules, spaCy NER) without storing, and prints precision,
recall and F1 per entity type and per language. A predicted mention counts when
its document, type and exact span equal a truth mention ("strict"); the
"overlap" columns also count a prediction of the right type that overlaps a
truth mention (a name found with one word too many).

    python bench/extraction_quality.py [--reports 300] [--seed 4242] [--show Person,Vessel]

``--handset`` scores the hand-written, hand-annotated reports of
``bench/handset/`` instead (see its README: evaluation only, never for tuning).
There a prediction counts when its document, type and exact written text equal
an annotated mention, occurrence by occurrence (the e-mail readers render the
text differently from the raw file, so offsets are compared through the words).

``--show TYPE`` also lists the misses and false hits of one type with their
words, which is how the rules were tuned (on other seeds than the default).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
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
    parser.add_argument("--handset", action="store_true", help="score bench/handset instead")
    args = parser.parse_args()
    if args.handset:
        _handset()
        return
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
    _table(gold, predicted, languages, _set_scores, _overlap_f1)

    for kind in (args.show or "").split(","):
        if kind:
            _show_errors(kind, gold, predicted, texts, args.limit)


def _handset() -> None:
    """Precision / recall / F1 per type and language on the hand-annotated reports."""
    folder = Path(__file__).with_name("handset")
    spec = json.loads((folder / "annotations.json").read_text("utf-8"))
    gold: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    predicted: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    sources, languages = [], {}
    for doc in spec["documents"]:
        languages[doc["file"]] = doc["language"]
        for m in doc["mentions"]:
            gold[(m["type"], doc["language"])][(doc["file"], m["text"])] += 1
        sources.append(read_path(folder / doc["file"]))
    started = time.perf_counter()
    extractions = Extractor().extract(sources)
    seconds = time.perf_counter() - started
    for ex in extractions:
        name = Path(ex.document.source.partition("!")[0]).name
        if ex.document.parent_id is not None or name not in languages:
            continue
        for m in ex.mentions:
            predicted[(m.type, languages[name])][(name, m.text)] += 1
    print(
        f"extraction_quality --handset: {len(sources)} hand-annotated reports extracted in {seconds:.1f} s"
    )
    _table(gold, predicted, sorted({lang for _, lang in gold}), _counter_scores)


def _table(gold, predicted, languages, scores, overlap=None) -> None:  # type: ignore[no-untyped-def]
    """One row per entity type and language, then the type over all languages."""
    header = (
        f"{'type':<17}{'lang':<6}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'F1 overlap':>12}"
    )
    print(header)
    print("-" * len(header))
    for kind in TYPES:
        for lang in [*languages, "all"]:
            group = languages if lang == "all" else [lang]
            g = _merge([gold[(kind, x)] for x in group])
            p = _merge([predicted[(kind, x)] for x in group])
            n_gold, n_pred, tp = scores(g, p)
            if not n_gold and not n_pred:
                continue
            precision = tp / n_pred if n_pred else 0.0
            recall = tp / n_gold if n_gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            f1o = f"{overlap(g, p):>12.3f}" if overlap else f"{'-':>12}"
            print(
                f"{kind:<17}{lang:<6}{n_gold:>6}{n_pred:>6}{precision:>7.3f}{recall:>7.3f}{f1:>7.3f}{f1o}"
            )


def _merge(parts):  # type: ignore[no-untyped-def]
    """The union of sets, or the sum of counters."""
    if parts and isinstance(parts[0], Counter):
        return sum(parts, Counter())
    return set().union(*parts)


def _set_scores(g: set[tuple[str, int, int]], p: set[tuple[str, int, int]]) -> tuple[int, int, int]:
    """(gold, predicted, true positives) of two sets of exact spans."""
    return len(g), len(p), len(g & p)


def _counter_scores(
    g: Counter[tuple[str, str]], p: Counter[tuple[str, str]]
) -> tuple[int, int, int]:
    """(gold, predicted, true positives) of two multisets of (document, text)."""
    return sum(g.values()), sum(p.values()), sum((g & p).values())


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
