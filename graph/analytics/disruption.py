"""Disruption (key players): whom to remove to break the network apart, and how far it breaks.

Entities are removed one at a time in order of a ranking; after each removal
the **largest connected component** is measured as a share of the original
number of entities. ``sequential`` recomputes the ranking on what is left after
every removal (the adaptive attack of the criminology literature); ``block``
ranks once and removes in that order.

Strategies: ``degree``, ``betweenness`` (optionally sampled with ``k``),
``katz`` and ``collective-influence`` (Morone & Makse 2015:
``CI(i) = (k_i - 1) * sum of (k_j - 1)`` over the nodes ``j`` at exactly
``radius`` hops from ``i``).

>>> import networkx as nx
>>> d = disrupt(nx.path_graph(5), "degree", mode="sequential", steps=1)
>>> d.removed[0].node.id, d.lcc_fraction
('1', [1.0, 0.6])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from odyssey.errors import ValidationError

from ._backend import Backend
from ._results import Score, ranked
from .centrality import scores as centrality_scores

Strategy = Literal["degree", "betweenness", "katz", "collective-influence"]
STRATEGIES: tuple[str, ...] = ("degree", "betweenness", "katz", "collective-influence")
MODES: tuple[str, ...] = ("sequential", "block")


@dataclass(frozen=True, slots=True)
class Disruption:
    """Who was removed, in order, with the score that chose them, and the LCC share after each.

    ``lcc_fraction[0]`` is before any removal; ``lcc_fraction[i]`` after ``i`` removals.
    """

    strategy: str
    mode: str
    removed: list[Score]
    lcc_fraction: list[float]


def disrupt(
    graph: nx.Graph,
    strategy: Strategy = "degree",
    *,
    mode: Literal["sequential", "block"] = "sequential",
    steps: int = 10,
    k: int | None = None,
    seed: int = 0,
    radius: int = 2,
    backend: Backend = "auto",
) -> Disruption:
    """Remove up to ``steps`` entities by ``strategy`` and follow the largest component."""
    if strategy not in STRATEGIES:
        raise ValidationError(f"unknown strategy {strategy!r}; use {', '.join(STRATEGIES)}")
    if mode not in MODES:
        raise ValidationError(f"unknown mode {mode!r}; use {', '.join(MODES)}")
    if steps < 1:
        raise ValidationError(f"steps must be at least 1, got {steps}")
    total = graph.number_of_nodes()
    work = nx.Graph(graph.edges())
    work.add_nodes_from(graph)
    fractions = [largest_component(work) / total if total else 0.0]
    removed: list[Score] = []
    order: list[Score] = []
    for step in range(min(steps, total)):
        if mode == "sequential" or step == 0:
            order = ranked(graph, _rank(work, strategy, k, seed, radius, backend))
        chosen = order[0] if mode == "sequential" else order[step]
        work.remove_node(_node_in(work, chosen.node.id))
        removed.append(chosen)
        fractions.append(largest_component(work) / total)
    return Disruption(strategy, mode, removed, fractions)


def largest_component(graph: nx.Graph) -> int:
    """Size of the largest connected component (0 for an empty graph)."""
    return max((len(c) for c in nx.connected_components(graph)), default=0)


def collective_influence(graph: nx.Graph, radius: int = 2) -> dict[Any, float]:
    """Collective influence of every node at ``radius`` hops (Morone & Makse 2015)."""
    degree = dict(graph.degree())
    out: dict[Any, float] = {}
    for node in graph:
        ring = nx.single_source_shortest_path_length(graph, node, cutoff=radius)
        frontier = sum(degree[j] - 1 for j, dist in ring.items() if dist == radius)
        out[node] = float((degree[node] - 1) * frontier) if degree[node] else 0.0
    return out


def _rank(
    graph: nx.Graph, strategy: str, k: int | None, seed: int, radius: int, backend: Backend
) -> dict[Any, float]:
    if strategy == "collective-influence":
        return collective_influence(graph, radius)
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    return centrality_scores(graph, strategy, k=k, seed=seed, backend=backend)  # type: ignore[arg-type]


def _node_in(graph: nx.Graph, node_id: str) -> Any:
    """The node of ``graph`` whose id reads ``node_id`` (results carry ids as text)."""
    if node_id in graph:
        return node_id
    return next(n for n in graph if str(n) == node_id)
