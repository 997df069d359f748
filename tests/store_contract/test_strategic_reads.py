"""Contract: the reads strategic views group in memory (report metadata, who each report names)."""

from __future__ import annotations

from datetime import date

import pytest

from odyssey.errors import SchemaError
from odyssey.graph import DocumentFacts, GraphFilter, GraphStore, ReadScope

from .conftest_helpers import Opener
from .sample import ES_CASE, IT_CASE, build


@pytest.fixture
def filled(store: GraphStore) -> GraphStore:
    store.put(build().batch)
    return store


def test_document_facts_carry_what_reports_are_grouped_by_and_no_text(filled: GraphStore) -> None:
    s = build()
    facts = filled.document_facts()
    assert facts == sorted(
        [
            DocumentFacts(s.r1.id, date(2026, 1, 14), "smuggling", "NCB ROME", IT_CASE),
            DocumentFacts(s.r2.id, date(2026, 2, 3), "trafficking", "NCB MADRID", ES_CASE),
            DocumentFacts(s.r3.id, date(2026, 4, 20), "smuggling", "NCB ROME", IT_CASE),
        ],
        key=lambda f: f.id,
    )
    assert not hasattr(facts[0], "text")


def test_document_facts_honour_the_date_window_and_cases(filled: GraphStore) -> None:
    s = build()
    window = GraphFilter(start=date(2026, 2, 1), end=date(2026, 4, 30))
    assert {f.id for f in filled.document_facts(filters=window)} == {s.r2.id, s.r3.id}
    it_only = GraphFilter(cases=frozenset({IT_CASE}))
    assert {f.id for f in filled.document_facts(filters=it_only)} == {s.r1.id, s.r3.id}


def test_occurrences_pair_each_entity_with_the_reports_naming_it_once(filled: GraphStore) -> None:
    s = build()
    people = filled.occurrences(types=["Person"])
    assert len(people) == len(set(people))
    assert set(people) == set(
        [
            (s.mohamed.id, s.r1.id),
            (s.mohamed.id, s.r3.id),
            (s.ali.id, s.r1.id),
            (s.ali.id, s.r3.id),
            (s.jose.id, s.r2.id),
        ]
    )
    everything = filled.occurrences()
    assert (s.phone.id, s.r1.id) in everything and (s.phone.id, s.r2.id) in everything
    assert len(everything) == len(set(everything)) == 9
    assert filled.occurrences(types=["Vessel"]) == [(s.vessel.id, s.r3.id)]
    assert filled.occurrences(types=[]) == []
    window = GraphFilter(end=date(2026, 1, 31))
    assert {d for _, d in filled.occurrences(filters=window)} == {s.r1.id}
    with pytest.raises(SchemaError):
        filled.occurrences(types=["Spaceship"])


def test_strategic_reads_are_scoped(open_backend: Opener) -> None:
    open_backend().put(build().batch)
    s = build()
    official = open_backend(ReadScope.up_to("official"))
    assert [f.id for f in official.document_facts()] == [s.r1.id]
    seen = official.occurrences()
    assert {d for _, d in seen} == {s.r1.id}
    assert s.vessel.id not in {e for e, _ in seen}  # known only from the confidential report
