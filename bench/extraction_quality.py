"""Extraction quality against the synthetic corpus's ground truth.

Generates a fresh corpus (a seed no test uses), extracts every document with the
real pipeline (readers, rules, spaCy NER) without storing, and prints precision,
recall and F1 per entity type and per language. A predicted mention counts when
its document, type and exact span equal a truth mention ("strict"); the
"overlap" columns also count a prediction of the right type that overlaps a
truth mention (a name found with one word too many).

    python bench/extraction_quality.py [--reports 300] [--seed 4242] [--show Person,Vessel]

``--handset-dir bench/handset_blind`` scores the hand-written, hand-annotated
reports written blind (see its README: evaluation only, never for tuning);
``--handset`` scores ``bench/handset/``, the earlier set, now a development set
(its misses were read in session 5).
There a prediction counts when its document, type and exact written text equal
an annotated mention, occurrence by occurrence (the e-mail readers render the
text differently from the raw file, so offsets are compared through the words).
Mentions found in an e-mail's attachments count for the e-mail's file, where the
annotations of an attachment are.

``--show TYPE`` also lists the misses and false hits of one type with their
words, which is how the rules were tuned (on other seeds than the default);
``--show ROUTE`` and ``--show nationality`` list route legs and stated
nationalities with their sentence.

Route legs (``ROUTE`` links between places) and the nationalities reports state
about people are scored in a second table: a leg counts when both its place
mentions match the truth's places of a leg of that report, in the same
direction; a nationality when the person mention it was read with matches a
truth person whose nationality that report states, with the same ISO code.

The scoring itself is ``odyssey.ingest.synth.scoring`` (shared with
``bench/resolution_quality.py`` and the ``03_resolution_quality`` notebook).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from odyssey.ingest.extractor import Extraction, Extractor
from odyssey.ingest.readers import ReadError, SourceDocument, read_path
from odyssey.ingest.synth import generate
from odyssey.ingest.synth.scoring import (
    NATIONALITY,
    ROUTE,
    ExtractionScore,
    Found,
    FoundLeg,
    FoundNationality,
    Span,
    Truth,
    counter_scores,
    extraction_errors,
    extraction_scores,
    found_nationalities,
    found_route_legs,
    gold_nationalities,
    gold_route_legs,
    gold_spans,
    nationality_scores,
    predicted_spans,
    route_scores,
)


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
    parser.add_argument(
        "--handset-dir",
        type=Path,
        metavar="DIR",
        help="score the hand-annotated set in DIR (e.g. bench/handset_blind) instead",
    )
    args = parser.parse_args()
    if args.handset or args.handset_dir:
        _handset(args.handset_dir or Path(__file__).with_name("handset"))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        generate(root, reports=args.reports, seed=args.seed)
        truth = Truth.load(root)
        sources: list[SourceDocument] = []
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "truth.json"):
            try:
                sources.append(read_path(path))
            except ReadError as err:
                print(f"unreadable: {err}", file=sys.stderr)
        started = time.perf_counter()
        extractions = Extractor().extract(sources)
        seconds = time.perf_counter() - started
        texts = {truth.key(ex.document.source): ex.document.text for ex in extractions}
        found = [
            Found(ex.document.source, m.type, m.start, m.end)
            for ex in extractions
            for m in ex.mentions
        ]
        gold, predicted = gold_spans(truth), predicted_spans(truth, found)
        legs, nationalities = _legs_and_nationalities(extractions)
    print(f"extraction_quality: {args.reports} reports, seed {args.seed}, {len(extractions)} documents "
          f"extracted in {seconds:.1f} s")  # fmt: skip
    _table(extraction_scores(gold, predicted))
    print()
    _table(
        route_scores(truth, legs) + nationality_scores(truth, nationalities), first="link/property"
    )
    for kind in (args.show or "").split(","):
        if kind == ROUTE:
            _show_legs(truth, legs, texts, args.limit)
        elif kind == NATIONALITY:
            _show_nationalities(truth, nationalities, texts, args.limit)
        elif kind:
            _show_errors(kind, gold, predicted, texts, args.limit)


def _legs_and_nationalities(
    extractions: list[Extraction],
) -> tuple[list[FoundLeg], list[FoundNationality]]:
    """The ROUTE links (with their place mentions' spans) and the person mentions stating a nationality."""
    legs, nationalities = [], []
    for ex in extractions:
        by_id = {m.id: m for m in ex.mentions}
        for link in ex.links:
            if link.type == ROUTE and len(link.mention_ids) == 2:
                a, b = (by_id[i] for i in link.mention_ids)
                legs.append(FoundLeg(ex.document.source, (a.start, a.end), (b.start, b.end)))
        for m in ex.mentions:
            entity = ex.entities.get(m.entity_id or "")
            code = entity.properties.get("nationality") if entity and m.type == "Person" else None
            if isinstance(code, str):
                nationalities.append(FoundNationality(ex.document.source, m.start, m.end, code))
    return legs, nationalities


def _handset(folder: Path) -> None:
    """Precision / recall / F1 per type and language on the hand-annotated reports in ``folder``."""
    if not (folder / "annotations.json").is_file():
        sys.exit(f"{folder}: no annotations.json there; pass --handset-dir a hand-annotated set")
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
        if name not in languages:  # attachments count for their e-mail, named before the "!"
            continue
        for m in ex.mentions:
            predicted[(m.type, languages[name])][(name, m.text)] += 1
    print(
        f"extraction_quality --handset: {len(sources)} hand-annotated reports in {folder}, "
        f"extracted in {seconds:.1f} s"
    )
    rows = extraction_scores(
        gold, predicted, {lang for _, lang in gold}, scores=counter_scores, overlap=None
    )
    _table(rows)


def _table(rows: list[ExtractionScore], first: str = "type") -> None:
    """One row per entity type and language, then the type over all languages."""
    header = (
        f"{first:<17}{'lang':<6}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'F1 overlap':>12}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        f1o = f"{r.f1_overlap:>12.3f}" if r.f1_overlap is not None else f"{'-':>12}"
        print(
            f"{r.type:<17}{r.language:<6}{r.gold:>6}{r.predicted:>6}{r.precision:>7.3f}"
            f"{r.recall:>7.3f}{r.f1:>7.3f}{f1o}"
        )


def _show_errors(
    kind: str,
    gold: dict[tuple[str, str], set[Span]],
    predicted: dict[tuple[str, str], set[Span]],
    texts: dict[str, str],
    limit: int,
) -> None:
    """Print misses and false hits of ``kind`` with a little context, per language."""
    errors = extraction_errors(kind, gold, predicted, texts)
    for lang in sorted({lang for k, lang in gold if k == kind}):
        for title in ("missed", "false"):
            spans = [e for e in errors if e.language == lang and e.error == title]
            print(f"\n== {kind} {lang} {title}: {len(spans)}")
            for e in spans[:limit]:
                print(f"  {e.before}[[{e.text}]]{e.after}   ({e.document})")


def _show_legs(truth: Truth, legs: list[FoundLeg], texts: dict[str, str], limit: int) -> None:
    """Print missed and false route legs (place names from the truth) with their report."""
    gold, found = gold_route_legs(truth), found_route_legs(truth, legs)
    names = {e["id"]: e.get("name", e["id"]) for e in truth.data["entities"]}
    sentence = {
        (x["doc"], x["source"], x["target"]): (x["start"], x["end"]) for x in truth.data["links"]
    }
    for lang in sorted({lang for _, lang in gold} | {lang for _, lang in found}):
        g, p = gold.get((ROUTE, lang), Counter()), found.get((ROUTE, lang), Counter())
        for title, diff in (("missed", g - p), ("false", p - g)):
            print(f"\n== ROUTE {lang} {title}: {sum(diff.values())}")
            for doc, a, b in sorted(diff)[:limit]:
                s, e = sentence.get((doc, a, b), (0, 0))
                where = texts.get(doc, "")[s:e].replace("\n", " ") if e else doc
                print(f"  {names.get(a, a)} -> {names.get(b, b)}   {where[:160]}")


def _show_nationalities(
    truth: Truth, found: list[FoundNationality], texts: dict[str, str], limit: int
) -> None:
    """Print missed and false nationalities with the words around the person's descriptor."""
    gold, predicted = gold_nationalities(truth), found_nationalities(truth, found)
    names = {e["id"]: e.get("name", e["id"]) for e in truth.data["entities"]}
    where = {
        (a["doc"], a["entity"]): (a["start"], a["end"])
        for d in truth.attributes.values()
        for a in d
    }
    for lang in sorted({lang for _, lang in gold}):
        g, p = gold.get((NATIONALITY, lang), set()), predicted.get((NATIONALITY, lang), set())
        for title, diff in (("missed", g - p), ("false", p - g)):
            print(f"\n== nationality {lang} {title}: {len(diff)}")
            for doc, who, code in sorted(diff)[:limit]:
                s, e = where.get((doc, who), (0, 0))
                text = texts.get(doc, "")[max(0, s - 40) : e].replace("\n", " ") if e else doc
                print(f"  {names.get(who, who)}: {code}   {text}")


if __name__ == "__main__":
    main()
