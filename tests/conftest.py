"""Shared fixtures: stores to run the contract suite against.

``STORE_BACKENDS`` maps a backend name to a function that, given a fresh
temporary folder, returns an *opener*: ``opener(scope=None) -> GraphStore``
over one and the same backing store, so a test can write with full access and
read back under a narrower scope.

Backends: ``embedded`` (a SQLite file in the folder) and ``neo4j`` (a real
Neo4j 5.26 started once per test session by ``services/neo4j``, emptied before
each test). Without Java or Maven the Neo4j tests are skipped on a developer's
machine, but under ``CI=true`` a server that cannot start fails them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from odyssey.graph import GraphStore, ReadScope, SqliteStore

from store_contract.conftest_helpers import Opener

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "neo4j"))
import neo4j_launcher  # lives with the Java launcher, outside the package

#: The password of the session's test server (auth is on, as on a real server).
NEO4J_TEST_PASSWORD = "odyssey-test-password"


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


class _SessionNeo4j:
    """One Neo4j server for the whole test session, started on first use."""

    def __init__(self) -> None:
        self.server: neo4j_launcher.Neo4jServer | None = None
        self.failure: str | None = None

    def uri(self) -> str:
        """The server's Bolt URI; skips (or, under CI, fails) the test when it cannot start."""
        if self.server is None and self.failure is None:
            missing = neo4j_launcher.missing_tools()
            if missing:
                self.failure = f"{' and '.join(missing)} not on PATH"
            else:
                try:
                    server = neo4j_launcher.Neo4jServer(password=NEO4J_TEST_PASSWORD)
                    self.server = server.start()
                except neo4j_launcher.LauncherError as err:
                    self.failure = str(err)
        if self.failure is not None:
            message = f"no Neo4j test server: {self.failure}"
            if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
                pytest.fail(f"{message} (CI=true: the Neo4j run is mandatory)", pytrace=False)
            pytest.skip(f"{message}; install Java 17 and Maven to run the Neo4j store tests")
        assert self.server is not None
        return self.server.uri

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


NEO4J = _SessionNeo4j()


@pytest.fixture(scope="session", autouse=True)
def _stop_neo4j_at_the_end() -> Iterator[None]:
    """Stop the session's Neo4j server (if a test started it) when the session ends."""
    yield
    NEO4J.stop()


def neo4j_auth() -> tuple[str, str]:
    """Credentials of the session's test server."""
    return ("neo4j", NEO4J_TEST_PASSWORD)


def empty_neo4j() -> str:
    """The session server's URI, with its database emptied (schema kept)."""
    from odyssey.graph.neo4j_store import Neo4jStore

    uri = NEO4J.uri()
    store = Neo4jStore(uri, auth=neo4j_auth())
    try:
        with store.driver.session() as session:
            session.run(
                "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
            ).consume()
    finally:
        store.close()
    return uri


def _neo4j(tmp: Path) -> Opener:
    from odyssey.graph.neo4j_store import Neo4jStore

    uri = empty_neo4j()

    def opener(scope: ReadScope | None = None) -> GraphStore:
        return Neo4jStore(uri, scope, auth=neo4j_auth())

    return opener


STORE_BACKENDS: dict[str, Callable[[Path], Opener]] = {"embedded": _embedded, "neo4j": _neo4j}


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
