"""Clustering judged pairs into entities, under constraints, deterministically.

Edges are applied strongest first, in three passes:

1. analyst "same" decisions (always obeyed);
2. machine "same" judgements *corroborated* by more than the names (same report,
   alias, equal birth date, shared identifiers or associates);
3. machine "same" judgements on names alone — a group joins others by name
   alone only when that is unambiguous: if the groups it could join by name
   cannot all be one (their birth dates differ, or an analyst said "not same"),
   it joins none of them and stays apart, so a bare "Ali HASSAN" never bridges
   two namesakes; and two groups that each name associates or identifiers but
   share none are two people who happen to share a name (two networks).

Two groups never merge when both know a birth date and none agree, or when an
analyst said "not same" for any pair across them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .score import corroborated


@dataclass(slots=True)
class _Group:
    members: list[str]
    births: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)


class Clusters:
    """Union–find over record ids with the constraints above."""

    def __init__(
        self,
        ids: Iterable[str],
        births: Mapping[str, str | None],
        contexts: Mapping[str, frozenset[str]],
    ) -> None:
        self.parent: dict[str, str] = {}
        self.groups: dict[str, _Group] = {}
        for i in ids:
            self.parent[i] = i
            b = births.get(i)
            self.groups[i] = _Group([i], {b} if b else set(), set(contexts.get(i, ())))
        self.forbidden: dict[str, set[str]] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forbid(self, a: str, b: str) -> None:
        """An analyst's "not same": ``a`` and ``b`` may never be in one group."""
        self.forbidden.setdefault(a, set()).add(b)
        self.forbidden.setdefault(b, set()).add(a)

    def compatible(self, ra: str, rb: str) -> bool:
        """Whether the groups rooted at ``ra`` and ``rb`` may become one."""
        if ra == rb:
            return True
        ga, gb = self.groups[ra], self.groups[rb]
        if ga.births and gb.births and not ga.births & gb.births:
            return False
        small, big = (ga, rb) if len(ga.members) <= len(gb.members) else (gb, ra)
        return not any(
            self.find(o) == big for m in small.members for o in self.forbidden.get(m, ())
        )

    def union(self, a: str, b: str, *, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and not self.compatible(ra, rb):
            return False
        if len(self.groups[ra].members) < len(self.groups[rb].members):
            ra, rb = rb, ra
        self.parent[rb] = ra
        g = self.groups.pop(rb)
        self.groups[ra].members.extend(g.members)
        self.groups[ra].births |= g.births
        self.groups[ra].context |= g.context
        return True

    def share_context(self, ra: str, rb: str) -> bool:
        """Whether two groups name a common associate or identifier (or one names none)."""
        ca, cb = self.groups[ra].context, self.groups[rb].context
        return not ca or not cb or not ca.isdisjoint(cb)


def cluster(
    ids: Iterable[str],
    births: Mapping[str, str | None],
    contexts: Mapping[str, frozenset[str]],
    machine: Iterable[tuple[str, str, Mapping[str, float]]],
    analyst_same: Iterable[tuple[str, str]] = (),
    analyst_not_same: Iterable[tuple[str, str]] = (),
) -> dict[str, list[str]]:
    """Group record ids; ``machine`` holds the pairs judged "same" with their reasons.

    Returns root -> member ids (every id in exactly one group).
    """
    c = Clusters(ids, births, contexts)
    for a, b in analyst_not_same:
        if a in c.parent and b in c.parent:
            c.forbid(a, b)
    for a, b in analyst_same:
        if a in c.parent and b in c.parent:
            c.union(a, b, force=True)
    strong, weak = [], []
    for a, b, reasons in machine:
        if a in c.parent and b in c.parent:
            (strong if corroborated(reasons) else weak).append((-sum(reasons.values()), a, b))
    for _, a, b in sorted(strong):
        c.union(a, b)
    candidates: dict[str, set[str]] = {}
    weak = [(w, a, b, c.find(a), c.find(b)) for w, a, b in sorted(weak)]
    for _, _, _, ra, rb in weak:
        if ra != rb:
            candidates.setdefault(ra, set()).add(rb)
            candidates.setdefault(rb, set()).add(ra)
    ambiguous = set()
    for root, others in candidates.items():
        options = sorted({root, *others})
        if any(not c.compatible(x, y) for i, x in enumerate(options) for y in options[i + 1 :]):
            ambiguous.add(root)
    for _, a, b, ra, rb in weak:  # roots as they were before this pass
        if ra not in ambiguous and rb not in ambiguous and c.share_context(c.find(a), c.find(b)):
            c.union(a, b)
    return {root: sorted(g.members) for root, g in c.groups.items()}
