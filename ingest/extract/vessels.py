# Arabic letters and typographic quotes are meant here
"""Vessels: IMO numbers (check digit verified with ``python-stdnum``) and vessel names.

IMO numbers: ``IMO 9074729``, ``IMO9074729``, ``IMO: 9074729`` are mentions as
written; with a label word between (``IMO n° 9074729``, ``IMO No. 9074729``,
``IMO رقم 9074729``) the mention is the seven digits, as for a passport number
behind "passport no.". The value is ``IMO`` and the seven digits.

Names are mentions of the vessel too: a name written just before ``(IMO ...)``
or ``, IMO ...`` (quoted, in capitals, or in title case behind a vessel word),
or right after a vessel word in the four languages ("the fishing vessel
YASMINE", "le remorqueur Sidi Bousaid", "el buque «Estrella»", "قارب الصيد
YASMINE"). A name whose IMO number the same text gives takes that number as its
value, so both mentions are one vessel; a name alone is keyed by the name in
capitals. Vessels known only by MMSI or call sign are not extracted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import imo

from odyssey.ingest.extract._text import guarded
from odyssey.ingest.extract.found import Found

_LABEL = r"(?:n\.?[°º]|n[.o]|nr|no|number|num[ée]ro|número|núm|رقم)"
_IMO = guarded(
    re.compile(
        r"(?<![A-Za-z0-9])IMO(?P<label>[\s:#.\-]{0,3}" + _LABEL + r"\.?)?"
        r"[\s:#.\-]{0,3}(?P<digits>[0-9]{7})(?![0-9])",
        re.IGNORECASE,
    )
)
# Words that say a vessel comes next, in the four languages (longest first).
_VESSEL_WORD = guarded(
    re.compile(
        r"(?:(?<![^\W\d_])(?i:fishing\s+vessel|fishing\s+boat|cargo\s+ship|vessel|boat|ship|tugboat|"
        r"trawler|yacht|navire\s+de\s+p[êe]che|navire|bateau|remorqueur|chalutier|cargo|"
        r"barco\s+pesquero|buque|barco|pesquero|remolcador|embarcaci[óo]n)"
        r"|قارب\s+الصيد|سفينة\s+الصيد|سفينة\s+الشحن|مركب\s+الصيد|مركب\s+الشحن|زورق\s+القطر|"
        r"زورق\s+قطر|السفينة|سفينة|القارب|قارب|المركب|مركب|زورق|قاطرة)"
        r"(?![^\W\d_])"
    )
)
_QUOTED = r"""["“«'‘]\s?(?P<quoted>[^"“”«»'‘’\n]{2,40}?)\s?["”»'’]"""
_CAPS = r"(?P<caps>[A-Z0-9][A-Z0-9'&.\-]*(?:[ ][A-Z0-9][A-Z0-9'&.\-]*){0,4})(?![\w'])"
_TITLE = r"(?P<title>[A-Z][a-z][\w'\-]*(?:[ ][A-Z][\w'\-]*){0,3})(?![\w'])"
# A name closing right before "(IMO" or ", IMO".
_NAME_BEFORE = re.compile(r"(?:" + _QUOTED + r"|(?<![\w'])" + _CAPS + r")\s{0,2}[(,]\s{0,2}$")
# A name right after a vessel word.
_NAME_AFTER = re.compile(r"\s{1,2}(?:" + _QUOTED + "|" + _CAPS + "|" + _TITLE + ")")
_FOLLOW = re.compile(r"\s{0,2}[(,]\s{0,2}")
_PREFIXES = ("M/V ", "MV ", "M/T ", "MT ", "M/Y ", "MY ", "F/V ", "FV ")
_NOT_NAMES = frozenset({"IMO", "THE", "OF", "A", "AN", "WITH", "FROM", "FLYING", "REGISTERED"})


def _clean(name: str, start: int) -> tuple[str, int] | None:
    """The name without a prefix such as ``MV``, and where it starts; None when not a name."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name, start = name[len(prefix) :], start + len(prefix)
    name = name.rstrip(" .'-")
    if len(name) < 2 or not any(c.isalpha() for c in name) or name.upper() in _NOT_NAMES:
        return None
    return name, start


def _name_match(m: re.Match[str]) -> tuple[int, int] | None:
    group = next(g for g in ("quoted", "caps", "title") if m.re.groupindex.get(g) and m.group(g))
    cleaned = _clean(m.group(group), m.start(group))
    if cleaned is None:
        return None
    name, start = cleaned
    return start, start + len(name)


def find_vessels(text: str) -> Iterator[Found]:
    """IMO numbers with a valid check digit, and the names of vessels (see the module doc)."""
    names: dict[tuple[int, int], str | None] = {}  # name span -> IMO digits it belongs to
    imo_at: dict[int, str] = {}  # where a valid IMO number starts -> its digits
    for m in _IMO.finditer(text):
        digits = m.group("digits")
        if not imo.is_valid(digits):
            continue
        imo_at[m.start()] = digits
        props = {"imo": digits}
        before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        span = _name_match(before) if before else None
        if span is not None:
            props["name"] = text[span[0] : span[1]].upper()
            names[span] = digits
        yield Found(
            start=m.start("digits") if m.group("label") else m.start(),
            end=m.end(),
            type="Vessel",
            value=f"IMO{digits}",
            method="rule:imo",
            confidence=0.98,
            properties=props,
        )
    for w in _VESSEL_WORD.finditer(text):
        after = _NAME_AFTER.match(text, w.end())
        span = _name_match(after) if after else None
        if span is not None and span not in names and not _IMO.match(text, span[0]):
            follow = _FOLLOW.match(text, span[1])
            names[span] = imo_at.get(follow.end()) if follow else None
    by_name = {text[s:e].upper(): digits for (s, e), digits in names.items() if digits}
    for (start, end), digits in names.items():
        name = text[start:end].upper()
        digits = digits or by_name.get(name)
        props = {"name": name, **({"imo": digits} if digits else {})}
        yield Found(
            start=start,
            end=end,
            type="Vessel",
            value=f"IMO{digits}" if digits else name,
            method="rule:vessel-name",
            confidence=0.9 if digits else 0.75,
            properties=props,
        )
