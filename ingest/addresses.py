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
* Arabic: ``شارع`` / ``طريق`` and one or two words.

A street with no town after it is still an address when it has a house number.

>>> text = "He was located at 26 Faisal Street, Alexandria, where he lived."
>>> [text[s:e] for s, e in find_addresses(text)]
['26 Faisal Street, Alexandria']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUMBER = r"\d{1,4}[A-Za-z]?"
_CAP = r"[A-ZÀ-ÝĀ-ỸÇ][\w'’\-]*"
_LEADING_STREET = (
    r"Rue|Avenue|Boulevard|Chemin|Impasse|Allée|Quai|Calle|Avenida|Carrera|Calle|Diagonal|"
    r"Transversal|Paseo|Plaza|Camino|Carretera|Rruga|Bulevardi|Via|Viale|Piazza|Corso|Phố|Đường|"
    r"Soi|Thanon|Jalan"
)
_TRAILING_STREET = r"Street|Road|Avenue|Lane|Boulevard|Drive|Square|St\.|Rd\."
_CONNECTOR = r"(?:de|del|de la|de las|de los|e|des|du|di|della|la|el|al)"
_STREET = re.compile(
    rf"(?<![\w\-])(?:{_NUMBER}[ ])?(?:"
    # "Avenida de la Constitución 84", "Carrera 42 # 55-98", "Rruga e Durrësit", "Phố Hàng Bạc"
    rf"(?:{_LEADING_STREET})(?:[ ](?:{_CONNECTOR}[ ])?(?:{_CAP}|\d{{1,4}}|I{{1,3}}|IV|V)){{1,4}}"
    rf"(?:[ ]{_NUMBER})?(?:[ ]?\#[ ]?\d{{1,3}}-\d{{1,3}})?"
    # "Mecca Street", "60 Meter Street", "Al-Jumhuriya Street"
    rf"|(?:{_CAP}[ ]){{1,3}}(?:{_TRAILING_STREET})"
    # "Bahnhofstraße 71"
    rf"|[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|weg|platz|gasse|allee)[ ]{_NUMBER}"
    r")(?![\w])"
)
# Parts after the street: a unit ("building 170", "Nr. 154"), a post code and town, or a town.
_UNIT = re.compile(
    r",[ ](?:(?i:building|bldg\.?|house|flat|apt\.?|apartment|nr\.?|no\.?|n[°º]|bâtiment|"
    r"immeuble|edificio|piso|casa)[ ]?\d{1,4}[A-Za-z]?)"
)
_TOWN = re.compile(rf",[ ](?:\d{{4,5}}[ ])?{_CAP}(?:[ ]{_CAP}){{0,2}}(?![\w])")
_ARABIC_WORD = r"[\u0621-\u064a\u0671-\u06d3]+"
_ARABIC_STREET = re.compile(
    rf"(?:{_NUMBER}[ ])?(?:شارع|طريق|جادة)[ ]{_ARABIC_WORD}(?:[ ]{_ARABIC_WORD})?(?=[،,])"
)
_ARABIC_UNIT = re.compile(r"[،,][ ]?(?:مبنى|عمارة|دار|شقة|منزل|بناية)[ ]رقم[ ]\d{1,4}")
_ARABIC_TOWN = re.compile(rf"[،,][ ]?{_ARABIC_WORD}(?![\w])")


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of postal addresses in ``text`` (see the module doc), in order."""
    for street, unit, town in (
        (_STREET, _UNIT, _TOWN),
        (_ARABIC_STREET, _ARABIC_UNIT, _ARABIC_TOWN),
    ):
        for m in street.finditer(text):
            end = m.end()
            for _ in range(2):
                u = unit.match(text, end)
                if u is None:
                    break
                end = u.end()
            t = town.match(text, end)
            if t is not None:
                yield m.start(), t.end()
            elif end > m.end() or re.search(r"\d", m.group()):
                yield m.start(), end
