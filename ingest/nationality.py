# Arabic letters are meant here
"""A person's nationality as a report states it, as an ISO 3166-1 alpha-2 code.

Police reports state a nationality next to the name, in any of the four
languages, behind a cue word or as a bare adjective in the introducing
parenthesis::

    Ali HASSAN (born 02/05/1984, Libyan national)       Ali HASSAN, a Libyan citizen,
    Ali HASSAN (de nationalité libyenne)                 le ressortissant libyen Ali HASSAN
    Ali HASSAN (de nacionalidad libia)                   el ciudadano libio Ali HASSAN
    علي حسن (ليبي الجنسية)   علي حسن (الجنسية: ليبية)      Ali HASSAN (DOB 1984-05-02, Libyan)

Countries and adjectives come from ``ingest/data/countries.tsv`` (through
``odyssey.ingest.extract.countries``). A country *name* states a nationality
only behind a cue ("nationality: Libya", "citizen of Libya"): "(Libya)" after a
name may as well be where the person lives. Tables state it in a column
(``mappings/subjects.toml``): :func:`nationality_of_value` reads such a cell.

>>> stated_nationality("born 02/05/1984, Libyan national")
'LY'
>>> stated_nationality("née le 3 mai 1990, de nationalité érythréenne")
'ER'
>>> stated_nationality("DOB 1984-05-02, Syrian", bare=True), stated_nationality("Libya", bare=True)
('SY', None)
>>> nationality_before("the Sudanese national ", 23)
'SD'
"""

from __future__ import annotations

import re
from typing import Any

from odyssey.ingest.extract.countries import (
    COUNTRY,
    is_adjective,
    iso_of,
    nationality_of_value,
)

__all__ = [
    "nationality_before",
    "nationality_of_value",
    "stated_nationality",
    "with_nationality_code",
]

# A cue the country form follows: "nationality: ", "de nationalité ", "de nacionalidad ",
# "citizen of ", "ressortissant ", "ciudadana ", "الجنسية ".
_CUE_BEFORE = re.compile(
    r"(?:\bnationality|\bnationalit[ée]|\bnacionalidad|\bcitizens?\s+of(?:\s+the)?"
    r"|\bressortissante?s?(?:\s+(?:de\s+la|de\s+l'|de|du|des|d'))?|\bcitoyen(?:ne)?s?"
    r"|\bciudadan[oa]s?(?:\s+de)?|\bnacional(?:es)?\s+de|الجنسية|جنسيته|جنسيتها|جنسية)"
    r"\s*[:：]?\s*",
    re.IGNORECASE,
)
# A cue the country form stands right before: "Libyan national", "Libyan citizen",
# "ليبي الجنسية", "of Libyan nationality".
_CUE_AFTER = re.compile(r"\s(?:nationals?|citizens?|nationality)\b|\sالجنسية", re.IGNORECASE)
#: Items of a parenthesis: "born 02/05/1984, Libyan national" has two.
_ITEMS = re.compile(r"[^,،;؛]+")
# A noun the adjective follows right before a name: "le ressortissant libyen ",
# "el ciudadano libio ", "المواطن الليبي ".
_NOUN_BEFORE = re.compile(
    r"(?:\bressortissante?s?|\bcitoyen(?:ne)?s?|\bciudadan[oa]s?|\bnacional(?:es)?|المواطن(?:ة)?)\s+"
    r"(?=\S+\s*$)",
    re.IGNORECASE,
)
# "the Libyan national " right before a name.
_NOUN_AFTER = re.compile(r"\s(?:nationals?|citizens?)\s*$", re.IGNORECASE)
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
_WINDOW = 48


def stated_nationality(segment: str, *, bare: bool = False) -> str | None:
    """The nationality ``segment`` states behind a cue word, else None.

    With ``bare`` (the segment is the parenthesis introducing a person, where
    each comma-separated item says one thing), an item that is a nationality
    adjective alone ("Libyan", "libyenne", "ليبي") states it too.
    """
    for cue in _CUE_BEFORE.finditer(segment):
        if (m := COUNTRY.match(segment, cue.end())) is not None:
            return iso_of(m)
    for cue in _CUE_AFTER.finditer(segment):
        if (m := _form_ending_at(segment, cue.start())) is not None:
            return iso_of(m)
    if bare:
        for item in _ITEMS.finditer(segment):
            m = COUNTRY.fullmatch(item.group(0).strip())
            if m is not None and is_adjective(m):
                return iso_of(m)
    return None


def nationality_before(text: str, start: int) -> str | None:
    """The nationality stated by the words right before a name that starts at ``start``.

    "the Libyan national Ali HASSAN", "le ressortissant libyen Ali HASSAN",
    "el ciudadano libio Ali HASSAN", "المواطن الليبي علي حسن".
    """
    window = text[max(0, start - _WINDOW) : start]
    if (cue := _NOUN_AFTER.search(window)) is not None:
        m = _form_ending_at(window, cue.start())
        return iso_of(m) if m is not None else None
    if (cue := _NOUN_BEFORE.search(window)) is not None:
        m = COUNTRY.match(window, cue.end())
        if m is not None and is_adjective(m) and not window[m.end() :].strip():
            return iso_of(m)
    return None


def _form_ending_at(text: str, end: int) -> re.Match[str] | None:
    """The country form that ends right before ``end`` (blanks aside), tried at each word start.

    The country forms are one large pattern; trying it at the few word starts
    before a cue, not at every character, keeps describing a name cheap (it runs
    for every person mention of an ingest).
    """
    stop = len(text[:end].rstrip())
    for w in reversed(list(_WORD_START.finditer(text, max(0, stop - 40), stop))):
        m = COUNTRY.match(text, w.start(), stop)
        if m is not None and m.end() == stop:
            return m
    return None


def with_nationality_code(properties: dict[str, Any]) -> dict[str, Any]:
    """A person's properties from a table or network file, the nationality as an ISO-2 code.

    "Libyan", "libyenne", "ly" become ``"LY"``; a value the country table does
    not know is kept as written under ``nationality_as_written`` (so the
    ``nationality`` property only ever holds codes, which resolution compares and
    the strategic trends count).
    """
    written = properties.get("nationality")
    if written is None:
        return properties
    out = dict(properties)
    code = nationality_of_value(str(written))
    if code is not None:
        out["nationality"] = code
    else:
        out["nationality_as_written"] = out.pop("nationality")
    return out
