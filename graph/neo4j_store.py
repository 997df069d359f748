"""The team store: Neo4j 5 over Bolt, with the official ``neo4j`` driver.

Same semantics as the embedded store (the contract suite proves it), laid out
as a graph:

* ``(:Document)``, ``(:Case)``, ``(:Entity)`` and ``(:Mention)`` nodes keyed by
  ``id`` (uniqueness constraints created on first use);
* ``(:Mention)-[:FOUND_IN]->(:Document)`` and ``(:Mention)-[:REFERS_TO]->(:Entity)``;
* every link is a relationship between two entities whose type is the schema's
  link type (``USES``, ``CALLED``...), carrying its id, evidence span
  (``document_id``, ``start``, ``end``), method, confidence and ``occurred_at``;
* entity resolution as in the embedded store: ``(:Record)`` nodes (what
  extraction wrote, numbered by ``seq``, with the ``entity_id`` they are
  assigned to), ``record_id`` on each mention and ``source_record`` /
  ``target_record`` on each link, judgements as
  ``(:Record)-[:JUDGED {source, decision, score, reasons, note}]->(:Record)``,
  and ``(:Meta {key, value})`` nodes for the record counter, the last resolved
  ``seq`` and the layout version. A link whose two records are assigned to one
  entity is a self-loop, kept but never read.

Dates are ISO strings (``2026-01-14``) so comparisons and periods read as in
SQLite; free-form maps (entity properties, document metadata, link properties)
are JSON strings so they round-trip exactly.

Every query is parameterised. The only names ever put into query text are the
fixed labels above and link types taken from ``odyssey/schema.toml``. Writes of
one :class:`Batch` run in one transaction (``execute_write``, retried by the
driver on transient errors) as a few ``UNWIND $rows`` statements. The read
scope becomes Cypher in one method, :meth:`Neo4jStore._visible`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urlsplit

import neo4j
from neo4j import (
    Auth,
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationDisabledClassification,
    RoutingControl,
)
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from odyssey.errors import NotFoundError, StoreError, ValidationError
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention
from odyssey.schema import LINK_TYPES, entity_type
from odyssey.text import fold as fold_text

from .store import (
    NO_FILTER,
    Batch,
    Counts,
    Decision,
    DocumentFacts,
    GraphFilter,
    GraphStore,
    GroupBy,
    Judgement,
    JudgementSource,
    Measure,
    Period,
    ReadScope,
    Record,
    SearchHit,
    SeriesPoint,
    Subgraph,
    WriteResult,
    check_series_request,
    checked_types,
    merge_entity,
)

T = TypeVar("T")

#: URI schemes this store opens.
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")  # as NEO4J_SCHEMES

#: Version 2 is the layout with entity resolution (records, judgements); a database written
#: before it has no records behind its entities and is refused, as the embedded store does.
SCHEMA_VERSION = 2

_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_FULLTEXT = "odyssey_entity_search"

_SCHEMA: dict[str, str] = {
    "odyssey_document_id": "CREATE CONSTRAINT odyssey_document_id IF NOT EXISTS "
    "FOR (n:Document) REQUIRE n.id IS UNIQUE",
    "odyssey_case_id": "CREATE CONSTRAINT odyssey_case_id IF NOT EXISTS "
    "FOR (n:Case) REQUIRE n.id IS UNIQUE",
    "odyssey_entity_id": "CREATE CONSTRAINT odyssey_entity_id IF NOT EXISTS "
    "FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "odyssey_mention_id": "CREATE CONSTRAINT odyssey_mention_id IF NOT EXISTS "
    "FOR (n:Mention) REQUIRE n.id IS UNIQUE",
    "odyssey_record_id": "CREATE CONSTRAINT odyssey_record_id IF NOT EXISTS "
    "FOR (n:Record) REQUIRE n.id IS UNIQUE",
    "odyssey_record_seq": "CREATE CONSTRAINT odyssey_record_seq IF NOT EXISTS "
    "FOR (n:Record) REQUIRE n.seq IS UNIQUE",
    "odyssey_meta_key": "CREATE CONSTRAINT odyssey_meta_key IF NOT EXISTS "
    "FOR (n:Meta) REQUIRE n.key IS UNIQUE",
    "odyssey_record_entity": "CREATE INDEX odyssey_record_entity IF NOT EXISTS "
    "FOR (n:Record) ON (n.entity_id)",
    "odyssey_mention_record": "CREATE INDEX odyssey_mention_record IF NOT EXISTS "
    "FOR (n:Mention) ON (n.record_id)",
    "odyssey_entity_type": "CREATE INDEX odyssey_entity_type IF NOT EXISTS "
    "FOR (n:Entity) ON (n.type)",
    "odyssey_document_case": "CREATE INDEX odyssey_document_case IF NOT EXISTS "
    "FOR (n:Document) ON (n.case_id)",
    "odyssey_document_date": "CREATE INDEX odyssey_document_date IF NOT EXISTS "
    "FOR (n:Document) ON (n.date)",
    "odyssey_document_handling": "CREATE INDEX odyssey_document_handling IF NOT EXISTS "
    "FOR (n:Document) ON (n.handling_code)",
    _FULLTEXT: f"CREATE FULLTEXT INDEX {_FULLTEXT} IF NOT EXISTS FOR (n:Entity) ON EACH [n.search] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', "
    "`fulltext.eventually_consistent`: false}}",
}


def _rel(name: str) -> str:
    """A relationship type for query text: only the schema's own link type names pass."""
    if name not in LINK_TYPES or not _NAME.match(name):
        raise ValidationError(f"unknown link type {name!r}; use one of: {', '.join(LINK_TYPES)}")
    return name


for _t in LINK_TYPES:
    _SCHEMA[f"odyssey_link_{_t.lower()}_id"] = (
        f"CREATE CONSTRAINT odyssey_link_{_t.lower()}_id IF NOT EXISTS "
        f"FOR ()-[r:{_rel(_t)}]-() REQUIRE r.id IS UNIQUE"
    )

_PERIOD = {
    "month": "substring(day, 0, 7)",
    "year": "substring(day, 0, 4)",
    "quarter": "substring(day, 0, 4) + '-Q' + toString((toInteger(substring(day, 5, 2)) + 2) / 3)",
}

_GROUP = {
    "crime_category": "d.crime_category",
    "originating_ncb": "d.originating_ncb",
    "language": "d.language",
    "entity_type": "e.type",
    "link_type": "type(l)",
}

#: Every entity link, with the document that states it (the scope and most filters need it).
_LINK_MATCH = "MATCH (a:Entity)-[l]->(b:Entity) MATCH (d:Document {id: l.document_id})"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, as the full-text analyzer does."""
    return fold_text(text)


def credentials() -> Auth | None:
    """Basic auth from ``$ODYSSEY_NEO4J_USER`` (default ``neo4j``) and ``$ODYSSEY_NEO4J_PASSWORD``.

    No password means no authentication (a server with auth disabled).
    """
    password = os.environ.get("ODYSSEY_NEO4J_PASSWORD")
    if not password:
        return None
    return neo4j.basic_auth(os.environ.get("ODYSSEY_NEO4J_USER") or "neo4j", password)


class Neo4jStore(GraphStore):
    """A :class:`GraphStore` in a Neo4j 5 database.

    ``uri`` is ``bolt://host:7687`` or ``neo4j://host:7687``, optionally with a
    database name as its path (``bolt://host:7687/odyssey``); ``auth`` defaults
    to :func:`credentials`. Fails with one-line ``StoreError`` when the server
    cannot be reached or refuses the credentials.
    """

    def __init__(
        self,
        uri: str,
        scope: ReadScope | None = None,
        *,
        auth: Auth | tuple[str, str] | None = None,
    ) -> None:
        parts = urlsplit(uri)
        if parts.scheme.lower() not in SCHEMES or not parts.hostname:
            raise StoreError(f"{uri!r} is not a Neo4j URI; write bolt://host:7687 or neo4j://host")
        if parts.username or parts.password:
            raise StoreError(
                "put Neo4j credentials in ODYSSEY_NEO4J_USER / ODYSSEY_NEO4J_PASSWORD, not in the URI"
            )
        self.uri = uri
        self.scope = scope or ReadScope()
        self.database = parts.path.strip("/") or None
        server = f"{parts.scheme}://{parts.netloc}"
        if auth is None:
            auth = credentials()
        try:
            driver = GraphDatabase.driver(
                server,
                auth=auth,
                connection_timeout=10.0,
                max_transaction_retry_time=30.0,
                user_agent="odyssey",
                # a fresh database has not seen every label, type and key the queries name yet;
                # the server's "does not exist" notices about them are noise on the user's terminal
                notifications_disabled_classifications=[
                    NotificationDisabledClassification.UNRECOGNIZED
                ],
            )
            driver.verify_connectivity()
        except AuthError:
            raise StoreError(
                f"Neo4j at {server} refused the credentials; "
                "set ODYSSEY_NEO4J_USER and ODYSSEY_NEO4J_PASSWORD"
            ) from None
        except (ServiceUnavailable, SessionExpired, OSError) as err:
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise StoreError(
                f"cannot reach Neo4j at {server} ({reason}); start it (docker compose up -d neo4j), "
                "check --store, or use a file path for the embedded store"
            ) from None
        except (Neo4jError, ValueError) as err:
            raise StoreError(f"cannot open Neo4j at {uri} ({_one_line(err)})") from None
        self._driver: Driver | None = driver
        self._ensure_schema()
        self._check_version()

    # -- plumbing ----------------------------------------------------------------

    @property
    def driver(self) -> Driver:
        if self._driver is None:
            raise StoreError("the store is closed; open it again with odyssey.graph.open_store")
        return self._driver

    def _read(self, cypher: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run one read query (retried on transient errors) and return its rows as dicts."""
        driver = self.driver
        try:
            records, _, _ = driver.execute_query(
                cypher, params, database_=self.database, routing_=RoutingControl.READ
            )
        except (ServiceUnavailable, SessionExpired) as err:
            raise StoreError(
                f"lost the connection to Neo4j at {self.uri} ({_one_line(err)})"
            ) from None
        except Neo4jError as err:
            raise StoreError(f"Neo4j refused a read ({_one_line(err)})") from None
        return [r.data() for r in records]

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run ``work`` in one write transaction; the driver retries it on transient errors."""
        driver = self.driver
        try:
            with driver.session(database=self.database) as session:
                return session.execute_write(work)
        except (ServiceUnavailable, SessionExpired) as err:
            raise StoreError(
                f"lost the connection to Neo4j at {self.uri} ({_one_line(err)})"
            ) from None
        except Neo4jError as err:
            raise StoreError(f"Neo4j refused a write ({_one_line(err)})") from None

    def _ensure_schema(self) -> None:
        """Create the constraints and indexes Odyssey needs (once per database)."""
        existing = {r["name"] for r in self._read("SHOW INDEXES YIELD name RETURN name")}
        existing |= {r["name"] for r in self._read("SHOW CONSTRAINTS YIELD name RETURN name")}
        missing = [ddl for name, ddl in _SCHEMA.items() if name not in existing]
        if not missing:
            return
        try:
            with self.driver.session(database=self.database) as session:
                for ddl in missing:
                    session.run(ddl).consume()
                session.run("CALL db.awaitIndexes(300)").consume()
        except Neo4jError as err:
            raise StoreError(
                f"cannot create Odyssey's indexes in Neo4j ({_one_line(err)}); "
                "the user needs schema rights"
            ) from None

    def _meta(self, key: str) -> int | None:
        """A number kept in a ``(:Meta {key, value})`` node, or None before it is first written."""
        rows = self._read("MATCH (m:Meta {key: $key}) RETURN m.value AS value", key=key)
        return rows[0]["value"] if rows else None

    def _check_version(self) -> None:
        """Mark an empty database with this layout's version; refuse one in another layout."""
        version = self._meta("schema_version")
        if version is None:
            if self._read("RETURN EXISTS { MATCH (:Document) } AS used")[0]["used"]:
                raise StoreError(
                    f"the Neo4j database at {self.uri} was written by an older Odyssey (before "
                    "entity resolution); ingest its files again into an empty database"
                )
            self._write(
                lambda tx: tx.run(
                    "MERGE (m:Meta {key: 'schema_version'}) SET m.value = $version",
                    version=SCHEMA_VERSION,
                ).consume()
            )
        elif version > SCHEMA_VERSION:
            raise StoreError(
                f"the Neo4j database at {self.uri} was written by a newer Odyssey "
                f"(schema {version}); upgrade Odyssey to read it"
            )
        elif version < SCHEMA_VERSION:
            raise StoreError(
                f"the Neo4j database at {self.uri} was written by an older Odyssey (schema "
                f"{version}); ingest its files again into an empty database"
            )

    def _visible(self, kind: str, var: str) -> tuple[str, dict[str, Any]]:
        """The one place the read scope becomes Cypher.

        ``kind`` is ``"document"`` (``var`` is a ``Document`` node) or
        ``"entity"`` (``var`` is an ``Entity`` node: visible when a visible
        document mentions it or states one of its links). Returns a predicate
        and its parameters.
        """
        codes = self.scope.handling_codes
        if codes is None:
            return "true", {}
        params = {"scope_codes": sorted(codes)}
        if kind == "document":
            return f"{var}.handling_code IN $scope_codes", params
        return (
            f"(EXISTS {{ MATCH ({var})<-[:REFERS_TO]-(:Mention)-[:FOUND_IN]->(sd:Document) "
            "WHERE sd.handling_code IN $scope_codes } "
            f"OR EXISTS {{ MATCH ({var})-[sl]-(:Entity) MATCH (sd:Document {{id: sl.document_id}}) "
            "WHERE sd.handling_code IN $scope_codes })",
            params,
        )

    # -- writes ------------------------------------------------------------------

    def put(self, batch: Batch) -> WriteResult:
        links_by_type: dict[str, list[Link]] = {}
        for lk in _unique(batch.links):
            links_by_type.setdefault(_rel(lk.type), []).append(lk)
        docs = [_document_row(d) for d in _unique(batch.documents)]
        cases = [_case_row(c) for c in _unique(batch.cases)]
        mentions = _unique(batch.mentions)
        referenced = {e.id for e in batch.entities} | {m.entity_id for m in mentions if m.entity_id}
        referenced |= {end for lk in batch.links for end in (lk.source, lk.target)}

        def work(tx: ManagedTransaction) -> WriteResult:
            # one look-up serves the reference check and the assignments: a record that
            # resolution assigned elsewhere writes onto its entity (a new record is its own)
            entity_of = _entities_of_records(tx, referenced)
            _check_references(tx, batch, entity_of)
            assigned = {r: e for r, e in entity_of.items() if r != e}
            new_docs = _counted(
                tx,
                "UNWIND $rows AS row MERGE (d:Document {id: row.id}) ON CREATE SET d += row",
                docs,
            )
            new_cases = _counted(
                tx, "UNWIND $rows AS row MERGE (c:Case {id: row.id}) ON CREATE SET c += row", cases
            )
            _put_records(tx, batch.entities)
            new_entities = _merge_entities(
                tx, [replace(e, id=assigned.get(e.id, e.id)) for e in batch.entities]
            )
            new_mentions = _counted(
                tx,
                "UNWIND $rows AS row "
                "MATCH (d:Document {id: row.document_id}) "
                "OPTIONAL MATCH (old:Mention {id: row.id}) "
                "WITH row, d WHERE old IS NULL "
                "CREATE (m:Mention) SET m = row "
                "CREATE (m)-[:FOUND_IN]->(d) "
                "WITH m, row WHERE row.entity_id IS NOT NULL "
                "MATCH (e:Entity {id: row.entity_id}) "
                "CREATE (m)-[:REFERS_TO]->(e)",
                [_mention_row(m, assigned) for m in mentions],
            )
            new_links = 0
            for name, rows in links_by_type.items():
                new_links += _counted(
                    tx,
                    "UNWIND $rows AS row "
                    f"OPTIONAL MATCH ()-[old:{name} {{id: row.id}}]->() "
                    "WITH row WHERE old IS NULL "
                    "MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) "
                    f"CREATE (a)-[l:{name}]->(b) SET l = row.props",
                    [_link_row(lk, assigned) for lk in rows],
                    counter="relationships_created",
                )
            return WriteResult(new_docs, new_cases, new_entities, new_mentions, new_links)

        return self._write(work)

    # -- reads of records ------------------------------------------------------------

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        rows = self._read(
            "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id", ids=list(ids)
        )
        return {r["id"] for r in rows}

    def document(self, document_id: str) -> Document | None:
        cond, params = self._visible("document", "d")
        rows = self._read(
            f"MATCH (d:Document {{id: $id}}) WHERE {cond} RETURN d", id=document_id, **params
        )
        return _document(rows[0]["d"]) if rows else None

    def documents(self, *, case_id: str | None = None, limit: int = 1000) -> list[Document]:
        cond, params = self._visible("document", "d")
        rows = self._read(
            f"MATCH (d:Document) WHERE {cond} AND ($case IS NULL OR d.case_id = $case) "
            "RETURN d ORDER BY coalesce(d.date, '') DESC, d.id LIMIT $limit",
            case=case_id,
            limit=limit,
            **params,
        )
        return [_document(r["d"]) for r in rows]

    def cases(self) -> list[Case]:
        cond, params = self._visible("document", "d")
        rows = self._read(
            "MATCH (c:Case) WHERE EXISTS { MATCH (d:Document {case_id: c.id}) "
            f"WHERE {cond} }} RETURN c ORDER BY c.id",
            **params,
        )
        return [_case(r["c"]) for r in rows]

    def entities(
        self, ids: Iterable[str] | None = None, *, type: str | None = None, limit: int = 10_000
    ) -> list[Entity]:
        if type is not None:
            entity_type(type)
        cond, params = self._visible("entity", "e")
        if ids is not None:
            match = "UNWIND $ids AS wanted MATCH (e:Entity {id: wanted})"
            params["ids"] = list(dict.fromkeys(ids))
        else:
            match = "MATCH (e:Entity)"
        rows = self._read(
            f"{match} WHERE {cond} AND ($type IS NULL OR e.type = $type) "
            "RETURN e ORDER BY e.id LIMIT $limit",
            type=type,
            limit=limit,
            **params,
        )
        return [_entity(r["e"]) for r in rows]

    def mentions(
        self, *, document_id: str | None = None, entity_id: str | None = None, limit: int = 10_000
    ) -> list[Mention]:
        cond, params = self._visible("document", "d")
        rows = self._read(
            "MATCH (m:Mention)-[:FOUND_IN]->(d:Document) "
            f"WHERE {cond} AND ($doc IS NULL OR d.id = $doc) "
            "AND ($ent IS NULL OR m.entity_id = $ent) "
            "RETURN m ORDER BY m.document_id, m.start, m.id LIMIT $limit",
            doc=document_id,
            ent=entity_id,
            limit=limit,
            **params,
        )
        return [_mention(r["m"]) for r in rows]

    def _link_where(
        self, filters: GraphFilter, exempt: Sequence[str] = ()
    ) -> tuple[str, dict[str, Any]]:
        """The WHERE of ``_LINK_MATCH``: the scope and ``filters``.

        Entities in ``exempt`` pass the entity-type filter (the seeds of an expansion).
        """
        cond, params = self._visible("document", "d")
        # a link whose two ends were resolved into one entity stays stored (a self-loop), unseen
        where = [cond, "a <> b"]
        if filters.link_types is not None:
            where.append("type(l) IN $link_types")
            params["link_types"] = sorted(filters.link_types)
        if filters.cases is not None:
            where.append("d.case_id IN $cases")
            params["cases"] = sorted(filters.cases)
        if filters.min_confidence > 0:
            where.append("l.confidence >= $min_confidence")
            params["min_confidence"] = filters.min_confidence
        if filters.start is not None:
            where.append("coalesce(l.occurred_at, d.date) >= $start")
            params["start"] = filters.start.isoformat()
        if filters.end is not None:
            where.append("coalesce(l.occurred_at, d.date) <= $end")
            params["end"] = filters.end.isoformat()
        if filters.entity_types is not None:
            where.append(
                "(a.id IN $exempt OR a.type IN $entity_types) "
                "AND (b.id IN $exempt OR b.type IN $entity_types)"
            )
            params["exempt"] = list(exempt)
            params["entity_types"] = sorted(filters.entity_types)
        return " AND ".join(where), params

    def links(
        self, *, entity_id: str | None = None, filters: GraphFilter = NO_FILTER, limit: int = 10_000
    ) -> list[Link]:
        cond, params = self._link_where(filters)
        if entity_id is not None:
            match = (
                "MATCH (:Entity {id: $entity})-[l]-(:Entity) "
                "WITH DISTINCT l, startNode(l) AS a, endNode(l) AS b "
                "MATCH (d:Document {id: l.document_id})"
            )
            params["entity"] = entity_id
        else:
            match = _LINK_MATCH
        rows = self._read(
            f"{match} WHERE {cond} RETURN {_LINK_RETURN} ORDER BY l.id LIMIT $limit",
            limit=limit,
            **params,
        )
        return [_link(r) for r in rows]

    # -- graph reads ---------------------------------------------------------------------

    def search(
        self, text: str, *, types: Iterable[str] | None = None, limit: int = 20
    ) -> list[SearchHit]:
        terms = [fold(t) for t in re.findall(r"\w+", text[:500])[:20]]
        terms = [t for t in terms if t]
        if not terms:
            return []
        query = " ".join(f"+{t}*" for t in terms)  # \w+ holds no Lucene syntax
        type_list = checked_types(types)
        cond, params = self._visible("entity", "e")
        rows = self._read(
            f"CALL db.index.fulltext.queryNodes('{_FULLTEXT}', $query) YIELD node AS e, score "
            f"WHERE {cond} AND ($types IS NULL OR e.type IN $types) "
            "RETURN e, score ORDER BY score DESC, e.id LIMIT $limit",
            query=query,
            types=type_list,
            limit=limit,
            **params,
        )
        return [SearchHit(entity=_entity(r["e"]), score=float(r["score"])) for r in rows]

    def expand(
        self,
        seeds: Sequence[str],
        *,
        hops: int = 1,
        filters: GraphFilter = NO_FILTER,
        max_nodes: int = 500,
    ) -> Subgraph:
        if hops < 0 or max_nodes < 1:
            raise ValidationError("hops must be >= 0 and max_nodes >= 1")
        seeds = list(dict.fromkeys(seeds))
        found = {e.id for e in self.entities(seeds)}
        if missing := [s for s in seeds if s not in found]:
            raise NotFoundError(
                f"no entity {missing[0]!r} in this store; search for it by label first"
            )
        cond, params = self._link_where(filters, exempt=seeds)
        nodes: dict[str, None] = dict.fromkeys(seeds)
        frontier, truncated = list(seeds), False
        for _ in range(hops):
            if not frontier:
                break
            rows = self._read(
                "UNWIND $frontier AS fid MATCH (:Entity {id: fid})-[l]-(:Entity) "
                "WITH DISTINCT l, startNode(l) AS a, endNode(l) AS b "
                "MATCH (d:Document {id: l.document_id}) "
                f"WHERE {cond} RETURN a.id AS source, b.id AS target "
                "ORDER BY l.confidence DESC, l.id",
                frontier=frontier,
                **params,
            )
            frontier = []
            for row in rows:
                for end in (row["source"], row["target"]):
                    if end in nodes:
                        continue
                    if len(nodes) >= max_nodes:
                        truncated = True
                        continue
                    nodes[end] = None
                    frontier.append(end)
            if truncated:
                break
        rows = self._read(
            "UNWIND $nodes AS nid MATCH (a:Entity {id: nid})-[l]->(b:Entity) "
            "WHERE b.id IN $nodes MATCH (d:Document {id: l.document_id}) "
            f"WHERE {cond} RETURN {_LINK_RETURN} ORDER BY l.id",
            nodes=list(nodes),
            **params,
        )
        links = [_link(r) for r in rows]
        entities = {e.id: e for e in self.entities(nodes, limit=len(nodes))}
        return Subgraph(entities=entities, links=links, truncated=truncated)

    # -- aggregates -------------------------------------------------------------------------

    def counts(self) -> Counts:
        doc_cond, doc_params = self._visible("document", "d")
        ent_cond, ent_params = self._visible("entity", "e")
        link_cond, link_params = self._link_where(NO_FILTER)

        def grouped(query: str, params: dict[str, Any]) -> dict[str, int]:
            return {str(r["k"]): r["n"] for r in self._read(query, **params)}

        totals = self._read(
            f"MATCH (d:Document) WHERE {doc_cond} "
            "RETURN count(d) AS documents, count(DISTINCT d.case_id) AS cases",
            **doc_params,
        )[0]
        mentions = self._read(
            f"MATCH (:Mention)-[:FOUND_IN]->(d:Document) WHERE {doc_cond} RETURN count(*) AS n",
            **doc_params,
        )[0]["n"]
        return Counts(
            documents=totals["documents"],
            cases=totals["cases"],
            mentions=mentions,
            entities=grouped(
                f"MATCH (e:Entity) WHERE {ent_cond} RETURN e.type AS k, count(*) AS n ORDER BY k",
                ent_params,
            ),
            links=grouped(
                f"{_LINK_MATCH} WHERE {link_cond} RETURN type(l) AS k, count(*) AS n ORDER BY k",
                link_params,
            ),
            documents_by_language=grouped(
                f"MATCH (d:Document) WHERE {doc_cond} "
                "RETURN coalesce(d.language, 'unknown') AS k, count(*) AS n ORDER BY k",
                doc_params,
            ),
            documents_by_category=grouped(
                f"MATCH (d:Document) WHERE {doc_cond} "
                "RETURN d.crime_category AS k, count(*) AS n ORDER BY k",
                doc_params,
            ),
        )

    def _document_where(self, filters: GraphFilter) -> tuple[list[str], dict[str, Any]]:
        """Predicates on ``d:Document``: visible, of the filter's cases, inside its date window."""
        cond, params = self._visible("document", "d")
        where = [cond]
        if filters.cases is not None:
            where.append("d.case_id IN $cases")
            params["cases"] = sorted(filters.cases)
        if filters.start is not None:
            where.append("d.date >= $start")
            params["start"] = filters.start.isoformat()
        if filters.end is not None:
            where.append("d.date <= $end")
            params["end"] = filters.end.isoformat()
        return where, params

    def document_facts(self, *, filters: GraphFilter = NO_FILTER) -> list[DocumentFacts]:
        where, params = self._document_where(filters)
        rows = self._read(
            f"MATCH (d:Document) WHERE {' AND '.join(where)} "
            "RETURN d.id AS id, d.date AS date, d.crime_category AS category, "
            "d.originating_ncb AS ncb, d.case_id AS case ORDER BY d.id",
            **params,
        )
        return [
            DocumentFacts(r["id"], _day(r["date"]), r["category"], r["ncb"], r["case"])
            for r in rows
        ]

    def occurrences(
        self, *, types: Iterable[str] | None = None, filters: GraphFilter = NO_FILTER
    ) -> list[tuple[str, str]]:
        where, params = self._document_where(filters)
        if types is not None:
            params["types"] = sorted(types)
            for t in params["types"]:
                entity_type(t)
            where.append("e.type IN $types")
        rows = self._read(
            "MATCH (e:Entity)<-[:REFERS_TO]-(:Mention)-[:FOUND_IN]->(d:Document) "
            f"WHERE {' AND '.join(where)} "
            "RETURN DISTINCT e.id AS entity, d.id AS document",
            **params,
        )
        return [(r["entity"], r["document"]) for r in rows]

    def time_series(
        self,
        measure: Measure,
        *,
        by: Period = "month",
        group_by: GroupBy | None = None,
        filters: GraphFilter = NO_FILTER,
    ) -> list[SeriesPoint]:
        check_series_request(measure, group_by, by)
        group = _GROUP[group_by] if group_by else "null"
        # Every measure becomes rows of (day, grp, item); the tail counts distinct items.
        if measure == "links":
            cond, params = self._link_where(filters)
            head = (
                f"{_LINK_MATCH} WHERE {cond} "
                f"WITH coalesce(l.occurred_at, d.date) AS day, {group} AS grp, l.id AS item"
            )
        else:
            where, params = self._document_where(filters)
            match, item = {
                "documents": ("MATCH (d:Document)", "d.id"),
                "cases": ("MATCH (d:Document)", "d.case_id"),
                "entities": (
                    "MATCH (e:Entity)<-[:REFERS_TO]-(m:Mention)-[:FOUND_IN]->(d:Document)",
                    "e.id",
                ),
            }[measure]
            if measure == "entities" and filters.entity_types is not None:
                where.append("e.type IN $entity_types")
                params["entity_types"] = sorted(filters.entity_types)
            head = (
                f"{match} WHERE {' AND '.join(where)} "
                f"WITH d.date AS day, {group} AS grp, {item} AS item"
            )
        rows = self._read(
            f"{head} WHERE day IS NOT NULL "
            f"WITH {_PERIOD[by]} AS period, grp, item "
            "RETURN period, grp, count(DISTINCT item) AS value",
            **params,
        )
        rows.sort(key=lambda r: (r["period"], r["grp"] is not None, r["grp"] or ""))
        return [SeriesPoint(period=r["period"], group=r["grp"], value=r["value"]) for r in rows]

    # -- entity resolution ---------------------------------------------------------------

    def records(self, *, types: Iterable[str] | None = None, since: int = 0) -> list[Record]:
        type_list = checked_types(types)
        cond, params = self._visible("document", "d")
        rows = self._read(
            "MATCH (r:Record) WHERE r.seq > $since AND ($types IS NULL OR r.type IN $types) "
            "RETURN r, COLLECT { MATCH (:Mention {record_id: r.id})-[:FOUND_IN]->(d:Document) "
            f"WHERE {cond} RETURN DISTINCT d.id }} AS docs ORDER BY r.seq",
            since=since,
            types=type_list,
            **params,
        )
        out = []
        for row in rows:
            if not row["docs"] and self.scope.handling_codes is not None:
                continue  # known only from documents this reader may not see
            out.append(_record(row["r"], row["docs"]))
        return out

    def assign(
        self, assignments: Mapping[str, str], entities: Sequence[Entity], *, through: int
    ) -> int:
        by_id = {e.id: e for e in entities}

        def work(tx: ManagedTransaction) -> int:
            current = {
                k: (n["entity_id"], n["type"])
                for k, n in _stored(tx, "Record", assignments).items()
            }
            if missing := sorted(set(assignments) - set(current)):
                raise NotFoundError(
                    f"{len(missing)} record(s) to assign are not stored (e.g. {missing[0]}); "
                    "run resolution on this store again"
                )
            _write_entities(tx, list(by_id.values()))  # as given: resolution computed them whole
            targets = sorted(set(assignments.values()) - set(by_id))
            known = set(_stored(tx, "Entity", targets, whole=False))
            if missing := sorted(set(targets) - known):
                raise ValidationError(
                    f"records are assigned to entity {missing[0]}, which is neither stored nor given; "
                    "pass it in entities"
                )
            moved = [
                {"record": r, "entity": e, "old": current[r][0]}
                for r, e in assignments.items()
                if current[r][0] != e
            ]
            for mv in moved:
                given = by_id.get(mv["entity"])
                if given and given.type != current[mv["record"]][1]:
                    raise ValidationError(
                        f"record {mv['record']} is a {current[mv['record']][1]}; "
                        f"it cannot join {mv['entity']}"
                    )
            _move_records(tx, moved)
            tx.run(
                "MERGE (t:Meta {key: 'resolved_through'}) ON CREATE SET t.value = 0 "
                "SET t.value = CASE WHEN $through > t.value THEN $through ELSE t.value END",
                through=through,
            ).consume()
            return len(moved)

        return self._write(work)

    def resolved_through(self) -> int:
        return self._meta("resolved_through") or 0

    def put_judgements(self, judgements: Iterable[Judgement]) -> int:
        rows = [
            {"a": j.a, "b": j.b, "source": j.source, "decision": j.decision, "score": j.score,
             "reasons": _json(dict(j.reasons)), "note": j.note}
            for j in judgements
        ]  # fmt: skip

        def work(tx: ManagedTransaction) -> int:
            wanted = sorted({r["a"] for r in rows} | {r["b"] for r in rows})
            if missing := sorted(set(wanted) - set(_stored(tx, "Record", wanted, whole=False))):
                raise NotFoundError(
                    f"{len(missing)} judged record(s) are not stored (e.g. {missing[0]}); "
                    "judge records of this store (see odyssey entities)"
                )
            tx.run(
                "UNWIND $rows AS row "
                "MATCH (a:Record {id: row.a}) MATCH (b:Record {id: row.b}) "
                "MERGE (a)-[j:JUDGED {source: row.source}]->(b) "
                "SET j.decision = row.decision, j.score = row.score, j.reasons = row.reasons, "
                "j.note = row.note",
                rows=rows,
            ).consume()
            return len(rows)

        return self._write(work) if rows else 0

    def judgements(
        self,
        records: Iterable[str] | None = None,
        *,
        source: JudgementSource | None = None,
        decision: Decision | None = None,
    ) -> list[Judgement]:
        if records is None:
            match, params = "MATCH ()-[j:JUDGED]->()", {}
        else:
            match = "UNWIND $ids AS rid MATCH (:Record {id: rid})-[j:JUDGED]-() WITH DISTINCT j"
            params = {"ids": sorted(set(records))}
        rows = self._read(
            f"{match} WHERE ($source IS NULL OR j.source = $source) "
            "AND ($decision IS NULL OR j.decision = $decision) "
            "RETURN startNode(j).id AS a, endNode(j).id AS b, j.source AS source, "
            "j.decision AS decision, j.score AS score, j.reasons AS reasons, j.note AS note "
            "ORDER BY a, b, source",
            source=source,
            decision=decision,
            **params,
        )
        return [Judgement(**{**r, "reasons": json.loads(r["reasons"])}) for r in rows]

    def forget_judgements(
        self, pairs: Iterable[tuple[str, str]], *, source: JudgementSource
    ) -> int:
        ordered = sorted({(min(a, b), max(a, b)) for a, b in pairs})
        if not ordered:
            return 0
        return self._write(
            lambda tx: _counted(
                tx,
                "UNWIND $rows AS p MATCH (:Record {id: p[0]})-[j:JUDGED]->(:Record {id: p[1]}) "
                "WHERE j.source = $source DELETE j",
                [list(p) for p in ordered],
                counter="relationships_deleted",
                source=source,
            )
        )

    def as_written(self) -> Batch:
        cond, params = self._visible("document", "d")
        mentions = self._read(
            f"MATCH (m:Mention)-[:FOUND_IN]->(d:Document) WHERE {cond} "
            "RETURN m ORDER BY m.document_id, m.start, m.id",
            **params,
        )
        links = self._read(
            f"{_LINK_MATCH} WHERE {cond} "
            "RETURN l {.*, type: type(l), source: l.source_record, target: l.target_record} AS link "
            "ORDER BY l.id",
            **params,
        )
        return Batch(
            mentions=[_mention(r["m"], written=True) for r in mentions],
            links=[_link(r) for r in links],
        )

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            driver.close()


# -- writing ----------------------------------------------------------------------------------

R = TypeVar("R", Document, Case, Mention, Link)


def _unique(records: Iterable[R]) -> list[R]:
    """The first record of each id (a store keeps the first it sees, like INSERT OR IGNORE)."""
    seen: dict[str, R] = {}
    for r in records:
        seen.setdefault(r.id, r)
    return list(seen.values())


def _counted(
    tx: ManagedTransaction,
    query: str,
    rows: Sequence[Any],
    counter: str = "nodes_created",
    **params: Any,
) -> int:
    """Run an ``UNWIND $rows`` write and return one of its counters (nodes created by default)."""
    if not rows:
        return 0
    return int(getattr(tx.run(query, rows=rows, **params).consume().counters, counter))


def _stored(
    tx: ManagedTransaction, label: str, ids: Iterable[str], *, whole: bool = True
) -> dict[str, Any]:
    """The stored nodes of ``label`` among ``ids``, by id (``whole=False``: the ids only).

    ``label`` is one of this module's fixed labels, never input.
    """
    if label not in ("Document", "Entity", "Record"):
        raise ValueError(f"not a label this store keys by id: {label}")
    if not (ids := list(ids)):
        return {}  # no round trip for nothing
    rows = tx.run(
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id, "
        + ("n" if whole else "null AS n"),
        ids=ids,
    )
    return {r["id"]: r["n"] for r in rows}


def _check_references(tx: ManagedTransaction, batch: Batch, records: Mapping[str, str]) -> None:
    """Refuse a batch whose mentions or links point at records that exist nowhere.

    ``records`` are the stored records among the ids the batch points at.
    """
    doc_ids = {m.document_id for m in batch.mentions} | {
        lk.evidence.document_id for lk in batch.links
    }
    wanted = sorted(doc_ids - {d.id for d in batch.documents})
    if missing := set(wanted) - set(_stored(tx, "Document", wanted, whole=False)):
        raise ValidationError(
            f"{len(missing)} mention(s)/link(s) point at document(s) not in the store or the batch "
            f"(e.g. {sorted(missing)[0]}); put the documents first"
        )
    ent_ids = {e for lk in batch.links for e in (lk.source, lk.target)} | {
        m.entity_id for m in batch.mentions if m.entity_id
    }
    wanted = sorted(ent_ids - {e.id for e in batch.entities} - set(records))
    if missing := set(wanted) - set(_stored(tx, "Entity", wanted, whole=False)):
        raise ValidationError(
            f"{len(missing)} link end(s)/mention(s) point at entities not in the store or the batch "
            f"(e.g. {sorted(missing)[0]}); put the entities in the same batch"
        )


def _merged_in_batch(entities: Iterable[Entity]) -> dict[str, Entity]:
    """One entity per id: duplicates inside a batch merged in order."""
    merged: dict[str, Entity] = {}
    for ent in entities:
        merged[ent.id] = merge_entity(merged[ent.id], ent) if ent.id in merged else ent
    return merged


def _same_type(old: Entity, new: Entity) -> None:
    if old.type != new.type:
        raise ValidationError(
            f"entity {new.id} is stored as {old.type}, not {new.type}; give it another id"
        )


def _merge_entities(tx: ManagedTransaction, entities: Sequence[Entity]) -> int:
    """Upsert entities, merging with what is stored; return how many were new."""
    merged = _merged_in_batch(entities)
    stored = {k: _entity(n) for k, n in _stored(tx, "Entity", merged).items()}
    for ent in merged.values():
        if ent.id in stored:
            _same_type(stored[ent.id], ent)
            merged[ent.id] = merge_entity(stored[ent.id], ent)
    _write_entities(tx, list(merged.values()))
    return len(merged) - len(stored)


def _write_entities(tx: ManagedTransaction, entities: Sequence[Entity]) -> None:
    """Write entities as given (a stored entity keeps its type)."""
    _counted(
        tx,
        "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ON CREATE SET e.type = row.type "
        "SET e.label = row.label, e.aliases = row.aliases, e.properties = row.properties, "
        "e.search = row.search",
        [_entity_row(e) for e in entities],
    )


def _put_records(tx: ManagedTransaction, entities: Sequence[Entity]) -> None:
    """Keep each entity of a batch as a record (merged like entities, first label kept).

    A new record gets the next ``seq`` and is its own entity until resolution
    assigns it. The counter node is locked before the records are read, so
    concurrent writers number their records one after the other.
    """
    merged = _merged_in_batch(entities)
    if not merged:
        return
    seq = tx.run(
        "MERGE (c:Meta {key: 'record_seq'}) ON CREATE SET c.value = 0 "
        "SET c.value = c.value + 0 RETURN c.value AS value"  # a write: takes the lock first
    ).single(strict=True)["value"]
    stored = _stored(tx, "Record", merged)
    new, updated = [], []
    for ent in merged.values():
        if ent.id not in stored:
            seq += 1
            new.append({**_record_row(ent), "seq": seq, "entity_id": ent.id})
            continue
        old = _entity(stored[ent.id])
        _same_type(old, ent)
        updated.append(_record_row(merge_entity(ent, old)))  # the first written label stays
    _counted(
        tx,
        "UNWIND $rows AS row MATCH (r:Record {id: row.id}) "
        "SET r.aliases = row.aliases, r.properties = row.properties",
        updated,
    )
    if new:
        _counted(tx, "UNWIND $rows AS row CREATE (r:Record) SET r = row", new)
        tx.run("MATCH (c:Meta {key: 'record_seq'}) SET c.value = $value", value=seq).consume()


def _entities_of_records(tx: ManagedTransaction, ids: Iterable[str]) -> dict[str, str]:
    """Record id -> the entity it is assigned to, for the stored records among ``ids``."""
    if not (ids := list(ids)):
        return {}
    rows = tx.run(
        "UNWIND $ids AS id MATCH (r:Record {id: id}) RETURN r.id AS id, r.entity_id AS entity_id",
        ids=ids,
    )
    return {r["id"]: r["entity_id"] for r in rows}


def _move_records(tx: ManagedTransaction, moves: list[dict[str, str]]) -> None:
    """Point records at new entities; their mentions and links follow; orphans go.

    ``moves`` are ``{record, entity, old}``. A relationship cannot change ends,
    so each link of a moved record is deleted and created again, with the same
    type and properties, between the entities its two records now belong to.
    Entities that nothing points at any more (no record, mention or link) are
    deleted, as in the embedded store.
    """
    if not moves:
        return
    tx.run(
        "UNWIND $moves AS mv MATCH (r:Record {id: mv.record}) SET r.entity_id = mv.entity",
        moves=moves,
    ).consume()
    tx.run(
        "UNWIND $moves AS mv MATCH (e:Entity {id: mv.entity}) "
        "MATCH (m:Mention {record_id: mv.record}) "
        "OPTIONAL MATCH (m)-[old:REFERS_TO]->() DELETE old "
        "SET m.entity_id = mv.entity CREATE (m)-[:REFERS_TO]->(e)",
        moves=moves,
    ).consume()

    def touching(rel: str) -> str:  # the links of the moved records, at their old entities
        return (
            f"UNWIND $moves AS mv MATCH (:Entity {{id: mv.old}})-[l{rel}]-(:Entity) "
            "WHERE l.source_record = mv.record OR l.target_record = mv.record "
        )

    types = tx.run(touching("") + "RETURN DISTINCT type(l) AS t", moves=moves)
    for name in [_rel(r["t"]) for r in types]:
        tx.run(
            touching(f":{name}") + "WITH DISTINCT l "
            "MATCH (rs:Record {id: l.source_record}) MATCH (rt:Record {id: l.target_record}) "
            "MATCH (a:Entity {id: rs.entity_id}) MATCH (b:Entity {id: rt.entity_id}) "
            "WITH l, a, b, properties(l) AS props DELETE l "
            f"CREATE (a)-[n:{name}]->(b) SET n = props",
            moves=moves,
        ).consume()
    tx.run(
        "UNWIND $olds AS oid MATCH (e:Entity {id: oid}) "
        "WHERE NOT EXISTS { MATCH (:Record {entity_id: oid}) } AND NOT EXISTS { (e)--() } "
        "DELETE e",
        olds=sorted({mv["old"] for mv in moves}),
    ).consume()


# -- record <-> row ------------------------------------------------------------------------------


def _document_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "text": d.text,
        "kind": d.kind,
        "language": d.language,
        "reference": d.reference,
        "originating_ncb": d.originating_ncb,
        "recipients": list(d.recipients),
        "date": _iso(d.date),
        "subject": d.subject,
        "case_id": d.case_id,
        "crime_category": d.crime_category.value,
        "handling_code": d.handling_code,
        "grading": d.grading,
        "parent_id": d.parent_id,
        "metadata": _json(dict(d.metadata)),
    }


def _document(n: Any) -> Document:
    return Document(
        id=n["id"],
        source=n["source"],
        text=n["text"],
        kind=n["kind"],
        language=n.get("language"),
        reference=n.get("reference"),
        originating_ncb=n.get("originating_ncb"),
        recipients=tuple(n.get("recipients") or ()),
        date=_day(n.get("date")),
        subject=n.get("subject"),
        case_id=n.get("case_id"),
        crime_category=n["crime_category"],
        handling_code=n["handling_code"],
        grading=n.get("grading"),
        parent_id=n.get("parent_id"),
        metadata=json.loads(n["metadata"]),
    )


def _case_row(c: Case) -> dict[str, Any]:
    return {
        "id": c.id,
        "title": c.title,
        "crime_category": c.crime_category.value,
        "country": c.country,
        "originating_ncb": c.originating_ncb,
        "opened": _iso(c.opened),
    }


def _case(n: Any) -> Case:
    return Case(
        id=n["id"],
        title=n.get("title") or "",
        crime_category=n["crime_category"],
        country=n.get("country"),
        originating_ncb=n.get("originating_ncb"),
        opened=_day(n.get("opened")),
    )


def _entity_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "label": e.label,
        "aliases": list(e.aliases),
        "properties": _json(dict(e.properties)),
        # what the full-text index reads: every written form, folded like the query terms
        "search": fold(" ".join((e.label, *e.aliases))),
    }


def _entity(n: Any) -> Entity:
    """An ``Entity`` node, or the entity a ``Record`` node was written as."""
    return Entity(
        id=n["id"],
        type=n["type"],
        label=n["label"],
        aliases=tuple(n.get("aliases") or ()),
        properties=json.loads(n["properties"]),
    )


def _record_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "label": e.label,
        "aliases": list(e.aliases),
        "properties": _json(dict(e.properties)),
    }


def _record(n: Any, documents: Iterable[str]) -> Record:
    e = _entity(n)
    return Record(
        id=e.id, type=e.type, label=e.label, aliases=e.aliases, properties=e.properties,
        entity_id=n["entity_id"], seq=n["seq"], documents=tuple(sorted(documents)),
    )  # fmt: skip


def _mention_row(m: Mention, assigned: Mapping[str, str]) -> dict[str, Any]:
    """A mention to store: ``entity_id`` is its record's entity, ``record_id`` its record."""
    return {
        "id": m.id,
        "document_id": m.document_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type,
        "method": m.method,
        "confidence": m.confidence,
        "value": m.value,
        "entity_id": assigned.get(m.entity_id, m.entity_id) if m.entity_id else None,
        "record_id": m.entity_id,
    }


def _mention(n: Any, *, written: bool = False) -> Mention:
    """A ``Mention`` node; ``written``: pointing at its record, not at its entity."""
    return Mention(
        id=n["id"],
        document_id=n["document_id"],
        start=n["start"],
        end=n["end"],
        text=n["text"],
        type=n["type"],
        method=n["method"],
        confidence=n["confidence"],
        value=n.get("value"),
        entity_id=n.get("record_id" if written else "entity_id"),
    )


def _link_row(lk: Link, assigned: Mapping[str, str]) -> dict[str, Any]:
    """A link to store: between its records' entities, remembering the records."""
    return {
        "id": lk.id,
        "source": assigned.get(lk.source, lk.source),
        "target": assigned.get(lk.target, lk.target),
        "props": {
            "id": lk.id,
            "document_id": lk.evidence.document_id,
            "start": lk.evidence.start,
            "end": lk.evidence.end,
            "method": lk.method,
            "confidence": lk.confidence,
            "occurred_at": _iso(lk.occurred_at),
            "mention_ids": list(lk.mention_ids),
            "properties": _json(dict(lk.properties)),
            "source_record": lk.source,
            "target_record": lk.target,
        },
    }


#: What link reads return: the relationship's fields with its type and ends.
_LINK_RETURN = "l {.*, type: type(l), source: a.id, target: b.id} AS link"


def _link(row: dict[str, Any]) -> Link:
    r = row["link"]
    return Link(
        id=r["id"],
        type=r["type"],
        source=r["source"],
        target=r["target"],
        evidence=Evidence(r["document_id"], r["start"], r["end"]),
        method=r["method"],
        confidence=r["confidence"],
        occurred_at=_day(r.get("occurred_at")),
        mention_ids=tuple(r.get("mention_ids") or ()),
        properties=json.loads(r["properties"]),
    )


def _one_line(err: BaseException) -> str:
    """The first line of an error's message (driver errors can span several)."""
    message = getattr(err, "message", None) or str(err) or type(err).__name__
    return str(message).strip().splitlines()[0]
