"""The timeline of a chart: every dated statement as a point, one row per link type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from odyssey.dashboards.components.figures import COLOURS, styled
from odyssey.schema import link_type


def timeline_figure(
    records: Sequence[Mapping[str, Any]],
    labels: Mapping[str, str],
    references: Mapping[str, str],
) -> go.Figure:
    """Dated link records (``date``, ``type``, ``source``, ``target``, ``document``) on a time axis.

    Hovering a point reads "A — uses — B", the report reference and the date.
    """
    by_type: dict[str, list[Mapping[str, Any]]] = {}
    for r in records:
        if r.get("date"):
            by_type.setdefault(r["type"], []).append(r)
    figure = go.Figure()
    for i, (kind, rows) in enumerate(sorted(by_type.items(), key=lambda kv: -len(kv[1]))):
        name = link_type(kind).label
        figure.add_trace(
            go.Scatter(
                x=[r["date"] for r in rows],
                y=[name] * len(rows),
                mode="markers",
                name=name,
                marker={"size": 9, "color": COLOURS[i % len(COLOURS)], "opacity": 0.8,
                        "line": {"width": 1, "color": "#ffffff"}},
                customdata=[
                    [labels.get(r["source"], r["source"]), labels.get(r["target"], r["target"]),
                     references.get(r["document"], "")]
                    for r in rows
                ],
                hovertemplate=(
                    f"%{{customdata[0]}} — {name} — %{{customdata[1]}}"
                    "<br>%{customdata[2]}<br>%{x|%Y-%m-%d}<extra></extra>"
                ),
            )
        )  # fmt: skip
    figure.update_xaxes(type="date", showgrid=True, gridcolor="#eef1f5")
    figure.update_yaxes(type="category", showgrid=False, automargin=True)
    return styled(figure, height=300, legend=False)
