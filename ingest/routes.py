# Arabic letters are meant here
"""ROUTE links from text: the legs of a route a sentence writes, from origin to destination.

A report writes a route as a chain ("along the route Tripoli – Lampedusa –
Catania", "sur l'itinéraire Dakar – Mbour – Las Palmas", "عبر المسار طبرق -
بنغازي") or as a journey told with cue words ("travelled from Lagos via Agadez
to Tripoli", "a quitté Mbour … a rejoint Madrid après avoir transité par Las
Palmas", "viajó desde Argel hasta Almería pasando por Orán", "غادر طرابلس …
ووصل إلى روما"). Ordering the places is :mod:`odyssey.journeys` (the map of
the app uses it too); this module decides which sentences *are* routes and
turns their stops into legs:

* a chain of two or more places is a route, as written;
* otherwise the sentence must speak of movement (a travel, transport or route
  word in one of the four languages) and give at least two places explicit,
  different roles (origin, transit, destination); places without a cue are
  left out (often where someone was arrested or lives, not a stop).

A stop that is the country another adjacent stop lies in ("Tripoli – Libya")
is not a leg. Each leg carries its place in the route (``order``, 1 from the
origin) and the route's number of legs (``legs``).

>>> text = "X travelled from Lagos via Agadez to Tripoli."
>>> places = [Place(0, 17, 22, "lagos"), Place(1, 27, 33, "agadez"), Place(2, 37, 44, "tripoli")]
>>> [(leg.source, leg.target, leg.order, leg.method) for leg in route_legs(text, places)]
[(0, 1, 1, 'route:cues'), (1, 2, 2, 'route:cues')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from odyssey.journeys import chain, role

#: Confidence of a leg of a route written as a chain, and of one told with cue words.
CHAIN_CONFIDENCE = 0.8
CUES_CONFIDENCE = 0.7

_MOVEMENT = re.compile(
    r"\b(?:travel|left\b|depart|leav(?:e|es|ing)\b|reach|arriv|transit|route|journey|smuggl"
    r"|transport|moved\b|cross(?:ed|ing)\b|sail|steer|drove\b|driv(?:en|ing)\b|head(?:ed|ing)\b"
    r"|ferr(?:y|ied)\b|traffick|via\b|fled\b|flew\b|flown\b|went\b"
    r"|voyag|quitt|parti(?:e|s|es)?\b|rejoi|itin[ée]raire|trajet|achemin|conduit\b|travers|passant\b"
    r"|pilot|viaj|sali(?:ó|o|eron)\b|zarp|lleg|ruta\b|trayecto|traslad|conduj|cruz(?:ó|aron)\b"
    r"|pasando\b|huy(?:ó|eron)\b)"
    r"|سافر|غادر|وصل|عبر|مرور|المسار|نقل|هرب|أبحر|ابحر|باتجاه|رحلة|انطلق|توجه",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention in a sentence: its index in the document's mentions, span and entity.

    ``country`` is the ISO-2 code of the country the place lies in and
    ``is_country`` says whether the place is that country itself, where the
    gazetteer knows it.
    """

    index: int
    start: int
    end: int
    entity: str
    country: str | None = None
    is_country: bool = False


@dataclass(frozen=True, slots=True)
class Leg:
    """One leg of a route: ``source``/``target`` index the document's mentions."""

    source: int
    target: int
    order: int
    legs: int
    method: str
    confidence: float


def route_legs(
    text: str, places: Sequence[Place], sentence: tuple[int, int] | None = None
) -> list[Leg]:
    """The legs of the route a sentence writes among its ``places``, origin first.

    ``sentence`` bounds the sentence inside ``text`` (default: all of it); the
    places lie inside it. No route: an empty list.
    """
    lo, hi = sentence if sentence is not None else (0, len(text))
    first: dict[str, Place] = {}
    for p in sorted(places, key=lambda p: p.start):
        first.setdefault(p.entity, p)
    if len(first) < 2:
        return []
    spans = [(p.start, p.end, p.entity) for p in places]
    stops = chain(text, spans)
    method, confidence = "route:chain", CHAIN_CONFIDENCE
    if len(stops) < 2:
        if not _MOVEMENT.search(text, lo, hi):
            return []
        cued = []
        for p in first.values():
            found = role(text, p.start)
            if found is not None:
                cued.append((found, p.start, p.entity))
        if len({r for r, _, _ in cued}) < 2:
            return []
        stops = list(dict.fromkeys(entity for _r, _s, entity in sorted(cued)))
        method, confidence = "route:cues", CUES_CONFIDENCE
    stops = _without_enclosing_countries([first[e] for e in stops])
    legs = list(pairwise(stops))
    return [
        Leg(a.index, b.index, k, len(legs), method, confidence)
        for k, (a, b) in enumerate(legs, start=1)
    ]


def _without_enclosing_countries(stops: list[Place]) -> list[Place]:
    """The stops less any country that a stop next to it lies in ("Tripoli – Libya")."""
    kept = []
    for i, p in enumerate(stops):
        neighbours = stops[max(0, i - 1) : i] + stops[i + 1 : i + 2]
        if p.is_country and any(not n.is_country and n.country == p.country for n in neighbours):
            continue
        kept.append(p)
    return kept
