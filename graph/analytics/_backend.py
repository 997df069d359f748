"""Which engine runs an analysis: networkx (the reference) or the fast path (igraph).

Every analysis takes ``backend="auto" | "networkx" | "igraph"``. ``auto`` picks
igraph when it is installed and the graph has at least :data:`FAST_MIN_EDGES`
edges; below that networkx is quick enough and is the reference. Both engines
give equal answers (``tests/test_analytics_fast_path.py`` proves it on small
graphs), so the choice changes the time, not the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from odyssey.errors import ValidationError

Backend = Literal["auto", "networkx", "igraph"]
BACKENDS: tuple[str, ...] = ("auto", "networkx", "igraph")

#: From this many edges on, ``backend="auto"`` takes the igraph fast path.
FAST_MIN_EDGES = 20_000


def has_igraph() -> bool:
    """True when python-igraph can be imported."""
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def choose(backend: str, graph: nx.Graph) -> str:
    """The engine to use for ``graph``: ``"networkx"`` or ``"igraph"``."""
    if backend not in BACKENDS:
        raise ValidationError(f"unknown backend {backend!r}; use {', '.join(BACKENDS)}")
    if backend == "igraph":
        if not has_igraph():
            raise ValidationError("the igraph backend needs python-igraph; pip install igraph")
        return "igraph"
    if backend == "auto" and graph.number_of_edges() >= FAST_MIN_EDGES and has_igraph():
        return "igraph"
    return "networkx"


@dataclass(frozen=True, slots=True)
class IGraph:
    """An igraph copy of a networkx graph: ``graph`` and ``nodes`` (igraph index → networkx node)."""

    graph: Any
    nodes: list[Any]

    def scores(self, values: list[float]) -> dict[Any, float]:
        """Per-vertex values back to a dict keyed by networkx node."""
        return dict(zip(self.nodes, (float(v) for v in values), strict=True))


def to_igraph(graph: nx.Graph, weight: str | None = "weight") -> IGraph:
    """Copy ``graph`` (undirected) into igraph, keeping edge ``weight`` (default 1) when asked.

    The node order is ``list(graph)``, so index ``i`` is ``nodes[i]``.
    """
    import igraph as ig

    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    if weight is None:
        edges = [(index[u], index[v]) for u, v in graph.edges()]
        g = ig.Graph(n=len(nodes), edges=edges, directed=False)
    else:
        triples = [(index[u], index[v], w) for u, v, w in graph.edges(data=weight, default=1)]
        g = ig.Graph(n=len(nodes), edges=[(u, v) for u, v, _ in triples], directed=False)
        g.es["weight"] = [float(w) for _, _, w in triples]
    return IGraph(g, nodes)
