"""The igraph fast path gives the networkx reference's answers on small graphs."""

from __future__ import annotations

import networkx as nx
import pytest
from test_analytics import nmi, planted

from odyssey.graph.analytics import centrality_scores, communities, disrupt
from odyssey.graph.analytics._backend import FAST_MIN_EDGES, choose


def graphs() -> list[nx.Graph]:
    karate = nx.karate_club_graph()
    for u, v in karate.edges:
        karate.edges[u, v]["weight"] = 1 + (u * v) % 4
    scattered = nx.gnm_random_graph(80, 150, seed=3)  # several components and isolated nodes
    return [karate, scattered, nx.barbell_graph(6, 2)]


@pytest.mark.parametrize("index", range(3))
@pytest.mark.parametrize(
    "measure", ["degree", "betweenness", "closeness", "eigenvector", "pagerank", "katz"]
)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_centrality_agrees(index: int, measure: str, weight: str | None) -> None:
    graph = graphs()[index]
    if measure == "eigenvector" and not nx.is_connected(graph):
        pytest.skip("eigenvector centrality is only defined per component")
    if measure == "degree" and weight:
        pytest.skip("degree centrality counts links")
    ref = centrality_scores(graph, measure, weight=weight, backend="networkx")  # type: ignore[arg-type]
    fast = centrality_scores(graph, measure, weight=weight, backend="igraph")  # type: ignore[arg-type]
    assert set(ref) == set(fast)
    for node in ref:
        assert fast[node] == pytest.approx(ref[node], abs=1e-7), node


@pytest.mark.parametrize("k", [2, 10, 40])
def test_sampled_betweenness_uses_the_same_sources_on_both_paths(k: int) -> None:
    for graph in graphs():
        ref = centrality_scores(graph, "betweenness", k=k, seed=11, backend="networkx")
        fast = centrality_scores(graph, "betweenness", k=k, seed=11, backend="igraph")
        for node in ref:
            assert fast[node] == pytest.approx(ref[node], abs=1e-12)


@pytest.mark.parametrize("method", ["louvain", "label-propagation"])
def test_communities_agree(method: str) -> None:
    graph, truth = planted(groups=5, size=40, seed=8)
    ref = communities(graph, method, seed=1, backend="networkx")  # type: ignore[arg-type]
    fast = communities(graph, method, seed=1, backend="igraph")  # type: ignore[arg-type]
    assert (ref.backend, fast.backend) == ("networkx", "igraph")
    assert nmi(ref.membership(), fast.membership()) >= 0.95
    assert nmi(truth, fast.membership()) >= 0.9
    assert fast.modularity == pytest.approx(ref.modularity, abs=0.01)


def test_modularity_is_the_same_definition_on_both_paths() -> None:
    graph, _ = planted()
    fast = communities(graph, "leiden", seed=2)
    groups = [{n.id for n in c} for c in fast.communities]
    assert fast.modularity == pytest.approx(nx.community.modularity(graph, groups))


@pytest.mark.parametrize("strategy", ["degree", "betweenness", "katz"])
def test_disruption_agrees(strategy: str) -> None:
    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    ref = disrupt(graph, strategy, steps=5, backend="networkx")  # type: ignore[arg-type]
    fast = disrupt(graph, strategy, steps=5, backend="igraph")  # type: ignore[arg-type]
    assert [s.node.id for s in ref.removed] == [s.node.id for s in fast.removed]
    assert ref.lcc_fraction == fast.lcc_fraction


def test_auto_takes_the_fast_path_on_big_graphs_only() -> None:
    assert choose("auto", nx.karate_club_graph()) == "networkx"
    big = nx.gnm_random_graph(5000, FAST_MIN_EDGES, seed=1)
    assert choose("auto", big) == "igraph"
    assert choose("networkx", big) == "networkx"
