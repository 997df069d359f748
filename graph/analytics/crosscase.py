"""Cross-case links: entities that several cases share, and the case-to-case graph.

No single country sees a whole network; the phone number that a trafficking
case in Spain and a smuggling case in Italy both contain is the lead. An
entity belongs to a case when a report of that case states one of its links
(the projection records each link's case).

Not every shared entity says as much. A phone, an account or a passport is one
thing whoever writes it down: two cases holding it are joined. A person is
joined by name (entity resolution decides which names are one person). A city
is in many unrelated cases, and an organisation is as often an authority or a
bank as a front company. So shared entities are ranked first by the
:data:`STRENGTH` of their type (identifiers, then people, then addresses,
organisations and events, then places), then with the headline first within
it: different crime types, then different countries, then the number of cases.
The reason says how strong the link is, and why.

>>> import networkx as nx
>>> g = nx.Graph(cases={})
>>> g.add_node("phone", type="Phone", label="+39 333"); g.add_node("rome", type="Location", label="Rome")
>>> for person, case in (("a", "IT-1"), ("b", "ES-2")):
...     g.add_edge(person, "phone", links=[{"case": case}]); g.add_edge(person, "rome", links=[{"case": case}])
>>> [(s.node.id, s.strength) for s in cross_case(g).shared]
[('phone', 'strong'), ('rome', 'weak')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from odyssey.schema import ENTITY_TYPES, is_identifier

from ._results import Node

#: How strongly a shared entity of each type joins two cases: 3 strong, 0 weak.
STRENGTH: dict[str, int] = {
    **{t: 3 for t in ENTITY_TYPES if is_identifier(t)},  # the same phone, account, document...
    "Person": 2,  # the same name: strong once resolution has judged it one person
    "Address": 1,  # a flat or a shop, but often a block of many
    "Organization": 1,  # a front company, or an authority, bank or NGO every case mentions
    "Event": 1,
    "Location": 0,  # a city or a country: weak on its own
}
#: The entity types that make leads, the default of views listing cross-case links:
#: all but places and events (they join many cases without meaning much).
LEAD_TYPES: tuple[str, ...] = tuple(t for t in ENTITY_TYPES if t not in ("Location", "Event"))
#: What each strength is called in results, and what it means for the analyst.
STRENGTH_WORDS: dict[int, tuple[str, str]] = {
    3: ("strong", "a shared identifier is the same thing in both cases"),
    2: ("strong", "the same person by name: check the resolution"),
    1: ("moderate", "check that it is specific, not one every case mentions"),
    0: ("weak", "a shared place is weak evidence on its own"),
}


@dataclass(frozen=True, slots=True)
class CaseRef:
    """A case as cross-case results show it."""

    id: str
    country: str | None
    crime_category: str | None


@dataclass(frozen=True, slots=True)
class SharedEntity:
    """An entity found in several cases, and why that matters."""

    node: Node
    cases: list[CaseRef]
    cross_crime: bool
    cross_border: bool
    strength: str
    why: str


@dataclass(frozen=True, slots=True)
class CaseLink:
    """Two cases joined by the entities they share (strongest first) and the strongest's strength."""

    a: CaseRef
    b: CaseRef
    shared: list[Node]
    strength: str
    why: str


@dataclass(frozen=True, slots=True)
class CrossCase:
    """Shared entities (strongest first) and the case-to-case links; ``cases``: all cases seen."""

    shared: list[SharedEntity]
    case_links: list[CaseLink]
    cases: list[str]


def entity_cases(graph: nx.Graph) -> dict[Any, set[str]]:
    """The cases of every entity: those of its links' reports (and its ``cases`` attribute)."""
    found: dict[Any, set[str]] = defaultdict(set)
    for node, cases in graph.nodes(data="cases"):
        found[node].update(cases or ())
    for u, v, links in graph.edges(data="links"):
        for record in links or ():
            if record.get("case"):
                found[u].add(record["case"])
                found[v].add(record["case"])
    return found


def strength_of(entity_type: str | None) -> int:
    """How strongly a shared entity of ``entity_type`` joins cases (see :data:`STRENGTH`)."""
    return STRENGTH.get(entity_type or "", 1)


def cross_case(graph: nx.Graph) -> CrossCase:
    """Entities shared by two or more cases, and the cases they join, strongest first, each with why."""
    info = graph.graph.get("cases", {})
    refs_of: dict[str, CaseRef] = {}

    def ref(case_id: str) -> CaseRef:
        found = refs_of.get(case_id)
        if found is None:
            case = info.get(case_id)
            found = refs_of[case_id] = (
                CaseRef(case_id, None, None)
                if case is None
                else CaseRef(case_id, case.country, case.crime_category)
            )
        return found

    ranked: list[tuple[tuple[Any, ...], SharedEntity]] = []
    entities: list[Node] = []  # the shared entities, in the order their case lists are kept
    levels: list[int] = []
    join_keys: list[tuple[Any, ...]] = []  # how an entity ranks inside a case link
    case_lists: list[list[str]] = []
    membership = entity_cases(graph)
    for node, cases in membership.items():
        if len(cases) < 2:
            continue
        ordered = sorted(cases)
        refs = [ref(c) for c in ordered]
        crimes = {r.crime_category for r in refs if r.crime_category}
        countries = {r.country for r in refs if r.country}
        entity = Node.of(graph, node)
        level = strength_of(entity.type)
        shared = SharedEntity(
            entity,
            refs,
            len(crimes) > 1,
            len(countries) > 1,
            STRENGTH_WORDS[level][0],
            _why(entity, refs, level),
        )
        # strongest first; then the headline; then the best connected (more to follow up), by name
        contacts = len(graph._adj[node])
        ranked.append(((-level, *_headline(shared), -contacts, entity.label, entity.id), shared))
        entities.append(entity)
        levels.append(level)
        join_keys.append((-level, -contacts, entity.label, entity.id))
        case_lists.append(ordered)
    ranked.sort(key=lambda r: r[0])
    links = [
        _case_link(ref(a), ref(b), [entities[i] for i in members], levels[members[0]])
        for a, b, members in _case_pairs(case_lists, join_keys, levels)
    ]
    seen = sorted(set().union(*membership.values()))
    return CrossCase([s for _, s in ranked], links, seen)


def _case_pairs(
    case_lists: list[list[str]], join_keys: list[tuple[Any, ...]], levels: list[int]
) -> list[tuple[str, str, list[int]]]:
    """Every pair of cases that share an entity, strongest first, with the entities' indices.

    Entity ``i`` is in the cases ``case_lists[i]`` (sorted). A pair's entities come
    in ``join_keys`` order; pairs are ordered by the level of their first entity,
    then by how many they share, then by case ids. With hub entities nearly every
    two cases share one (an entity in 300 cases alone makes 44 850 pairs), so the
    pairs are made and grouped with numpy, not one Python tuple at a time.
    """
    if not case_lists:
        return []
    case_ids = sorted({c for cases in case_lists for c in cases})
    index = {c: i for i, c in enumerate(case_ids)}
    rank = np.empty(len(join_keys), dtype=np.int64)
    rank[sorted(range(len(join_keys)), key=join_keys.__getitem__)] = np.arange(len(join_keys))
    by_size: dict[int, list[int]] = defaultdict(list)
    for i, cases in enumerate(case_lists):
        by_size[len(cases)].append(i)
    firsts, seconds, owners = [], [], []
    for size, members in by_size.items():
        cases = np.array([[index[c] for c in case_lists[i]] for i in members], dtype=np.int64)
        upper = np.triu_indices(size, 1)
        firsts.append(cases[:, upper[0]].ravel())
        seconds.append(cases[:, upper[1]].ravel())
        owners.append(np.repeat(np.array(members, dtype=np.int64), len(upper[0])))
    a, b, owner = np.concatenate(firsts), np.concatenate(seconds), np.concatenate(owners)
    code = a * len(case_ids) + b
    order = np.lexsort((rank[owner], code))  # by pair, then entities in join-key order
    code, owner = code[order], owner[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    counts = np.diff(np.r_[starts, len(code)])
    pair_a, pair_b = code[starts] // len(case_ids), code[starts] % len(case_ids)
    level = np.asarray(levels, dtype=np.int64)[owner[starts]]
    members, begin, size = owner.tolist(), starts.tolist(), counts.tolist()
    firsts_of, seconds_of = pair_a.tolist(), pair_b.tolist()  # Python ints: numpy scalars are slow
    return [
        (
            case_ids[firsts_of[p]],
            case_ids[seconds_of[p]],
            members[begin[p] : begin[p] + size[p]],
        )
        for p in np.lexsort((pair_b, pair_a, -counts, -level)).tolist()
    ]


def _case_link(a: CaseRef, b: CaseRef, entities: list[Node], level: int) -> CaseLink:
    """Two cases and what they share (strongest first), with the sentence that says why."""
    names = ", ".join(f"{e.type or 'entity'} {e.label}" for e in entities[:5])
    more = f" and {len(entities) - 5} more" if len(entities) > 5 else ""
    why = f"{a.id} and {b.id} share {names}{more}{_contrast(a, b)} ({STRENGTH_WORDS[level][0]})"
    return CaseLink(a, b, entities, STRENGTH_WORDS[level][0], why)


def _headline(shared: SharedEntity) -> tuple[bool, bool, int]:
    """Within one strength: across crime types, then across borders, then more cases first."""
    return (not shared.cross_crime, not shared.cross_border, -len(shared.cases))


def case_graph(result: CrossCase) -> nx.Graph:
    """The case-to-case graph: a node per case, an edge per shared set (``weight`` = entities,
    ``strength`` = that of the strongest shared entity)."""
    graph = nx.Graph()
    for link in result.case_links:
        for case in (link.a, link.b):
            graph.add_node(case.id, country=case.country, crime_category=case.crime_category)
        graph.add_edge(
            link.a.id,
            link.b.id,
            weight=len(link.shared),
            shared=[n.id for n in link.shared],
            strength=link.strength,
            why=link.why,
        )
    return graph


def _describe(case: CaseRef) -> str:
    detail = ", ".join(x for x in (case.country, case.crime_category) if x)
    return f"{case.id} ({detail})" if detail else case.id


def _contrast(a: CaseRef, b: CaseRef) -> str:
    notes = []
    if a.crime_category and b.crime_category and a.crime_category != b.crime_category:
        notes.append(f"across crime types ({a.crime_category} / {b.crime_category})")
    if a.country and b.country and a.country != b.country:
        notes.append(f"across borders ({a.country} / {b.country})")
    return ": " + " and ".join(notes) if notes else ""


def _why(entity: Node, refs: list[CaseRef], level: int) -> str:
    where = ", ".join(_describe(r) for r in refs)
    crimes = sorted({r.crime_category for r in refs if r.crime_category})
    countries = sorted({r.country for r in refs if r.country})
    notes = []
    if len(crimes) > 1:
        notes.append(f"different crime types ({', '.join(crimes)})")
    if len(countries) > 1:
        notes.append(f"different countries ({', '.join(countries)})")
    tail = ": " + " and ".join(notes) if notes else ""
    word, meaning = STRENGTH_WORDS[level]
    return (
        f"{entity.type or 'entity'} {entity.label} appears in {len(refs)} cases: {where}{tail}"
        f" ({word}: {meaning})"
    )
