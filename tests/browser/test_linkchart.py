"""The link chart as an analyst uses it: search, chart, expand, evidence, path, exports.

The entities to look for are chosen from the sample store through the facade
(the busiest person, a neighbour with further links, someone three hops away),
so the test follows the corpus rather than hard-coded names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import odyssey

from .conftest import AppPage
from .harness import CYTOSCAPE, chart_point


@pytest.fixture(scope="module")
def cast(sample_store: Path) -> dict[str, Any]:
    """Who to search for: a well-linked person, a neighbour that expands, a person 3 hops away."""
    with odyssey.open(sample_store) as wb:
        g = wb.graph()
        people = [n for n, t in g.nodes(data="type") if t == "Person"]
        hub = max(people, key=lambda n: (g.degree(n), n))
        neighbour = next(
            n
            for n in sorted(g[hub], key=lambda n: (-g.degree(n), n))
            if set(g[n]) - set(g[hub]) - {hub}
        )
        far = sorted(
            (
                n
                for n, d in nx.single_source_shortest_path_length(g, hub, cutoff=3).items()
                if d == 3
            ),
            key=lambda n: (g.nodes[n]["type"] != "Person", n),
        )[0]
        documents = {
            doc_id: doc.text
            for doc_id, doc in wb.documents_by_id(
                r["document"] for r in g.edges[hub, neighbour]["links"]
            ).items()
        }
        mentions = {
            m.text
            for d in documents
            for m in wb.mentions_of(document_id=d)
            if m.entity_id in (hub, neighbour)
        }
        return {
            "hub": hub,
            "hub_label": g.nodes[hub]["label"],
            "neighbour": neighbour,
            "far": far,
            "far_label": g.nodes[far]["label"],
            "documents": documents,
            "mentions": mentions,
        }


def _typo(label: str) -> str:
    """The label's longest word with one inner letter dropped ("MANSOUR" -> "MANSUR")."""
    word = max(label.split(), key=len)
    return word[: len(word) // 2] + word[len(word) // 2 + 1 :]


def _hit(entity_id: str) -> str:
    return "[id='" + json.dumps({"id": entity_id, "type": "lc-hit"}, separators=(",", ":")) + "']"


def _nodes(app: AppPage) -> set[str]:
    return set(app.page.evaluate(f"() => {CYTOSCAPE}.nodes().map(n => n.id())"))


def _chart(app: AppPage, cast: dict[str, Any]) -> None:
    """Search with a typo, put the hub on the chart."""
    page = app.open("/link-chart")
    page.fill("#lc-query", _typo(cast["hub_label"]))
    page.locator(_hit(cast["hub"])).click()
    page.wait_for_function(f"() => {CYTOSCAPE} && {CYTOSCAPE}.nodes().length > 1")
    app.settle()


def test_search_chart_expand_and_read_the_evidence(app: AppPage, cast: dict[str, Any]) -> None:
    _chart(app, cast)
    page = app.page
    first = _nodes(app)
    assert cast["hub"] in first and cast["neighbour"] in first
    assert "entities" in page.inner_text("#lc-summary")
    app.shot("chart")

    # a click on a node expands it: its own neighbours join the chart, and its mentions show
    page.mouse.click(*chart_point(page, f'node[id = "{cast["neighbour"]}"]'))
    page.wait_for_function(f"(n) => {CYTOSCAPE}.nodes().length > n", arg=len(first))
    app.settle()
    assert _nodes(app) > first
    assert page.locator("#lc-evidence .evidence").count() >= 1
    app.shot("expanded")

    # a click on the link shows the statements behind it, the two ends highlighted
    edge = page.evaluate(
        f"""([a, b]) => {CYTOSCAPE}.edges().filter(e =>
            (e.source().id() === a && e.target().id() === b) ||
            (e.source().id() === b && e.target().id() === a))[0].id()""",
        [cast["hub"], cast["neighbour"]],
    )
    page.mouse.click(*chart_point(page, f'edge[id = "{edge}"]'))
    page.wait_for_selector("#lc-evidence .evidence-text mark")
    app.settle()
    assert cast["hub_label"] in page.inner_text("#lc-evidence h3")
    shown = [
        " ".join(t.split()) for t in page.locator("#lc-evidence .evidence-text").all_inner_texts()
    ]
    sources = [" ".join(text.split()) for text in cast["documents"].values()]
    assert shown and all(any(s in text for text in sources) for s in shown), shown
    marked = set(page.locator("#lc-evidence .evidence-text mark").all_inner_texts())
    assert marked and marked <= cast["mentions"]
    meta = page.inner_text("#lc-evidence .evidence-meta >> nth=0")
    for field in ("Report:", "Date:", "From:", "Grading:"):
        assert field in meta
    app.shot("evidence")

    # the timeline and the map draw what is on the chart, offline
    assert page.locator("#lc-timeline .js-plotly-plot").count() == 1


def test_find_path_draws_it_on_the_chart(app: AppPage, cast: dict[str, Any]) -> None:
    page = app.open("/link-chart")
    for dropdown, label, entity in (
        ("#lc-path-from", cast["hub_label"], cast["hub"]),
        ("#lc-path-to", cast["far_label"], cast["far"]),
    ):
        page.click(dropdown)
        page.fill(".dash-dropdown-search", label)
        page.locator(f"[role=option]:has(input[value='{entity}'])").click()
        page.keyboard.press("Escape")
    page.click("#lc-path-go")
    page.wait_for_selector("#lc-path-result ol.paths li")
    page.wait_for_function(f"() => {CYTOSCAPE} && {CYTOSCAPE}.nodes('.path').length >= 4")
    app.settle()
    first = page.inner_text("#lc-path-result ol.paths li >> nth=0")
    assert first.startswith("3 hop(s)") and cast["far_label"] in first
    on_path = set(page.evaluate(f"() => {CYTOSCAPE}.nodes('.path').map(n => n.id())"))
    assert {cast["hub"], cast["far"]} <= on_path
    assert page.evaluate(f"() => {CYTOSCAPE}.edges('.path').length") >= 3
    app.shot("path")


def test_the_chart_exports_as_png_graphml_and_csv(app: AppPage, cast: dict[str, Any]) -> None:
    _chart(app, cast)
    page, nodes = app.page, _nodes(app)
    files = {}
    for button in ("lc-png", "lc-graphml", "lc-csv"):
        with page.expect_download() as download:
            page.click(f"#{button}")
        path = app.shots / download.value.suggested_filename
        download.value.save_as(path)
        files[button] = path
    assert files["lc-png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    exported = nx.read_graphml(files["lc-graphml"])
    assert set(exported.nodes) == nodes
    assert exported.nodes[cast["hub"]]["label"] == cast["hub_label"]
    rows = files["lc-csv"].read_text().splitlines()
    assert rows[0].startswith("source_id,source_label,source_type,link_type")
    assert len(rows) - 1 >= exported.number_of_edges()
