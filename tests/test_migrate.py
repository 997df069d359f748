"""``odyssey migrate``: embedded -> Neo4j -> embedded keeps every record and every id.

Also after resolution: records, their assignments, the links hidden inside one
entity and the analyst's judgements cross both ways, and the copy obeys them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import NEO4J_TEST_PASSWORD, empty_neo4j, neo4j_auth
from test_cli import odyssey
from test_resolution import _report

from odyssey.errors import StoreError
from odyssey.graph import Batch, GraphStore, ReadScope, SqliteStore
from odyssey.graph.migrate import migrate
from odyssey.graph.neo4j_store import Neo4jStore
from odyssey.ingest.resolution import judge, resolve
from odyssey.model import Evidence, Link

from store_contract.sample import build


def _ids(store: SqliteStore | Neo4jStore) -> dict[str, list[str]]:
    return {
        "documents": sorted(d.id for d in store.documents(limit=10**6)),
        "entities": [e.id for e in store.entities(limit=10**6)],
        "mentions": sorted(m.id for m in store.mentions(limit=10**6)),
        "links": [lk.id for lk in store.links(limit=10**6)],
    }


def test_embedded_to_neo4j_to_embedded_keeps_counts_and_ids(tmp_path: Path) -> None:
    uri = empty_neo4j()
    s = build()
    with (
        SqliteStore(tmp_path / "laptop.db") as laptop,
        Neo4jStore(uri, auth=neo4j_auth()) as team,
        SqliteStore(tmp_path / "back.db") as back,
    ):
        laptop.put(s.batch)
        there = migrate(laptop, team, batch_size=2)  # small batches: references cross batches
        assert (there.documents, there.entities, there.mentions, there.links) == (3, 6, 9, 6)
        assert (there.records, there.judgements) == (6, 0)
        migrate(team, back)
        assert laptop.counts() == team.counts() == back.counts()
        assert _ids(laptop) == _ids(team) == _ids(back)
        assert back.entities([s.mohamed.id]) == [s.mohamed]  # aliases and properties intact
        assert back.document(s.r3.id) == s.r3
        again = migrate(laptop, team)  # idempotent: a second run adds nothing
        assert team.counts() == laptop.counts() and again.links == 6


def test_a_limited_clearance_is_refused(tmp_path: Path) -> None:
    with (
        SqliteStore(tmp_path / "a.db", ReadScope.up_to("official")) as a,
        SqliteStore(tmp_path / "b.db") as b,
        pytest.raises(StoreError, match="limited clearance"),
    ):
        migrate(a, b)


def test_the_cli_verb(tmp_path: Path) -> None:
    uri = empty_neo4j()
    laptop = tmp_path / "laptop.db"
    with SqliteStore(laptop) as store:
        store.put(build().batch)
    env = {"ODYSSEY_NEO4J_PASSWORD": NEO4J_TEST_PASSWORD}
    run = odyssey("migrate", "--from", str(laptop), "--to", uri, "--json", env=env)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["copied"] == {
        "cases": 2, "documents": 3, "records": 6, "mentions": 9, "links": 6, "entities": 6,
        "judgements": 0,
    }  # fmt: skip
    text = odyssey("migrate", "--from", uri, "--to", str(tmp_path / "back.db"), env=env)
    assert text.returncode == 0 and "counts checked" in text.stdout
    same = odyssey("migrate", "--from", str(laptop), "--to", f"sqlite:///{laptop}")
    assert same.returncode == 2 and "same store" in same.stderr


def _link(store: GraphStore, kind: str, source: str, target: str) -> None:
    """A link between two records, stated by the report that mentions the first."""
    doc = next(m.document_id for m in store.as_written().mentions if m.entity_id == source)
    text = store.document(doc).text  # type: ignore[union-attr]
    evidence = Evidence(doc, 0, len(text))
    store.put(Batch(links=[Link(kind, source, target, evidence, "test", 0.8)]))


def _resolution(store: GraphStore) -> dict[str, object]:
    """Everything resolution decided, in a form two stores can be compared by."""
    return {
        "assigned": {r.id: r.entity_id for r in store.records()},
        "order": [r.id for r in store.records()],
        "judgements": store.judgements(),
        "through": store.resolved_through(),
        "written": store.as_written(),
    }


def _entity_of(store: GraphStore, record: str) -> str:
    return next(r.entity_id for r in store.records() if r.id == record)


def test_a_resolved_store_crosses_both_ways_with_its_judgements(tmp_path: Path) -> None:
    uri = empty_neo4j()
    with (
        SqliteStore(tmp_path / "laptop.db") as laptop,
        Neo4jStore(uri, auth=neo4j_auth()) as team,
        SqliteStore(tmp_path / "back.db") as back,
    ):
        a = _report(laptop, "Karim BENALI uses +33611111111.", ["Karim BENALI"], ("+33611111111",))
        b = _report(
            laptop, "Karim BEN ALI uses +33611111111.", ["Karim BEN ALI"], ("+33611111111",)
        )
        c = _report(laptop, "Ali HASSAN met Omar. Later HASSAN left.", ["Ali HASSAN", "HASSAN"])
        _link(laptop, "USES", a["Karim BENALI"], "Phone:+33611111111")
        _link(laptop, "ASSOCIATED_WITH", c["Ali HASSAN"], c["HASSAN"])
        resolve(laptop)  # Karim's two spellings become one; HASSAN is Ali HASSAN of his report
        karim = _entity_of(laptop, a["Karim BENALI"])
        assert _entity_of(laptop, b["Karim BEN ALI"]) == karim
        assert _entity_of(laptop, c["HASSAN"]) == _entity_of(laptop, c["Ali HASSAN"])
        assert "ASSOCIATED_WITH" not in laptop.counts().links  # hidden inside one entity
        judge(laptop, "split", karim, records=[b["Karim BEN ALI"]], note="jdoe: two cousins")
        resolve(laptop)
        assert _entity_of(laptop, b["Karim BEN ALI"]) != karim

        there = migrate(laptop, team, batch_size=2)
        assert (there.records, there.judgements) == (5, len(laptop.judgements()))
        migrate(team, back, batch_size=3)
        assert laptop.counts() == team.counts() == back.counts()
        assert _ids(laptop) == _ids(team) == _ids(back)
        assert _resolution(laptop) == _resolution(team) == _resolution(back)
        assert back.entities() == laptop.entities()  # labels, aliases, properties as resolved
        assert [j.note for j in back.judgements(source="analyst")] == ["jdoe: two cousins"]

        for copy in (team, back):  # the copies obey the analyst, and run on incrementally
            assert resolve(copy).moved == 0
            resolve(copy, full=True)
            assert _entity_of(copy, b["Karim BEN ALI"]) != _entity_of(copy, a["Karim BENALI"])
            assert _ids(copy) == _ids(laptop)
        # the link hidden inside Ali HASSAN crossed too: splitting him shows it again
        ali = _entity_of(team, c["Ali HASSAN"])
        judge(team, "split", ali, records=[c["HASSAN"]], note="jdoe: another HASSAN")
        resolve(team)
        assert team.counts().links["ASSOCIATED_WITH"] == 1
