"""IBANs, validated with ``schwifty``.

An IBAN is written in one block (``DE89370400440532013000``) or in groups split
by blanks or dashes (``DE89 3704 0044 0532 0130 00``). The country's IBAN
length (from schwifty's registry) says where it ends, so a following word in
capitals is never swallowed; the mod-97 checksum and the country's BBAN format
must hold, or nothing is returned. Bare national account numbers and BIC codes
on their own are not extracted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from schwifty.registry import get_iban_spec

from odyssey.ingest.extract.found import Found

# Country code, check digits, then up to 34 characters in groups; bounded, so at
# most 34 steps per candidate start, and starts only at a token start.
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?:[ \-]?[A-Za-z0-9]){10,32}",
)
_CHAR = re.compile(r"[A-Za-z0-9]")
_SEPARATORS = re.compile(r"[ \-]")


@lru_cache(maxsize=1024)  # keys are two letters
def _iban_length(country: str) -> int | None:
    try:
        return int(get_iban_spec(country).iban_length)
    except (KeyError, SchwiftyException, AttributeError):
        return None


@lru_cache(maxsize=4096)
def _iban_properties(written: str) -> dict[str, str] | None:
    """What schwifty says of the IBAN ``written`` (no blanks), or None when it is not valid.

    Kept per IBAN: the same accounts recur across reports, and reading the bank
    registry costs more than finding the IBAN. Callers get a copy (``Found`` copies).
    """
    try:
        iban = IBAN(written)
    except (SchwiftyException, ValueError):
        return None
    props = {"iban": iban.compact, "country": iban.country_code}
    bank = iban.bank_name
    if bank:
        props["bank"] = bank
    bic = iban.bic
    if bic is not None:
        props["bic"] = str(bic)
    return props


def find_ibans(text: str) -> Iterator[Found]:
    """Checksum-valid IBANs in ``text``; the value is the IBAN without blanks, upper-cased."""
    pos = 0
    while (m := _CANDIDATE.search(text, pos)) is not None:
        # Go on from the next token start, not from the end of this greedy candidate,
        # which may have run into the next IBAN.
        pos = m.start() + 1
        country = m.group()[:2].upper()
        length = _iban_length(country)
        if length is None:
            continue
        # Walk the written form until the country's length of characters is read.
        count, end = 0, m.start()
        for c in _CHAR.finditer(text, m.start(), m.end()):
            count += 1
            if count == length:
                end = c.end()
                break
        if count < length or (end < len(text) and text[end].isalnum()):
            continue  # too short, or runs on into more letters or digits
        props = _iban_properties(_SEPARATORS.sub("", text[m.start() : end]))
        if props is None:
            continue
        yield Found(
            start=m.start(),
            end=end,
            type="BankAccount",
            value=props["iban"],
            method="rule:iban",
            confidence=0.99,
            properties=props,
        )
        pos = end
