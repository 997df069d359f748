"""Driving the real app in Debian's Chromium: the pieces the browser tests and the bench share.

* :class:`ServeProcess` runs ``odyssey serve --port 0`` (the real CLI, the real
  waitress server) against a store and reads the URL it prints;
* :func:`launch_chromium` starts ``/usr/bin/chromium`` through Playwright (no
  browser download), headless, with background networking off;
* :class:`PageWatch` records every request a page makes and every console error,
  and blocks (and remembers) any request that would leave this machine.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Where Debian's chromium package puts the browser; ``ODYSSEY_CHROMIUM`` overrides it.
CHROMIUM = os.environ.get("ODYSSEY_CHROMIUM", "/usr/bin/chromium")
#: Headless, and quiet: no update checks, sync, field trials or other calls home.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--metrics-recording-only",
)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
#: Schemes that never touch the network.
LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome-error"})


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when Chromium is installed."""
    if not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None:
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium driven by Playwright: headless, never fetching anything of its own."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS)
    )


def is_local(url: str) -> bool:
    """True for a request that stays on this machine."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.hostname in LOCAL_HOSTS or f"[{parts.hostname}]" in LOCAL_HOSTS


class ServeProcess:
    """``odyssey --store STORE serve --port 0`` in a child process; ``url`` once it listens."""

    def __init__(
        self, store: Path | str, *, extra: Sequence[str] = (), timeout: float = 60
    ) -> None:
        self.store = str(store)
        self.extra = list(extra)
        self.timeout = timeout
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""
        self.output: list[str] = []

    def start(self) -> ServeProcess:
        """Start the server and wait for the line that gives its address."""
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "odyssey",
                "--store",
                self.store,
                "serve",
                "--port",
                "0",
                *self.extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + self.timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.output.append(line.rstrip())
            found = re.search(r"Open (http://\S+?)/? in a browser", line)
            if found:
                self.url = found.group(1)
                return self
        self.stop()
        raise RuntimeError("odyssey serve did not start:\n" + "\n".join(self.output))

    def stop(self) -> int | None:
        """Ctrl-C, as a user stops it; the exit status (killed after 10 s of no answer)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.output.extend(self.proc.stdout.read().splitlines())
            self.proc.stdout.close()
        return self.proc.returncode


@dataclass
class PageWatch:
    """Everything a page asked the network for, and everything it complained about."""

    requests: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, context: Any, page: Any) -> None:
        """Watch ``page``; requests leaving the machine are aborted and recorded."""

        def route(route: Any) -> None:
            url = route.request.url
            if is_local(url):
                route.continue_()
            else:
                self.offsite.append(url)
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console",
            lambda msg: (
                self.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda err: self.console_errors.append(f"page error: {err}"))
        page.on(
            "requestfailed",
            lambda request: (
                self.failed.append(f"{request.url}: {request.failure}")
                if is_local(request.url) and request.failure != "net::ERR_ABORTED"  # left the page
                else None
            ),
        )

    def problems(self) -> list[str]:
        """What a test must fail on: off-machine requests, console errors, failed local loads."""
        return (
            [f"request off this machine: {url}" for url in self.offsite]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"failed request: {text}" for text in self.failed]
        )


#: A JavaScript expression for the Cytoscape instance of the link chart (``#lc-chart``).
CYTOSCAPE = (
    "(() => { const host = document.getElementById('lc-chart');"
    " const holder = host && [host, ...host.querySelectorAll('*')].find(el => el._cyreg);"
    " return holder ? holder._cyreg.cy : null; })()"
)


def chart_point(page: Any, selector: str) -> tuple[float, float]:
    """Where on the page to click the chart element ``selector`` (a Cytoscape selector).

    The view is fitted around the element first. Nodes give their centre; an edge gives
    the point near its drawn middle where Cytoscape's own hit test finds that edge (parallel
    links are drawn as curves), else the point of its line nearest the middle that no node
    covers and, where there is
    one, no other edge crosses (labels take no clicks), so a real mouse click there is what an
    analyst's click on that link is.
    """
    x, y = page.evaluate(
        f"""(sel) => {{
            const cy = {CYTOSCAPE};
            const el = cy.$(sel)[0];
            if (!el) {{ throw new Error('no chart element ' + sel); }}
            cy.fit(el.isNode() ? el.closedNeighborhood() : el.connectedNodes(), 60);
            const box = cy.container().getBoundingClientRect();
            if (el.isNode()) {{
                const p = el.renderedPosition();
                return [p.x + box.left, p.y + box.top];
            }}
            // First ask the renderer itself which element a click at a point would hit,
            // along the edge as drawn (a curve where two nodes share several links).
            const zoom = cy.zoom(), pan = cy.pan(), hitter = cy.renderer();
            const s = el.source().position(), d = el.target().position(), m = el.midpoint();
            const candidates = [m, ...[0.45, 0.55, 0.4, 0.6, 0.35, 0.65].map(t => ({{
                x: m.x + (d.x - s.x) * (t - 0.5),
                y: m.y + (d.y - s.y) * (t - 0.5)}}))];
            if (hitter && hitter.findNearestElement) {{
                for (const p of candidates) {{
                    const hit = hitter.findNearestElement(p.x, p.y, true, false);
                    if (hit && hit.id() === el.id()) {{
                        return [p.x * zoom + pan.x + box.left, p.y * zoom + pan.y + box.top];
                    }}
                }}
            }}
            const a = el.source().renderedPosition(), b = el.target().renderedPosition();
            const near = (x, y, e) => {{  // distance from (x, y) to another edge's straight line
                const p = e.source().renderedPosition(), q = e.target().renderedPosition();
                const dx = q.x - p.x, dy = q.y - p.y, len2 = dx * dx + dy * dy || 1;
                const t = Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / len2));
                return Math.hypot(x - p.x - t * dx, y - p.y - t * dy) < 5;
            }};
            const onNode = (x, y) => cy.nodes().some(n => {{
                const bb = n.renderedBoundingBox({{includeLabels: false}});
                return x >= bb.x1 - 2 && x <= bb.x2 + 2 && y >= bb.y1 - 2 && y <= bb.y2 + 2;
            }});
            const onEdge = (x, y) =>
                cy.edges().some(e => e.id() !== el.id() && e.visible() && near(x, y, e));
            const steps = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75];
            for (const free of [(x, y) => !onNode(x, y) && !onEdge(x, y), (x, y) => !onNode(x, y)]) {{
                for (const t of steps) {{
                    const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
                    if (free(x, y)) {{ return [x + box.left, y + box.top]; }}
                }}
            }}
            throw new Error('every point of ' + sel + ' is covered by a node');
        }}""",
        selector,
    )
    return x, y
