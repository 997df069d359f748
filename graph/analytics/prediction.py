"""Link prediction: which links are probably missing, and why we think so.

Candidates are pairs of entities that are not linked but share neighbours (or,
for Katz, are joined by short walks). Scores:

* ``adamic-adar`` — sum over common neighbours ``w`` of ``1 / log(deg w)``
  (a shared contact with few contacts says more than a hub);
* ``resource-allocation`` — sum of ``1 / deg w``;
* ``katz`` — walks of length 2 and 3 between the pair, weighted ``beta**length``.

The reason is the common neighbours (and, for Katz, the number of length-3 walks), so
an analyst can check the suggestion against the reports. The scores equal
networkx's ``adamic_adar_index`` and ``resource_allocation_index`` on the same pairs.

>>> import networkx as nx
>>> g = nx.complete_graph(4); g.remove_edge(0, 1)
>>> best = predict_links(g, top=1)[0]
>>> (best.a.id, best.b.id), [n.id for n in best.common]
(('0', '1'), ['2', '3'])
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from odyssey.errors import ValidationError

from ._results import Node

Method = Literal["adamic-adar", "resource-allocation", "katz"]
METHODS: tuple[str, ...] = ("adamic-adar", "resource-allocation", "katz")

#: Common neighbours listed in a reason (the count is always given in full).
REASON_NEIGHBOURS = 5


@dataclass(frozen=True, slots=True)
class Prediction:
    """A likely missing link between ``a`` and ``b``, its score and why."""

    a: Node
    b: Node
    score: float
    common: list[Node]
    reason: str


def predict_links(
    graph: nx.Graph,
    method: Method = "adamic-adar",
    *,
    top: int = 10,
    beta: float = 0.05,
    max_hub_degree: int | None = 1000,
) -> list[Prediction]:
    """The ``top`` most likely missing links by ``method``, best first (ties by ids).

    ``max_hub_degree`` skips common neighbours with more links than that when
    collecting candidates (a hub of 10 000 makes 50 million pairs and says
    little about each); None keeps them all.
    """
    if method not in METHODS:
        raise ValidationError(f"unknown method {method!r}; use {', '.join(METHODS)}")
    if top < 1:
        raise ValidationError(f"top must be at least 1, got {top}")
    scored = (
        _katz(graph, beta) if method == "katz" else _neighbour_scores(graph, method, max_hub_degree)
    )
    best = sorted(scored.items(), key=lambda kv: (-kv[1], str(kv[0][0]), str(kv[0][1])))[:top]
    return [_prediction(graph, a, b, score, method) for (a, b), score in best]


def _pair(a: Any, b: Any) -> tuple[Any, Any]:
    return (a, b) if str(a) <= str(b) else (b, a)


def _neighbour_scores(
    graph: nx.Graph, method: str, max_hub_degree: int | None
) -> dict[tuple[Any, Any], float]:
    """Adamic–Adar or resource allocation for every unlinked pair with a common neighbour."""
    scores: dict[tuple[Any, Any], float] = defaultdict(float)
    for hub in graph:
        around = sorted(graph.neighbors(hub), key=str)
        degree = len(around)
        if degree < 2 or (max_hub_degree is not None and degree > max_hub_degree):
            continue
        share = 1 / math.log(degree) if method == "adamic-adar" else 1 / degree
        for i, a in enumerate(around):
            for b in around[i + 1 :]:
                if not graph.has_edge(a, b):
                    scores[_pair(a, b)] += share
    return scores


def _katz(graph: nx.Graph, beta: float) -> dict[tuple[Any, Any], float]:
    """Truncated Katz: beta² · walks of length 2 + beta³ · walks of length 3, unlinked pairs only."""
    if not 0 < beta < 1:
        raise ValidationError(f"beta must be between 0 and 1, got {beta}")
    nodes = list(graph)
    if len(nodes) < 2:
        return {}
    adjacency = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None, dtype=float).tocsr()
    two = adjacency @ adjacency
    three = two @ adjacency
    total = (beta**2 * two + beta**3 * three).tocoo()
    out: dict[tuple[Any, Any], float] = {}
    for i, j, value in zip(total.row, total.col, total.data, strict=True):
        if i < j and value > 0 and not graph.has_edge(nodes[i], nodes[j]):
            out[_pair(nodes[i], nodes[j])] = float(value)
    return out


def _walks_of_three(graph: nx.Graph, a: Any, b: Any) -> int:
    """Walks a - u - x - b: the length-3 term of the Katz score, told as a count."""
    ends = set(graph.neighbors(b))
    return sum(len(ends.intersection(graph.neighbors(u))) for u in graph.neighbors(a))


def _prediction(graph: nx.Graph, a: Any, b: Any, score: float, method: str) -> Prediction:
    common = sorted(nx.common_neighbors(graph, a, b), key=lambda n: (-graph.degree(n), str(n)))
    shown = [Node.of(graph, n) for n in common[:REASON_NEIGHBOURS]]
    names = ", ".join(node.label for node in shown) + (" …" if len(common) > len(shown) else "")
    reason = f"{len(common)} common neighbour(s): {names}" if common else "no common neighbour"
    if method == "katz":
        reason += f"; {_walks_of_three(graph, a, b)} walks of length 3"
    return Prediction(Node.of(graph, a), Node.of(graph, b), float(score), shown, reason)
