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
from itertools import combinations
from typing import Any

import networkx as nx

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

    def ref(case_id: str) -> CaseRef:
        case = info.get(case_id)
        if case is None:
            return CaseRef(case_id, None, None)
        return CaseRef(case_id, case.country, case.crime_category)

    ranked: list[tuple[tuple[Any, ...], SharedEntity]] = []
    joins: dict[tuple[str, str], list[tuple[tuple[Any, ...], Node]]] = defaultdict(list)
    membership = entity_cases(graph)
    for node, cases in membership.items():
        if len(cases) < 2:
            continue
        refs = [ref(c) for c in sorted(cases)]
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
        for a, b in combinations(sorted(cases), 2):
            joins[a, b].append(((-level, -contacts, entity.label, entity.id), entity))
    ranked.sort(key=lambda r: r[0])
    links = []
    for (a, b), keyed in joins.items():
        entities = [entity for _, entity in sorted(keyed, key=lambda k: k[0])]
        ra, rb = ref(a), ref(b)
        level = strength_of(entities[0].type)
        names = ", ".join(f"{e.type or 'entity'} {e.label}" for e in entities[:5])
        more = f" and {len(entities) - 5} more" if len(entities) > 5 else ""
        why = f"{a} and {b} share {names}{more}{_contrast(ra, rb)} ({STRENGTH_WORDS[level][0]})"
        links.append((level, CaseLink(ra, rb, entities, STRENGTH_WORDS[level][0], why)))
    links.sort(key=lambda r: (-r[0], -len(r[1].shared), r[1].a.id, r[1].b.id))
    seen = sorted(set().union(*membership.values()))
    return CrossCase([s for _, s in ranked], [link for _, link in links], seen)


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
