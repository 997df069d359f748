"""Time and peak memory of one call, measured in a forked child so no call sees another's memory.

Python keeps memory it freed for later use, and a native library (igraph, DuckDB)
keeps its own pools: measured one after the other in one process, the second call
looks cheaper than it is. :func:`forked` runs the call in a child forked from the
caller (which shares what the caller has already built, copy-on-write), resets the
child's peak resident set (Linux ``/proc/self/clear_refs``) and reports the call's
wall time, the rise of the peak resident set over what the child started with
(VmHWM − VmRSS), and the call's result, pickled back through a pipe.

    >>> from forked import forked
    >>> forked(lambda: sum(range(10))).result
    45
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Measured(Generic[T]):
    """What a forked call returned, how long it took and how much its peak resident set rose."""

    result: T
    seconds: float
    rise_mib: float
    peak_mib: float


def status(key: str) -> int:
    """A ``/proc/self/status`` figure in bytes (``VmRSS``, ``VmHWM``); 0 where there is none."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def forked(call: Callable[[], T], before: Callable[[], Any] | None = None) -> Measured[T]:
    """Run ``call`` in a forked child and measure it; ``before`` runs in the child first, untimed.

    An exception in the child is raised again here, with the child's message.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report through the pipe, leave without cleanup
        os.close(read)
        code = 0
        try:
            if before is not None:
                before()
            with contextlib.suppress(OSError):  # reset the peak resident set (Linux)
                Path("/proc/self/clear_refs").write_text("5")
            start_rss = status("VmRSS")
            start = time.perf_counter()
            result = call()
            seconds = time.perf_counter() - start
            peak = status("VmHWM")
            payload: Any = Measured(result, seconds, max(peak - start_rss, 0) / 2**20, peak / 2**20)
        except BaseException as err:  # carried to the parent and raised there
            payload, code = RuntimeError(f"in the measured child: {type(err).__name__}: {err}"), 1
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(payload, pipe)
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        payload = pickle.load(pipe)
    os.waitpid(pid, 0)
    if isinstance(payload, BaseException):
        raise payload
    return payload
