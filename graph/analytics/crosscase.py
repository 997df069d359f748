"""Cross-case links: entities that several cases share, and the case-to-case graph.

No single country sees a whole network; the phone number that a trafficking
case in Spain and a smuggling case in Italy both contain is the lead. An
entity belongs to a case when a report of that case states one of its links
(the projection records each link's case). Shared entities are ranked with
the headline first: different crime types, then different countries, then the
number of cases.

>>> import networkx as nx
>>> g = nx.Graph(cases={})
>>> g.add_edge("a", "phone", links=[{"case": "IT-1"}]); g.add_edge("b", "phone", links=[{"case": "ES-2"}])
>>> [s.node.id for s in cross_case(g).shared]
['phone']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from ._results import Node


@dataclass(frozen=True, slots=True)
class CaseRef:
    """A case as cross-case results show it."""

    id: str
    country: str | None
    crime_category: str | None


@dataclass(frozen=True, slots=True)
class SharedEntity:
    """An entity found in several cases, and why that matters."""

    node: Node
    cases: list[CaseRef]
    cross_crime: bool
    cross_border: bool
    why: str


@dataclass(frozen=True, slots=True)
class CaseLink:
    """Two cases joined by the entities they share."""

    a: CaseRef
    b: CaseRef
    shared: list[Node]
    why: str


@dataclass(frozen=True, slots=True)
class CrossCase:
    """Shared entities (headline first) and the case-to-case links."""

    shared: list[SharedEntity]
    case_links: list[CaseLink]


def entity_cases(graph: nx.Graph) -> dict[Any, set[str]]:
    """The cases of every entity: those of its links' reports (and its ``cases`` attribute)."""
    found: dict[Any, set[str]] = defaultdict(set)
    for node, cases in graph.nodes(data="cases"):
        found[node].update(cases or ())
    for u, v, links in graph.edges(data="links"):
        for record in links or ():
            if record.get("case"):
                found[u].add(record["case"])
                found[v].add(record["case"])
    return found


def cross_case(graph: nx.Graph) -> CrossCase:
    """Entities shared by two or more cases, and the cases they join, each with why."""
    info = graph.graph.get("cases", {})

    def ref(case_id: str) -> CaseRef:
        case = info.get(case_id)
        if case is None:
            return CaseRef(case_id, None, None)
        return CaseRef(case_id, case.country, case.crime_category)

    shared: list[SharedEntity] = []
    joins: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for node, cases in entity_cases(graph).items():
        if len(cases) < 2:
            continue
        refs = [ref(c) for c in sorted(cases)]
        crimes = {r.crime_category for r in refs if r.crime_category}
        countries = {r.country for r in refs if r.country}
        entity = Node.of(graph, node)
        shared.append(
            SharedEntity(entity, refs, len(crimes) > 1, len(countries) > 1, _why(entity, refs))
        )
        for a, b in combinations(sorted(cases), 2):
            joins[a, b].append(node)
    shared.sort(key=lambda s: (not s.cross_crime, not s.cross_border, -len(s.cases), s.node.id))
    links = []
    for (a, b), nodes in sorted(joins.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        entities = [Node.of(graph, n) for n in sorted(nodes, key=str)]
        ra, rb = ref(a), ref(b)
        names = ", ".join(f"{e.type or 'entity'} {e.label}" for e in entities[:5])
        more = f" and {len(entities) - 5} more" if len(entities) > 5 else ""
        links.append(
            CaseLink(ra, rb, entities, f"{a} and {b} share {names}{more}{_contrast(ra, rb)}")
        )
    return CrossCase(shared, links)


def case_graph(result: CrossCase) -> nx.Graph:
    """The case-to-case graph: a node per case, an edge per shared set (``weight`` = entities)."""
    graph = nx.Graph()
    for link in result.case_links:
        for case in (link.a, link.b):
            graph.add_node(case.id, country=case.country, crime_category=case.crime_category)
        graph.add_edge(
            link.a.id,
            link.b.id,
            weight=len(link.shared),
            shared=[n.id for n in link.shared],
            why=link.why,
        )
    return graph


def _describe(case: CaseRef) -> str:
    detail = ", ".join(x for x in (case.country, case.crime_category) if x)
    return f"{case.id} ({detail})" if detail else case.id


def _contrast(a: CaseRef, b: CaseRef) -> str:
    notes = []
    if a.crime_category and b.crime_category and a.crime_category != b.crime_category:
        notes.append(f"across crime types ({a.crime_category} / {b.crime_category})")
    if a.country and b.country and a.country != b.country:
        notes.append(f"across borders ({a.country} / {b.country})")
    return ": " + " and ".join(notes) if notes else ""


def _why(entity: Node, refs: list[CaseRef]) -> str:
    where = ", ".join(_describe(r) for r in refs)
    crimes = sorted({r.crime_category for r in refs if r.crime_category})
    countries = sorted({r.country for r in refs if r.country})
    notes = []
    if len(crimes) > 1:
        notes.append(f"different crime types ({', '.join(crimes)})")
    if len(countries) > 1:
        notes.append(f"different countries ({', '.join(countries)})")
    tail = ": " + " and ".join(notes) if notes else ""
    return f"{entity.type or 'entity'} {entity.label} appears in {len(refs)} cases: {where}{tail}"
