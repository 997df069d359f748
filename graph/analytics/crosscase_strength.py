"""How strong a cross-case link is: how many cases an entity joins, and how many reports say so.

:func:`~odyssey.graph.analytics.crosscase.cross_case` finds the entities that
several cases share and puts the headline first (different crime types, then
different countries). An analyst deciding which lead to follow also asks how
well each one is established: a phone that ties four cases through eleven
reports is a stronger lead than one two reports mention. :func:`rank` counts,
for every shared entity and every pair of cases, the distinct reports that tie
the entity to those cases (the reports stating its links), and orders them
strongest first: more cases, then more reports, then the headline.

>>> import networkx as nx
>>> from odyssey.graph.analytics.crosscase import cross_case
>>> g = nx.Graph(cases={})
>>> g.add_edge("a", "phone", links=[{"case": "IT-1", "document": "r1"}, {"case": "IT-1", "document": "r2"}])
>>> g.add_edge("b", "phone", links=[{"case": "ES-2", "document": "r3"}])
>>> ranked = rank(g, cross_case(g))
>>> ranked.shared[0].node.id, ranked.shared[0].reports, ranked.links[0].reports
('phone', 3, 3)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ._results import Node
from .crosscase import CaseLink, CaseRef, CrossCase


@dataclass(frozen=True, slots=True)
class RankedShared:
    """A shared entity with the number of distinct reports that tie it to its cases."""

    node: Node
    cases: list[CaseRef]
    cross_crime: bool
    cross_border: bool
    why: str
    reports: int


@dataclass(frozen=True, slots=True)
class RankedCaseLink:
    """Two cases, the entities they share and the distinct reports that tie those to either."""

    link: CaseLink
    reports: int


def reports_by_case(graph: nx.Graph, node: Any) -> dict[str, set[str]]:
    """Case id -> the reports (document ids) stating a link of ``node`` in that case."""
    found: dict[str, set[str]] = defaultdict(set)
    for _u, _v, links in graph.edges(node, data="links"):
        for record in links or ():
            if record.get("case") and record.get("document"):
                found[record["case"]].add(record["document"])
    return found


@dataclass(frozen=True, slots=True)
class RankedCrossCase:
    """Shared entities (all, strongest first) and the strongest case-to-case links."""

    shared: list[RankedShared]
    links: list[RankedCaseLink]
    #: How many case pairs share something (``links`` may hold only the strongest).
    total_links: int


def rank(graph: nx.Graph, result: CrossCase, *, top_links: int | None = None) -> RankedCrossCase:
    """Shared entities and case-to-case links of ``result``, strongest first.

    An entity's strength is the number of cases it joins, then the number of
    distinct reports tying it to them; ties go to the headline (cross-crime,
    then cross-border). A case link's strength is the number of entities the
    two cases share, then the reports behind them. ``top_links`` keeps the
    links sharing the most entities (their reports are only counted for those:
    a store with hub entities can have a link between almost every two cases).
    """
    evidence = {s.node.id: reports_by_case(graph, _key(graph, s.node.id)) for s in result.shared}
    shared = []
    for s in result.shared:
        reports = set().union(*(evidence[s.node.id].get(c.id, set()) for c in s.cases))
        shared.append(
            RankedShared(s.node, s.cases, s.cross_crime, s.cross_border, s.why, len(reports))
        )
    shared.sort(
        key=lambda r: (
            -len(r.cases),
            -r.reports,
            not r.cross_crime,
            not r.cross_border,
            r.node.id,
        )
    )
    by_size = sorted(result.case_links, key=lambda k: (-len(k.shared), k.a.id, k.b.id))
    links = []
    for link in by_size if top_links is None else by_size[:top_links]:
        reports: set[str] = set()
        for node in link.shared:
            by_case = evidence.get(node.id) or reports_by_case(graph, _key(graph, node.id))
            reports |= by_case.get(link.a.id, set()) | by_case.get(link.b.id, set())
        links.append(RankedCaseLink(link, len(reports)))
    links.sort(key=lambda r: (-len(r.link.shared), -r.reports, r.link.a.id, r.link.b.id))
    return RankedCrossCase(shared, links, len(result.case_links))


def _key(graph: nx.Graph, node_id: str) -> Any:
    """The graph's node whose id reads ``node_id`` (results carry ids as strings)."""
    if node_id in graph:
        return node_id
    return next((n for n in graph.nodes if str(n) == node_id), node_id)


__all__ = ["RankedCaseLink", "RankedCrossCase", "RankedShared", "rank", "reports_by_case"]
