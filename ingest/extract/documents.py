# Arabic letters and typographic quotes are meant here
"""Passport, ID-card and residence-permit numbers, found behind cue words.

A bare ``A01234567`` could be anything; behind "passport", "passeport n°",
"pasaporte número", "DNI", "titre de séjour", "جواز سفر" or "بطاقة الهوية" it
is a document number. From the cue, :func:`walk_to_number` passes at most five
filler words ("number", "n°", "issued by Libya", "ليبي", "رقم") to the number;
the mention is the number alone. The issuing country comes from a nationality
or country written between cue and number ("passeport nigérian n°"), right
before the cue ("Nigerian passport") or right after the number ("(Nigeria)",
"issued by Libya", "délivré par la Tunisie", "صادر عن ليبيا"); ``XX`` when the
text does not tell.

Spanish DNI (``12345678Z``) and NIE (``X1234567L``) numbers behind an ID-card
cue must carry the right check letter (``python-stdnum``) and are Spanish by
definition; with a wrong letter they are dropped. Document numbers written
without any cue, expiry dates and the holder's name are not extracted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from stdnum.es import dni, nie

from odyssey.ingest.extract._text import compact, guarded, walk_to_number
from odyssey.ingest.extract.countries import (
    country_after,
    country_before,
    country_in_words,
    nationality_of_value,
)
from odyssey.ingest.extract.found import Found

# Cue words per language and document kind (case-insensitive).
_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "passport": (r"passports?", r"(?-i:PP)"),  # "PP no. LY7741208" in telegraphic style
        "travel_document": (
            r"travel\s+documents?",
            r"(?:falsified|forged|fake|false|counterfeit|fraudulent)\s+(?:travel\s+)?documents?",
        ),
        "id_card": (
            r"(?:national\s+)?id(?:entity)?\s+cards?",
            r"identity\s+documents?",
            r"national\s+id(?:entity)?\s+(?:number|no)",
        ),
        "residence_permit": (r"residen(?:ce|t)\s+(?:permit|card)s?",),
    },
    "fr": {
        "passport": (r"passeports?",),
        "travel_document": (
            r"(?:titre|document)s?\s+de\s+voyage",
            r"(?:faux|fausses?)\s+documents?",
            r"documents?\s+(?:falsifi|contrefait)[ée]?s?",
        ),
        "id_card": (
            r"cartes?\s+(?:nationale\s+)?d['’]\s?identit[ée]",
            r"pi[èe]ces?\s+d['’]\s?identit[ée]",
            r"documents?\s+d['’]\s?identit[ée]",
            r"(?-i:CNI)",
        ),
        "residence_permit": (r"(?:titre|carte)s?\s+de\s+s[ée]jour", r"cartes?\s+de\s+r[ée]sident"),
    },
    "es": {
        "passport": (r"pasaportes?",),
        "travel_document": (
            r"documentos?\s+de\s+viaje",
            r"documentos?\s+(?:falsificad|fals)[oa]s?",
        ),
        "id_card": (
            r"(?-i:DNI)",
            r"(?-i:NIE)",
            r"documento\s+(?:nacional\s+)?de\s+identidad",
            r"c[ée]dulas?(?:\s+de\s+identidad)?",
        ),
        "residence_permit": (r"(?-i:TIE)", r"tarjetas?\s+de\s+residencia"),
    },
    "ar": {
        "passport": (r"جوازات\s+(?:ال)?سفر", r"جواز\s+(?:ال)?سفر", r"جواز(?:ه|ها)?"),
        "id_card": (
            r"بطاق(?:ة|ه)\s+(?:ال)?هوي(?:ة|ه|ته|تها)",
            r"البطاق(?:ة|ه)\s+الشخصي(?:ة|ه)",
            r"بطاق(?:ة|ه)\s+(?:ال)?تعريف(?:\s+(?:ال)?وطني(?:ة|ه))?",  # Maghreb usage
            r"الرقم\s+الوطني",
        ),
        "residence_permit": (r"(?:بطاق(?:ة|ه)|تصريح|رخص(?:ة|ه))\s+(?:ال)?إقام(?:ة|ه)",),
    },
}
LANGUAGES = tuple(_CUES)

_METHOD = {
    "passport": "rule:passport",
    "travel_document": "rule:passport",
    "id_card": "rule:id_card",
    "residence_permit": "rule:id_card",
}

# The number: optional 1-3 capitals and a blank or dash ("P 1234567"), then a
# digit and letters/digits, optionally a dash and a check letter ("12345678-Z").
# Or digits grouped by dots ("1.109.967.738", a Colombian cédula), or in blocks of four
# ("5887 4357 7691", as national ID cards such as India's print them).
# Not part of a longer token, a date or a reference.
_NUMBER = re.compile(
    r"(?<![\w+])(?:[0-9]{4}(?: [0-9]{4}){2,3}"
    r"|(?P<prefix>[A-Z]{1,3}[ \-]?)?[0-9][0-9A-Z]{3,13}(?:-[A-Z])?"
    r"|[0-9]{1,3}(?:\.[0-9]{3}){2,3})"
    r"(?![\w+]|[\-/.,][0-9A-Za-z])"
)
# Filler words that already say "number": after them a prefix is part of the number.
_NUMBER_WORDS = frozenset({"no", "n", "nr", "num", "number", "numéro", "numero", "número", "رقم"})
# Fillers that look like a prefix: "NO 1234567", "N 1234567".
_NOT_PREFIXES = frozenset({"N", "NO", "NR", "NUM", "NB", "ID"})
_DNI_SHAPE = re.compile(r"[0-9]{8}[A-Z]")
_NIE_SHAPE = re.compile(r"[XYZ][0-9]{7}[A-Z]")


@lru_cache(maxsize=16)
def _cue_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    alts = []
    for kind in _METHOD:
        forms = [f for lang in languages for f in _CUES[lang].get(kind, ())]
        if forms:
            alts.append(f"(?P<{kind}>{'|'.join(forms)})")
    # Latin cues start and end on a word boundary; Arabic ones may carry a one-letter
    # prefix (و, ب, ل, ف) or the article, so only their end is bounded.
    return guarded(
        re.compile(r"(?<![A-Za-z])(?:" + "|".join(alts) + r")(?![^\W\d_])", re.IGNORECASE)
    )


def _number_ok(m: re.Match[str]) -> bool:
    number = compact(m.group())
    digits = sum(c.isdigit() for c in number)
    return 6 <= len(number) <= 14 and digits >= 4


def _strip_filler_prefix(m: re.Match[str], said_number: bool) -> tuple[int, str]:
    """Start and compact number, without a filler such as "NO " taken for a prefix.

    When a filler already said "number" ("passport no. N 314889"), the letters
    are the number's own prefix and stay.
    """
    prefix = m.group("prefix")
    if prefix and not said_number and prefix.strip(" -") in _NOT_PREFIXES and prefix[-1:] in " -":
        start = m.start() + len(prefix)
        return start, compact(m.group()[len(prefix) :])
    return m.start(), compact(m.group())


_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_CELL = re.compile(r"[^|]+")


def _table_cells(text: str, cue: re.Pattern[str]) -> Iterator[tuple[str, int, int, str | None]]:
    """``(kind, start, end, country)`` of the cells of a pipe table (Markdown, or pasted from
    a spreadsheet) that stand under a document column ("| Passport / ID |", "| Pasaporte |");
    ``country`` is the first nationality written as a whole cell of the row, if any."""
    columns: dict[int, str] = {}
    previous_end = -2
    for row in _TABLE_ROW.finditer(text):
        if row.start() != previous_end + 1:  # a new table starts: its first row is the header
            columns = {}
            cells = list(_CELL.finditer(text, row.start(), row.end()))
            for i, cell in enumerate(cells):
                c = cue.search(cell.group())
                if c is not None:
                    columns[i] = c.lastgroup or "passport"
        elif columns:
            cells = list(_CELL.finditer(text, row.start(), row.end()))
            country = next(
                (iso for c in cells if (iso := nationality_of_value(c.group())) is not None), None
            )
            for i, kind in columns.items():
                if i < len(cells):
                    cell = cells[i]
                    stripped = cell.group().strip()
                    start = (
                        cell.start() + cell.group().index(stripped) if stripped else cell.start()
                    )
                    yield kind, start, start + len(stripped), country
        previous_end = row.end()


def find_documents(text: str, languages: Iterable[str] = LANGUAGES) -> Iterator[Found]:
    """Document numbers behind cue words in ``text``, keyed ``kind:COUNTRY:NUMBER``.

    A cell under a document column of a pipe table counts as behind its cue.
    """
    cue = _cue_pattern(tuple(languages))
    for kind, start, end, country in _table_cells(text, cue):
        m = _NUMBER.fullmatch(text, start, end)
        if m is not None and _number_ok(m):
            yield _document(start, end, kind, compact(m.group()), country or "XX", 0.8)
    for c in cue.finditer(text):
        kind = c.lastgroup or "passport"
        reach = walk_to_number(text, c.end(), _NUMBER, _number_ok)
        if reach is None:
            continue
        m = reach.match
        said_number = any(text[a:b].casefold() in _NUMBER_WORDS for a, b in reach.fillers)
        start, number = _strip_filler_prefix(m, said_number)
        if len(number) < 6:
            continue
        confidence = 0.85 if kind != "travel_document" else 0.8
        scheme = None
        country = None
        if kind in ("id_card", "residence_permit") and (
            _DNI_SHAPE.fullmatch(number) or _NIE_SHAPE.fullmatch(number)
        ):
            scheme = "DNI" if number[0].isdigit() else "NIE"
            if not (dni if scheme == "DNI" else nie).is_valid(number):
                continue
            country, confidence = "ES", 0.97
        country = (
            country
            or country_in_words(text, reach.fillers)
            or country_before(text, c.start())
            or country_after(text, m.end())
            or "XX"
        )
        yield _document(start, m.end(), kind, number, country, confidence, scheme)


def _document(
    start: int,
    end: int,
    kind: str,
    number: str,
    country: str,
    confidence: float,
    scheme: str | None = None,
) -> Found:
    """The document number at ``start:end``, keyed ``kind:COUNTRY:NUMBER``."""
    props = {"scheme": scheme} if scheme else {}
    props.update(kind=kind, number=number, country=country)
    return Found(
        start=start,
        end=end,
        type="IdentityDocument",
        value=f"{kind}:{country}:{number}",
        method=_METHOD[kind],
        confidence=confidence,
        properties=props,
    )
