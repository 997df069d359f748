"""Copy everything from one store to another: the path from a laptop to a team server.

:func:`migrate` reads documents, cases, entities, mentions and links from the
source (with full access, whatever the reader's clearance) and writes them to
the target in batches, parents before children so every batch's references
resolve: documents and cases, then entities, then mentions, then links. Writes
are idempotent, so an interrupted migration is finished by running it again.
At the end the target's counts are checked against the source's.

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

from .store import Batch, Counts, GraphStore

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
    counts: Counts = field(repr=False)


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

    documents = source.documents(limit=ALL)
    cases = source.cases()
    for chunk in _chunks(cases, batch_size):
        target.put(Batch(cases=list(chunk)))
        report("cases", len(chunk))
    for chunk in _chunks(documents, batch_size):
        target.put(Batch(documents=list(chunk)))
        report("documents", len(chunk))
    del documents  # their texts are the bulk of a store; free them before the graph
    entities = source.entities(limit=ALL)
    for chunk in _chunks(entities, batch_size):
        target.put(Batch(entities=list(chunk)))
        report("entities", len(chunk))
    mentions = source.mentions(limit=ALL)
    for chunk in _chunks(mentions, batch_size):
        target.put(Batch(mentions=list(chunk)))
        report("mentions", len(chunk))
    links = source.links(limit=ALL)
    for chunk in _chunks(links, batch_size):
        target.put(Batch(links=list(chunk)))
        report("links", len(chunk))

    expected, got = source.counts(), target.counts()
    _check(expected, got, exact=target_was_empty)
    return MigrationResult(
        documents=expected.documents,
        cases=len(cases),
        entities=len(entities),
        mentions=len(mentions),
        links=len(links),
        counts=got,
    )


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
                raise StoreError(
                    f"migration incomplete: {name} is {h} in the target but {w} in the source; "
                    "run the migration again (writes are idempotent)"
                )
