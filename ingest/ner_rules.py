"""Corrections to statistical NER for the way police reports are written.

The small spaCy models were trained on news: they take ``NCB MADRID`` and
``IBAN`` for organisations, and a surname in capitals (``OGBEBOR Joy``, police
style) for an organisation too. These rules drop what is never an entity in a
report and re-type a would-be organisation that looks like a name and carries no
company word.

>>> retype("Organization", "OGBEBOR Joy"), retype("Organization", "Sahara Travel SARL")
('Person', 'Organization')
>>> retype("Organization", "NCB MADRID") is None
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from odyssey.ingest.extract.countries import nationality_of_value

if TYPE_CHECKING:
    from odyssey.ingest.lexicon import Lexicon

# Never entities: bureau names, the acronyms of the trade, currency codes, dates of birth.
_NOISE = re.compile(
    r"^(?:the |la |le |el |l')?(?:NCB|BCN|OCN|IPSG|INTERPOL|EUROPOL|FRONTEX)\b"
    r"|^(?:DOB|IBAN|BIC|SWIFT|IMO|MTCN|THB|TEH|SOM|OTH|SIM|IMEI|GPS|N°|No|Nr)\.?$"
    r"|^[A-Z]{3}$"  # currency codes (EUR, LYD, IQD...) and other three-letter codes
    r"|/\d{4}",  # pieces of references such as NCB-MADRID/2026
    re.IGNORECASE,
)
# Words that make a span an organisation, in the four languages.
_COMPANY = re.compile(
    r"\b(?:S\.?A\.?R\.?L|SAS|S\.?A|S\.?L|S\.?R\.?L|Ltd|Limited|LLC|Inc|GmbH|Co|Company|Corp|Group|Holding|"
    r"Travel|Tours?|Transports?|Transportes|Logistics?|Logistique|Shipping|Services?|Trading|Import|Export|"
    r"Agency|Agence|Agencia|Bank|Banque|Banco|Hotel|Restaurant|Bar|Club|Spa|Massage|Beauty|Models?|"
    r"Construction|Construcciones|Bureau|Office|Ministry|Ministère|Ministerio|Police|Polic[ií]a|Guardia|"
    r"Gendarmerie|Unit[ée]?|Unidad|Service|Servicio|Prosecutor|Parquet|Fiscal[ií]a|Court|Tribunal|Union|"
    r"Exchange|Change|Cambio|Money|Transfer|Western|Ria|Hawala|شركة|مكتب|وكالة|مؤسسة)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ'’-]+|[A-ZÀ-Ý][A-ZÀ-Ý'’-]+|[A-Z]\.)$")


def is_noise(text: str) -> bool:
    """True for what is never an entity in a report: ``NCB ROME``, ``IBAN``, ``EUR``."""
    return _NOISE.search(text) is not None


def is_company(text: str) -> bool:
    """True when ``text`` holds a word that makes it an organisation (``Travel``, ``SARL``)."""
    return _COMPANY.search(text) is not None


def retype(kind: str, text: str) -> str | None:
    """The entity type ``text`` should have, given NER said ``kind``; None to drop it."""
    words = text.split()
    if _NOISE.search(text):
        return None
    if (
        kind == "Organization"
        and not _COMPANY.search(text)
        and 1 <= len(words) <= 4
        and all(_NAME_TOKEN.match(w) for w in words)
        and (any(w.isupper() and len(w) > 1 for w in words) or len(words) >= 2)
    ):
        return "Person"
    return kind


# Titles, ranks and greetings written before a name, not part of it ("DS Gareth Price",
# "Mrs Joy OSAGIE-IDAHOSA", "Ciao Sophie"); each needs a capitalised word after it.
_BEFORE_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|DS|DI|DC|DCI|DSU|PC|Sgt|Insp|Capt|Mme|Mlle|Sr|Sra|Srta|"
    r"Dear|Hi|Hello|Ciao|Bonjour|Hola|Cher|Ch[èe]re|Estimad[oa])\.?\s+)+(?=[A-ZÀ-Ý])"
)
# Vehicle makes: "Toyota Hilux", "Fiat Doblò" are vehicles, not people. ("Mercedes" is
# left out: it is a given name too.)
_MAKES = frozenset({
    "toyota", "volkswagen", "vw", "fiat", "peugeot", "renault", "citroen", "citroën", "ford",
    "opel", "nissan", "hyundai", "kia", "mitsubishi", "iveco", "scania", "volvo", "daf", "bmw",
    "audi", "seat", "skoda", "škoda", "dacia", "isuzu", "mazda", "honda", "suzuki", "lada",
    "chevrolet",
})  # fmt: skip


def person_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a Person found at ``text[start:end]`` without a title or greeting before
    it; None when it is no person: a nationality or country ("Bangladeshi"), a vehicle
    ("Toyota Hilux")."""
    lead = _BEFORE_NAME.match(text, start, end)
    if lead is not None:
        start = lead.end()
    written = text[start:end]
    if start >= end or nationality_of_value(written) is not None:
        return None
    words = written.split()
    if words[0].casefold() in _MAKES and len(words) > 1 and not words[1].isupper():
        return None
    return start, end


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# What may stand between a sentence's end and its first word: spaces, opening marks, bullets.
_OPENERS = frozenset("¿¡\"“«'‘(*•·-–—")
_ENDS = frozenset(".!?:;\n")


def at_sentence_start(text: str, pos: int) -> bool:
    """True when the word at ``pos`` begins a text, a line, a sentence or a numbered point."""
    i = pos
    while i > 0 and ((text[i - 1].isspace() and text[i - 1] != "\n") or text[i - 1] in _OPENERS):
        i -= 1
    if i == 0 or text[i - 1] in _ENDS:
        return True
    return text[i - 1] == ")" and i >= 2 and text[i - 2].isdigit()  # "3) Rogamos..."


def proper_words(text: str) -> frozenset[str]:
    """The words written capitalised inside a sentence somewhere in ``text``: names there."""
    return frozenset(
        m.group()
        for m in _WORD.finditer(text)
        if m.group()[0].isupper() and not at_sentence_start(text, m.start())
    )


def sentence_start_trimmed(
    text: str, start: int, end: int, lexicon: Lexicon, proper: frozenset[str]
) -> int | None:
    """The start of an NER entity once the common words that open a sentence are left out.

    A capital at the start of a sentence says nothing, and the small models take such words
    for names (Spanish ``Adjunto``, ``Rogamos``, ``¿Podéis``; English ``Update``). An entity
    of one word there is dropped (None) when the word is a common word of the language
    (``lexicon``) and the text never writes it capitalised inside a sentence (``proper``:
    ``Rosa`` in "… met Rosa" is a name wherever it stands). An entity of several words only
    loses its leading stop words (``Según Carlos RUIZ``): a first name that is also a
    common word (``Rosa``, ``María``) stays in a full name.
    """
    words = list(_WORD.finditer(text, start, end))
    if not words or not at_sentence_start(text, words[0].start()):
        return start
    if len(words) == 1:
        word = words[0].group()
        return None if lexicon.is_common(word) and word not in proper else start
    for i, m in enumerate(words[:-1]):
        if m.group().lower() not in lexicon.stop:
            return start if i == 0 else m.start()
    return words[-1].start()
