"""The collector pause shared by the app's cache and entity resolution."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import odyssey
from odyssey.collector import collector_paused
from odyssey.ingest.resolution import resolve


def test_a_pause_ends_with_the_last_block_and_restores_what_it_found() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()
    gc.disable()  # a program that runs with the collector off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_threads_share_one_pause() -> None:
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    inside.wait(10)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other thread's block has not ended
    release.set()
    t.join(10)
    assert gc.isenabled()


def test_resolution_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    with odyssey.open(str(tmp_path / "o.db")) as wb:
        resolve(wb.store)
        assert gc.isenabled()
        gc.disable()
        try:
            resolve(wb.store)
            assert not gc.isenabled()
        finally:
            gc.enable()
