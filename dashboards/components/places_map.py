"""The map of a chart's places and the routes its reports describe, drawn offline.

A plotly geo map on the world outline the app serves itself (see
``components/figures.py``): places as points sized by how many statements name
them, each route as a line from origin (circle) through transit stops to
destination (arrow head), coloured per route.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from odyssey.dashboards.components.figures import COLOURS, styled


def map_figure(
    places: Sequence[Mapping[str, Any]],
    routes: Sequence[Sequence[str]],
) -> go.Figure:
    """``places`` (``id``, ``label``, ``lat``, ``lon``, ``weight``) and ``routes`` (place ids in order)."""
    where = {p["id"]: p for p in places}
    figure = go.Figure()
    for i, stops in enumerate(routes):
        points = [where[s] for s in stops if s in where]
        if len(points) < 2:
            continue
        colour = COLOURS[i % len(COLOURS)]
        name = " → ".join(p["label"] for p in points)
        figure.add_trace(
            go.Scattergeo(
                lon=[p["lon"] for p in points],
                lat=[p["lat"] for p in points],
                mode="lines+markers",
                line={"width": 2, "color": colour},
                marker={
                    "size": [9] + [6] * (len(points) - 2) + [12],
                    "symbol": ["circle"] + ["circle-open"] * (len(points) - 2) + ["triangle-up"],
                    "color": colour,
                },
                name=name,
                hovertemplate=f"{name}<extra></extra>",
                legendgroup="routes",
            )
        )
    if places:
        figure.add_trace(
            go.Scattergeo(
                lon=[p["lon"] for p in places],
                lat=[p["lat"] for p in places],
                text=[p["label"] for p in places],
                customdata=[p["weight"] for p in places],
                mode="markers+text",
                textposition="top center",
                textfont={"size": 10, "color": "#1b2430"},
                marker={
                    "size": [min(8 + 2 * p["weight"], 22) for p in places],
                    "color": "#059669",
                    "opacity": 0.85,
                    "line": {"width": 1, "color": "#ffffff"},
                },
                name="Places",
                hovertemplate="%{text}<br>%{customdata} statement(s)<extra></extra>",
            )
        )
    figure.update_geos(
        projection_type="natural earth",
        showland=True,
        landcolor="#eef1ef",
        showocean=True,
        oceancolor="#f4f8fb",
        showcountries=True,
        countrycolor="#c9d1d9",
        showcoastlines=True,
        coastlinecolor="#b6c0ca",
        showlakes=False,
        showframe=False,
        resolution=110,
    )
    lats, lons = [p["lat"] for p in places], [p["lon"] for p in places]
    if places and (max(lats) - min(lats) > 8 or max(lons) - min(lons) > 8):
        figure.update_geos(fitbounds="locations")
    elif places:  # one place, or a few close together: a regional view around them
        figure.update_geos(
            center={"lat": sum(lats) / len(lats), "lon": sum(lons) / len(lons)},
            projection_scale=4,
        )
    styled(figure, height=330, legend=False)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return figure
