"""Projections: from a :class:`GraphStore` to a networkx graph that analyses run on.

A store keeps every statement of a relation as its own :class:`Link` with its
evidence. Analyses want one edge per pair of entities, weighted by how often
the pair is linked, and they want to say *why* an edge is there. So a
projection folds the links between two entities into one undirected edge:

* ``weight`` — how many links (statements) join the pair;
* ``links`` — one record per link: id, type, evidence document, evidence span,
  confidence, date (``occurred_at``, else the report's date) and case;
* ``types`` — the sorted link types on the edge.

Nodes carry ``type`` and ``label`` and ``cases`` (the cases whose reports state
one of the node's links). The graph carries ``cases``: each case id's
country, crime category and title, for the cross-case analysis.

Projections read the store only through its public interface
(``counts``, ``links``, ``entities``, ``documents``, ``cases``), so every store
implementation works.

The analyst's classic **one-mode view** (:func:`person_view`) turns
Person–Phone–Person into Person–Person with the shared identifier as the reason.

Example
-------
>>> import odyssey, tempfile, os
>>> with odyssey.open(os.path.join(tempfile.mkdtemp(), "o.db")) as wb:
...     project(wb.store).number_of_nodes()
0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from odyssey.graph.store import GraphFilter, GraphStore
from odyssey.model import Case, Document, Entity, Link
from odyssey.schema import ENTITY_TYPES, is_identifier

#: Entity types through which two people are "linked by a shared identifier" in the one-mode view.
SHARED_VIA: frozenset[str] = frozenset({t for t in ENTITY_TYPES if is_identifier(t)} | {"Address"})


@dataclass(frozen=True, slots=True)
class CaseInfo:
    """What the cross-case analysis needs to know about a case."""

    id: str
    country: str | None
    crime_category: str
    title: str = ""


def project(
    store: GraphStore,
    *,
    entity_types: Iterable[str] | None = None,
    link_types: Iterable[str] | None = None,
    cases: Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    min_confidence: float = 0.0,
) -> nx.Graph:
    """The visible graph of ``store`` that passes the filters, links folded into weighted edges.

    The filters are those of :class:`GraphFilter` (invalid ones raise
    ``ValidationError`` there): ``cases`` and the date window apply to the report
    that states a link, ``min_confidence`` to the link, ``entity_types`` to both ends.
    """
    filters = GraphFilter(
        entity_types=frozenset(entity_types) if entity_types is not None else None,
        link_types=frozenset(link_types) if link_types is not None else None,
        cases=frozenset(cases) if cases is not None else None,
        start=start,
        end=end,
        min_confidence=min_confidence,
    )
    counts = store.counts()
    total_links = sum(counts.links.values())
    links = store.links(filters=filters, limit=total_links + 1)
    ends = sorted({e for link in links for e in (link.source, link.target)})
    entities = store.entities(ends, limit=len(ends) + 1) if ends else []
    documents = store.documents(limit=counts.documents + 1)
    return fold(entities, links, documents, store.cases())


def fold(
    entities: Iterable[Entity],
    links: Iterable[Link],
    documents: Iterable[Document] = (),
    cases: Iterable[Case] = (),
) -> nx.Graph:
    """Fold records into an undirected weighted graph (see the module docstring).

    Links whose ends are not among ``entities`` are left out (they were filtered
    or are invisible); ``documents`` give each link its date and case.
    """
    graph = nx.Graph()
    docs: dict[str, Document] = {d.id: d for d in documents}
    graph.graph["cases"] = {
        c.id: CaseInfo(c.id, c.country, str(c.crime_category), c.title) for c in cases
    }
    for entity in entities:
        graph.add_node(entity.id, type=entity.type, label=entity.label, cases=set())
    for link in sorted(links, key=lambda lk: lk.id):
        if link.source not in graph or link.target not in graph:
            continue
        doc = docs.get(link.evidence.document_id)
        record = {
            "id": link.id,
            "type": link.type,
            "source": link.source,
            "target": link.target,
            "document": link.evidence.document_id,
            "start": link.evidence.start,
            "end": link.evidence.end,
            "confidence": link.confidence,
            "date": link.occurred_at or (doc.date if doc else None),
            "case": doc.case_id if doc else None,
        }
        if graph.has_edge(link.source, link.target):
            edge = graph.edges[link.source, link.target]
            edge["links"].append(record)
            edge["weight"] += 1
            edge["types"] = sorted({*edge["types"], link.type})
        else:
            graph.add_edge(link.source, link.target, weight=1, links=[record], types=[link.type])
        if record["case"]:
            for node in (link.source, link.target):
                graph.nodes[node]["cases"].add(record["case"])
    return graph


def person_view(graph: nx.Graph, *, via: Iterable[str] = SHARED_VIA) -> nx.Graph:
    """The one-mode view: people joined directly or through a shared identifier.

    Two people are joined when a link joins them directly (kept with its
    ``links``), or when both are linked to the same entity of a ``via`` type (a
    phone, an account, a passport, a vehicle, an address...): that entity is the
    edge's reason, in ``shared`` (id, type, label). ``weight`` counts direct links
    plus shared identifiers.

    >>> g = nx.Graph()
    >>> g.add_nodes_from([("a", {"type": "Person", "label": "A"}), ("b", {"type": "Person", "label": "B"}),
    ...                   ("p", {"type": "Phone", "label": "+1"})])
    >>> g.add_edges_from([("a", "p"), ("b", "p")])
    >>> person_view(g).edges["a", "b"]["shared"]
    [{'id': 'p', 'type': 'Phone', 'label': '+1'}]
    """
    via = frozenset(via)
    view = nx.Graph()
    view.graph.update(graph.graph)
    people = [n for n, t in graph.nodes(data="type") if t == "Person"]
    view.add_nodes_from((n, dict(graph.nodes[n])) for n in people)
    for a, b, data in graph.edges(data=True):
        if a in view and b in view:
            view.add_edge(
                a, b, weight=data.get("weight", 1), links=list(data.get("links", ())), shared=[]
            )
    for hub, attrs in graph.nodes(data=True):
        if attrs.get("type") not in via:
            continue
        holders = sorted(n for n in graph.neighbors(hub) if n in view)
        reason = {"id": hub, "type": attrs.get("type"), "label": attrs.get("label", hub)}
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                if not view.has_edge(a, b):
                    view.add_edge(a, b, weight=0, links=[], shared=[])
                edge = view.edges[a, b]
                edge["shared"].append(reason)
                edge["weight"] += 1
                edge.setdefault("links", []).extend(_links_between(graph, hub, (a, b)))
    return view


def _links_between(graph: nx.Graph, hub: str, people: tuple[str, str]) -> list[dict[str, Any]]:
    """The link records that tie ``people`` to ``hub`` (the evidence of a shared identifier)."""
    return [rec for person in people for rec in graph.edges[person, hub].get("links", ())]


def label(graph: nx.Graph, node: Any) -> str:
    """The node's label, else its id as text."""
    return str(graph.nodes[node].get("label", node)) if node in graph else str(node)


def node_ref(graph: nx.Graph, node: Any) -> dict[str, Any]:
    """A node as results show it: id, type and label."""
    attrs: Mapping[str, Any] = graph.nodes[node] if node in graph else {}
    return {"id": node, "type": attrs.get("type"), "label": str(attrs.get("label", node))}
