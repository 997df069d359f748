"""Strategic trends: what a manager reads in a minute, and exports.

Reports, cases, suspects and victims per month (or quarter, or year), split by
crime category, INTERPOL region or regional body (AFRIPOL, AMERIPOL, ASEANAPOL,
EUROPOL, GCCPOL); the most reported route legs as a Sankey; nationalities of
suspects and victims; network KPIs (new entities, new cross-case links, the
largest communities). Filters: date window, crime category, region.

Every figure comes from :meth:`Workbench.trends`, already suppressed: a count of
1 to 4 reads "<5" on the page, in the table and in the CSV. Charts export as
PNG with the camera button above each; the whole page's figures as one CSV.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html

from odyssey.dashboards.components.figures import graph
from odyssey.dashboards.components.filters import (
    category_dropdown,
    date_window,
    day,
    field,
    filter_bar,
)
from odyssey.dashboards.components.strategic import (
    BREAKDOWN_LABELS,
    MEASURE_LABELS,
    category_label,
    nationalities_figure,
    routes_figure,
    series_figure,
    table_rows,
    trends_csv,
)
from odyssey.dashboards.components.tables import table
from odyssey.dashboards.components.widgets import empty, kpi, panel
from odyssey.dashboards.context import workbench
from odyssey.disclosure import SUPPRESSED
from odyssey.graph.analytics.trends import StrategicTrends
from odyssey.regions import INTERPOL_REGIONS, REGIONAL_BODIES, country_name

dash.register_page(
    __name__,
    path="/trends",
    name="Trends",
    title="Odyssey — strategic trends",
    section="Strategic",
    order=30,
    description="Reports, cases, suspects and victims per month by crime type and region; routes.",
)

PERIOD_OPTIONS = [
    {"label": " Month", "value": "month"},
    {"label": " Quarter", "value": "quarter"},
    {"label": " Year", "value": "year"},
]
INPUTS = [
    Input("tr-dates", "start_date"),
    Input("tr-dates", "end_date"),
    Input("tr-categories", "value"),
    Input("tr-region", "value"),
    Input("tr-period", "value"),
    Input("tr-breakdown", "value"),
]


def _region_options() -> list[dict[str, Any]]:
    head = [{"label": "INTERPOL regions", "value": "__interpol", "disabled": True}]
    bodies = [{"label": "Regional bodies", "value": "__bodies", "disabled": True}]
    return (
        head
        + [{"label": f"  {r}", "value": r} for r in INTERPOL_REGIONS]
        + bodies
        + [{"label": f"  {b}", "value": b} for b in REGIONAL_BODIES]
    )


def _filters(span: tuple[date | None, date | None]) -> html.Div:
    region = dcc.Dropdown(id="tr-region", options=_region_options(), placeholder="All regions")
    period = dcc.RadioItems(
        id="tr-period", options=PERIOD_OPTIONS, value="month", inline=True, className="radios"
    )
    breakdown = dcc.Dropdown(
        id="tr-breakdown",
        options=[{"label": v, "value": k} for k, v in BREAKDOWN_LABELS.items()],
        value="crime_category",
        clearable=False,
    )
    export = html.Div(
        [
            html.Button("Export CSV", id="tr-export", className="btn"),
            dcc.Download(id="tr-download"),
        ],
        className="field tr-actions",
    )
    return filter_bar(
        field("Date window", date_window("tr-dates", span)),
        field(
            "Crime category",
            category_dropdown("tr-categories"),
            html_for="tr-categories",
            wide=True,
        ),
        field("Region", region, html_for="tr-region", wide=True),
        field("Per", period),
        field("Split by", breakdown, html_for="tr-breakdown", wide=True),
        export,
    )


def layout(**_query: str) -> html.Div:
    """Filters, KPI tiles, the four series, routes and nationalities, communities, the table."""
    span = workbench().trends().span
    charts = [
        panel(
            label,
            dcc.Loading(html.Div(id=f"tr-chart-{measure}"), type="dot"),
            class_name="tr-chart",
        )
        for measure, label in MEASURE_LABELS.items()
    ]
    return html.Div(
        [
            html.Div(
                [
                    html.H1("Strategic trends"),
                    html.Span(
                        f"Counts of 1 to 4 are shown as {SUPPRESSED}, in the charts, the table "
                        "and the export.",
                        className="muted",
                    ),
                    html.Span(id="tr-as-of", className="muted tr-as-of"),
                ],
                className="page-head",
            ),
            panel("Filters", _filters(span), class_name="tr-filter-panel"),
            dcc.Loading(html.Div(id="tr-kpis", className="kpis"), type="dot"),
            html.Div(charts, className="grid-2"),
            html.Div(
                [
                    panel(
                        "Most reported route legs",
                        dcc.Loading(html.Div(id="tr-routes"), type="dot"),
                    ),
                    panel(
                        "Nationalities of suspects and victims",
                        dcc.Loading(html.Div(id="tr-nationalities"), type="dot"),
                    ),
                ],
                className="grid-2",
            ),
            html.Div(
                [
                    panel(
                        "Largest communities active in the selection",
                        dcc.Loading(html.Div(id="tr-communities"), type="dot"),
                    ),
                    panel(
                        "Figures",
                        html.Div(id="tr-table", className="tr-table"),
                        actions=dcc.Dropdown(
                            id="tr-table-measure",
                            options=[{"label": v, "value": k} for k, v in MEASURE_LABELS.items()],
                            value="reports",
                            clearable=False,
                            className="tr-table-pick",
                        ),
                    ),
                ],
                className="grid-2",
            ),
            html.P(
                "A report counts in the month of its date and in the region of its originating "
                "NCB (else of its case). Victims are people a report states were exploited, "
                "recruited or transported; every other person named is counted as a suspect. "
                "Distinct counts per group do not add up to the totals: one person named in two "
                "regions counts once in each.",
                className="muted tr-notes",
            ),
            dcc.Store(id="tr-state"),
        ]
    )


def _read(
    start: str | None,
    end: str | None,
    categories: list[str] | None,
    region: str | None,
    by: str,
    breakdown: str,
) -> StrategicTrends:
    return workbench().trends(
        start=day(start),
        end=day(end),
        categories=categories or None,
        region=region or None,
        by=by,
        breakdown=breakdown,
    )


@callback(
    Output("tr-kpis", "children"),
    *(Output(f"tr-chart-{m}", "children") for m in MEASURE_LABELS),
    Output("tr-routes", "children"),
    Output("tr-nationalities", "children"),
    Output("tr-state", "data"),
    Output("tr-as-of", "children"),
    *INPUTS,
)
def show(
    start: str | None,
    end: str | None,
    categories: list[str] | None,
    region: str | None,
    by: str,
    breakdown: str,
) -> tuple[Any, ...]:
    """Every figure of the page for the filters chosen (one read, grouped in memory)."""
    trends = _read(start, end, categories, region, by, breakdown)
    kpis = [
        kpi("Reports", trends.totals["reports"]),
        kpi("Cases", trends.totals["cases"]),
        kpi("Suspects", trends.totals["suspects"]),
        kpi("Victims", trends.totals["victims"]),
        kpi("New entities", trends.new_entities, "first reported in the window"),
        kpi("New cross-case links", trends.new_case_links, "case pairs first linked"),
    ]
    if not trends.periods:
        nothing = empty("No dated report matches these filters.")
        series = [nothing] * len(MEASURE_LABELS)
    else:
        series = [
            graph(f"tr-fig-{m}", series_figure(trends, m), filename=f"odyssey-{m}-per-{by}")
            for m in MEASURE_LABELS
        ]
    if trends.routes:
        routes: Any = [
            graph("tr-fig-routes", routes_figure(trends), filename="odyssey-routes"),
            html.P(
                f"Width: reports stating the leg. {trends.routes_hidden:,} leg(s) stated in "
                "fewer than 5 reports are not drawn.",
                className="muted small",
            ),
        ]
    else:
        routes = empty(
            "No route leg is stated in 5 reports or more in this selection"
            + (
                f" ({trends.routes_hidden:,} smaller legs not drawn)."
                if trends.routes_hidden
                else "."
            )
        )
    unknown = trends.nationality_unknown
    note = html.P(
        f"People named with no nationality stated: {unknown:,}."
        if isinstance(unknown, int)
        else f"People named with no nationality stated: {unknown}.",
        className="muted small",
    )
    if trends.nationalities:
        nationalities: Any = [
            graph(
                "tr-fig-nationalities",
                nationalities_figure(trends),
                filename="odyssey-nationalities",
            ),
            note,
        ]
    else:
        nationalities = [empty("No report in this selection states a nationality."), note]
    state = {"start": start, "end": end, "categories": categories, "region": region, "by": by}
    as_of = f"Figures as of {trends.as_of:%Y-%m-%d %H:%M}"
    return (kpis, *series, routes, nationalities, {**state, "breakdown": breakdown}, as_of)


@callback(Output("tr-communities", "children"), *INPUTS)
def communities(
    start: str | None,
    end: str | None,
    categories: list[str] | None,
    region: str | None,
    _by: str,
    _breakdown: str,
) -> Any:
    """The communities of the whole network with the most members named in the selection,
    described by counts and places, never names."""
    found = workbench().largest_communities(
        start=day(start), end=day(end), categories=categories or None, region=region or None
    )
    if not found:
        return empty("No linked entities in this selection.")
    rows = [
        [
            i,
            c.size,
            c.people,
            c.cases,
            ", ".join(country_name(x) for x in c.countries) or "—",
            ", ".join(category_label(x) for x in c.categories) or "—",
        ]
        for i, c in enumerate(found, 1)
    ]
    return table(
        ["#", "Members named", "People", "Cases", "Countries", "Crime categories"],
        rows,
        numeric={0, 1, 2, 3},
    )


@callback(
    Output("tr-table", "children"),
    Input("tr-state", "data"),
    Input("tr-table-measure", "value"),
    prevent_initial_call=True,
)
def figures_table(state: dict[str, Any] | None, measure: str) -> Any:
    """The chosen measure as numbers: one row per period, one column per group."""
    if not state:
        return dash.no_update
    trends = _read(
        state["start"], state["end"], state["categories"], state["region"], state["by"],
        state["breakdown"],
    )  # fmt: skip
    if not trends.periods:
        return empty("No dated report matches these filters.")
    header, rows = table_rows(trends, measure)
    return table(header, rows, numeric=set(range(1, len(header))))


@callback(
    Output("tr-download", "data"),
    Input("tr-export", "n_clicks"),
    State("tr-state", "data"),
    prevent_initial_call=True,
)
def export(_clicks: int, state: dict[str, Any] | None) -> Any:
    """The page's figures as one CSV, with the filters they were made with."""
    state = state or {}
    trends = _read(
        state.get("start"), state.get("end"), state.get("categories"), state.get("region"),
        state.get("by") or "month", state.get("breakdown") or "crime_category",
    )  # fmt: skip
    filters = {
        "from": state.get("start") or "first report",
        "until": state.get("end") or "last report",
        "crime categories": ", ".join(state.get("categories") or []) or "all",
        "region": state.get("region") or "all",
        "per": trends.by,
        "split by": BREAKDOWN_LABELS.get(trends.breakdown, trends.breakdown),
    }
    return dcc.send_string(trends_csv(trends, filters), "odyssey-trends.csv")
