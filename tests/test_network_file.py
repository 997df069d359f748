"""GraphML and GEXF files ingested as entities and links, each pointing at its line of the file."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from test_cli import odyssey

from odyssey.graph import SqliteStore
from odyssey.graph.projection import project
from odyssey.ingest.pipeline import ingest
from odyssey.ingest.readers import ReadError, read_path


def network() -> nx.MultiGraph:
    g = nx.MultiGraph()
    g.add_node("n1", label="Ali HASSAN", type="person")
    g.add_node("n2", label="Mohamed ABDELRAHMAN")  # no type: a person
    g.add_node("n3", label="+218912345678", type="Phone")
    g.add_node("n4", name="Sea Star Shipping", kind="Organisation")
    g.add_edge("n1", "n2", relation="travelled with", date="2026-01-10", weight=3)
    g.add_edge("n1", "n2", weight=1)  # a second statement of the pair
    g.add_edge("n1", "n3", relation="USES")
    g.add_edge("n2", "n4", type="recruited")  # not allowed Person -> Organization: ASSOCIATED_WITH
    return g


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_a_network_file_becomes_entities_and_links(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"net{suffix}"
    (nx.write_graphml if suffix == ".graphml" else nx.write_gexf)(network(), path)
    db = tmp_path / "o.db"
    with SqliteStore(db) as store:
        summary = ingest(store, [path])
        assert summary.counts()["new"] == 1, summary.to_dict()
        assert {(e.type, e.label) for e in store.entities()} == {
            ("Person", "Ali HASSAN"), ("Person", "Mohamed ABDELRAHMAN"),
            ("Phone", "+218912345678"), ("Organization", "Sea Star Shipping"),
        }  # fmt: skip
        links = store.links()
        assert sorted(lk.type for lk in links) == [
            "ASSOCIATED_WITH", "ASSOCIATED_WITH", "TRAVELLED_WITH", "USES"
        ]  # fmt: skip
        doc = store.documents()[0]
        assert doc.kind == "network" and doc.id == doc.id_for(path.read_bytes())
        for link in links:  # evidence is the edge's own line of the listing
            line = doc.text[link.evidence.start : link.evidence.end]
            assert " -- " in line and "\n" not in line and link.type in line
        travelled = next(lk for lk in links if lk.type == "TRAVELLED_WITH")
        assert str(travelled.occurred_at) == "2026-01-10"
        assert int(travelled.properties["weight"]) == 3
        for m in store.mentions():
            assert doc.text[m.start : m.end] == m.text
        graph = project(store)
        assert graph.number_of_edges() == 3
        assert max(w for _, _, w in graph.edges(data="weight")) == 2  # two statements, one edge
        again = ingest(store, [path])
        assert again.counts()["skipped"] == 1 and len(store.links()) == 4


def test_a_malformed_file_is_reported_and_the_rest_lands(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.graphml", tmp_path / "bad.graphml"
    nx.write_graphml(nx.path_graph(3), good)
    bad.write_text("<graphml><graph><node id='a'>")
    with pytest.raises(ReadError, match="not valid GraphML"):
        read_path(bad)
    (tmp_path / "empty.gexf").write_bytes(b"")
    with SqliteStore(tmp_path / "o.db") as store:
        summary = ingest(store, [tmp_path])
        counts = summary.counts()
        assert (counts["new"], counts["failed"]) == (1, 2)
        reasons = {Path(f["path"]).name: f["reason"] for f in summary.to_dict()["failed_files"]}
        assert "not valid GraphML" in reasons["bad.graphml"]
        assert "not valid GEXF" in reasons["empty.gexf"]
        assert len(store.links()) == 2


def test_odyssey_ingest_then_analyze_a_graphml(tmp_path: Path) -> None:
    path, db = tmp_path / "gangs.graphml", tmp_path / "o.db"
    graph = nx.barbell_graph(5, 1)
    nx.write_graphml(nx.relabel_nodes(graph, {n: f"member {n}" for n in graph}), path)
    run = odyssey("--store", str(db), "ingest", str(path), "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["links"] == graph.number_of_edges()
    top = odyssey("--store", str(db), "analyze", "centrality", "--measure", "betweenness", "--json")
    assert json.loads(top.stdout)["ranking"][0]["node"]["label"] == "member 5"
