"""The embedded store puts off its lookup indexes during a large load, and always gets them back."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from odyssey.graph import SqliteStore
from odyssey.graph.sqlite_store import _LOOKUP_INDEXES

from store_contract.sample import build


def _indexes(path: Path) -> set[str]:
    """The lookup indexes in the file, read without opening it as a store (which builds them)."""
    with sqlite3.connect(path) as conn:
        names = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    return names & set(_LOOKUP_INDEXES)


@pytest.fixture
def small_loads_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("odyssey.graph.sqlite_store.DEFER_INDEXES_FROM", 2)


@pytest.mark.usefixtures("small_loads_count")
def test_a_load_that_doubles_the_store_builds_the_indexes_once_at_the_end(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    s = build()
    with SqliteStore(db) as store:
        assert _indexes(db) == set(_LOOKUP_INDEXES)
        with store.loading(3):
            assert _indexes(db) == set()
            store.put_each([s.batch])
        assert _indexes(db) == set(_LOOKUP_INDEXES)
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM mentions WHERE document_id = ?", [s.r1.id]
        ).fetchall()
        assert "mentions_document" in " ".join(str(tuple(row)) for row in plan)


@pytest.mark.usefixtures("small_loads_count")
def test_a_load_small_next_to_the_store_keeps_the_indexes_up(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    with SqliteStore(db) as store:
        store.put(build().batch)  # 3 documents
        with store.loading(2):
            assert _indexes(db) == set(_LOOKUP_INDEXES)
        with store.loading(1000):
            assert _indexes(db) == set()


@pytest.mark.usefixtures("small_loads_count")
def test_a_failed_load_still_gets_its_indexes_back(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    with SqliteStore(db) as store, pytest.raises(KeyboardInterrupt), store.loading(3):
        raise KeyboardInterrupt
    assert _indexes(db) == set(_LOOKUP_INDEXES)


def test_a_load_killed_midway_leaves_the_indexes_to_the_next_open(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    loader = (
        "import os, sys\n"
        "from odyssey.graph import SqliteStore\n"
        f"store = SqliteStore({str(db)!r})\n"
        "with store.loading(10_000):\n"
        "    print('loading', flush=True)\n"
        "    sys.stdin.read()\n"  # until killed
    )
    process = subprocess.Popen(
        [sys.executable, "-c", loader], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "loading\n"
        process.kill()
    finally:
        process.wait(timeout=30)
    assert _indexes(db) == set(), "killed before the end of the load"
    with SqliteStore(db) as store:
        store.put(build().batch)
    assert _indexes(db) == set(_LOOKUP_INDEXES)
