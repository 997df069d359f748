"""Analytics on generated graphs with planted structure: each analysis must find what was planted."""

from __future__ import annotations

import doctest
import importlib
import math
import random
import re
from collections import Counter
from datetime import date
from itertools import pairwise
from typing import Any

import networkx as nx
import pytest

from odyssey.errors import NotFoundError, ValidationError
from odyssey.graph.analytics import (
    case_graph,
    centrality,
    collective_influence,
    communities,
    cross_case,
    disrupt,
    find_entity,
    periods,
    predict_links,
    shortest_paths,
    to_jsonable,
)
from odyssey.graph.projection import fold, person_view
from odyssey.model import Case, Document, Entity, Evidence, Link

MODULES = [
    "odyssey.graph.projection",
    "odyssey.graph.analytics",
    "odyssey.graph.analytics.communities",
    "odyssey.graph.analytics.centrality",
    "odyssey.graph.analytics.disruption",
    "odyssey.graph.analytics.paths",
    "odyssey.graph.analytics.prediction",
    "odyssey.graph.analytics.crosscase",
    "odyssey.graph.analytics.periods",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def nmi(truth: dict[Any, int], found: dict[Any, int]) -> float:
    """Normalised mutual information of two labellings (arithmetic mean normalisation)."""
    n = len(truth)
    joint = Counter((truth[x], found[x]) for x in truth)
    a, b = Counter(truth.values()), Counter(found.values())
    mi = sum(c / n * math.log(c * n / (a[i] * b[j])) for (i, j), c in joint.items())
    ha = -sum(c / n * math.log(c / n) for c in a.values())
    hb = -sum(c / n * math.log(c / n) for c in b.values())
    return 1.0 if ha + hb == 0 else 2 * mi / (ha + hb)


def planted(groups: int = 4, size: int = 30, seed: int = 1) -> tuple[nx.Graph, dict[str, int]]:
    graph = nx.planted_partition_graph(groups, size, 0.4, 0.01, seed=seed)
    graph = nx.relabel_nodes(graph, {n: f"n{n:03d}" for n in graph})
    return graph, {f"n{n:03d}": n // size for n in range(groups * size)}


@pytest.mark.parametrize("method", ["louvain", "leiden", "label-propagation"])
def test_communities_recover_a_planted_partition(method: str) -> None:
    graph, truth = planted()
    result = communities(graph, method, seed=3)  # type: ignore[arg-type]
    assert nmi(truth, result.membership()) >= 0.9
    assert result.modularity == pytest.approx(
        nx.community.modularity(graph, [{n.id for n in c} for c in result.communities])
    )
    assert result.modularity > 0.6
    again = communities(graph, method, seed=3)  # type: ignore[arg-type]
    assert again.membership() == result.membership()  # same seed, same partition


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_each_community_lists_its_best_connected_members_first(backend: str) -> None:
    graph = nx.Graph()
    for boss, crew in (("z-boss", "ab"), ("a-boss", "cdef")):
        members = [f"{boss}-{c}" for c in crew]
        graph.add_edges_from((boss, m) for m in members)
        graph.add_edges_from(pairwise(members))  # a chain among the crew
    graph.add_node("z-boss", label="Boss Z")
    result = communities(graph, "louvain", seed=1, backend=backend)  # type: ignore[arg-type]
    assert [[n.id for n in c] for c in result.communities] == [
        ["a-boss", "a-boss-d", "a-boss-e", "a-boss-c", "a-boss-f"],  # 4 contacts, then 3, then 2
        ["z-boss", "z-boss-a", "z-boss-b"],  # 2 contacts each: by label, "Boss Z" first
    ]


def brokered(seed: int = 2) -> nx.Graph:
    """Two dense gangs that talk only through one broker, who knows three members of each."""
    rng = random.Random(seed)
    graph = nx.Graph()
    for gang in ("a", "b"):
        members = [f"{gang}{i:02d}" for i in range(25)]
        graph.add_edges_from(
            (u, v) for i, u in enumerate(members) for v in members[i + 1 :] if rng.random() < 0.3
        )
        graph.add_edges_from(("broker", m) for m in rng.sample(members, 3))
    return graph


@pytest.mark.parametrize("k", [None, 20])
def test_the_planted_broker_ranks_first_by_betweenness(k: int | None) -> None:
    graph = brokered()
    top = centrality(graph, "betweenness", top=3, k=k, seed=5)
    assert top[0].node.id == "broker"
    assert top[0].score > 2 * top[1].score
    assert centrality(graph, "degree", top=1)[0].node.id != "broker"  # degree alone misses him


def test_every_measure_ranks_a_star_centre_first() -> None:
    graph = nx.star_graph(6)
    for measure in ("degree", "betweenness", "closeness", "eigenvector", "pagerank", "katz"):
        assert centrality(graph, measure, top=1)[0].node.id == "0", measure  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="unknown measure"):
        centrality(graph, "fame")  # type: ignore[arg-type]


def bridged_triangles() -> nx.Graph:
    """Triangles a-b-c and d-e-f joined by c-d, and g hanging off a (worked by hand below)."""
    return nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"),
                     ("d", "f"), ("a", "g")])  # fmt: skip


def test_disruption_curves_match_the_hand_worked_example() -> None:
    graph = bridged_triangles()
    # degrees a3 c3 d3 b2 e2 f2 g1; ties go by id. Sequential: a (b-c-d-e-f left: 5/7), then d
    # has degree 3 (splits b-c | e-f: 2/7), then b (c alone, e-f: 2/7).
    seq = disrupt(graph, "degree", mode="sequential", steps=3)
    assert [s.node.id for s in seq.removed] == ["a", "d", "b"]
    assert seq.lcc_fraction == pytest.approx([1, 5 / 7, 2 / 7, 2 / 7])
    # block: ranked once a, c, d: after c, d-e-f is left (3/7); after d, e-f (2/7)
    block = disrupt(graph, "degree", mode="block", steps=3)
    assert [s.node.id for s in block.removed] == ["a", "c", "d"]
    assert block.lcc_fraction == pytest.approx([1, 5 / 7, 3 / 7, 2 / 7])


def test_collective_influence_by_hand() -> None:
    graph = bridged_triangles()
    # CI2(i) = (k_i - 1) * sum of (k_j - 1) over j at distance 2
    assert collective_influence(graph) == {
        "a": 4.0, "b": 2.0, "c": 4.0, "d": 6.0, "e": 2.0, "f": 2.0, "g": 0.0
    }  # fmt: skip
    result = disrupt(graph, "collective-influence", steps=2)
    # d first ({a,b,c,g} left: 4/7); then every CI is 0 and a goes by id (b-c, e-f, g: 2/7)
    assert [s.node.id for s in result.removed] == ["d", "a"]
    assert result.lcc_fraction == pytest.approx([1, 4 / 7, 2 / 7])


def test_betweenness_disruption_cuts_the_bridge_first() -> None:
    result = disrupt(brokered(), "betweenness", mode="sequential", steps=1)
    assert result.removed[0].node.id == "broker"
    assert result.lcc_fraction[1] < 0.55
    assert disrupt(brokered(), "katz", steps=2).lcc_fraction[0] == 1.0


def twins(seed: int = 4) -> nx.Graph:
    """A sparse random graph with two planted 'twins' who share the same six contacts."""
    graph = nx.gnm_random_graph(200, 400, seed=seed)
    graph = nx.relabel_nodes(graph, {n: f"p{n:03d}" for n in graph})
    contacts = random.Random(seed).sample(sorted(graph), 6)
    graph.add_edges_from(("twin1", c) for c in contacts)
    graph.add_edges_from(("twin2", c) for c in contacts)
    return graph  # the edge twin1-twin2 is the one "removed" from the truth


@pytest.mark.parametrize("method", ["adamic-adar", "resource-allocation", "katz"])
def test_a_removed_planted_link_is_predicted_first(method: str) -> None:
    graph = twins()
    best = predict_links(graph, method, top=5)  # type: ignore[arg-type]
    assert (best[0].a.id, best[0].b.id) == ("twin1", "twin2")
    assert "6 common neighbour(s)" in best[0].reason
    assert all(not graph.has_edge(p.a.id, p.b.id) for p in best)


def test_prediction_scores_equal_networkx_on_the_same_pairs() -> None:
    graph = twins()
    for method, reference in (
        ("adamic-adar", nx.adamic_adar_index),
        ("resource-allocation", nx.resource_allocation_index),
    ):
        found = predict_links(graph, method, top=50, max_hub_degree=None)  # type: ignore[arg-type]
        expected = {(a, b): s for a, b, s in reference(graph, [(p.a.id, p.b.id) for p in found])}
        for p in found:
            assert p.score == pytest.approx(expected[p.a.id, p.b.id])


def test_the_katz_reason_counts_the_walks_its_score_is_made_of() -> None:
    graph = twins()
    found = predict_links(graph, "katz", top=5000, beta=0.1)  # down to walks alone
    assert any(p.reason.startswith("no common neighbour") for p in found)
    for p in found:
        common = re.match(r"(\d+) common", p.reason)
        walks = re.search(r"(\d+) walks of length 3", p.reason)
        assert walks is not None, p.reason
        two = int(common.group(1)) if common else 0
        assert p.score == pytest.approx(0.1**2 * two + 0.1**3 * int(walks.group(1)))


# -- records through a projection: paths with evidence, cross-case, periods ---------------------


def casefile() -> tuple[nx.Graph, dict[str, Document]]:
    """Two gangs in two countries' cases, a phone both use (the planted bridge), a same-case repeat."""
    cases = [
        Case("IT-1", "Mare", "smuggling", "IT"),
        Case("ES-1", "Telaraña", "trafficking", "ES"),
        Case("IT-2", "Onda", "smuggling", "IT"),
    ]
    docs = {
        name: Document.from_text(
            f"report {name}: " + "x" * 60, source=f"{name}.txt", case_id=case, date=day,
            crime_category=category,
        )
        for name, case, day, category in (
            ("it1", "IT-1", date(2026, 1, 5), "smuggling"),
            ("it1b", "IT-1", date(2026, 2, 9), "smuggling"),
            ("es1", "ES-1", date(2026, 2, 3), "trafficking"),
            ("it2", "IT-2", date(2026, 3, 1), "smuggling"),
        )
    }  # fmt: skip
    people = {n: Entity(f"Person:{n}", "Person", n.upper()) for n in "abcdefgz"}
    phone = Entity("Phone:+218912345678", "Phone", "+218912345678")
    entities = [*people.values(), phone]

    def link(kind: str, a: Entity, b: Entity, doc: str, at: int) -> Link:
        return Link(kind, a.id, b.id, Evidence(docs[doc].id, at, at + 10), "test", 0.8)

    p = people
    links = [
        link("ASSOCIATED_WITH", p["a"], p["b"], "it1", 0),
        link("ASSOCIATED_WITH", p["b"], p["c"], "it1", 10),
        link("ASSOCIATED_WITH", p["a"], p["c"], "it1b", 20),
        link("USES", p["c"], phone, "it1", 30),
        link("USES", p["d"], phone, "es1", 0),
        link("ASSOCIATED_WITH", p["d"], p["e"], "es1", 10),
        link("ASSOCIATED_WITH", p["e"], p["f"], "es1", 20),
        link("ASSOCIATED_WITH", p["z"], p["a"], "it1b", 40),
        link("ASSOCIATED_WITH", p["z"], p["g"], "it2", 0),
    ]
    return fold(entities, links, docs.values(), cases), docs


def test_crosscase_finds_the_planted_bridge_with_why() -> None:
    graph, _ = casefile()
    result = cross_case(graph)
    head = result.shared[0]
    assert head.node.id == "Phone:+218912345678"
    assert head.cross_crime and head.cross_border
    assert [c.id for c in head.cases] == ["ES-1", "IT-1"]
    assert "different crime types (smuggling, trafficking)" in head.why
    # z sits in two Italian smuggling cases: shared, but no headline
    assert [(s.node.id, s.cross_crime, s.cross_border) for s in result.shared[1:]] == [
        ("Person:z", False, False)
    ]
    cases = case_graph(result)
    assert set(cases.edges) == {("ES-1", "IT-1"), ("IT-1", "IT-2")}
    assert "across crime types" in cases.edges["ES-1", "IT-1"]["why"]
    assert person_view(graph).edges["Person:c", "Person:d"]["shared"][0]["type"] == "Phone"


def test_a_shared_phone_outranks_a_shared_city_however_many_cases_the_city_is_in() -> None:
    graph, docs = casefile()
    # Tripoli is in all three cases, across crime types and borders: by counts alone, the headline
    graph.add_node("Location:tripoli", type="Location", label="Tripoli", cases=set())
    graph.add_node(
        "Organization:police", type="Organization", label="Polizia di Stato", cases=set()
    )
    for person, doc, case in (("a", "it1", "IT-1"), ("d", "es1", "ES-1"), ("g", "it2", "IT-2")):
        record = {"document": docs[doc].id, "case": case, "date": docs[doc].date}
        graph.add_edge(f"Person:{person}", "Location:tripoli", weight=1, links=[record])
        graph.add_edge(f"Person:{person}", "Organization:police", weight=1, links=[record])
    result = cross_case(graph)
    assert [(s.node.id, s.strength) for s in result.shared] == [
        ("Phone:+218912345678", "strong"),
        ("Person:z", "strong"),
        ("Organization:police", "moderate"),
        ("Location:tripoli", "weak"),
    ]
    assert result.cases == ["ES-1", "IT-1", "IT-2"]
    city = result.shared[-1]
    assert city.cross_crime and city.cross_border and len(city.cases) == 3
    assert city.why.endswith("(weak: a shared place is weak evidence on its own)")
    assert "strong: a shared identifier" in result.shared[0].why
    # the case pair joined by the phone comes first, the phone first in its reason
    first = result.case_links[0]
    assert ({first.a.id, first.b.id}, first.strength) == ({"ES-1", "IT-1"}, "strong")
    assert first.shared[0].id == "Phone:+218912345678"
    assert first.why.startswith("ES-1 and IT-1 share Phone +218912345678, Organization")
    assert [(link.a.id, link.b.id, link.strength) for link in result.case_links] == [
        ("ES-1", "IT-1", "strong"),
        ("IT-1", "IT-2", "strong"),
        ("ES-1", "IT-2", "moderate"),  # only the police and the city: last, though cross-crime
    ]
    assert case_graph(result).edges["ES-1", "IT-2"]["strength"] == "moderate"


def test_paths_carry_the_evidence_of_every_hop() -> None:
    graph, docs = casefile()
    paths = shortest_paths(graph, "Person:a", "Person:e", k=2)
    assert paths[0].nodes == ["Person:a", "Person:c", "Phone:+218912345678", "Person:d", "Person:e"]
    assert len(paths) == 2 and paths[1].length == 5  # the second goes round through b
    first = paths[0].hops[0]
    assert [(lk["document"], lk["start"], lk["end"]) for lk in first.links] == [
        (docs["it1b"].id, 20, 30)
    ]
    assert {lk["case"] for hop in paths[0].hops for lk in hop.links} == {"IT-1", "ES-1"}
    assert shortest_paths(graph, "Person:a", "Person:g", k=1)[0].nodes[1] == "Person:z"
    graph.add_node("Person:lonely")
    assert shortest_paths(graph, "Person:a", "Person:lonely") == []
    with pytest.raises(NotFoundError):
        shortest_paths(graph, "Person:a", "Person:nobody")


def test_a_hop_lists_its_evidence_earliest_first_and_undated_last() -> None:
    records = [
        {"id": "l1", "date": date(2026, 3, 1), "document": "d2", "start": 0},
        {"id": "l2", "date": None, "document": "d1", "start": 0},
        {"id": "l3", "date": date(2026, 1, 9), "document": "d3", "start": 40},
        {"id": "l4", "date": date(2026, 1, 9), "document": "d3", "start": 7},
    ]
    graph = nx.Graph()
    graph.add_edge("a", "b", links=records)
    hop = shortest_paths(graph, "a", "b")[0].hops[0]
    assert [r["id"] for r in hop.links] == ["l4", "l3", "l1", "l2"]


def test_periods_say_who_rose_and_who_fell() -> None:
    graph, _ = casefile()
    result = periods(graph, by="month", measure="degree", top=3)
    assert [s.period for s in result.slices] == ["2026-01", "2026-02", "2026-03"]
    assert [(s.entities, s.links) for s in result.slices] == [(4, 3), (7, 5), (2, 1)]
    jan_feb = result.changes[0]
    assert jan_feb.rose[0].node.id in {"Person:d", "Person:e", "Person:z"}
    assert "Person:b" in {m.node.id for m in jan_feb.fell}  # b is in no February report
    feb_mar = result.changes[1]
    assert feb_mar.rose[0].node.id == "Person:g"
    quarters = periods(graph, by="quarter")
    assert [s.period for s in quarters.slices] == ["2026-Q1"] and quarters.changes == []
    assert to_jsonable(result)["slices"][0]["period"] == "2026-01"


def test_periods_with_no_data_are_shown_but_never_compared() -> None:
    graph = nx.Graph()
    dated = {
        ("a", "b"): [date(2025, 11, 3)],
        ("b", "c"): [date(2025, 11, 20), date(2026, 2, 1)],  # nothing in December or January
        ("c", "d"): [date(2026, 2, 14), date(2026, 5, 2)],  # nor in March or April
        ("d", "e"): [date(2026, 5, 9)],
    }
    for (u, v), days in dated.items():
        graph.add_edge(u, v, links=[{"date": day} for day in days])
    result = periods(graph, by="month", measure="degree", top=5)
    assert [(s.period, s.links) for s in result.slices] == [
        ("2025-11", 2), ("2025-12", 0), ("2026-01", 0), ("2026-02", 2),
        ("2026-03", 0), ("2026-04", 0), ("2026-05", 2),
    ]  # fmt: skip
    assert result.slices[1].top == [] and result.slices[1].entities == 0
    assert [(c.before, c.after, c.skipped) for c in result.changes] == [
        ("2025-11", "2026-02", ["2025-12", "2026-01"]),
        ("2026-02", "2026-05", ["2026-03", "2026-04"]),
    ]
    nov_feb = result.changes[0]
    # degree in November: a 1/2, b 2/2, c 1/2; in February: b 1/2, c 2/2, d 1/2
    assert {m.node.id: (m.before, m.after) for m in nov_feb.fell} == {
        "a": (0.5, 0.0),
        "b": (1.0, 0.5),
    }
    assert {m.node.id: (m.before, m.after) for m in nov_feb.rose} == {
        "c": (0.5, 1.0),
        "d": (0.0, 0.5),
    }
    quarters = periods(graph, by="quarter")
    assert [(s.period, s.links) for s in quarters.slices] == [
        ("2025-Q4", 2), ("2026-Q1", 2), ("2026-Q2", 2),
    ]  # fmt: skip
    assert all(c.skipped == [] for c in quarters.changes)
    assert periods(nx.Graph([("a", "b")])).slices == []  # nothing dated: no periods at all


def test_an_entity_is_found_by_id_label_or_search_and_ambiguity_lists_candidates() -> None:
    graph, _ = casefile()
    assert find_entity(graph, "Person:a") == "Person:a"
    assert find_entity(graph, "  z ") == "Person:z"  # exact label, case ignored
    assert find_entity(graph, "phone 912", search=lambda _: ["Phone:+218912345678"]) == (
        "Phone:+218912345678"
    )
    graph.add_node("Person:a2", type="Person", label="A")
    with pytest.raises(ValidationError, match=r"ambiguous: A \[Person:a\]; A \[Person:a2\]"):
        find_entity(graph, "a")
    with pytest.raises(NotFoundError):
        find_entity(graph, "nobody", search=lambda _: [])
