"""Centrality: who holds the network together, ranked.

One function, :func:`centrality`, for degree, betweenness, closeness,
eigenvector, PageRank and Katz, each as networkx defines it (normalised the
networkx way), on networkx or on the fast path with the same answer: igraph for
the path-based measures, and for eigenvector, PageRank and Katz networkx's own
iterations on a matrix built from the cached index arrays (no igraph graph).
Betweenness may be approximated from ``k`` sampled sources; both engines sample
the same sources for the same ``seed``, so they agree exactly.

>>> import networkx as nx
>>> g = nx.barbell_graph(4, 1)           # two cliques and the broker between them
>>> centrality(g, "betweenness", top=1)[0].node.id
'4'
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any, Literal

import networkx as nx
import numpy as np

from odyssey.errors import ValidationError

from ._backend import Backend, adjacency_matrix, choose, to_igraph
from ._results import Score, ranked

Measure = Literal["degree", "betweenness", "closeness", "eigenvector", "pagerank", "katz"]
MEASURES: tuple[str, ...] = (
    "degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "katz",
)


def centrality(
    graph: nx.Graph,
    measure: Measure = "degree",
    *,
    top: int | None = 10,
    k: int | None = None,
    seed: int = 0,
    weight: str | None = None,
    alpha: float | None = None,
    backend: Backend = "auto",
) -> list[Score]:
    """The ``top`` entities by ``measure``, best first (ties by id).

    Parameters
    ----------
    measure : degree | betweenness | closeness | eigenvector | pagerank | katz.
    k : betweenness only: sample this many source nodes (approximate, much faster).
    seed : which sources are sampled.
    weight : edge attribute for pagerank, eigenvector and katz strength and for
        betweenness/closeness *distance*; None (default) counts hops.
    alpha : Katz attenuation; default 0.5 / largest adjacency eigenvalue.
    """
    return ranked(
        graph,
        scores(graph, measure, k=k, seed=seed, weight=weight, alpha=alpha, backend=backend),
        top,
    )


def scores(
    graph: nx.Graph,
    measure: Measure,
    *,
    k: int | None = None,
    seed: int = 0,
    weight: str | None = None,
    alpha: float | None = None,
    backend: Backend = "auto",
) -> dict[Any, float]:
    """Every node's ``measure`` (see :func:`centrality`), as a dict."""
    if measure not in MEASURES:
        raise ValidationError(f"unknown measure {measure!r}; use {', '.join(MEASURES)}")
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return dict.fromkeys(graph, 1.0 if measure in ("degree", "pagerank") else 0.0)
    if k is not None and k < 2:
        raise ValidationError(f"k (sampled sources) must be at least 2, got {k}")
    engine = choose(backend, graph)
    if measure == "katz" and alpha is None:
        alpha = 0.5 / max(largest_eigenvalue(graph, weight, fast=engine == "igraph"), 1e-9)
    if engine == "igraph":
        return _igraph_scores(graph, measure, k, seed, weight, alpha)
    return _networkx_scores(graph, measure, k, seed, weight, alpha)


def sample_sources(graph: nx.Graph, k: int | None, seed: int) -> list[Any] | None:
    """The betweenness sources networkx samples for ``k`` and ``seed`` (None: all nodes)."""
    if k is None or k >= graph.number_of_nodes():
        return None
    return random.Random(seed).sample(list(graph.nodes()), k)


def largest_eigenvalue(graph: nx.Graph, weight: str | None = None, *, fast: bool = False) -> float:
    """The largest eigenvalue of the (weighted) adjacency matrix (``fast``: built from arrays)."""
    matrix = _matrix(graph, weight, fast)
    if matrix.shape[0] < 3:
        return float(max(np.linalg.eigvalsh(matrix.toarray())))
    from scipy.sparse.linalg import eigsh

    return float(eigsh(matrix, k=1, which="LA", return_eigenvectors=False)[0])


def _matrix(graph: nx.Graph, weight: str | None, fast: bool) -> Any:
    """The adjacency matrix: networkx's own builder, or the same matrix from the fast path's arrays."""
    if fast:
        return adjacency_matrix(graph, weight)
    return nx.to_scipy_sparse_array(graph, weight=weight, dtype=float)


def _networkx_scores(
    graph: nx.Graph, measure: str, k: int | None, seed: int, weight: str | None, alpha: float | None
) -> dict[Any, float]:
    if measure == "degree":
        return nx.degree_centrality(graph)
    if measure == "betweenness":
        k = None if k is not None and k >= graph.number_of_nodes() else k
        return nx.betweenness_centrality(graph, k=k, seed=seed, weight=weight)
    if measure == "closeness":
        return nx.closeness_centrality(graph, distance=weight)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(graph, max_iter=10_000, tol=1e-10, weight=weight)
    if measure == "pagerank":
        return nx.pagerank(graph, weight=weight, tol=1e-10, max_iter=10_000)
    return nx.katz_centrality(graph, alpha=alpha, weight=weight, max_iter=100_000, tol=1e-12)


def _igraph_scores(
    graph: nx.Graph, measure: str, k: int | None, seed: int, weight: str | None, alpha: float | None
) -> dict[Any, float]:
    if measure in _MATRIX_MEASURES:  # linear algebra on the cached arrays: no igraph graph to build
        matrix = adjacency_matrix(graph, weight)
        return dict(zip(graph, map(float, _MATRIX_MEASURES[measure](matrix, alpha)), strict=True))
    conv = to_igraph(graph, weight)
    g, n = conv.graph, graph.number_of_nodes()
    weights = "weight" if weight is not None else None
    if measure == "degree":
        return conv.scores([d / (n - 1) for d in g.degree()])
    if measure == "betweenness":
        return conv.scores(_igraph_betweenness(graph, conv, k, seed, weights))
    if measure == "closeness":
        values = g.closeness(weights=weights, normalized=True)
        sizes = {}
        for component in g.connected_components():
            for v in component:
                sizes[v] = len(component)
        # networkx scales by the reachable share (Wasserman and Faust); isolated nodes score 0
        return conv.scores(
            [0.0 if math.isnan(c) else c * (sizes[v] - 1) / (n - 1) for v, c in enumerate(values)]
        )
    raise AssertionError(f"no fast path for {measure}")  # MEASURES and the branches above agree


def _pagerank(matrix: Any, damping: float = 0.85, tol: float = 1e-10) -> np.ndarray:
    """networkx's PageRank power iteration (uniform teleport and dangling mass) on a symmetric matrix.

    The same iteration, stopping rule and tolerance as the reference call
    (``nx.pagerank(tol=1e-10)``), so both give the same scores; what networkx
    spends building its matrix edge by edge is saved. It also beat igraph's
    PRPACK once igraph's graph construction is counted.
    """
    n = matrix.shape[0]
    out = np.asarray(matrix.sum(axis=1)).ravel()
    inverse = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    dangling = out == 0
    teleport = (1 - damping) / n
    x = np.full(n, 1.0 / n)
    for _ in range(10_000):
        last = x
        x = damping * (matrix @ (x * inverse) + x[dangling].sum() / n) + teleport
        if np.abs(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(10_000)


#: Measures the fast path computes from the adjacency matrix alone (argument: matrix, alpha).
_MATRIX_MEASURES: dict[str, Callable[[Any, float | None], np.ndarray]] = {
    "eigenvector": lambda matrix, _: _unit(_eigenvector(matrix)),
    "pagerank": lambda matrix, _: _pagerank(matrix),
    "katz": lambda matrix, alpha: _unit(_katz(matrix, alpha or 0.1)),
}


def _igraph_betweenness(
    graph: nx.Graph, conv: Any, k: int | None, seed: int, weights: str | None
) -> list[float]:
    """networkx's normalised betweenness (endpoints excluded), exact or from the same ``k`` sources."""
    g, n = conv.graph, graph.number_of_nodes()
    sources = sample_sources(graph, k, seed)
    if n < 3:
        return [0.0] * n
    if sources is None:
        raw = g.betweenness(directed=False, weights=weights)
        return [b * 2 / ((n - 1) * (n - 2)) for b in raw]
    index = {node: i for i, node in enumerate(conv.nodes)}
    chosen = [index[s] for s in sources]
    # igraph's subset betweenness on an undirected graph halves what networkx accumulates from
    # the sampled sources (it counts unordered pairs), hence the 2; then networkx's rescaling.
    raw = g.betweenness(directed=False, weights=weights, sources=chosen, targets=None)
    picked = set(chosen)
    kk = len(chosen)
    return [
        2 * b / ((kk - 1) * (n - 2)) if v in picked else 2 * b / (kk * (n - 2))
        for v, b in enumerate(raw)
    ]


def _eigenvector(matrix: Any) -> np.ndarray:
    """Principal eigenvector of the adjacency ``matrix``, as networkx's power iteration finds it."""
    from scipy.sparse import identity

    x = np.ones(matrix.shape[0]) / matrix.shape[0]
    shifted = matrix + identity(matrix.shape[0], format="csr")
    for _ in range(10_000):  # networkx iterates (A + I) x; do the same so both converge alike
        nxt = shifted @ x
        nxt /= np.linalg.norm(nxt) or 1.0
        if np.abs(nxt - x).sum() < matrix.shape[0] * 1e-10:
            return nxt
        x = nxt
    return x


def _katz(matrix: Any, alpha: float) -> np.ndarray:
    """Katz centrality x = alpha A x + 1 for the adjacency ``matrix``, by networkx's iteration."""
    x = np.zeros(matrix.shape[0])
    for _ in range(100_000):
        nxt = alpha * (matrix @ x) + 1.0
        if np.abs(nxt - x).sum() < matrix.shape[0] * 1e-12:
            return nxt
        x = nxt
    return x


def _unit(vector: np.ndarray) -> list[float]:
    norm = float(np.linalg.norm(vector)) or 1.0
    return [float(v) / norm for v in vector]
