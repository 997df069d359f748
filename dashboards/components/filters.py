"""Filter controls the analysis pages share: a labelled field, crime categories, a date window.

filter_bar(
    field("Crime category", category_dropdown("tr-categories"), html_for="tr-categories"),
    field("Date window", date_window("tr-dates")),
)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import dcc, html

from odyssey.model import CrimeCategory


def category_label(value: str) -> str:
    """A crime category (or any lower-case group) as a manager reads it: capitalised."""
    return value[:1].upper() + value[1:] if value.islower() else value


def field(label: str, control: Any, *, html_for: str | None = None, wide: bool = False) -> html.Div:
    """A control with its label above it; ``wide`` fields share the bar's spare width."""
    head = (
        html.Label(label, htmlFor=html_for)
        if html_for
        else html.Label(label, className="field-label")
    )
    return html.Div([head, control], className="field tr-wide" if wide else "field")


def filter_bar(*fields: Any) -> html.Div:
    """Fields in one wrapping row."""
    return html.Div(list(fields), className="tr-filters")


def category_dropdown(component_id: str) -> dcc.Dropdown:
    """Crime categories, several at once; none picked means all."""
    return dcc.Dropdown(
        id=component_id,
        options=[{"label": category_label(c.value), "value": c.value} for c in CrimeCategory],
        multi=True,
        placeholder="All categories",
    )


def date_window(
    component_id: str, span: tuple[date | None, date | None] = (None, None)
) -> dcc.DatePickerRange:
    """An inclusive date window, empty by default (no bound); ``span`` bounds the calendar."""
    return dcc.DatePickerRange(
        id=component_id,
        display_format="YYYY-MM-DD",
        start_date_placeholder_text="From",
        end_date_placeholder_text="Until",
        min_date_allowed=span[0],
        max_date_allowed=span[1],
        initial_visible_month=span[1],
        clearable=True,
    )


def day(value: str | None) -> date | None:
    """The date a date picker sends (``YYYY-MM-DD``, maybe with a time), or None."""
    return date.fromisoformat(value[:10]) if value else None
