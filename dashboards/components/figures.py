"""Plotly figures the way every page shows them: one look, offline, exportable.

Use :func:`graph` instead of ``dcc.Graph`` directly: it sets the config that keeps
maps offline (``topojsonURL`` points at the world outline the app serves from
``assets/topojson``; plotly.js would fetch it from a CDN otherwise), hides
plotly's logo and names the PNG the camera button saves. :func:`styled` gives a
figure the app's fonts, colours and margins.

    from odyssey.dashboards.components.figures import graph, styled
    graph("trend-reports", styled(px.line(frame, x="month", y="reports")))
"""

from __future__ import annotations

from typing import Any

import dash
import plotly.graph_objects as go
from dash import dcc

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
#: Colours for categories (crime types, link types...), in order.
COLOURS = (
    "#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777",
    "#65a30d", "#9a3412", "#4f46e5", "#0f766e", "#a21caf",
)  # fmt: skip


def config(filename: str = "odyssey-chart") -> dict[str, Any]:
    """The ``dcc.Graph`` config: offline map outlines, no logo, PNG export named ``filename``."""
    return {
        "displaylogo": False,
        "topojsonURL": dash.get_asset_url("topojson/"),
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "responsive": True,
    }


def styled(figure: go.Figure, *, height: int = 320, legend: bool = True) -> go.Figure:
    """``figure`` in the app's look: system font, white background, tight margins."""
    figure.update_layout(
        template="plotly_white",
        font={"family": FONT, "size": 12, "color": "#1b2430"},
        colorway=list(COLOURS),
        height=height,
        margin={"l": 48, "r": 16, "t": 24, "b": 40},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
    return figure


def graph(
    graph_id: str | dict[str, Any], figure: go.Figure, *, filename: str | None = None
) -> dcc.Graph:
    """A ``dcc.Graph`` with :func:`config` (the PNG is named after ``filename`` or the id)."""
    name = filename or (graph_id if isinstance(graph_id, str) else "odyssey-chart")
    return dcc.Graph(id=graph_id, figure=figure, config=config(name))
