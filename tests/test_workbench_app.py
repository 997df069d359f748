"""The facade's reads for the app: typo-tolerant search, charts from the cached projection, routes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import odyssey
from odyssey.disclosure import suppress
from odyssey.errors import NotFoundError
from odyssey.graph import Batch, GraphFilter, ReadScope
from odyssey.model import Document, Entity, Evidence, Link, Mention, entity_id

from store_contract.sample import Sample, build


@pytest.fixture
def sample(tmp_path: Path) -> tuple[odyssey.Workbench, Sample]:
    s = build()
    wb = odyssey.open(tmp_path / "o.db")
    wb.store.put(s.batch)
    yield wb, s
    wb.close()


def test_search_forgives_typos_after_the_full_text_hits(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    wb, s = sample
    assert wb.find_entities("garcia")[0].entity.id == s.jose.id  # full text, accents ignored
    assert wb.find_entities("abdelrahmen")[0].entity.id == s.mohamed.id  # one letter wrong
    assert wb.find_entities("hasan")[0].entity.id == s.ali.id  # one letter missing
    assert wb.find_entities("mohamad abdelrahman")[0].entity.id == s.mohamed.id
    assert wb.find_entities("hasan", types=["Vessel"]) == []
    assert wb.find_entities("zzzzzz") == [] and wb.find_entities("  ") == []


def test_a_chart_is_the_seeds_neighbourhood_strongest_links_first(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    wb, s = sample
    chart, truncated = wb.chart([s.phone.id])
    assert set(chart) == {s.phone.id, s.mohamed.id, s.jose.id} and not truncated
    assert chart.edges[s.phone.id, s.mohamed.id]["links"][0]["document"] == s.r1.id
    two, _ = wb.chart([s.phone.id], hops=2)
    assert s.ali.id in two
    small, truncated = wb.chart([s.ali.id], max_nodes=3)
    assert truncated and len(small) == 3
    assert s.mohamed.id in small  # joined by the strongest links (0.8) before Zuwara (0.5)


def test_chart_filters_keep_the_seeds_and_added_entities_come_alone(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    wb, s = sample
    people, _ = wb.chart([s.phone.id], hops=2, filters=GraphFilter(entity_types={"Person"}))
    assert s.phone.id in people and {t for _n, t in people.nodes(data="type")} == {
        "Phone",
        "Person",
    }
    sure, _ = wb.chart([s.ali.id], filters=GraphFilter(min_confidence=0.75))
    assert set(sure) == {s.ali.id, s.mohamed.id}
    with_vessel, _ = wb.chart([s.jose.id], add=[s.vessel.id])
    assert s.vessel.id in with_vessel and s.ali.id not in with_vessel
    with pytest.raises(NotFoundError):
        wb.chart(["Person:nobody"])


def test_a_chart_shows_only_what_the_reader_may_see(tmp_path: Path) -> None:
    s = build()
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.store.put(s.batch)
    with odyssey.open(tmp_path / "o.db", scope=ReadScope.up_to("restricted")) as wb:
        chart, _ = wb.chart([s.ali.id], hops=2)
        assert s.vessel.id not in chart  # known only from the CONFIDENTIAL report
        assert wb.documents_by_id([s.r1.id, s.r3.id]).keys() == {s.r1.id}


def test_the_cached_projection_is_shared_until_refreshed(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    wb, s = sample
    first = wb.cached_graph()
    assert wb.cached_graph() is first
    extra = Document.from_text(
        "Ali HASSAN called José GARCÍA.", source="x.txt", date=date(2026, 5, 1)
    )
    link = Link("ASSOCIATED_WITH", s.ali.id, s.jose.id, Evidence(extra.id, 0, 30), "test", 0.4)
    wb.store.put(Batch(documents=[extra], links=[link]))
    assert not wb.cached_graph().has_edge(s.ali.id, s.jose.id)  # cached: not yet seen
    wb.refresh()
    assert wb.cached_graph().has_edge(s.ali.id, s.jose.id)


def test_warm_prepares_what_the_first_visit_of_each_page_reads(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    import gc

    from odyssey.graph.analytics.crosscase import LEAD_TYPES

    wb, s = sample
    wb.warm()
    assert gc.get_freeze_count() > 0  # the caches are kept out of the collector's way
    graph = wb.cached_graph()
    ranked = wb.crosscase_ranked(entity_types=list(LEAD_TYPES))  # as the page asks, a list
    assert wb.crosscase_ranked(entity_types=LEAD_TYPES) is ranked  # built once, at warm
    assert wb.cached_graph() is graph
    assert {s.node.type for s in ranked.shared} <= set(LEAD_TYPES)
    assert wb.trends().totals["reports"] == suppress(len(s.batch.documents))
    wb.refresh()
    assert gc.get_freeze_count() == 0  # what was cached can be collected again


def test_routes_follow_the_words_of_the_sentence(tmp_path: Path) -> None:
    text = "Ali HASSAN reached Lampedusa after leaving Zuwara and transiting through Tripoli."
    doc = Document.from_text(text, source="route.txt", date=date(2026, 3, 1))
    ali = Entity(entity_id("Person", "ali hassan"), "Person", "Ali HASSAN")
    places = {
        name: Entity(entity_id("Location", name.lower()), "Location", name)
        for name in ("Lampedusa", "Zuwara", "Tripoli")
    }

    def mention(needle: str, ent: Entity) -> Mention:
        start = text.index(needle)
        return Mention.at(doc, start, start + len(needle), type=ent.type, method="test",
                          confidence=0.9, entity_id=ent.id)  # fmt: skip

    link = Link(
        "TRAVELLED_TO", ali.id, places["Lampedusa"].id, Evidence(doc.id, 0, len(text)), "test", 0.75
    )
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.store.put(
            Batch(
                documents=[doc],
                entities=[ali, *places.values()],
                mentions=[mention("Ali HASSAN", ali), *(mention(n, e) for n, e in places.items())],
                links=[link],
            )
        )
        (route,) = wb.routes([(doc.id, 0, len(text))])
    assert list(route.stops) == [
        places["Zuwara"].id,
        places["Tripoli"].id,
        places["Lampedusa"].id,
    ]
    assert (route.document_id, route.start, route.end) == (doc.id, 0, len(text))


@pytest.mark.parametrize(
    "filters",
    [
        GraphFilter(min_confidence=0.75),
        GraphFilter(cases={"ES-TEH-2026-007"}),
        GraphFilter(start=date(2026, 1, 12), end=date(2026, 3, 1)),
        GraphFilter(link_types={"USES"}),
        GraphFilter(entity_types={"Phone"}),
    ],
)
def test_charts_filter_as_the_store_does(
    sample: tuple[odyssey.Workbench, Sample], filters: GraphFilter
) -> None:
    wb, s = sample
    for seed in (s.mohamed.id, s.phone.id, s.ali.id):
        chart, _ = wb.chart([seed], hops=2, filters=filters)
        stored = wb.store.expand([seed], hops=2, filters=filters)
        assert set(chart) == set(stored.entities), (seed, filters)
        assert sum(w for _a, _b, w in chart.edges(data="weight")) == len(stored.links)


def test_an_analysis_graph_keeps_only_what_passes_the_filters(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    wb, s = sample
    for case in {c.id for c in s.batch.cases}:
        filters = GraphFilter(cases=frozenset({case}))
        mine = wb._analysis_graph(filters)
        stored = wb.graph(cases=[case])
        assert {n: d["cases"] for n, d in mine.nodes(data=True)} == {
            n: d["cases"] for n, d in stored.nodes(data=True)
        }
        assert {frozenset((a, b)): w for a, b, w in mine.edges(data="weight")} == {
            frozenset((a, b)): w for a, b, w in stored.edges(data="weight")
        }


def test_the_collector_is_paused_only_while_a_cached_read_is_built(
    sample: tuple[odyssey.Workbench, Sample],
) -> None:
    import gc

    wb, _ = sample
    seen: list[bool] = []
    wb._app_cache()._get(("probe",), wb, lambda: seen.append(gc.isenabled()))
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a program that runs with the collector off keeps it off
    try:
        wb._app_cache()._get(("probe", 2), wb, lambda: seen.append(gc.isenabled()))
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()
