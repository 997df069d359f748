"""Paths: how is A connected to B, and what says so at every hop.

:func:`shortest_paths` gives the ``k`` shortest simple paths (fewest hops
first, Yen's algorithm through networkx). Every hop carries the link records of
its edge (type, evidence document and span, date, case) from the projection,
earliest first (undated last), so an analyst can read the report sentence
behind each step in the order things happened.

>>> import networkx as nx
>>> g = nx.cycle_graph(4)
>>> [p.nodes for p in shortest_paths(g, 0, 2, k=2)]
[['0', '1', '2'], ['0', '3', '2']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from odyssey.errors import NotFoundError, ValidationError

from ._results import Node


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path and the links (with evidence) that make it."""

    source: Node
    target: Node
    links: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Path:
    """A path from A to B: its entity ids in order and its hops."""

    nodes: list[str]
    hops: list[Hop]

    @property
    def length(self) -> int:
        """Number of hops."""
        return len(self.hops)


def shortest_paths(graph: nx.Graph, a: Any, b: Any, *, k: int = 3) -> list[Path]:
    """The ``k`` shortest simple paths from ``a`` to ``b`` (fewest hops first); [] if none."""
    if k < 1:
        raise ValidationError(f"k must be at least 1, got {k}")
    for end in (a, b):
        if end not in graph:
            raise NotFoundError(f"{end!r} is not in this graph; check the filters or the id")
    if a == b:
        raise ValidationError("A and B are the same entity; give two different entities")
    try:
        found = list(islice(nx.shortest_simple_paths(graph, a, b), k))
    except nx.NetworkXNoPath:
        return []
    return [_path(graph, nodes) for nodes in found]


def _path(graph: nx.Graph, nodes: list[Any]) -> Path:
    hops = [
        Hop(Node.of(graph, u), Node.of(graph, v), _in_time(graph.edges[u, v].get("links", ())))
        for u, v in pairwise(nodes)
    ]
    return Path([str(n) for n in nodes], hops)


def _in_time(links: Any) -> list[dict[str, Any]]:
    """Link records earliest first, undated last; the same day by report and position."""
    return sorted(
        links,
        key=lambda r: (
            r.get("date") is None,
            r.get("date") or date.min,
            str(r.get("document", "")),
            r.get("start") or 0,
        ),
    )
