"""Shared fixtures: stores to run the contract suite against.

``STORE_BACKENDS`` maps a backend name to a function that, given a fresh
temporary folder, returns an *opener*: ``opener(scope=None) -> GraphStore``
over one and the same backing store, so a test can write with full access and
read back under a narrower scope. The Neo4j store adds itself here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from odyssey.graph import GraphStore, ReadScope, SqliteStore

from store_contract.conftest_helpers import Opener


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests (and the processes they start) never read or write the user's own store."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.delenv("ODYSSEY_STORE", raising=False)


def _embedded(tmp: Path) -> Opener:
    path = tmp / "store.db"

    def opener(scope: ReadScope | None = None) -> GraphStore:
        return SqliteStore(path, scope)

    return opener


STORE_BACKENDS: dict[str, Callable[[Path], Opener]] = {"embedded": _embedded}


@pytest.fixture(params=sorted(STORE_BACKENDS))
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """An opener over a fresh, empty store of each backend; every store it opened is closed after."""
    opened: list[GraphStore] = []
    make = STORE_BACKENDS[request.param](tmp_path)

    def opener(scope: ReadScope | None = None) -> GraphStore:
        store = make(scope)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def store(open_backend: Opener) -> GraphStore:
    """A fresh, empty store with full access, for each backend."""
    return open_backend()
