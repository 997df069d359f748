"""The frame around every page: the top bar with the navigation, the message line, the page.

Pages join the navigation by registering with a ``section`` (``Operational``,
``Strategic`` or ``Data``) and an ``order``::

    dash.register_page(__name__, path="/trends", name="Trends", section="Strategic", order=30)

The message line (``ALERT_ID``) shows a failed action as one sentence; any
callback may also fill it with ``set_props(ALERT_ID, {...})`` through :func:`alert`.
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, clientside_callback, dcc, html

#: The message line under the top bar.
ALERT_ID = "app-alert"
#: Navigation sections, in the order they appear.
SECTIONS = ("Operational", "Strategic", "Data")


def alert(message: str, kind: str = "info") -> dict[str, object]:
    """Props for ``set_props(ALERT_ID, alert("..."))``: kind is info, warning or error."""
    return {"children": message, "className": f"alert alert-{kind}", "hidden": False}


def _nav() -> html.Nav:
    pages = sorted(dash.page_registry.values(), key=lambda p: (p.get("order") or 0, p["path"]))
    groups = []
    for section in SECTIONS:
        links = [
            dcc.Link(
                page["name"],
                href=page["relative_path"],
                id={"type": "nav-link", "path": page["path"]},
                className="nav-link",
            )
            for page in pages
            if page.get("section") == section
        ]
        if links:
            groups.append(
                html.Div(
                    [html.Span(section, className="nav-section"), *links], className="nav-group"
                )
            )
    return html.Nav(groups, className="nav")


def shell() -> html.Div:
    """The app's layout: called per request, so it lists every page registered."""
    return html.Div(
        [
            html.Header(
                [
                    dcc.Link(
                        [html.Span("◈", className="brand-mark"), html.Span("Odyssey")],
                        href=dash.get_relative_path("/"),
                        className="brand",
                    ),
                    _nav(),
                ],
                className="topbar",
            ),
            html.Div(
                id=ALERT_ID,
                hidden=True,
                className="alert",
                n_clicks=0,
                title="Click to dismiss",
            ),
            html.Main(dash.page_container, className="page"),
        ],
        className="app",
    )


# The link of the page shown is marked; the message line is hidden on click or page change.
clientside_callback(
    """
    function(pathname, ids) {
        const here = pathname || "/";
        return ids.map(id => (here === id.path || here.endsWith(id.path) && id.path !== "/")
            ? "nav-link active" : "nav-link");
    }
    """,
    Output({"type": "nav-link", "path": ALL}, "className"),
    Input("_pages_location", "pathname"),
    Input({"type": "nav-link", "path": ALL}, "id"),
)

clientside_callback(
    "function(clicks, pathname) { return true; }",
    Output(ALERT_ID, "hidden"),
    Input(ALERT_ID, "n_clicks"),
    Input("_pages_location", "pathname"),
    prevent_initial_call=True,
)
