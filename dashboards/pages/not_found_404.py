"""What an unknown address shows: a plain message and the way back."""

from __future__ import annotations

import dash
from dash import dcc, html

dash.register_page(__name__, path="/404", name="Not found", title="Odyssey — not found")


def layout(**_query: str) -> html.Div:
    """A one-line explanation and a link to the overview."""
    return html.Div(
        [
            html.H1("No such page"),
            html.P("This address is not a page of Odyssey."),
            dcc.Link("Back to the overview", href=dash.get_relative_path("/")),
        ]
    )
