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

import gc
import heapq
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from odyssey.collector import collector_paused
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
from odyssey.journeys import journey
from odyssey.model import Case, Document, Entity, Link, Mention

if TYPE_CHECKING:  # networkx, the analytics and the NLP load only when asked for
    from collections.abc import Callable

    import networkx as nx
    import pandas as pd

    from odyssey.graph import Judgement, Record, analytics
    from odyssey.graph.analytics.crosscase_strength import RankedCrossCase
    from odyssey.graph.analytics.trends import CommunityProfile, StrategicData, StrategicTrends
    from odyssey.ingest.mapping import Mapping
    from odyssey.ingest.pipeline import IngestProgress, IngestSummary
    from odyssey.ingest.resolution import Explanation, ResolveSummary
    from odyssey.ingest.resolution.review import Candidate


@dataclass(frozen=True, slots=True)
class Route:
    """A journey written in a report: place entity ids from origin to destination, and where."""

    stops: tuple[str, ...]
    document_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """A link's source, as an analyst reads it: the report and the exact words."""

    document: Document
    text: str
    start: int
    end: int


class Workbench:
    """Everything a user does with one store. Open one with :func:`odyssey.open`.

    The methods, by what they are for:

    * loading: :meth:`ingest` (files and folders), :meth:`resolve` (one person
      written many ways becomes one entity), :meth:`explain`, :meth:`judge`;
    * reading: :meth:`search`, :meth:`neighbourhood`, :meth:`evidence`,
      :meth:`counts`, :meth:`time_series`, :meth:`frame` (pandas tables);
    * analysing: :meth:`graph` (networkx), :meth:`communities`,
      :meth:`centrality`, :meth:`disrupt`, :meth:`paths`, :meth:`predict`,
      :meth:`crosscase`, :meth:`periods`.

    A workbench is a context manager; leaving the ``with`` block closes the store.
    """

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

    def frame(self, kind: str, **filters: Any) -> pd.DataFrame:
        """A pandas DataFrame of ``kind``: one row per entity, link, mention, report, case or period.

        ``kind`` is ``"entities"``, ``"links"``, ``"mentions"``, ``"documents"``,
        ``"cases"`` or ``"time_series"`` (which also takes ``measure=``, ``by=``
        and ``group_by=`` as :meth:`time_series` does). ``filters`` are those of
        :meth:`graph` where they make sense for the kind (``entity_types``,
        ``link_types``, ``cases``, ``start``, ``end``, ``min_confidence``); one
        value may be given as a plain string, a date as ``"YYYY-MM-DD"``. The
        columns are listed in ``odyssey.frames.COLUMNS``; links carry both ends'
        labels, the date, the case and the sentence that states them.

        >>> import odyssey, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "r.txt").write_text(
        ...     "REFERENCE: NCB-ROME/2026/2\\n\\nAli HASSAN uses the number +218 91 234 5678.")
        >>> with odyssey.open(folder / "case.db") as wb:
        ...     _ = wb.ingest(folder)
        ...     links = wb.frame("links")
        >>> links[["source_label", "type", "target_label"]].values.tolist()
        [['Ali HASSAN', 'USES', '+218912345678']]
        >>> links.loc[0, "evidence"]
        'Ali HASSAN uses the number +218 91 234 5678.'
        """
        from odyssey.frames import frame

        return frame(self.store, kind, **filters)

    # -- ingestion (see odyssey.ingest.pipeline) ---------------------------------------------

    def ingest(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        case: str | None = None,
        mappings: Iterable[str | os.PathLike[str] | Mapping] = (),
        progress: Callable[[IngestProgress], None] | None = None,
        workers: int = 1,
    ) -> IngestSummary:
        """Read reports, e-mails, PDF/DOCX, tables and network files into the store.

        ``paths`` is a file or folder, or several (folders are read recursively).
        ``case`` files documents that name no case of their own under that case
        reference; ``mappings`` are table mappings (TOML files or loaded
        ``Mapping`` objects) tried before the built-in ones. ``progress``, if
        given, is called with an ``IngestProgress`` (``done``, ``total`` and the
        ``files`` just finished, each a ``FileResult`` with its status and
        reason) as the run advances, so a page can list each file as it lands.
        ``workers`` processes extract (``0``: one per core, up to four, when there
        are enough files); the default, one, keeps all work in this process,
        which suits a notebook or a web server's thread.

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
        return ingest(
            self.store, paths, case_id=case, mappings=loaded, progress=progress, workers=workers
        )

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
        through a shared phone, account, document, vehicle or address. The
        filters are those of :class:`GraphFilter`: entity and link types, the
        cases and date window of the reports that state a link, a minimum
        confidence. Every edge keeps ``links``, one record per statement.

        >>> import odyssey, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "r.txt").write_text(
        ...     "REFERENCE: NCB-ROME/2026/3\\n\\nAli HASSAN uses the number +218 91 234 5678. "
        ...     "Omar FAROUK uses the number +218 91 234 5678.")
        >>> with odyssey.open(folder / "case.db") as wb:
        ...     _ = wb.ingest(folder)
        ...     g = wb.graph()
        ...     people = wb.graph(people=True)
        >>> sorted(label for _, label in g.nodes(data="label"))
        ['+218912345678', 'Ali HASSAN', 'Omar FAROUK']
        >>> [[hub["label"] for hub in shared] for *_, shared in people.edges(data="shared")]
        [['+218912345678']]
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

    def resolve(self, *, full: bool = False) -> ResolveSummary:
        """Resolve people and organisations across reports (incremental; ``full`` rescores all).

        Decides which records (a name as one report writes it) are one person
        or organisation, across spellings, scripts and languages; reversible
        with :meth:`judge`. Run it after :meth:`ingest`.
        """
        from odyssey.ingest.resolution import resolve

        return resolve(self.store, full=full)

    def explain(self, a: str, b: str) -> Explanation:
        """Why two entities (or records) are, or are not, one: scores, reasons, decisions."""
        from odyssey.ingest.resolution import explain

        return explain(self.store, a, b)

    def judge(
        self,
        decision: str,
        a: str,
        b: str | None = None,
        *,
        records: Iterable[str] = (),
        note: str = "",
    ) -> list[Judgement]:
        """Record an analyst decision (same, not_same, split, forget) and apply it at once."""
        from odyssey.ingest.resolution import judge, resolve

        written = judge(self.store, decision, a, b, records=records, note=note)
        resolve(self.store)
        return written

    # -- strategic trends, cross-case and resolution review (the dash-pages block) -----------
    #
    # Reads of the app's trends, cross-case and review pages (also handy in notebooks).
    # Strategic figures leave here already suppressed (odyssey.disclosure), so a view and
    # its export can only show what may be shown. Data is cached like the app's other reads
    # (CACHE_SECONDS; refresh() after a write).

    def trends(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        categories: Iterable[str] | None = None,
        region: str | None = None,
        by: str = "month",
        breakdown: str = "crime_category",
    ) -> StrategicTrends:
        """Reports, cases, suspects and victims per period and group, routes, nationalities, KPIs.

        ``categories`` (crime categories) and ``region`` (an INTERPOL region or a
        regional body, see ``odyssey.regions``) filter the reports; ``start`` and
        ``end`` bound their dates; ``by`` is month, quarter or year; ``breakdown``
        is none, crime_category, interpol or bodies. Every count is published
        through ``odyssey.disclosure.suppress`` (1 to 4 read "<5"). Definitions:
        ``odyssey.graph.analytics.trends``.
        """
        from odyssey.graph.analytics.trends import publish, tally

        data = self._strategic_data()
        result = tally(
            data,
            start=start,
            end=end,
            categories=categories,
            region=region,
            by=by,
            breakdown=breakdown,
        )
        return publish(result, data, by=by, breakdown=breakdown)

    def largest_communities(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        categories: Iterable[str] | None = None,
        region: str | None = None,
        top: int = 5,
    ) -> list[CommunityProfile]:
        """The ``top`` communities with the most members named in the filtered reports.

        Communities are found once on the whole visible network (Louvain, cached
        like the projection); the filters say where each is active. Described
        without names: members, people, cases, countries, crime types (suppressed).
        See ``odyssey.graph.analytics.trends.active_communities``.
        """
        from odyssey.disclosure import suppress
        from odyssey.graph.analytics import communities
        from odyssey.graph.analytics.trends import CommunityProfile, active_communities

        membership = self._app_cache()._get(
            ("communities",),
            self,
            lambda: communities(self.cached_graph(), "louvain", seed=0).membership(),
        )
        found = active_communities(
            self._strategic_data(),
            membership,
            start=start,
            end=end,
            categories=categories,
            region=region,
            top=top,
        )
        return [
            CommunityProfile(
                size=suppress(c.entities),
                people=suppress(c.people),
                cases=suppress(c.cases),
                countries=c.countries,
                categories=c.categories,
            )
            for c in found
        ]

    def crosscase_ranked(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        categories: Iterable[str] | None = None,
        entity_types: Iterable[str] | None = None,
        top_links: int | None = 300,
    ) -> RankedCrossCase:
        """Entities shared by cases and the case-to-case links, strongest first, each with why.

        ``entity_types`` limits which entities can join cases (places and events
        join many cases without meaning much; leave them out for leads);
        ``categories`` keeps the cases of these crime categories; ``top_links``
        keeps the case links sharing the most (None: all). Cached like the
        projection it reads. See ``odyssey.graph.analytics.crosscase_strength``.
        """
        from odyssey.graph.analytics import cross_case
        from odyssey.graph.analytics.crosscase_strength import RankedCrossCase, rank

        cases = self._strategic_cases(categories, None)
        if cases is not None and not cases:
            return RankedCrossCase([], [], 0)
        types = frozenset(entity_types) if entity_types is not None else None
        filters = GraphFilter(entity_types=types, cases=cases, start=start, end=end)

        def build() -> RankedCrossCase:
            graph = self._analysis_graph(filters)
            return rank(graph, cross_case(graph), top_links=top_links)

        return self._app_cache()._get(("crosscase", filters, top_links), self, build)

    def review_queue(
        self,
        *,
        status: str = "open",
        types: Iterable[str] | None = None,
        text: str = "",
        limit: int = 50,
    ) -> list[Candidate]:
        """Record pairs the resolver scored, least certain first, with reasons and decisions.

        ``status`` is open (no analyst decision yet), decided or all. Decide with
        :meth:`judge`; see ``odyssey.ingest.resolution.review``.
        """
        from odyssey.ingest.resolution.review import candidates

        records, judgements = self._review_data()
        return candidates(records, judgements, status=status, types=types, text=text, limit=limit)

    def entity_records(self, entity_id: str) -> list[Record]:
        """The records an entity is made of now, oldest first (what a split picks from)."""
        from odyssey.ingest.resolution.review import records_of_entity

        records, _ = self._review_data()
        return records_of_entity(records, entity_id)

    def _strategic_data(self) -> StrategicData:
        """What trends count from: read once and cached like the app's other reads (when
        stale, the old data answers while a background thread reads the store again)."""
        from odyssey.graph.analytics.trends import gather
        from odyssey.ingest.ncbs import country_of_ncb

        def build() -> StrategicData:
            data = gather(self.store, country_of_ncb)
            data.index()  # the arrays every tally counts with
            return data

        return self._app_cache()._get(("strategic",), self, build)

    def _strategic_cases(
        self, categories: Iterable[str] | None, region: str | None
    ) -> frozenset[str] | None:
        """The ids of the cases of these crime categories and this region (None: no filter)."""
        from odyssey.regions import members

        if categories is None and region is None:
            return None
        wanted = set(categories) if categories is not None else None
        area = members(region) if region else None
        return frozenset(
            c.id
            for c in self.cases()
            if (wanted is None or str(c.crime_category) in wanted)
            and (area is None or c.country in area)
        )

    def _review_data(self) -> tuple[list[Record], list[Judgement]]:
        return self._app_cache()._get(
            ("review",), self, lambda: (self.store.records(), self.store.judgements())
        )

    def _analysis_graph(self, filters: GraphFilter) -> nx.Graph:
        """The cached projection as :meth:`graph` would give it for ``filters``.

        :meth:`cached_graph` views the whole projection through the filters but keeps
        every link record on an edge and every case on a node; an analysis that
        counts cases (cross-case links) needs only the records that pass. So this is
        a new graph: passing records only, weights and types recounted, node cases
        from those records (nothing is shared with the cache; analyses may annotate it).
        """
        import networkx as nx

        view = self.cached_graph(filters)
        if filters == NO_FILTER:
            return view
        out = nx.Graph(**view.graph)
        for a, b, edge in view.edges(data=True):
            records = [r for r in edge["links"] if _passes(r, filters)]
            if not records:
                continue
            for node in (a, b):
                if node not in out:
                    out.add_node(node, **{**view.nodes[node], "cases": set()})
                out.nodes[node]["cases"].update(r["case"] for r in records if r["case"])
            recount = {"links": records, "weight": len(records)}
            recount["types"] = sorted({r["type"] for r in records})
            if "strength" in edge:
                recount["strength"] = max(r["confidence"] for r in records)
            out.add_edge(a, b, **{**edge, **recount})
        return out

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads for the app (odyssey.dashboards) ----------------------------------------------
    #
    # The Dash app reads only through these and the methods above. They bound what
    # one request may cost (node limits, cached projections), so pages stay quick on
    # a store of hundreds of thousands of links.

    #: How long a cached projection or label index is served before it is rebuilt (seconds).
    #: Writes made through this workbench, and :meth:`refresh`, drop the caches at once.
    CACHE_SECONDS = 60.0

    @property
    def source(self) -> str:
        """The URI of the store this workbench reads: what the app says it shows."""
        return self.store.uri

    def refresh(self) -> None:
        """Forget cached projections and indexes (after an ingest, a resolution, a judgement)."""
        self._app_cache().clear()

    def cases(self) -> list[Case]:
        """Every case with a visible report, by id."""
        return self.store.cases()

    def entity(self, entity_id: str) -> Entity:
        """One visible entity by id (``NotFoundError`` when absent or outside your access)."""
        found = self.store.entities([entity_id], limit=1)
        if not found:
            raise NotFoundError(f"no entity {entity_id!r} is visible in this store; search again")
        return found[0]

    def documents_by_id(self, ids: Iterable[str]) -> dict[str, Document]:
        """The visible documents of ``ids`` (cached: a document id is its content's hash)."""
        cache = self._app_cache().documents
        out: dict[str, Document] = {}
        for doc_id in dict.fromkeys(ids):
            if doc_id not in cache:
                cache.put(doc_id, self.store.document(doc_id))
            doc = cache.get(doc_id)
            if doc is not None:
                out[doc_id] = doc
        return out

    def mentions_of(
        self, *, document_id: str | None = None, entity_id: str | None = None, limit: int = 10_000
    ) -> list[Mention]:
        """Visible mentions of one document and/or one entity, by document then offset."""
        return self.store.mentions(document_id=document_id, entity_id=entity_id, limit=limit)

    def find_entities(
        self, text: str, *, types: Iterable[str] | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """Search that forgives typos: the store's full-text search, topped up by fuzzy matching.

        Word prefixes first (``"hass"`` finds ``HASSAN``); when they give fewer than
        ``limit`` hits, labels and aliases within a small edit distance of the query
        follow (``"hasan"``, ``"abdelrahmen"``), best first, scored 0..100.
        """
        text = text.strip()
        if not text:
            return []
        wanted = frozenset(types) if types is not None else None
        hits = self.store.search(text, types=wanted, limit=limit)
        if len(hits) >= limit:
            return hits
        seen = {hit.entity.id for hit in hits}
        fuzzy = [
            (entity_id, score)
            for entity_id, entity_type, score in self._app_cache().labels(self).match(text)
            if entity_id not in seen and (wanted is None or entity_type in wanted)
        ][: limit - len(hits)]
        ids = [entity_id for entity_id, _ in fuzzy]
        found = {e.id: e for e in self.store.entities(ids, limit=len(ids) + 1)} if ids else {}
        return hits + [SearchHit(found[i], score) for i, score in fuzzy if i in found]

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The visible entities of ``ids``, by id (those that exist)."""
        ids = list(dict.fromkeys(ids))
        return {e.id: e for e in self.store.entities(ids, limit=len(ids) + 1)} if ids else {}

    def chart(
        self,
        seeds: Iterable[str],
        *,
        hops: int = 1,
        filters: GraphFilter = NO_FILTER,
        max_nodes: int = 500,
        add: Iterable[str] = (),
    ) -> tuple[nx.Graph, bool]:
        """A link chart: ``seeds`` and their ``hops``-hop neighbourhood, folded like a projection.

        Read from the cached projection (:meth:`cached_graph`), so growing a
        chart costs no store query. Like :meth:`GraphStore.expand`, neighbours
        joined by the strongest links come first, the chart stops at
        ``max_nodes`` (then the second value, *truncated*, is True), and
        ``filters.entity_types`` never hides a seed. ``add`` (a path's entities)
        join as they are, without their neighbours. Returns a new graph (see :meth:`among`).
        """
        base = self._app_cache().graph(self)
        wanted = filters.entity_types
        seeds = list(dict.fromkeys(seeds))
        nodes: dict[str, None] = dict.fromkeys(seeds)
        frontier, truncated = [s for s in seeds if s in base], False
        for _ in range(hops):
            candidates: dict[str, float] = {}
            for node in frontier:
                for other, edge in base[node].items():
                    if other in nodes or (
                        wanted is not None and base.nodes[other]["type"] not in wanted
                    ):
                        continue
                    strength = (
                        edge["strength"]
                        if filters == NO_FILTER
                        else max(
                            (r["confidence"] for r in edge["links"] if _passes(r, filters)),
                            default=-1.0,
                        )
                    )
                    if strength >= 0 and strength > candidates.get(other, -1.0):
                        candidates[other] = strength
            room = max_nodes - len(nodes)
            truncated = len(candidates) > room
            # the strongest first (ties by id): a partial sort, as hubs have tens of thousands
            frontier = heapq.nsmallest(room, candidates, key=lambda n: (-candidates[n], n))
            nodes.update(dict.fromkeys(frontier))
            if truncated or not frontier:
                break
        for extra in add:
            nodes.setdefault(extra, None)
        chart = self.among(nodes, filters=replace(filters, entity_types=None))
        if missing := [s for s in seeds if s not in chart]:
            raise NotFoundError(f"no entity {missing[0]!r} is visible in this store; search again")
        return chart, truncated

    def among(self, entity_ids: Iterable[str], *, filters: GraphFilter = NO_FILTER) -> nx.Graph:
        """These entities and every link among them that passes ``filters``, folded (a new graph).

        Edges are as in a projection (``weight``, ``types``, ``links``: the link
        records with evidence span, confidence, date and case), keeping only the
        records that pass. Entities without such a link are still there, alone.
        """
        import networkx as nx

        base = self._app_cache().graph(self)
        ids = list(dict.fromkeys(entity_ids))
        wanted = filters.entity_types
        chart = nx.Graph()
        chart.graph.update(base.graph)
        inside = [
            n for n in ids if n in base and (wanted is None or base.nodes[n]["type"] in wanted)
        ]
        for n in inside:
            chart.add_node(n, **base.nodes[n])
        members = set(inside)
        for a in inside:
            adjacency = base._adj[a]  # the dict itself: a view costs ten times more on a hub
            near = (
                [b for b in members if b in adjacency]
                if len(adjacency) > len(members)
                else adjacency
            )
            for b in near:
                if b not in members or b <= a:
                    continue
                edge = adjacency[b]
                records = (
                    edge["links"]
                    if filters == NO_FILTER
                    else [r for r in edge["links"] if _passes(r, filters)]
                )
                if records:
                    chart.add_edge(a, b, weight=len(records), links=records,
                                   types=sorted({r["type"] for r in records}))  # fmt: skip
        lonely = [n for n in ids if n not in base]  # no visible link at all: shown alone
        for entity in self.entities(lonely).values():
            if wanted is None or entity.type in wanted:
                chart.add_node(entity.id, type=entity.type, label=entity.label, cases=set())
        return chart

    def cached_graph(self, filters: GraphFilter = NO_FILTER) -> nx.Graph:
        """The whole visible projection, as :meth:`graph` gives it, kept between requests.

        Built once (in the background when :meth:`warm` is called at start) and
        rebuilt only when the store has changed (checked at most every
        :attr:`CACHE_SECONDS`, off the request path) or after :meth:`refresh`.
        With ``filters``, a read-only filtered view of it (edges with at least one
        link record that passes). Paths and charts from the app run on it.
        """
        import networkx as nx

        base = self._app_cache().graph(self)
        if filters == NO_FILTER:
            return base
        wanted = filters.entity_types
        return nx.subgraph_view(
            base,
            filter_node=lambda n: wanted is None or base.nodes[n]["type"] in wanted,
            filter_edge=lambda a, b: any(_passes(r, filters) for r in base.edges[a, b]["links"]),
        )

    def centrality_scores(self, graph: nx.Graph, measure: str, **options: Any) -> dict[str, float]:
        """Every node's centrality as a dict (unranked: cheaper than :meth:`centrality` for sizing)."""
        from odyssey.graph.analytics import centrality_scores

        return {str(n): v for n, v in centrality_scores(graph, measure, **options).items()}

    def shortest_routes(self, a: str, b: str, *, k: int = 3, graph: nx.Graph) -> list[list[str]]:
        """The ``k`` shortest paths from entity ``a`` to entity ``b`` in ``graph``, as id lists.

        The same paths as :meth:`paths`, without reading every hop's sentences:
        the chart draws them, and a click on a hop reads its evidence.
        """
        from odyssey.graph.analytics.paths import shortest_paths

        return [p.nodes for p in shortest_paths(graph, a, b, k=k)]

    def warm(self) -> None:
        """Build now what the app's first visits read (``odyssey serve`` runs it at start).

        The cached projection and the search index (the link chart), the strategic
        data and the network's communities (trends), and the cross-case ranking for
        its default filters (lead types, every case), in that order: each page then
        opens without waiting. Then the collector is settled (``_AppCache.settle``).
        """
        from odyssey.graph.analytics.crosscase import LEAD_TYPES

        cache = self._app_cache()
        cache.graph(self)
        cache.labels(self)
        self._strategic_data()
        self.largest_communities()
        self.crosscase_ranked(entity_types=LEAD_TYPES)
        cache.settle()  # all of it long-lived: out of the collector's way

    def routes(self, spans: Iterable[tuple[str, int, int]]) -> list[Route]:
        """Journeys written in these evidence spans: the places of one sentence, in reading order.

        ``spans`` are (document id, start, end), e.g. the evidence of a chart's
        links. A span naming two or more distinct places ("from Lagos via Agadez
        to Tripoli", "Paris – Calais – Londres") is one route: origin, transit
        stops, destination, ordered by :func:`odyssey.journeys.journey`.
        """
        by_doc: dict[str, set[tuple[int, int]]] = {}
        for doc_id, start, end in spans:
            by_doc.setdefault(doc_id, set()).add((start, end))
        found: dict[tuple[str, ...], Route] = {}
        text_of = {doc_id: doc.text for doc_id, doc in self.documents_by_id(by_doc).items()}
        for doc_id, doc_spans in by_doc.items():
            if doc_id not in text_of:
                continue
            places = [
                m
                for m in self.store.mentions(document_id=doc_id)
                if m.type == "Location" and m.entity_id
            ]
            for start, end in sorted(doc_spans):
                inside = [
                    (m.start, m.end, m.entity_id)
                    for m in places
                    if start <= m.start and m.end <= end and m.entity_id
                ]
                stops = journey(text_of[doc_id], inside) if len(inside) >= 2 else []
                if len(stops) >= 2 and tuple(stops) not in found:
                    found[tuple(stops)] = Route(tuple(stops), doc_id, start, end)
        return list(found.values())

    def _app_cache(self) -> _AppCache:
        with _CACHE_LOCK:  # made on first use, so the constructor above stays as it is
            cache = self.__dict__.get("_app_cache_instance")
            if cache is None:
                cache = self.__dict__["_app_cache_instance"] = _AppCache(self.CACHE_SECONDS)
            return cache


_CACHE_LOCK = threading.Lock()
log = logging.getLogger("odyssey.workbench")


class _LRU:
    """A small thread-safe least-recently-used map (``None`` values are remembered too)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._data

    def get(self, key: str) -> Any:
        with self._lock:
            self._data.move_to_end(key)
            return self._data[key]

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class _LabelIndex:
    """Every word of every visible label and alias, folded, with the entities that carry it.

    A query matches an entity when each of its words is within a small edit
    distance of one of the entity's words (``fuzz.ratio`` >= :attr:`CUTOFF`; words
    of three letters or fewer must be exact); the score is the mean over the query's words.
    """

    CUTOFF = 80.0

    def __init__(self, entities: Iterable[Entity]) -> None:
        from odyssey.text import fold

        self.owners: list[tuple[str, str]] = []
        postings: dict[str, set[int]] = {}
        for i, entity in enumerate(entities):
            self.owners.append((entity.id, entity.type))
            for form in (entity.label, *entity.aliases):
                for word in _WORDS.findall(fold(form)):
                    postings.setdefault(word, set()).add(i)
        self.words = list(postings)
        self.postings = [postings[w] for w in self.words]

    def match(self, text: str, limit: int = 200) -> list[tuple[str, str, float]]:
        """(entity id, type, score 0..100) of the entities that ``text`` names, best first."""
        from rapidfuzz import fuzz, process

        from odyssey.text import fold

        query = _WORDS.findall(fold(text))[:8]
        if not query or not self.words:
            return []
        best: dict[int, float] | None = None
        for word in query:
            if len(word) <= 3:
                hits = [(w, 100.0, i) for i, w in enumerate(self.words) if w == word]
            else:
                hits = process.extract(
                    word, self.words, scorer=fuzz.ratio, score_cutoff=self.CUTOFF, limit=50
                )
            scores: dict[int, float] = {}
            for _w, score, i in hits:
                for owner in self.postings[i]:
                    scores[owner] = max(scores.get(owner, 0.0), score)
            best = (
                scores if best is None else {o: best[o] + s for o, s in scores.items() if o in best}
            )
            if not best:
                return []
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
        return [(*self.owners[o], round(total / len(query), 1)) for o, total in ranked]


_WORDS = re.compile(r"\w+")


class _AppCache:
    """What the app's reads keep between requests: the projection, the label index, documents.

    The first request for a key builds it (others asking meanwhile wait and share
    it). Later requests get it at once; when it is older than ``max_age``
    seconds, one background thread asks whether the store changed (its counts
    and resolution mark) and rebuilds only then, so no click waits for a
    whole-store read. :meth:`clear` drops everything at once.
    """

    def __init__(self, max_age: float) -> None:
        self.max_age = max_age
        self.documents = _LRU(50_000)
        self._built: dict[Any, tuple[float, Any, Any]] = {}
        self._locks: dict[Any, threading.Lock] = {}
        self._checking: set[Any] = set()
        self._lock = threading.Lock()
        self._settling = threading.Lock()
        self._generation = 0

    def clear(self) -> None:
        with self._lock:
            self._built.clear()
            self._generation += 1
        self.documents.clear()
        with self._settling:  # after any settle under way, which then sees the new generation
            gc.unfreeze()  # what was cached may now be garbage: let the collector see it again

    def settle(self, generation: int | None = None) -> None:
        """Collect garbage once, then freeze what is left (the caches) out of later collections.

        The app's process holds millions of long-lived objects (the projection,
        the indexes, the strategic data). Every full collection walks them all,
        and a request that allocates a lot sets one off: measured, 0.2 s spikes
        became 1 s on a 200 000-link store. Frozen objects are still freed by
        reference counting when a cache drops them; only garbage *cycles* among
        them wait, until the next settle (after each rebuild) collects them.
        """
        with self._settling:
            if generation is not None and generation != self._generation:
                return  # cleared since it was asked for: what it would freeze is stale
            gc.unfreeze()
            gc.collect()
            gc.freeze()

    def _get(self, key: Any, wb: Workbench, build: Any) -> Any:
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
            hit = self._built.get(key)
        if hit is not None:
            if time.monotonic() - hit[0] >= self.max_age:
                self._check_later(key, wb, build)
            return hit[2]
        with lock:
            with self._lock:
                hit, generation = self._built.get(key), self._generation
            if hit is not None:
                return hit[2]
            token = _change_token(wb)
            # a build allocates hundreds of thousands of objects next to the projection's
            # millions: full collections made a cross-case ranking on a 200 000-link store six
            # times slower (1.2 s instead of 0.2 s for the case pairs alone)
            with collector_paused():
                value = build()
            with self._lock:
                if generation == self._generation:  # not cleared while it was being built
                    self._built[key] = (time.monotonic(), token, value)
            return value

    def _check_later(self, key: Any, wb: Workbench, build: Any) -> None:
        with self._lock:
            if key in self._checking:
                return
            self._checking.add(key)
            generation = self._generation

        def check() -> None:
            try:
                token = _change_token(wb)
                with self._lock:
                    hit = self._built.get(key)
                # unchanged: only the time of the check moves
                rebuilt = hit is None or hit[1] != token
                if not rebuilt:
                    value = hit[2]
                else:
                    with collector_paused():
                        value = build()
                with self._lock:
                    if generation == self._generation:
                        self._built[key] = (time.monotonic(), token, value)
                if rebuilt:
                    self.settle()  # the old value is garbage now; freeze the new one
            except Exception:  # the old value stays; a later request checks again
                log.exception("refreshing the app's cached projection failed")
            finally:
                with self._lock:
                    self._checking.discard(key)

        threading.Thread(target=check, name="odyssey-cache-check", daemon=True).start()

    def graph(self, wb: Workbench) -> nx.Graph:
        def build() -> nx.Graph:
            graph = wb.graph()
            for _a, _b, edge in graph.edges(data=True):
                edge["strength"] = max(r["confidence"] for r in edge["links"])
            # the projection is most of the long-lived heap: settle once it is cached
            threading.Thread(
                target=self.settle, args=(self._generation,), name="odyssey-gc-settle", daemon=True
            ).start()
            return graph

        return self._get(("graph",), wb, build)

    def labels(self, wb: Workbench) -> _LabelIndex:
        def build() -> _LabelIndex:
            total = sum(wb.counts().entities.values())
            return _LabelIndex(wb.store.entities(limit=total + 1))

        return self._get(("labels",), wb, build)


def _change_token(wb: Workbench) -> tuple[str, int]:
    """Changes whenever the store does: what it counts, and the last resolution's mark."""
    import json

    return json.dumps(wb.counts().to_dict(), sort_keys=True), wb.store.resolved_through()


def _passes(record: dict[str, Any], f: GraphFilter) -> bool:
    """Whether a projection's link record passes ``f`` (as :class:`GraphFilter` defines it).

    The store applies the same rules in its queries; this is their in-memory
    form for the cached projection: link types, the case and date (``occurred_at``,
    else the report's date) of the report that states the link, its confidence.
    """
    if f.link_types is not None and record["type"] not in f.link_types:
        return False
    if f.cases is not None and record["case"] not in f.cases:
        return False
    if record["confidence"] < f.min_confidence:
        return False
    if f.start is not None or f.end is not None:
        day = record["date"]
        if (
            day is None
            or (f.start is not None and day < f.start)
            or (f.end is not None and day > f.end)
        ):
            return False
    return True


def open(uri: str | os.PathLike[str] | None = None, *, scope: ReadScope | None = None) -> Workbench:
    """Open the workbench on the store at ``uri`` (default: ``$ODYSSEY_STORE`` or the per-user store)."""
    return Workbench(open_store(uri, scope))
