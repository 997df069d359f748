"""Change over time: a measure per month or quarter, and who rose and who fell.

Each period's graph holds the links dated in that period (``date`` of the
link record: when it happened, else when it was reported); the measure is a
centrality computed on that slice. Every period from the first dated link to
the last is a slice, so a quiet month shows as one (no entities, no links).

Between consecutive periods *with data*, the entities whose score grew most
*rose*, those whose score dropped most *fell* (an entity absent from a slice
that has data scores 0 there). A period with no dated links is skipped, not
compared: an empty month says the reports are silent, not that everyone fell
to zero and rose again; the change across it names the periods it skipped.

>>> import networkx as nx, datetime as dt
>>> g = nx.Graph()
>>> g.add_edge("a", "b", links=[{"date": dt.date(2026, 1, 5)}])
>>> g.add_edge("b", "c", links=[{"date": dt.date(2026, 3, 5)}])
>>> result = periods(g, by="month")
>>> [(s.period, s.links) for s in result.slices]
[('2026-01', 1), ('2026-02', 0), ('2026-03', 1)]
>>> [(c.before, c.after, c.skipped) for c in result.changes]
[('2026-01', '2026-03', ['2026-02'])]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
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
    """Who rose and who fell from one period with data to the next; ``skipped``: empty ones between."""

    before: str
    after: str
    rose: list[Move]
    fell: list[Move]
    skipped: list[str]


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
    scored: list[tuple[str, dict[Any, float]]] = []  # the periods with data, in order
    empty: list[str] = []
    for period in _span(sorted(sliced), by):
        part = sliced.get(period)
        if part is None:
            result.append(Slice(period, 0, 0, 0, []))
            empty.append(period)
            continue
        values = centrality_scores(part, measure, k=k, seed=seed, backend=backend)  # type: ignore[arg-type]
        scored.append((period, values))
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
    for (first, before), (second, after) in pairwise(scored):
        moves = [
            Move(Node.of(graph, n), before.get(n, 0.0), after.get(n, 0.0))
            for n in set(before) | set(after)
        ]
        moves.sort(key=lambda m: (-m.change, m.node.id))
        rose = [m for m in moves if m.change > 0][:top]
        fell = sorted((m for m in moves if m.change < 0), key=lambda m: (m.change, m.node.id))[:top]
        skipped = [p for p in empty if first < p < second]
        changes.append(Change(first, second, rose, fell, skipped))
    return Periods(by, measure, result, changes, undated)


def _span(present: list[str], by: str) -> list[str]:
    """Every period from the first to the last of ``present`` (sorted keys), gaps included."""
    if not present:
        return []
    out = [present[0]]
    while out[-1] < present[-1]:
        out.append(_next(out[-1], by))
    return out


def _next(period: str, by: str) -> str:
    """The period after ``period`` (``2026-12`` → ``2027-01``, ``2026-Q4`` → ``2027-Q1``)."""
    year, part = period.split("-")
    if by == "month":
        month = int(part) % 12 + 1
        return f"{int(year) + (month == 1):04d}-{month:02d}"
    quarter = int(part[1]) % 4 + 1
    return f"{int(year) + (quarter == 1):04d}-Q{quarter}"


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
