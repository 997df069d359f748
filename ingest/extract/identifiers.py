"""The public entry point: every identifier family over one text, overlaps resolved.

Each family module scans the text on its own (compiled patterns, bounded
repetitions, work per cue word bounded), so the whole is linear in the length
of the text. Families may claim the same characters: ``912345678`` may read as
a national phone number and as a passport number behind "passport". The
resolution keeps, among overlapping results, the most confident one (a
checksum beats a cue word, ``+218`` beats a bare number), then the longer one.
"""

from __future__ import annotations

from collections.abc import Iterable

from odyssey.ingest.extract import documents, vehicles
from odyssey.ingest.extract._text import fold_digits, pick_languages
from odyssey.ingest.extract.banking import find_ibans
from odyssey.ingest.extract.crypto import find_wallets
from odyssey.ingest.extract.documents import find_documents
from odyssey.ingest.extract.emails import find_emails
from odyssey.ingest.extract.found import Found
from odyssey.ingest.extract.phones import check_region, find_phones
from odyssey.ingest.extract.repeats import repeats
from odyssey.ingest.extract.vehicles import find_plates
from odyssey.ingest.extract.vessels import find_vessels
from odyssey.text import Spans

__all__ = ["Found", "find_identifiers"]


def find_identifiers(
    text: str, *, default_region: str | None = None, language: str | None = None
) -> list[Found]:
    """Phones, e-mails, IBANs, document numbers, plates, IMO numbers and wallets in ``text``.

    ``default_region`` is the ISO-2 country of the bureau that wrote the report:
    it reads national phone numbers (``091-2345678`` in a Libyan report); without
    it only numbers written with ``+`` or ``00`` and a country code are phones.
    ``language`` (``en``, ``fr``, ``es``, ``ar``) narrows the cue words for
    documents and plates to that language and English; ``None`` or another
    language uses them all. Arabic-Indic digits are read as digits.

    Returns results sorted by ``start``, none overlapping another;
    ``text[f.start:f.end]`` is always the written form.

    >>> text = "Mohamed uses +218 91 234 5678 and the Nigerian passport A01234567."
    >>> [(f.type, text[f.start:f.end], f.value) for f in find_identifiers(text)]
    [('Phone', '+218 91 234 5678', '+218912345678'), \
('IdentityDocument', 'A01234567', 'passport:NG:A01234567')]
    """
    region = check_region(default_region)
    folded = fold_digits(text)
    found: list[Found] = []
    found.extend(find_ibans(folded))
    found.extend(find_wallets(folded))
    found.extend(find_vessels(folded))
    found.extend(find_emails(folded))
    found.extend(find_documents(folded, pick_languages(language, documents.LANGUAGES)))
    found.extend(find_plates(folded, pick_languages(language, vehicles.LANGUAGES)))
    found.extend(find_phones(folded, region))
    kept = resolve_overlaps(found)
    # repeats never overlap what was kept nor one another: merging them only needs a sort
    return sorted([*kept, *repeats(folded, kept)], key=lambda f: f.start)


def resolve_overlaps(found: Iterable[Found]) -> list[Found]:
    """The non-overlapping best of ``found``, sorted by start.

    Greedy by rank: most confident first, then longest, then earliest; a result
    is kept when it overlaps none kept before it.
    """
    ranked = sorted(found, key=lambda f: (-f.confidence, f.start - f.end, f.start))
    spans = Spans(())
    kept: list[Found] = []
    for f in ranked:
        if not spans.overlaps(f.start, f.end):
            spans.add(f.start, f.end)
            kept.append(f)
    kept.sort(key=lambda f: f.start)
    return kept
