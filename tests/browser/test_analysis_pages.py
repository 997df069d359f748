"""Trends, cross-case, resolution review and ingest in Chromium, against the real server.

Reading pages use the session's app; the pages that write (a judgement, an
upload) get a server of their own on a copy of the sample store, so no other
test sees their writes. Every tab fails its test on a console error or a
request off this machine (see ``conftest.AppPage``).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import odyssey

from .conftest import AppPage
from .harness import ServeProcess

PAGES = {
    "/trends": "Strategic trends",
    "/cross-case": "Cross-case links",
    "/review": "Resolution review",
    "/ingest": "Ingest",
}


@pytest.fixture(scope="module")
def writable(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """``odyssey serve`` on a copy of the sample store (copied with SQLite's backup API)."""
    copy = tmp_path_factory.mktemp("writable") / "odyssey.db"
    with sqlite3.connect(sample_store) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    server = ServeProcess(copy).start()
    yield server, copy
    assert server.stop() == 0, "\n".join(server.output)


@pytest.fixture
def own_app(browser: Any, writable: Any, tmp_path: Path) -> Iterator[AppPage]:
    """A watched tab on the writable server (the same watch as the ``app`` fixture)."""
    tab = AppPage(browser, writable[0].url, tmp_path)
    try:
        yield tab
    finally:
        tab.close()
    problems = tab.watch.problems()
    assert not problems, "the page misbehaved:\n" + "\n".join(problems)


def test_each_page_loads_with_its_heading(app: AppPage) -> None:
    for path, heading in PAGES.items():
        page = app.open(path)
        assert page.inner_text("main.page h1") == heading
        assert page.locator(f"nav a.nav-link.active[href='{path}']").count() == 1
        assert "Traceback" not in page.content()
        app.shot(path.strip("/"))


def test_trends_render_their_charts_suppress_small_counts_and_export(app: AppPage) -> None:
    page = app.open("/trends")
    page.wait_for_selector("#tr-fig-victims .main-svg")
    assert page.locator(".js-plotly-plot").count() >= 4  # reports, cases, suspects, victims
    kpis = page.inner_text("#tr-kpis")
    for label in ("REPORTS", "CASES", "SUSPECTS", "VICTIMS", "NEW ENTITIES"):
        assert label in kpis.upper()
    assert page.locator("#tr-communities table tbody tr").count() >= 1
    # route legs (a Sankey) and nationalities, from the ROUTE links and nationalities extraction wrote
    page.wait_for_selector("#tr-fig-routes .main-svg .sankey")
    assert page.locator("#tr-fig-routes .sankey-link").count() >= 1
    page.wait_for_selector("#tr-fig-nationalities .main-svg")
    assert page.locator("#tr-fig-nationalities .bars .point").count() >= 1
    app.shot("trends-routes-nationalities")
    # per quarter, split by INTERPOL region: the charts are drawn again with the regions
    page.click("#tr-period label:has-text('Quarter')")
    page.click("#tr-breakdown")
    page.click(".dash-dropdown-option >> text=INTERPOL region")
    app.settle()
    page.wait_for_selector("#tr-fig-reports .legend >> text=Europe")
    assert "Q" in page.inner_text("#tr-table")
    app.shot("trends-by-region")
    with page.expect_download() as download:
        page.click("#tr-export")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    series = [r for r in rows if r["section"] == "series"]
    assert series and {r["measure"] for r in series} == {"reports", "cases", "suspects", "victims"}
    assert any(r["group"] == "Europe" for r in series)
    assert any(r["section"] == "route" and r["measure"] == "reports" for r in rows)
    assert any(
        r["section"] == "nationality" and r["measure"] in ("suspects", "victims") for r in rows
    )
    for r in rows:
        if r["section"] in ("series", "total", "nationality", "kpi") and r["value"].isdigit():
            assert int(r["value"]) == 0 or int(r["value"]) >= 5, r  # never 1 to 4
    assert any(r["value"] == "<5" for r in rows)


def test_cross_case_lists_a_shared_entity_with_its_reason(app: AppPage) -> None:
    page = app.open("/cross-case")
    page.wait_for_selector(".cc-shared-row")
    first = page.locator(".cc-shared-row").first
    assert "appears in" in first.inner_text()
    assert first.locator("a[href*='/link-chart?entity=']").count() == 1
    cases = [int(x) for x in page.locator(".cc-shared-row td:nth-child(2)").all_inner_texts()]
    assert cases == sorted(cases, reverse=True)  # strongest first
    assert "shared entities" in page.inner_text("#cc-detail")  # the strongest case link, explained
    assert page.locator("#cc-graph canvas").count() >= 1
    app.shot("cross-case-detail")


def test_review_stores_a_judgement_that_the_workbench_sees(own_app: AppPage, writable: Any) -> None:
    page = own_app.open("/review")
    page.wait_for_selector(".rv-item")
    page.locator(".rv-item").first.click()
    page.wait_for_selector("#rv-not-same")
    a, b = page.locator(".rv-title strong").all_inner_texts()
    page.fill("#rv-note", "browser test: different people")
    page.click("#rv-not-same")
    page.wait_for_selector("#rv-decided")
    assert "Not same" in page.inner_text("#rv-decided")
    assert "two entities" in page.inner_text("#rv-now")
    assert "Decision stored" in page.inner_text("#app-alert")
    own_app.shot("review-decided")
    with odyssey.open(writable[1]) as wb:
        decided = wb.review_queue(status="decided")
    # "not same" between two entities is stored for every pair of their records: one row each
    assert (a, b, "not_same", "browser test: different people") in [
        (c.a.label, c.b.label, c.analyst, c.note) for c in decided
    ]
    assert {(c.analyst, c.note) for c in decided} == {
        ("not_same", "browser test: different people")
    }
    assert not any(c.same_entity for c in decided)


def test_review_splits_a_record_off_its_entity(own_app: AppPage, writable: Any) -> None:
    page = own_app.open("/review")
    page.locator(".rv-item", has_text="one entity now").first.click()
    page.wait_for_selector(".rv-split summary")
    b = page.locator(".rv-title strong").all_inner_texts()[1]
    page.click(".rv-split summary")
    page.fill("#rv-note", "browser test: split")
    page.click("#rv-split")
    page.wait_for_selector("#rv-decided")
    assert "two entities" in page.inner_text("#rv-now")
    with odyssey.open(writable[1]) as wb:
        split = [c for c in wb.review_queue(status="decided") if c.note == "browser test: split"]
    assert split and all(not c.same_entity for c in split)
    assert any(b in (c.a.label, c.b.label) for c in split)


REPORT = """FROM: NCB ROME
TO: NCB TRIPOLI
REFERENCE: NCB-ROME/2026/SOM/0999
DATE: 14/03/2026
SUBJECT: Smuggling by sea – request for checks
CASE: IT-SOM-2026-099 (Operation LAMPARA)
CATEGORY: Migrant smuggling

1. Salvatore QUADRELLI uses the number +39 347 555 0199 and travelled with Karim ZAWI to Lampedusa.
"""


def test_ingest_uploads_files_and_shows_each_result_and_failure(
    own_app: AppPage, writable: Any, tmp_path: Path
) -> None:
    report = tmp_path / "NCB-ROME_2026_SOM_0999.txt"
    report.write_text(REPORT, encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    tool = tmp_path / "tool.exe"
    tool.write_bytes(b"MZ\x90\x00")
    page = own_app.open("/ingest")
    page.locator("#in-upload input[type=file]").set_input_files(
        [str(report), str(broken), str(tool)]
    )
    page.wait_for_selector("#in-status[data-phase=done]", timeout=120_000)
    rows = {
        cells[0]: cells
        for cells in (row.locator("td").all_inner_texts() for row in page.locator(".in-row").all())
    }
    assert set(rows) == {report.name, broken.name, tool.name}
    assert rows[report.name][1] == "new" and int(rows[report.name][2]) == 1
    assert rows[broken.name][1] == "failed" and "PDF" in rows[broken.name][6]
    assert rows[tool.name][1] == "failed" and "not supported" in rows[tool.name][6]
    assert "1 new" in page.inner_text("#in-message")
    own_app.shot("ingest-done")
    with odyssey.open(writable[1]) as wb:
        assert [h.entity.label for h in wb.search("QUADRELLI")] == ["Salvatore QUADRELLI"]
