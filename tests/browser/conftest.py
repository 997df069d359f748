"""Browser tests: the real ``odyssey serve`` on a localhost port, driven in Debian's Chromium.

Fixtures, from the widest:

* ``sample_store`` (session): a store filled the way a user fills one, by the
  CLI: ``odyssey synth`` (60 reports, seed 7), ``ingest``, ``resolve``;
* ``app_server`` (session): ``odyssey serve --port 0`` on that store (a child
  process running waitress), stopped with Ctrl-C at the end;
* ``browser`` (session): ``/usr/bin/chromium`` through Playwright, headless;
* ``app`` (per test): a fresh page with a :class:`PageWatch`. The test fails if
  the page requested anything off this machine or logged a console error.
  ``app.open("/link-chart")`` loads a page and waits for Dash to settle;
  ``app.shot("name")`` saves a full-page screenshot under the test's tmp dir.

Without Chromium the tests are skipped on a laptop; under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import PageWatch, ServeProcess, chromium_missing, launch_chromium

#: The sample corpus the browser tests read: small enough to ingest in ~15 s on two cores.
SAMPLE_REPORTS = 60
SAMPLE_SEED = 7


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _odyssey(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "odyssey", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"odyssey {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled by the CLI from a generated corpus, built once per session."""
    root = tmp_path_factory.mktemp("app-sample")
    corpus, store = root / "corpus", root / "odyssey.db"
    _odyssey(
        "synth", "--out", str(corpus), "--reports", str(SAMPLE_REPORTS), "--seed", str(SAMPLE_SEED)
    )
    _odyssey(
        "--store", str(store), "ingest",
        str(corpus / "messages"), str(corpus / "emails"), str(corpus / "tables"),
    )  # fmt: skip
    _odyssey("--store", str(store), "resolve")
    return store


@pytest.fixture(scope="session")
def app_server(sample_store: Path) -> Iterator[ServeProcess]:
    """``odyssey serve`` on the sample store, on a free localhost port."""
    server = ServeProcess(sample_store).start()
    yield server
    status = server.stop()
    assert status == 0, "odyssey serve did not stop cleanly on Ctrl-C:\n" + "\n".join(server.output)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright (skipped without it, except under CI=true)."""
    missing = chromium_missing()
    if missing:
        if _in_ci():
            pytest.fail(
                f"browser tests need Chromium: {missing} (CI=true: mandatory)", pytrace=False
            )
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


#: True when Dash has no callback pending and every plotly graph on the page is drawn.
SETTLED = """() => !document.querySelector('._dash-loading-callback') &&
    [...document.querySelectorAll('.dash-graph')].every(
        g => !g.classList.contains('dash-graph--pending') && g.querySelector('.main-svg'))"""


class AppPage:
    """One browser tab on the app, watched for off-machine requests and console errors."""

    def __init__(self, browser: Any, base_url: str, shots: Path) -> None:
        self.base_url = base_url
        self.shots = shots
        self.context = browser.new_context(viewport={"width": 1500, "height": 950})
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.watch = PageWatch()
        self.watch.attach(self.context, self.page)

    def open(self, path: str = "/") -> Any:
        """Load ``path`` and wait until Dash has rendered and its requests have settled."""
        self.page.goto(self.base_url + path)
        self.settle()
        return self.page

    def settle(self) -> None:
        """Wait for Dash: the page rendered, no callback pending, every graph drawn."""
        self.page.wait_for_selector("main.page h1")
        for _ in range(2):  # a callback's answer may start another: settle twice
            self.page.wait_for_load_state("networkidle")
            self.page.wait_for_function(SETTLED)

    def shot(self, name: str) -> Path:
        """A full-page screenshot, saved as ``NAME.png`` under the test's tmp dir."""
        path = self.shots / f"{name}.png"
        self.page.evaluate("window.scrollTo(0, 0)")  # the sticky top bar stays on top
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def app(browser: Any, app_server: ServeProcess, tmp_path: Path) -> Iterator[AppPage]:
    """A watched tab on the running app; fails the test on any off-machine request or console error."""
    tab = AppPage(browser, app_server.url, tmp_path)
    try:
        yield tab
    finally:
        tab.close()
    problems = tab.watch.problems()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)
