"""From a folded subgraph to Cytoscape elements, with each node's centralities and community.

The link chart asks the workbench for a bounded neighbourhood (one edge per
pair of entities, every statement a record with its evidence span and date),
measures it, and hands the browser plain JSON to draw: nodes with
``shape``/``colour_*``/``size_*`` fields the stylesheet maps, edges with their
weight and types. The statements stay on the server: the evidence panel, the
timeline, the map and the exports ask ``Workbench.among`` for them (a hub's edge
can carry thousands, which the browser need not hold).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from odyssey.dashboards.components.chart_style import SIZE_MEASURES, community_colour, type_style
from odyssey.model import Entity
from odyssey.schema import link_type
from odyssey.workbench import Workbench

#: Links below this confidence are drawn dashed (plain co-occurrence in a sentence).
WEAK_CONFIDENCE = 0.5
#: Above this many edges a chart draws them straight (Cytoscape's fast "haystack" edges).
MANY_EDGES = 400


def _scaled(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values(), default=0.0)
    return {k: (v / top if top > 0 else 0.0) for k, v in scores.items()}


def measures(wb: Workbench, graph: nx.Graph) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Each size measure (scaled to 0..1 on this chart) and each node's community index."""
    sized: dict[str, dict[str, float]] = {}
    if graph.number_of_nodes() == 0:
        return sized, {}
    for measure in SIZE_MEASURES:
        if measure == "none":
            continue
        scores = {
            s.node.id: s.score
            for s in wb.centrality(graph, measure=measure, top=None, backend="igraph")
        }
        sized[measure] = _scaled(scores)
    found = wb.communities(graph, method="louvain", seed=0, backend="igraph")
    membership = {
        node.id: i
        for i, group in enumerate(sorted(found.communities, key=len, reverse=True))
        for node in group
    }
    return sized, membership


def elements(
    wb: Workbench,
    graph: nx.Graph,
    *,
    entities: Mapping[str, Entity] | None = None,
    seeds: set[str] = frozenset(),  # type: ignore[assignment]
    path: set[str] = frozenset(),  # type: ignore[assignment]
    path_edges: set[frozenset[str]] = frozenset(),  # type: ignore[assignment]
) -> list[dict[str, Any]]:
    """Cytoscape elements for ``graph`` (a folded chart graph), seeds and path marked.

    ``entities`` (the subgraph's records) give places their coordinates (``lat``/``lon``).
    """
    sized, membership = measures(wb, graph)
    many = graph.number_of_edges() > MANY_EDGES
    out: list[dict[str, Any]] = []
    for node, attrs in graph.nodes(data=True):
        shape, colour = type_style(attrs.get("type", ""))
        data: dict[str, Any] = {
            "id": node,
            "label": attrs.get("label", node),
            "type": attrs.get("type"),
            "cases": sorted(attrs.get("cases", ())),
            "shape": shape,
            "colour_type": colour,
            "community": membership.get(node),
            "colour_community": community_colour(membership.get(node)),
        }
        for measure, scores in sized.items():
            data[f"size_{measure}"] = round(scores.get(node, 0.0), 4)
        record = (entities or {}).get(node)
        if record is not None and record.properties.get("latitude") is not None:
            data["lat"] = float(record.properties["latitude"])
            data["lon"] = float(record.properties["longitude"])
        classes = " ".join(c for c, on in (("seed", node in seeds), ("path", node in path)) if on)
        out.append({"data": data, "classes": classes})
    for a, b, attrs in graph.edges(data=True):
        records = attrs.get("links", ())
        directed = [r for r in records if link_type(r["type"]).directed]
        # draw the arrow the way the statements point, when they agree
        source, target = a, b
        if directed and all(r["source"] == directed[0]["source"] for r in directed):
            source, target = directed[0]["source"], directed[0]["target"]
        classes = []
        if directed and len(directed) == len(records):
            classes.append("directed")
        if max((r["confidence"] for r in records), default=1.0) < WEAK_CONFIDENCE:
            classes.append("weak")
        if frozenset((a, b)) in path_edges:
            classes.append("path")
        if many:
            classes.append("many")
        out.append(
            {
                "data": {
                    "id": f"{source}|{target}",
                    "source": source,
                    "target": target,
                    "weight": attrs.get("weight", len(records)),
                    "types": ", ".join(link_type(t).label for t in attrs.get("types", [])),
                },
                "classes": " ".join(classes),
            }
        )
    return out
