"""The embedded default store: one SQLite file (WAL), created on first use.

Zero set-up for a laptop or a notebook: the standard library's ``sqlite3``,
FTS5 for search, ``json_each`` to pass id lists as one parameter (so no query is
ever built from user input), and the read scope applied through one method,
:meth:`SqliteStore._visible`, that every read calls.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from odyssey.errors import NotFoundError, OdysseyError, StoreError, ValidationError
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention
from odyssey.schema import entity_type

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

SCHEMA_VERSION = 2
#: Version 2 (entity resolution) added records, judgements and the record each mention and
#: link was written with; a version-1 store's names were merged blindly, so it is re-ingested.

#: WAL pages between automatic checkpoints (SQLite's default is 1000). Each commit of an
#: ingested chunk of files touches many index pages; every checkpoint ends with
#: fsyncs, so at the default a large ingest spent more time checkpointing than writing. Ten
#: times fewer checkpoints (a WAL of up to ~40 MB) change nothing about what a commit
#: guarantees: a killed writer still leaves whole transactions or nothing.
WAL_CHECKPOINT_PAGES = 10_000

#: Page cache per connection, in KiB (SQLite's default is 2 MiB). Mention and link ids are
#: hashes, so each insert lands on a random page of their indexes; with the default cache
#: those pages are read in again and again. 64 MiB cut store time on 1 000 generated
#: reports by a fifth (1.81 s -> 1.45 s CPU), and more on larger stores.
PAGE_CACHE_KIB = 65_536

_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"

#: The lookup indexes of mentions and links (by document, by entity), each on hashed ids:
#: every insert lands on a random page of each, which is about a quarter of what storing
#: costs. Created with the tables; a large load puts off their upkeep (see
#: :meth:`SqliteStore.loading`). By entity, then record: a record's mentions and links are
#: found under its entity, so records need no index of their own.
_LOOKUP_INDEXES: dict[str, str] = {
    "mentions_document": "mentions(document_id, start)",
    "mentions_by_entity": "mentions(entity_id, record_id)",
    "links_by_source": "links(source, source_record)",
    "links_by_target": "links(target, target_record)",
    "links_document": "links(document_id)",
}
_CREATE_LOOKUP_INDEXES = "".join(
    f"CREATE INDEX IF NOT EXISTS {name} ON {columns};\n"
    for name, columns in _LOOKUP_INDEXES.items()
)
#: The fewest documents a load must bring, and at least as many as the store holds, before
#: it puts off index upkeep: rebuilding costs in proportion to the whole store, so a load
#: must be large next to it to gain.
DEFER_INDEXES_FROM = 500

_DDL = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    language TEXT, reference TEXT, originating_ncb TEXT, recipients TEXT NOT NULL,
    date TEXT, subject TEXT, case_id TEXT, crime_category TEXT NOT NULL,
    handling_code TEXT NOT NULL, grading TEXT, parent_id TEXT, metadata TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_case ON documents(case_id);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_handling ON documents(handling_code);
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, crime_category TEXT NOT NULL,
    country TEXT, originating_ncb TEXT, opened TEXT
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL,
    aliases TEXT NOT NULL, properties TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE VIRTUAL TABLE IF NOT EXISTS entity_fts USING fts5(
    label, aliases, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
    method TEXT NOT NULL, confidence REAL NOT NULL, value TEXT,
    entity_id TEXT REFERENCES entities(id), record_id TEXT
);
CREATE TABLE IF NOT EXISTS links (
    id TEXT PRIMARY KEY, type TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES entities(id), target TEXT NOT NULL REFERENCES entities(id),
    document_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    method TEXT NOT NULL, confidence REAL NOT NULL, occurred_at TEXT,
    mention_ids TEXT NOT NULL, properties TEXT NOT NULL,
    source_record TEXT NOT NULL, target_record TEXT NOT NULL
);
-- the indexes _LOOKUP_INDEXES replace (one per column: five to keep up on every insert instead of three)
DROP INDEX IF EXISTS mentions_entity;
DROP INDEX IF EXISTS mentions_record;
DROP INDEX IF EXISTS links_source;
DROP INDEX IF EXISTS links_target;
DROP INDEX IF EXISTS links_source_record;
DROP INDEX IF EXISTS links_target_record;
-- entity resolution: what extraction wrote (never rewritten), and judgements about pairs
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    label TEXT NOT NULL, aliases TEXT NOT NULL, properties TEXT NOT NULL, entity_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_entity ON records(entity_id);
CREATE INDEX IF NOT EXISTS records_type ON records(type, seq);
CREATE TABLE IF NOT EXISTS judgements (
    a TEXT NOT NULL, b TEXT NOT NULL, source TEXT NOT NULL, decision TEXT NOT NULL,
    score REAL NOT NULL, reasons TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (a, b, source)
);
CREATE INDEX IF NOT EXISTS judgements_b ON judgements(b);
"""

_PERIOD_SQL = {
    "month": "substr({col}, 1, 7)",
    "year": "substr({col}, 1, 4)",
    "quarter": "substr({col}, 1, 4) || '-Q' || ((CAST(substr({col}, 6, 2) AS INTEGER) + 2) / 3)",
}

_GROUP_SQL = {
    "crime_category": "d.crime_category",
    "originating_ncb": "d.originating_ncb",
    "language": "d.language",
    "entity_type": "e.type",
    "link_type": "l.type",
}


# One encoder for every stored JSON value: json.dumps with these options builds a new one
# per call, which a large ingest (a few hundred thousand values) notices.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _json(value: Any) -> str:
    if not value and type(value) in _EMPTY:  # most aliases and properties: no encoder call
        return _EMPTY[type(value)]
    return _ENCODER.encode(value)


_EMPTY: dict[type, str] = {list: "[]", dict: "{}", tuple: "[]"}


def _ids(values: Iterable[str]) -> str:
    """A list of ids as one JSON parameter, read in SQL with ``json_each``."""
    return json.dumps(list(values))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def path_of(uri: str) -> Path:
    """The file behind an embedded-store URI (``sqlite:///abs/path.db`` or a plain path)."""
    if uri.startswith("sqlite:///"):
        return Path(uri[len("sqlite://") :])
    if uri.startswith("sqlite://"):
        raise StoreError(f"store URI {uri!r} has no path; write sqlite:///path/to/odyssey.db")
    return Path(uri)


class SqliteStore(GraphStore):
    """A :class:`GraphStore` in one SQLite file.

    >>> import tempfile, os
    >>> with SqliteStore(os.path.join(tempfile.mkdtemp(), "o.db")) as store:
    ...     store.counts().documents
    0
    """

    def __init__(self, uri: str | Path, scope: ReadScope | None = None) -> None:
        self.path = path_of(str(uri)).expanduser()
        self.uri = f"sqlite:///{self.path.resolve()}"
        self.scope = scope or ReadScope()
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
            conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.executescript(_META)
            self._check_version(conn)
            conn.executescript(_DDL)
            conn.executescript(_CREATE_LOOKUP_INDEXES)  # put off by a load killed before it ended
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"{self.path} cannot be used as an Odyssey store ({err}); point --store at another file"
            ) from None
        except OSError as err:
            raise StoreError(
                f"cannot create the store at {self.path} ({err.strerror}); choose a writable folder"
            ) from None
        self._conn: sqlite3.Connection | None = conn

    def _check_version(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row["value"]) > SCHEMA_VERSION:
            raise StoreError(
                f"this store was written by a newer Odyssey (schema {row['value']}); upgrade Odyssey to read it"
            )
        elif int(row["value"]) < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by an older Odyssey (schema {row['value']}, before entity "
                "resolution); ingest its files again into a new store with --store NEW.db"
            )

    # -- plumbing ----------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the store is closed; open it again with odyssey.graph.open_store")
        return self._conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _visible(self, kind: str, col: str) -> tuple[str, list[Any]]:
        """The one place the read scope becomes SQL.

        ``kind`` is ``"document"`` (``col`` holds a document id) or ``"entity"``
        (``col`` holds an entity id: visible when a visible document mentions it
        or states one of its links). Returns a condition and its parameters.
        """
        codes = self.scope.handling_codes
        if codes is None:
            return "1", []
        allowed = "SELECT id FROM documents WHERE handling_code IN (SELECT value FROM json_each(?))"
        if kind == "document":
            return f"{col} IN ({allowed})", [_ids(sorted(codes))]
        return (
            f"({col} IN (SELECT entity_id FROM mentions WHERE document_id IN ({allowed}))"
            f" OR {col} IN (SELECT source FROM links WHERE document_id IN ({allowed}))"
            f" OR {col} IN (SELECT target FROM links WHERE document_id IN ({allowed})))",
            [_ids(sorted(codes))] * 3,
        )

    # -- writes ------------------------------------------------------------------

    def put(self, batch: Batch) -> WriteResult:
        self._check_references(batch)
        with self._transaction() as conn:
            return self._write(conn, batch)

    def put_each(self, batches: Sequence[Batch]) -> list[WriteResult | OdysseyError]:
        """One transaction for all the batches, a savepoint for each.

        A refused batch is rolled back to its savepoint alone; a killed process
        loses the whole uncommitted group, never part of a batch. One commit per
        group instead of per batch writes each shared index page once, not once
        per file: on 1 000 generated reports, 2.0 s instead of 2.6 s.
        """
        results: list[WriteResult | OdysseyError] = []
        with self._transaction() as conn:
            for batch in batches:
                conn.execute("SAVEPOINT batch")
                try:
                    self._check_references(batch)
                    results.append(self._write(conn, batch))
                except OdysseyError as err:
                    conn.execute("ROLLBACK TO batch")
                    results.append(err)
                conn.execute("RELEASE batch")
        return results

    @contextmanager
    def loading(self, documents: int) -> Iterator[None]:
        """Around a load of about ``documents`` documents: the lookup indexes built once at the end.

        Only for a load of at least :data:`DEFER_INDEXES_FROM` documents that at
        least doubles the store; otherwise they are kept up as usual. On 4 000
        generated reports, storing took 5.0 s CPU instead of 6.8 s, rebuild
        included. Meanwhile reads stay right, only slower. A load killed before the
        end leaves them to the next open of the store, which builds what is missing.
        """
        stored = self._rows("SELECT COUNT(*) FROM documents")[0][0]  # all, whatever the scope
        if documents < max(DEFER_INDEXES_FROM, stored):
            yield
            return
        with self._lock:
            self.conn.executescript("".join(f"DROP INDEX IF EXISTS {n};" for n in _LOOKUP_INDEXES))
        try:
            yield
        finally:
            with self._lock:
                if self._conn is not None:
                    self._conn.executescript(_CREATE_LOOKUP_INDEXES)

    def _write(self, conn: sqlite3.Connection, batch: Batch) -> WriteResult:
        """Write a checked batch inside the caller's transaction."""
        docs = conn.executemany(
            "INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    d.id,
                    d.source,
                    d.text,
                    d.kind,
                    d.language,
                    d.reference,
                    d.originating_ncb,
                    _json(list(d.recipients)),
                    _iso(d.date),
                    d.subject,
                    d.case_id,
                    d.crime_category.value,
                    d.handling_code,
                    d.grading,
                    d.parent_id,
                    _json(dict(d.metadata)),
                )
                for d in batch.documents
            ],
        ).rowcount
        cases = conn.executemany(
            "INSERT OR IGNORE INTO cases VALUES (?,?,?,?,?,?)",
            [
                (
                    c.id,
                    c.title,
                    c.crime_category.value,
                    c.country,
                    c.originating_ncb,
                    _iso(c.opened),
                )
                for c in batch.cases
            ],
        ).rowcount
        assigned = self._put_records(conn, batch.entities)
        entities = self._merge_entities(
            conn,
            [
                e if assigned.get(e.id, e.id) == e.id else _renamed(e, assigned[e.id])
                for e in batch.entities
            ],
        )
        mentions = conn.executemany(
            'INSERT OR IGNORE INTO mentions (id, document_id, start, "end", text, type, method, '
            "confidence, value, entity_id, record_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    m.id,
                    m.document_id,
                    m.start,
                    m.end,
                    m.text,
                    m.type,
                    m.method,
                    m.confidence,
                    m.value,
                    assigned.get(m.entity_id, m.entity_id) if m.entity_id else None,
                    m.entity_id,
                )
                for m in batch.mentions
            ],
        ).rowcount
        links = conn.executemany(
            "INSERT OR IGNORE INTO links VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    lk.id,
                    lk.type,
                    assigned.get(lk.source, lk.source),
                    assigned.get(lk.target, lk.target),
                    lk.evidence.document_id,
                    lk.evidence.start,
                    lk.evidence.end,
                    lk.method,
                    lk.confidence,
                    _iso(lk.occurred_at),
                    _json(list(lk.mention_ids)),
                    _json(dict(lk.properties)),
                    lk.source,
                    lk.target,
                )
                for lk in batch.links
            ],
        ).rowcount
        return WriteResult(
            documents=max(docs, 0),
            cases=max(cases, 0),
            entities=entities,
            mentions=max(mentions, 0),
            links=max(links, 0),
        )

    def _check_references(self, batch: Batch) -> None:
        """Refuse a batch whose mentions or links point at records that exist nowhere."""
        doc_ids = {m.document_id for m in batch.mentions} | {
            lk.evidence.document_id for lk in batch.links
        }
        outside = doc_ids - {d.id for d in batch.documents}  # only these need looking up
        missing = outside - self.known_documents(outside) if outside else set()
        if missing:
            raise ValidationError(
                f"{len(missing)} mention(s)/link(s) point at document(s) not in the store or the batch "
                f"(e.g. {sorted(missing)[0]}); put the documents first"
            )
        ent_ids = {e for lk in batch.links for e in (lk.source, lk.target)} | {
            m.entity_id for m in batch.mentions if m.entity_id
        }
        outside = ent_ids - {e.id for e in batch.entities}
        present = (
            {
                row["id"]
                for row in self._rows(
                    "SELECT id FROM entities WHERE id IN (SELECT value FROM json_each(?)) "
                    "UNION SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))",
                    [_ids(outside)] * 2,
                )
            }
            if outside
            else set()
        )
        missing = outside - present
        if missing:
            raise ValidationError(
                f"{len(missing)} link end(s)/mention(s) point at entities not in the store or the batch "
                f"(e.g. {sorted(missing)[0]}); put the entities in the same batch"
            )

    def _put_records(self, conn: sqlite3.Connection, entities: Sequence[Entity]) -> dict[str, str]:
        """Keep each entity of a batch as a record (merged like entities); return record -> entity.

        A new record is its own entity until resolution assigns it; a stored one
        keeps its assignment, so a later write lands on the resolved entity.
        """
        merged: dict[str, Entity] = {}
        for ent in entities:
            merged[ent.id] = merge_entity(merged[ent.id], ent) if ent.id in merged else ent
        stored = {
            row["id"]: row
            for row in conn.execute(
                "SELECT * FROM records WHERE id IN (SELECT value FROM json_each(?))",
                [_ids(merged)],
            )
        }
        fresh = [ent for ent in merged.values() if ent.id not in stored]
        conn.executemany(
            "INSERT INTO records (id, type, label, aliases, properties, entity_id) "
            "VALUES (?,?,?,?,?,?)",
            [(ent.id, ent.type, ent.label, _json(list(ent.aliases)), _json(dict(ent.properties)),
              ent.id) for ent in fresh],
        )  # fmt: skip
        for ent in merged.values():
            row = stored.get(ent.id)
            if row is None:
                continue
            if row["type"] != ent.type:
                raise ValidationError(
                    f"entity {ent.id} is stored as {row['type']}, not {ent.type}; give it another id"
                )
            if _as_stored(ent, row):
                continue  # written again as it is stored (a known phone, a place): nothing new
            old = _entity(row)
            new = merge_entity(ent, old)  # the first written label stays the record's label
            aliases, properties = _json(list(new.aliases)), _json(dict(new.properties))
            if (aliases, properties) != (row["aliases"], row["properties"]):  # else nothing new
                conn.execute(
                    "UPDATE records SET aliases = ?, properties = ? WHERE seq = ?",
                    (aliases, properties, row["seq"]),
                )
        if not stored:  # a new record is its own entity
            return {}
        return {
            row["id"]: row["entity_id"]
            for row in conn.execute(
                "SELECT id, entity_id FROM records WHERE id <> entity_id "
                "AND id IN (SELECT value FROM json_each(?))",
                [_ids(stored)],
            )
        }

    def _merge_entities(self, conn: sqlite3.Connection, entities: Sequence[Entity]) -> int:
        """Upsert entities, merging with what is stored; return how many were new."""
        merged: dict[str, Entity] = {}
        for ent in entities:  # merge duplicates inside the batch first
            merged[ent.id] = merge_entity(merged[ent.id], ent) if ent.id in merged else ent
        stored = {
            row["id"]: row
            for row in conn.execute(
                "SELECT rowid, * FROM entities WHERE id IN (SELECT value FROM json_each(?))",
                [_ids(merged)],
            )
        }
        new = 0
        for ent in merged.values():
            if ent.id in stored:
                row = stored[ent.id]
                if row["type"] != ent.type:
                    raise ValidationError(
                        f"entity {ent.id} is stored as {row['type']}, not {ent.type}; give it another id"
                    )
                if _as_stored(ent, row):
                    continue  # written again as it is stored: merging it would change nothing
                ent, rowid = merge_entity(_entity(row), ent), row["rowid"]
                written = (ent.label, _json(list(ent.aliases)), _json(dict(ent.properties)))
                if written == (row["label"], row["aliases"], row["properties"]):
                    continue  # the merge added nothing (its label and aliases were known)
                conn.execute(
                    "UPDATE entities SET label = ?, aliases = ?, properties = ? WHERE rowid = ?",
                    (*written, rowid),
                )
                conn.execute("DELETE FROM entity_fts WHERE rowid = ?", (rowid,))
            else:
                new += 1
                rowid = conn.execute(
                    "INSERT INTO entities VALUES (?,?,?,?,?)",
                    (
                        ent.id,
                        ent.type,
                        ent.label,
                        _json(list(ent.aliases)),
                        _json(dict(ent.properties)),
                    ),
                ).lastrowid
            conn.execute(
                "INSERT INTO entity_fts (rowid, label, aliases) VALUES (?,?,?)",
                (rowid, ent.label, " ".join(ent.aliases)),
            )
        return new

    # -- reads of records ------------------------------------------------------------

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        rows = self._rows(
            "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))", [_ids(ids)]
        )
        return {row["id"] for row in rows}

    def document(self, document_id: str) -> Document | None:
        cond, params = self._visible("document", "id")
        rows = self._rows(
            f"SELECT * FROM documents WHERE id = ? AND {cond}", [document_id, *params]
        )
        return _document(rows[0]) if rows else None

    def documents(self, *, case_id: str | None = None, limit: int = 1000) -> list[Document]:
        cond, params = self._visible("document", "id")
        case = "AND case_id = ?" if case_id is not None else ""
        rows = self._rows(
            f"SELECT * FROM documents WHERE {cond} {case} ORDER BY date DESC, id LIMIT ?",
            [*params, *([case_id] if case_id is not None else []), limit],
        )
        return [_document(r) for r in rows]

    def cases(self) -> list[Case]:
        cond, params = self._visible("document", "d.id")
        rows = self._rows(
            f"SELECT * FROM cases WHERE id IN (SELECT d.case_id FROM documents d WHERE {cond}) ORDER BY id",
            params,
        )
        return [
            Case(
                id=r["id"],
                title=r["title"],
                crime_category=r["crime_category"],
                country=r["country"],
                originating_ncb=r["originating_ncb"],
                opened=_day(r["opened"]),
            )
            for r in rows
        ]

    def entities(
        self, ids: Iterable[str] | None = None, *, type: str | None = None, limit: int = 10_000
    ) -> list[Entity]:
        cond, params = self._visible("entity", "id")
        where, args = [cond], list(params)
        if ids is not None:
            where.append("id IN (SELECT value FROM json_each(?))")
            args.append(_ids(ids))
        if type is not None:
            entity_type(type)
            where.append("type = ?")
            args.append(type)
        rows = self._rows(
            f"SELECT * FROM entities WHERE {' AND '.join(where)} ORDER BY id LIMIT ?",
            [*args, limit],
        )
        return [_entity(r) for r in rows]

    def mentions(
        self, *, document_id: str | None = None, entity_id: str | None = None, limit: int = 10_000
    ) -> list[Mention]:
        cond, params = self._visible("document", "document_id")
        where, args = [cond], list(params)
        if document_id is not None:
            where.append("document_id = ?")
            args.append(document_id)
        if entity_id is not None:
            where.append("entity_id = ?")
            args.append(entity_id)
        rows = self._rows(
            f"SELECT * FROM mentions WHERE {' AND '.join(where)} ORDER BY document_id, start, id LIMIT ?",
            [*args, limit],
        )
        return [_mention(r) for r in rows]

    def _link_query(
        self,
        filters: GraphFilter,
        extra: Sequence[tuple[str, Sequence[Any]]] = (),
        exempt: Sequence[str] = (),
        columns: str = "l.*",
    ) -> tuple[str, list[Any]]:
        """SELECT over links with the scope, ``filters`` and extra conditions applied.

        Entities in ``exempt`` pass the entity-type filter (the seeds of an expansion).
        """
        cond, params = self._visible("document", "d.id")
        # a link whose two ends were resolved into one entity stays stored, unseen
        where, args = [cond, "l.source <> l.target"], list(params)
        if filters.link_types is not None:
            where.append("l.type IN (SELECT value FROM json_each(?))")
            args.append(_ids(sorted(filters.link_types)))
        if filters.cases is not None:
            where.append("d.case_id IN (SELECT value FROM json_each(?))")
            args.append(_ids(sorted(filters.cases)))
        if filters.min_confidence > 0:
            where.append("l.confidence >= ?")
            args.append(filters.min_confidence)
        if filters.start is not None:
            where.append("COALESCE(l.occurred_at, d.date) >= ?")
            args.append(filters.start.isoformat())
        if filters.end is not None:
            where.append("COALESCE(l.occurred_at, d.date) <= ?")
            args.append(filters.end.isoformat())
        if filters.entity_types is not None:
            types, seeds = _ids(sorted(filters.entity_types)), _ids(exempt)
            for end in ("source", "target"):
                where.append(
                    f"(l.{end} IN (SELECT value FROM json_each(?)) OR l.{end} IN "
                    f"(SELECT id FROM entities WHERE type IN (SELECT value FROM json_each(?))))"
                )
                args += [seeds, types]
        for sql, values in extra:
            where.append(sql)
            args += list(values)
        return (
            f"SELECT {columns} FROM links l JOIN documents d ON d.id = l.document_id WHERE "
            + " AND ".join(where),
            args,
        )

    def links(
        self, *, entity_id: str | None = None, filters: GraphFilter = NO_FILTER, limit: int = 10_000
    ) -> list[Link]:
        extra = [("(l.source = ? OR l.target = ?)", [entity_id, entity_id])] if entity_id else []
        sql, args = self._link_query(filters, extra)
        return [_link(r) for r in self._rows(f"{sql} ORDER BY l.id LIMIT ?", [*args, limit])]

    # -- graph reads ---------------------------------------------------------------------

    def search(
        self, text: str, *, types: Iterable[str] | None = None, limit: int = 20
    ) -> list[SearchHit]:
        terms = re.findall(r"\w+", text[:500])[:20]
        if not terms:
            return []
        query = " ".join('"' + t.replace('"', '""') + '"*' for t in terms)
        cond, params = self._visible("entity", "e.id")
        where, args = ["entity_fts MATCH ?", cond], [query, *params]
        types = checked_types(types)
        if types is not None:
            where.append("e.type IN (SELECT value FROM json_each(?))")
            args.append(_ids(types))
        rows = self._rows(
            "SELECT e.*, bm25(entity_fts) AS rank FROM entity_fts JOIN entities e ON e.rowid = entity_fts.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY rank, e.id LIMIT ?",
            [*args, limit],
        )
        return [SearchHit(entity=_entity(r), score=-float(r["rank"])) for r in rows]

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
        nodes: dict[str, None] = dict.fromkeys(seeds)
        frontier, truncated = list(seeds), False
        for _ in range(hops):
            if not frontier:
                break
            touching = (
                "(l.source IN (SELECT value FROM json_each(?)) OR l.target IN (SELECT value FROM json_each(?)))",
                [_ids(frontier)] * 2,
            )
            sql, args = self._link_query(filters, [touching], exempt=seeds)
            frontier = []
            for row in self._rows(f"{sql} ORDER BY l.confidence DESC, l.id", args):
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
        inside = (
            "l.source IN (SELECT value FROM json_each(?)) AND l.target IN (SELECT value FROM json_each(?))",
            [_ids(nodes)] * 2,
        )
        sql, args = self._link_query(filters, [inside], exempt=seeds)
        links = [_link(r) for r in self._rows(f"{sql} ORDER BY l.id", args)]
        entities = {e.id: e for e in self.entities(nodes, limit=len(nodes))}
        return Subgraph(entities=entities, links=links, truncated=truncated)

    # -- aggregates -------------------------------------------------------------------------

    def counts(self) -> Counts:
        doc_cond, doc_params = self._visible("document", "id")
        mention_cond, mention_params = self._visible("document", "document_id")
        ent_cond, ent_params = self._visible("entity", "id")
        link_sql, link_args = self._link_query(NO_FILTER)

        def grouped(sql: str, params: Sequence[Any]) -> dict[str, int]:
            return {str(r[0]): r[1] for r in self._rows(sql, params)}

        return Counts(
            documents=self._rows(f"SELECT COUNT(*) FROM documents WHERE {doc_cond}", doc_params)[0][
                0
            ],
            cases=self._rows(
                f"SELECT COUNT(DISTINCT case_id) FROM documents WHERE case_id IS NOT NULL AND {doc_cond}",
                doc_params,
            )[0][0],
            mentions=self._rows(
                f"SELECT COUNT(*) FROM mentions WHERE {mention_cond}", mention_params
            )[0][0],
            entities=grouped(
                f"SELECT type, COUNT(*) FROM entities WHERE {ent_cond} GROUP BY type ORDER BY type",
                ent_params,
            ),
            links=grouped(
                f"SELECT type, COUNT(*) FROM ({link_sql}) GROUP BY type ORDER BY type", link_args
            ),
            documents_by_language=grouped(
                f"SELECT COALESCE(language, 'unknown'), COUNT(*) FROM documents WHERE {doc_cond} "
                "GROUP BY 1 ORDER BY 1",
                doc_params,
            ),
            documents_by_category=grouped(
                f"SELECT crime_category, COUNT(*) FROM documents WHERE {doc_cond} GROUP BY 1 ORDER BY 1",
                doc_params,
            ),
        )

    def _document_where(self, filters: GraphFilter) -> tuple[list[str], list[Any]]:
        """Conditions on documents ``d``: visible, of the filter's cases, inside its date window."""
        cond, args = self._visible("document", "d.id")
        where = [cond]
        if filters.cases is not None:
            where.append("d.case_id IN (SELECT value FROM json_each(?))")
            args.append(_ids(sorted(filters.cases)))
        if filters.start is not None:
            where.append("d.date >= ?")
            args.append(filters.start.isoformat())
        if filters.end is not None:
            where.append("d.date <= ?")
            args.append(filters.end.isoformat())
        return where, args

    def document_facts(self, *, filters: GraphFilter = NO_FILTER) -> list[DocumentFacts]:
        where, args = self._document_where(filters)
        rows = self._rows(
            "SELECT d.id, d.date, d.crime_category, d.originating_ncb, d.case_id FROM documents d "
            f"WHERE {' AND '.join(where)} ORDER BY d.id",
            args,
        )
        return [DocumentFacts(r[0], _day(r[1]), r[2], r[3], r[4]) for r in rows]

    def occurrences(
        self, *, types: Iterable[str] | None = None, filters: GraphFilter = NO_FILTER
    ) -> list[tuple[str, str]]:
        where, args = self._document_where(filters)
        where.append("m.entity_id IS NOT NULL")
        types = checked_types(types)
        if types is not None:
            # a mention's type is its entity's (resolution never joins two types): no entity join
            where.append("m.type IN (SELECT value FROM json_each(?))")
            args.append(_ids(types))
        rows = self._rows(
            "SELECT m.entity_id, m.document_id FROM mentions m "
            f"JOIN documents d ON d.id = m.document_id WHERE {' AND '.join(where)}",
            args,
        )
        return list(dict.fromkeys((r[0], r[1]) for r in rows))  # distinct here: cheaper than SQL's

    def time_series(
        self,
        measure: Measure,
        *,
        by: Period = "month",
        group_by: GroupBy | None = None,
        filters: GraphFilter = NO_FILTER,
    ) -> list[SeriesPoint]:
        check_series_request(measure, group_by, by)
        group = _GROUP_SQL[group_by] if group_by else "NULL"
        # Every measure becomes rows of (day, grp, item); the outer query counts distinct items.
        if measure == "links":
            inner, args = self._link_query(
                filters,
                columns=f"COALESCE(l.occurred_at, d.date) AS day, {group} AS grp, l.id AS item",
            )
        else:
            where, args = self._document_where(filters)
            source, item = {
                "documents": ("documents d", "d.id"),
                "cases": ("documents d", "d.case_id"),
                "entities": (
                    "mentions m JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id",
                    "m.entity_id",
                ),
            }[measure]
            if measure == "entities" and filters.entity_types is not None:
                where.append("e.type IN (SELECT value FROM json_each(?))")
                args.append(_ids(sorted(filters.entity_types)))
            inner = (
                f"SELECT d.date AS day, {group} AS grp, {item} AS item FROM {source} "
                f"WHERE {' AND '.join(where)}"
            )
        period = _PERIOD_SQL[by].format(col="day")
        rows = self._rows(
            f"SELECT {period} AS period, grp, COUNT(DISTINCT item) AS value FROM ({inner}) "
            "WHERE day IS NOT NULL GROUP BY period, grp ORDER BY period, grp",
            args,
        )
        return [SeriesPoint(period=r["period"], group=r["grp"], value=r["value"]) for r in rows]

    # -- entity resolution ---------------------------------------------------------------

    def records(self, *, types: Iterable[str] | None = None, since: int = 0) -> list[Record]:
        cond, params = self._visible("document", "m.document_id")
        where, args = ["r.seq > ?"], [since]
        types = checked_types(types)
        if types is not None:
            where.append("r.type IN (SELECT value FROM json_each(?))")
            args.append(_ids(types))
        rows = self._rows(
            "SELECT r.*, (SELECT json_group_array(DISTINCT m.document_id) FROM mentions m "
            f"WHERE m.entity_id = r.entity_id AND m.record_id = r.id AND {cond}) AS docs "
            "FROM records r "
            f"WHERE {' AND '.join(where)} ORDER BY r.seq",
            [*params, *args],
        )
        out = []
        for r in rows:
            docs = tuple(sorted(json.loads(r["docs"])))
            if not docs and self.scope.handling_codes is not None:
                continue  # known only from documents this reader may not see
            out.append(
                Record(
                    id=r["id"], type=r["type"], label=r["label"],
                    aliases=tuple(json.loads(r["aliases"])), properties=json.loads(r["properties"]),
                    entity_id=r["entity_id"], seq=r["seq"], documents=docs,
                )
            )  # fmt: skip
        return out

    def assign(
        self, assignments: Mapping[str, str], entities: Sequence[Entity], *, through: int
    ) -> int:
        by_id = {e.id: e for e in entities}
        with self._transaction() as conn:
            # the records to move, in a keyed temporary table: each statement below then walks it
            # and its target's index inside SQLite, instead of one statement per record (at 100 000
            # mentions, 81 000 records move on the first run)
            conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS moves "
                "(record TEXT PRIMARY KEY, entity TEXT NOT NULL, was TEXT) WITHOUT ROWID"
            )
            conn.execute("DELETE FROM temp.moves")
            ordered = sorted(assignments.items())  # key order: each index is walked forward
            conn.executemany("INSERT INTO temp.moves (record, entity) VALUES (?,?)", ordered)
            current = {
                row[0]: (row[1], row[2])
                for row in conn.execute(
                    "SELECT m.record, r.entity_id, r.type FROM temp.moves m "
                    "JOIN records r ON r.id = m.record"
                )
            }
            if missing := sorted(set(assignments) - set(current)):
                raise NotFoundError(
                    f"{len(missing)} record(s) to assign are not stored (e.g. {missing[0]}); "
                    "run resolution on this store again"
                )
            # written as given (resolution computed the whole entity), in key order
            written = sorted(by_id.values(), key=lambda e: e.id)
            conn.executemany(
                "DELETE FROM entity_fts WHERE rowid = (SELECT rowid FROM entities WHERE id = ?)",
                [(e.id,) for e in written],
            )
            conn.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "label = excluded.label, aliases = excluded.aliases, properties = excluded.properties",
                [
                    (e.id, e.type, e.label, _json(list(e.aliases)), _json(dict(e.properties)))
                    for e in written
                ],
            )
            conn.executemany(
                "INSERT INTO entity_fts (rowid, label, aliases) "
                "SELECT rowid, label, ? FROM entities WHERE id = ?",
                [(" ".join(e.aliases), e.id) for e in written],
            )
            targets = set(assignments.values()) - set(by_id)
            known = {
                row["id"]
                for row in conn.execute(
                    "SELECT id FROM entities WHERE id IN (SELECT value FROM json_each(?))",
                    [_ids(targets)],
                )
            }
            if missing := sorted(targets - known):
                raise ValidationError(
                    f"records are assigned to entity {missing[0]}, which is neither stored nor given; "
                    "pass it in entities"
                )
            moved = [(r, e) for r, e in ordered if current[r][0] != e]
            for record, entity in moved:
                if by_id.get(entity) and by_id[entity].type != current[record][1]:
                    raise ValidationError(
                        f"record {record} is a {current[record][1]}; it cannot join {entity}"
                    )
            conn.executemany(
                "DELETE FROM temp.moves WHERE record = ?",
                [(r,) for r, e in ordered if current[r][0] == e],
            )
            # mentions and links follow their record; they are indexed by (entity, record), so
            # each is found under the entity its record leaves
            conn.execute(
                "UPDATE temp.moves SET was = (SELECT entity_id FROM records WHERE id = record)"
            )
            conn.execute(
                "UPDATE records SET entity_id = (SELECT entity FROM temp.moves WHERE record = id) "
                "WHERE id IN (SELECT record FROM temp.moves)"
            )
            for table, column, key in (
                ("mentions", "entity_id", "record_id"),
                ("links", "source", "source_record"),
                ("links", "target", "target_record"),
            ):
                conn.execute(
                    f"UPDATE {table} SET {column} = "
                    f"(SELECT entity FROM temp.moves WHERE record = {table}.{key}) "
                    f"WHERE ({column}, {key}) IN (SELECT was, record FROM temp.moves)"
                )
            conn.execute("DELETE FROM temp.moves")
            orphans = sorted(
                (row["rowid"], row["id"])
                for row in conn.execute(
                    "SELECT rowid, id FROM entities e WHERE id IN (SELECT value FROM json_each(?)) "
                    "AND NOT EXISTS (SELECT 1 FROM records r WHERE r.entity_id = e.id) "
                    "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id) "
                    "AND NOT EXISTS (SELECT 1 FROM links l WHERE l.source = e.id OR l.target = e.id)",
                    [_ids({current[r][0] for r, _ in moved})],
                )
            )
            gone = _ids(o[0] for o in orphans)
            conn.execute(
                "DELETE FROM entity_fts WHERE rowid IN (SELECT value FROM json_each(?))", [gone]
            )
            conn.execute(
                "DELETE FROM entities WHERE rowid IN (SELECT value FROM json_each(?))", [gone]
            )
            conn.execute(
                "INSERT INTO meta VALUES ('resolved_through', ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value",
                (str(max(through, self._through(conn))),),
            )
        return len(moved)

    @staticmethod
    def _through(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = 'resolved_through'").fetchone()
        return int(row["value"]) if row else 0

    def resolved_through(self) -> int:
        with self._lock:
            return self._through(self.conn)

    def put_judgements(self, judgements: Iterable[Judgement]) -> int:
        rows = sorted(  # in key order: the inserts walk the primary key forward
            (j.a, j.b, j.source, j.decision, j.score, _json(dict(j.reasons)), j.note)
            for j in judgements
        )
        with self._transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO judgements VALUES (?,?,?,?,?,?,?)", rows)
        return len(rows)

    def judgements(
        self,
        records: Iterable[str] | None = None,
        *,
        source: JudgementSource | None = None,
        decision: Decision | None = None,
    ) -> list[Judgement]:
        where, args = ["1"], []
        if records is not None:
            ids = _ids(sorted(set(records)))
            where.append(
                "(a IN (SELECT value FROM json_each(?)) OR b IN (SELECT value FROM json_each(?)))"
            )
            args += [ids, ids]
        if source is not None:
            where.append("source = ?")
            args.append(source)
        if decision is not None:
            where.append("decision = ?")
            args.append(decision)
        rows = self._rows(
            f"SELECT * FROM judgements WHERE {' AND '.join(where)} ORDER BY a, b, source", args
        )
        return [
            Judgement(
                a=r["a"], b=r["b"], decision=r["decision"], source=r["source"],
                score=r["score"], reasons=json.loads(r["reasons"]), note=r["note"],
            )
            for r in rows
        ]  # fmt: skip

    def forget_judgements(
        self, pairs: Iterable[tuple[str, str]], *, source: JudgementSource
    ) -> int:
        ordered = [(min(a, b), max(a, b), source) for a, b in pairs]
        with self._transaction() as conn:
            return sum(
                conn.execute(
                    "DELETE FROM judgements WHERE a = ? AND b = ? AND source = ?", row
                ).rowcount
                for row in ordered
            )

    def as_written(self) -> Batch:
        cond, params = self._visible("document", "document_id")
        mentions = self._rows(
            f"SELECT * FROM mentions WHERE {cond} ORDER BY document_id, start, id", params
        )
        links = self._rows(f"SELECT * FROM links WHERE {cond} ORDER BY id", params)
        return Batch(
            mentions=[_mention(r, written=True) for r in mentions],
            links=[_link(r, written=True) for r in links],
        )

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


# -- row <-> record -------------------------------------------------------------------------


def _renamed(ent: Entity, new_id: str) -> Entity:
    """A record's entity written onto the entity resolution assigned it to."""
    return Entity(
        id=new_id, type=ent.type, label=ent.label, aliases=ent.aliases, properties=ent.properties
    )


def _document(r: sqlite3.Row) -> Document:
    return Document(
        id=r["id"],
        source=r["source"],
        text=r["text"],
        kind=r["kind"],
        language=r["language"],
        reference=r["reference"],
        originating_ncb=r["originating_ncb"],
        recipients=tuple(json.loads(r["recipients"])),
        date=_day(r["date"]),
        subject=r["subject"],
        case_id=r["case_id"],
        crime_category=r["crime_category"],
        handling_code=r["handling_code"],
        grading=r["grading"],
        parent_id=r["parent_id"],
        metadata=json.loads(r["metadata"]),
    )


def _as_stored(ent: Entity, row: sqlite3.Row) -> bool:
    """Whether ``ent`` has the label, aliases and properties of the stored ``row``.

    Merging such an entity into its row, either way round, gives the row back, so it
    is not read back (decoded and merged) at all: most entities of an ingested report
    are known already (phones, places).
    """
    return (
        ent.label == row["label"]
        and _json(list(ent.aliases)) == row["aliases"]
        and _json(dict(ent.properties)) == row["properties"]
    )


def _entity(r: sqlite3.Row) -> Entity:
    return Entity(
        id=r["id"],
        type=r["type"],
        label=r["label"],
        aliases=tuple(json.loads(r["aliases"])),
        properties=json.loads(r["properties"]),
    )


def _mention(r: sqlite3.Row, *, written: bool = False) -> Mention:
    """A mention row; ``written``: pointing at its record, not at its entity."""
    return Mention(
        id=r["id"],
        document_id=r["document_id"],
        start=r["start"],
        end=r["end"],
        text=r["text"],
        type=r["type"],
        method=r["method"],
        confidence=r["confidence"],
        value=r["value"],
        entity_id=r["record_id"] if written else r["entity_id"],
    )


def _link(r: sqlite3.Row, *, written: bool = False) -> Link:
    """A link row; ``written``: between its two records, not their entities."""
    return Link(
        id=r["id"],
        type=r["type"],
        source=r["source_record"] if written else r["source"],
        target=r["target_record"] if written else r["target"],
        evidence=Evidence(r["document_id"], r["start"], r["end"]),
        method=r["method"],
        confidence=r["confidence"],
        occurred_at=_day(r["occurred_at"]),
        mention_ids=tuple(json.loads(r["mention_ids"])),
        properties=json.loads(r["properties"]),
    )
