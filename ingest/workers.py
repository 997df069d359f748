"""Extraction in worker processes, so a large ingest uses every core.

NER and the rules are CPU-bound Python and spaCy work; one process uses one
core. :class:`Extraction workers <Workers>` run :meth:`Extractor.extract` on
chunks of files in a process pool while the calling process reads the next
files and stores the finished ones, so storing overlaps extraction. The store is
only ever written by the calling process: idempotence and "whole file or
nothing" stay exactly as in one process.

* Models (spaCy pipelines, the gazetteer, the language detector) are loaded in
  the calling process before the pool starts, so on Linux (``fork``) the
  workers share them instead of loading their own; elsewhere each worker loads
  them once.
* A worker that dies (killed, out of memory) does not sink the run: the chunks
  it held are extracted again in the calling process, and the rest of the run
  stays there.
* Workers end with the calling process (Linux: ``PR_SET_PDEATHSIG``), so a
  killed ingest leaves no orphans behind.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from odyssey.ingest.extractor import Extractor

log = logging.getLogger(__name__)

#: Most worker processes the automatic choice starts: each holds the models (shared
#: copy-on-write after ``fork``, but Python's reference counts dirty their pages over time).
MAX_AUTO_WORKERS = 4

T = TypeVar("T")
R = TypeVar("R")

_EXTRACTOR: Extractor | None = None  # the worker's own, set once by _start


def auto_workers() -> int:
    """Worker processes to use when the caller says ``workers=0`` ("as many as pay")."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(usable or 1, MAX_AUTO_WORKERS))


def warm_up() -> None:
    """Load every model extraction may need, so forked workers inherit them loaded."""
    from odyssey.ingest import gazetteer
    from odyssey.ingest import nlp as nlp_models
    from odyssey.ingest.language import detect_language

    for language in [*nlp_models.configured_models(), None]:
        nlp_models.pipeline(language)
    gazetteer.lookup("Lampedusa")
    detect_language("The suspect travelled to Lampedusa with his brother.")


#: Allocations between two young collections during an ingest (Python's default is 700).
YOUNG_COLLECTION_EVERY = 10_000


@contextmanager
def models_out_of_collection() -> Iterator[Callable[[], None]]:
    """While an ingest runs: what is loaded (models, gazetteer) kept out of garbage collection.

    Yields ``freeze``: call it once the models are loaded (before workers fork, or after
    the first chunk in one process). A full collection walks every object tracked, and
    the loaded models are most of them: each cost 0.2 s. Frozen (``gc.freeze``), they
    are skipped, and forked workers no longer write to the parent's pages by collecting
    them (Python's advice for ``fork``). Young collections come every
    :data:`YOUNG_COLLECTION_EVERY` allocations instead of 700. On 5 000 generated
    reports, collection took 0.3 s instead of 1.4 s. Afterwards everything is collected
    as before.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *threshold[1:])
    try:
        yield gc.freeze
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _start(extractor: Extractor) -> None:
    """Worker initialiser: keep the extractor; die with the parent; leave Ctrl-C to it."""
    global _EXTRACTOR
    _EXTRACTOR = extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: end when the ingesting process ends


def _run(job: Callable[[Extractor, T], R], work: T) -> R:
    assert _EXTRACTOR is not None, "worker used before _start"
    return job(_EXTRACTOR, work)


@dataclass(frozen=True, slots=True)
class Pending(Generic[T, R]):
    """A submitted job: its future, and what it takes to run it again here."""

    future: Future[R]
    job: Callable[[Extractor, T], R]
    work: T


class Workers:
    """Runs ``job(extractor, work)`` in ``count`` worker processes, or here if ``count`` is 1.

    :meth:`submit` returns a :class:`Pending` job at once; the caller keeps a few in flight and
    takes their results in order with :meth:`result`, which falls back to running
    the job here if the pool broke. Use as a context manager: leaving it stops the
    workers and drops work not yet started.
    """

    def __init__(self, extractor: Extractor, count: int) -> None:
        self.extractor = extractor
        self.count = max(1, count)
        self._pool: ProcessPoolExecutor | None = None
        if self.count > 1:
            warm_up()
            self._pool = ProcessPoolExecutor(
                max_workers=self.count,
                mp_context=multiprocessing.get_context(),
                initializer=_start,
                initargs=(extractor,),
            )

    @property
    def ahead(self) -> int:
        """How many submitted jobs the caller should keep in flight before taking a result."""
        return 0 if self._pool is None else self.count + 1

    def submit(self, job: Callable[[Extractor, T], R], work: T) -> Pending[T, R]:
        """Start ``job`` on ``work`` (in a worker, or here and now without a pool)."""
        if self._pool is not None:
            try:
                return Pending(self._pool.submit(_run, job, work), job, work)
            except BrokenProcessPool:
                self._broken()
        done: Future[R] = Future()
        done.set_result(job(self.extractor, work))
        return Pending(done, job, work)

    def result(self, pending: Pending[T, R]) -> R:
        """The job's result; if its worker died, the job is run again here."""
        try:
            return pending.future.result()
        except BrokenProcessPool:
            self._broken()
            return pending.job(self.extractor, pending.work)

    def _broken(self) -> None:
        if self._pool is not None:
            log.warning("an extraction worker died; extracting the rest in this process")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
