"""Graph storage and (later) analytics.

``open_store(uri)`` returns a :class:`GraphStore`: the embedded SQLite store for
a path or ``sqlite:///`` URI. Every store implements the same interface and
passes the same contract tests.

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

__all__ = [
    "NO_FILTER",
    "Batch",
    "Counts",
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

    ``uri`` is a file path or ``sqlite:///path`` for the embedded store; when
    None, ``$ODYSSEY_STORE`` or the per-user default (see ``odyssey.config``).
    """
    uri = resolve_store_uri(uri)
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in ("", "sqlite"):
        return SqliteStore(uri, scope)
    if scheme in ("bolt", "neo4j", "bolt+s", "neo4j+s"):
        raise StoreError(
            f"this version of Odyssey has no Neo4j store yet, so {uri} cannot be opened; "
            "use a file path for the embedded store"
        )
    raise StoreError(
        f"unknown store URI scheme {scheme!r} in {uri}; use a file path or sqlite:///path"
    )
