"""A link chart as files an analyst takes elsewhere: GraphML (Gephi, i2, networkx) and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import networkx as nx

#: Columns of the CSV export: one row per statement (link record) on the chart.
CSV_COLUMNS = (
    "source_id", "source_label", "source_type", "link_type", "target_id", "target_label",
    "target_type", "confidence", "date", "case", "document", "evidence_start", "evidence_end",
    "link_id",
)  # fmt: skip


def _split(els: Sequence[dict[str, Any]]) -> tuple[dict[str, dict], list[dict]]:
    nodes = {e["data"]["id"]: e["data"] for e in els if "source" not in e["data"]}
    edges = [e["data"] for e in els if "source" in e["data"]]
    return nodes, edges


def chart_graphml(els: Sequence[dict[str, Any]]) -> str:
    """GraphML of the chart: nodes with label, type, cases, community; edges with weight and types."""
    nodes, edges = _split(els)
    g = nx.Graph()
    for node_id, d in nodes.items():
        attrs = {
            "label": d.get("label", node_id),
            "type": d.get("type") or "",
            "cases": ";".join(d.get("cases", [])),
            "community": -1 if d.get("community") is None else int(d["community"]),
        }
        if "lat" in d:
            attrs.update(latitude=float(d["lat"]), longitude=float(d["lon"]))
        g.add_node(node_id, **attrs)
    for d in edges:
        records = d.get("records", [])
        g.add_edge(
            d["source"],
            d["target"],
            weight=int(d.get("weight", len(records))),
            type=";".join(sorted({r["type"] for r in records})),
            links=json.dumps([r["id"] for r in records]),
        )
    return "\n".join(nx.generate_graphml(g, prettyprint=True))


def chart_csv(els: Sequence[dict[str, Any]]) -> str:
    """CSV of every statement on the chart, with both ends' labels and types and its evidence."""
    nodes, edges = _split(els)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for d in edges:
        for r in d.get("records", []):
            a, b = nodes.get(r["source"], {}), nodes.get(r["target"], {})
            writer.writerow(
                [r["source"], a.get("label", ""), a.get("type", ""), r["type"], r["target"],
                 b.get("label", ""), b.get("type", ""), r["confidence"], r.get("date") or "",
                 r.get("case") or "", r["document"], r["start"], r["end"], r["id"]]
            )  # fmt: skip
    return out.getvalue()
