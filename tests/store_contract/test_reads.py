"""Contract: search, neighbourhoods and filters answer what an analyst asks."""

from __future__ import annotations

from datetime import date

import pytest

from odyssey.errors import NotFoundError, ValidationError
from odyssey.graph import GraphFilter, GraphStore

from .sample import ES_CASE, IT_CASE, build


@pytest.fixture
def filled(store: GraphStore) -> GraphStore:
    store.put(build().batch)
    return store


def ids(subgraph) -> set[str]:  # type: ignore[no-untyped-def]
    return set(subgraph.entities)


def test_search_ignores_case_and_accents_and_reads_aliases(filled: GraphStore) -> None:
    s = build()
    assert [h.entity.id for h in filled.search("jose garcia")] == [s.jose.id]
    assert [h.entity.id for h in filled.search("ABDEL rahm")] == [
        s.mohamed.id
    ]  # alias, word prefixes
    assert [h.entity.id for h in filled.search("عبد الرحمن")] == [
        s.mohamed.id
    ]  # Arabic script alias
    assert filled.search("hassan", types=["Phone"]) == []
    assert filled.search("nobody here") == []


@pytest.mark.parametrize(
    "query", ['"', "AND OR NOT", "NEAR(a b)", "*", "a' OR 1=1 --", "", "   ", "x" * 10_000]
)
def test_search_takes_any_text_without_error(filled: GraphStore, query: str) -> None:
    assert isinstance(filled.search(query), list)


def test_unknown_types_are_refused_with_the_valid_ones(filled: GraphStore) -> None:
    with pytest.raises(ValidationError, match="use one of"):
        filled.search("ali", types=["Suspect"])
    with pytest.raises(ValidationError, match="use one of"):
        GraphFilter(link_types=frozenset({"KNOWS"}))


def test_neighbours_of_an_entity(filled: GraphStore) -> None:
    s = build()
    sub = filled.neighbours(s.phone.id)
    assert ids(sub) == {s.phone.id, s.mohamed.id, s.jose.id}
    assert {lk.type for lk in sub.links} == {"USES"}
    assert not sub.truncated


def test_two_hops_reach_across_cases(filled: GraphStore) -> None:
    s = build()
    sub = filled.expand([s.jose.id], hops=2)
    assert ids(sub) == {s.jose.id, s.phone.id, s.mohamed.id}
    sub3 = filled.expand([s.jose.id], hops=3)
    assert {s.ali.id} <= ids(sub3)
    # the induced subgraph: both TRAVELLED_WITH statements between Mohamed and Ali are there
    assert (
        sum(lk.type == "TRAVELLED_WITH" for lk in filled.expand([s.mohamed.id], hops=1).links) == 2
    )


def test_filters_narrow_the_neighbourhood(filled: GraphStore) -> None:
    s = build()
    only_it = GraphFilter(cases=frozenset({IT_CASE}))
    assert ids(filled.neighbours(s.phone.id, filters=only_it)) == {s.phone.id, s.mohamed.id}
    confident = GraphFilter(min_confidence=0.75)
    assert ids(filled.neighbours(s.ali.id, filters=confident)) == {s.ali.id, s.mohamed.id}
    persons = GraphFilter(entity_types=frozenset({"Person"}))  # the seed passes whatever its type
    assert ids(filled.neighbours(s.phone.id, filters=persons)) == {
        s.phone.id,
        s.mohamed.id,
        s.jose.id,
    }
    assert ids(filled.neighbours(s.ali.id, filters=persons)) == {s.ali.id, s.mohamed.id}
    travel = GraphFilter(link_types=frozenset({"TRAVELLED_WITH"}))
    assert ids(filled.neighbours(s.ali.id, filters=travel)) == {s.ali.id, s.mohamed.id}


def test_date_window_uses_when_it_happened_else_when_reported(filled: GraphStore) -> None:
    s = build()
    january = GraphFilter(start=date(2026, 1, 1), end=date(2026, 1, 31))
    sub = filled.neighbours(s.ali.id, filters=january)
    assert {lk.type for lk in sub.links} == {"TRAVELLED_WITH", "TRAVELLED_TO"}
    early = GraphFilter(end=date(2026, 1, 12))  # only the travel that happened on 10 Jan
    assert [lk.type for lk in filled.links(filters=early)] == ["TRAVELLED_WITH"]
    with pytest.raises(ValidationError, match="starts"):
        GraphFilter(start=date(2026, 2, 1), end=date(2026, 1, 1))


def test_expansion_stops_at_its_node_limit(filled: GraphStore) -> None:
    s = build()
    sub = filled.expand([s.phone.id], hops=3, max_nodes=2)
    assert len(sub.entities) == 2 and sub.truncated
    assert all(lk.source in sub.entities and lk.target in sub.entities for lk in sub.links)


def test_unknown_seed_is_a_clear_error(filled: GraphStore) -> None:
    with pytest.raises(NotFoundError, match="no entity 'Person:nobody'"):
        filled.neighbours("Person:nobody")


def test_links_of_an_entity_and_documents_of_a_case(filled: GraphStore) -> None:
    s = build()
    assert {lk.type for lk in filled.links(entity_id=s.vessel.id)} == {"USES"}
    assert [d.id for d in filled.documents(case_id=IT_CASE)] == [s.r3.id, s.r1.id]  # newest first
    assert [c.id for c in filled.cases()] == [ES_CASE, IT_CASE]
    assert filled.cases()[1].title == "Operation MARE NOSTRUM"
    assert {m.document_id for m in filled.mentions(entity_id=s.phone.id)} == {s.r1.id, s.r2.id}


def test_counts(filled: GraphStore) -> None:
    c = filled.counts()
    assert (c.documents, c.cases, c.mentions) == (3, 2, 9)
    assert c.entities == {"Location": 1, "Person": 3, "Phone": 1, "Vessel": 1}
    assert c.links == {"TRAVELLED_TO": 1, "TRAVELLED_WITH": 2, "USES": 3}
    assert c.documents_by_language == {"en": 2, "es": 1}
    assert c.documents_by_category == {"smuggling": 2, "trafficking": 1}


def test_time_series(filled: GraphStore) -> None:
    docs = filled.time_series("documents", by="month", group_by="crime_category")
    assert [(p.period, p.group, p.value) for p in docs] == [
        ("2026-01", "smuggling", 1),
        ("2026-02", "trafficking", 1),
        ("2026-04", "smuggling", 1),
    ]
    quarters = filled.time_series(
        "entities", by="quarter", filters=GraphFilter(entity_types=frozenset({"Person"}))
    )
    assert [(p.period, p.value) for p in quarters] == [("2026-Q1", 3), ("2026-Q2", 2)]
    links = filled.time_series("links", by="month", group_by="link_type")
    assert ("2026-01", "TRAVELLED_WITH", 1) in [(p.period, p.group, p.value) for p in links]
    cases = filled.time_series("cases", by="year")
    assert [(p.period, p.value) for p in cases] == [("2026", 2)]
    with pytest.raises(ValidationError, match="cannot be grouped"):
        filled.time_series("cases", group_by="link_type")
    with pytest.raises(ValidationError, match="unknown measure"):
        filled.time_series("victims")  # type: ignore[arg-type]
