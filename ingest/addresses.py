# Arabic letters and accented capitals are meant here
"""Postal addresses in report text, in the shapes police reports write them.

An address is a street core and at most three comma-separated parts after it,
ending at the first part that names a town (``Carrera 42 # 55-98, Bogotá``,
``Rruga e Durrësit, Nr. 154, Tirana``, ``26 Faisal Street, Alexandria``,
``Calle Real 75, 45351 Madrid``, ``شارع الجمهورية، مبنى رقم 119، طبرق``).
Street cores:

* a street word first, then its name and number: ``Calle``, ``Avenida``,
  ``Carrera``, ``Rue``, ``Rruga``, ``Via``, ``Phố``, ``Đường``...;
* a name then a street word, English style: ``Mecca Street``, ``28 Sukhumvit Road``;
* German compounds: ``Bahnhofstraße 71``;
* Arabic: ``شارع`` / ``طريق`` / ``نهج`` / ``زنقة`` and one to three words, with a house
  number after (``نهج الحرية عدد 17``) or before.

Street words are found in any case (``12, rue de la République``, ``avenida del Puerto 112``,
``14 HARBOUR ROAD`` in a telegram); a unit may come before the street (``Flat 3, 27 ...``) or
after it (``3º izq.``, ``4º B``); the town may carry a post code before it (``13001
Marseille``) or a British / Irish one after it (``Dover CT16 1JA``, ``Dublin D13 X2K7``).

A street with no town after it is still an address when it has a house number.

>>> text = "He was located at 26 Faisal Street, Alexandria, where he lived."
>>> [text[s:e] for s, e in find_addresses(text)]
['26 Faisal Street, Alexandria']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from odyssey.text import has_arabic_letter

_NUMBER = r"\d{1,4}[A-Za-z]?"
_CAP = r"[A-ZÀ-ÝĀ-ỸÇ][\w'’\-]*"
# Street words that lead: written capitalised, in lower case inside a sentence ("12, rue de la
# République", "avenida del Puerto 112") or in capitals in a telegram; "C/" is Spanish "calle".
_LEADING_STREET = (
    r"(?i:rue|avenue|boulevard|bd|chemin|impasse|allée|quai|cours|place|calle|avenida|avda\.?|"
    r"carrera|diagonal|transversal|paseo|plaza|camino|carretera|ronda|travesía|rruga|bulevardi|"
    r"via|viale|piazza|corso)|C/|Phố|Đường|Soi|Thanon|Jalan"
)
_TRAILING_STREET = (
    r"(?i:street|road|avenue|lane|lanes|boulevard|drive|square|close|crescent|terrace|way|"
    r"approach|quay|parade|row|gardens|place|hill|walk|gate)(?![\w'’\-])|St\.|Rd\."
)
_CONNECTOR = r"(?i:de|del|de la|de las|de los|e|des|du|de l'|di|della|la|el|al)"
# A house number with a comma before the street ("12, rue de la République").
_LEAD_NUMBER = rf"{_NUMBER},?[ ]"
# A flat or unit written before the street ("Flat 3, 27 Kingsland High Street").
_LEAD_UNIT = r"(?i:flat|unit|apt\.?|apartment|suite)[ ]\d{1,4}[A-Za-z]?,[ ]"
_STREET = re.compile(
    rf"(?<![\w\-])(?:{_LEAD_UNIT})?(?:{_LEAD_NUMBER})?(?:"
    # "Avenida de la Constitución 84", "Carrera 42 # 55-98", "Rruga e Durrësit", "C/ Mayor 5"
    rf"(?:{_LEADING_STREET})(?:[ ]?(?:{_CONNECTOR}[ ]?)?(?:{_CAP}|\d{{1,4}}|I{{1,3}}|IV|V)){{1,4}}"
    rf"(?:,?[ ]{_NUMBER}(?![\d/.\-]))?(?:[ ]?\#[ ]?\d{{1,3}}-\d{{1,3}})?"
    # "Mecca Street", "60 Meter Street", "Al-Jumhuriya Street", "221 Green Lanes", "Dock Gate 2"
    rf"|(?:{_CAP}[ ]){{1,3}}(?:{_TRAILING_STREET})(?:[ ]\d{{1,3}}(?![\d/.\-]))?"
    # "Bahnhofstraße 71", "Havenstraat 32", "32 Havenstraat"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|straat|weg|platz|plein|gasse|allee|laan|gracht)"
    rf"(?:[ ]{_NUMBER})?"
    r")(?![\w])"
)
# Parts after the street: a unit ("building 170", "Nr. 154", "3º izq.", "4º B"), a post code
# and town, or a town.
_UNIT = re.compile(
    r",[ ](?:(?i:building|bldg\.?|house|flat|apt\.?|apartment|nr\.?|no\.?|n[°º]|bâtiment|"
    r"immeuble|edificio|piso|casa|unit|portal|escalera)[ ]?\d{1,4}[A-Za-z]?"
    r"|\d{1,2}[ºª°][ ]?(?:(?i:izq(?:da)?|dcha|der|dch|centro|ctro)\.?|[A-Z](?![\w]))"
    r"|(?i:bajo|entresuelo|ático|esc\.?[ ]?[A-Z]))"
)
# A British or Irish post code after the town ("Dover CT16 1JA", "Dublin D13 X2K7"), or a
# Dublin district number ("Dublin 2").
_AFTER_TOWN = (
    r"(?:[ ](?:[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[AC-FHKNPRTV-Y]\d{2}[ ][AC-FHKNPRTV-Y\d]{4}"
    r"|\d{1,2}(?![\w]))(?![\w]))?"
)
_TOWN_WORD = r"[A-ZÀ-ÝĀ-ỸÇ][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_TOWN = re.compile(
    rf",[ ](?:\d{{4,5}}[ ])?{_TOWN_WORD}(?:[ ](?:{_CONNECTOR}[ ])?{_TOWN_WORD}){{0,2}}"
    rf"(?P<code>{_AFTER_TOWN})(?![\w])"
)
_ARABIC_WORD = r"[\u0621-\u064a\u0671-\u06d3][\u0621-\u0652\u0671-\u06d3]*"  # with its vowel marks
# Street words: شارع، طريق، جادة; نهج (Tunisia), زنقة (Morocco), and a house number after the
# name ("نهج الحرية عدد 17").
_ARABIC_STREET = re.compile(
    rf"(?<!عن[ ])(?:{_NUMBER}[ ])?(?:شارع|طريق|جادة|نهج|زنقة|حي)[ ]{_ARABIC_WORD}(?:[ ]{_ARABIC_WORD}){{0,2}}"
    r"(?:[ ](?:عدد|رقم)[ ]\d{1,4})?(?=[ ]?[،,])"
)
_ARABIC_UNIT = re.compile(r"[،,][ ]?(?:مبنى|عمارة|دار|شقة|منزل|بناية|بناء)[ ]رقم[ ]\d{1,4}")
_ARABIC_TOWN = re.compile(rf"[ ]?[،,][ ]?(?:\d{{4,5}}[ ])?{_ARABIC_WORD}(?:[ ]\d{{4}})?(?![\w])")
_DIGIT = re.compile(r"\d")


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of postal addresses in ``text`` (see the module doc), in order."""
    scripts = [(_STREET, _UNIT, _TOWN)]
    if has_arabic_letter(text):  # most reports have none: skip the Arabic scan
        scripts.append((_ARABIC_STREET, _ARABIC_UNIT, _ARABIC_TOWN))
    for street, unit, town in scripts:
        for m in street.finditer(text):
            end = m.end()
            for _ in range(2):
                u = unit.match(text, end)
                if u is None:
                    break
                end = u.end()
            t = town.match(text, end)
            if t is not None:
                # "Howth, Dublin D13 X2K7": a district, then the town with its post code
                city = town.match(text, t.end()) if town is _TOWN else None
                if city is not None and city.group("code"):
                    t = city
                yield m.start(), t.end()
            elif end > m.end() or _DIGIT.search(m.group()):
                yield m.start(), end
