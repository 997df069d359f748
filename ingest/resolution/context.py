"""What a report says about a person right after naming them: birth date, nationality, "known as".

Police reports introduce a subject once with a parenthesis or an alias, in any
of the four languages::

    Ali HASSAN (born 02/05/1984, Libyan national) alias "Abu Khaled"
    Ali HASSAN (né le 2 mai 1984, de nationalité libyenne) dit « Le Borgne »
    Ali HASSAN (nacido el 02/05/1984, de nacionalidad libia) alias "El Gordo"
    علي حسن (من مواليد 1984/05/02، ليبي الجنسية) الملقب بـ"أبو خالد"

These are the attributes resolution compares (a birth date that conflicts keeps
two namesakes apart; a nationality, as an ISO code, weighs too) and the aliases it
matches on, so extraction reads them where the name is found and keeps them on
the name's record.

>>> describe('Ali HASSAN (born 02/05/1984, Libyan national) alias "Abu Khaled" was seen', 10)
({'birth_date': '1984-05-02', 'nationality': 'LY'}, ('Abu Khaled',))
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from odyssey.ingest.extract.countries import COUNTRY, iso_of

#: How far after a name its parenthesis or alias may start (characters).
WINDOW = 160

_MONTHS = {
    name: i + 1
    for names in (
        "january february march april may june july august september october november december",
        "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    )
    for i, name in enumerate(names.split())
} | {
    short: i + 1
    for i, short in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_BIRTH_CUE = re.compile(
    r"\b(?:born|dob|d\.o\.b\.?|date of birth|nee?|nacid[oa]|fecha de nacimiento)\b|مواليد|المولود|المولودة",
    re.IGNORECASE,
)
#: A part that ends with a place ("born in Tripoli"): a country alone after it is where, not whose.
_PLACE = re.compile(r"\b(?:in|at|à|au|en|a)\s+[^\W\d_][\w'’ -]*$|في\s+\S+$", re.IGNORECASE)
_NUMERIC = re.compile(
    r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b"
)
_WRITTEN = re.compile(r"\b(\d{1,2})(?:er)?\s+(?:de\s+)?([a-z]+)\.?\s+(?:de\s+)?(\d{4})\b")
_ALIAS = re.compile(
    r"""^\s*,?\s*(?:\(\s*)?(?:alias|a\.k\.a\.|aka|also known as|known as|dit|dite|apodad[oa]|\(a\)|"""
    r"""الملقب\s*بـ?|الملقبة\s*بـ?|المعروف\s+باسم|المعروفة\s+باسم)\s*"""
    r"""["'«“]\s*([^"'»”\n]{1,60}?)\s*["'»”]""",
    re.IGNORECASE,
)
_PAREN = re.compile(r"^\s*\(([^()\n]{1,120})\)")
#: Words that make a country form a nationality ("Libyan national", "de nationalité libyenne").
_NATIONALITY_CUE = re.compile(
    r"\b(?:national(?:ity)?|citizen|nationalit[eé]|ressortissante?|nacionalidad|ciudadan[oa])\b"
    r"|الجنسية|جنسية|مواطن",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    """Lower case, no accents, Arabic-Indic digits as ASCII digits."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.casefold()):
        if unicodedata.combining(ch):
            continue
        digit = unicodedata.digit(ch, None)
        out.append(str(digit) if digit is not None and not ch.isascii() else ch)
    return "".join(out)


def birth_date(text: str) -> str | None:
    """The ISO birth date written in ``text`` after a birth cue (any of the four languages)."""
    plain = _plain(text)
    if not _BIRTH_CUE.search(plain):
        return None
    for m in _NUMERIC.finditer(plain):
        if m.group(3):
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            year, month, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
        if found := _date(year, month, day):
            return found
    for m in _WRITTEN.finditer(plain):
        month = _MONTHS.get(m.group(2))
        if month and (found := _date(int(m.group(3)), month, int(m.group(1)))):
            return found
    return None


def nationality(text: str) -> str | None:
    """The ISO-2 nationality stated in a parenthesis about a person, or None.

    A country form counts in a part of ``text`` (between commas) that says
    "national", "nationalité", "nacionalidad", "الجنسية"..., or that is the country
    form alone (``DOB 1984-05-02, Libyan``); a country of birth (``born in Libya``,
    ``born in Tripoli, Libya``) is not a nationality.

    >>> nationality("né le 2 mai 1984, de nationalité libyenne"), nationality("born 1984 in Libya")
    ('LY', None)
    """
    before = ""
    for part in re.split(r"[,;،؛]", text):
        part = part.strip()
        m = COUNTRY.search(part)
        if m is not None and (
            _NATIONALITY_CUE.search(part) or (m.group(0) == part and not _PLACE.search(before))
        ):
            return iso_of(m)
        before = part
    return None


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1900 <= year <= 2030 else None
    except ValueError:
        return None


def describe(text: str, end: int) -> tuple[dict[str, str], tuple[str, ...]]:
    """Properties and aliases stated right after a name that ends at ``text[end]``.

    Reads at most two segments (a parenthesis and an alias, in either order);
    returns ``({"birth_date": ISO, "nationality": ISO-2}, aliases)``, each part
    left out when absent.
    A parenthesis in another script (``Ibrahim HAMMAMI (إبراهيم الحمامي)``) is
    the same name written otherwise, so it is an alias too.
    """
    rest = text[end : end + WINDOW]
    properties: dict[str, str] = {}
    aliases: list[str] = []
    for _ in range(2):
        if m := _ALIAS.match(rest):
            aliases.append(" ".join(m.group(1).split()))
            rest = rest[m.end() :].lstrip(")")
        elif m := _PAREN.match(rest):
            inside = m.group(1)
            born, country = birth_date(inside), nationality(inside)
            if born:
                properties.setdefault("birth_date", born)
            if country:
                properties.setdefault("nationality", country)
            if not (born or country) and _other_script_name(text[max(0, end - 60) : end], inside):
                aliases.append(" ".join(inside.split()))
            rest = rest[m.end() :]
        else:
            break
    return properties, tuple(aliases)


def _other_script_name(before: str, inside: str) -> bool:
    """True when ``inside`` is a short name in Arabic script after a Latin name (or the reverse)."""
    if len(inside.split()) > 5 or any(ch.isdigit() for ch in inside):
        return False
    arabic_inside = any("\u0600" <= ch <= "\u06ff" for ch in inside)
    arabic_before = any("\u0600" <= ch <= "\u06ff" for ch in before[-20:])
    return arabic_inside != arabic_before and all(ch.isalpha() or ch in " -'" for ch in inside)
