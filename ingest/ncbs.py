"""INTERPOL National Central Bureaus: the country behind an NCB's name.

A report's originating bureau ("NCB ROME", "BCN PARIS", "OCN MADRID", "المكتب
المركزي الوطني طرابلس") tells the country whose conventions it writes in: a
national phone number in a Libyan report is a Libyan number. Cities are given
in the forms NCBs use in English, French, Spanish and Arabic.

>>> country_of_ncb("NCB-ROME"), country_of_ncb("BCN Le Caire"), country_of_ncb("IPSG LYON")
('IT', 'EG', None)
"""

from __future__ import annotations

import re

from odyssey.ingest.readers.header import fold

_CITIES: dict[str, tuple[str, ...]] = {
    "IT": ("rome", "roma"), "ES": ("madrid",), "FR": ("paris",), "DE": ("wiesbaden", "berlin"),
    "GB": ("london", "londres", "manchester"), "NL": ("the hague", "la haye", "den haag"),
    "BE": ("brussels", "bruxelles"), "AT": ("vienna", "vienne", "wien"), "CH": ("bern", "berne"),
    "PT": ("lisbon", "lisbonne", "lisboa"), "GR": ("athens", "athenes", "atenas"), "MT": ("valletta",),
    "TR": ("ankara",), "RO": ("bucharest", "bucarest"), "BG": ("sofia",), "AL": ("tirana",),
    "RS": ("belgrade",), "HU": ("budapest",), "PL": ("warsaw", "varsovie"), "UA": ("kyiv", "kiev"),
    "RU": ("moscow", "moscou"), "LY": ("tripoli", "طرابلس"), "TN": ("tunis", "تونس"),
    "DZ": ("algiers", "alger", "الجزائر"), "MA": ("rabat", "الرباط"),
    "EG": ("cairo", "le caire", "el cairo", "القاهرة"),
    "SD": ("khartoum", "jartum", "الخرطوم"), "NE": ("niamey",), "ML": ("bamako",), "SN": ("dakar",),
    "NG": ("abuja", "lagos"), "GH": ("accra",), "TD": ("n'djamena", "ndjamena"), "MR": ("nouakchott",),
    "ER": ("asmara",), "ET": ("addis ababa", "addis abeba"), "KE": ("nairobi",), "UG": ("kampala",),
    "JO": ("amman", "عمان"), "IQ": ("baghdad", "bagdad", "بغداد"), "SY": ("damascus", "damas", "دمشق"),
    "LB": ("beirut", "beyrouth", "بيروت"), "AF": ("kabul", "kaboul"), "PK": ("islamabad",),
    "BD": ("dhaka",), "TH": ("bangkok",), "VN": ("hanoi",), "CN": ("beijing", "pekin"),
    "CO": ("bogota",), "MX": ("mexico", "ciudad de mexico", "mexico city"), "PE": ("lima",),
    "EC": ("quito",), "VE": ("caracas",), "AR": ("buenos aires",), "CL": ("santiago",),
    "PA": ("panama",), "CR": ("san jose",), "GT": ("guatemala",), "SV": ("san salvador",),
    "HN": ("tegucigalpa",), "NI": ("managua",), "US": ("washington",), "CA": ("ottawa",),
}  # fmt: skip

_BY_CITY = {fold(city): country for country, cities in _CITIES.items() for city in cities}
_PREFIX = re.compile(
    r"^(?:ncb|bcn|ocn|interpol|المكتب المركزي الوطني(?: في| ب)?|مكتب الإنتربول(?: في)?)[\s\-–]+",
    re.IGNORECASE,
)


def country_of_ncb(name: str | None) -> str | None:
    """ISO-2 country of the bureau called ``name`` (``NCB ROME``, ``BCN PARIS``...), or None."""
    if not name:
        return None
    city = _PREFIX.sub("", fold(name).replace("-", " ").strip())
    return _BY_CITY.get(city)
