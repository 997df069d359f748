"""Graph storage and (later) analytics.

``open_store(uri)`` returns a :class:`GraphStore`: the embedded SQLite store for
a path or ``sqlite:///`` URI, the Neo4j store for a ``bolt://`` or ``neo4j://``
URI. Every store implements the same interface and passes the same contract tests.

>>> import tempfile, os
>>> store = open_store(os.path.join(tempfile.mkdtemp(), "case.db"))
>>> store.counts().documents
0
>>> store.close()
"""

from __future__ import annotations

import os

from odyssey.config import resolve_store_uri
from odyssey.errors import StoreError

from .sqlite_store import SqliteStore
from .store import (
    NO_FILTER,
    Batch,
    Counts,
    DocumentFacts,
    GraphFilter,
    GraphStore,
    Judgement,
    ReadScope,
    Record,
    SearchHit,
    SeriesPoint,
    Subgraph,
    WriteResult,
)

#: URI schemes served by the Neo4j store (kept here so that opening SQLite never loads the driver).
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

__all__ = [
    "NO_FILTER",
    "Batch",
    "Counts",
    "DocumentFacts",
    "GraphFilter",
    "GraphStore",
    "Judgement",
    "ReadScope",
    "Record",
    "SearchHit",
    "SeriesPoint",
    "SqliteStore",
    "Subgraph",
    "WriteResult",
    "open_store",
]


def open_store(
    uri: str | os.PathLike[str] | None = None, scope: ReadScope | None = None
) -> GraphStore:
    """Open (creating on first use) the store at ``uri``.

    ``uri`` is a file path or ``sqlite:///path`` for the embedded store,
    ``bolt://host:7687`` or ``neo4j://host:7687`` for Neo4j (credentials from
    ``$ODYSSEY_NEO4J_USER`` / ``$ODYSSEY_NEO4J_PASSWORD``); when None,
    ``$ODYSSEY_STORE`` or the per-user default (see ``odyssey.config``).
    """
    uri = resolve_store_uri(uri)
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in ("", "sqlite"):
        return SqliteStore(uri, scope)
    if scheme in NEO4J_SCHEMES:
        from .neo4j_store import Neo4jStore  # the driver loads only when a server is asked for

        return Neo4jStore(uri, scope)
    raise StoreError(
        f"unknown store URI scheme {scheme!r} in {uri}; "
        "use a file path, sqlite:///path or bolt://host:7687"
    )
