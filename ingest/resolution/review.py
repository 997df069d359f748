"""The analyst's review queue: pairs of records the resolver scored, the least certain first.

Resolution stores a machine judgement (score 0..1 and signed reasons) for every
pair of records it compared that looked at all alike. An analyst confirms or
corrects the doubtful ones: "same", "not same", or splitting records off an
entity (see :func:`~odyssey.ingest.resolution.judge`). This module lists those
pairs with what the analyst needs to decide: both records as extraction wrote
them (label, reports, birth date...), the entity each belongs to now, the
machine's score and reasons, and any decision already taken.

Pure functions of records and judgements, so the app can keep them cached.

>>> from odyssey.graph import Judgement, Record
>>> recs = [Record("P:1", "Person", "Ali HASSAN", (), {}, "P:1", 1, ("d1",)),
...         Record("P:2", "Person", "A. HASAN", (), {}, "P:2", 2, ("d2",))]
>>> queue = candidates(recs, [Judgement("P:1", "P:2", "not_same", score=0.42, reasons={"name": 1.5})])
>>> [(c.a.label, c.b.label, c.score, c.same_entity) for c in queue]
[('Ali HASSAN', 'A. HASAN', 0.42, False)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from odyssey.errors import ValidationError
from odyssey.graph import Judgement, Record
from odyssey.text import fold

#: Which pairs a queue lists: not yet decided by an analyst, decided, or all.
STATUSES = ("open", "decided", "all")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two records the resolver compared, its verdict, and the analyst's decision if any.

    ``a`` and ``b`` are the records as extraction wrote them (label, birth date,
    reports), each with the entity it belongs to now.
    """

    a: Record
    b: Record
    score: float
    machine: str
    reasons: Mapping[str, float] = field(default_factory=dict)
    analyst: str | None = None
    note: str = ""

    @property
    def same_entity(self) -> bool:
        """True when the two records are one entity now."""
        return self.a.entity_id == self.b.entity_id

    @property
    def doubt(self) -> float:
        """How close the machine was to the other verdict: 1 at a score of 0.5, 0 at 0 or 1."""
        return 1.0 - abs(self.score - 0.5) * 2


def candidates(
    records: Sequence[Record],
    judgements: Iterable[Judgement],
    *,
    status: str = "open",
    types: Iterable[str] | None = None,
    text: str = "",
    limit: int = 50,
) -> list[Candidate]:
    """The pairs to review: machine-judged pairs, filtered, least certain first.

    ``status``: ``open`` (no analyst decision yet), ``decided`` or ``all``;
    ``types``: record types to keep (Person, Organization); ``text``: a part of
    either label (case and accents ignored). Pairs an analyst decided without a
    machine score (a "split") are listed under ``decided`` with the score 1.
    """
    if status not in STATUSES:
        raise ValidationError(f"unknown review status {status!r}; use {', '.join(STATUSES)}")
    by_id = {r.id: r for r in records}
    machine: dict[tuple[str, str], Judgement] = {}
    analyst: dict[tuple[str, str], Judgement] = {}
    for j in judgements:
        (machine if j.source == "machine" else analyst)[j.a, j.b] = j
    wanted = set(types) if types is not None else None
    needle = fold(text.strip())
    out = []
    for pair in machine.keys() | analyst.keys():
        decided = analyst.get(pair)
        if (status == "open" and decided) or (status == "decided" and not decided):
            continue
        ra, rb = by_id.get(pair[0]), by_id.get(pair[1])
        if ra is None or rb is None:
            continue  # a record outside the reader's scope
        if wanted is not None and ra.type not in wanted:
            continue
        if needle and needle not in fold(ra.label) and needle not in fold(rb.label):
            continue
        scored = machine.get(pair)
        out.append(
            Candidate(
                ra,
                rb,
                scored.score if scored else 1.0,
                scored.decision if scored else "none",
                dict(scored.reasons) if scored else {},
                decided.decision if decided else None,
                decided.note if decided else "",
            )
        )
    out.sort(key=lambda c: (-c.doubt, c.a.label, c.a.id, c.b.id))
    return out[:limit]


def records_of_entity(records: Sequence[Record], entity_id: str) -> list[Record]:
    """The records an entity is made of now, oldest first (what a split chooses among)."""
    return [r for r in sorted(records, key=lambda r: r.seq) if r.entity_id == entity_id]


__all__ = ["STATUSES", "Candidate", "candidates", "records_of_entity"]
