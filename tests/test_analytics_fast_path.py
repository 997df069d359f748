"""The igraph fast path gives the networkx reference's answers on small graphs."""

from __future__ import annotations

import networkx as nx
import pytest
from test_analytics import nmi, planted

from odyssey.errors import ValidationError
from odyssey.graph.analytics import centrality_scores, communities, disrupt
from odyssey.graph.analytics._backend import (
    CACHE_KEY,
    FAST_MIN_EDGES,
    adjacency_matrix,
    choose,
    edge_arrays,
    edge_weights,
    to_igraph,
)


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


# -- the conversion: one pass into index arrays, cached until the graph changes ------------------


def conversion_graphs() -> list[nx.Graph]:
    """String ids, integers 0..n-1, sparse integers and mixed labels, with self-loops and weights."""
    base = nx.gnm_random_graph(60, 140, seed=5)
    base.add_edges_from([(3, 3), (17, 17)])
    for u, v in base.edges:
        base.edges[u, v]["weight"] = 0.5 + (u + 2 * v) % 5
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(base, key=lambda n: (n * 37) % 61))  # 0..n-1, not in order
    shuffled.add_edges_from(base.edges(data=True))
    return [
        base,
        shuffled,
        nx.relabel_nodes(base, {n: f"Person:{n:03d}" for n in base}),
        nx.relabel_nodes(base, {n: n * 1_000_003 for n in base}),  # too sparse for a lookup table
        nx.relabel_nodes(base, {n: (n if n % 2 else f"x{n}") for n in base}),
    ]


@pytest.mark.parametrize("index", range(5))
def test_edge_arrays_are_the_edges_in_networkx_order(index: int) -> None:
    graph = conversion_graphs()[index]
    arrays = edge_arrays(graph)
    assert arrays.nodes == list(graph)
    pairs = [
        (arrays.nodes[s], arrays.nodes[t])
        for s, t in zip(arrays.source, arrays.target, strict=True)
    ]
    assert pairs == list(graph.edges())
    weights = edge_weights(graph, "weight", arrays)
    assert weights.tolist() == [w for _, _, w in graph.edges(data="weight")]
    conv = to_igraph(graph, "weight")
    assert conv.graph.ecount() == graph.number_of_edges()
    assert [
        (conv.nodes[e.source], conv.nodes[e.target], e["weight"]) for e in conv.graph.es
    ] == list(graph.edges(data="weight"))


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("index", range(5))
def test_the_adjacency_matrix_equals_networkx(index: int, weight: str | None) -> None:
    graph = conversion_graphs()[index]
    ours = adjacency_matrix(graph, weight)
    ref = nx.to_scipy_sparse_array(graph, weight=weight, dtype=float)
    assert (ours != ref).nnz == 0


def test_the_conversion_is_cached_until_the_graph_changes() -> None:
    graph = conversion_graphs()[2]
    first = to_igraph(graph, None)
    assert to_igraph(graph, None).graph is first.graph  # cached: no second conversion
    graph.add_edge("Person:000", "Person:new")
    changed = to_igraph(graph, None)
    assert changed.graph is not first.graph
    assert changed.graph.vcount() == graph.number_of_nodes()
    assert changed.graph.ecount() == graph.number_of_edges()
    graph.remove_node("Person:new")
    assert to_igraph(graph, None).graph.ecount() == graph.number_of_edges()


def test_weights_edited_in_place_are_read_afresh() -> None:
    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    before = centrality_scores(graph, "pagerank", weight="weight", backend="igraph")
    for u, v in graph.edges("0"):
        graph.edges[u, v]["weight"] = 50  # in place: networkx does not clear its cache
    after = centrality_scores(graph, "pagerank", weight="weight", backend="igraph")
    ref = centrality_scores(graph, "pagerank", weight="weight", backend="networkx")
    assert after["0"] > before["0"]
    assert after == pytest.approx(ref, abs=1e-7)


def test_views_and_switched_off_caches_are_not_cached() -> None:
    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    view = graph.subgraph([str(n) for n in range(20)])
    to_igraph(view, None)
    graph.add_edge("0", "19")  # the view changes with the graph; its cache would not know
    assert to_igraph(view, None).graph.ecount() == view.number_of_edges()
    assert CACHE_KEY not in view.__networkx_cache__
    nx.config.cache_converted_graphs = False
    try:
        fresh = nx.relabel_nodes(nx.karate_club_graph(), str)
        to_igraph(fresh, None)
        assert CACHE_KEY not in fresh.__networkx_cache__
    finally:
        nx.config.cache_converted_graphs = True


def test_directed_graphs_stay_on_networkx() -> None:
    big = nx.gnm_random_graph(5000, FAST_MIN_EDGES, seed=1, directed=True)
    assert choose("auto", big) == "networkx"
    with pytest.raises(ValidationError, match="simple undirected graph"):
        choose("igraph", nx.MultiGraph([(1, 2), (1, 2)]))
