"""The ``Workbench`` facade: the one door that the CLI, the app and notebooks use.

It holds a store and answers in the terms analysts use (search, neighbourhood,
evidence, counts, trends). Views never talk to a store directly, so access
rules and later caches live here and in the store's scope, not in every page.

Example
-------
>>> import odyssey, tempfile, os
>>> with odyssey.open(os.path.join(tempfile.mkdtemp(), "o.db")) as wb:
...     wb.counts().documents
0
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from odyssey.errors import NotFoundError
from odyssey.graph import (
    NO_FILTER,
    Counts,
    GraphFilter,
    GraphStore,
    ReadScope,
    SearchHit,
    SeriesPoint,
    Subgraph,
    open_store,
)
from odyssey.graph.store import GroupBy, Measure, Period
from odyssey.model import Document, Link

if TYPE_CHECKING:  # networkx, the analytics and the NLP load only when asked for
    from collections.abc import Callable

    import networkx as nx

    from odyssey.graph import analytics
    from odyssey.ingest.mapping import Mapping
    from odyssey.ingest.pipeline import IngestProgress, IngestSummary


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """A link's source, as an analyst reads it: the report and the exact words."""

    document: Document
    text: str
    start: int
    end: int


class Workbench:
    """Everything a user does with one store. Open one with :func:`odyssey.open`."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def search(
        self, text: str, *, types: Iterable[str] | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """Entities whose label or aliases match ``text`` (case and accents ignored)."""
        return self.store.search(text, types=types, limit=limit)

    def neighbourhood(
        self,
        entity_id: str,
        *,
        hops: int = 1,
        filters: GraphFilter = NO_FILTER,
        max_nodes: int = 500,
    ) -> Subgraph:
        """The entity and everything within ``hops`` links of it that passes ``filters``."""
        return self.store.expand([entity_id], hops=hops, filters=filters, max_nodes=max_nodes)

    def evidence(self, link: Link) -> EvidenceView:
        """The report and the exact sentence (or table row) that states ``link``."""
        ev = link.evidence
        document = self.store.document(ev.document_id)
        if document is None:
            raise NotFoundError(
                f"the report behind link {link.id} is not readable with your access"
            )
        return EvidenceView(
            document=document, text=document.text[ev.start : ev.end], start=ev.start, end=ev.end
        )

    def counts(self) -> Counts:
        """Totals of what you can see."""
        return self.store.counts()

    def time_series(
        self,
        measure: Measure,
        *,
        by: Period = "month",
        group_by: GroupBy | None = None,
        filters: GraphFilter = NO_FILTER,
    ) -> list[SeriesPoint]:
        """A measure per period (see :meth:`GraphStore.time_series`)."""
        return self.store.time_series(measure, by=by, group_by=group_by, filters=filters)

    # -- ingestion (see odyssey.ingest.pipeline) ---------------------------------------------

    def ingest(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        case: str | None = None,
        mappings: Iterable[str | os.PathLike[str] | Mapping] = (),
        progress: Callable[[IngestProgress], None] | None = None,
    ) -> IngestSummary:
        """Read reports, e-mails, PDF/DOCX, tables and network files into the store.

        ``paths`` is a file or folder, or several (folders are read recursively).
        ``case`` files documents that name no case of their own under that case
        reference; ``mappings`` are table mappings (TOML files or loaded
        ``Mapping`` objects) tried before the built-in ones. ``progress``, if
        given, is called with an ``IngestProgress`` (``done``, ``total`` and the
        ``files`` just finished, each a ``FileResult`` with its status and
        reason) as the run advances, so a page can list each file as it lands.

        Idempotent (a file already stored is skipped) and atomic per file; a
        file that cannot be read is reported, not raised, and the rest lands.

        >>> import odyssey, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "r.txt").write_text("REFERENCE: NCB-ROME/2026/1\\n\\nAli uses +218 91 234 5678.")
        >>> with odyssey.open(folder / "case.db") as wb:
        ...     wb.ingest(folder).counts()["new"]
        1
        """
        from odyssey.ingest.mapping import Mapping, load_mapping
        from odyssey.ingest.pipeline import ingest

        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        loaded = [m if isinstance(m, Mapping) else load_mapping(m) for m in mappings]
        return ingest(self.store, paths, case_id=case, mappings=loaded, progress=progress)

    # -- analytics: thin calls of odyssey.graph.analytics on a projection ------------------------

    def graph(
        self,
        *,
        entity_types: Iterable[str] | None = None,
        link_types: Iterable[str] | None = None,
        cases: Iterable[str] | None = None,
        start: date | None = None,
        end: date | None = None,
        min_confidence: float = 0.0,
        people: bool = False,
    ) -> nx.Graph:
        """The visible graph as networkx, links folded into weighted edges with their evidence.

        ``people=True`` gives the one-mode view: people joined directly or
        through a shared phone, account, document, vehicle or address.
        """
        from odyssey.graph.projection import person_view, project

        graph = project(
            self.store,
            entity_types=entity_types,
            link_types=link_types,
            cases=cases,
            start=start,
            end=end,
            min_confidence=min_confidence,
        )
        return person_view(graph) if people else graph

    def find(self, text: str, graph: nx.Graph) -> Any:
        """The entity of ``graph`` that ``text`` names: id, exact label, else full-text search."""
        from odyssey.graph.analytics import find_entity

        return find_entity(
            graph, text, lambda q: [hit.entity.id for hit in self.store.search(q, limit=50)]
        )

    def communities(self, graph: nx.Graph | None = None, **options: Any) -> analytics.Communities:
        """Communities of ``graph`` (default: everything visible); see ``analytics.communities``."""
        from odyssey.graph.analytics import communities

        return communities(self.graph() if graph is None else graph, **options)

    def centrality(self, graph: nx.Graph | None = None, **options: Any) -> list[analytics.Score]:
        """Entities ranked by a centrality; see ``analytics.centrality``."""
        from odyssey.graph.analytics import centrality

        return centrality(self.graph() if graph is None else graph, **options)

    def disrupt(self, graph: nx.Graph | None = None, **options: Any) -> analytics.Disruption:
        """Key players and the disruption curve; see ``analytics.disrupt``."""
        from odyssey.graph.analytics import disrupt

        return disrupt(self.graph() if graph is None else graph, **options)

    def paths(
        self, a: str, b: str, *, k: int = 3, graph: nx.Graph | None = None
    ) -> list[dict[str, Any]]:
        """The ``k`` shortest paths from ``a`` to ``b`` (ids or labels), every hop with its sentences."""
        from odyssey.graph.analytics import shortest_paths, to_jsonable

        graph = self.graph() if graph is None else graph
        found = shortest_paths(graph, self.find(a, graph), self.find(b, graph), k=k)
        documents: dict[str, Document | None] = {}
        out = to_jsonable(found)
        for path in out:
            for hop in path["hops"]:
                for record in hop["links"]:
                    doc_id = record["document"]
                    if doc_id not in documents:
                        documents[doc_id] = self.store.document(doc_id)
                    doc = documents[doc_id]
                    record["text"] = doc.text[record["start"] : record["end"]] if doc else None
                    record["reference"] = (doc.reference or doc.source) if doc else None
        return out

    def predict(self, graph: nx.Graph | None = None, **options: Any) -> list[analytics.Prediction]:
        """Likely missing links with reasons; see ``analytics.predict_links``."""
        from odyssey.graph.analytics import predict_links

        return predict_links(self.graph() if graph is None else graph, **options)

    def crosscase(self, graph: nx.Graph | None = None) -> analytics.CrossCase:
        """Entities shared by cases and the case-to-case links; see ``analytics.cross_case``."""
        from odyssey.graph.analytics import cross_case

        return cross_case(self.graph() if graph is None else graph)

    def periods(self, graph: nx.Graph | None = None, **options: Any) -> analytics.Periods:
        """A measure per month or quarter and who rose or fell; see ``analytics.periods``."""
        from odyssey.graph.analytics import periods

        return periods(self.graph() if graph is None else graph, **options)

    # -- entity resolution (see odyssey.ingest.resolution) ---------------------------------

    def resolve(self, *, full: bool = False):  # type: ignore[no-untyped-def]
        """Resolve people and organisations across reports (incremental; ``full`` rescores all)."""
        from odyssey.ingest.resolution import resolve

        return resolve(self.store, full=full)

    def explain(self, a: str, b: str):  # type: ignore[no-untyped-def]
        """Why two entities (or records) are, or are not, one: scores, reasons, decisions."""
        from odyssey.ingest.resolution import explain

        return explain(self.store, a, b)

    def judge(self, decision: str, a: str, b: str | None = None, *, records=(), note: str = ""):  # type: ignore[no-untyped-def]
        """Record an analyst decision (same, not_same, split, forget) and apply it at once."""
        from odyssey.ingest.resolution import judge, resolve

        written = judge(self.store, decision, a, b, records=records, note=note)
        resolve(self.store)
        return written

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(uri: str | os.PathLike[str] | None = None, *, scope: ReadScope | None = None) -> Workbench:
    """Open the workbench on the store at ``uri`` (default: ``$ODYSSEY_STORE`` or the per-user store)."""
    return Workbench(open_store(uri, scope))
