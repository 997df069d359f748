"""Overview: what the store holds, and where to go from here."""

from __future__ import annotations

import dash
from dash import dcc, html

from odyssey.dashboards.components.widgets import kpi, panel
from odyssey.dashboards.context import workbench
from odyssey.schema import entity_type

dash.register_page(__name__, path="/", name="Overview", title="Odyssey — overview", order=0)


def layout(**_query: str) -> html.Div:
    """Totals of what the reader may see, then one tile per page."""
    wb = workbench()
    counts = wb.counts()
    entities = sum(counts.entities.values())
    links = sum(counts.links.values())
    by_type = sorted(counts.entities.items(), key=lambda kv: -kv[1])
    tiles = [
        (page["name"], page.get("description") or "", page["relative_path"])
        for page in sorted(
            dash.page_registry.values(), key=lambda p: (p.get("order") or 0, p["path"])
        )
        if page["path"] != "/" and page.get("section")
    ]
    return html.Div(
        [
            html.H1("Overview"),
            html.P(f"Store: {wb.source}", className="muted"),
            html.Div(
                [
                    kpi("Reports", counts.documents),
                    kpi("Cases", counts.cases),
                    kpi("Entities", entities),
                    kpi("Links", links),
                    kpi("Mentions", counts.mentions),
                ],
                className="kpis",
            ),
            html.Div(
                [
                    panel(
                        "Entities by type",
                        html.Table(
                            [
                                html.Tr(
                                    [
                                        html.Td(entity_type(t).label),
                                        html.Td(f"{n:,}", className="num"),
                                    ]
                                )
                                for t, n in by_type
                            ]
                            or [html.Tr(html.Td("Nothing ingested yet."))],
                            className="table",
                        ),
                    ),
                    panel(
                        "Reports by crime category",
                        html.Table(
                            [
                                html.Tr([html.Td(c), html.Td(f"{n:,}", className="num")])
                                for c, n in sorted(counts.documents_by_category.items())
                            ]
                            or [html.Tr(html.Td("Nothing ingested yet."))],
                            className="table",
                        ),
                    ),
                    panel(
                        "Where to go",
                        html.Div(
                            [
                                dcc.Link(
                                    [html.Strong(name), html.Span(desc, className="muted")],
                                    href=href,
                                    className="tile",
                                )
                                for name, desc, href in tiles
                            ],
                            className="tiles",
                        ),
                    ),
                ],
                className="grid-3",
            ),
        ]
    )
