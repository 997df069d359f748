"""Odyssey: a link-analysis workbench for transnational trafficking and smuggling cases.

Three lines to a networkx graph::

    import odyssey
    wb = odyssey.open("case.db")        # the embedded store, created on first use
    g = wb.graph()                      # everything you may see, as a weighted networkx graph

From reports to tables and analyses::

    wb.ingest("reports/")               # messages, e-mails, PDF/DOCX, tables; idempotent
    wb.resolve()                        # one person written many ways becomes one entity
    wb.frame("links")                   # a pandas DataFrame, one row per link, with its sentence
    wb.communities(g)                   # also centrality, disrupt, paths, predict, crosscase, periods

``odyssey.open("bolt://host:7687")`` opens a Neo4j store instead; every method
works the same on both. The parts: :class:`Workbench` (the facade the CLI, the
app and notebooks all use), ``odyssey.model`` (documents, mentions, entities,
links, cases), ``odyssey.graph`` (stores, projection, analytics),
``odyssey.ingest`` (readers, extraction, resolution, the synthetic corpus),
``odyssey.frames`` (the tables behind :meth:`Workbench.frame`).

The result types exported here are what the methods return; those of ingestion,
resolution and the analytics load with their modules on first use, so
``import odyssey`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from odyssey.errors import OdysseyError
from odyssey.graph import Counts, GraphFilter, ReadScope, SearchHit, SeriesPoint, Subgraph
from odyssey.model import Case, Document, Entity, Link, Mention
from odyssey.workbench import EvidenceView, Workbench, open

if TYPE_CHECKING:
    from odyssey.graph.analytics import (
        Communities,
        CrossCase,
        Disruption,
        Periods,
        Prediction,
        Score,
    )
    from odyssey.ingest.pipeline import FileResult, IngestProgress, IngestSummary
    from odyssey.ingest.resolution import Explanation, ResolveSummary

#: Result types that live with heavier modules (spaCy, networkx): name -> module.
_LAZY = {
    "IngestSummary": "odyssey.ingest.pipeline",
    "IngestProgress": "odyssey.ingest.pipeline",
    "FileResult": "odyssey.ingest.pipeline",
    "ResolveSummary": "odyssey.ingest.resolution",
    "Explanation": "odyssey.ingest.resolution",
    "Communities": "odyssey.graph.analytics",
    "Score": "odyssey.graph.analytics",
    "Disruption": "odyssey.graph.analytics",
    "Prediction": "odyssey.graph.analytics",
    "CrossCase": "odyssey.graph.analytics",
    "Periods": "odyssey.graph.analytics",
}

__all__ = [
    "Case",
    "Communities",
    "Counts",
    "CrossCase",
    "Disruption",
    "Document",
    "Entity",
    "EvidenceView",
    "Explanation",
    "FileResult",
    "GraphFilter",
    "IngestProgress",
    "IngestSummary",
    "Link",
    "Mention",
    "OdysseyError",
    "Periods",
    "Prediction",
    "ReadScope",
    "ResolveSummary",
    "Score",
    "SearchHit",
    "SeriesPoint",
    "Subgraph",
    "Workbench",
    "open",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Load a result type of ingestion, resolution or the analytics when first asked for."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'odyssey' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
