# Arabic letters and typographic quotes are meant here
"""Vessels by IMO number, check digit verified with ``python-stdnum``.

``IMO 9074729``, ``IMO9074729``, ``IMO n° 9074729``, ``IMO No. 9074729``,
``IMO: 9074729``. The value is ``IMO`` and the seven digits. A name written
just before ``(IMO ...)``, quoted or in capitals ("SEA STAR (IMO 9074729)"),
becomes the ``name`` property. Vessels known only by name or MMSI/call sign
are left to entity recognition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import imo

from odyssey.ingest.extract.found import Found

_IMO = re.compile(
    r"(?<![A-Za-z0-9])IMO(?:[\s:#.\-]{0,3}(?:n[°º.o]|nr|number|num[ée]ro|número|رقم)\.?)?"
    r"[\s:#.\-]{0,3}(?P<digits>[0-9]{7})(?![0-9])",
    re.IGNORECASE,
)
# A name closing right before "(IMO": quoted, or a run of words in capitals.
_NAME = re.compile(
    r"""(?:["“«'‘]\s?(?P<quoted>[^"“”«»'‘’\n]{2,40}?)\s?["”»'’]"""
    r"""|(?<![\w'])(?P<caps>[A-Z0-9][A-Z0-9'&.\-]*(?:[ ][A-Z0-9][A-Z0-9'&.\-]*){0,4}))"""
    r"""\s{0,2}\(\s{0,2}$"""
)
_PREFIXES = ("M/V ", "MV ", "M/T ", "MT ", "M/Y ", "MY ", "F/V ", "FV ")


def _name_before(text: str, start: int) -> str | None:
    m = _NAME.search(text, max(0, start - 60), start)
    if m is None:
        return None
    name = (m.group("quoted") or m.group("caps") or "").strip()
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    if not any(c.isalpha() for c in name) or name in {"IMO", "THE"}:
        return None
    return name.upper()


def find_vessels(text: str) -> Iterator[Found]:
    """IMO numbers with a valid check digit; a name right before "(IMO" becomes ``name``."""
    for m in _IMO.finditer(text):
        digits = m.group("digits")
        if not imo.is_valid(digits):
            continue
        props = {"imo": digits}
        name = _name_before(text, m.start())
        if name:
            props["name"] = name
        yield Found(
            start=m.start(),
            end=m.end(),
            type="Vessel",
            value=f"IMO{digits}",
            method="rule:imo",
            confidence=0.98,
            properties=props,
        )
