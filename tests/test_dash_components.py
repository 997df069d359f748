"""The pieces behind the trends and ingest pages, without a browser: figures, CSV, upload jobs."""

from __future__ import annotations

import base64
import csv
import doctest
import io
import time
from datetime import date, datetime
from pathlib import Path

import pytest

import odyssey
from odyssey.dashboards.components import ingest_jobs
from odyssey.dashboards.components.strategic import (
    nationalities_figure,
    routes_figure,
    series_figure,
    table_rows,
    trends_csv,
)
from odyssey.errors import ValidationError
from odyssey.graph.analytics.trends import StrategicTrends


def _trends() -> StrategicTrends:
    return StrategicTrends(
        by="month",
        breakdown="crime_category",
        periods=["2026-01", "2026-02"],
        groups=["trafficking", "smuggling"],
        rows=[
            ("reports", "2026-01", "trafficking", 12),
            ("reports", "2026-01", "smuggling", "<5"),
            ("reports", "2026-02", "trafficking", 0),
            ("reports", "2026-02", "smuggling", 7),
        ],
        totals={"reports": 21, "cases": "<5", "suspects": 9, "victims": "<5"},
        routes=[("Tripoli", "Lampedusa", 9), ("Lampedusa", "Rome", 5)],
        routes_hidden=3,
        nationalities=[("NG", "suspects", 6), ("NG", "victims", "<5"), ("LY", "suspects", "<5")],
        nationality_unknown=40,
        new_entities=33,
        new_case_links="<5",
        span=(date(2026, 1, 2), date(2026, 2, 27)),
        as_of=datetime(2026, 3, 1, 9, 30).astimezone(),
    )


def test_a_suppressed_cell_is_a_hatched_bar_up_to_five_never_its_count() -> None:
    figure = series_figure(_trends(), "reports")
    smuggling = [t for t in figure["data"] if t["name"] == "Smuggling"]
    assert smuggling[0]["y"] == [None, 7]  # the real bars: the small count is not drawn
    hatched = [t for t in figure["data"] if t.get("showlegend") is False]
    assert [t["y"] for t in hatched] == [[5, None]]  # one hatched bar, up to 5
    assert hatched[0]["marker"]["pattern"]["shape"] == "/"
    legend = [
        t for t in figure["data"] if t["legendgroup"] == "suppressed" and "showlegend" not in t
    ]
    assert [t["name"] for t in legend] == ["fewer than 5"]  # one grey legend entry
    assert figure["layout"]["barmode"] == "group"  # distinct counts never stack
    assert figure["layout"]["template"]  # the app's look, from figures.styled


def test_routes_are_a_sankey_weighted_by_reports() -> None:
    sankey = routes_figure(_trends())["data"][0]
    assert sankey["node"]["label"] == ["Tripoli", "Lampedusa", "Rome"]
    link = sankey["link"]
    assert (link["source"], link["target"], link["value"]) == ([0, 1], [1, 2], [9, 5])


def test_nationalities_are_named_and_suppressed_alike() -> None:
    figure = nationalities_figure(_trends())
    suspects = next(t for t in figure["data"] if t["name"] == "Suspects")
    assert suspects["y"] == ["Nigeria", "Libya"] and suspects["x"] == [6, None]


def test_the_table_and_the_csv_carry_the_markers_and_the_filters() -> None:
    header, rows = table_rows(_trends(), "reports")
    assert header == ["Period", "Trafficking", "Smuggling"]
    assert rows == [["2026-01", 12, "<5"], ["2026-02", 0, 7]]
    text = trends_csv(_trends(), {"region": "EUROPOL"})
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert {
        "section": "filter",
        "measure": "region",
        "period": "",
        "group": "",
        "value": "EUROPOL",
    } in parsed
    assert ["series", "reports", "2026-01", "smuggling", "<5"] in [list(r.values()) for r in parsed]
    assert any(r["group"] == "Tripoli -> Lampedusa" and r["value"] == "9" for r in parsed)
    counts = [
        int(r["value"])
        for r in parsed
        if r["section"] in ("total", "series", "nationality", "kpi") and r["value"].isdigit()
    ]
    assert counts and all(n == 0 or n >= 5 for n in counts)


def test_upload_names_are_made_safe_and_payloads_bounded() -> None:
    assert doctest.testmod(ingest_jobs).failed == 0
    taken: set[str] = set()
    assert ingest_jobs.safe_name("C:\\reports\\r.txt", taken) == "r.txt"
    assert ingest_jobs.safe_name("r.txt", taken) == "r-2.txt"
    assert ingest_jobs.safe_name("<script>.eml", taken) == "_script_.eml"
    data = base64.b64encode(b"hello").decode()
    assert ingest_jobs.decode(f"data:text/plain;base64,{data}", "a.txt", 100) == b"hello"
    with pytest.raises(ValidationError, match="upload limit"):
        ingest_jobs.decode(f"data:text/plain;base64,{data}", "a.txt", 3)
    with pytest.raises(ValidationError, match="did not arrive whole"):
        ingest_jobs.decode("data:text/plain;base64,@@@", "a.txt", 100)


def test_an_upload_is_ingested_in_the_background_file_by_file(tmp_path: Path) -> None:
    report = b"REFERENCE: NCB-PARIS/2026/7\n\nKarim BENALI uses +33611111111.\n"
    with odyssey.open(tmp_path / "o.db") as wb:
        job_id = ingest_jobs.start(
            wb, [("../r.txt", report), ("x.docx", b"not a zip"), ("run.sh", b"rm -rf /")]
        )
        deadline = time.monotonic() + 120
        while (job := ingest_jobs.get(job_id)) is not None and job.running:
            assert time.monotonic() < deadline, "the ingest did not finish"
            time.sleep(0.1)
        assert job is not None and job.phase == "done", job
        results = {r.path: r for r in job.rows}
        assert results["r.txt"].status == "new" and results["r.txt"].documents == 1
        assert results["x.docx"].status == "failed" and "tmp" not in (
            results["x.docx"].reason or ""
        )
        assert results["run.sh"].status == "failed" and "not supported" in (
            results["run.sh"].reason or ""
        )
        assert "1 new" in job.message and job.done == job.total == 3
        assert [h.entity.label for h in wb.search("benali")] == ["Karim BENALI"]
    assert ingest_jobs.get("no-such-job") is None
    with pytest.raises(ValidationError, match="no file"):
        ingest_jobs.start(wb, [])
