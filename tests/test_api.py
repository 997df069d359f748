"""The researchers' API (``odyssey.open`` → ``Workbench``) on a real store and a real corpus.

A small synthetic NCB corpus is generated, ingested through ``Workbench.ingest``
and resolved once per module; the frames are then checked column by column and
row by row against what the store itself says.
"""

from __future__ import annotations

import pydoc
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest
from conftest import empty_neo4j, neo4j_auth

import odyssey
from odyssey.errors import ValidationError
from odyssey.frames import COLUMNS
from odyssey.graph import ReadScope
from odyssey.ingest.pipeline import IngestProgress
from odyssey.ingest.synth import generate

FOLDERS = ("messages", "emails", "tables")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("api") / "corpus"
    generate(out, reports=30, seed=8)
    return out


class Loaded(NamedTuple):
    wb: odyssey.Workbench
    summary: odyssey.IngestSummary
    steps: list[IngestProgress]


@pytest.fixture(scope="module")
def loaded(corpus: Path) -> Iterator[Loaded]:
    """A workbench over the corpus, ingested with a progress callback, then resolved."""
    steps: list[IngestProgress] = []
    wb = odyssey.open(corpus.parent / "case.db")
    summary = wb.ingest([corpus / f for f in FOLDERS], progress=steps.append)
    wb.resolve()
    yield Loaded(wb, summary, steps)
    wb.close()


@pytest.fixture(scope="module")
def wb(loaded: Loaded) -> odyssey.Workbench:
    return loaded.wb


def _same(cell: object, value: object) -> bool:
    """A frame cell equals a record's value; pandas writes a missing value as NaN."""
    return bool(pd.isna(cell)) if value is None else cell == value


# -- ingest -----------------------------------------------------------------------------------


def test_ingest_reports_every_file_through_progress(loaded: Loaded, corpus: Path) -> None:
    wb, summary, steps = loaded
    files = sum(1 for f in FOLDERS for p in (corpus / f).iterdir() if p.is_file())
    assert summary.counts()["new"] == files and summary.counts()["failed"] == 0
    assert [f for step in steps for f in step.files] == summary.files
    assert [s.done for s in steps] == sorted(s.done for s in steps)
    assert steps[-1].done == steps[-1].total == files
    assert wb.counts().documents == summary.counts()["documents"]


def test_ingest_again_adds_nothing_and_bad_paths_come_first(
    wb: odyssey.Workbench, corpus: Path
) -> None:
    before = wb.counts()
    steps: list[IngestProgress] = []
    again = wb.ingest([corpus / "nowhere", corpus / "messages"], progress=steps.append)
    counts = again.counts()
    assert counts["new"] == 0 and counts["failed"] == 1 and counts["skipped"] > 0
    assert steps[0].files[0].status == "failed" and "no such file" in steps[0].files[0].reason
    assert wb.counts() == before


def test_ingest_takes_one_path_a_case_and_a_mapping_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "calls.csv").write_text("a,b\n+218 91 234 5678,0039 333 1234567\n")
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        'name = "pairs"\n[entities.a]\ntype = "Phone"\ncolumns = ["a"]\n'
        '[entities.b]\ntype = "Phone"\ncolumns = ["b"]\n'
        '[[links]]\ntype = "CALLED"\nsource = "a"\ntarget = "b"\n'
    )
    with odyssey.open(tmp_path / "o.db") as wb:
        assert (
            wb.ingest(folder / "calls.csv", case="IT-SOM-2026-001", mappings=[mapping]).counts()[
                "new"
            ]
            == 1
        )
        links = wb.frame("links")
    assert links[["source_label", "type", "target_label", "case"]].values.tolist() == [
        ["+218912345678", "CALLED", "+393331234567", "IT-SOM-2026-001"]
    ]


# -- frames against the store -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in COLUMNS if k != "time_series"])
def test_frames_have_their_columns_even_when_empty(kind: str, tmp_path: Path) -> None:
    with odyssey.open(tmp_path / "empty.db") as empty:
        table = empty.frame(kind)
    assert list(table.columns) == list(COLUMNS[kind]) and len(table) == 0


def test_entities_frame_is_the_store_entities(wb: odyssey.Workbench) -> None:
    counts = wb.counts()
    entities = wb.frame("entities")
    assert list(entities.columns) == list(COLUMNS["entities"])
    assert dict(Counter(entities["type"])) == counts.entities
    stored = wb.store.entities(limit=len(entities) + 1)
    assert entities["id"].tolist() == [e.id for e in stored]
    assert entities["label"].tolist() == [e.label for e in stored]
    assert entities["mentions"].sum() == counts.mentions
    some = entities.iloc[len(entities) // 2]
    assert some["mentions"] == len(wb.store.mentions(entity_id=some["id"]))
    assert some["links"] == len(wb.store.links(entity_id=some["id"]))
    resolved = entities[entities["type"] == "Person"]
    assert (resolved["documents"] > 1).any(), "resolution should join people across reports"


def test_links_frame_is_the_store_links_with_their_sentences(wb: odyssey.Workbench) -> None:
    counts = wb.counts()
    links = wb.frame("links")
    assert list(links.columns) == list(COLUMNS["links"])
    assert dict(Counter(links["type"])) == counts.links
    labels = {e.id: e.label for e in wb.store.entities(limit=100_000)}
    assert (links["source_label"] == links["source"].map(labels)).all()
    assert (links["target_label"] == links["target"].map(labels)).all()
    docs = {d.id: d for d in wb.store.documents(limit=counts.documents + 1)}
    for row in links.sample(50, random_state=1).itertuples():
        doc = docs[row.document]
        assert row.evidence == doc.text[row.start : row.end]
        assert _same(row.case, doc.case_id) and _same(row.reference, doc.reference)
    assert pd.api.types.is_datetime64_any_dtype(links["date"])
    # a link's date is when it happened, else when its report was written
    expected = links["occurred_at"].fillna(links["reported"])
    pd.testing.assert_series_equal(links["date"], expected, check_names=False)
    assert links["date"].notna().sum() > len(links) / 2


def test_mentions_frame_points_at_the_exact_characters(wb: odyssey.Workbench) -> None:
    mentions = wb.frame("mentions")
    assert list(mentions.columns) == list(COLUMNS["mentions"])
    assert len(mentions) == wb.counts().mentions
    docs = {d.id: d.text for d in wb.store.documents(limit=10_000)}
    assert all(
        docs[r.document][r.start : r.end] == r.text for r in mentions.itertuples(index=False)
    )
    assert mentions["entity"].notna().all()


def test_documents_and_cases_frames_match_the_counts(wb: odyssey.Workbench) -> None:
    counts = wb.counts()
    documents = wb.frame("documents")
    assert list(documents.columns) == list(COLUMNS["documents"])
    assert len(documents) == counts.documents
    assert dict(Counter(documents["crime_category"])) == counts.documents_by_category
    assert dict(Counter(documents["language"].fillna("unknown"))) == counts.documents_by_language
    assert documents["mentions"].sum() == counts.mentions
    dated = documents["date"].notna()
    assert documents["date"][dated].is_monotonic_increasing and dated.iloc[: dated.sum()].all()
    cases = wb.frame("cases")
    assert list(cases.columns) == list(COLUMNS["cases"]) and len(cases) == counts.cases
    assert cases["documents"].sum() == documents["case"].notna().sum()


def test_time_series_frame_is_the_store_series(wb: odyssey.Workbench) -> None:
    series = wb.frame("time_series", measure="links", by="quarter", group_by="link_type")
    points = wb.time_series("links", by="quarter", group_by="link_type")
    assert series.values.tolist() == [[p.period, p.group, p.value] for p in points]
    assert series["value"].sum() == wb.frame("links")["date"].notna().sum()  # undated left out


# -- filters ------------------------------------------------------------------------------------


def test_link_filters_are_those_of_the_graph(wb: odyssey.Workbench) -> None:
    uses = wb.frame("links", link_types="USES")
    assert set(uses["type"]) == {"USES"} and len(uses) == wb.counts().links["USES"]
    sure = wb.frame("links", min_confidence=0.8)
    assert (sure["confidence"] >= 0.8).all() and 0 < len(sure) < len(wb.frame("links"))
    people = wb.frame("links", entity_types=["Person", "Phone"])
    assert set(people["source_type"]) | set(people["target_type"]) <= {"Person", "Phone"}
    graph = wb.graph(entity_types=["Person", "Phone"])
    assert sum(w for *_, w in graph.edges(data="weight")) == len(people)


def test_report_filters_select_cases_and_a_date_window(wb: odyssey.Workbench) -> None:
    documents = wb.frame("documents")
    case = documents["case"].value_counts().index[0]
    of_case = wb.frame("documents", cases=case)
    assert len(of_case) == (documents["case"] == case).sum()
    assert set(wb.frame("mentions", cases=[case])["case"]) == {case}
    middle = documents["date"].iloc[len(documents) // 2].date()
    window = wb.frame("documents", start="2000-01-01", end=middle.isoformat())
    assert len(window) == (documents["date"].dt.date <= middle).sum()
    linked = wb.frame("links", cases=[case], start=date(2000, 1, 1), end=middle)
    assert set(linked["case"]) <= {case} and (linked["date"].dt.date <= middle).all()
    entities = wb.frame("entities", cases=case)
    assert 0 < len(entities) < len(wb.frame("entities"))
    assert all(cases == [case] for cases in entities["cases"])


def test_mentions_filter_by_entity_type(wb: odyssey.Workbench) -> None:
    phones = wb.frame("mentions", entity_types="Phone")
    assert set(phones["type"]) == {"Phone"} and len(phones) > 0


@pytest.mark.parametrize(
    ("kind", "filters", "message"),
    [
        ("nodes", {}, "unknown frame kind 'nodes'; use entities, links"),
        ("documents", {"link_types": ["USES"]}, "frame('documents') takes cases, end, start"),
        ("time_series", {}, "needs measure="),
        ("time_series", {"measure": "people"}, "unknown measure 'people'"),
        ("links", {"start": "last week"}, "start='last week' is not a date; write YYYY-MM-DD"),
        ("links", {"link_types": ["KNOWS"]}, "KNOWS"),
    ],
)
def test_wrong_requests_say_what_to_do(
    wb: odyssey.Workbench, kind: str, filters: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        wb.frame(kind, **filters)


def test_frames_respect_the_readers_clearance(wb: odyssey.Workbench) -> None:
    everything = wb.frame("documents")
    with odyssey.open(wb.store.uri, scope=ReadScope.up_to("official")) as official:
        documents = official.frame("documents")
        links = official.frame("links")
    assert set(documents["handling_code"]) == {"official"}
    assert len(documents) == (everything["handling_code"] == "official").sum() < len(everything)
    assert set(links["document"]) <= set(documents["id"])


# -- the same frames from Neo4j ----------------------------------------------------------------


def test_neo4j_store_gives_the_same_frames(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri = empty_neo4j()
    user, password = neo4j_auth()
    monkeypatch.setenv("ODYSSEY_NEO4J_USER", user)
    monkeypatch.setenv("ODYSSEY_NEO4J_PASSWORD", password)
    paths = [corpus / "messages"]
    with odyssey.open(uri) as neo, odyssey.open(tmp_path / "same.db") as embedded:
        assert neo.ingest(paths).counts() == embedded.ingest(paths).counts()
        for kind in ("entities", "links", "mentions", "documents", "cases"):
            a = neo.frame(kind).sort_values("id", ignore_index=True)
            b = embedded.frame(kind).sort_values("id", ignore_index=True)
            pd.testing.assert_frame_equal(a, b, check_dtype=False, obj=kind)


# -- the package as a researcher meets it -------------------------------------------------------


def test_help_shows_the_three_line_start_and_every_export_resolves() -> None:
    text = pydoc.render_doc(odyssey, renderer=pydoc.plaintext)
    assert 'wb = odyssey.open("case.db")' in text and "g = wb.graph()" in text
    for name in odyssey.__all__:
        assert getattr(odyssey, name) is not None, name
    assert "Workbench" in text and "IngestSummary" in text
