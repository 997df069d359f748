"""Countries, INTERPOL regions and regional police bodies, for strategic views.

A manager reads trends by region: INTERPOL's five regions (Africa, Americas,
Asia and South Pacific, Europe, Middle East and North Africa) and the regional
police bodies INTERPOL works with (AFRIPOL, AMERIPOL, ASEANAPOL, EUROPOL,
GCCPOL). The table is data (``odyssey/data/regions.csv``, sources in
``odyssey/data/NOTICE.md``): one row per ISO 3166-1 alpha-2 code with its English
name, its INTERPOL region and the bodies it is a member of. Codes are read case
insensitively; an unknown code has no region and no body.

>>> interpol_region("ly"), sorted(bodies_of("LY")), country_name("LY")
('Middle East and North Africa', ['AFRIPOL'], 'Libya')
>>> "IT" in members("EUROPOL") and "IT" in members("Europe")
True
>>> groups_of("TH")
('Asia and South Pacific', 'ASEANAPOL')
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from odyssey.errors import ValidationError

#: INTERPOL's regions, as its member-country pages group them.
INTERPOL_REGIONS = (
    "Africa",
    "Americas",
    "Asia and South Pacific",
    "Europe",
    "Middle East and North Africa",
)
#: The regional police bodies a strategic view can group by.
REGIONAL_BODIES = ("AFRIPOL", "AMERIPOL", "ASEANAPOL", "EUROPOL", "GCCPOL")
#: How countries can be grouped: by INTERPOL region, or by regional body.
SCHEMES = {"interpol": INTERPOL_REGIONS, "bodies": REGIONAL_BODIES}


@dataclass(frozen=True, slots=True)
class Country:
    """One row of the table: a country (or territory) and the groups it belongs to."""

    iso2: str
    name: str
    interpol_region: str | None
    bodies: frozenset[str]


@cache
def _table() -> dict[str, Country]:
    text = files("odyssey").joinpath("data/regions.csv").read_text(encoding="utf-8")
    table: dict[str, Country] = {}
    for row in csv.DictReader(io.StringIO(text)):
        bodies = frozenset(b for b in row["bodies"].split(";") if b)
        region = row["interpol_region"] or None
        if region is not None and region not in INTERPOL_REGIONS:
            raise ValidationError(f"regions.csv: {row['iso2']} has unknown region {region!r}")
        if unknown := bodies - set(REGIONAL_BODIES):
            raise ValidationError(
                f"regions.csv: {row['iso2']} has unknown bodies {sorted(unknown)}"
            )
        table[row["iso2"]] = Country(row["iso2"], row["name"], region, bodies)
    return table


def country(iso2: str | None) -> Country | None:
    """The row of this ISO-2 code (any case), or None when the code is unknown."""
    return _table().get((iso2 or "").strip().upper())


def country_name(iso2: str | None) -> str:
    """The English name of the country, else the code itself (``"?"`` when there is none)."""
    found = country(iso2)
    return found.name if found else (iso2 or "?")


def interpol_region(iso2: str | None) -> str | None:
    """The INTERPOL region of the country, or None when unknown (or not in any region)."""
    found = country(iso2)
    return found.interpol_region if found else None


def bodies_of(iso2: str | None) -> frozenset[str]:
    """The regional police bodies the country is a member of (empty when none or unknown)."""
    found = country(iso2)
    return found.bodies if found else frozenset()


def groups_of(iso2: str | None, scheme: str | None = None) -> tuple[str, ...]:
    """The country's groups: its INTERPOL region, then its bodies (or only one ``scheme``)."""
    if scheme is not None and scheme not in SCHEMES:
        raise ValidationError(f"unknown region scheme {scheme!r}; use {' or '.join(SCHEMES)}")
    region = interpol_region(iso2)
    out: list[str] = []
    if scheme in (None, "interpol") and region:
        out.append(region)
    if scheme in (None, "bodies"):
        out.extend(sorted(bodies_of(iso2)))
    return tuple(out)


def members(group: str) -> frozenset[str]:
    """The ISO-2 codes in an INTERPOL region or a regional body (named as in the constants)."""
    if group in INTERPOL_REGIONS:
        return frozenset(c.iso2 for c in _table().values() if c.interpol_region == group)
    if group in REGIONAL_BODIES:
        return frozenset(c.iso2 for c in _table().values() if group in c.bodies)
    choices = ", ".join((*INTERPOL_REGIONS, *REGIONAL_BODIES))
    raise ValidationError(f"unknown region or body {group!r}; use one of {choices}")


__all__ = [
    "INTERPOL_REGIONS",
    "REGIONAL_BODIES",
    "SCHEMES",
    "Country",
    "bodies_of",
    "country",
    "country_name",
    "groups_of",
    "interpol_region",
    "members",
]
