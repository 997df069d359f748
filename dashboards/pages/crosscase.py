"""Cross-case view: which cases share people, phones, accounts or vehicles, and why that matters.

No single country sees a whole network. This page draws the case-to-case graph
(one node per case, coloured by crime type; a link where two cases share
entities, thicker the more they share) and lists the shared entities, each with
its reason ("Phone +218… appears in 3 cases: … different crime types"), sorted
by how strong the link is: the number of cases it joins, then the number of
reports that tie it to them. Click a case link to read what the two cases
share; an entity opens in the link chart.

Reads :meth:`Workbench.crosscase_ranked` (the analytics' ``cross_case`` ranked
by ``crosscase_strength``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import dash
import dash_cytoscape as cyto
from dash import Input, Output, State, callback, dcc, html

from odyssey.dashboards.components.filters import (
    category_dropdown,
    date_window,
    day,
    field,
    filter_bar,
)
from odyssey.dashboards.components.strategic import GROUP_COLOURS, category_label
from odyssey.dashboards.components.tables import table
from odyssey.dashboards.components.widgets import empty, kpi, panel
from odyssey.dashboards.context import workbench
from odyssey.graph.analytics.crosscase import LEAD_TYPES, CaseRef
from odyssey.graph.analytics.crosscase_strength import (
    RankedCaseLink,
    RankedCrossCase,
    RankedShared,
)
from odyssey.model import CrimeCategory
from odyssey.regions import country_name
from odyssey.schema import ENTITY_TYPES, entity_type

dash.register_page(
    __name__,
    path="/cross-case",
    name="Cross-case",
    title="Odyssey — cross-case links",
    section="Operational",
    order=20,
    description="Cases that share people, phones, accounts or vehicles, strongest links first.",
)

#: Entity types that join cases by default: identities, not places or events.
DEFAULT_TYPES = list(LEAD_TYPES)
#: Rows of the shared-entities table (the strongest).
MAX_ROWS = 200

STYLESHEET = [
    {
        "selector": "node",
        "style": {
            "label": "data(label)",
            "font-size": 10,
            "color": "#1b2430",
            "text-valign": "bottom",
            "text-margin-y": 4,
            "background-color": "data(colour)",
            "width": "data(size)",
            "height": "data(size)",
            "border-width": 1,
            "border-color": "#ffffff",
        },
    },
    {
        "selector": "edge",
        "style": {
            "width": "data(width)",
            "line-color": "#9aa8ba",
            "curve-style": "haystack",
            "opacity": 0.8,
        },
    },
    {"selector": "edge.cross", "style": {"line-color": "#d97706"}},
    {"selector": ":selected", "style": {"line-color": "#1f6feb", "border-color": "#1f6feb"}},
    {"selector": "node:selected", "style": {"border-width": 3}},
]


def _filters() -> html.Div:
    types = dcc.Dropdown(
        id="cc-types",
        options=[{"label": entity_type(t).label, "value": t} for t in ENTITY_TYPES],
        value=DEFAULT_TYPES,
        multi=True,
    )
    return filter_bar(
        html.Div(
            field("Entities that join cases", types, html_for="cc-types"), className="cc-types"
        ),
        field(
            "Crime category",
            category_dropdown("cc-categories"),
            html_for="cc-categories",
            wide=True,
        ),
        field("Date window", date_window("cc-dates")),
    )


def layout(**_query: str) -> html.Div:
    """Filters, headline figures, the case graph with the selected link, the ranked tables."""
    legend = html.Div(
        [
            html.Span(
                [
                    html.Span(className="swatch shape-ellipse", style={"background": colour}),
                    category_label(category),
                ],
                className="legend-item",
            )
            for category, colour in GROUP_COLOURS.items()
            if category in {c.value for c in CrimeCategory}
        ]
        + [
            html.Span(
                [
                    html.Span(className="swatch", style={"background": "#d97706", "height": "3px"}),
                    "across crime types",
                ],
                className="legend-item",
            )
        ],
        className="legend",
    )
    return html.Div(
        [
            html.Div(
                [
                    html.H1("Cross-case links"),
                    html.Span(
                        "Entities reported in several cases: the leads no single country sees.",
                        className="muted",
                    ),
                ],
                className="page-head",
            ),
            panel("Filters", _filters(), class_name="tr-filter-panel"),
            dcc.Loading(html.Div(id="cc-kpis", className="kpis"), type="dot"),
            html.Div(
                [
                    panel(
                        "Case-to-case graph",
                        cyto.Cytoscape(
                            id="cc-graph",
                            elements=[],
                            stylesheet=STYLESHEET,
                            layout={"name": "cose", "animate": False, "nodeRepulsion": 9000},
                            style={"width": "100%", "height": "520px"},
                            minZoom=0.2,
                            maxZoom=3,
                            responsive=True,
                        ),
                        legend,
                        class_name="lc-chart-panel",
                    ),
                    panel(
                        "What the cases share",
                        dcc.Loading(html.Div(id="cc-detail"), type="dot"),
                        html.P(
                            "Click a link between two cases, or a case, to see why.",
                            className="muted small",
                        ),
                        class_name="cc-detail",
                    ),
                ],
                className="cc-grid",
            ),
            panel(
                "Shared entities, strongest first",
                dcc.Loading(html.Div(id="cc-shared", className="cc-table"), type="dot"),
            ),
            panel(
                "Case-to-case links, strongest first",
                dcc.Loading(html.Div(id="cc-links", className="cc-table"), type="dot"),
            ),
            dcc.Store(id="cc-state"),
        ]
    )


def _read(
    types: list[str] | None, categories: list[str] | None, start: str | None, end: str | None
) -> RankedCrossCase:
    return workbench().crosscase_ranked(
        start=day(start),
        end=day(end),
        categories=categories or None,
        entity_types=types or None,
    )


def _case_text(case: CaseRef) -> str:
    detail = ", ".join(x for x in (country_name(case.country) if case.country else None,
                                   case.crime_category) if x)  # fmt: skip
    return f"{case.id} ({detail})" if detail else case.id


def _entity_link(node_id: str, label: str, kind: str | None) -> html.Span:
    return html.Span(
        [
            dcc.Link(label, href=f"/link-chart?entity={quote(node_id, safe='')}"),
            " ",
            html.Span(
                entity_type(kind).label if kind in ENTITY_TYPES else "Entity", className="badge"
            ),
        ]
    )


def _flags(cross_crime: bool, cross_border: bool) -> list[Any]:
    out: list[Any] = []
    if cross_crime:
        out.append(html.Span("cross-crime", className="badge badge-warn"))
    if cross_border:
        out.append(html.Span("cross-border", className="badge badge-info"))
    return out


@callback(
    Output("cc-kpis", "children"),
    Output("cc-graph", "elements"),
    Output("cc-shared", "children"),
    Output("cc-links", "children"),
    Output("cc-detail", "children"),
    Output("cc-state", "data"),
    Input("cc-types", "value"),
    Input("cc-categories", "value"),
    Input("cc-dates", "start_date"),
    Input("cc-dates", "end_date"),
)
def show(
    types: list[str] | None, categories: list[str] | None, start: str | None, end: str | None
) -> tuple[Any, ...]:
    """The graph and both ranked tables for the filters chosen."""
    ranked = _read(types, categories, start, end)
    shared, links = ranked.shared, ranked.links
    cases = {c.id: c for link in links for c in (link.link.a, link.link.b)}
    linked = {c.id for s in shared for c in s.cases}
    drawn = f"the {len(links):,} strongest drawn" if ranked.total_links > len(links) else ""
    kpis = [
        kpi("Linked cases", len(linked)),
        kpi("Case-to-case links", ranked.total_links, drawn),
        kpi("Shared entities", len(shared)),
        kpi("Across crime types", sum(1 for s in shared if s.cross_crime)),
        kpi("Across borders", sum(1 for s in shared if s.cross_border)),
    ]
    degree: dict[str, int] = {}
    for link in links:
        for c in (link.link.a.id, link.link.b.id):
            degree[c] = degree.get(c, 0) + 1
    heaviest = max((len(link.link.shared) for link in links), default=1)
    elements: list[dict[str, Any]] = [
        {
            "data": {
                "id": case.id,
                "label": case.id,
                "colour": GROUP_COLOURS.get(case.crime_category or "", "#64748b"),
                "size": 18 + min(degree.get(case.id, 0), 12) * 3,
            }
        }
        for case in cases.values()
    ]
    for i, link in enumerate(links):
        a, b = link.link.a, link.link.b
        crime = bool(a.crime_category and b.crime_category and a.crime_category != b.crime_category)
        elements.append(
            {
                "data": {
                    "id": f"cc-link-{i}",
                    "source": a.id,
                    "target": b.id,
                    "width": 1.5 + 8 * len(link.link.shared) / heaviest,
                    "a": a.id,
                    "b": b.id,
                },
                "classes": "cross" if crime else "",
            }
        )
    if not shared:
        nothing = empty("No entity of these types appears in two cases for these filters.")
        return kpis, elements, nothing, nothing, nothing, {}
    state = {"types": types, "categories": categories, "start": start, "end": end}
    first = _link_detail(links[0], shared) if links else empty("No two cases share anything.")
    return kpis, elements, _shared_table(shared), _links_table(links), first, state


def _shared_table(shared: list[RankedShared]) -> html.Div:
    rows = [
        [
            [
                _entity_link(s.node.id, s.node.label, s.node.type),
                html.Br(),
                *_flags(s.cross_crime, s.cross_border),
            ],
            len(s.cases),
            s.reports,
            html.Span(s.why, className="cc-why"),
        ]
        for s in shared[:MAX_ROWS]
    ]
    more = (
        [
            html.P(
                f"The {MAX_ROWS} strongest of {len(shared):,} are listed.", className="muted small"
            )
        ]
        if len(shared) > MAX_ROWS
        else []
    )
    return html.Div(
        [
            table(
                ["Entity", "Cases", "Reports", "Why it matters"],
                rows,
                numeric={1, 2},
                row_class="cc-shared-row",
            ),
            *more,
        ]
    )


def _links_table(links: list[RankedCaseLink]) -> html.Div:
    rows = [
        [
            [_case_text(r.link.a), html.Br(), _case_text(r.link.b)],
            len(r.link.shared),
            r.reports,
            html.Span(r.link.why, className="cc-why"),
        ]
        for r in links[:MAX_ROWS]
    ]
    return html.Div(table(["Cases", "Shared", "Reports", "Why"], rows, numeric={1, 2}))


@callback(
    Output("cc-detail", "children", allow_duplicate=True),
    Input("cc-graph", "tapEdgeData"),
    Input("cc-graph", "tapNodeData"),
    State("cc-state", "data"),
    prevent_initial_call=True,
)
def detail(edge: dict[str, Any] | None, node: dict[str, Any] | None, state: dict | None) -> Any:
    """What the clicked case link (or case) shares, strongest entities first."""
    if not state:
        return dash.no_update
    ranked = _read(state["types"], state["categories"], state["start"], state["end"])
    shared, links = ranked.shared, ranked.links
    tapped = dash.ctx.triggered_id and dash.ctx.triggered[0]["prop_id"].endswith("tapNodeData")
    if tapped and node:
        return _case_detail(node["id"], shared, links)
    if not edge:
        return dash.no_update
    pair = {edge.get("a"), edge.get("b")}
    link = next((r for r in links if {r.link.a.id, r.link.b.id} == pair), None)
    if link is None:
        return empty("These two cases no longer share anything for these filters.")
    return _link_detail(link, shared)


def _link_detail(link: RankedCaseLink, shared: list[RankedShared]) -> html.Div:
    """The two cases of ``link`` and what they share, strongest entities first."""
    strength = {s.node.id: s for s in shared}
    items = sorted(
        (strength[n.id] for n in link.link.shared if n.id in strength),
        key=lambda s: (-len(s.cases), -s.reports),
    )
    return html.Div(
        [
            html.H3(f"{_case_text(link.link.a)} — {_case_text(link.link.b)}"),
            html.P(
                f"{len(link.link.shared)} shared entities, {link.reports} reports.",
                className="muted",
            ),
            html.Ul(
                [
                    html.Li(
                        [
                            _entity_link(s.node.id, s.node.label, s.node.type),
                            " ",
                            *_flags(s.cross_crime, s.cross_border),
                            html.Div(s.why, className="muted small"),
                        ]
                    )
                    for s in items
                ],
                className="cc-list",
            ),
        ],
        id="cc-detail-body",
    )


def _case_detail(case_id: str, shared: list[RankedShared], links: list[RankedCaseLink]) -> Any:
    partners = [
        (r.link.b if r.link.a.id == case_id else r.link.a, r)
        for r in links
        if case_id in (r.link.a.id, r.link.b.id)
    ]
    title = next((c.title for c in workbench().cases() if c.id == case_id), "")
    own = [s for s in shared if any(c.id == case_id for c in s.cases)]
    return html.Div(
        [
            html.H3(f"{case_id}" + (f" — {title}" if title else "")),
            html.P(
                f"Linked to {len(partners)} case(s) through {len(own)} shared entities.",
                className="muted",
            ),
            html.Ul(
                [
                    html.Li(
                        f"{_case_text(other)}: {len(r.link.shared)} shared, {r.reports} reports"
                    )
                    for other, r in partners
                ],
                className="cc-list",
            ),
        ]
    )
