"""Communities: which groups exist, and how clearly the graph splits into them.

>>> import networkx as nx
>>> g = nx.barbell_graph(5, 0)
>>> result = communities(g, method="louvain", seed=1)
>>> len(result.communities), round(result.modularity, 2)
(2, 0.45)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from odyssey.errors import ValidationError

from ._backend import Backend, choose, has_igraph, to_igraph
from ._results import Node

Method = Literal["louvain", "leiden", "label-propagation"]
METHODS: tuple[str, ...] = ("louvain", "leiden", "label-propagation")


@dataclass(frozen=True, slots=True)
class Communities:
    """A partition: ``communities`` largest first, members by id; its ``modularity``."""

    method: str
    backend: str
    modularity: float
    communities: list[list[Node]]

    def membership(self) -> dict[str, int]:
        """Community index of every entity id."""
        return {node.id: i for i, group in enumerate(self.communities) for node in group}


def communities(
    graph: nx.Graph,
    method: Method = "louvain",
    *,
    seed: int = 0,
    resolution: float = 1.0,
    weight: str | None = "weight",
    backend: Backend = "auto",
) -> Communities:
    """Partition ``graph`` into communities and measure the partition's modularity.

    Parameters
    ----------
    method : ``louvain`` (networkx, or igraph's multilevel on the fast path),
        ``leiden`` (leidenalg; it has no networkx implementation, so it always
        runs on igraph) or ``label-propagation``.
    seed : the same seed gives the same partition on the same engine.
    resolution : above 1 favours smaller communities (Louvain and Leiden).
    weight : edge attribute used as strength (the number of links by default).
    backend : ``auto`` | ``networkx`` | ``igraph`` (see ``_backend``).

    Returns
    -------
    Communities, the modularity computed by networkx's definition on either engine.
    """
    if method not in METHODS:
        raise ValidationError(f"unknown community method {method!r}; use {', '.join(METHODS)}")
    if graph.number_of_nodes() == 0:
        return Communities(method, "networkx", 0.0, [])
    engine = choose(backend, graph)
    if method == "leiden":
        if not has_igraph():
            raise ValidationError("leiden needs python-igraph and leidenalg; use --method louvain")
        engine = "igraph"
    if engine == "igraph":
        groups, modularity = _igraph_partition(graph, method, seed, resolution, weight)
    else:
        groups = _networkx_partition(graph, method, seed, resolution, weight)
        modularity = nx.community.modularity(graph, groups, weight=weight, resolution=resolution)
    return Communities(method, engine, float(modularity), _readable(graph, groups))


def _readable(graph: nx.Graph, groups: list[Any]) -> list[list[Node]]:
    """Largest community first (ties by smallest id); in each, the most connected members first.

    An analyst reads a community by its best-connected members (its organisers), so
    members go by number of contacts, then label and id, not by id alone.
    """
    adjacency = graph._adj  # number of contacts = len of the neighbour dict, read directly
    ordered = sorted(
        (list(group) for group in groups), key=lambda g: (-len(g), min(str(n) for n in g))
    )
    out = []
    for group in ordered:
        members = [(len(adjacency[n]), Node.of(graph, n)) for n in group]
        members.sort(key=lambda m: (-m[0], m[1].label, m[1].id))
        out.append([node for _, node in members])
    return out


def _networkx_partition(
    graph: nx.Graph, method: str, seed: int, resolution: float, weight: str | None
) -> list[set[Any]]:
    if method == "louvain":
        return list(
            nx.community.louvain_communities(graph, weight=weight, resolution=resolution, seed=seed)
        )
    return list(nx.community.asyn_lpa_communities(graph, weight=weight, seed=seed))


def _igraph_partition(
    graph: nx.Graph, method: str, seed: int, resolution: float, weight: str | None
) -> tuple[list[list[Any]], float]:
    import igraph as ig

    conv = to_igraph(graph, weight)
    weights = "weight" if weight is not None else None
    ig.set_random_number_generator(random.Random(seed))
    try:
        if method == "leiden":
            import leidenalg

            partition = leidenalg.find_partition(
                conv.graph,
                leidenalg.RBConfigurationVertexPartition,
                weights=weights,
                resolution_parameter=resolution,
                seed=seed,
            )
            membership = partition.membership
        elif method == "louvain":
            membership = conv.graph.community_multilevel(
                weights=weights, resolution=resolution
            ).membership
        else:
            membership = conv.graph.community_label_propagation(weights=weights).membership
    finally:
        ig.set_random_number_generator(random)
    modularity = conv.graph.modularity(membership, weights=weights, resolution=resolution)
    groups: dict[int, list[Any]] = {}
    for index, community in enumerate(membership):
        groups.setdefault(community, []).append(conv.nodes[index])
    return list(groups.values()), modularity
