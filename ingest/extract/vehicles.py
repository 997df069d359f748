# Arabic letters and typographic quotes are meant here
"""Vehicle registration plates, found behind cue words.

Cues: "registration", "licence plate", "plate", "vehicle registered" (EN);
"immatriculé(e)", "immatriculation", "plaque" (FR); "matrícula", "placa" (ES);
"لوحة", "رقم اللوحة" (AR). From the cue, at most five filler words lead to the
plate. Formats that tell a country: French ``AB-123-CD``, German ``B-AB 1234``,
Spanish ``1234 BCD``, Italian ``AB 123 CD``, British ``AB12 CDE``; any other
token of 4 to 10 letters and digits holding a digit (``5-123456``, ``KA 1234``)
is taken with a lower confidence. A country written near the plate ("Italian
plate", "registered in Libya", "immatriculé en Italie", "(Morocco)") wins over
the format's. The value is the plate upper-cased without blanks and dashes.
Behind a noun for a vehicle ("semi-remorque", "furgoneta Peugeot Partner"), only a plate in
one of those country formats is taken. A plate in brackets right before "driven by" ("the white van (EN-039-SY) driven
by", "(WR 804 XR) conduit par", "(VJA 987) conducido por", "يقودها") needs no
other cue. Behind a cue a plate of digits alone (``9992182``, ``5 595105``) is
taken when it has 5 to 8 digits (a year has four). Plates in Arabic letters and
plates written without a cue are not extracted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from odyssey.ingest.extract._text import CaseFreeCues, compact, walk_to_number
from odyssey.ingest.extract.countries import country_after, country_before, country_in_words
from odyssey.ingest.extract.found import Found

_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        r"licen[cs]e\s+plates?",
        r"number\s+plates?",
        r"registration(?:\s+(?:plates?|numbers?|no|mark))?",
        r"plates?(?:\s+numbers?)?",
        r"plated",  # "a Bulgarian-plated curtainsider CA 4719 PX"
        r"reg\.?",  # police shorthand: "reg HX68 VNP"
        r"vrm",  # vehicle registration mark (UK)
        r"(?:vehicle|car|truck|van|lorry|minibus|bus|pick-?up|suv|motorbike)s?\s+registered",
    ),
    "fr": (
        r"immatricul(?:ée?s?|ee?s?|ation)",
        r"plaques?(?:\s+d['’]\s?immatriculation)?",
    ),
    "es": (
        r"matr[íi]culas?",
        r"placas?(?:\s+de\s+matr[íi]cula)?",
    ),
    "ar": (
        r"رقم\s+(?:ال)?لوح(?:ة|ه)",
        r"(?:ال)?لوح(?:ة|ه|ات)(?:\s+رقم)?",
    ),
}
LANGUAGES = tuple(_CUES)

# Nouns for a vehicle: behind one, only a plate in a format that names its country is taken
# ("semi-remorque DK-902-LB", "furgoneta Peugeot Partner 2940 JTG"): a bare token of digits
# and letters after "truck" is as likely a model, a count or a reference.
_VEHICLE_NOUNS: dict[str, tuple[str, ...]] = {
    "en": (
        r"cars?", r"vans?", r"trucks?", r"lorr(?:y|ies)", r"(?:semi-?)?trailers?",
        r"tractor(?:\s+units?)?", r"minibus(?:es)?", r"coach(?:es)?", r"motorbikes?",
        r"pick-?ups?", r"suvs?", r"vehicles?", r"units?", r"curtainsiders?",
    ),
    "fr": (
        r"voitures?", r"v[ée]hicules?", r"camions?(?:nettes?)?", r"fourgon(?:nette)?s?",
        r"(?:semi-)?remorques?", r"tracteurs?", r"utilitaires?", r"motos?", r"autocars?",
    ),
    "es": (
        r"coches?", r"veh[íi]culos?", r"cami[óo]n(?:es)?", r"furgonetas?", r"furg[óo]n(?:es)?",
        r"(?:semi)?remolques?", r"turismos?", r"motos?", r"autocar(?:es)?", r"tractoras?",
    ),
    "ar": (r"سيارة", r"السيارة", r"شاحنة", r"الشاحنة", r"مركبة", r"المركبة", r"حافلة"),
}  # fmt: skip

_SPECIFIC = {
    "FR": r"[A-Z]{2}-[0-9]{3}-[A-Z]{2}",
    "DE": r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?[0-9]{1,4}[EH]?",
    "ES": r"[0-9]{4}[ \-]?[BCDFGHJKLMNPRSTVWXYZ]{3}",
    "IT": r"[A-Z]{2} ?[0-9]{3} ?[A-Z]{2}",
    "GB": r"[A-Z]{2}[0-9]{2} ?[A-Z]{3}",
}
_START = r"(?<![\w\-])"
_END = r"(?![\w]|[\-/.:][0-9A-Za-z])"
_PLATE = re.compile(
    _START
    + "(?:"
    + "|".join(f"(?P<{cc}>{p})" for cc, p in _SPECIFIC.items())
    + r"|(?P<XX>[A-Z0-9]{1,8}(?:[ \-][A-Z0-9]{1,8}){0,2})"
    + ")"
    + _END
)
# "(EN-039-SY) driven by": a bracketed plate and the verb that says it is one.
_DRIVEN = re.compile(
    r"\(\s?(?P<plate>[A-Z0-9][A-Z0-9 \-]{2,10}[A-Z0-9])\s?\)\s{0,2}"
    r"(?:(?i:driven\s+by|conduite?s?\s+par|conducid[oa]s?\s+por)|يقود(?:ها|ه))"
)
_SPECIFIC_ONLY = re.compile(_START + "(?:" + "|".join(_SPECIFIC.values()) + ")" + _END)
_DATE_LIKE = re.compile(r"[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,4}")
_GROUP_START = re.compile(r"[ \-](?=[A-Z0-9])")


@lru_cache(maxsize=32)
def _cue_pattern(languages: tuple[str, ...], nouns: bool = False) -> CaseFreeCues:
    forms = [f for lang in languages for f in (_VEHICLE_NOUNS if nouns else _CUES)[lang]]
    forms.sort(key=len, reverse=True)
    return CaseFreeCues(
        re.compile(r"(?<![A-Za-z])(?:" + "|".join(forms) + r")(?![^\W\d_])", re.IGNORECASE)
    )


def _format_named(m: re.Match[str]) -> bool:
    return m.lastgroup != "XX"


def _plate_ok(m: re.Match[str]) -> bool:
    if m.lastgroup != "XX":
        return True
    written = m.group()
    plate = compact(written)
    if not 4 <= len(plate) <= 10 or not any(c.isdigit() for c in plate):
        return False
    if plate.isdigit() and not (
        5 <= len(plate) <= 8 and ("-" not in written or len(written.split("-")[0]) <= 3)
    ):
        return False  # a year, a count, an amount, a reference such as "2026-0147"
    if _DATE_LIKE.fullmatch(written):
        return False
    # "AS AB 123 CD": a known format starts at a later group, so this one is filler.
    return not any(
        _SPECIFIC_ONLY.match(m.string, g.end())
        for g in _GROUP_START.finditer(m.string, m.start(), m.end())
    )


def find_plates(text: str, languages: Iterable[str] = LANGUAGES) -> Iterator[Found]:
    """Registration plates behind cue words in ``text``; value upper-cased, no blanks or dashes."""
    for d in _DRIVEN.finditer(text):
        m = _PLATE.fullmatch(text, d.start("plate"), d.end("plate"))
        if m is not None and _plate_ok(m):
            yield _found(text, m, country_after(text, d.end()))
    languages = tuple(languages)
    cued = [(c, _plate_ok) for c in _cue_pattern(languages).finditer(text)]
    if _SPECIFIC_ONLY.search(text):  # else no noun can lead to a plate: skip the walks
        cued += [(c, _format_named) for c in _cue_pattern(languages, nouns=True).finditer(text)]
    for c, accept in cued:
        reach = walk_to_number(text, c.end(), _PLATE, accept)
        if reach is None:
            continue
        said = (
            country_in_words(text, reach.fillers)
            or country_before(text, c.start())
            or country_after(text, reach.match.end())
        )
        yield _found(text, reach.match, said)


def _found(text: str, m: re.Match[str], said: str | None) -> Found:
    """The plate ``m``; the country said in words wins over the one its format tells."""
    fmt = m.lastgroup or "XX"
    country = said or (fmt if fmt != "XX" else None)
    plate = compact(m.group())
    props = {"plate": plate}
    if country:
        props["country"] = country
    return Found(
        start=m.start(),
        end=m.end(),
        type="Vehicle",
        value=plate,
        method="rule:plate",
        confidence=0.8 if fmt != "XX" else 0.6,
        properties=props,
    )
