"""The Neo4j store beyond the contract: opening it, its errors, its schema, the CLI on it.

These run against the session's real Neo4j server (see ``tests/conftest.py``);
the contract suite in ``tests/store_contract/`` covers the reads and writes.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from conftest import NEO4J_TEST_PASSWORD, empty_neo4j, neo4j_auth
from test_cli import odyssey

from odyssey.errors import StoreError
from odyssey.graph import Batch, open_store
from odyssey.graph.neo4j_store import Neo4jStore

from store_contract.sample import build


@pytest.fixture
def neo4j_uri() -> str:
    """The session server's URI, emptied."""
    return empty_neo4j()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_open_store_takes_bolt_and_neo4j_uris_with_credentials_from_env(
    neo4j_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ODYSSEY_NEO4J_USER", "neo4j")
    monkeypatch.setenv("ODYSSEY_NEO4J_PASSWORD", NEO4J_TEST_PASSWORD)
    with open_store(neo4j_uri) as store:
        assert isinstance(store, Neo4jStore)
        store.put(build().batch)
    with open_store(neo4j_uri.replace("bolt://", "neo4j://")) as store:
        assert store.counts().documents == 3


def test_wrong_password_is_one_actionable_line(
    neo4j_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ODYSSEY_NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(StoreError, match="refused the credentials; set ODYSSEY_NEO4J_USER") as err:
        open_store(neo4j_uri)
    assert "\n" not in str(err.value)


def test_unreachable_server_is_one_actionable_line() -> None:
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1") as err:
        Neo4jStore(f"bolt://127.0.0.1:{_free_port()}", auth=neo4j_auth())
    assert "\n" not in str(err.value) and "docker compose up -d neo4j" in str(err.value)


def test_credentials_in_the_uri_are_refused() -> None:
    with pytest.raises(StoreError, match="ODYSSEY_NEO4J_PASSWORD, not in the URI"):
        Neo4jStore("bolt://neo4j:secret@127.0.0.1:7687")


def test_constraints_and_indexes_are_created_on_first_use(neo4j_uri: str) -> None:
    with Neo4jStore(neo4j_uri, auth=neo4j_auth()) as store:
        names = {r["name"] for r in store._read("SHOW CONSTRAINTS YIELD name RETURN name")}
        indexes = {
            r["name"]: r["type"] for r in store._read("SHOW INDEXES YIELD name, type RETURN *")
        }
    assert {"odyssey_document_id", "odyssey_entity_id", "odyssey_mention_id"} <= names
    assert {"odyssey_record_id", "odyssey_record_seq", "odyssey_meta_key"} <= names
    assert {"odyssey_record_entity", "odyssey_mention_record"} <= set(indexes)
    assert "odyssey_link_uses_id" in names  # one per link type of the schema
    assert indexes["odyssey_entity_search"] == "FULLTEXT"


def test_a_database_written_before_resolution_is_refused_with_a_way_out(neo4j_uri: str) -> None:
    with Neo4jStore(neo4j_uri, auth=neo4j_auth()) as store:
        store.put(build().batch)
        unmark = "MATCH (m:Meta {key: 'schema_version'}) DELETE m"  # as the store before issue 5
        store._write(lambda tx: tx.run(unmark).consume())
        try:
            with pytest.raises(StoreError, match=r"before entity resolution.*ingest its files"):
                Neo4jStore(neo4j_uri, auth=neo4j_auth())
        finally:  # leave a database the next test's fixture can open and empty
            store._write(lambda tx: tx.run("MATCH (d:Document) DETACH DELETE d").consume())
    with Neo4jStore(neo4j_uri, auth=neo4j_auth()) as store:
        assert store.counts().documents == 0


def test_links_are_typed_relationships_between_entities(neo4j_uri: str) -> None:
    """Users browsing the database see the schema's link types, not one generic edge."""
    with Neo4jStore(neo4j_uri, auth=neo4j_auth()) as store:
        store.put(build().batch)
        rows = store._read(
            "MATCH (:Entity)-[l]->(:Entity) RETURN type(l) AS t, count(*) AS n ORDER BY t"
        )
    assert {r["t"]: r["n"] for r in rows} == {"TRAVELLED_TO": 1, "TRAVELLED_WITH": 2, "USES": 3}


def test_entity_merge_inside_one_batch_and_across_batches(neo4j_uri: str) -> None:
    s = build()
    with Neo4jStore(neo4j_uri, auth=neo4j_auth()) as store:
        twice = Batch(entities=[s.mohamed, s.mohamed])
        assert store.put(twice).entities == 1
        assert store.entities([s.mohamed.id]) == [s.mohamed]


def test_the_cli_ingests_into_neo4j_like_into_the_embedded_store(
    neo4j_uri: str, tmp_path: Path
) -> None:
    env = {"ODYSSEY_NEO4J_PASSWORD": NEO4J_TEST_PASSWORD, "ODYSSEY_STORE": neo4j_uri}
    corpus = tmp_path / "corpus"
    assert odyssey("synth", "--out", str(corpus), "--reports", "12", "--seed", "3").returncode == 0
    run = odyssey("ingest", str(corpus / "messages"), "--json", env=env)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["store"] == neo4j_uri
    stats = json.loads(odyssey("stats", "--json", env=env).stdout)
    embedded = str(tmp_path / "same.db")
    assert odyssey("--store", embedded, "ingest", str(corpus / "messages")).returncode == 0
    same = json.loads(odyssey("--store", embedded, "stats", "--json").stdout)
    assert stats["documents"] > 0 and stats["mentions"] > 0
    assert {**stats, "store": ""} == {**same, "store": ""}  # the same counts as the embedded store
    again = odyssey("--store", neo4j_uri, "ingest", str(corpus / "messages"), "--json", env=env)
    assert again.returncode == 0, again.stderr
    assert json.loads(odyssey("stats", "--json", env=env).stdout) == stats  # idempotent
    search = odyssey("search", "a", "--json", env=env)
    assert search.returncode == 0, search.stderr
    bad = odyssey("stats", env={**env, "ODYSSEY_NEO4J_PASSWORD": "wrong"})
    assert bad.returncode == 2 and "refused the credentials" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_the_resolution_verbs_give_the_same_answers_on_neo4j(
    neo4j_uri: str, tmp_path: Path
) -> None:
    """resolve, entities, explain and judge over Bolt answer as on the embedded store."""
    corpus = tmp_path / "corpus"
    assert odyssey("synth", "--out", str(corpus), "--reports", "12", "--seed", "3").returncode == 0
    env = {"ODYSSEY_NEO4J_PASSWORD": NEO4J_TEST_PASSWORD}
    stores = (neo4j_uri, str(tmp_path / "same.db"))

    def on_both(*args: str) -> tuple[Any, Any]:
        neo, embedded = (odyssey("--store", s, *args, "--json", env=env) for s in stores)
        assert neo.returncode == embedded.returncode == 0, neo.stderr + embedded.stderr
        return json.loads(neo.stdout), json.loads(embedded.stdout)

    on_both("ingest", str(corpus / "messages"))
    neo, embedded = on_both("resolve")
    assert neo["moved"] > 0 and {**neo, "seconds": 0} == {**embedded, "seconds": 0}
    neo, embedded = on_both("entities", "--type", "Person")
    assert neo == embedded
    merged = next(e["id"] for e in neo if len({m["source"] for m in e["mentions"]}) > 1)
    with Neo4jStore(neo4j_uri, auth=neo4j_auth()) as store:
        record = next(r.id for r in store.records() if r.entity_id == merged and r.id != merged)
    neo, embedded = on_both("judge", "split", merged, "--record", record, "--note", "jdoe")
    assert neo == embedded and neo  # the same decisions stored, and applied
    neo, embedded = on_both("explain", merged, record)
    assert neo == embedded and not neo["same_entity"] and neo["judgements"]
    neo, embedded = on_both("stats")
    assert {**neo, "store": ""} == {**embedded, "store": ""}
