"""Projections from a real store: filters, folding links into weighted edges, the one-mode view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from odyssey.errors import ValidationError
from odyssey.graph import ReadScope, SqliteStore
from odyssey.graph.projection import person_view, project

from store_contract.sample import ES_CASE, IT_CASE, Sample, build


@pytest.fixture
def sample() -> Sample:
    return build()


@pytest.fixture
def db(tmp_path: Path, sample: Sample) -> Path:
    path = tmp_path / "case.db"
    with SqliteStore(path) as store:
        store.put(sample.batch)
    return path


def test_links_between_a_pair_fold_into_one_weighted_edge(db: Path, sample: Sample) -> None:
    with SqliteStore(db) as store:
        graph = project(store)
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
    edge = graph.edges[sample.mohamed.id, sample.ali.id]
    assert edge["weight"] == 2 and edge["types"] == ["TRAVELLED_WITH"]
    evidence = {(r["document"], r["case"]) for r in edge["links"]}
    assert evidence == {(sample.r1.id, IT_CASE), (sample.r3.id, IT_CASE)}
    dated = {r["document"]: r["date"] for r in edge["links"]}
    assert dated[sample.r1.id] == date(2026, 1, 10)  # occurred_at wins over the report's date
    assert dated[sample.r3.id] == date(2026, 4, 20)
    assert graph.nodes[sample.phone.id]["cases"] == {IT_CASE, ES_CASE}
    assert graph.graph["cases"][ES_CASE].crime_category == "trafficking"


def test_filters_reach_the_store(db: Path, sample: Sample) -> None:
    with SqliteStore(db) as store:
        spanish = project(store, cases=[ES_CASE])
        sure = project(store, min_confidence=0.85)
        people = project(store, entity_types=["Person"])
        january = project(store, start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert set(spanish) == {sample.jose.id, sample.phone.id}
    assert {lk["confidence"] for _, _, d in sure.edges(data=True) for lk in d["links"]} == {0.9}
    assert set(people) == {sample.mohamed.id, sample.ali.id}
    assert people.edges[sample.mohamed.id, sample.ali.id]["weight"] == 2
    assert january.edges[sample.mohamed.id, sample.ali.id]["weight"] == 1
    with SqliteStore(db) as store, pytest.raises(ValidationError):
        project(store, min_confidence=2.0)


def test_the_reader_scope_applies(db: Path, sample: Sample) -> None:
    with SqliteStore(db, ReadScope.up_to("official")) as store:
        graph = project(store)
    assert sample.vessel.id not in graph and sample.jose.id not in graph


def test_people_sharing_a_phone_are_joined_with_the_phone_as_reason(
    db: Path, sample: Sample
) -> None:
    with SqliteStore(db) as store:
        view = person_view(project(store))
    assert set(view) == {sample.mohamed.id, sample.ali.id, sample.jose.id}
    edge = view.edges[sample.mohamed.id, sample.jose.id]
    assert [s["id"] for s in edge["shared"]] == [sample.phone.id]
    assert edge["weight"] == 1
    assert {lk["type"] for lk in edge["links"]} == {"USES"}  # the evidence of both USES links
    assert view.edges[sample.mohamed.id, sample.ali.id]["shared"] == []  # a direct link
