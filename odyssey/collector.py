"""Pausing Python's cyclic garbage collector while a big piece of work allocates.

A process that holds many long-lived objects (the app's projection, a
resolution run's profiles and blocks) pays for every full collection with a
walk over all of them, and work that allocates a lot sets off one after another.
Reference counting still frees everything at once while the collector is
paused; only garbage *cycles* wait until the last pause ends.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_paused = 0  # pieces of work under way with the collector paused
_resume = True  # whether the collector was on when the first of them began
_lock = threading.Lock()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; threads share one pause.

    The collector comes back on when the last block ends, and only if it was on
    when the first began: a program that switched it off keeps it off.
    """
    global _paused, _resume
    with _lock:
        _paused += 1
        if _paused == 1:
            _resume = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _resume:
                gc.enable()
