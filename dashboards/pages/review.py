"""Resolution review: the pairs the resolver was least sure of, decided by an analyst.

Entity resolution keeps every record extraction wrote and a judgement per
pair it compared. This page lists those pairs, the most doubtful first, each
with both records as written (label, birth date, the reports and the sentence
naming them), the entity each belongs to now, and the machine's score with the
reasons for and against. The analyst decides:

* **Same** — the two are one person or organisation;
* **Not same** — they are two (a namesake, a relative);
* **Split** — take some records out of the entity they were merged into.

Decisions are stored as analyst judgements (``Workbench.judge``), which every
later resolution obeys, and applied at once: the page shows the new state.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import dash
from dash import (
    ALL,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
    no_update,
    set_props,
)

from odyssey.dashboards.components.evidence import passage, sentence_around
from odyssey.dashboards.components.shell import ALERT_ID, alert
from odyssey.dashboards.components.tables import table
from odyssey.dashboards.components.widgets import empty, panel
from odyssey.dashboards.context import workbench
from odyssey.errors import OdysseyError
from odyssey.graph import Record
from odyssey.ingest.resolution.review import Candidate
from odyssey.schema import entity_type
from odyssey.text import fold

dash.register_page(
    __name__,
    path="/review",
    name="Resolution review",
    title="Odyssey — resolution review",
    section="Data",
    order=60,
    description="Decide the doubtful matches: same, not same, or split an entity.",
)

#: Pairs listed at once (the most doubtful).
QUEUE_SIZE = 60
#: Reports shown per record in the detail.
MAX_REPORTS = 3
REASON_LABELS = {
    "name": "Names",
    "alias": "Known as",
    "same_report": "Same report",
    "birth_date": "Birth date",
    "nationality": "Nationality",
    "shared_identifiers": "Shared identifiers",
    "shared_associates": "Shared associates",
}
DECISION_LABELS = {"same": "Same", "not_same": "Not same", "none": "—"}


def layout(**_query: str) -> html.Div:
    """The queue on the left, the selected pair and the decision buttons on the right."""
    controls = html.Div(
        [
            dcc.RadioItems(
                id="rv-status",
                options=[
                    {"label": " To review", "value": "open"},
                    {"label": " Decided", "value": "decided"},
                    {"label": " All", "value": "all"},
                ],
                value="open",
                inline=True,
                className="radios",
            ),
            dcc.Dropdown(
                id="rv-type",
                options=[
                    {"label": "People", "value": "Person"},
                    {"label": "Organisations", "value": "Organization"},
                ],
                placeholder="People and organisations",
                className="rv-type",
            ),
            dcc.Input(
                id="rv-text",
                type="search",
                placeholder="Part of a name…",
                debounce=0.4,
                className="text-input",
                autoComplete="off",
            ),
        ],
        className="rv-controls",
    )
    return html.Div(
        [
            dcc.Store(id="rv-selected"),
            dcc.Store(id="rv-version", data=0),
            html.Div(
                [
                    html.H1("Resolution review"),
                    html.Span(
                        "The matches the resolver was least sure of. Every decision is kept as an "
                        "analyst judgement, applied at once and obeyed by every later run.",
                        className="muted",
                    ),
                ],
                className="page-head",
            ),
            html.Div(
                [
                    panel(
                        "Pairs",
                        controls,
                        dcc.Loading(html.Div(id="rv-queue", className="rv-queue"), type="dot"),
                        class_name="rv-side",
                    ),
                    panel(
                        "Decision",
                        dcc.Loading(
                            html.Div(
                                empty("Pick a pair on the left to compare the two records."),
                                id="rv-detail",
                            ),
                            type="dot",
                        ),
                        class_name="rv-main",
                    ),
                ],
                className="rv-grid",
            ),
        ]
    )


# -- the queue ---------------------------------------------------------------------------------


@callback(
    Output("rv-queue", "children"),
    Input("rv-status", "value"),
    Input("rv-type", "value"),
    Input("rv-text", "value"),
    Input("rv-version", "data"),
)
def queue(status: str, kind: str | None, text: str | None, _version: int) -> Any:
    """The pairs to review for the filters, most doubtful first."""
    try:
        pairs = workbench().review_queue(
            status=status, types=[kind] if kind else None, text=text or "", limit=QUEUE_SIZE
        )
    except OdysseyError as err:  # e.g. a store that does not keep resolution records yet
        return empty(str(err))
    if not pairs:
        return empty(
            "Nothing left to review." if status == "open" else "No pair matches these filters."
        )
    return [_item(c) for c in pairs]


def _item(c: Candidate) -> html.Button:
    state = (
        f"analyst: {DECISION_LABELS.get(c.analyst or '', c.analyst)}"
        if c.analyst
        else ("one entity now" if c.same_entity else "two entities now")
    )
    return html.Button(
        [
            html.Div(
                [
                    html.Div(c.a.label, className="rv-name"),
                    html.Div(c.b.label, className="rv-name"),
                ],
                className="rv-names",
            ),
            html.Div(
                [
                    _meter(c.score),
                    html.Span(state, className="badge" + (" badge-info" if c.analyst else "")),
                ],
                className="rv-meta",
            ),
        ],
        id={"type": "rv-pick", "a": c.a.id, "b": c.b.id},
        className="rv-item",
        n_clicks=0,
        title="Compare the two records",
    )


def _meter(score: float) -> html.Div:
    colour = "#067647" if score >= 0.5 else "#b42318"
    return html.Div(
        [
            html.Div(
                html.Div(
                    className="rv-fill",
                    style={"width": f"{score * 100:.0f}%", "background": colour},
                ),
                className="rv-bar",
            ),
            html.Span(f"{score:.2f}", className="rv-score"),
        ],
        className="rv-meter",
        title="The resolver's score: 0.5 is its threshold",
    )


@callback(
    Output("rv-selected", "data"),
    Input({"type": "rv-pick", "a": ALL, "b": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def pick(clicks: list[int]) -> Any:
    """Remember the pair clicked."""
    if not ctx.triggered_id or not any(clicks):
        return no_update
    return {"a": ctx.triggered_id["a"], "b": ctx.triggered_id["b"]}


# the pair being decided stays marked in the queue (in the browser: no server round trip)
clientside_callback(
    """
    function(pair, ids) {
        return ids.map(id => (pair && id.a === pair.a && id.b === pair.b)
            ? "rv-item rv-picked" : "rv-item");
    }
    """,
    Output({"type": "rv-pick", "a": ALL, "b": ALL}, "className"),
    Input("rv-selected", "data"),
    Input({"type": "rv-pick", "a": ALL, "b": ALL}, "id"),
)


# -- the pair ----------------------------------------------------------------------------------


def _find(pair: dict[str, str]) -> Candidate | None:
    wanted = {pair["a"], pair["b"]}
    for c in workbench().review_queue(status="all", limit=10**9):
        if {c.a.id, c.b.id} == wanted:
            return c
    return None


@callback(
    Output("rv-detail", "children"),
    Input("rv-selected", "data"),
    Input("rv-version", "data"),
)
def detail(pair: dict[str, str] | None, _version: int) -> Any:
    """Both records side by side, the score's reasons, the decision buttons."""
    if not pair:
        return empty("Pick a pair on the left to compare the two records.")
    c = _find(pair)
    if c is None:
        return empty("This pair is no longer in the store; pick another.")
    verdict = "one entity" if c.same_entity else "two entities"
    decided = (
        html.P(
            [
                html.B(f"Analyst decision: {DECISION_LABELS.get(c.analyst or '', c.analyst)}"),
                f" — {c.note}" if c.note else "",
            ],
            className="rv-decided",
            id="rv-decided",
        )
        if c.analyst
        else None
    )
    return html.Div(
        [
            html.Div(
                [
                    html.Span(
                        f"Resolver: {DECISION_LABELS.get(c.machine, c.machine)}", className="badge"
                    ),
                    html.Span(f"score {c.score:.2f}", className="badge"),
                    html.Span(f"Now: {verdict}", className="badge badge-info", id="rv-now"),
                ],
                className="rv-badges",
            ),
            decided,
            html.Div([_record(c.a, "A"), _record(c.b, "B")], className="rv-pair"),
            html.H3("Why the resolver scored it so"),
            _reasons(c),
            html.H3("Your decision"),
            dcc.Input(
                id="rv-note",
                type="text",
                placeholder="Who decides and why (kept with the decision)",
                className="text-input rv-note",
            ),
            html.Div(
                [
                    html.Button("Same", id="rv-same", className="btn btn-primary", n_clicks=0),
                    html.Button("Not same", id="rv-not-same", className="btn", n_clicks=0),
                    html.Button(
                        "Undo my decision",
                        id="rv-forget",
                        className="btn",
                        n_clicks=0,
                        disabled=not c.analyst,
                    ),
                ],
                className="rv-actions",
            ),
            _split(c),
        ]
    )


def _record(r: Record, side: str) -> html.Div:
    wb = workbench()
    facts = [("Type", entity_type(r.type).label)]
    for key in ("birth_date", "nationality", "role"):
        if r.properties.get(key):
            facts.append((key.replace("_", " ").capitalize(), str(r.properties[key])))
    if r.aliases:
        facts.append(("Known as", ", ".join(r.aliases)))
    facts.append(("Reports", str(len(r.documents))))
    try:
        entity = wb.entity(r.entity_id)
        now = dcc.Link(entity.label, href=f"/link-chart?entity={quote(entity.id, safe='')}")
    except OdysseyError:
        now = html.Span(r.entity_id, className="mono")
    passages = []
    docs = wb.documents_by_id(r.documents[:MAX_REPORTS])
    for doc_id in r.documents[:MAX_REPORTS]:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        mentions = [m for m in wb.mentions_of(document_id=doc_id) if m.entity_id == r.entity_id]
        own = [m for m in mentions if fold(m.text) == fold(r.label)] or mentions
        if own:
            m = own[0]
            s, e = sentence_around(doc.text, m.start, m.end)
            passages.append(passage(doc, s, e, [(m.start, m.end, "")]))
    return html.Div(
        [
            html.Div(
                [html.Span(side, className="rv-side-mark"), html.Strong(r.label)],
                className="rv-title",
            ),
            table(["", ""], [[k, v] for k, v in facts] + [["In entity", now]], class_name="props"),
            *passages,
        ],
        className="rv-record",
    )


def _reasons(c: Candidate) -> Any:
    if not c.reasons:
        return empty("No machine score for this pair (an analyst's decision only).")
    rows = []
    for feature, weight in sorted(c.reasons.items(), key=lambda kv: -abs(kv[1])):
        kind = "agrees" if weight > 0 else "conflicts" if weight < 0 else "neutral"
        rows.append(
            [
                REASON_LABELS.get(feature, feature),
                html.Span(kind, className=f"rv-{kind}"),
                f"{weight:+.2f}",
            ]
        )
    return table(["Feature", "", "Weight"], rows, numeric={2}, class_name="rv-reasons")


def _split(c: Candidate) -> Any:
    if not c.same_entity:
        return html.P(
            "Split applies when the two records are one entity now.", className="muted small"
        )
    records = workbench().entity_records(c.a.entity_id)
    options = [
        {"label": f" {r.label} — {len(r.documents)} report(s)", "value": r.id} for r in records
    ]
    return html.Details(
        [
            html.Summary("Split records off this entity…"),
            html.P(
                "Tick the records that are someone else; they leave the entity together.",
                className="muted small",
            ),
            dcc.Checklist(
                id="rv-split-records", options=options, value=[c.b.id], className="rv-checks"
            ),
            html.Button("Split off the ticked records", id="rv-split", className="btn", n_clicks=0),
        ],
        className="rv-split",
        open=False,
    )


# -- deciding ------------------------------------------------------------------------------------


@callback(
    Output("rv-version", "data"),
    Input("rv-same", "n_clicks"),
    Input("rv-not-same", "n_clicks"),
    Input("rv-forget", "n_clicks"),
    State("rv-selected", "data"),
    State("rv-note", "value"),
    State("rv-version", "data"),
    prevent_initial_call=True,
)
def decide(
    same: int, not_same: int, forget: int, pair: dict | None, note: str | None, version: int
) -> Any:
    """Store the analyst's decision on the pair and apply it."""
    if not pair or not ctx.triggered_id or not (same or not_same or forget):
        return no_update
    decision = {"rv-same": "same", "rv-not-same": "not_same", "rv-forget": "forget"}[
        ctx.triggered_id
    ]
    wb = workbench()
    wb.judge(decision, pair["a"], pair["b"], note=(note or "").strip())
    wb.refresh()
    words = {"same": "same", "not_same": "not the same", "forget": "forgotten"}[decision]
    set_props(ALERT_ID, alert(f"Decision stored and applied: {words}.", "info"))
    return (version or 0) + 1


@callback(
    Output("rv-version", "data", allow_duplicate=True),
    Input("rv-split", "n_clicks"),
    State("rv-selected", "data"),
    State("rv-split-records", "value"),
    State("rv-note", "value"),
    State("rv-version", "data"),
    prevent_initial_call=True,
)
def split(
    clicks: int, pair: dict | None, records: list[str], note: str | None, version: int
) -> Any:
    """Take the ticked records out of the entity, as an analyst decision."""
    if not clicks or not pair:
        return no_update
    c = _find(pair)
    if c is None:
        return no_update
    wb = workbench()
    wb.judge("split", c.a.entity_id, records=records or [], note=(note or "").strip() or "split")
    wb.refresh()
    set_props(
        ALERT_ID, alert(f"Split stored and applied: {len(records)} record(s) taken out.", "info")
    )
    return (version or 0) + 1
