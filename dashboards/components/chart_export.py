"""A link chart as files an analyst takes elsewhere: GraphML (Gephi, i2, networkx) and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import networkx as nx

#: Columns of the CSV export: one row per statement (link record) on the chart.
CSV_COLUMNS = (
    "source_id", "source_label", "source_type", "link_type", "target_id", "target_label",
    "target_type", "confidence", "date", "case", "document", "evidence_start", "evidence_end",
    "link_id",
)  # fmt: skip


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))


def chart_graphml(graph: nx.Graph, communities: Mapping[str, int | None]) -> str:
    """GraphML of the chart: entities (label, type, cases, community, coordinates) and folded links."""
    out = nx.Graph()
    for node, d in graph.nodes(data=True):
        community = communities.get(node)
        out.add_node(
            node,
            label=str(d.get("label", node)),
            type=d.get("type") or "",
            cases=";".join(sorted(d.get("cases", ()))),
            community=-1 if community is None else int(community),
        )
    for a, b, d in graph.edges(data=True):
        records = d.get("links", [])
        out.add_edge(
            a,
            b,
            weight=int(d.get("weight", len(records))),
            type=";".join(d.get("types", [])),
            links=json.dumps([r["id"] for r in records]),
        )
    return "\n".join(nx.generate_graphml(out, prettyprint=True))


def chart_csv(graph: nx.Graph) -> str:
    """CSV of every statement on the chart, both ends' labels and types, and where it is written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    nodes = graph.nodes
    for _a, _b, d in graph.edges(data=True):
        for r in d.get("links", []):
            s, t = nodes[r["source"]], nodes[r["target"]]
            writer.writerow(
                [r["source"], s.get("label", ""), s.get("type", ""), r["type"], r["target"],
                 t.get("label", ""), t.get("type", ""), r["confidence"], _text(r.get("date")),
                 _text(r.get("case")), r["document"], r["start"], r["end"], r["id"]]
            )  # fmt: skip
    return buffer.getvalue()
