"""Strategic figures drawn from published trends: series, routes, nationalities, the CSV.

Everything here reads a :class:`~odyssey.graph.analytics.trends.StrategicTrends`,
whose counts were already suppressed by ``odyssey.disclosure`` (1 to 4 read
"<5"). A suppressed cell is drawn as a hatched bar up to 5, the same for
every such cell: the chart never encodes a small count in a height or a width.

Counts of distinct things per group do not add up (one person named in a
trafficking and a smuggling report is one in each), so series are grouped
bars, never stacked.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from typing import Any

import plotly.graph_objects as go

from odyssey.dashboards.components.figures import COLOURS, styled
from odyssey.dashboards.components.filters import category_label
from odyssey.disclosure import SMALL_COUNT, is_suppressed
from odyssey.graph.analytics.trends import StrategicTrends
from odyssey.regions import country_name

MEASURE_LABELS = {
    "reports": "Reports",
    "cases": "Cases",
    "suspects": "Suspects",
    "victims": "Victims",
}
BREAKDOWN_LABELS = {
    "crime_category": "Crime category",
    "interpol": "INTERPOL region",
    "bodies": "Regional body",
    "none": "No breakdown",
}
#: Fixed colours, so a group keeps its colour whatever the filters.
GROUP_COLOURS = {
    "trafficking": "#dc2626",
    "smuggling": "#2563eb",
    "other": "#64748b",
    "Africa": "#d97706",
    "Americas": "#059669",
    "Asia and South Pacific": "#db2777",
    "Europe": "#2563eb",
    "Middle East and North Africa": "#7c3aed",
    "AFRIPOL": "#d97706",
    "AMERIPOL": "#059669",
    "ASEANAPOL": "#db2777",
    "EUROPOL": "#2563eb",
    "GCCPOL": "#0891b2",
    "Unknown": "#94a3b8",
    "No regional body": "#94a3b8",
    "All": "#1f6feb",
}
ROLE_COLOURS = {"suspects": "#1f6feb", "victims": "#d97706"}
SUPPRESSED_HOVER = "fewer than 5 (not shown)"


def _colour(group: str, index: int) -> str:
    return GROUP_COLOURS.get(group, COLOURS[index % len(COLOURS)])


@cache
def _base_layout() -> dict[str, Any]:
    """The app's look (``figures.styled``) as a plain layout, worked out once.

    Figures here are plain dicts on this layout: building plotly objects and
    copying the template into each costs tens of milliseconds a figure, more
    than counting the figures' numbers.
    """
    return styled(go.Figure()).layout.to_plotly_json()


def _figure(data: list[dict[str, Any]], height: int, **layout: Any) -> dict[str, Any]:
    base = _base_layout()
    return {"data": data, "layout": {**base, "height": height, **layout}}


def _bars(
    name: str,
    colour: str,
    at: list[str],
    values: list[int | str],
    *,
    horizontal: bool = False,
) -> list[dict[str, Any]]:
    """Bars of ``values`` at ``at``; a suppressed value is a hatched bar up to 5 ("fewer than 5").

    The hatched bar says exactly what is published (below five) and nothing more: every
    suppressed cell is drawn the same. Both traces share an offset group, so they fill
    one slot of a grouped bar chart.
    """
    shown = [None if is_suppressed(v) else int(v) for v in values]
    ghost = [SMALL_COUNT if is_suppressed(v) else None for v in values]
    axes = ("y", "x") if horizontal else ("x", "y")
    where = f"%{{{axes[0]}}}"
    common = {"type": "bar", "orientation": "h" if horizontal else "v", "offsetgroup": name}
    traces = [
        {
            **common,
            "name": name,
            "marker": {"color": colour},
            "hovertemplate": f"{name} · {where}: %{{{axes[1]}:,}}<extra></extra>",
            "legendgroup": name,
            axes[0]: at,
            axes[1]: shown,
        }
    ]
    if any(g is not None for g in ghost):
        traces.append(
            {
                **common,
                "name": f"fewer than {SMALL_COUNT}",
                "marker": _hatch(colour),
                "hovertemplate": f"{name} · {where}: {SUPPRESSED_HOVER}<extra></extra>",
                "legendgroup": "suppressed",
                "showlegend": False,
                axes[0]: at,
                axes[1]: ghost,
            }
        )
    return traces


def _hatch(colour: str) -> dict[str, Any]:
    return {
        "color": "rgba(255,255,255,0)",
        "line": {"color": colour, "width": 1},
        "pattern": {"shape": "/", "fgcolor": colour, "size": 5, "solidity": 0.3},
    }


def _with_ghost_legend(traces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``traces``, and one grey legend entry "fewer than 5" (last) when a bar is hatched."""
    if not any(t.get("legendgroup") == "suppressed" for t in traces):
        return traces
    first = traces[0]
    legend = {
        "type": "bar",
        "name": f"fewer than {SMALL_COUNT}",
        "x": [None],
        "y": [None],
        "marker": _hatch("#6b7785"),
        "legendgroup": "suppressed",
        "legendrank": 2000,
        "hoverinfo": "skip",
        "offsetgroup": first["offsetgroup"],  # takes no slot of its own in the groups
        "orientation": first["orientation"],
    }
    return [*traces, legend]


def series_figure(trends: StrategicTrends, measure: str) -> dict[str, Any]:
    """Grouped bars of one measure per period, one colour per group, hatched where suppressed."""
    cells = {(p, g): v for m, p, g, v in trends.rows if m == measure}
    traces: list[dict[str, Any]] = []
    for i, group in enumerate(trends.groups):
        values = [cells[p, group] for p in trends.periods]
        traces += _bars(category_label(group), _colour(group, i), trends.periods, values)
    return _figure(
        _with_ghost_legend(traces),
        300,
        barmode="group",
        bargap=0.25,
        bargroupgap=0.05,
        xaxis={"type": "category", "tickangle": -45 if len(trends.periods) > 12 else 0},
        yaxis={"rangemode": "tozero", "tickformat": ",d"},
    )


def routes_figure(trends: StrategicTrends) -> dict[str, Any]:
    """The most reported route legs as a Sankey: place to place, width = reports stating the leg."""
    places = list(dict.fromkeys(p for a, b, _ in trends.routes for p in (a, b)))
    index = {p: i for i, p in enumerate(places)}
    sankey = {
        "type": "sankey",
        "arrangement": "snap",
        "node": {
            "label": places,
            "pad": 14,
            "thickness": 14,
            "color": "#1f6feb",
            "line": {"color": "#ffffff", "width": 0.5},
            "hovertemplate": "%{label}<extra></extra>",
        },
        "link": {
            "source": [index[a] for a, _, _ in trends.routes],
            "target": [index[b] for _, b, _ in trends.routes],
            "value": [n for *_, n in trends.routes],
            "color": "rgba(31, 111, 235, 0.25)",
            "hovertemplate": "%{source.label} → %{target.label}: %{value:,} reports<extra></extra>",
        },
    }
    return _figure([sankey], 360, showlegend=False)


def nationalities_figure(trends: StrategicTrends, top: int = 12) -> dict[str, Any]:
    """Suspects and victims by stated nationality (the ``top`` nationalities), horizontal bars."""
    counts: dict[str, dict[str, int | str]] = {}
    for iso2, role, value in trends.nationalities:
        counts.setdefault(iso2, {})[role] = value
    order = list(counts)[:top]
    names = [country_name(c) for c in order]
    traces: list[dict[str, Any]] = []
    for role in ("suspects", "victims"):
        values = [counts[c].get(role, 0) for c in order]
        traces += _bars(MEASURE_LABELS[role], ROLE_COLOURS[role], names, values, horizontal=True)
    return _figure(
        _with_ghost_legend(traces),
        max(220, 60 + 34 * len(order)),
        barmode="group",
        bargap=0.3,
        yaxis={"autorange": "reversed", "type": "category"},
        xaxis={"rangemode": "tozero", "tickformat": ",d"},
    )


def table_rows(trends: StrategicTrends, measure: str) -> tuple[list[str], list[list[Any]]]:
    """A measure as a table: header (period, then groups) and one row per period."""
    cells = {(p, g): v for m, p, g, v in trends.rows if m == measure}
    header = ["Period", *(category_label(g) for g in trends.groups)]
    return header, [[p, *(cells[p, g] for g in trends.groups)] for p in trends.periods]


def trends_csv(trends: StrategicTrends, filters: dict[str, str]) -> str:
    """Everything the page shows, as one tidy CSV (suppressed cells read "<5").

    Columns: ``section, measure, period, group, value``; the first rows record
    the filters the figures were made with.
    """
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["section", "measure", "period", "group", "value"])
    for key, value in filters.items():
        w.writerow(["filter", key, "", "", value])
    w.writerow(["note", "suppression", "", "", "counts of 1 to 4 are published as <5"])
    for measure, value in trends.totals.items():
        w.writerow(["total", measure, "", "", value])
    for measure, period, group, value in trends.rows:
        w.writerow(["series", measure, period, group, value])
    for origin, destination, reports in trends.routes:
        w.writerow(["route", "reports", "", f"{origin} -> {destination}", reports])
    w.writerow(["route", "legs not shown (fewer than 5 reports)", "", "", trends.routes_hidden])
    for iso2, role, value in trends.nationalities:
        w.writerow(["nationality", role, "", country_name(iso2), value])
    w.writerow(["nationality", "people", "", "not stated", trends.nationality_unknown])
    w.writerow(["kpi", "new entities", "", "", trends.new_entities])
    w.writerow(["kpi", "new cross-case links", "", "", trends.new_case_links])
    return out.getvalue()
