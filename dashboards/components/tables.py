"""Plain HTML tables in the app's look: a header row and body rows, numbers right-aligned.

table(["Case", "Reports"], [["IT-SOM-2026-031", 12]], numeric={1})
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from dash import html


def cell_text(value: Any) -> Any:
    """Integers with thousands separators; anything else (text, "<5", components) as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return value


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    numeric: Collection[int] = (),
    class_name: str = "",
    row_class: str = "",
) -> html.Table:
    """A ``.table``: ``numeric`` are the indexes of the right-aligned (number) columns."""
    head = html.Tr(
        [html.Th(h, className="num" if i in numeric else None) for i, h in enumerate(header)]
    )
    body = [
        html.Tr(
            [
                html.Td(cell_text(v), className="num" if i in numeric else None)
                for i, v in enumerate(row)
            ],
            className=row_class or None,
        )
        for row in rows
    ]
    return html.Table([html.Thead(head), html.Tbody(body)], className=f"table {class_name}".strip())
