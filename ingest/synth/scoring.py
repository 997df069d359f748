"""How well extraction and resolution did, measured against a synthetic corpus's ``truth.json``.

The synthetic corpus (:func:`odyssey.ingest.synth.generate`) records every
mention it wrote, with its exact characters and the real identity behind it.
This module compares what Odyssey found with that truth. It is the one scorer
behind ``bench/extraction_quality.py``, ``bench/resolution_quality.py`` and the
``03_resolution_quality`` notebook, so their figures agree.

**Extraction** (:func:`extraction_scores`): a found mention counts when its
document, type and exact span equal a truth mention ("strict"); ``f1_overlap``
also counts one of the right type that overlaps a truth mention (a name found
with one word too many). Per entity type and per language of the text that was
read (an Arabic header over an English body counts as English; tables as
``table``), then over all languages.

**Route legs and nationalities** (:func:`route_scores`, :func:`nationality_scores`):
a found ``ROUTE`` link counts when its two place mentions overlap truth
mentions of the two places of a truth leg of the same document, in the same
direction (legs are counted, so a leg stated twice in a report must be found
twice); a found nationality counts when a person mention of a document, whose
record carries it, overlaps a mention of a truth person whose nationality that
document states (``attributes`` of the truth), with the same ISO code.

**Resolution** (:func:`resolution_scores`): each found mention that overlaps a
truth mention of its type is an *item* whose true identity is the truth's entity
and whose predicted identity is the entity Odyssey assigned; pairwise and
B-cubed precision / recall / F1 then say how often items of one identity were
put together (recall) and items of different identities kept apart (precision).
:func:`merged_distractors` lists the planted look-alikes (namesakes, numbers one
digit apart) that ended up as one entity.

>>> pairwise({"a": "X", "b": "X", "c": "Y"}, {"a": "1", "b": "1", "c": "1"})
(0.3333333333333333, 1.0, 0.5)
>>> bcubed({"a": "X", "b": "X"}, {"a": "1", "b": "2"})
(1.0, 0.5, 0.6666666666666666)
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from odyssey.schema import ENTITY_TYPES, is_identifier

if TYPE_CHECKING:
    from odyssey.graph import GraphStore

#: Entity types whose extraction is scored, in the order tables list them.
TYPES = (
    "Phone", "Email", "IdentityDocument", "BankAccount", "CryptoWallet", "Vehicle", "Vessel",
    "Person", "Organization", "Location", "Address",
)  # fmt: skip
#: Identifier types: resolved by construction (one node per normalised value), scored as one group.
IDENTIFIERS = tuple(t for t in ENTITY_TYPES if is_identifier(t))
#: The groups resolution is scored in.
RESOLUTION_GROUPS = ("Person", "Organization", "identifiers")

#: A span of a document: (document key, start, end).
Span = tuple[str, int, int]


class FoundLeg(NamedTuple):
    """A ROUTE link Odyssey found: its document's source path and the spans of its two place mentions."""

    source: str
    start: tuple[int, int]
    end: tuple[int, int]


class FoundNationality(NamedTuple):
    """A person mention Odyssey found whose record states a nationality (ISO-2)."""

    source: str
    start: int
    end: int
    nationality: str


class Found(NamedTuple):
    """A mention Odyssey found: the source path of its document, its type, span and entity."""

    source: str
    type: str
    start: int
    end: int
    entity: str | None = None


@dataclass(frozen=True)
class Truth:
    """A corpus's ``truth.json``, with the corpus folder its document keys are relative to."""

    root: Path
    data: Mapping[str, Any]
    #: The language of the text each document's NER reads: body language, else language, else "table".
    language: Mapping[str, str] = field(default_factory=dict)
    #: Truth mentions per document key, in file order.
    mentions: Mapping[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: What reports state about people (nationality, birth date), per document key.
    attributes: Mapping[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: str | Path) -> Truth:
        """Read ``root/truth.json``."""
        root = Path(root)
        data = json.loads((root / "truth.json").read_text("utf-8"))
        language = {
            d["id"]: d.get("body_language") or d["language"] or "table" for d in data["documents"]
        }
        mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in data["mentions"]:
            mentions[m["doc"]].append(m)
        attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in data.get("attributes", ()):  # corpora written before attributes have none
            attributes[a["doc"]].append(a)
        return cls(root, data, language, dict(mentions), dict(attributes))

    def key(self, source: str) -> str:
        """The truth's id of the document read from ``source`` (see :func:`document_key`)."""
        return document_key(source, self.root)

    def language_of(self, source: str) -> str:
        """The language a found mention's document is scored under (``?`` when unknown)."""
        return self.language.get(self.key(source), "?")

    @property
    def distractors(self) -> list[dict[str, Any]]:
        """The planted look-alike pairs: ``a``, ``b`` (truth entity ids), ``kind``, ``why``."""
        return list(self.data["distractors"])


def document_key(source: str, root: Path) -> str:
    """The truth's document id for a document's source: the path in the corpus, ``#attachment:NAME`` for an attachment.

    >>> document_key("/c/emails/m.eml!calls.csv", Path("/c"))
    'emails/m.eml#attachment:calls.csv'
    """
    path, _, attachment = source.partition("!")
    rel = Path(path).relative_to(root).as_posix()
    return f"{rel}#attachment:{attachment}" if attachment else rel


def found_in_store(store: GraphStore) -> list[Found]:
    """Every visible mention of ``store`` with its document's source and its current entity."""
    counts = store.counts()
    sources = {d.id: d.source for d in store.documents(limit=counts.documents + 1)}
    return [
        Found(sources[m.document_id], m.type, m.start, m.end, m.entity_id)
        for m in store.mentions(limit=counts.mentions + 1)
    ]


# -- extraction ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractionScore:
    """Precision, recall and F1 of one entity type in one language (or ``all``)."""

    type: str
    language: str
    gold: int
    predicted: int
    precision: float
    recall: float
    f1: float
    f1_overlap: float | None = None


def gold_spans(truth: Truth) -> dict[tuple[str, str], set[Span]]:
    """The truth's mention spans by (type, language)."""
    gold: dict[tuple[str, str], set[Span]] = defaultdict(set)
    for m in truth.data["mentions"]:
        gold[(m["type"], truth.language.get(m["doc"], "?"))].add((m["doc"], m["start"], m["end"]))
    return gold


def predicted_spans(truth: Truth, found: Iterable[Found]) -> dict[tuple[str, str], set[Span]]:
    """Found mention spans by (type, language), keyed like the truth."""
    predicted: dict[tuple[str, str], set[Span]] = defaultdict(set)
    for f in found:
        key = truth.key(f.source)
        predicted[(f.type, truth.language.get(key, "?"))].add((key, f.start, f.end))
    return predicted


def set_scores(gold: set[Span], predicted: set[Span]) -> tuple[int, int, int]:
    """(gold, predicted, true positives) of two sets of exact spans."""
    return len(gold), len(predicted), len(gold & predicted)


def counter_scores(gold: Counter[Hashable], predicted: Counter[Hashable]) -> tuple[int, int, int]:
    """(gold, predicted, true positives) of two multisets (e.g. of (document, text))."""
    return sum(gold.values()), sum(predicted.values()), sum((gold & predicted).values())


def overlap_f1(gold: set[Span], predicted: set[Span]) -> float:
    """F1 where a prediction counts when it overlaps a gold span of its document, and vice versa."""
    gold_by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    pred_by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e in gold:
        gold_by_doc[doc].append((s, e))
    for doc, s, e in predicted:
        pred_by_doc[doc].append((s, e))
    hit_pred = sum(any(s < ge and gs < e for gs, ge in gold_by_doc[d]) for d, s, e in predicted)
    hit_gold = sum(any(s < pe and ps < e for ps, pe in pred_by_doc[d]) for d, s, e in gold)
    precision = hit_pred / len(predicted) if predicted else 0.0
    recall = hit_gold / len(gold) if gold else 0.0
    return f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def extraction_scores(
    gold: Mapping[tuple[str, str], Any],
    predicted: Mapping[tuple[str, str], Any],
    languages: Iterable[str] | None = None,
    *,
    types: Iterable[str] = TYPES,
    scores: Callable[[Any, Any], tuple[int, int, int]] = set_scores,
    overlap: Callable[[Any, Any], float] | None = overlap_f1,
) -> list[ExtractionScore]:
    """One score per type and language, then the type over all languages (types with nothing left out).

    ``gold`` and ``predicted`` map (type, language) to sets of spans (or, with
    ``scores=counter_scores``, to counters); ``languages`` defaults to every
    language in either.
    """
    if languages is None:
        languages = {lang for _, lang in gold} | {lang for _, lang in predicted}
    languages = sorted(languages)
    # set, or Counter for multisets (either side may have no entry at all)
    empty = type(next(iter([*gold.values(), *predicted.values()]), set()))
    rows = []
    for kind in types:
        for lang in [*languages, "all"]:
            group = languages if lang == "all" else [lang]
            g = _merge([gold.get((kind, x), empty()) for x in group], empty)
            p = _merge([predicted.get((kind, x), empty()) for x in group], empty)
            n_gold, n_pred, tp = scores(g, p)
            if not n_gold and not n_pred:
                continue
            precision = tp / n_pred if n_pred else 0.0
            recall = tp / n_gold if n_gold else 0.0
            rows.append(
                ExtractionScore(
                    kind, lang, n_gold, n_pred, precision, recall, f1(precision, recall),
                    overlap(g, p) if overlap else None,
                )
            )  # fmt: skip
    return rows


def _merge(parts: list[Any], empty: type) -> Any:
    """The union of sets, or the sum of counters."""
    if issubclass(empty, Counter):
        return sum(parts, Counter())
    return set().union(*parts)


@dataclass(frozen=True)
class ExtractionError:
    """A truth mention that was missed, or a found one the truth does not have, in context."""

    type: str
    language: str
    error: str  # "missed" or "false"
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str


def extraction_errors(
    kind: str,
    gold: Mapping[tuple[str, str], set[Span]],
    predicted: Mapping[tuple[str, str], set[Span]],
    texts: Mapping[str, str],
    *,
    context: int = 30,
) -> list[ExtractionError]:
    """The misses and false hits of ``kind`` per language, with ``context`` characters either side.

    ``texts`` maps document keys to the text that was read.
    """
    out = []
    for lang in sorted({lang for k, lang in gold if k == kind}):
        g, p = gold.get((kind, lang), set()), predicted.get((kind, lang), set())
        for error, spans in (("missed", sorted(g - p)), ("false", sorted(p - g))):
            for doc, s, e in spans:
                text = texts.get(doc, "")
                out.append(
                    ExtractionError(
                        kind, lang, error, doc, s, e, text[s:e],
                        text[max(0, s - context) : s].replace("\n", " "),
                        text[e : e + context].replace("\n", " "),
                    )
                )  # fmt: skip
    return out


# -- route legs and nationalities -------------------------------------------------------------

#: The names the route and nationality rows carry in score tables.
ROUTE, NATIONALITY = "ROUTE", "nationality"


def gold_route_legs(truth: Truth) -> dict[tuple[str, str], Counter[Hashable]]:
    """The truth's ROUTE legs as (document, from place, to place), counted, by ("ROUTE", language)."""
    gold: dict[tuple[str, str], Counter[Hashable]] = defaultdict(Counter)
    for link in truth.data["links"]:
        if link["type"] == ROUTE:
            doc = link["doc"]
            gold[(ROUTE, truth.language.get(doc, "?"))][(doc, link["source"], link["target"])] += 1
    return gold


def found_route_legs(
    truth: Truth, legs: Iterable[FoundLeg]
) -> dict[tuple[str, str], Counter[Hashable]]:
    """Found ROUTE links keyed like :func:`gold_route_legs`: each place mention as the truth place it overlaps.

    A place mention that overlaps no truth place stays its span, so the leg
    counts as found but false.
    """
    found: dict[tuple[str, str], Counter[Hashable]] = defaultdict(Counter)
    for leg in legs:
        doc = truth.key(leg.source)
        ends = tuple(
            _truth_entity(truth, doc, "Location", s, e) or f"?{s}-{e}"
            for s, e in (leg.start, leg.end)
        )
        found[(ROUTE, truth.language.get(doc, "?"))][(doc, *ends)] += 1
    return found


def gold_nationalities(truth: Truth) -> dict[tuple[str, str], set[tuple[str, str, str]]]:
    """(document, person, ISO-2) for every nationality a report states, by ("nationality", language)."""
    gold: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for doc, stated in truth.attributes.items():
        for a in stated:
            if code := a["properties"].get("nationality"):
                gold[(NATIONALITY, truth.language.get(doc, "?"))].add((doc, a["entity"], code))
    return gold


def found_nationalities(
    truth: Truth, found: Iterable[FoundNationality]
) -> dict[tuple[str, str], set[tuple[str, str, str]]]:
    """Found nationalities keyed like :func:`gold_nationalities` (a person mention as the truth person it overlaps)."""
    out: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for f in found:
        doc = truth.key(f.source)
        who = _truth_entity(truth, doc, "Person", f.start, f.end) or f"?{f.start}-{f.end}"
        out[(NATIONALITY, truth.language.get(doc, "?"))].add((doc, who, f.nationality))
    return out


def route_scores(truth: Truth, legs: Iterable[FoundLeg]) -> list[ExtractionScore]:
    """Precision / recall / F1 of ROUTE legs per language and over all (see the module's notes)."""
    gold, found = gold_route_legs(truth), found_route_legs(truth, legs)
    if not gold and not found:
        return []
    return extraction_scores(
        gold, found, _text_languages(truth), types=(ROUTE,), scores=counter_scores, overlap=None
    )


def nationality_scores(truth: Truth, found: Iterable[FoundNationality]) -> list[ExtractionScore]:
    """Precision / recall / F1 of stated nationalities per language and over all."""
    gold, predicted = gold_nationalities(truth), found_nationalities(truth, found)
    return extraction_scores(
        gold, predicted, _text_languages(truth), types=(NATIONALITY,), overlap=None
    )


def _text_languages(truth: Truth) -> set[str]:
    return set(truth.language.values())


def _truth_entity(truth: Truth, doc: str, kind: str, start: int, end: int) -> str | None:
    """The truth entity of type ``kind`` whose mention in ``doc`` overlaps ``start:end`` most."""
    best, overlap = None, 0
    for t in truth.mentions.get(doc, ()):
        if t["type"] == kind and (o := min(t["end"], end) - max(t["start"], start)) > overlap:
            best, overlap = t["entity"], o
    return best


# -- resolution ------------------------------------------------------------------------------


def resolution_group(kind: str) -> str:
    """The group a type is scored in: identifiers together, people and organisations apart."""
    return "identifiers" if kind in IDENTIFIERS else kind


@dataclass
class Matching:
    """Found mentions matched to truth mentions: per item, the true and the predicted entity."""

    gold: dict[str, str] = field(default_factory=dict)
    predicted: dict[str, str] = field(default_factory=dict)
    group: dict[str, str] = field(default_factory=dict)
    language: dict[str, str] = field(default_factory=dict)


def match_mentions(truth: Truth, found: Iterable[Found]) -> Matching:
    """Match each found mention of a scored group to the truth mention of its type it overlaps most.

    Found mentions that overlap no truth mention of their type are left out:
    extraction's misses and false hits are :func:`extraction_scores`' business.
    """
    matching = Matching()
    for f in found:
        if resolution_group(f.type) not in RESOLUTION_GROUPS or f.entity is None:
            continue
        key = truth.key(f.source)
        best, overlap = None, 0
        for t in truth.mentions.get(key, ()):
            if (
                t["type"] == f.type
                and (o := min(t["end"], f.end) - max(t["start"], f.start)) > overlap
            ):
                best, overlap = t, o
        if best is None:
            continue
        item = f"{key}:{best['start']}"
        matching.gold[item], matching.predicted[item] = best["entity"], f.entity
        matching.group[item] = resolution_group(f.type)
        matching.language[item] = truth.language.get(key, "?")
    return matching


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall, F1 over pairs of items put together (items in both maps)."""
    items = gold.keys() & pred.keys()

    def pairs(labels: Mapping[str, str]) -> int:
        groups: Counter[str] = Counter(labels[i] for i in items)
        return sum(n * (n - 1) // 2 for n in groups.values())

    both: Counter[tuple[str, str]] = Counter((gold[i], pred[i]) for i in items)
    tp = sum(n * (n - 1) // 2 for n in both.values())
    p_pairs, g_pairs = pairs(pred), pairs(gold)
    precision = tp / p_pairs if p_pairs else 1.0
    recall = tp / g_pairs if g_pairs else 1.0
    return precision, recall, f1(precision, recall)


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin), averaged over items."""
    items = list(gold.keys() & pred.keys())
    if not items:
        return 1.0, 1.0, 1.0
    gsize: Counter[str] = Counter(gold[i] for i in items)
    psize: Counter[str] = Counter(pred[i] for i in items)
    both: Counter[tuple[str, str]] = Counter((gold[i], pred[i]) for i in items)
    precision = sum(both[(gold[i], pred[i])] / psize[pred[i]] for i in items) / len(items)
    recall = sum(both[(gold[i], pred[i])] / gsize[gold[i]] for i in items) / len(items)
    return precision, recall, f1(precision, recall)


@dataclass(frozen=True)
class ResolutionScore:
    """Pairwise and B-cubed scores of one group in one language (pairs inside it) or ``all``."""

    group: str
    language: str
    items: int
    gold_entities: int
    predicted_entities: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


def resolution_scores(matching: Matching) -> list[ResolutionScore]:
    """One score per group and language, then the group over every pair (across languages too)."""
    rows = []
    languages = sorted(set(matching.language.values()))
    for group in RESOLUTION_GROUPS:
        for lang in [*languages, "all"]:
            items = [
                i
                for i in matching.gold
                if matching.group[i] == group and lang in ("all", matching.language[i])
            ]
            if not items:
                continue
            g = {i: matching.gold[i] for i in items}
            p = {i: matching.predicted[i] for i in items}
            rows.append(
                ResolutionScore(
                    group, lang, len(items), len(set(g.values())), len(set(p.values())),
                    *pairwise(g, p), *bcubed(g, p),
                )
            )  # fmt: skip
    return rows


def merged_distractors(
    truth: Truth, matching: Matching
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(distractor pairs put into one entity, distractor pairs whose both sides were found)."""
    entities_of: dict[str, set[str]] = defaultdict(set)
    for item, g in matching.gold.items():
        entities_of[g].add(matching.predicted[item])
    seen = [d for d in truth.distractors if entities_of[d["a"]] and entities_of[d["b"]]]
    merged = [d for d in seen if entities_of[d["a"]] & entities_of[d["b"]]]
    return merged, seen


def split_entities(matching: Matching, group: str = "Person") -> list[tuple[str, int]]:
    """True identities of ``group`` that resolution left in several entities: (truth id, pieces), worst first."""
    pieces: dict[str, set[str]] = defaultdict(set)
    for item, g in matching.gold.items():
        if matching.group[item] == group:
            pieces[g].add(matching.predicted[item])
    return sorted(
        ((g, len(p)) for g, p in pieces.items() if len(p) > 1), key=lambda x: (-x[1], x[0])
    )


def mixed_entities(matching: Matching, group: str = "Person") -> list[tuple[str, list[str]]]:
    """Entities of ``group`` that resolution made of several true identities: (entity, truth ids)."""
    identities: dict[str, set[str]] = defaultdict(set)
    for item, p in matching.predicted.items():
        if matching.group[item] == group:
            identities[p].add(matching.gold[item])
    return sorted((p, sorted(g)) for p, g in identities.items() if len(g) > 1)
