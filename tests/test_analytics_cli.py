"""``odyssey analyze``, run as a user runs it: real processes on a real store file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import odyssey

from odyssey.graph import Batch, SqliteStore
from odyssey.model import Document, Entity, Evidence, Link, entity_id

from store_contract.sample import ES_CASE, IT_CASE, build


@pytest.fixture(scope="module")
def case_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The contract sample plus a namesake, Ali HASSANI, who travelled with Ali HASSAN."""
    path = tmp_path_factory.mktemp("analyze") / "case.db"
    sample = build()
    text = "Ali HASSANI travelled with Ali HASSAN."
    doc = Document.from_text(text, source="r4.txt", case_id=IT_CASE, crime_category="smuggling")
    namesake = Entity(entity_id("Person", "ali hassani"), "Person", "Ali HASSANI")
    link = Link(
        "TRAVELLED_WITH", namesake.id, sample.ali.id, Evidence(doc.id, 0, len(text)), "test", 0.7
    )
    with SqliteStore(path) as store:
        store.put(sample.batch)
        store.put(Batch(documents=[doc], entities=[namesake], links=[link]))
    return path


def analyze(db: Path, *args: str) -> dict | list:  # type: ignore[type-arg]
    run = odyssey("--store", str(db), "analyze", *args, "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_communities_and_centrality(case_db: Path) -> None:
    found = analyze(case_db, "communities", "--method", "leiden", "--seed", "3")
    assert sum(len(c) for c in found["communities"]) == 7 and found["modularity"] > 0
    ranking = analyze(case_db, "centrality", "--measure", "betweenness", "--top", "2")["ranking"]
    assert ranking[0]["node"]["label"] == "Ali HASSAN"
    text = odyssey("--store", str(case_db), "analyze", "centrality", "--top", "1").stdout
    assert "1." in text and "Ali HASSAN" in text


def test_disrupt_prints_the_curve(case_db: Path) -> None:
    result = analyze(case_db, "disrupt", "--strategy", "degree", "--mode", "block", "--steps", "2")
    assert result["removed"][0]["node"]["label"] == "Ali HASSAN"
    assert result["lcc_fraction"][0] == 1.0 and len(result["lcc_fraction"]) == 3
    assert result["lcc_fraction"][1] == pytest.approx(3 / 7)


def test_path_by_labels_shows_the_sentences(case_db: Path) -> None:
    paths = analyze(case_db, "path", "Ali HASSAN", "josé garcía", "--k", "2")
    hops = paths[0]["hops"]
    assert [h["target"]["label"] for h in hops] == [
        "Mohamed ABDELRAHMAN",
        "+218912345678",
        "José GARCÍA",
    ]
    assert hops[-1]["links"][0]["text"].startswith("La víctima fue captada por José GARCÍA")
    assert hops[-1]["links"][0]["reference"] == "NCB-MADRID/2026/TEH/0012"


def test_an_ambiguous_label_is_one_line_listing_the_candidates(case_db: Path) -> None:
    run = odyssey("--store", str(case_db), "analyze", "path", "ali", "José GARCÍA")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1
    assert (
        "ambiguous" in run.stderr and "Ali HASSANI" in run.stderr and "Ali HASSAN [" in run.stderr
    )
    missing = odyssey("--store", str(case_db), "analyze", "path", "Nobody Atall", "José GARCÍA")
    assert missing.returncode == 2 and missing.stderr.startswith("error: no entity")


def test_predict_crosscase_and_periods(case_db: Path) -> None:
    predictions = analyze(case_db, "predict", "--top", "3", "--type", "Person")["predictions"]
    assert predictions and all("common neighbour" in p["reason"] for p in predictions)
    cross = analyze(case_db, "crosscase")
    assert cross["shared"][0]["node"]["id"] == "Phone:+218912345678"
    assert cross["shared"][0]["cross_crime"] is True
    assert {cross["case_links"][0]["a"]["id"], cross["case_links"][0]["b"]["id"]} == {
        IT_CASE,
        ES_CASE,
    }
    text = odyssey("--store", str(case_db), "analyze", "crosscase").stdout
    assert text.splitlines()[1].startswith("!! Phone +218912345678 appears in 2 cases")
    slices = analyze(case_db, "periods", "--by", "quarter", "--measure", "pagerank")["slices"]
    assert [s["period"] for s in slices] == ["2026-Q1", "2026-Q2"]
    months = odyssey("--store", str(case_db), "analyze", "periods", "--by", "month").stdout
    with_data = sum(1 for s in analyze(case_db, "periods")["slices"] if s["links"])
    assert f"periods ({with_data} with dated links)" in months.splitlines()[0]
    nothing = odyssey("--store", str(case_db), "analyze", "crosscase", "--case", ES_CASE).stdout
    assert nothing.strip() == "no entity is shared by two cases (1 case(s) in this graph)"


def test_filters_and_the_people_view(case_db: Path) -> None:
    spanish = analyze(case_db, "centrality", "--case", ES_CASE)["ranking"]
    assert {r["node"]["label"] for r in spanish} == {"José GARCÍA", "+218912345678"}
    people = analyze(case_db, "centrality", "--people", "--measure", "degree")["ranking"]
    assert {r["node"]["type"] for r in people} == {"Person"}
    sure = analyze(case_db, "centrality", "--min-confidence", "0.85", "--since", "2026-02-01")
    assert {r["node"]["label"] for r in sure["ranking"]} == {"José GARCÍA", "+218912345678"}
    bad = odyssey("--store", str(case_db), "analyze", "centrality", "--since", "2026-05-01",
                  "--until", "2026-01-01")  # fmt: skip
    assert bad.returncode == 2 and "after it ends" in bad.stderr
