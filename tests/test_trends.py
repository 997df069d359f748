"""Strategic trends: exact distinct counts per period and group, filters, KPIs, suppression."""

from __future__ import annotations

import doctest
import time
from datetime import date
from pathlib import Path

import pytest

import odyssey
from odyssey.errors import ValidationError
from odyssey.graph import Batch
from odyssey.graph.analytics import trends as trends_module
from odyssey.graph.analytics.trends import (
    Report,
    StrategicData,
    active_communities,
    period_of,
    publish,
    tally,
)
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention, entity_id


def test_the_docstring_examples_run() -> None:
    assert doctest.testmod(trends_module).failed == 0


def _data() -> StrategicData:
    """Italy and Libya report smuggling, Nigeria trafficking; v1 is exploited, p1 in two regions."""
    reports = {
        "it1": Report("it1", date(2026, 1, 5), "smuggling", "IT", "IT-1"),
        "it2": Report("it2", date(2026, 1, 20), "smuggling", "IT", "IT-1"),
        "ly1": Report("ly1", date(2026, 2, 2), "smuggling", "LY", "LY-1"),
        "ng1": Report("ng1", date(2026, 4, 9), "trafficking", "NG", "NG-1"),
        "xx": Report("xx", None, "other", None, None),
    }
    return StrategicData(
        reports=reports,
        people=[
            ("p1", "it1"),
            ("p1", "it2"),
            ("p1", "ng1"),
            ("p2", "ly1"),
            ("v1", "ng1"),
            ("v1", "it2"),
        ],
        victims=frozenset({"v1"}),
        others=[("phone", "it1"), ("phone", "ng1"), ("phone", "xx")],
        nationality={"p1": "NG", "v1": "NG"},
        route_legs=[("Tripoli", "Lampedusa", "ly1"), ("Tripoli", "Lampedusa", "it1")],
    )


def test_distinct_people_per_period_and_group_are_exact() -> None:
    t = tally(_data(), breakdown="interpol")
    assert t.periods == ["2026-01", "2026-02", "2026-04"]
    assert t.groups == ["Africa", "Europe", "Middle East and North Africa"]
    # p1 is named in two Italian reports of January: one suspect for Europe that month
    assert t.series["suspects"]["2026-01", "Europe"] == 1
    assert t.series["suspects"]["2026-04", "Africa"] == 1
    assert t.series["victims"]["2026-01", "Europe"] == 1
    assert t.series["reports"]["2026-01", "Europe"] == 2
    assert t.series["cases"]["2026-01", "Europe"] == 1
    assert t.series["reports"]["2026-02", "Europe"] == 0  # a zero, not a missing cell
    # the undated report counts nowhere
    assert t.totals == {"reports": 4, "cases": 3, "suspects": 2, "victims": 1}


def test_filters_keep_reports_of_a_category_a_region_and_a_window() -> None:
    data = _data()
    assert tally(data, categories=["trafficking"]).totals["reports"] == 1
    assert tally(data, region="EUROPOL").totals == {
        "reports": 2,
        "cases": 1,
        "suspects": 1,
        "victims": 1,
    }
    assert tally(data, region="AFRIPOL").totals["reports"] == 2  # Libya and Nigeria
    window = tally(data, start=date(2026, 2, 1), end=date(2026, 4, 30), by="quarter")
    assert window.periods == ["2026-Q1", "2026-Q2"] and window.totals["reports"] == 2
    with pytest.raises(ValidationError, match="unknown region"):
        tally(data, region="Atlantis")
    with pytest.raises(ValidationError, match="breakdown"):
        tally(data, breakdown="colour")
    with pytest.raises(ValidationError, match="after it ends"):
        tally(data, start=date(2026, 5, 1), end=date(2026, 1, 1))


def test_routes_nationalities_and_new_kpis() -> None:
    data = _data()
    t = tally(data)
    assert t.routes == [("Tripoli", "Lampedusa", 2)]
    assert ("NG", "suspects", 1) in t.nationalities and ("NG", "victims", 1) in t.nationalities
    assert t.nationality_unknown == 1  # p2
    # everything first appears in the window when there is no window
    assert t.new_entities == 4  # p1, p2, v1, phone (its undated report does not count)
    # IT-1 and NG-1 share p1, phone and v1; LY-1 shares nothing
    assert t.new_case_links == 1
    later = tally(data, start=date(2026, 2, 1))
    assert later.new_entities == 1  # p2: the others were first reported in January
    assert later.new_case_links == 1  # IT-1 and NG-1 first shared someone in April


def test_published_trends_never_show_a_count_below_five() -> None:
    data = _data()
    published = publish(tally(data, breakdown="crime_category"), data, by="month", breakdown="x")
    values = [v for *_, v in published.rows]
    assert "<5" in values and 0 in values
    assert all(v == "<5" or v == 0 or v >= 5 for v in values)  # type: ignore[operator]
    assert published.totals["reports"] == "<5"
    assert published.routes == [] and published.routes_hidden == 1  # a width would tell
    assert published.new_entities == "<5"
    assert published.span == (date(2026, 1, 5), date(2026, 4, 9))


def test_communities_are_ranked_by_their_members_named_in_the_selection() -> None:
    data = _data()
    membership = {"p1": 0, "phone": 0, "v1": 1, "p2": 1, "nobody": 2}
    found = active_communities(data, membership)
    assert [(c.entities, c.people, c.cases) for c in found] == [(2, 1, 2), (2, 2, 3)]
    assert found[0].countries == ("IT", "NG") and found[1].categories == (
        "smuggling",
        "trafficking",
    )
    africa = active_communities(data, membership, region="AFRIPOL")
    assert [(c.entities, c.countries) for c in africa] == [(2, ("NG",)), (2, ("LY", "NG"))]
    assert active_communities(data, membership, start=date(2027, 1, 1)) == []


@pytest.mark.parametrize(
    ("by", "expected"), [("month", "2026-03"), ("quarter", "2026-Q1"), ("year", "2026")]
)
def test_periods_are_written_as_the_stores_write_them(by: str, expected: str) -> None:
    assert period_of(date(2026, 3, 31), by) == expected


def _smuggling_reports(first: int, n: int) -> Batch:
    """``n`` Libyan reports of one case, each naming a smuggler and the person he moved."""
    smuggler = Entity(
        entity_id("Person", "kamal"), "Person", "Kamal", properties={"nationality": "ly"}
    )
    docs, mentions, links, entities = [], [], [], [smuggler]
    for i in range(first, first + n):
        text = f"REF {i}. Kamal transported Migrant{i} to Lampedusa."
        doc = Document.from_text(
            text,
            source=f"r{i}.txt",
            originating_ncb="NCB TRIPOLI",
            date=date(2026, 1 + i % 2, 3 + i),
            case_id="LY-SOM-1",
            crime_category="smuggling",
        )
        victim = Entity(entity_id("Person", f"migrant {i}"), "Person", f"Migrant{i}")
        entities.append(victim)
        docs.append(doc)
        for ent, needle in ((smuggler, "Kamal"), (victim, f"Migrant{i}")):
            start = text.index(needle)
            mentions.append(
                Mention.at(doc, start, start + len(needle), type="Person", method="test",
                           confidence=0.9, entity_id=ent.id)
            )  # fmt: skip
        links.append(
            Link("TRANSPORTED", smuggler.id, victim.id, Evidence(doc.id, 0, len(text)), "test", 0.8)
        )
    case = Case("LY-SOM-1", "Operation SAND", "smuggling", "LY", "NCB TRIPOLI")
    return Batch(documents=docs, cases=[case], entities=entities, mentions=mentions, links=links)


def test_the_workbench_reads_a_store_and_publishes_suppressed_figures(tmp_path: Path) -> None:
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.store.put(_smuggling_reports(0, 7))
        t = wb.trends(breakdown="interpol")
        assert t.groups == ["Middle East and North Africa"]
        assert t.totals == {"reports": 7, "cases": "<5", "suspects": "<5", "victims": 7}
        assert ("LY", "suspects", "<5") in t.nationalities
        assert t.nationality_unknown == 7  # the migrants' nationality is not stated
        assert [r for r in t.rows if r[0] == "victims"] == [
            ("victims", "2026-01", "Middle East and North Africa", "<5"),
            ("victims", "2026-02", "Middle East and North Africa", "<5"),
        ]
        assert wb.trends(region="EUROPOL").totals["reports"] == 0


def test_stale_figures_answer_at_once_while_fresh_ones_are_read(tmp_path: Path) -> None:
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.store.put(_smuggling_reports(0, 7))
        assert wb.trends().totals["reports"] == 7
        wb.store.put(_smuggling_reports(7, 3))
        assert wb.trends().totals["reports"] == 7  # cached: nothing said the store changed
        wb.refresh()  # what the app does after a write through it
        assert wb.trends().totals["reports"] == 10
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.CACHE_SECONDS = 0.0  # every answer is stale at once: rebuilt behind, old data meanwhile
        assert wb.trends().totals["reports"] == 10
        wb.store.put(_smuggling_reports(10, 2))
        deadline = time.monotonic() + 60
        while wb.trends().totals["reports"] != 12:
            assert time.monotonic() < deadline, "the figures were never rebuilt"
            time.sleep(0.05)
