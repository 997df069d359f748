"""The ``GraphStore`` interface: what every store (embedded SQLite, Neo4j) does.

A store keeps documents, cases, entities, mentions and links, and answers the
reads that the analytics, the app and the notebooks need. Every implementation
passes the one contract suite in ``tests/store_contract/``.

Two ideas shape the interface:

* **Writes are batches.** :meth:`GraphStore.put` writes a :class:`Batch` in one
  transaction: all of it or none of it, and writing the same batch twice adds
  nothing (ids are content-derived).
* **Reads are scoped.** A store is opened with a :class:`ReadScope` (which
  handling codes the reader may see). Every read applies it in one place per
  store, so a document, mention, link or entity outside the scope is never
  returned by any query. Entities are visible when at least one of their
  mentions or links comes from a visible document.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from odyssey.errors import OdysseyError, ValidationError
from odyssey.model import HANDLING_CODES, Case, Document, Entity, Link, Mention
from odyssey.schema import entity_type, link_type

Period = Literal["month", "quarter", "year"]
Measure = Literal["documents", "cases", "entities", "links"]
GroupBy = Literal["crime_category", "originating_ncb", "language", "entity_type", "link_type"]

#: Which groupings each time-series measure accepts.
SERIES_GROUPS: dict[str, frozenset[str]] = {
    "documents": frozenset({"crime_category", "originating_ncb", "language"}),
    "cases": frozenset({"crime_category", "originating_ncb"}),
    "entities": frozenset({"entity_type", "crime_category", "originating_ncb"}),
    "links": frozenset({"link_type", "crime_category", "originating_ncb"}),
}


@dataclass(frozen=True, slots=True)
class ReadScope:
    """What a reader may see: ``handling_codes=None`` is everything.

    >>> ReadScope.up_to("restricted").handling_codes == frozenset({"official", "restricted"})
    True
    """

    handling_codes: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.handling_codes is not None:
            unknown = set(self.handling_codes) - set(HANDLING_CODES)
            if unknown:
                raise ValidationError(
                    f"unknown handling code(s) {sorted(unknown)}; use {', '.join(HANDLING_CODES)}"
                )
            object.__setattr__(self, "handling_codes", frozenset(self.handling_codes))

    @classmethod
    def up_to(cls, level: str) -> ReadScope:
        """The scope of a reader cleared up to ``level`` (and every lower level)."""
        if level not in HANDLING_CODES:
            raise ValidationError(
                f"unknown handling code {level!r}; use {', '.join(HANDLING_CODES)}"
            )
        return cls(frozenset(HANDLING_CODES[: HANDLING_CODES.index(level) + 1]))

    def allows(self, handling_code: str) -> bool:
        """True when a document with this handling code is visible."""
        return self.handling_codes is None or handling_code in self.handling_codes


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """Filters for graph reads. Every field left at its default filters nothing.

    ``entity_types`` limits which entities may appear (seeds of an expansion
    always do); ``cases`` and the date window apply to the document a link is
    stated in (``start``/``end`` are inclusive and compare the link's
    ``occurred_at``, else the document's date); ``min_confidence`` applies to links.
    """

    entity_types: frozenset[str] | None = None
    link_types: frozenset[str] | None = None
    cases: frozenset[str] | None = None
    start: date | None = None
    end: date | None = None
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        for name in ("entity_types", "link_types", "cases"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, frozenset(value))
        for t in self.entity_types or ():
            entity_type(t)
        for t in self.link_types or ():
            link_type(t)
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValidationError(f"min_confidence {self.min_confidence} is outside 0..1")
        if self.start and self.end and self.start > self.end:
            raise ValidationError(f"date window starts ({self.start}) after it ends ({self.end})")


NO_FILTER = GraphFilter()


@dataclass(slots=True)
class Batch:
    """Records to write together, in one transaction."""

    documents: list[Document] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(map(len, (self.documents, self.cases, self.entities, self.mentions, self.links)))


@dataclass(frozen=True, slots=True)
class WriteResult:
    """How many records of a batch were new (the rest were already stored)."""

    documents: int = 0
    cases: int = 0
    entities: int = 0
    mentions: int = 0
    links: int = 0


@dataclass(frozen=True, slots=True)
class Subgraph:
    """A piece of the graph: entities by id and the links among them.

    ``truncated`` is True when the read stopped at its node limit.
    """

    entities: dict[str, Entity]
    links: list[Link]
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An entity found by full-text search; higher ``score`` is better."""

    entity: Entity
    score: float


@dataclass(frozen=True, slots=True)
class Counts:
    """Totals of what a reader can see, for dashboards and ``odyssey stats``."""

    documents: int
    cases: int
    mentions: int
    entities: dict[str, int]
    links: dict[str, int]
    documents_by_language: dict[str, int]
    documents_by_category: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready form."""
        return {
            "documents": self.documents,
            "cases": self.cases,
            "mentions": self.mentions,
            "entities": dict(self.entities),
            "links": dict(self.links),
            "documents_by_language": dict(self.documents_by_language),
            "documents_by_category": dict(self.documents_by_category),
        }


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One value of a time series: ``period`` like ``2026-03``, ``2026-Q1`` or ``2026``."""

    period: str
    group: str | None
    value: int


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """A report's metadata without its text: what strategic counts group and filter by."""

    id: str
    date: date | None
    crime_category: str
    originating_ncb: str | None
    case_id: str | None


@dataclass(frozen=True, slots=True)
class Record:
    """An entity exactly as extraction wrote it, before resolution decides what it is.

    Identifiers are one record per normalised value; a person or organisation
    name is one record per document and spelling. Records never change (a later
    write of the same id only adds written forms and properties); resolution
    only says which entity each record belongs to (``entity_id``, the record's
    own id until then). ``seq`` is the order of arrival: incremental runs ask
    for records after the last one resolved, and a resolved entity keeps the id
    of its oldest record, so ids stay stable. ``documents`` are the documents
    whose mentions point at the record.
    """

    id: str
    type: str
    label: str
    aliases: tuple[str, ...]
    properties: Mapping[str, Any]
    entity_id: str
    seq: int
    documents: tuple[str, ...] = ()


Decision = Literal["same", "not_same"]
JudgementSource = Literal["machine", "analyst"]


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether two records are one entity, who said so, how sure, and why.

    ``source`` is ``"machine"`` (the resolver: ``score`` in 0..1 and
    ``reasons``, feature -> signed contribution, positive where the records
    agree, negative where they conflict) or ``"analyst"`` (a decision every
    later run obeys; ``note`` says who and why). A pair holds at most one
    judgement per source; ``a < b`` (the constructor orders them).
    """

    a: str
    b: str
    decision: Decision
    source: JudgementSource = "machine"
    score: float = 0.0
    reasons: Mapping[str, float] = field(default_factory=dict)
    note: str = ""

    def __post_init__(self) -> None:
        if self.a == self.b:
            raise ValidationError(f"a judgement needs two different records, got {self.a} twice")
        if self.a > self.b:
            a, b = self.b, self.a
            object.__setattr__(self, "a", a)
            object.__setattr__(self, "b", b)
        if self.decision not in ("same", "not_same"):
            raise ValidationError(f"decision {self.decision!r} is unknown; use same or not_same")
        if self.source not in ("machine", "analyst"):
            raise ValidationError(
                f"judgement source {self.source!r} is unknown; use machine or analyst"
            )
        if not 0.0 <= self.score <= 1.0:
            raise ValidationError(f"judgement score {self.score!r} is outside 0..1")


def checked_types(types: Iterable[str] | None) -> list[str] | None:
    """Entity types asked for by a read, sorted, each checked against the schema (None: all)."""
    if types is None:
        return None
    found = sorted(types)
    for t in found:
        entity_type(t)  # raises a ValidationError naming the unknown type
    return found


def check_series_request(measure: str, group_by: str | None, by: str = "month") -> None:
    """Reject a period, or a measure/grouping pair, that makes no sense, with the valid choices."""
    if by not in ("month", "quarter", "year"):
        raise ValidationError(f"unknown period {by!r}; use month, quarter or year")
    if measure not in SERIES_GROUPS:
        raise ValidationError(f"unknown measure {measure!r}; use {', '.join(SERIES_GROUPS)}")
    if group_by is not None and group_by not in SERIES_GROUPS[measure]:
        raise ValidationError(
            f"{measure} cannot be grouped by {group_by!r}; use {', '.join(sorted(SERIES_GROUPS[measure]))}"
        )


class GraphStore(ABC):
    """A place to keep the graph. Open one with :func:`odyssey.graph.open_store`.

    Stores are context managers; ``close()`` releases connections.
    """

    #: The URI the store was opened with (``sqlite:///path/odyssey.db``, ``bolt://...``).
    uri: str
    #: The reader's scope; every read applies it.
    scope: ReadScope

    # -- writes -----------------------------------------------------------------

    @abstractmethod
    def put(self, batch: Batch) -> WriteResult:
        """Write ``batch`` in one transaction and say how many records were new.

        Documents, cases, mentions and links whose id exists are left as they
        are; entities whose id exists are merged (see :class:`Entity`). Every
        mention and link must point at a document in the store or in the batch.
        """

    def put_each(self, batches: Sequence[Batch]) -> list[WriteResult | OdysseyError]:
        """Write each batch whole or not at all, in order; one refused batch spares the rest.

        Returns, per batch, its :class:`WriteResult` or the error that refused it.
        This is how ingestion stores a chunk of files, one batch per file. Here each
        batch is its own :meth:`put`; a store may group them into fewer commits as
        long as each batch stays atomic (the embedded store writes the chunk in one
        transaction with a savepoint per batch).
        """
        results: list[WriteResult | OdysseyError] = []
        for batch in batches:
            try:
                results.append(self.put(batch))
            except OdysseyError as err:
                results.append(err)
        return results

    @contextmanager
    def loading(self, documents: int) -> Iterator[None]:
        """Around writing about ``documents`` documents in many :meth:`put_each` calls (an ingest).

        A store may put off upkeep that it does faster once at the end (the embedded
        store's lookup indexes); reads in between stay right. Here nothing is put off.
        """
        yield

    # -- reads of records ----------------------------------------------------------

    @abstractmethod
    def known_documents(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored (whatever the scope: for idempotent ingest)."""

    @abstractmethod
    def document(self, document_id: str) -> Document | None:
        """The document, or None when absent or outside the scope."""

    @abstractmethod
    def documents(self, *, case_id: str | None = None, limit: int = 1000) -> list[Document]:
        """Visible documents, newest first, optionally of one case."""

    @abstractmethod
    def cases(self) -> list[Case]:
        """Every case with at least one visible document, by id."""

    @abstractmethod
    def entities(
        self, ids: Iterable[str] | None = None, *, type: str | None = None, limit: int = 10_000
    ) -> list[Entity]:
        """Visible entities: these ids (those that exist), or all of one type, or all; by id."""

    @abstractmethod
    def mentions(
        self, *, document_id: str | None = None, entity_id: str | None = None, limit: int = 10_000
    ) -> list[Mention]:
        """Visible mentions of one document and/or one entity, by document then offset."""

    @abstractmethod
    def links(
        self, *, entity_id: str | None = None, filters: GraphFilter = NO_FILTER, limit: int = 10_000
    ) -> list[Link]:
        """Visible links that pass ``filters``, optionally those touching one entity, by id."""

    # -- graph reads ------------------------------------------------------------------

    @abstractmethod
    def search(
        self, text: str, *, types: Iterable[str] | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """Visible entities whose label or aliases match ``text`` (word prefixes, any order).

        Case and diacritics are ignored: ``"jose garcia"`` finds ``José GARCÍA``.
        """

    @abstractmethod
    def expand(
        self,
        seeds: Sequence[str],
        *,
        hops: int = 1,
        filters: GraphFilter = NO_FILTER,
        max_nodes: int = 500,
    ) -> Subgraph:
        """The ``hops``-hop neighbourhood of ``seeds`` through links that pass ``filters``.

        Stops adding entities at ``max_nodes`` and then says ``truncated``.
        Unknown or invisible seeds raise ``NotFoundError``.
        """

    def neighbours(
        self, entity_id: str, *, filters: GraphFilter = NO_FILTER, max_nodes: int = 500
    ) -> Subgraph:
        """The entity, its direct neighbours and the links between them."""
        return self.expand([entity_id], hops=1, filters=filters, max_nodes=max_nodes)

    # -- aggregates ---------------------------------------------------------------------

    @abstractmethod
    def counts(self) -> Counts:
        """Totals of everything visible."""

    @abstractmethod
    def document_facts(self, *, filters: GraphFilter = NO_FILTER) -> list[DocumentFacts]:
        """Metadata of every visible document (never its text), by id.

        For strategic views that group reports, cases and people by period,
        crime category and region in any combination: one read, grouped in
        memory. ``cases`` and the date window of ``filters`` apply (a window
        leaves undated documents out); other filters do not.
        """

    @abstractmethod
    def occurrences(
        self, *, types: Iterable[str] | None = None, filters: GraphFilter = NO_FILTER
    ) -> list[tuple[str, str]]:
        """``(entity id, document id)`` for every visible document that mentions a visible
        entity of these ``types`` (default all), each pair once, in no particular order.

        With :meth:`document_facts` it counts distinct people (or anything) per
        period and group exactly. ``cases`` and the date window of ``filters``
        apply to the document. (Unordered: on a big store this read is hundreds
        of thousands of pairs, and every caller groups them anyway.)
        """

    @abstractmethod
    def time_series(
        self,
        measure: Measure,
        *,
        by: Period = "month",
        group_by: GroupBy | None = None,
        filters: GraphFilter = NO_FILTER,
    ) -> list[SeriesPoint]:
        """A measure per period, oldest first, optionally split into groups.

        ``documents``: visible documents by date; ``cases``: distinct cases
        reporting in the period; ``entities``: distinct entities mentioned in
        documents of the period; ``links``: links by ``occurred_at`` (else the
        document date). Undated records are left out.
        """

    # -- entity resolution ---------------------------------------------------------------
    #
    # Resolution is a judgement, not a destructive merge: records (what extraction
    # wrote) are kept for ever; resolution stores judgements about pairs of records
    # and an assignment record -> entity. Mentions and links keep the record they were
    # written with, and read back with the entity their record is assigned to, so a
    # merge is undone by assigning again, without losing any mention. A link whose two
    # ends are assigned to one entity is kept but not returned by graph reads.

    @abstractmethod
    def records(self, *, types: Iterable[str] | None = None, since: int = 0) -> list[Record]:
        """Records of these types (default all) with ``seq > since``, by ``seq``.

        Scoped like every read: a record is returned when a visible document
        mentions it, with only the visible documents listed.
        """

    @abstractmethod
    def assign(
        self, assignments: Mapping[str, str], entities: Sequence[Entity], *, through: int
    ) -> int:
        """Point records at resolved entities, in one transaction; return how many moved.

        ``assignments`` maps record id -> entity id (records left out keep
        theirs); ``entities`` are written as given (label, aliases and properties
        replaced, not merged) and must cover every entity id assigned that is not
        stored. Mentions and links of a moved record follow it; entities that no
        record, mention or link points at any more are removed. ``through`` is
        the highest record ``seq`` this resolution covered (see
        :meth:`resolved_through`). Unknown record ids raise ``NotFoundError``.
        """

    @abstractmethod
    def resolved_through(self) -> int:
        """The ``through`` of the last :meth:`assign` (0 before any): older records are resolved."""

    @abstractmethod
    def put_judgements(self, judgements: Iterable[Judgement]) -> int:
        """Store judgements, replacing any of the same pair and source; return how many were written."""

    @abstractmethod
    def judgements(
        self,
        records: Iterable[str] | None = None,
        *,
        source: JudgementSource | None = None,
        decision: Decision | None = None,
    ) -> list[Judgement]:
        """Judgements touching any of ``records`` (default all), of one source or both, by pair.

        ``decision`` keeps one decision only: resolution reads the machine's "same"
        judgements, a small part of those it keeps.
        """

    @abstractmethod
    def forget_judgements(
        self, pairs: Iterable[tuple[str, str]], *, source: JudgementSource
    ) -> int:
        """Delete the judgements of these pairs (either order) from one source; return how many."""

    @abstractmethod
    def as_written(self) -> Batch:
        """Every visible mention and link exactly as extraction wrote it, to copy a store.

        Each mention's ``entity_id`` is its record and each link joins its two
        records, including the links that graph reads hide because resolution
        made their two ends one entity. With :meth:`records`, :meth:`entities`,
        :meth:`judgements` and :meth:`resolved_through` this is what
        ``graph/migrate.py`` needs to rebuild a resolved store elsewhere.
        Mentions by document then offset, links by id; the batch holds nothing else.
        """

    # -- lifecycle -------------------------------------------------------------------------

    @abstractmethod
    def close(self) -> None:
        """Release the store's connections. Further use raises ``StoreError``."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def merge_entity(old: Entity, new: Entity) -> Entity:
    """One entity written twice, merged as every store does it.

    ``new`` wins the label and its properties win; every other written form is
    kept as an alias.
    """
    return Entity(
        id=new.id,
        type=new.type,
        label=new.label,
        aliases=(*old.aliases, old.label, *new.aliases),
        properties={**old.properties, **new.properties},
    )
