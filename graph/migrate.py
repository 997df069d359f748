"""Copy everything from one store to another: the path from a laptop to a team server.

:func:`migrate` reads the source with full access (whatever the reader's
clearance) and writes the target in batches, parents before children so every
batch's references resolve:

1. cases and documents;
2. records, oldest first (what extraction wrote: each becomes, in the target, a
   record of its own and its own entity, as it was before resolution);
3. mentions and links *as written* (:meth:`GraphStore.as_written`): pointing at
   their records, including links hidden because their two ends are one entity;
4. entities and assignments: every entity as the source holds it, and each
   record pointed at its entity (``assign``), so mentions and links follow and
   the record-only entities left behind disappear, exactly as resolution did in
   the source; the last resolved record (``resolved_through``) is carried over
   when the target was empty;
5. judgements, the machine's and the analyst's.

Writes are idempotent, so an interrupted migration is finished by running it
again. At the end the target's counts, records and judgements are checked
against the source's, and every record must belong to the same entity.

>>> import tempfile, os
>>> from odyssey.graph import open_store
>>> folder = tempfile.mkdtemp()
>>> with open_store(os.path.join(folder, "a.db")) as a, open_store(os.path.join(folder, "b.db")) as b:
...     migrate(a, b).documents
0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from odyssey.errors import StoreError
from odyssey.model import Entity

from .store import Batch, Counts, GraphStore, Record

#: Records per write transaction.
BATCH_SIZE = 5_000
#: "Everything" for the interface's ``limit`` arguments.
ALL = 2**62

T = TypeVar("T")
Progress = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """How many records were copied, and the counts both stores agree on."""

    documents: int
    cases: int
    entities: int
    mentions: int
    links: int
    records: int
    judgements: int
    counts: Counts = field(repr=False)

    def copied(self) -> dict[str, int]:
        """What was copied, kind -> number, in the order it was written."""
        kinds = ("cases", "documents", "records", "mentions", "links", "entities", "judgements")
        return {k: getattr(self, k) for k in kinds}


def _chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def migrate(
    source: GraphStore,
    target: GraphStore,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
) -> MigrationResult:
    """Copy every record of ``source`` into ``target`` and check the counts.

    Both stores must be opened with full access (no :class:`ReadScope` limit),
    or records would be silently left behind. ``progress(kind, n)`` is called
    after each written batch. When ``target`` was empty its counts must equal
    the source's afterwards; otherwise every count must be at least the
    source's. Raises ``StoreError`` when they are not.
    """
    for store, role in ((source, "source"), (target, "target")):
        if store.scope.handling_codes is not None:
            raise StoreError(
                f"the {role} store is open with a limited clearance; migrate with full access"
            )
    if batch_size < 1:
        raise StoreError("batch_size must be at least 1")
    report = progress or (lambda kind, n: None)
    target_was_empty = _is_empty(target.counts())

    def put(kind: str, items: Sequence[T], batch: Callable[[list[T]], Batch]) -> None:
        for chunk in _chunks(items, batch_size):
            target.put(batch(list(chunk)))
            report(kind, len(chunk))

    cases = source.cases()
    put("cases", cases, lambda c: Batch(cases=c))
    documents = source.documents(limit=ALL)
    put("documents", documents, lambda d: Batch(documents=d))
    del documents  # their texts are the bulk of a store; free them before the graph
    records = source.records()
    put("records", [_as_written(r) for r in records], lambda e: Batch(entities=e))
    written = source.as_written()
    put("mentions", written.mentions, lambda m: Batch(mentions=m))
    put("links", written.links, lambda lk: Batch(links=lk))

    entities = source.entities(limit=ALL)
    by_entity: dict[str, dict[str, str]] = {}
    for r in records:
        by_entity.setdefault(r.entity_id, {})[r.id] = r.entity_id
    for chunk in _chunks(entities, batch_size):
        moves = {rec: ent for e in chunk for rec, ent in by_entity.get(e.id, {}).items()}
        target.assign(moves, list(chunk), through=0)  # through=0 keeps the target's
        report("entities", len(chunk))
    if target_was_empty:
        target.assign({}, [], through=_through_in(target, records, source.resolved_through()))
    judgements = source.judgements()
    for chunk in _chunks(judgements, batch_size):
        target.put_judgements(chunk)
        report("judgements", len(chunk))

    expected, got = source.counts(), target.counts()
    _check(expected, got, exact=target_was_empty)
    _check_resolution(
        records, target.records(), len(judgements), len(target.judgements()), exact=target_was_empty
    )
    return MigrationResult(
        documents=expected.documents,
        cases=len(cases),
        entities=len(entities),
        mentions=len(written.mentions),
        links=len(written.links),
        records=len(records),
        judgements=len(judgements),
        counts=got,
    )


def _as_written(record: Record) -> Entity:
    """The entity a record was written as (before resolution assigned it anywhere)."""
    return Entity(record.id, record.type, record.label, record.aliases, record.properties)


def _through_in(target: GraphStore, records: Sequence[Record], through: int) -> int:
    """The source's last resolved record, in the target's numbering (``seq`` is per store)."""
    seq = {r.id: r.seq for r in target.records()}
    return max((seq[r.id] for r in records if r.seq <= through and r.id in seq), default=0)


def _is_empty(counts: Counts) -> bool:
    return counts.documents == 0 and not counts.entities and not counts.links


def _check(expected: Counts, got: Counts, *, exact: bool) -> None:
    """Compare two stores' counts; raise ``StoreError`` naming the first difference."""
    want, have = expected.to_dict(), got.to_dict()
    for key, value in want.items():
        if isinstance(value, dict):
            pairs = [(f"{key}.{k}", v, have[key].get(k, 0)) for k, v in value.items()]  # type: ignore[union-attr]
            if exact and set(have[key]) != set(value):  # type: ignore[arg-type]
                extra = sorted(set(have[key]) - set(value))  # type: ignore[arg-type]
                pairs.append((f"{key}.{extra[0]}", 0, have[key][extra[0]]))  # type: ignore[index]
        else:
            pairs = [(key, value, have[key])]
        for name, w, h in pairs:
            if h != w if exact else h < w:
                raise _incomplete(f"{name} is {h} in the target but {w} in the source")


def _check_resolution(
    records: Sequence[Record],
    copied: Sequence[Record],
    judgements: int,
    judged: int,
    *,
    exact: bool,
) -> None:
    """Every record is in the target, on the same entity; the judgements are all there."""
    entity_of = {r.id: r.entity_id for r in copied}
    for r in records:
        if entity_of.get(r.id) != r.entity_id:
            where = entity_of.get(r.id, "missing")
            raise _incomplete(
                f"record {r.id} is {where} in the target but {r.entity_id} in the source"
            )
    if judged != judgements if exact else judged < judgements:
        raise _incomplete(f"judgements are {judged} in the target but {judgements} in the source")


def _incomplete(difference: str) -> StoreError:
    return StoreError(
        f"migration incomplete: {difference}; run the migration again (writes are idempotent)"
    )
