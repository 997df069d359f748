"""Change over time: a measure per month or quarter, and who rose and who fell.

Each period's graph holds the links dated in that period (``date`` of the
link record: when it happened, else when it was reported); the measure is a
centrality computed on that slice. Between consecutive periods, the entities
whose score grew most *rose*, those whose score dropped most *fell* (an entity
absent from a slice scores 0 there).

>>> import networkx as nx, datetime as dt
>>> g = nx.Graph()
>>> g.add_edge("a", "b", links=[{"date": dt.date(2026, 1, 5)}])
>>> g.add_edge("b", "c", links=[{"date": dt.date(2026, 2, 5)}])
>>> [s.period for s in periods(g, by="month").slices]
['2026-01', '2026-02']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import networkx as nx

from odyssey.errors import ValidationError

from ._backend import Backend
from ._results import Node, Score, ranked
from .centrality import MEASURES
from .centrality import scores as centrality_scores

By = Literal["month", "quarter"]


@dataclass(frozen=True, slots=True)
class Slice:
    """One period: its size and its top entities by the measure."""

    period: str
    entities: int
    edges: int
    links: int
    top: list[Score]


@dataclass(frozen=True, slots=True)
class Move:
    """An entity's score in two consecutive periods."""

    node: Node
    before: float
    after: float

    @property
    def change(self) -> float:
        """after - before."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Change:
    """Who rose and who fell from one period to the next."""

    before: str
    after: str
    rose: list[Move]
    fell: list[Move]


@dataclass(frozen=True, slots=True)
class Periods:
    """The measure per period and the changes between consecutive periods."""

    by: str
    measure: str
    slices: list[Slice]
    changes: list[Change]
    undated_links: int


def period_of(day: date, by: str) -> str:
    """``2026-03`` for a month, ``2026-Q1`` for a quarter (the store's time-series keys)."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def periods(
    graph: nx.Graph,
    *,
    by: By = "month",
    measure: str = "degree",
    top: int = 5,
    k: int | None = None,
    seed: int = 0,
    backend: Backend = "auto",
) -> Periods:
    """``measure`` on each period's slice of ``graph``, and who rose and fell between slices."""
    if by not in ("month", "quarter"):
        raise ValidationError(f"unknown period {by!r}; use month or quarter")
    if measure not in MEASURES:
        raise ValidationError(f"unknown measure {measure!r}; use {', '.join(MEASURES)}")
    sliced, undated = _slices(graph, by)
    result: list[Slice] = []
    all_scores: list[dict[Any, float]] = []
    for period in sorted(sliced):
        part = sliced[period]
        values = centrality_scores(part, measure, k=k, seed=seed, backend=backend)  # type: ignore[arg-type]
        all_scores.append(values)
        links = sum(w for _, _, w in part.edges(data="weight"))
        result.append(
            Slice(
                period,
                part.number_of_nodes(),
                part.number_of_edges(),
                links,
                ranked(graph, values, top),
            )
        )
    changes = []
    for i in range(1, len(result)):
        before, after = all_scores[i - 1], all_scores[i]
        moves = [
            Move(Node.of(graph, n), before.get(n, 0.0), after.get(n, 0.0))
            for n in set(before) | set(after)
        ]
        moves.sort(key=lambda m: (-m.change, m.node.id))
        rose = [m for m in moves if m.change > 0][:top]
        fell = sorted((m for m in moves if m.change < 0), key=lambda m: (m.change, m.node.id))[:top]
        changes.append(Change(result[i - 1].period, result[i].period, rose, fell))
    return Periods(by, measure, result, changes, undated)


def _slices(graph: nx.Graph, by: str) -> tuple[dict[str, nx.Graph], int]:
    """One graph per period from the dated link records; how many links had no date."""
    sliced: dict[str, nx.Graph] = defaultdict(nx.Graph)
    undated = 0
    for u, v, links in graph.edges(data="links"):
        for record in links or ():
            day = record.get("date")
            if day is None:
                undated += 1
                continue
            part = sliced[period_of(day, by)]
            if part.has_edge(u, v):
                part.edges[u, v]["weight"] += 1
            else:
                part.add_edge(u, v, weight=1)
    return dict(sliced), undated
