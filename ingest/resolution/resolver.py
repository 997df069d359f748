"""Entity resolution on a store: score new pairs, cluster, assign, explain.

:func:`resolve` is incremental: records that arrived since the last run are
blocked and scored against everything (pairs among older records keep their
stored judgements); clustering then runs over all judgements and analyst
decisions (cheap, and it is what lets a decision taken today undo a merge made
last month). Only records whose entity changes are written. A resolved entity
keeps the id of its oldest record, so ids stay stable across runs.

>>> import odyssey, tempfile, os
>>> with odyssey.open(os.path.join(tempfile.mkdtemp(), "o.db")) as wb:
...     resolve(wb.store).entities
0
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from odyssey.collector import collector_paused
from odyssey.errors import NotFoundError, StoreError
from odyssey.graph import GraphStore, Judgement, Record
from odyssey.model import Entity
from odyssey.schema import is_identifier

from .blocking import candidate_pairs
from .cluster import cluster
from .names import parse
from .records import RESOLVED_TYPES
from .score import THRESHOLD, PairScore, Profile, score_pair

#: Machine judgements below this sum of weights are not kept (they explain nothing useful).
KEEP_ABOVE = 0.0
#: Judgements written per store call. A run stopped between two loses nothing: its new records
#: stay new (``assign`` comes last) and the next run scores them again, replacing their judgements.
WRITE_BATCH = 50_000


@dataclass(slots=True)
class ResolveSummary:
    """What one resolution run did."""

    records: int = 0
    new_records: int = 0
    pairs_scored: int = 0
    judgements_written: int = 0
    entities: int = 0
    merged_records: int = 0
    moved: int = 0
    seconds: float = 0.0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def profiles(records: Sequence[Record]) -> dict[str, Profile]:
    """Profiles of the records of resolved types, with what their reports also name."""
    idents: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    parsed = {}
    for r in records:
        if r.type in RESOLVED_TYPES:
            parsed[r.id] = parse(r.label)
            if parsed[r.id].full:
                for d in r.documents:
                    names[d].add(f"{r.type}:{parsed[r.id].key}")
        elif is_identifier(r.type):
            for d in r.documents:
                idents[d].add(r.id)
    # one-word names that more than one longer name of the same report could be short for
    longer: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in records:
        name = parsed.get(r.id)
        if name is not None and len(name.tokens) >= 2:
            who = " ".join(sorted(t.text[:1] if t.initial else t.skeleton for t in name.tokens))
            for d in r.documents:
                for t in name.tokens:
                    if not t.initial:
                        longer[d][f"{r.type}:{t.skeleton}"].add(who)
    out = {}
    for r in records:
        if r.id not in parsed:
            continue
        name = parsed[r.id]
        own = f"{r.type}:{name.key}"
        nationality = r.properties.get("nationality")
        out[r.id] = Profile(
            id=r.id,
            type=r.type,
            seq=r.seq,
            name=name,
            aliases=tuple(parse(a) for a in r.aliases if parse(a).key != name.key),
            documents=frozenset(r.documents),
            birth_date=r.properties.get("birth_date") or None,
            nationality=nationality
            if isinstance(nationality, str) and len(nationality) == 2
            else None,
            identifiers=frozenset(i for d in r.documents for i in idents[d]),
            associates=frozenset(n for d in r.documents for n in names[d] if n != own),
            ambiguous_in=frozenset(
                d
                for d in r.documents
                if len(name.tokens) == 1
                and len(longer[d].get(f"{r.type}:{name.tokens[0].skeleton}", ())) > 1
            ),
        )
    return out


def _check_scope(store: GraphStore) -> None:
    if store.scope.handling_codes is not None:
        raise StoreError("entity resolution must see every report; run it without --clearance")


def resolve(store: GraphStore, *, full: bool = False) -> ResolveSummary:
    """Resolve the store's people and organisations; with ``full``, rescore every pair.

    The cyclic garbage collector is paused for the run: it allocates millions of
    objects next to the profiles and blocks it keeps, and each full collection
    walked them all (a sixth of the time at 100 000 mentions on
    ``bench/resolution_scale.py``, and a share that grew with the store).
    """
    _check_scope(store)
    with collector_paused():
        return _resolve(store, full=full)


def _resolve(store: GraphStore, *, full: bool) -> ResolveSummary:
    started = time.perf_counter()
    records = store.records()
    summary = ResolveSummary(records=len(records))
    through = store.resolved_through()
    if full:
        stale = [(j.a, j.b) for j in store.judgements(source="machine")]
        store.forget_judgements(stale, source="machine")
        through = 0
    profs = profiles(records)
    new = {r.id for r in records if r.seq > through and r.id in profs}
    summary.new_records = len(new)
    # pairs are scored as blocking gives them and judgements written in batches: memory holds
    # neither every pair nor every judgement (millions on a large store)
    kept: list[Judgement] = []
    for a, b in candidate_pairs(profs.values(), new) if new else ():
        summary.pairs_scored += 1
        s = score_pair(profs[a], profs[b])
        if s.total > KEEP_ABOVE:
            kept.append(
                Judgement(a, b, "same" if s.same else "not_same", "machine", s.score, s.reasons)
            )
        if len(kept) >= WRITE_BATCH:
            summary.judgements_written += store.put_judgements(kept)
            kept = []
    if kept:
        summary.judgements_written += store.put_judgements(kept)
    del kept
    # clustering needs the machine's "same" and every analyst decision, not the many "not same"
    machine = [(j.a, j.b, j.reasons) for j in store.judgements(source="machine", decision="same")]
    analyst = store.judgements(source="analyst")
    analyst_same = [(j.a, j.b) for j in analyst if j.decision == "same"]
    analyst_not = [(j.a, j.b) for j in analyst if j.decision == "not_same"]
    by_seq = sorted(profs.values(), key=lambda p: p.seq)
    groups = cluster(
        [p.id for p in by_seq],
        {p.id: p.birth_date for p in by_seq},
        {p.id: p.identifiers | p.associates for p in by_seq},
        machine,
        analyst_same,
        analyst_not,
        {p.id: (p.name, *p.aliases) for p in by_seq},
    )
    by_id = {r.id: r for r in records}
    assignments: dict[str, str] = {}
    entities: list[Entity] = []
    current: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.id in profs:
            current[r.entity_id].add(r.id)
    for members in groups.values():
        ordered = sorted(members, key=lambda i: by_id[i].seq)
        eid = ordered[0]
        summary.entities += 1
        summary.merged_records += len(ordered) - 1
        t = summary.by_type.setdefault(by_id[eid].type, {"records": 0, "entities": 0})
        t["records"] += len(ordered)
        t["entities"] += 1
        if current.get(eid) == set(ordered):
            continue
        entities.append(entity_of([by_id[i] for i in ordered]))
        for i in ordered:
            assignments[i] = eid
    highest = max((r.seq for r in records), default=0)
    summary.moved = store.assign(assignments, entities, through=highest)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def entity_of(records: Sequence[Record]) -> Entity:
    """The entity a group of records makes: the oldest record's id, the fullest Latin label.

    Every written form and "known as" of every record is kept as an alias; the
    first value of each property wins.
    """
    counts = Counter(r.label for r in records)

    def rank(r: Record) -> tuple[int, int, int, int]:
        latin = not any("\u0600" <= ch <= "\u06ff" for ch in r.label)
        words = len(parse(r.label).tokens)
        return (-int(latin), -words, -counts[r.label], r.seq)

    best = min(records, key=rank)
    aliases = [x for r in records for x in (r.label, *r.aliases)]
    properties: dict[str, object] = {}
    for r in sorted(records, key=lambda r: r.seq):
        for k, v in r.properties.items():
            properties.setdefault(k, v)
    first = min(records, key=lambda r: r.seq)
    return Entity(first.id, first.type, best.label, tuple(dict.fromkeys(aliases)), properties)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why two entities (or records) are, or are not, one."""

    a: str
    b: str
    same_entity: bool
    best: PairScore | None
    threshold: float
    judgements: list[Judgement]
    conflicts: list[str]

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "same_entity": self.same_entity,
            "threshold": self.threshold,
            "best_pair": None
            if self.best is None
            else {
                "a": self.best.a,
                "b": self.best.b,
                "total": round(self.best.total, 3),
                "score": round(self.best.score, 3),
                "reasons": dict(self.best.reasons),
            },
            "judgements": [
                {
                    "a": j.a,
                    "b": j.b,
                    "source": j.source,
                    "decision": j.decision,
                    "score": round(j.score, 3),
                    "reasons": dict(j.reasons),
                    "note": j.note,
                }
                for j in self.judgements
            ],
            "conflicts": self.conflicts,
        }


def records_of(records: Sequence[Record], ref: str) -> list[Record]:
    """The records behind an entity id, or the one record with that id."""
    found = [r for r in records if r.entity_id == ref] or [r for r in records if r.id == ref]
    if not found:
        raise NotFoundError(
            f"no entity or record {ref!r} in this store; list them with odyssey entities"
        )
    return found


def explain(store: GraphStore, a: str, b: str) -> Explanation:
    """Score the closest pair of records across ``a`` and ``b`` and gather every judgement about them."""
    records = store.records()
    ra, rb = records_of(records, a), records_of(records, b)
    same = {r.entity_id for r in ra} == {r.entity_id for r in rb}
    profs = profiles(records)
    pairs = [
        score_pair(profs[x.id], profs[y.id])
        for x in ra
        for y in rb
        if x.id in profs and y.id in profs and x.id != y.id and x.type == y.type
    ]
    best = max(pairs, key=lambda s: s.total, default=None)
    ids = {r.id for r in (*ra, *rb)}
    related = [j for j in store.judgements(ids) if j.a in ids and j.b in ids]
    conflicts = []
    births_a = {profs[r.id].birth_date for r in ra if r.id in profs} - {None}
    births_b = {profs[r.id].birth_date for r in rb if r.id in profs} - {None}
    if births_a and births_b and not births_a & births_b:
        conflicts.append(f"birth dates differ: {sorted(births_a)} vs {sorted(births_b)}")
    conflicts += [
        f"analyst said not same: {j.a} / {j.b} ({j.note})"
        for j in related
        if j.source == "analyst" and j.decision == "not_same"
    ]
    return Explanation(a, b, same, best, THRESHOLD, related, conflicts)


def judge(
    store: GraphStore, decision: str, a: str, b: str | None = None, *, note: str = "",
    records: Iterable[str] = (),
) -> list[Judgement]:  # fmt: skip
    """Store an analyst decision and return the judgements written.

    ``same``/``not_same``: between entities or records ``a`` and ``b`` (for
    entities, between their oldest records; "not same" between every record of
    one and every record of the other). ``split``: the given ``records`` of
    entity ``a`` are not the rest of it. ``forget``: drop the analyst's decisions
    between ``a`` and ``b``. Run :func:`resolve` after to apply them.
    """
    _check_scope(store)
    all_records = store.records()
    if decision == "split":
        group = records_of(all_records, a)
        out = {r for r in records}
        if unknown := out - {r.id for r in group}:
            raise NotFoundError(
                f"record {sorted(unknown)[0]} is not part of {a}; see odyssey entities"
            )
        if not out or out == {r.id for r in group}:
            raise StoreError("name the records to split off, and leave at least one behind")
        written = [
            Judgement(x, r.id, "not_same", "analyst", 1.0, note=note or "split")
            for x in sorted(out)
            for r in group
            if r.id not in out
        ]
        store.forget_judgements([(j.a, j.b) for j in written], source="analyst")
        store.put_judgements(written)
        return written
    if b is None:
        raise StoreError(f"{decision} needs two entities or records")
    xa, xb = records_of(all_records, a), records_of(all_records, b)
    if decision == "forget":
        store.forget_judgements(
            [(x.id, y.id) for x in xa for y in xb if x.id != y.id], source="analyst"
        )
        return []
    if decision == "same":
        x = min(xa, key=lambda r: r.seq)
        y = min(xb, key=lambda r: r.seq)
        if x.type != y.type:
            raise StoreError(
                f"{a} is a {x.type} and {b} a {y.type}; only one type can be one entity"
            )
        written = [Judgement(x.id, y.id, "same", "analyst", 1.0, note=note)] if x.id != y.id else []
        # a "same" overrides earlier "not same" decisions between the two
        store.forget_judgements(
            [(p.id, q.id) for p in xa for q in xb if p.id != q.id], source="analyst"
        )
    elif decision == "not_same":
        written = [
            Judgement(x.id, y.id, "not_same", "analyst", 1.0, note=note)
            for x in xa
            for y in xb
            if x.id != y.id
        ]
    else:
        raise StoreError(f"unknown decision {decision!r}; use same, not-same, split or forget")
    store.put_judgements(written)
    return written
