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

Two groups never merge when both know a birth date and none agree, when both
are written with full names (two words or more) and none of one agrees with any
of the other, nor is a "known as" of the other — a nickname shared by ``Hussein
KADIR`` and ``Ali EL MASRY`` (even a two-word one, "Big Brother") must not make
them one man — or when an analyst said "not same" for any pair across them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .names import Name
from .score import compare_names, corroborated


@dataclass(slots=True)
class _Group:
    members: list[str]
    births: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    #: Full names the group's records are written with, by key (one Name per distinct key).
    names: dict[str, Name] = field(default_factory=dict)
    #: Keys of the full names the group's records are also known as.
    known_as: set[str] = field(default_factory=set)


@lru_cache(maxsize=500_000)
def names_agree(x: Name, y: Name) -> bool:
    """Whether two full names can be one person's: every word of the shorter in the longer."""
    m = compare_names(x, y)
    return m.missing == 0 and m.matched >= 1 and not m.initials_conflict


class Clusters:
    """Union–find over record ids with the constraints above."""

    def __init__(
        self,
        ids: Iterable[str],
        births: Mapping[str, str | None],
        contexts: Mapping[str, frozenset[str]],
        names: Mapping[str, Sequence[Name]] | None = None,
    ) -> None:
        """``names[id]`` is a record's own name first, then its "known as"."""
        self.parent: dict[str, str] = {}
        self.groups: dict[str, _Group] = {}
        names = names or {}
        for i in ids:
            self.parent[i] = i
            b = births.get(i)
            own, *known_as = names.get(i, ()) or (None,)
            self.groups[i] = _Group(
                [i],
                {b} if b else set(),
                set(contexts.get(i, ())),
                {own.key: own} if own is not None and own.full else {},
                {n.key for n in known_as if n.full},
            )
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
        if (
            ga.names
            and gb.names
            and ga.names.keys().isdisjoint(gb.names.keys())
            and ga.names.keys().isdisjoint(gb.known_as)
            and gb.names.keys().isdisjoint(ga.known_as)
            and not any(names_agree(x, y) for x in ga.names.values() for y in gb.names.values())
        ):
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
        for key, name in g.names.items():
            self.groups[ra].names.setdefault(key, name)
        self.groups[ra].known_as |= g.known_as
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
    names: Mapping[str, Sequence[Name]] | None = None,
) -> dict[str, list[str]]:
    """Group record ids; ``machine`` holds the pairs judged "same" with their reasons.

    ``names`` gives each record's names (its own and its "known as"), for the
    full-name constraint. Returns root -> member ids (every id in exactly one group).
    """
    c = Clusters(ids, births, contexts, names)
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
