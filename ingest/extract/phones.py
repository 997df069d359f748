"""Phone numbers, normalised to E.164 with ``phonenumbers``.

``phonenumbers.PhoneNumberMatcher`` finds the candidates and checks them
against each country's numbering plan (leniency ``VALID``): it already refuses
dates, times and most amounts. On top of it this module

* parses ``00``-prefixed international numbers even without a default region
  (through a stand-in region whose international prefix is ``00``, keeping only
  numbers that carry their own country code);
* refuses candidates inside things that merely hold digits: dates, IBAN-shaped
  tokens, references such as ``NCB-ROME/2026/SOM/0147``, numbers behind an
  ``IMO`` or a currency, numbers joined to letters;
* scores numbers written with their country code above national ones, and
  numbers behind a phone cue word ("tel", "WhatsApp", "هاتف") a little higher.

National numbers (``091-2345678``) need ``default_region``: without it they are
left alone, since the same digits are valid numbers in many countries.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers
from phonenumbers import (
    CountryCodeSource,
    Leniency,
    PhoneMetadata,
    PhoneNumberFormat,
    PhoneNumberMatcher,
    PhoneNumberType,
)

from odyssey.ingest.extract.found import Found

# A region whose international prefix is 00, used to read 00-prefixed numbers
# when the report's region is unknown or dials abroad with another prefix.
_IDD_00_REGION = "DE"

_SOURCE_CONFIDENCE = {
    CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN: 0.95,
    CountryCodeSource.FROM_NUMBER_WITH_IDD: 0.93,
    CountryCodeSource.FROM_NUMBER_WITHOUT_PLUS_SIGN: 0.85,
    CountryCodeSource.FROM_DEFAULT_COUNTRY: 0.8,
}
_CUE_BONUS = 0.03

_LINE_TYPES = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}

# Spans where digits are something else than a phone number. Each pattern is
# linear: bounded or possessive repetitions only.
_NOT_PHONES = re.compile(
    r"""
    (?<![\w/])(?:0?[1-9]|[12][0-9]|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)[0-9]{2}(?![\w/])
    | (?<![\w/])(?:19|20)[0-9]{2}[./-](?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12][0-9]|3[01])(?![\w/])
    | (?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?
    | (?<![\w-])[\w-]*+/[\w/.-]++
    | (?<![A-Za-z0-9])IMO[\s:#.n°ºo]{0,6}[0-9]{7}
    """,
    re.VERBOSE,
)

_CURRENCY = (
    r"(?:€|\$|£|EUR|USD|GBP|CHF|LYD|TND|MAD|DZD|EGP|XOF|XAF|NGN|AED|SAR|euros?|dollars?"
    r"|dinars?|dirhams?|francs?|pounds?|naira|dólares|dinares|دينار|دولار|يورو|درهم)"
)
_CURRENCY_BEFORE = re.compile(_CURRENCY + r"\s{0,2}$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s{0,2}" + _CURRENCY + r"(?![^\W\d_])", re.IGNORECASE)

_CUE = re.compile(
    r"(?<![^\W\d_])(?:tel|tél|telephone|téléphone|teléfono|phone|mobile|cell(?:phone)?|"
    r"portable|móvil|movil|celular|gsm|whats ?app|viber|telegram|signal|número|numéro|"
    r"number|call(?:ed|s)?|appel(?:é|e|ait)?|llam(?:ó|aba|ada)|contact)(?![^\W\d_])"
    r"|هاتف|الهاتف|جوال|موبايل|رقم|الرقم|واتساب|اتصل",
    re.IGNORECASE,
)
_CUE_REACH = 40


@lru_cache(maxsize=64)
def _dials_00(region: str) -> bool:
    """True when callers in ``region`` dial abroad with 00 (most of Europe, Africa, Middle East)."""
    meta = PhoneMetadata.metadata_for_region(region)
    prefix = meta.international_prefix if meta is not None else None
    return bool(prefix) and re.fullmatch(prefix, "00") is not None


def check_region(region: str | None) -> str | None:
    """``region`` upper-cased, or ``ValueError`` when ``phonenumbers`` does not know it."""
    if region is None:
        return None
    up = region.upper()
    if up not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown phone region {region!r}: expected an ISO 3166 alpha-2 code")
    return up


def _blocked(text: str, start: int, end: int) -> bool:
    """True when one of the :data:`_NOT_PHONES` spans of ``text`` overlaps ``start:end``.

    The spans are those ``finditer`` finds over the whole text, but looked for
    only on the number's lines: scanning every report whole would cost more than
    the rest of the phone rules. That finds the same spans because none runs
    across a line break, except an ``IMO`` and its digits (blanks between them);
    so while an ``IMO`` ends just before a line break, look one line further.
    """
    first = text.rfind("\n", 0, start) + 1
    while first > 0 and "IMO" in text[max(0, first - 12) : first]:
        first = text.rfind("\n", 0, first - 1) + 1
    stop = text.find("\n", end)
    while stop != -1 and "IMO" in text[max(0, stop - 12) : stop]:
        stop = text.find("\n", stop + 1)
    spans = _NOT_PHONES.finditer(text, first, len(text) if stop == -1 else stop)
    return any(m.start() < end and m.end() > start for m in spans)


def _joined(c: str) -> bool:
    """True for a character that makes the digits part of a longer token: a digit or a Latin
    letter. Arabic one-letter words (و "and", ب "with") do attach to a number."""
    return c.isdigit() or (c.isalpha() and c.isascii()) or ("\u00c0" <= c <= "\u024f")


def _context_ok(text: str, start: int, end: int) -> bool:
    """False where the digits read as part of something else: a reference, a longer
    number, a word, an amount."""
    before = text[max(0, start - 6) : start]
    after = text[end : end + 12]
    if start > 0 and _joined(text[start - 1]):
        return False
    if before.endswith("/") or (before.endswith("-") and before[-2:-1].isdigit()):
        return False  # the tail of a reference or of a longer number
    if after.startswith("/") or (after[:1] in ("-", ".", ",") and after[1:2].isdigit()):
        return False  # the head of one, or of an amount ("4.500,00")
    return not (_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without an unbalanced bracket at either end: "(+218 91 234 5678, ..." keeps the
    number, "(+218) 912345678" keeps its brackets."""
    raw = text[start:end]
    if raw[:1] in "([" and ")" not in raw and "]" not in raw:
        start += 1
        while start < end and text[start].isspace():
            start += 1
    raw = text[start:end]
    if raw[-1:] in ")]" and "(" not in raw and "[" not in raw:
        end -= 1
    return start, end


def _shortest_national(metadata: PhoneMetadata | None) -> int:
    lengths = metadata.general_desc.possible_length if metadata is not None else ()
    return min((n for n in lengths if n > 0), default=1)


# The fewest digits of any valid national number, in any region or non-geographic entity.
_SHORTEST_ANYWHERE = min(
    [
        _shortest_national(PhoneMetadata.metadata_for_region(r))
        for r in phonenumbers.SUPPORTED_REGIONS
    ]
    + [
        _shortest_national(PhoneMetadata.metadata_for_nongeo_region(cc))
        for cc in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS
    ]
)


@lru_cache(maxsize=64)
def _fewest_digits(region: str, plus: bool) -> int:
    """The fewest letters and digits a candidate parsed for ``region`` needs to be a valid number.

    Without a plus sign the number is national (a national number of the region's
    calling code), or dialled abroad (a prefix digit, a country code digit and a
    national number); with one, it may be a country code digit and any national number.
    """
    code = phonenumbers.country_code_for_region(region)
    national = min(
        _shortest_national(PhoneMetadata.metadata_for_region(r))
        for r in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, (region,))
    )
    fewest = min(national, 2 + _SHORTEST_ANYWHERE)
    return min(fewest, 1 + _SHORTEST_ANYWHERE) if plus else fewest


class _Matcher(PhoneNumberMatcher):
    """``PhoneNumberMatcher`` that refuses at once a candidate too short to hold a valid number.

    Most candidates in a report are days, years, counts and amounts of one to
    four digits, or the four-digit groups of account numbers the matcher tries one
    by one; parsing each costs as much as parsing a phone number. A candidate, and
    every part of it the matcher tries, normalises to at most as many digits as it
    has letters and digits, and a valid number has at least the national length
    of :func:`_fewest_digits`, so refusing it here finds the same numbers. Hooks
    private methods: should ``phonenumbers`` rename them, the matcher only gets
    slower again.
    """

    def _too_short(self, candidate: str) -> bool:
        plus = "+" in candidate or "\uff0b" in candidate
        return sum(map(str.isalnum, candidate)) < _fewest_digits(self.preferred_region, plus)

    def _extract_match(self, candidate: str, offset: int) -> phonenumbers.PhoneNumberMatch | None:
        if self._too_short(candidate):
            return None  # and so is every part of it
        return super()._extract_match(candidate, offset)  # type: ignore[misc, no-any-return]

    def _parse_and_verify(
        self, candidate: str, offset: int
    ) -> phonenumbers.PhoneNumberMatch | None:
        if self._too_short(candidate):
            return None
        return super()._parse_and_verify(candidate, offset)  # type: ignore[misc, no-any-return]


def _matches(text: str, region: str) -> Iterator[phonenumbers.PhoneNumberMatch]:
    # max_tries: the default gives up after 65,535 candidates, too few for a long text.
    yield from _Matcher(text, region, leniency=Leniency.VALID, max_tries=sys.maxsize)


def find_phones(text: str, default_region: str | None = None) -> Iterator[Found]:
    """Valid phone numbers in ``text`` (digits already folded to ASCII), as E.164.

    ``default_region`` (ISO-2 of the reporting bureau) reads national numbers;
    numbers with ``+`` or ``00`` and a country code are found whatever it is.
    """
    region = check_region(default_region)
    passes: list[tuple[str, bool]] = []  # (region to parse with, keep national numbers)
    if region is not None:
        passes.append((region, True))
    if region is None or not _dials_00(region):
        passes.append((_IDD_00_REGION, False))
    seen: set[tuple[int, int]] = set()
    for parse_region, keep_national in passes:
        for m in _matches(text, parse_region):
            start, end = _trim(text, m.start, m.end)
            if (start, end) in seen:
                continue
            source = _source(m.raw_string, parse_region)
            if not keep_national and source == CountryCodeSource.FROM_DEFAULT_COUNTRY:
                continue
            if _blocked(text, start, end) or not _context_ok(text, start, end):
                continue
            seen.add((start, end))
            confidence = _SOURCE_CONFIDENCE.get(source, 0.8)
            if _CUE.search(text, max(0, start - _CUE_REACH), start):
                confidence += _CUE_BONUS
            value, country, line = _described(m.number)
            props = {"country": country}
            if line:
                props["line_type"] = line
            yield Found(
                start=start,
                end=end,
                type="Phone",
                value=value,
                method="rule:phone",
                confidence=round(min(confidence, 0.96), 2),
                properties=props,
            )


# The same numbers recur from report to report: what parsing and the numbering plan
# say of one is kept (both are pure functions of their arguments).
@lru_cache(maxsize=4096)
def _source(raw: str, region: str) -> CountryCodeSource:
    """Where the country code of ``raw`` comes from (the matcher clears it on its numbers)."""
    return phonenumbers.parse(raw, region, keep_raw_input=True).country_code_source


_DESCRIBED: dict[tuple[int, str], tuple[str, str, str | None]] = {}


def _described(number: phonenumbers.PhoneNumber) -> tuple[str, str, str | None]:
    """``number`` in E.164, its region (``XX`` when none) and its line type, if known.

    All three depend only on the country code and the national number.
    """
    key = (number.country_code, phonenumbers.national_significant_number(number))
    known = _DESCRIBED.get(key)
    if known is None:
        if len(_DESCRIBED) >= 4096:
            _DESCRIBED.clear()
        known = _DESCRIBED[key] = (
            phonenumbers.format_number(number, PhoneNumberFormat.E164),
            phonenumbers.region_code_for_number(number) or "XX",
            _LINE_TYPES.get(phonenumbers.number_type(number)),
        )
    return known
