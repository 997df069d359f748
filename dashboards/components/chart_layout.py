"""Where each entity sits on a link chart, computed on the server.

Cytoscape's own force layout takes seconds for a few hundred nodes in the
browser; igraph's Fruchterman–Reingold takes milliseconds here, and the browser
only draws (the ``preset`` layout). A grown chart starts from where its entities
were and each new one from beside a neighbour already placed, so the picture
the analyst has read does not jump about. Same chart, same picture (fixed seed).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from statistics import median

import igraph as ig
import networkx as nx

#: The typical length of a link on the chart, in Cytoscape pixels.
EDGE_PX = 130.0
#: From this many entities the layout uses igraph's grid approximation.
GRID_FROM = 150


def positions(
    graph: nx.Graph, previous: Mapping[str, Mapping[str, float]] | None = None
) -> dict[str, dict[str, float]]:
    """``{node: {"x": .., "y": ..}}`` for every node of ``graph``, ``previous`` as the start."""
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    previous = previous or {}
    index = {n: i for i, n in enumerate(nodes)}
    rng = random.Random(len(nodes))
    start: list[list[float]] = []
    for n in nodes:
        if n in previous:
            start.append([previous[n]["x"] / EDGE_PX, previous[n]["y"] / EDGE_PX])
            continue
        placed = [previous[m] for m in graph[n] if m in previous]
        if placed:
            cx = sum(p["x"] for p in placed) / len(placed) / EDGE_PX
            cy = sum(p["y"] for p in placed) / len(placed) / EDGE_PX
            start.append([cx + rng.uniform(-0.5, 0.5), cy + rng.uniform(-0.5, 0.5)])
        else:
            spread = math.sqrt(len(nodes))
            start.append([rng.uniform(-spread, spread), rng.uniform(-spread, spread)])
    if len(nodes) == 1:
        return {nodes[0]: {"x": start[0][0] * EDGE_PX, "y": start[0][1] * EDGE_PX}}
    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges])
    grown = len(previous) > 0
    coords = g.layout_fruchterman_reingold(
        seed=start,
        niter=150 if grown else 400,
        grid=len(nodes) > GRID_FROM,  # approximate far repulsion: ~10x faster on big charts
    ).coords
    lengths = [math.dist(coords[index[a]], coords[index[b]]) for a, b in graph.edges]
    unit = median(lengths) if lengths else 1.0
    scale = EDGE_PX / unit if unit > 0 else EDGE_PX
    return {
        n: {"x": round(x * scale, 1), "y": round(y * scale, 1)}
        for n, (x, y) in zip(nodes, coords, strict=True)
    }
