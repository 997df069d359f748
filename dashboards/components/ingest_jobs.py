"""Uploaded files, ingested in the background while the page polls for progress.

A long ingest must not freeze the page, and a browser must never wait on one
request for minutes. :func:`start` writes the uploaded files into a fresh
temporary folder (names reduced to a safe base name; the files are only ever
read by Odyssey's readers, never run), then ingests them in a worker thread
through :meth:`Workbench.ingest`, whose progress callback fills the job's
per-file results. The page asks :func:`get` every half second (``dcc.Interval``).
One ingest runs at a time per server; later uploads wait their turn. The
temporary folder is removed when its job ends.

Jobs live in this process only (the last :data:`KEEP_JOBS`), each holding the
workbench it writes to, so several apps in one process keep apart.
"""

from __future__ import annotations

import base64
import binascii
import re
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from odyssey.errors import OdysseyError, ValidationError

if TYPE_CHECKING:  # the pipeline (and spaCy) load only when a file is ingested
    from odyssey.ingest.pipeline import FileResult, IngestProgress
    from odyssey.workbench import Workbench

#: Jobs remembered (finished ones beyond this are forgotten, oldest first).
KEEP_JOBS = 20
_SAFE = re.compile(r"[^\w.\- ]+")

_jobs: dict[str, IngestJob] = {}
_jobs_lock = threading.Lock()
#: One ingest at a time: the store takes one writer, and two runs would only wait on it.
_run_lock = threading.Lock()


@dataclass(slots=True)
class IngestJob:
    """Where one upload stands: waiting, ingesting, resolving, done or failed."""

    id: str
    names: list[str]
    phase: str = "waiting"
    done: int = 0
    total: int = 0
    #: Each file's result, its ``path`` reduced to the name uploaded.
    rows: list[FileResult] = field(default_factory=list)
    message: str = ""
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def running(self) -> bool:
        return self.phase in ("waiting", "ingesting", "resolving")

    def snapshot(self) -> IngestJob:
        """A consistent copy to render (the worker keeps writing to the original)."""
        with self.lock:
            return IngestJob(
                self.id,
                list(self.names),
                self.phase,
                self.done,
                self.total,
                list(self.rows),
                self.message,
                self.started,
                self.finished,
            )


def safe_name(name: str, taken: set[str]) -> str:
    """A base name safe to write in a folder of our own: no path, no odd characters, unique.

    >>> safe_name("../../etc/passwd", set()), safe_name(".bashrc", set()), safe_name("a.txt", {"a.txt"})
    ('passwd', '_bashrc', 'a-2.txt')
    """
    base = _SAFE.sub("_", Path(name.replace("\\", "/")).name).strip() or "upload"
    if base.startswith("."):
        base = "_" + base[1:]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}.{suffix}" if dot else f"{stem}-{n}"
    taken.add(candidate)
    return candidate


def decode(contents: str, name: str, max_bytes: int) -> bytes:
    """The bytes of a ``dcc.Upload`` data URL (``data:...;base64,...``), size-checked."""
    _, _, payload = contents.partition(",")
    if len(payload) * 3 // 4 > max_bytes + 3:
        raise ValidationError(f"{name} is larger than the upload limit; split it")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(f"{name} did not arrive whole; upload it again") from None
    if len(data) > max_bytes:
        raise ValidationError(f"{name} is larger than the upload limit; split it")
    return data


def start(
    wb: Workbench,
    files: list[tuple[str, bytes]],
    *,
    case: str | None = None,
    resolve: bool = True,
) -> str:
    """Write ``files`` (name, bytes) to a temporary folder and ingest them in the background."""
    if not files:
        raise ValidationError("no file was uploaded; drop report files on the upload area")
    folder = Path(tempfile.mkdtemp(prefix="odyssey-upload-"))
    taken: set[str] = set()
    paths = []
    for name, data in files:
        path = folder / safe_name(name, taken)
        path.write_bytes(data)
        paths.append(path)
    job = IngestJob(uuid.uuid4().hex, [p.name for p in paths], total=len(paths))
    with _jobs_lock:
        _jobs[job.id] = job
        finished = [j for j in _jobs.values() if not j.running]
        for old in finished[: max(0, len(_jobs) - KEEP_JOBS)]:
            _jobs.pop(old.id, None)
    worker = threading.Thread(
        target=_run,
        args=(job, wb, folder, paths, case, resolve),
        name="odyssey-ingest",
        daemon=True,
    )
    worker.start()
    return job.id


def get(job_id: str | None) -> IngestJob | None:
    """A snapshot of the job, or None when this server does not know it (restarted)."""
    with _jobs_lock:
        job = _jobs.get(job_id or "")
    return job.snapshot() if job else None


def _row(result: FileResult, folder: Path) -> FileResult:
    """``result`` as the uploader reads it: the file's name, no temporary folder in the reasons."""
    prefix = f"{folder}/"
    return replace(
        result,
        path=Path(result.path).name,
        reason=(result.reason or "").replace(prefix, "") or None,
        warnings=[w.replace(prefix, "") for w in result.warnings],
    )


def _run(
    job: IngestJob,
    wb: Workbench,
    folder: Path,
    paths: list[Path],
    case: str | None,
    resolve: bool,
) -> None:
    def progress(step: IngestProgress) -> None:
        with job.lock:
            job.done, job.total = step.done, step.total
            job.rows.extend(_row(r, folder) for r in step.files)

    try:
        with _run_lock:
            with job.lock:
                job.phase = "ingesting"
            summary = wb.ingest(paths, case=case or None, progress=progress)
            counts = summary.counts()
            note = ""
            if resolve and counts["new"]:
                with job.lock:
                    job.phase = "resolving"
                try:
                    resolved = wb.resolve()
                    note = f" {resolved.moved} name record(s) joined to the people and organisations already known."
                except OdysseyError as err:
                    note = f" Names were not resolved: {err}"
            wb.refresh()
        with job.lock:
            job.phase = "done"
            job.message = (
                f"{counts['new']} new, {counts['skipped']} already stored, {counts['failed']} failed: "
                f"{counts['documents']} documents, {counts['entities']} entities, "
                f"{counts['links']} links added.{note}"
            )
    except OdysseyError as err:
        with job.lock:
            job.phase, job.message = "failed", str(err)
    except Exception:  # an internal error: logged with its traceback, the page gets one line
        import logging

        logging.getLogger("odyssey.dashboards").exception("an upload's ingest failed")
        with job.lock:
            job.phase = "failed"
            job.message = "The ingest stopped on an internal error (written to the server's log)."
    finally:
        with job.lock:
            job.finished = time.monotonic()
        shutil.rmtree(folder, ignore_errors=True)


__all__ = ["IngestJob", "decode", "get", "safe_name", "start"]
