"""Operational link chart: search an entity, see its network, expand it, read the evidence.

The analyst's page (in the manner of i2 Analyst's Notebook or Linkurious):

* **search** any entity, typos forgiven; a hit is put on the chart with its neighbourhood;
* **click a node** to expand it (its neighbours join the chart) and see its mentions;
* **click a link** to read the statements behind it: report reference, date,
  originating NCB, grading, and the sentence with both ends highlighted;
* **filters**: entity types, cases, date window, minimum confidence; **style**:
  shape and colour by type (legend), size by a centrality, colour by community;
* **find path** between two entities, drawn on the chart with every hop's evidence;
* a **timeline** of the chart's dated statements and a **map** of its places and
  routes (drawn offline, on the outline the app serves itself);
* **export** the chart as PNG, GraphML or CSV.

``/link-chart?entity=ID`` opens the chart on one entity (other pages link here).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import dash
import dash_cytoscape as cyto
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
)

from odyssey.dashboards.components.chart_data import elements
from odyssey.dashboards.components.chart_export import chart_csv, chart_graphml
from odyssey.dashboards.components.chart_layout import positions
from odyssey.dashboards.components.chart_style import SIZE_MEASURES, legend, stylesheet
from odyssey.dashboards.components.evidence import passage, sentence_around
from odyssey.dashboards.components.figures import graph
from odyssey.dashboards.components.places_map import map_figure
from odyssey.dashboards.components.timeline import timeline_figure
from odyssey.dashboards.components.widgets import empty, panel
from odyssey.dashboards.context import workbench
from odyssey.errors import OdysseyError
from odyssey.schema import ENTITY_TYPES, entity_type, link_type
from odyssey.workbench import GraphFilter

dash.register_page(
    __name__,
    path="/link-chart",
    name="Link chart",
    title="Odyssey — link chart",
    section="Operational",
    order=10,
    description="Search an entity, expand its network, read the evidence, find paths.",
)

#: The most entities one chart holds: a neighbourhood stops growing there (and says so).
MAX_NODES = 500
#: The most statements the evidence panel lists for one link or entity.
MAX_PASSAGES = 25
#: How many shortest paths "find path" draws.
MAX_PATHS = 3
#: The filters, for callbacks that read the chart's statements again.
FILTER_STATES = (
    State("lc-types", "value"),
    State("lc-cases", "value"),
    State("lc-dates", "start_date"),
    State("lc-dates", "end_date"),
    State("lc-confidence", "value"),
)


# -- layout ------------------------------------------------------------------------------------


def _filters() -> html.Div:
    cases = workbench().cases()
    return html.Div(
        [
            html.Div(
                [
                    html.Label("Entity types", htmlFor="lc-types"),
                    dcc.Dropdown(
                        id="lc-types",
                        options=[{"label": entity_type(t).label, "value": t} for t in ENTITY_TYPES],
                        multi=True,
                        placeholder="All types",
                    ),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Label("Cases", htmlFor="lc-cases"),
                    dcc.Dropdown(
                        id="lc-cases",
                        options=[
                            {"label": f"{c.id} — {c.title}" if c.title else c.id, "value": c.id}
                            for c in cases
                        ],
                        multi=True,
                        placeholder="All cases",
                    ),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Label("Date window", className="field-label"),
                    dcc.DatePickerRange(
                        id="lc-dates",
                        display_format="YYYY-MM-DD",
                        start_date_placeholder_text="From",
                        end_date_placeholder_text="Until",
                        clearable=True,
                    ),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Label("Minimum confidence", className="field-label"),
                    dcc.Slider(
                        id="lc-confidence",
                        min=0,
                        max=1,
                        step=0.05,
                        value=0,
                        marks={0: "0", 0.35: "co-occurrence", 0.75: "stated", 1: "1"},
                    ),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Label("Neighbourhood", className="field-label"),
                    dcc.RadioItems(
                        id="lc-hops",
                        options=[{"label": " 1 hop", "value": 1}, {"label": " 2 hops", "value": 2}],
                        value=1,
                        inline=True,
                        className="radios",
                    ),
                ],
                className="field",
            ),
        ]
    )


def _style_controls() -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.Label("Size by", htmlFor="lc-size"),
                    dcc.Dropdown(
                        id="lc-size",
                        options=[{"label": v, "value": k} for k, v in SIZE_MEASURES.items()],
                        value="degree",
                        clearable=False,
                    ),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Label("Colour by", className="field-label"),
                    dcc.RadioItems(
                        id="lc-colour",
                        options=[
                            {"label": " Type", "value": "type"},
                            {"label": " Community", "value": "community"},
                        ],
                        value="type",
                        inline=True,
                        className="radios",
                    ),
                ],
                className="field",
            ),
        ]
    )


def _path_controls() -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.Label("From", htmlFor="lc-path-from"),
                    dcc.Dropdown(id="lc-path-from", placeholder="Type a name or identifier"),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Label("To", htmlFor="lc-path-to"),
                    dcc.Dropdown(id="lc-path-to", placeholder="Type a name or identifier"),
                ],
                className="field",
            ),
            html.Button("Find path", id="lc-path-go", className="btn btn-primary", n_clicks=0),
            html.Div(id="lc-path-result", className="path-result"),
        ]
    )


def layout(entity: str | None = None, **_query: str) -> html.Div:
    """The page; ``?entity=ID`` starts the chart on that entity."""
    seeds = [entity] if entity else []
    return html.Div(
        [
            dcc.Store(id="lc-seeds", data=seeds),
            dcc.Store(id="lc-path", data=None),
            dcc.Download(id="lc-download"),
            html.Div(
                [
                    html.H1("Link chart"),
                    html.Span(id="lc-summary", className="muted"),
                ],
                className="page-head",
            ),
            html.Div(
                [
                    html.Aside(
                        [
                            panel(
                                "Search",
                                dcc.Input(
                                    id="lc-query",
                                    type="search",
                                    placeholder="Name, phone, passport, IBAN, place…",
                                    debounce=0.4,
                                    className="text-input",
                                    autoComplete="off",
                                ),
                                dcc.Loading(html.Div(id="lc-hits", className="hits"), type="dot"),
                            ),
                            panel("Filters", _filters()),
                            panel("Style", _style_controls()),
                            panel("Find path", _path_controls()),
                        ],
                        className="lc-side",
                    ),
                    html.Div(
                        [
                            panel(
                                "Chart",
                                dcc.Loading(
                                    cyto.Cytoscape(
                                        id="lc-chart",
                                        elements=[],
                                        stylesheet=stylesheet(),
                                        layout={"name": "preset"},
                                        style={"width": "100%", "height": "620px"},
                                        minZoom=0.1,
                                        maxZoom=1.6,
                                        boxSelectionEnabled=True,
                                        responsive=True,
                                    ),
                                    type="circle",
                                    delay_show=300,
                                ),
                                html.Div(id="lc-legend"),
                                actions=[
                                    html.Button("Fit", id="lc-fit", className="btn btn-small"),
                                    html.Button("Clear", id="lc-clear", className="btn btn-small"),
                                    html.Button("PNG", id="lc-png", className="btn btn-small"),
                                    html.Button(
                                        "GraphML", id="lc-graphml", className="btn btn-small"
                                    ),
                                    html.Button("CSV", id="lc-csv", className="btn btn-small"),
                                ],
                                class_name="lc-chart-panel",
                            ),
                            html.Div(
                                [
                                    panel("Timeline", dcc.Loading(html.Div(id="lc-timeline"))),
                                    panel("Places and routes", dcc.Loading(html.Div(id="lc-map"))),
                                ],
                                className="grid-2",
                            ),
                        ],
                        className="lc-main",
                    ),
                    html.Aside(
                        panel(
                            "Evidence",
                            html.Div(
                                empty("Click an entity or a link to see the reports behind it."),
                                id="lc-evidence",
                            ),
                        ),
                        className="lc-evidence",
                    ),
                ],
                className="lc-grid",
            ),
        ]
    )


# -- search ------------------------------------------------------------------------------------


@callback(Output("lc-hits", "children"), Input("lc-query", "value"), prevent_initial_call=True)
def search(query: str | None) -> Any:
    """Hits for the query: full-text first, then close spellings."""
    if not query or not query.strip():
        return []
    hits = workbench().find_entities(query, limit=15)
    if not hits:
        return empty(f"Nothing matches “{query}”. Try fewer letters or another spelling.")
    return [
        html.Button(
            [
                html.Span(hit.entity.label, className="hit-label"),
                html.Span(entity_type(hit.entity.type).label, className="badge"),
            ],
            id={"type": "lc-hit", "id": hit.entity.id},
            className="hit",
            n_clicks=0,
            title="Put on the chart with its neighbours",
        )
        for hit in hits
    ]


def _options(query: str | None, current: str | None) -> list[dict[str, str]]:
    options = []
    if current:
        try:
            e = workbench().entity(current)
        except OdysseyError:  # gone since it was picked (a merge, a narrower clearance)
            pass
        else:
            options.append({"label": f"{e.label} ({entity_type(e.type).label})", "value": e.id})
    if query and len(query.strip()) >= 2:
        for hit in workbench().find_entities(query, limit=12):
            if hit.entity.id != current:
                label = f"{hit.entity.label} ({entity_type(hit.entity.type).label})"
                options.append({"label": label, "value": hit.entity.id})
    return options


@callback(
    Output("lc-path-from", "options"),
    Input("lc-path-from", "search_value"),
    State("lc-path-from", "value"),
    prevent_initial_call=True,
)
def path_from_options(query: str | None, current: str | None) -> list[dict[str, str]]:
    """Entities the path can start from, as the analyst types."""
    return _options(query, current)


@callback(
    Output("lc-path-to", "options"),
    Input("lc-path-to", "search_value"),
    State("lc-path-to", "value"),
    prevent_initial_call=True,
)
def path_to_options(query: str | None, current: str | None) -> list[dict[str, str]]:
    """Entities the path can end at, as the analyst types."""
    return _options(query, current)


# -- the chart ---------------------------------------------------------------------------------


def _filter(
    types: list[str] | None,
    cases: list[str] | None,
    start: str | None,
    end: str | None,
    confidence: float | None,
) -> GraphFilter:
    return GraphFilter(
        entity_types=frozenset(types) if types else None,
        cases=frozenset(cases) if cases else None,
        start=date.fromisoformat(start[:10]) if start else None,
        end=date.fromisoformat(end[:10]) if end else None,
        min_confidence=float(confidence or 0.0),
    )


@callback(
    Output("lc-seeds", "data"),
    Output("lc-path", "data", allow_duplicate=True),
    Input({"type": "lc-hit", "id": ALL}, "n_clicks"),
    Input("lc-chart", "tapNode"),
    Input("lc-clear", "n_clicks"),
    State("lc-seeds", "data"),
    prevent_initial_call=True,
)
def grow(_hits: list[int], tapped: dict | None, _clear: int | None, seeds: list[str]) -> Any:
    """A search hit or a clicked node joins the chart's seeds; Clear empties the chart."""
    trigger = ctx.triggered_id
    if trigger == "lc-clear":
        return [], None
    if isinstance(trigger, dict) and trigger.get("type") == "lc-hit":
        if not ctx.triggered[0]["value"]:
            return no_update, no_update
        new = trigger["id"]
    elif trigger == "lc-chart" and tapped:
        new = tapped["data"]["id"]
    else:
        return no_update, no_update
    if new in seeds:
        return no_update, no_update
    return [*seeds, new], no_update


@callback(
    Output("lc-chart", "elements"),
    Output("lc-chart", "layout"),
    Output("lc-summary", "children"),
    Output("lc-legend", "children"),
    Input("lc-seeds", "data"),
    Input("lc-path", "data"),
    Input("lc-types", "value"),
    Input("lc-cases", "value"),
    Input("lc-dates", "start_date"),
    Input("lc-dates", "end_date"),
    Input("lc-confidence", "value"),
    Input("lc-hops", "value"),
    State("lc-chart", "elements"),
)
def draw(
    seeds: list[str],
    path: dict | None,
    types: list[str] | None,
    cases: list[str] | None,
    start: str | None,
    end: str | None,
    confidence: float | None,
    hops: int,
    shown: list[dict] | None,
) -> Any:
    """The chart: the seeds' neighbourhoods (bounded), plus the path found, measured and styled."""
    path_nodes = list(path["nodes"]) if path else []
    if not seeds and not path_nodes:
        return [], {"name": "preset"}, "Search for an entity to start a chart.", legend(set())
    wb = workbench()
    filters = _filter(types, cases, start, end, confidence)
    graph, truncated = wb.chart(
        seeds, hops=hops or 1, filters=filters, max_nodes=MAX_NODES, add=path_nodes
    )
    places = wb.entities(n for n, kind in graph.nodes(data="type") if kind == "Location")
    path_edges = {frozenset(pair) for pair in (path or {}).get("edges", [])}
    els = elements(
        wb,
        graph,
        entities=places,
        seeds=set(seeds),
        path=set(path_nodes),
        path_edges=path_edges,
    )
    # Entities already on the chart keep their place; new ones start beside a neighbour.
    previous = {
        e["data"]["id"]: e["position"]
        for e in shown or []
        if "position" in e and "source" not in e["data"]
    }
    where = positions(graph, previous)
    for e in els:
        if "source" not in e["data"]:
            e["position"] = where[e["data"]["id"]]
    chart_layout = {"name": "preset", "fit": True, "padding": 30}
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    summary = f"{nodes} entities, {edges} links"
    if truncated:
        summary += f" — stopped at {MAX_NODES} entities; narrow the filters to see the rest"
    present = {attrs.get("type") for _n, attrs in graph.nodes(data=True)}
    return els, chart_layout, summary, legend(present)


@callback(Output("lc-chart", "stylesheet"), Input("lc-size", "value"), Input("lc-colour", "value"))
def restyle(size_by: str, colour_by: str) -> list[dict[str, Any]]:
    """Size and colour follow the analyst's choice (the measures are already on the nodes)."""
    return stylesheet(size_by or "degree", colour_by or "type")


# -- evidence ----------------------------------------------------------------------------------


def _link_evidence(data: dict[str, Any], filters: GraphFilter) -> list[Any]:
    wb = workbench()
    a, b = data["source"], data["target"]
    pair = wb.among([a, b], filters=replace(filters, entity_types=None))
    found = pair.edges[a, b]["links"] if pair.has_edge(a, b) else []
    records = sorted(found, key=lambda r: (r["date"] or date.min, r["id"]), reverse=True)
    labels = {n: pair.nodes[n].get("label", n) for n in pair}
    docs = wb.documents_by_id(r["document"] for r in records[:MAX_PASSAGES])
    parts: list[Any] = [
        html.H3(
            [
                labels.get(a, a),
                html.Span(f"  {data.get('types', '')}  ", className="muted"),
                labels.get(b, b),
            ]
        ),
        html.P(f"{len(records)} statement(s)", className="muted"),
    ]
    mentions_by_doc: dict[str, list[Any]] = {}
    for r in records[:MAX_PASSAGES]:
        doc = docs.get(r["document"])
        if doc is None:
            continue
        if doc.id not in mentions_by_doc:
            mentions_by_doc[doc.id] = wb.mentions_of(document_id=doc.id)
        marks = [
            (m.start, m.end, "")
            for m in mentions_by_doc[doc.id]
            if m.entity_id in (a, b) and r["start"] <= m.start and m.end <= r["end"]
        ]
        extra = [
            ("Link", link_type(r["type"]).label),
            ("Confidence", f"{r['confidence']:.2f}"),
        ]
        if r["date"] and r["date"] != doc.date:
            extra.append(("Happened", r["date"].isoformat()))
        parts.append(passage(doc, r["start"], r["end"], marks, extra=extra))
    if len(records) > MAX_PASSAGES:
        parts.append(html.P(f"… and {len(records) - MAX_PASSAGES} more.", className="muted"))
    return parts


def _entity_evidence(data: dict[str, Any]) -> list[Any]:
    wb = workbench()
    entity = wb.entity(data["id"])
    kind = entity_type(entity.type)
    props = [
        html.Tr([html.Td(k.replace("_", " ")), html.Td(str(entity.properties[k]))])
        for k in (*kind.featured, *(p for p in kind.properties if p not in kind.featured))
        if entity.properties.get(k) not in (None, "")
    ]
    mentions = wb.mentions_of(entity_id=entity.id, limit=MAX_PASSAGES * 4)
    docs = wb.documents_by_id(m.document_id for m in mentions)
    parts: list[Any] = [
        html.H3([entity.label, " ", html.Span(kind.label, className="badge")]),
    ]
    if entity.aliases:
        parts.append(html.P(["Also written: ", ", ".join(entity.aliases[:12])], className="muted"))
    if props:
        parts.append(html.Table(props, className="table props"))
    parts.append(html.P(f"{len(mentions)} mention(s) in {len(docs)} report(s)", className="muted"))
    shown = 0
    for m in mentions:
        doc = docs.get(m.document_id)
        if doc is None or shown >= MAX_PASSAGES:
            continue
        s, e = sentence_around(doc.text, m.start, m.end)
        parts.append(passage(doc, s, e, [(m.start, m.end, "")], extra=[("Found by", m.method)]))
        shown += 1
    return parts


@callback(
    Output("lc-evidence", "children"),
    Input("lc-chart", "tapNodeData"),
    Input("lc-chart", "tapEdgeData"),
    *FILTER_STATES,
    prevent_initial_call=True,
)
def evidence(node: dict | None, edge: dict | None, *filter_values: Any) -> Any:
    """The reports behind the clicked link, or the mentions of the clicked entity."""
    if ctx.triggered_id is None:
        return no_update
    prop = ctx.triggered[0]["prop_id"]
    if prop.endswith("tapEdgeData") and edge:
        return _link_evidence(edge, _filter(*filter_values))
    if prop.endswith("tapNodeData") and node:
        return _entity_evidence(node)
    return no_update


# -- find path -----------------------------------------------------------------------------------


@callback(
    Output("lc-path", "data"),
    Output("lc-path-result", "children"),
    Input("lc-path-go", "n_clicks"),
    State("lc-path-from", "value"),
    State("lc-path-to", "value"),
    State("lc-types", "value"),
    State("lc-cases", "value"),
    State("lc-dates", "start_date"),
    State("lc-dates", "end_date"),
    State("lc-confidence", "value"),
    prevent_initial_call=True,
)
def find_path(
    _clicks: int,
    a: str | None,
    b: str | None,
    types: list[str] | None,
    cases: list[str] | None,
    start: str | None,
    end: str | None,
    confidence: float | None,
) -> Any:
    """The shortest paths (up to 3) between two entities, through everything the filters let in."""
    if not a or not b:
        return no_update, empty("Pick the two entities to connect.")
    wb = workbench()
    filters = _filter(types, cases, start, end, confidence)
    graph = wb.cached_graph(filters)
    for end_id in (a, b):
        if end_id not in graph:
            label = wb.entity(end_id).label
            return None, empty(f"{label} has no link that passes the filters; widen them.")
    paths = wb.paths(a, b, k=MAX_PATHS, graph=graph)
    if not paths:
        return None, empty("No chain of links joins these two entities under these filters.")
    nodes = list(dict.fromkeys(n for p in paths for n in p["nodes"]))
    edges = [[h["source"]["id"], h["target"]["id"]] for p in paths for h in p["hops"]]
    rows = []
    for p in paths:
        hops = p["hops"]
        steps: list[Any] = [html.Strong(hops[0]["source"]["label"])]
        for hop in hops:
            kinds = sorted({link_type(r["type"]).label for r in hop["links"]})
            steps += [html.Span(f" — {', '.join(kinds)} — ", className="muted"),
                      html.Strong(hop["target"]["label"])]  # fmt: skip
        rows.append(html.Li([html.Span(f"{len(hops)} hop(s): ", className="muted"), *steps]))
    return {"nodes": nodes, "edges": edges}, html.Div(
        [
            html.P(f"{len(paths)} shortest path(s), drawn in orange:"),
            html.Ol(rows, className="paths"),
        ]
    )


# -- timeline and map of what is on the chart ----------------------------------------------------


def _statements(
    els: list[dict] | None, filter_values: tuple[Any, ...], selected: list[dict] | None = None
) -> tuple[Any, list[dict[str, Any]]]:
    """The chart's entities and links with every statement (those touching the selection, if any)."""
    nodes = [e["data"]["id"] for e in els or [] if "source" not in e["data"]]
    filters = replace(_filter(*filter_values), entity_types=None)
    shown = workbench().among(nodes, filters=filters)
    chosen = {n["id"] for n in selected or []}
    records = [
        r
        for a, b, d in shown.edges(data=True)
        if not chosen or a in chosen or b in chosen
        for r in d["links"]
    ]
    return shown, records


@callback(
    Output("lc-timeline", "children"),
    Input("lc-chart", "elements"),
    Input("lc-chart", "selectedNodeData"),
    *FILTER_STATES,
)
def timeline(els: list[dict] | None, selected: list[dict] | None, *filter_values: Any) -> Any:
    """The dated statements of the chart, or of the selected entities when some are selected."""
    shown, records = _statements(els, filter_values, selected)
    records = [r for r in records if r.get("date")]
    if not records:
        return empty("No dated statement on the chart yet.")
    labels = {n: d.get("label", n) for n, d in shown.nodes(data=True)}
    docs = workbench().documents_by_id({r["document"] for r in records})
    references = {i: d.reference or d.source.rsplit("/", 1)[-1] for i, d in docs.items()}
    scope = "selected entities" if selected else "chart"
    return html.Div(
        [
            html.P(f"{len(records)} dated statement(s) of the {scope}", className="muted"),
            graph("lc-timeline-graph", timeline_figure(records, labels, references),
                  filename="odyssey-timeline"),
        ]
    )  # fmt: skip


@callback(
    Output("lc-map", "children"),
    Input("lc-chart", "elements"),
    Input("lc-chart", "selectedNodeData"),
    *FILTER_STATES,
)
def places(els: list[dict] | None, selected: list[dict] | None, *filter_values: Any) -> Any:
    """The chart's places on a map, with the routes its statements describe."""
    nodes = {e["data"]["id"]: e["data"] for e in els or [] if "source" not in e["data"]}
    _shown, records = _statements(els, filter_values, selected)
    weight: dict[str, int] = {}
    for r in records:
        for end in (r["source"], r["target"]):
            weight[end] = weight.get(end, 0) + 1
    located = [
        {"id": i, "label": d["label"], "lat": d["lat"], "lon": d["lon"], "weight": weight.get(i, 0)}
        for i, d in nodes.items()
        if "lat" in d and (not selected or i in weight)
    ]
    unplaced = sorted(
        d["label"] for d in nodes.values() if d.get("type") == "Location" and "lat" not in d
    )
    if not located:
        return empty("No place with coordinates on the chart yet.")
    spans = {(r["document"], r["start"], r["end"]) for r in records}
    on_chart = {p["id"] for p in located}
    routes = [
        list(r.stops)
        for r in workbench().routes(spans)
        if sum(stop in on_chart for stop in r.stops) >= 2
    ]
    note = f"{len(located)} place(s), {len(routes)} route(s)"
    if unplaced:
        note += f"; without coordinates (countries): {', '.join(unplaced[:8])}"
    return html.Div(
        [
            html.P(note, className="muted"),
            graph("lc-map-graph", map_figure(located, routes), filename="odyssey-map"),
        ]
    )


# -- export --------------------------------------------------------------------------------------

clientside_callback(
    """
    function(clicks) {
        return {type: "png", action: "download", filename: "odyssey-link-chart",
                options: {full: true, scale: 2, bg: "#ffffff"}};
    }
    """,
    Output("lc-chart", "generateImage"),
    Input("lc-png", "n_clicks"),
    prevent_initial_call=True,
)

clientside_callback(
    """
    function(clicks) {
        const host = document.getElementById("lc-chart");
        const holder = host && [host, ...host.querySelectorAll("*")].find(el => el._cyreg);
        if (holder) { holder._cyreg.cy.fit(undefined, 30); }
        return window.dash_clientside.no_update;
    }
    """,
    Output("lc-fit", "title"),
    Input("lc-fit", "n_clicks"),
    prevent_initial_call=True,
)


@callback(
    Output("lc-download", "data"),
    Input("lc-graphml", "n_clicks"),
    Input("lc-csv", "n_clicks"),
    State("lc-chart", "elements"),
    *FILTER_STATES,
    prevent_initial_call=True,
)
def export(
    _graphml: int | None, _csv: int | None, els: list[dict] | None, *filter_values: Any
) -> Any:
    """The chart as GraphML (entities and folded links) or CSV (one row per statement)."""
    if not els:
        raise OdysseyError("the chart is empty: search for an entity first, then export")
    shown, _records = _statements(els, filter_values)
    if ctx.triggered_id == "lc-graphml":
        communities = {
            e["data"]["id"]: e["data"].get("community") for e in els if "source" not in e["data"]
        }
        return dcc.send_string(chart_graphml(shown, communities), "odyssey-link-chart.graphml")
    return dcc.send_string(chart_csv(shown), "odyssey-link-chart.csv")
