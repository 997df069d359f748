"""Journeys in report sentences: which place is the origin, which the transit, which the destination.

Reports write routes two ways. As a chain ("along the route Tobruk – Benghazi –
Catania", "itinéraire Dakar – Mbour – Las Palmas"): the chain's order is the
route. Or as a sentence whose words give each place its role ("a quitté Mbour
… a rejoint Madrid après avoir transité par Las Palmas", "travelled from Lagos
via Agadez to Tripoli", "سافر من طرابلس إلى روما"): the cue just before a place
says origin, transit or destination, in English, French, Spanish and Arabic.
The map of the app orders the places of an evidence sentence with
:func:`journey`; extraction writes ``ROUTE`` links from :func:`chain` and
:func:`role` (``odyssey.ingest.routes``).

>>> text = "She left Lagos on 3 May, reached Tripoli and transited through Agadez."
>>> spans = [(9, 14, "lagos"), (33, 40, "tripoli"), (63, 69, "agadez")]
>>> journey(text, spans)
['lagos', 'agadez', 'tripoli']
>>> journey("the route Tobruk – Benghazi – Catania", [(10, 16, "t"), (19, 27, "b"), (30, 37, "c")])
['t', 'b', 'c']
>>> role("intercepté au large de Lampedusa", 23) == DESTINATION
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Between two places of a chain: a dash with spaces, or an arrow.
_CHAIN_GAP = re.compile(r"\s*(?:[–—-]|->|→|>)\s*")
#: How far before a place its cue may stand, in characters.
_CUE_WINDOW = 32

#: The roles a cue gives the place after it, in travel order.
ORIGIN, TRANSIT, DESTINATION = 0, 1, 2

_ORIGIN = (
    r"\bfrom", r"\bleft", r"\bdeparted(?: from)?", r"\bleaving",
    r"\bde", r"\bd'", r"\bdu", r"\bdes", r"\bdepuis", r"\bquitt[ée]", r"\bparti[e]? de",
    r"\bdesde", r"\bdel", r"\bsali[óo] de", r"\bparti[óo] de", r"\bdej[óo]", r"\bzarp[óo] de",
    r"من", r"غادر", r"غادرت",
)  # fmt: skip
_TRANSIT = (
    r"\bvia", r"\bthrough", r"\btransit(?:ed|ing)?(?: through| in| via)?",
    r"\bpar", r"\ben passant par", r"\btransit[ée] (?:par|à)",
    r"\bpor", r"\bv[íi]a", r"\bpasando por", r"\btransit[óo] por", r"\btransitar por",
    r"عبر", r"مرور\S*\s+بـ?",
)  # fmt: skip
_DESTINATION = (
    r"\bto", r"\btowards", r"\binto", r"\breached", r"\barrived (?:in|at)", r"\bheaded for", r"\boff",
    r"\bà", r"\bau", r"\baux", r"\bvers", r"\bjusqu'?(?:à|en|au)", r"\brejoint", r"\barriv[ée]e? (?:à|en|au)",
    r"\ben", r"\bau large d(?:e|u|es|')",
    r"\ba", r"\bal", r"\bhacia", r"\bhasta", r"\bllegó a", r"\bllegaron a", r"\bfrente a",
    r"إلى", r"الى", r"وصل", r"وصلت", r"باتجاه", r"قبالة",
)  # fmt: skip
#: An article may stand between the cue and the place ("from the United Kingdom", "de la Libye").
_ARTICLE = r"(?:\s+(?:the|la|le|les|el|los|las)\b|\s+l')?"
_ROLES = tuple(
    (kind, re.compile("(?:" + "|".join(cues) + ")" + _ARTICLE + r"[\sـ]*$", re.IGNORECASE))
    for kind, cues in ((ORIGIN, _ORIGIN), (TRANSIT, _TRANSIT), (DESTINATION, _DESTINATION))
)


def journey(text: str, places: Sequence[tuple[int, int, str]]) -> list[str]:
    """The stops (place ids, no repeats) from origin to destination of ``places`` in ``text``.

    ``places`` are (start, end, id) spans of place mentions, in any order. A
    chain of two or more places joined by dashes or arrows wins; otherwise each
    place gets the role of the cue right before it (origin, transit, destination;
    none: transit), and the stops are ordered by role, then as written.
    """
    ordered = sorted(places)
    stops = chain(text, ordered)
    if len(stops) >= 2:
        return stops
    ranked = []
    for i, (start, _end, place) in enumerate(ordered):
        found = role(text, start)
        ranked.append((TRANSIT if found is None else found, i, place))
    return list(dict.fromkeys(place for _r, _i, place in sorted(ranked)))


def role(text: str, start: int) -> int | None:
    """The role (:data:`ORIGIN`, :data:`TRANSIT`, :data:`DESTINATION`) the cue right before ``start`` gives.

    None when no cue stands right before the place. When cues of several roles
    end there, the longest wins: "au large de Lampedusa" is a destination,
    although "de" alone would be an origin.
    """
    before = text[max(0, start - _CUE_WINDOW) : start]
    best: tuple[int, int] | None = None  # (where the cue starts, role)
    for kind, pattern in _ROLES:
        m = pattern.search(before)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best is not None else None


def chain(text: str, places: Sequence[tuple[int, int, str]]) -> list[str]:
    """The longest run of ``places`` joined by dashes or arrows, as written (ids, no repeats)."""
    best: list[str] = []
    current: list[str] = []
    previous_end = None
    for start, end, place in sorted(places):
        if previous_end is not None and _CHAIN_GAP.fullmatch(text, previous_end, start):
            current.append(place)
        else:
            current = [place]
        if len(current) > len(best):
            best = list(current)
        previous_end = end
    return list(dict.fromkeys(best))
