"""Journeys in report sentences: which place is the origin, which the transit, which the destination.

Reports write routes two ways. As a chain ("along the route Tobruk – Benghazi –
Catania", "itinéraire Dakar – Mbour – Las Palmas"): the chain's order is the
route. Or as a sentence whose words give each place its role ("a quitté Mbour
… a rejoint Madrid après avoir transité par Las Palmas", "travelled from Lagos
via Agadez to Tripoli", "سافر من طرابلس إلى روما"): the cue just before a place
says origin, transit or destination, in English, French, Spanish and Arabic.

>>> text = "She left Lagos on 3 May, reached Tripoli and transited through Agadez."
>>> spans = [(9, 14, "lagos"), (33, 40, "tripoli"), (63, 69, "agadez")]
>>> journey(text, spans)
['lagos', 'agadez', 'tripoli']
>>> journey("the route Tobruk – Benghazi – Catania", [(10, 16, "t"), (19, 27, "b"), (30, 37, "c")])
['t', 'b', 'c']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Between two places of a chain: a dash with spaces, or an arrow.
_CHAIN_GAP = re.compile(r"\s*(?:[–—-]|->|→|>)\s*")
#: How far before a place its cue may stand, in characters.
_CUE_WINDOW = 32

_ORIGIN = (
    r"\bfrom", r"\bleft", r"\bdeparted(?: from)?", r"\bleaving",
    r"\bde", r"\bdepuis", r"\bquitt[ée]", r"\bparti[e]? de",
    r"\bdesde", r"\bsali[óo] de", r"\bparti[óo] de", r"\bdej[óo]",
    r"من", r"غادر",
)  # fmt: skip
_TRANSIT = (
    r"\bvia", r"\bthrough", r"\btransit(?:ed|ing)?(?: through| in| via)?",
    r"\bpar", r"\ben passant par", r"\btransit[ée] (?:par|à)",
    r"\bpor", r"\bv[íi]a", r"\bpasando por", r"\btransit[óo] por",
    r"عبر", r"مرورا ب", r"مروراً ب",
)  # fmt: skip
_DESTINATION = (
    r"\bto", r"\btowards", r"\binto", r"\breached", r"\barrived (?:in|at)", r"\bheaded for",
    r"\bà", r"\bvers", r"\bjusqu'?(?:à|en)", r"\brejoint", r"\barriv[ée]e? (?:à|en)", r"\ben",
    r"\ba", r"\bhacia", r"\bhasta", r"\bllegó a", r"\bllegaron a",
    r"إلى", r"الى", r"وصل",
)  # fmt: skip
_ROLES = (
    (0, re.compile("(?:" + "|".join(_ORIGIN) + r")\s*$", re.IGNORECASE)),
    (1, re.compile("(?:" + "|".join(_TRANSIT) + r")\s*$", re.IGNORECASE)),
    (2, re.compile("(?:" + "|".join(_DESTINATION) + r")\s*$", re.IGNORECASE)),
)
_UNKNOWN = 1  # a place without a cue sits between the origin and the destination


def journey(text: str, places: Sequence[tuple[int, int, str]]) -> list[str]:
    """The stops (place ids, no repeats) from origin to destination of ``places`` in ``text``.

    ``places`` are (start, end, id) spans of place mentions, in any order. A
    chain of two or more places joined by dashes or arrows wins; otherwise each
    place gets the role of the cue right before it (origin, transit, destination;
    none: transit), and the stops are ordered by role, then as written.
    """
    ordered = sorted(places)
    chain = _longest_chain(text, ordered)
    if len(chain) >= 2:
        return list(dict.fromkeys(chain))
    ranked = []
    for i, (start, _end, place) in enumerate(ordered):
        before = text[max(0, start - _CUE_WINDOW) : start]
        # the cue is the nearest one: the end of the text before the place
        role = next((r for r, pattern in _ROLES if pattern.search(before)), _UNKNOWN)
        ranked.append((role, i, place))
    return list(dict.fromkeys(place for _r, _i, place in sorted(ranked)))


def _longest_chain(text: str, ordered: Sequence[tuple[int, int, str]]) -> list[str]:
    best: list[str] = []
    current: list[str] = []
    previous_end = None
    for start, end, place in ordered:
        if previous_end is not None and _CHAIN_GAP.fullmatch(text, previous_end, start):
            current.append(place)
        else:
            current = [place]
        if len(current) > len(best):
            best = list(current)
        previous_end = end
    return best
