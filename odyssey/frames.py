"""Tables of what a store holds, as pandas DataFrames (``Workbench.frame``).

Researchers want rows and columns: one row per entity, link, mention, report,
case, or time-series point, with the columns they would otherwise assemble by
hand (a link's two labels, its date and case, the sentence that states it).
Everything is read through the :class:`GraphStore` interface, so the frames are
the same from the embedded store and from Neo4j, and they respect the reader's
scope.

Filters are those of :class:`odyssey.graph.GraphFilter` and ``Workbench.graph``
where they make sense for the kind (see :data:`FILTERS`). ``cases`` and the
date window (``start``/``end``, inclusive) select *reports*: a mention, a
document or an entity's counts are kept when their report is of those cases and
dated in the window (undated reports fall outside any window). For links the
window compares the link's own date (``occurred_at``) first, as in ``graph()``.

Dates are pandas datetimes (``NaT`` when unknown); lists (aliases, recipients,
cases) are Python lists in one cell.

>>> import odyssey, tempfile, os
>>> with odyssey.open(os.path.join(tempfile.mkdtemp(), "o.db")) as wb:
...     list(wb.frame("links").columns[:4])
['id', 'type', 'source', 'source_label']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from odyssey.errors import ValidationError
from odyssey.graph.store import GraphFilter, GraphStore
from odyssey.model import Document

if TYPE_CHECKING:
    import pandas as pd

#: The columns of each kind of frame, in order (an empty frame still has them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": (
        "id", "type", "label", "aliases", "mentions", "documents", "links", "cases", "properties",
    ),
    "links": (
        "id", "type", "source", "source_label", "source_type", "target", "target_label",
        "target_type", "confidence", "method", "date", "occurred_at", "reported", "case",
        "document", "reference", "start", "end", "evidence", "properties",
    ),
    "mentions": (
        "id", "entity", "entity_label", "type", "text", "value", "method", "confidence",
        "document", "reference", "case", "date", "language", "start", "end",
    ),
    "documents": (
        "id", "reference", "date", "case", "crime_category", "language", "originating_ncb",
        "recipients", "subject", "kind", "handling_code", "grading", "source", "parent",
        "mentions", "characters", "text",
    ),
    "cases": (
        "id", "title", "crime_category", "country", "originating_ncb", "opened", "documents",
    ),
    "time_series": ("period", "group", "value"),
}  # fmt: skip

#: The filters each kind accepts (``time_series`` also takes ``measure``, ``by``, ``group_by``).
FILTERS: dict[str, frozenset[str]] = {
    "entities": frozenset({"entity_types", "cases", "start", "end"}),
    "links": frozenset({"entity_types", "link_types", "cases", "start", "end", "min_confidence"}),
    "mentions": frozenset({"entity_types", "cases", "start", "end"}),
    "documents": frozenset({"cases", "start", "end"}),
    "cases": frozenset(),
    "time_series": frozenset(
        {"entity_types", "link_types", "cases", "start", "end", "min_confidence"}
    ),
}

_DATE_COLUMNS = ("date", "occurred_at", "reported", "opened")


def frame(store: GraphStore, kind: str, **filters: Any) -> pd.DataFrame:
    """A DataFrame of ``kind`` (a key of :data:`COLUMNS`) read from ``store`` with ``filters``."""
    import pandas as pd

    if kind not in COLUMNS:
        raise ValidationError(f"unknown frame kind {kind!r}; use {', '.join(COLUMNS)}")
    series_options = {}
    if kind == "time_series":
        series_options = {k: filters.pop(k) for k in ("measure", "by", "group_by") if k in filters}
        if "measure" not in series_options:
            raise ValidationError(
                "a time_series frame needs measure=: documents, cases, entities or links"
            )
    if unknown := sorted(set(filters) - FILTERS[kind]):
        accepted = ", ".join(sorted(FILTERS[kind])) or "no filters"
        raise ValidationError(f"frame({kind!r}) takes {accepted}; not {', '.join(unknown)}")
    graph_filter = GraphFilter(**{k: _plain(k, v) for k, v in filters.items()})
    rows = _BUILDERS[kind](store, graph_filter, **series_options)
    table = pd.DataFrame(rows, columns=list(COLUMNS[kind]))
    for column in _DATE_COLUMNS:
        if column in table:
            table[column] = pd.to_datetime(table[column])
    return table


def _plain(name: str, value: Any) -> Any:
    """One type or case given as a string is a set of one; a date may be ISO text."""
    if name in ("entity_types", "link_types", "cases") and isinstance(value, str):
        return (value,)
    if name in ("start", "end") and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(f"{name}={value!r} is not a date; write YYYY-MM-DD") from None
    return value


# -- one builder per kind: rows as dicts ----------------------------------------------------


def _documents_in(store: GraphStore, filters: GraphFilter) -> dict[str, Document]:
    """Visible documents of the filters' cases and date window, by id."""
    everything = store.documents(limit=store.counts().documents + 1)
    return {d.id: d for d in everything if _report_selected(d, filters)}


def _report_selected(doc: Document, filters: GraphFilter) -> bool:
    if filters.cases is not None and doc.case_id not in filters.cases:
        return False
    if filters.start is None and filters.end is None:
        return True
    if doc.date is None:
        return False
    return (filters.start is None or doc.date >= filters.start) and (
        filters.end is None or doc.date <= filters.end
    )


def _entity_rows(store: GraphStore, filters: GraphFilter) -> list[dict[str, Any]]:
    counts = store.counts()
    documents = _documents_in(store, filters)
    mentions = [
        m
        for m in store.mentions(limit=counts.mentions + 1)
        if m.document_id in documents and m.entity_id
    ]
    links = [
        lk
        for lk in store.links(limit=sum(counts.links.values()) + 1)
        if lk.evidence.document_id in documents
    ]
    mention_count = Counter(m.entity_id for m in mentions)
    reports: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        reports[m.entity_id].add(m.document_id)  # type: ignore[index]
    link_count: Counter[str] = Counter()
    for lk in links:
        link_count.update((lk.source, lk.target))
        for end in (lk.source, lk.target):
            reports[end].add(lk.evidence.document_id)
    seen = set(reports)
    entities = store.entities(limit=sum(counts.entities.values()) + 1)
    return [
        {
            "id": e.id,
            "type": e.type,
            "label": e.label,
            "aliases": list(e.aliases),
            "mentions": mention_count[e.id],
            "documents": len(reports[e.id]),
            "links": link_count[e.id],
            "cases": sorted({c for d in reports[e.id] if (c := documents[d].case_id)}),
            "properties": dict(e.properties),
        }
        for e in entities
        if e.id in seen and _type_selected(e.type, filters)
    ]


def _type_selected(type_name: str, filters: GraphFilter) -> bool:
    return filters.entity_types is None or type_name in filters.entity_types


def _link_rows(store: GraphStore, filters: GraphFilter) -> list[dict[str, Any]]:
    counts = store.counts()
    links = store.links(filters=filters, limit=sum(counts.links.values()) + 1)
    ends = sorted({e for lk in links for e in (lk.source, lk.target)})
    entities = {e.id: e for e in store.entities(ends, limit=len(ends) + 1)} if ends else {}
    documents = {d.id: d for d in store.documents(limit=counts.documents + 1)}
    rows = []
    for lk in links:
        doc = documents.get(lk.evidence.document_id)
        source, target = entities.get(lk.source), entities.get(lk.target)
        ev = lk.evidence
        rows.append(
            {
                "id": lk.id, "type": lk.type,
                "source": lk.source, "source_label": source.label if source else None,
                "source_type": source.type if source else None,
                "target": lk.target, "target_label": target.label if target else None,
                "target_type": target.type if target else None,
                "confidence": lk.confidence, "method": lk.method,
                "date": lk.occurred_at or (doc.date if doc else None),
                "occurred_at": lk.occurred_at, "reported": doc.date if doc else None,
                "case": doc.case_id if doc else None, "document": ev.document_id,
                "reference": doc.reference if doc else None, "start": ev.start, "end": ev.end,
                "evidence": doc.text[ev.start : ev.end] if doc else None,
                "properties": dict(lk.properties),
            }
        )  # fmt: skip
    return rows


def _mention_rows(store: GraphStore, filters: GraphFilter) -> list[dict[str, Any]]:
    counts = store.counts()
    documents = _documents_in(store, filters)
    mentions = [
        m
        for m in store.mentions(limit=counts.mentions + 1)
        if m.document_id in documents and _type_selected(m.type, filters)
    ]
    ids = sorted({m.entity_id for m in mentions if m.entity_id})
    labels = {e.id: e.label for e in store.entities(ids, limit=len(ids) + 1)} if ids else {}
    return [
        {
            "id": m.id, "entity": m.entity_id, "entity_label": labels.get(m.entity_id or ""),
            "type": m.type, "text": m.text, "value": m.value, "method": m.method,
            "confidence": m.confidence, "document": m.document_id,
            "reference": (doc := documents[m.document_id]).reference, "case": doc.case_id,
            "date": doc.date, "language": doc.language, "start": m.start, "end": m.end,
        }
        for m in mentions
    ]  # fmt: skip


def _document_rows(store: GraphStore, filters: GraphFilter) -> list[dict[str, Any]]:
    documents = _documents_in(store, filters)
    per_document = Counter(m.document_id for m in store.mentions(limit=store.counts().mentions + 1))
    return [
        {
            "id": d.id, "reference": d.reference, "date": d.date, "case": d.case_id,
            "crime_category": str(d.crime_category), "language": d.language,
            "originating_ncb": d.originating_ncb, "recipients": list(d.recipients),
            "subject": d.subject, "kind": d.kind, "handling_code": d.handling_code,
            "grading": d.grading, "source": d.source, "parent": d.parent_id,
            "mentions": per_document[d.id], "characters": len(d.text), "text": d.text,
        }
        for d in sorted(documents.values(), key=_oldest_first)
    ]  # fmt: skip


def _oldest_first(doc: Document) -> tuple[bool, date, str]:
    return (doc.date is None, doc.date or date.min, doc.id)


def _case_rows(store: GraphStore, filters: GraphFilter) -> list[dict[str, Any]]:
    per_case = Counter(d.case_id for d in store.documents(limit=store.counts().documents + 1))
    return [
        {
            "id": c.id, "title": c.title, "crime_category": str(c.crime_category),
            "country": c.country, "originating_ncb": c.originating_ncb, "opened": c.opened,
            "documents": per_case[c.id],
        }
        for c in store.cases()
    ]  # fmt: skip


def _series_rows(
    store: GraphStore,
    filters: GraphFilter,
    *,
    measure: Any,
    by: Any = "month",
    group_by: Any = None,
) -> list[dict[str, Any]]:
    points = store.time_series(measure, by=by, group_by=group_by, filters=filters)
    return [{"period": p.period, "group": p.group, "value": p.value} for p in points]


_BUILDERS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "entities": _entity_rows,
    "links": _link_rows,
    "mentions": _mention_rows,
    "documents": _document_rows,
    "cases": _case_rows,
    "time_series": _series_rows,
}
