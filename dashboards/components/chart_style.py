"""How entities look on a link chart: a shape and a colour per type, the legend, the stylesheet.

The shape says the type even in black and white (printed charts); the colour
says the type, or the community when the analyst colours by community. Node
size follows the centrality the analyst picks (``size_<measure>``, 0..1 on the chart).
"""

from __future__ import annotations

from typing import Any

from dash import html

from odyssey.schema import ENTITY_TYPES, entity_type

#: Cytoscape shape and colour of each entity type.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("ellipse", "#2563eb"),
    "Organization": ("round-rectangle", "#7c3aed"),
    "Location": ("diamond", "#059669"),
    "Address": ("round-diamond", "#65a30d"),
    "Phone": ("triangle", "#ea580c"),
    "Email": ("vee", "#db2777"),
    "IdentityDocument": ("rectangle", "#0891b2"),
    "Vehicle": ("hexagon", "#ca8a04"),
    "Vessel": ("octagon", "#0e7490"),
    "BankAccount": ("pentagon", "#dc2626"),
    "CryptoWallet": ("star", "#9333ea"),
    "Event": ("tag", "#475569"),
}
FALLBACK_STYLE = ("ellipse", "#64748b")

#: Colours of communities, in order of size (the 13th and later share grey).
COMMUNITY_COLOURS = (
    "#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777",
    "#65a30d", "#9a3412", "#4f46e5", "#0f766e", "#a21caf",
)  # fmt: skip
OTHER_COMMUNITY = "#94a3b8"

#: Centralities a chart can be sized by: value -> label.
SIZE_MEASURES = {
    "none": "Same size",
    "degree": "Degree",
    "betweenness": "Betweenness (brokers)",
    "pagerank": "PageRank",
    "eigenvector": "Eigenvector",
}


def type_style(kind: str) -> tuple[str, str]:
    """(shape, colour) of an entity type."""
    return TYPE_STYLE.get(kind, FALLBACK_STYLE)


def community_colour(index: int | None) -> str:
    """The colour of the ``index``-th largest community."""
    if index is None or index >= len(COMMUNITY_COLOURS):
        return OTHER_COMMUNITY
    return COMMUNITY_COLOURS[index]


def stylesheet(size_by: str = "degree", colour_by: str = "type") -> list[dict[str, Any]]:
    """The Cytoscape stylesheet for the chosen size measure and colouring."""
    size: Any = 30 if size_by == "none" else f"mapData(size_{size_by}, 0, 1, 22, 64)"
    colour = "data(colour_community)" if colour_by == "community" else "data(colour_type)"
    return [
        {
            "selector": "node",
            "style": {
                "shape": "data(shape)",
                "background-color": colour,
                "width": size,
                "height": size,
                "label": "data(label)",
                "font-size": 10,
                "font-family": "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
                "color": "#1b2430",
                "text-valign": "bottom",
                "text-margin-y": 3,
                "text-wrap": "ellipsis",
                "text-max-width": 110,
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.75,
                "text-background-padding": 1,
                "border-width": 1,
                "border-color": "#ffffff",
                "min-zoomed-font-size": 7,
            },
        },
        {
            "selector": "node.seed",
            "style": {"border-width": 3, "border-color": "#14213d", "font-weight": "bold"},
        },
        {
            "selector": "edge",
            "style": {
                "width": "mapData(weight, 1, 8, 1, 5)",
                "line-color": "#a8b3c2",
                "curve-style": "bezier",
                "opacity": 0.85,
            },
        },
        {"selector": "edge.weak", "style": {"line-style": "dashed"}},
        {
            "selector": "edge.many",
            "style": {
                "curve-style": "haystack",
                "haystack-radius": 0,
                "target-arrow-shape": "none",
            },
        },
        {
            "selector": "edge.directed",
            "style": {
                "target-arrow-shape": "triangle",
                "target-arrow-color": "#a8b3c2",
                "arrow-scale": 0.8,
            },
        },
        {"selector": "node.path", "style": {"border-color": "#f97316", "border-width": 4}},
        {
            "selector": "edge.path",
            "style": {
                "line-color": "#f97316",
                "target-arrow-color": "#f97316",
                "width": 5,
                "z-index": 10,
            },
        },
        {
            "selector": ":selected",
            "style": {
                "border-width": 4,
                "border-color": "#fbbf24",
                "line-color": "#fbbf24",
                "target-arrow-color": "#fbbf24",
            },
        },
    ]


def legend(types: set[str] | None = None) -> html.Div:
    """One swatch per entity type on the chart (all types when ``types`` is None)."""
    shown = [t for t in ENTITY_TYPES if types is None or t in types]
    items = []
    for kind in shown:
        shape, colour = type_style(kind)
        items.append(
            html.Span(
                [
                    html.Span(className=f"swatch shape-{shape}", style={"background": colour}),
                    entity_type(kind).label,
                ],
                className="legend-item",
            )
        )
    return html.Div(items, className="legend")
