"""Small records that analyses return: entities as an analyst reads them, JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

import networkx as nx

_NO_ATTRIBUTES: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class Node:
    """An entity in a result: its id, type and label."""

    id: str
    type: str | None
    label: str

    @classmethod
    def of(cls, graph: nx.Graph, node: Any) -> Node:
        """The node of ``graph`` as a result shows it (label defaults to the id).

        Reads networkx's node-attribute dict directly: results list every node of
        a 100 000-node graph, and the public view costs more than the rest.
        """
        attrs = graph._node.get(node, _NO_ATTRIBUTES)
        return cls(str(node), attrs.get("type"), str(attrs.get("label", node)))

    def __str__(self) -> str:
        return f"{self.label} [{self.id}]" if self.label != self.id else self.id


@dataclass(frozen=True, slots=True)
class Score:
    """An entity and a number (a centrality, a removal score...)."""

    node: Node
    score: float


def ranked(graph: nx.Graph, scores: dict[Any, float], top: int | None = None) -> list[Score]:
    """``scores`` best first (ties by node id, so the order is stable), at most ``top``."""
    order = sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if top is not None:
        order = order[:top]
    return [Score(Node.of(graph, n), float(s)) for n, s in order]


def to_jsonable(value: Any) -> Any:
    """Dataclasses, sets and dates as plain JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(to_jsonable(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
