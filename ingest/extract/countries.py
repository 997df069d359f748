# Arabic letters and typographic quotes are meant here
"""Country names and nationality adjectives in English, French, Spanish and Arabic, to ISO-2.

Used to tell the issuing country of a document ("Nigerian passport",
"passeport nigérian", "pasaporte marroquí", "جواز سفر ليبي", "issued by
Libya", "(Nigeria)"), the country of a plate ("immatriculé en Italie") and a
person's nationality (``odyssey.ingest.nationality``). The table is data,
``ingest/data/countries.tsv`` (sources in ``ingest/data/NOTICE.md``): it covers
the countries of origin, transit and destination that trafficking and
smuggling reports mostly name; extend it freely. It tells names ("Libya") from
adjectives ("Libyan"), because a bare adjective can state a nationality where a
bare country name cannot. Arabic forms match with the article and one-letter
prefixes (ال, و, ب, ل, ف) and with the feminine ending, so ليبي, الليبي and
الليبية all give LY.

>>> nationality_of_value("de nationalité libyenne") is None, nationality_of_value("libyenne")
(True, 'LY')
>>> nationality_of_value("ER"), nationality_of_value("Sudanese"), nationality_of_value("سوري")
('ER', 'SD', 'SY')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from odyssey.regions import country as region_row

DATA_FILE = Path(__file__).parent.parent / "data" / "countries.tsv"


def _fold(s: str) -> str:
    """Lookup form: no accents, case-folded, one kind of apostrophe, dash and blank."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("’", "'")
    return re.sub(r"[\s\-]+", " ", s)


def _parse(path: Path) -> tuple[dict[str, str], dict[str, str], set[str], set[str]]:
    """(Latin forms, Arabic forms, acronyms, adjectives) from the table; forms folded for lookup."""
    latin: dict[str, str] = {}
    arabic: dict[str, str] = {}
    acronyms: set[str] = set()  # "UK", "USA": only in capitals ("usa" is Spanish for "uses")
    adjectives: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    for iso, language, names, adjs in rows[1:]:  # the first row names the columns
        for column, is_adjective in ((names, False), (adjs, True)):
            for form in (f.strip() for f in column.split(";")):
                if not form:
                    continue
                if language == "ar":
                    arabic.setdefault(form, iso)
                    key = form
                else:
                    key = _fold(form)
                    latin.setdefault(key, iso)
                    if form.isupper():
                        acronyms.add(key)
                if is_adjective:
                    adjectives.add(key)
    return latin, arabic, acronyms, adjectives


_LATIN, _ARABIC, _ACRONYMS, _ADJECTIVES = _parse(DATA_FILE)


def _accent_tolerant(pattern_letters: str) -> str:
    """A folded form as a pattern that also matches its accented writings."""
    out = []
    for c in pattern_letters:
        variants = _ACCENTED.get(c)
        out.append(f"[{c}{variants}]" if variants else c)
    return "".join(out)


_ACCENTED = {
    "a": "áàâäãÁÀÂÄÃ",
    "c": "çÇ",
    "e": "éèêëÉÈÊË",
    "i": "íìîïÍÌÎÏ",
    "n": "ñÑ",
    "o": "óòôöõÓÒÔÖÕ",
    "u": "úùûüÚÙÛÜ",
    "y": "ÿŸ",
}


def _latin_pattern(form: str) -> str:
    if form in _ACRONYMS:
        return f"(?-i:{re.escape(form.upper())})"
    words = []
    for word in form.split(" "):
        parts = [_accent_tolerant(re.escape(p)) for p in word.split("'")]
        words.append("['’]".join(parts))
    return r"[\s\-]+".join(words)


_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"

#: Any country form. Group ``lat`` or ``ar`` holds the form itself, without Arabic affixes.
COUNTRY = re.compile(
    _LETTER_BEFORE
    + "(?:(?P<lat>"
    + "|".join(_latin_pattern(f) for f in sorted(_LATIN, key=len, reverse=True))
    + ")|(?:[وبلف]?ال|[وبلف])?(?P<ar>"
    + "|".join(re.escape(f) for f in sorted(_ARABIC, key=len, reverse=True))
    + ")(?:ة|ه)?)"
    + _LETTER_AFTER,
    re.IGNORECASE,
)


def iso_of(m: re.Match[str]) -> str:
    """The ISO-2 code of a :data:`COUNTRY` match."""
    if m.group("lat") is not None:
        return _LATIN[_fold(m.group("lat"))]
    return _ARABIC[m.group("ar")]


def is_adjective(m: re.Match[str]) -> bool:
    """True when a :data:`COUNTRY` match is a nationality adjective ("Libyan", "ليبية"), not a name."""
    if m.group("lat") is not None:
        return _fold(m.group("lat")) in _ADJECTIVES
    return m.group("ar") in _ADJECTIVES


_ISO2 = re.compile(r"[A-Za-z]{2}")


# asked of every span NER calls a person, and names recur: the pattern tries every country form
@lru_cache(maxsize=8192)
def nationality_of_value(written: str) -> str | None:
    """The ISO-2 code of a nationality written as a whole value (a table cell), else None.

    Accepts an ISO 3166-1 alpha-2 code ("LY", "ly") and any country name or
    adjective of the table ("Libyan", "libyenne", "Libia", "ليبي"), alone.
    """
    value = " ".join(written.split()).strip(" .")
    if _ISO2.fullmatch(value) and region_row(value) is not None:
        return value.upper()
    m = COUNTRY.fullmatch(value)
    return iso_of(m) if m is not None else None


def country_in_words(text: str, spans: tuple[tuple[int, int], ...]) -> str | None:
    """The country named by the first of the word ``spans`` that is a country form.

    Tries each word alone and with the next one, for two-word names ("Sierra Leone").
    """
    for i, (s, e) in enumerate(spans):
        end = spans[i + 1][1] if i + 1 < len(spans) else e
        m = COUNTRY.match(text, s, end)
        if m is not None:
            return iso_of(m)
    return None


# A country form ending at most one word before a cue: "the Nigerian passport",
# "a Nigerian diplomatic passport", "Libyan-registered".
_BEFORE = re.compile(r"[\s\-]*+(?:[^\W\d_]++[\s\-]++)?$")


# Where a country form may start: a letter after no letter (COUNTRY's own look-behind).
_WORD_START = re.compile(_LETTER_BEFORE + r"[^\W\d_]")


def country_before(text: str, pos: int, *, reach: int = 40) -> str | None:
    """The country whose form ends right before ``pos`` (at most one word in between).

    The forms are tried where words start, left to right without overlaps, as
    ``COUNTRY.finditer`` would find them, but without trying the long pattern at
    every character.
    """
    best, free = None, 0
    for w in _WORD_START.finditer(text, max(0, pos - reach), pos):
        if w.start() < free:
            continue
        m = COUNTRY.match(text, w.start(), pos)
        if m is None:
            continue
        free = m.end()
        if _BEFORE.match(text, m.end(), pos):
            best = m
    return iso_of(best) if best is not None else None


# After a number: "(Nigeria)", ", Nigeria", "issued by Libya", "délivré par la Tunisie",
# "expedido en Marruecos", "صادر عن ليبيا".
_AFTER = re.compile(
    r"\s*+(?P<brief>[(,])?\s*+(?P<verb>issued|d[ée]livr[ée]e?s?|emitid[oa]s?|expedid[oa]s?"
    r"|otorgad[oa]s?|(?:ال)?صادر(?:ة|ه)?(?![^\W\d_]))?",
    re.IGNORECASE,
)


def country_after(text: str, pos: int) -> str | None:
    """The issuing country written right after ``pos``: in brackets or after a comma
    ("(Nigeria)"), or after "issued by/in", "délivré par", "expedido en", "صادر عن" within
    four words."""
    m = _AFTER.match(text, pos)
    assert m is not None  # every part is optional
    if m.group("verb"):
        words = 4
    elif m.group("brief"):
        words = 0
    else:
        return None
    p = m.end()
    for _ in range(words + 1):
        p = _SKIP.match(text, p).end()  # type: ignore[union-attr]
        c = COUNTRY.match(text, p)
        if c is not None:
            return iso_of(c)
        w = _WORD.match(text, p)
        if w is None:
            return None
        p = w.end()
    return None


_SKIP = re.compile(r"[\s'’]*+")
_WORD = re.compile(r"[^\W\d_]++")
