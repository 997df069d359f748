"""Small building blocks every page uses, so pages look alike: panels, figures, KPI tiles."""

from __future__ import annotations

from typing import Any

from dash import html


def panel(title: str, *body: Any, actions: Any = None, class_name: str = "") -> html.Section:
    """A titled white card; ``actions`` (buttons, a dropdown) sit right of the title."""
    head = [html.H2(title)]
    if actions is not None:
        head.append(html.Div(actions, className="panel-actions"))
    return html.Section(
        [html.Div(head, className="panel-head"), html.Div(list(body), className="panel-body")],
        className=f"panel {class_name}".strip(),
    )


def kpi(label: str, value: int | float | str, note: str = "") -> html.Div:
    """A headline figure with its label (thousands separated)."""
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    parts = [html.Div(shown, className="kpi-value"), html.Div(label, className="kpi-label")]
    if note:
        parts.append(html.Div(note, className="kpi-note"))
    return html.Div(parts, className="kpi")


def empty(message: str) -> html.Div:
    """What a panel shows when there is nothing to show, and why."""
    return html.Div(message, className="empty")
