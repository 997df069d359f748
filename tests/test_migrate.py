"""``odyssey migrate``: embedded -> Neo4j -> embedded keeps every record and every id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import NEO4J_TEST_PASSWORD, empty_neo4j, neo4j_auth
from test_cli import odyssey

from odyssey.errors import StoreError
from odyssey.graph import ReadScope, SqliteStore
from odyssey.graph.migrate import migrate
from odyssey.graph.neo4j_store import Neo4jStore

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
    assert out["copied"] == {"documents": 3, "cases": 2, "entities": 6, "mentions": 9, "links": 6}
    text = odyssey("migrate", "--from", uri, "--to", str(tmp_path / "back.db"), env=env)
    assert text.returncode == 0 and "counts checked" in text.stdout
    same = odyssey("migrate", "--from", str(laptop), "--to", f"sqlite:///{laptop}")
    assert same.returncode == 2 and "same store" in same.stderr
