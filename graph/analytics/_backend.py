"""Which engine runs an analysis: networkx (the reference) or the fast path (igraph, scipy).

Every analysis takes ``backend="auto" | "networkx" | "igraph"``. ``auto`` picks
igraph when it is installed and the graph has at least :data:`FAST_MIN_EDGES`
edges; below that networkx is quick enough and is the reference. Both engines
give equal answers (``tests/test_analytics_fast_path.py`` proves it on small
graphs), so the choice changes the time, not the result.

Converting to igraph is the fast path's overhead, so it is made cheap twice over:

* **one pass over the adjacency dicts into numpy arrays** (:func:`edge_arrays`):
  every neighbour is mapped to its index once (a numpy gather when the nodes are
  small non-negative integers, a dict lookup otherwise), each undirected edge is
  kept from its lower-index end, and igraph is built from the two index lists;
* **the structure is cached on the graph** (in ``graph.__networkx_cache__``, the
  slot networkx keeps for converted graphs). networkx empties that cache on every
  change through its methods (``add_edge``, ``remove_node``...), so a changed
  graph is converted afresh. Only the structure is cached: edge weights are read
  from the graph on every call, so editing ``G.edges[u, v]["weight"]`` in place
  (which networkx cannot see) never gives a stale answer. Views (subgraphs) and
  graphs whose cache is switched off (``nx.config.cache_converted_graphs``) are
  never cached: a view changes when the graph under it does.

igraph's bundled OpenMP runtime spins while it waits for work by default; on a
busy machine (two cores, other processes running) that made PageRank 10 to 50
times slower and its time erratic. Importing this module sets
``OMP_WAIT_POLICY=PASSIVE`` unless the environment already says otherwise; the
runtime reads it when igraph is first imported, so set it yourself if igraph
was imported before Odyssey.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import chain
from operator import methodcaller
from typing import Any, Literal

import networkx as nx
import numpy as np

from odyssey.errors import ValidationError

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before igraph loads its OpenMP runtime

Backend = Literal["auto", "networkx", "igraph"]
BACKENDS: tuple[str, ...] = ("auto", "networkx", "igraph")

#: From this many edges on, ``backend="auto"`` takes the igraph fast path.
FAST_MIN_EDGES = 20_000

#: Key of the converted structure inside ``graph.__networkx_cache__``.
CACHE_KEY = "odyssey.igraph"


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
        if graph.is_directed() or graph.is_multigraph():
            raise ValidationError(
                "the igraph backend takes a simple undirected graph; use nx.Graph(graph) or networkx"
            )
        if not has_igraph():
            raise ValidationError("the igraph backend needs python-igraph; pip install igraph")
        return "igraph"
    simple = not graph.is_directed() and not graph.is_multigraph()
    if backend == "auto" and simple and graph.number_of_edges() >= FAST_MIN_EDGES and has_igraph():
        return "igraph"
    return "networkx"


@dataclass(frozen=True, slots=True)
class EdgeArrays:
    """An undirected graph as index arrays: edge ``i`` joins ``nodes[source[i]]`` and ``nodes[target[i]]``.

    Edges come in ``graph.edges()`` order. ``kept`` marks, among the half-edges
    in adjacency order (every neighbour of every node), the one each edge was
    read from, so per-edge data can be read in the same order.
    """

    nodes: list[Any]
    source: np.ndarray
    target: np.ndarray
    kept: np.ndarray
    degree: np.ndarray  # neighbours per node (a self-loop counts once, as in the adjacency)
    neighbours: np.ndarray  # every half-edge's far end, node by node: a CSR matrix's indices


@dataclass(frozen=True, slots=True)
class IGraph:
    """An igraph copy of a networkx graph: ``graph`` and ``nodes`` (igraph index → networkx node)."""

    graph: Any
    nodes: list[Any]

    def scores(self, values: Any) -> dict[Any, float]:
        """Per-vertex values back to a dict keyed by networkx node."""
        return dict(zip(self.nodes, map(float, values), strict=True))


@dataclass(slots=True)
class _Structure:
    """What is cached per graph: the index arrays, and the igraph graph once one was asked for."""

    arrays: EdgeArrays
    igraph: Any = None


def edge_arrays(graph: nx.Graph) -> EdgeArrays:
    """The edges of undirected ``graph`` as node-index arrays, in one pass over its adjacency.

    Node ``i`` is ``list(graph)[i]``. A self-loop is one edge ``(i, i)``.
    """
    if graph.is_directed() or graph.is_multigraph():
        raise ValidationError("edge_arrays takes a simple undirected graph; use nx.Graph(graph)")
    adjacency = graph._adj  # the dict of neighbour dicts networkx itself iterates
    nodes = list(adjacency)
    n = len(nodes)
    degree = np.fromiter(map(len, adjacency.values()), dtype=np.int64, count=n)
    halves = int(degree.sum())
    neighbours = chain.from_iterable(adjacency.values())
    lookup = _integer_lookup(nodes)
    if lookup is not None:
        target = np.fromiter(neighbours, dtype=np.int64, count=halves)
        if lookup is not _IDENTITY:
            target = lookup[target]
    else:
        index = dict(zip(nodes, range(n), strict=True))
        target = np.fromiter(map(index.__getitem__, neighbours), dtype=np.int64, count=halves)
    source = np.repeat(np.arange(n, dtype=np.int64), degree)
    kept = source <= target  # each edge once, from its lower end (graph.edges() does the same)
    return EdgeArrays(nodes, source[kept], target[kept], kept, degree, target)


_IDENTITY = np.empty(0, dtype=np.int64)  # marker: node i is the integer i


def _integer_lookup(nodes: list[Any]) -> np.ndarray | None:
    """For nodes that are small non-negative ``int``: node value → index (``_IDENTITY`` if equal)."""
    n = len(nodes)
    if n == 0 or not all(type(x) is int for x in nodes):  # not bool, not numpy integers
        return None
    values = np.fromiter(nodes, dtype=np.int64, count=n)
    if values.min() < 0 or values.max() > 4 * n + 1024:  # a sparse range: the dict is smaller
        return None
    if values[-1] == n - 1 and np.array_equal(values, np.arange(n)):
        return _IDENTITY
    lookup = np.full(int(values.max()) + 1, -1, dtype=np.int64)
    lookup[values] = np.arange(n, dtype=np.int64)
    return lookup


def edge_weights(graph: nx.Graph, weight: str, arrays: EdgeArrays) -> np.ndarray:
    """The ``weight`` of every edge of ``arrays`` (default 1), read from ``graph`` now."""
    return _half_weights(graph, weight, arrays)[arrays.kept]


def _half_weights(graph: nx.Graph, weight: str, arrays: EdgeArrays) -> np.ndarray:
    """The ``weight`` (default 1) of every half-edge, in adjacency order, read from ``graph`` now."""
    per_half = chain.from_iterable(map(methodcaller("values"), graph._adj.values()))
    return np.fromiter(
        map(methodcaller("get", weight, 1), per_half), dtype=float, count=len(arrays.kept)
    )


def to_igraph(graph: nx.Graph, weight: str | None = "weight") -> IGraph:
    """Copy ``graph`` (undirected) into igraph, with edge ``weight`` (default 1) when asked.

    The node order is ``list(graph)``, so index ``i`` is ``nodes[i]``; edges come
    in ``graph.edges()`` order. The structure is cached on ``graph`` (see the
    module docstring); weights are read afresh every call.
    """
    structure = _structure(graph)
    if structure.igraph is None:
        import igraph as ig

        arrays = structure.arrays
        structure.igraph = ig.Graph(
            n=len(arrays.nodes),
            edges=zip(arrays.source.tolist(), arrays.target.tolist(), strict=True),
            directed=False,
        )  # from two int lists: faster than numpy input, which this igraph build copies slowly
    if weight is None:
        return IGraph(structure.igraph, structure.arrays.nodes)
    weighted = structure.igraph.copy()  # the cached graph stays weightless
    weighted.es["weight"] = edge_weights(graph, weight, structure.arrays).tolist()
    return IGraph(weighted, structure.arrays.nodes)


def adjacency_matrix(graph: nx.Graph, weight: str | None = None) -> Any:
    """The symmetric (weighted) adjacency matrix in ``list(graph)`` order, as a scipy CSR array.

    Equal to ``nx.to_scipy_sparse_array(graph, weight=weight)`` (a self-loop is
    one diagonal entry), built from the cached index arrays instead of edge by edge.
    Column indices within a row come in adjacency order, not sorted (scipy allows it).
    """
    from scipy.sparse import csr_array

    arrays = _structure(graph).arrays
    n = len(arrays.nodes)
    halves = len(arrays.neighbours)
    values = np.ones(halves) if weight is None else _half_weights(graph, weight, arrays)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(arrays.degree, out=indptr[1:])
    # the adjacency, node by node, is already a CSR matrix: no sort, no duplicate summing
    return csr_array((values, arrays.neighbours, indptr), shape=(n, n))


def _structure(graph: nx.Graph) -> _Structure:
    cache = _cache_of(graph)
    if cache is not None and (found := cache.get(CACHE_KEY)) is not None:
        return found
    structure = _Structure(edge_arrays(graph))
    if cache is not None:
        cache[CACHE_KEY] = structure
    return structure


def _cache_of(graph: nx.Graph) -> dict[str, Any] | None:
    """The graph's conversion cache, or None where caching could go stale or is switched off."""
    if hasattr(graph, "_graph") or not nx.config.cache_converted_graphs:
        return None  # a view follows the graph under it, whose changes never clear its cache
    return getattr(graph, "__networkx_cache__", None)
