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
capitals. In capitals (a telegram) the name stops at the words of the sentence around it
("INTERCEPTED TUG SEA FALCON TOWING TWO ..." → ``SEA FALCON``).

An MMSI written with its label (``MMSI 622113470``: the nine digits) and a Spanish
small boat's folio (``7ª-AM-3-12-19``) are Vessel mentions too. Vessels known only by a
call sign are not extracted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import imo

from odyssey.ingest.extract._text import CaseFreeCues, guarded
from odyssey.ingest.extract.found import Found

_LABEL = r"(?:n\.?[°º]|n[.o]|nr|no|number|num[ée]ro|número|núm|رقم)"
_IMO = guarded(
    re.compile(
        r"(?<![A-Za-z0-9])IMO(?P<label>[\s:#.\-]{0,3}" + _LABEL + r"\.?)?"
        r"[\s:#.\-]{0,3}(?P<digits>[0-9]{7})(?![0-9])",
        re.IGNORECASE,
    )
)
# Words that say a vessel comes next, in the four languages (longest first); only the end of a
# match is used, so it may be found in the lower-cased text.
_VESSEL_WORD = CaseFreeCues(
    re.compile(
        r"(?:(?<![^\W\d_])(?:fishing\s+vessel|fishing\s+boat|cargo\s+(?:ship|vessel)|mother\s+ship|"
        r"(?:rubber|inflatable)\s+(?:dinghy|boat)|sailing\s+(?:boat|yacht)|speedboat|sailboat|dinghy|"
        r"vessel|boat|ship|tugboat|tug|trawler|yacht|"
        r"navire\s+de\s+p[êe]che|bateau\s+de\s+p[êe]che|navire|bateau|remorqueur|chalutier|cargo|"
        r"voilier|vedette|canot|"
        r"barco\s+pesquero|buque|barco|pesquero|remolcador|embarcaci[óo]n(?:\s+semirr[íi]gida)?|"
        r"lancha(?:\s+(?:neum[áa]tica|semirr[íi]gida))?|narcolancha|velero|yate)"
        r"|قارب\s+الصيد|سفينة\s+الصيد|سفينة\s+الشحن|مركب\s+الصيد|مركب\s+الشحن|زورق\s+القطر|"
        r"زورق\s+قطر|السفينة|سفينة|القارب|قارب|المركب|مركب|زورق|قاطرة)"
        r"(?![^\W\d_])"
        # "a dinghy marked "ZEUS 7"", "un chalutier nommé ...", "un velero llamado ..."
        r"(?:\s{1,2}(?:marked|named|called|nomm[ée]e?|baptis[ée]e?|llamad[oa]|denominad[oa]|"
        r"المسمى|المسماة|باسم))?",
        re.IGNORECASE,
    )
)
_QUOTED = r"""["“«'‘]\s?(?P<quoted>[^"“”«»'‘’\n]{2,40}?)\s?["”»'’]"""
# A word in capitals may hold a full stop only inside ("ST.MARY"): "EL BARAKA. LES" is two.
_CAPS_WORD = r"[A-Z0-9À-Ý](?:[A-Z0-9À-Ý'&\-]|\.(?=[A-Z0-9]))*"
_CAPS = rf"(?P<caps>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,4}})(?![\w'])"
# Title case, with the small words of names between ("Notre-Dame des Flots", "Virgen del Mar").
_TITLE = (
    r"(?P<title>[A-ZÀ-Ý][a-zà-ÿ][\w'\-]*"
    r"(?:[ ](?:(?:de|del|de la|des|du|of|the)[ ])?[A-ZÀ-Ý][\w'\-]*){0,3})(?![\w'])"
)
# A name closing right before "(IMO" or ", IMO".
_NAME_BEFORE = re.compile(r"(?:" + _QUOTED + r"|(?<![\w'])" + _CAPS + r")\s{0,2}[(,]\s{0,2}$")
# A name right after a vessel word.
_NAME_AFTER = re.compile(r"\s{1,2}(?:" + _QUOTED + "|" + _CAPS + "|" + _TITLE + ")")
_FOLLOW = re.compile(r"\s{0,2}[(,]\s{0,2}")
_PREFIXES = ("M/V ", "MV ", "M/T ", "MT ", "M/Y ", "MY ", "F/V ", "FV ")
_NOT_NAMES = frozenset({"IMO", "THE", "OF", "A", "AN", "WITH", "FROM", "FLYING", "REGISTERED"})
# Words that end a name in capitals (a telegram writes everything so): what stands before the
# name ("INTERCEPTED TUG SEA FALCON") or after it ("SEA FALCON TOWING TWO DINGHIES").
_CAPS_STOP = frozenset(
    [
        "THE",
        "A",
        "AN",
        "AND",
        "OR",
        "OF",
        "WITH",
        "FROM",
        "TO",
        "BY",
        "FOR",
        "AT",
        "ON",
        "IN",
        "INTO",
        "WAS",
        "WERE",
        "IS",
        "ARE",
        "HAS",
        "HAD",
        "NO",
        "TWO",
        "THREE",
        "LE",
        "LES",
        "UN",
        "UNE",
        "ET",
        "OU",
        "PAR",
        "POUR",
        "AVEC",
        "SUR",
        "DANS",
        "QUI",
        "EST",
        "ÉTAIT",
        "AU",
        "AUX",
        "LOS",
        "UNA",
        "UNO",
        "Y",
        "O",
        "CON",
        "POR",
        "PARA",
        "EN",
        "QUE",
        "ES",
        "FUE",
        "ERA",
    ]
)
_VERB_ENDING = re.compile(r"(?:ING|ED|É|ÉE|ÓN|Ó|AIT|ABA|ARON|IERON)$")
# A Spanish small-boat registration ("folio"): list, province, district, number, year.
_FOLIO = re.compile(r"(?<![\w\-])\d[ªa][ \-][A-Z]{2}[ \-]\d[ \-]\d{1,4}[ \-]\d{2}(?![\w\-])")
# An MMSI: nine digits whose first (the zone of the flag) is 2 to 7.
_MMSI = re.compile(
    r"(?<![A-Za-z0-9])MMSI(?:[\s:#.\-]{0,3}(?:n[°º.o]|no|number|num[ée]ro|número)\.?)?"
    r"[\s:#.\-]{0,3}(?P<digits>[2-7][0-9]{8})(?![0-9])",
    re.IGNORECASE,
)


def _clean(name: str, start: int) -> tuple[str, int] | None:
    """The name without a prefix such as ``MV``, and where it starts; None when not a name."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name, start = name[len(prefix) :], start + len(prefix)
    name = name.rstrip(" .'-")
    if len(name) < 2 or not any(c.isalpha() for c in name) or name.upper() in _NOT_NAMES:
        return None
    return name, start


def _name_match(m: re.Match[str], before: bool = False) -> tuple[int, int] | None:
    group = next(g for g in ("quoted", "caps", "title") if m.re.groupindex.get(g) and m.group(g))
    start, end = m.start(group), m.end(group)
    if group == "caps":
        span = _caps_trimmed(m.string, start, end, before)
        if span is None:
            return None
        start, end = span
    cleaned = _clean(m.string[start:end], start)
    if cleaned is None:
        return None
    name, start = cleaned
    return start, start + len(name)


def _caps_trimmed(text: str, start: int, end: int, before: bool) -> tuple[int, int] | None:
    """A name in capitals without the words of the sentence around it.

    Before an IMO number the name is what follows the last vessel word or sentence word
    ("PATROL INTERCEPTED TUG SEA FALCON" → ``SEA FALCON``); after a vessel word it is what
    comes before the first sentence word ("SEA FALCON TOWING TWO" → ``SEA FALCON``).
    """
    if before:
        for w in _VESSEL_WORD.pattern.finditer(text, start, end):
            start = w.end() + 1 if w.end() < end else end
    words = [(m.start(), m.end()) for m in _CAPS_TOKEN.finditer(text, start, end)]
    stops = [i for i, (a, b) in enumerate(words) if _stops_name(text[a:b])]
    if before and stops:
        words = words[stops[-1] + 1 :]
    elif stops:
        words = words[: stops[0]]
    if not words:
        return None
    return words[0][0], words[-1][1]


_CAPS_TOKEN = re.compile(r"\S+")


def _stops_name(word: str) -> bool:
    return word in _CAPS_STOP or (len(word) >= 5 and _VERB_ENDING.search(word) is not None)


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
        span = _name_match(before, before=True) if before else None
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
    yield from _registrations(text)
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


def _registrations(text: str) -> Iterator[Found]:
    """MMSI numbers and Spanish small-boat folios: the vessel's number as written."""
    for m in _MMSI.finditer(text):
        digits = m.group("digits")
        yield Found(
            start=m.start("digits"), end=m.end(), type="Vessel", value=f"MMSI{digits}",
            method="rule:mmsi", confidence=0.9, properties={"mmsi": digits},
        )  # fmt: skip
    for m in _FOLIO.finditer(text):
        folio = re.sub(r"[ \-]", "-", m.group())
        yield Found(
            start=m.start(), end=m.end(), type="Vessel", value=f"FOLIO:{folio}",
            method="rule:folio", confidence=0.9, properties={"folio": folio},
        )  # fmt: skip
