"""The ingestion pipeline: files and folders in, documents, mentions and links stored.

* **Idempotent**: a document is its content hash; files already stored are
  skipped before any work is done, so ingesting twice adds nothing.
* **Atomic per file**: each file (an e-mail with its attachments included) is
  written whole or not at all (``GraphStore.put_each``: the embedded store
  commits a chunk of files at once, with a savepoint per file), so a killed run
  leaves whole files or nothing, and running it again completes the batch.
* **A bad file never sinks the batch**: it is reported with its reason and the
  rest lands.
* **Batched NLP**: files are read and extracted in chunks, ``nlp.pipe`` per
  language inside a chunk.

>>> import odyssey, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "r1.txt").write_text("REFERENCE: NCB-ROME/2026/SOM/1\\n\\nAli uses +218 91 234 5678.")
>>> with odyssey.open(folder / "o.db") as wb:
...     ingest(wb.store, [folder]).counts()["new"]
1
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from odyssey.errors import OdysseyError
from odyssey.graph import Batch, GraphStore
from odyssey.ingest.extractor import Extraction, Extractor
from odyssey.ingest.mapping import Mapping, builtin_mappings
from odyssey.ingest.readers import SUPPORTED_SUFFIXES, Limits, ReadError, SourceDocument, read_path
from odyssey.ingest.readers.network_file import NETWORK_KIND, network_extraction
from odyssey.ingest.readers.source import DEFAULT_LIMITS
from odyssey.ingest.workers import Pending, Workers, auto_workers, models_out_of_collection
from odyssey.model import Document

log = logging.getLogger(__name__)

#: Files read and extracted together (one ``nlp.pipe`` call per language).
CHUNK_FILES = 64
#: Worker processes start only when each gets at least this many chunks: starting them
#: (and loading every model first) costs seconds that a small ingest would not win back.
MIN_CHUNKS_PER_WORKER = 2


@dataclass(slots=True)
class FileResult:
    """What happened to one file: ``new``, ``skipped`` (already stored) or ``failed``."""

    path: str
    status: str
    reason: str | None = None
    documents: int = 0
    mentions: int = 0
    entities: int = 0
    links: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IngestSummary:
    """The outcome of one ingest run, file by file."""

    files: list[FileResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Files by status, and what the new files added."""
        out = {
            "new": 0,
            "skipped": 0,
            "failed": 0,
            "documents": 0,
            "mentions": 0,
            "entities": 0,
            "links": 0,
        }
        for f in self.files:
            out[f.status] += 1
            for key in ("documents", "mentions", "entities", "links"):
                out[key] += getattr(f, key)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: totals, failed files with reasons, and files with warnings."""
        return {
            **self.counts(),
            "failed_files": [
                {"path": f.path, "reason": f.reason} for f in self.files if f.status == "failed"
            ],
            "warnings": [
                {"path": f.path, "warnings": f.warnings} for f in self.files if f.warnings
            ],
        }


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where a run stands, passed to the ``progress`` callback as files finish.

    ``files`` are the results finished since the previous call (in input
    order), so a caller can show each file's outcome as it comes; ``done``
    counts all finished so far, out of ``total`` found.
    """

    done: int
    total: int
    files: tuple[FileResult, ...]


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[FileResult]]:
    """Files to ingest under ``paths`` (folders recursively, hidden files skipped), sorted.

    A path that does not exist, or a file named explicitly whose type is not
    supported, comes back as a failed result.
    """
    found: list[Path] = []
    problems: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(path)
            else:
                problems.append(
                    FileResult(
                        str(path), "failed", f"{path.suffix or 'no suffix'} files are not supported"
                    )
                )
        else:
            problems.append(FileResult(str(path), "failed", "no such file or folder"))
    return list(dict.fromkeys(found)), problems


def ingest(
    store: GraphStore,
    paths: Iterable[str | os.PathLike[str]],
    *,
    case_id: str | None = None,
    mappings: Sequence[Mapping] = (),
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[IngestProgress], None] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Ingest the files under ``paths`` into ``store`` and say what happened to each.

    ``case_id`` files documents without a case of their own under that case;
    ``mappings`` are tried on tables before the built-in ones; ``progress`` is
    called with an :class:`IngestProgress` once for the paths that could not be
    used (if any), then after every chunk of files (``CHUNK_FILES``) is stored.
    ``workers`` is how many processes extract (``0``: one per core, up to
    ``MAX_AUTO_WORKERS``); with more than one, the files are still stored here,
    in order, one chunk at a time (see ``odyssey.ingest.workers``).
    """
    files, problems = discover(paths)
    summary = IngestSummary(files=list(problems))
    total = len(files) + len(problems)
    if progress and problems:
        progress(IngestProgress(len(problems), total, tuple(problems)))
    extractor = Extractor([*mappings, *builtin_mappings()], case_id=case_id)
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    count = auto_workers() if workers == 0 else workers
    if len(chunks) < MIN_CHUNKS_PER_WORKER * count:  # too little work to pay for starting them
        count = 1
    seen: set[str] = set()
    with (
        store.loading(len(files)),
        models_out_of_collection() as freeze,
        Workers(extractor, count) as pool,
    ):
        freeze()  # with workers: the models are loaded and the workers not forked yet
        pending: deque[_Chunk] = deque()
        for i, paths in enumerate(chunks):
            pending.append(_read_chunk(store, extractor, pool, paths, limits, seen))
            while len(pending) > pool.ahead:
                _finish(store, pool, pending.popleft(), summary, total, progress)
            if i == 0:
                freeze()  # in one process: the models the first files needed are loaded now
        while pending:
            _finish(store, pool, pending.popleft(), summary, total, progress)
    return summary


@dataclass(slots=True)
class _Chunk:
    """A chunk of files read and on its way through extraction."""

    paths: list[Path]
    results: dict[Path, FileResult]  # the files already settled (unreadable, known, networks)
    networks: dict[Path, list[Extraction]]
    extracting: Pending[dict[Path, SourceDocument], dict[Path, list[Extraction] | str]] | None


def _read_chunk(
    store: GraphStore,
    extractor: Extractor,
    pool: Workers,
    paths: list[Path],
    limits: Limits,
    seen: set[str],
) -> _Chunk:
    """Read a chunk, settle the unreadable and already stored files, start extracting the rest.

    ``seen`` holds the documents of this run so far: a file whose content an
    earlier file of the run had is skipped even before that one is stored.
    """
    results: dict[Path, FileResult] = {}
    sources: dict[Path, SourceDocument] = {}
    for path in paths:
        try:
            sources[path] = read_path(path, limits)
        except ReadError as err:
            results[path] = FileResult(str(path), "failed", str(err))
    ids = {path: Document.id_for(src.content) for path, src in sources.items()}
    known = store.known_documents(ids.values())
    for path, doc_id in ids.items():
        if doc_id in known or doc_id in seen:
            results[path] = FileResult(str(path), "skipped", "already ingested (same content)")
            del sources[path]
        seen.add(doc_id)
    networks = {
        p: [*network_extraction(s, extractor.case_id)]
        for p, s in sources.items()
        if s.kind == NETWORK_KIND
    }
    rest = {p: s for p, s in sources.items() if p not in networks}
    return _Chunk(paths, results, networks, pool.submit(_extract, rest) if rest else None)


def _finish(
    store: GraphStore,
    pool: Workers,
    chunk: _Chunk,
    summary: IngestSummary,
    total: int,
    progress: Callable[[IngestProgress], None] | None,
) -> None:
    """Store a chunk whose extraction is done, and report its files."""
    done: dict[Path, list[Extraction] | str] = dict(chunk.networks)
    if chunk.extracting is not None:
        done.update(pool.result(chunk.extracting))
    results = chunk.results
    extracted: dict[Path, list[Extraction]] = {}
    for path, extractions in done.items():
        if isinstance(extractions, str):
            results[path] = FileResult(str(path), "failed", extractions)
        else:
            extracted[path] = extractions
    results.update(_store(store, extracted))
    finished = [results[p] for p in chunk.paths]
    summary.files.extend(finished)
    if progress:
        progress(IngestProgress(len(summary.files), total, tuple(finished)))


def _extract(
    extractor: Extractor, sources: dict[Path, SourceDocument]
) -> dict[Path, list[Extraction] | str]:
    """Extract the chunk in one batch; if that fails, file by file so only the bad file fails."""
    grouped: dict[Path, list[Extraction] | str] = {}
    try:
        flat = extractor.extract(sources.values())
    except Exception as err:  # one odd file must not sink the batch: isolate it, report it
        if len(sources) == 1:
            path = next(iter(sources))
            if isinstance(err, OdysseyError | ValueError):
                return {path: f"extraction failed: {err}"}
            log.exception("internal error while extracting %s", path)
            return {
                path: f"internal error while extracting ({type(err).__name__}: {err}); please report it"
            }
        for path, src in sources.items():
            grouped.update(_extract(extractor, {path: src}))
        return grouped
    position = 0
    for path, src in sources.items():  # flattened parents-first: each file, then its attachments
        size = _tree_size(src)
        grouped[path] = flat[position : position + size]
        position += size
    return grouped


def _tree_size(src: SourceDocument) -> int:
    return 1 + sum(_tree_size(child) for child in src.attachments)


def _store(store: GraphStore, extracted: dict[Path, list[Extraction]]) -> dict[Path, FileResult]:
    """Store each file's extractions as one batch: the file lands whole or not at all."""
    if not extracted:  # every file of the chunk was known or failed: no write transaction
        return {}
    batches: list[Batch] = []
    warnings: list[list[str]] = []
    for extractions in extracted.values():
        batch = Batch()
        warnings.append([w for ex in extractions for w in ex.warnings])
        for ex in extractions:
            batch.documents.append(ex.document)
            if ex.case is not None:
                batch.cases.append(ex.case)
            batch.entities.extend(ex.entities.values())
            batch.mentions.extend(ex.mentions)
            batch.links.extend(ex.links)
        batches.append(batch)
    results: dict[Path, FileResult] = {}
    for path, written, said in zip(extracted, store.put_each(batches), warnings, strict=True):
        if isinstance(written, OdysseyError):
            results[path] = FileResult(
                str(path), "failed", f"could not be stored: {written}", warnings=said
            )
        else:
            results[path] = FileResult(
                str(path),
                "new",
                None,
                written.documents,
                written.mentions,
                written.entities,
                written.links,
                said,
            )
    return results
