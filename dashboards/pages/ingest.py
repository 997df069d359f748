"""Ingest: upload reports, e-mails, tables and network files; see each file's outcome.

Drop files on the page (each at most the server's upload limit). They are
written to a temporary folder of their own and ingested in the background
(:mod:`odyssey.dashboards.components.ingest_jobs`): the page polls for
progress, lists every file as it lands (new, already stored, or failed and
why) and, when asked, resolves the new names against the people and
organisations already known. Nothing uploaded is ever run, only read.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from odyssey.dashboards.components import ingest_jobs
from odyssey.dashboards.components.tables import table
from odyssey.dashboards.components.widgets import empty, panel
from odyssey.dashboards.context import max_upload_bytes, workbench
from odyssey.ingest.readers.registry import SUPPORTED_SUFFIXES

dash.register_page(
    __name__,
    path="/ingest",
    name="Ingest",
    title="Odyssey — ingest",
    section="Data",
    order=50,
    description="Upload reports, e-mails and tables; see each file's result.",
)

PHASES = {
    "waiting": "Waiting for another ingest to finish…",
    "ingesting": "Reading, extracting and storing…",
    "resolving": "Resolving names against the people and organisations already known…",
    "done": "Done.",
    "failed": "Stopped.",
}
STATUS_LABELS = {"new": "new", "skipped": "already stored", "failed": "failed"}


def layout(**_query: str) -> html.Div:
    """The upload area and its options, then the progress and the per-file results."""
    limit_mb = max(1, max_upload_bytes() // 2**20)
    kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return html.Div(
        [
            dcc.Store(id="in-job"),
            dcc.Interval(id="in-poll", interval=600, disabled=True),
            html.Div(
                [
                    html.H1("Ingest"),
                    html.Span(f"Store: {workbench().source}", className="muted"),
                ],
                className="page-head",
            ),
            html.Div(
                [
                    panel(
                        "Upload",
                        dcc.Upload(
                            id="in-upload",
                            children=html.Div(
                                [
                                    html.Div(
                                        "Drop files here, or click to choose",
                                        className="in-drop-title",
                                    ),
                                    html.Div(
                                        f"{kinds} · at most {limit_mb} MB a file",
                                        className="muted small",
                                    ),
                                ]
                            ),
                            multiple=True,
                            max_size=max_upload_bytes(),
                            className="in-drop",
                            className_active="in-drop in-drop-active",
                            className_reject="in-drop in-drop-reject",
                        ),
                        html.Div(
                            [
                                html.Label("Case for reports that name none", htmlFor="in-case"),
                                dcc.Input(
                                    id="in-case",
                                    type="text",
                                    placeholder="e.g. IT-SOM-2026-031 (optional)",
                                    className="text-input",
                                    debounce=True,
                                ),
                            ],
                            className="field in-field",
                        ),
                        dcc.Checklist(
                            id="in-resolve",
                            options=[
                                {
                                    "label": " Resolve the new names against those already known",
                                    "value": "resolve",
                                }
                            ],
                            value=["resolve"],
                            className="in-check",
                        ),
                        html.P(
                            "Files are read, never run. A file already stored is skipped; a file "
                            "that cannot be read is listed with the reason and the others still land.",
                            className="muted small",
                        ),
                    ),
                    panel(
                        "Progress",
                        html.Div(
                            empty("Nothing uploaded yet in this window."),
                            id="in-progress",
                        ),
                        html.Div(id="in-results", className="in-results"),
                    ),
                ],
                className="in-grid",
            ),
        ]
    )


@callback(
    Output("in-job", "data"),
    Output("in-poll", "disabled"),
    Output("in-progress", "children", allow_duplicate=True),
    Input("in-upload", "contents"),
    State("in-upload", "filename"),
    State("in-case", "value"),
    State("in-resolve", "value"),
    prevent_initial_call=True,
)
def upload(
    contents: list[str] | None, names: list[str] | None, case: str | None, resolve: list[str]
) -> Any:
    """Write the dropped files to a temporary folder and start their ingest in the background."""
    if not contents:
        return no_update, no_update, no_update
    limit = max_upload_bytes()
    files = [
        (name, ingest_jobs.decode(data, name, limit))
        for data, name in zip(contents, names or [], strict=False)
    ]
    job = ingest_jobs.start(
        workbench(), files, case=(case or "").strip() or None, resolve="resolve" in (resolve or [])
    )
    return job, False, _progress(ingest_jobs.get(job))


@callback(
    Output("in-progress", "children"),
    Output("in-results", "children"),
    Output("in-poll", "disabled", allow_duplicate=True),
    Input("in-poll", "n_intervals"),
    State("in-job", "data"),
    prevent_initial_call=True,
)
def poll(_n: int, job_id: str | None) -> Any:
    """The job's progress and the files finished so far; stop polling when it ends."""
    job = ingest_jobs.get(job_id)
    if job is None:
        return empty("This upload is no longer known to the server (was it restarted?)."), [], True
    return _progress(job), _results(job), not job.running


def _progress(job: ingest_jobs.IngestJob | None) -> Any:
    if job is None:
        return no_update
    share = job.done / job.total if job.total else 0.0
    if job.phase == "done":
        share = 1.0
    kind = {"done": "in-bar-done", "failed": "in-bar-failed"}.get(job.phase, "")
    return html.Div(
        [
            html.Div(
                [
                    html.Span(PHASES.get(job.phase, job.phase), className="in-phase"),
                    html.Span(f"{job.done} of {job.total} file(s)", className="muted"),
                ],
                className="in-progress-head",
            ),
            html.Div(
                html.Div(className=f"in-bar-fill {kind}", style={"width": f"{share * 100:.0f}%"}),
                className="in-bar" + (" in-bar-running" if job.running else ""),
                role="progressbar",
                **{"aria-valuenow": str(job.done), "aria-valuemax": str(job.total)},
            ),
            html.P(job.message, className="in-message", id="in-message") if job.message else None,
        ],
        id="in-status",
        **{"data-phase": job.phase},
    )


def _results(job: ingest_jobs.IngestJob) -> Any:
    if not job.rows:
        return []
    rows = [
        [
            html.Span(r.path, className="mono"),
            html.Span(STATUS_LABELS.get(r.status, r.status), className=f"badge in-{r.status}"),
            r.documents,
            r.mentions,
            r.entities,
            r.links,
            r.reason or "; ".join(r.warnings) or "",
        ]
        for r in job.rows
    ]
    return table(
        ["File", "Result", "Documents", "Mentions", "Entities", "Links", "Why / notes"],
        rows,
        numeric={2, 3, 4, 5},
        class_name="in-table",
        row_class="in-row",
    )
