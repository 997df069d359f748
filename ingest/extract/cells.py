"""Identifiers in table cells, where the column (not a cue word) says what the value is."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from odyssey.ingest.extract.banking import find_ibans
from odyssey.ingest.extract.crypto import find_wallets
from odyssey.ingest.extract.documents import find_documents
from odyssey.ingest.extract.emails import find_emails
from odyssey.ingest.extract.found import Found
from odyssey.ingest.extract.identifiers import resolve_overlaps
from odyssey.ingest.extract.phones import find_phones
from odyssey.ingest.extract.vehicles import find_plates
from odyssey.ingest.extract.vessels import find_vessels

_FINDERS: dict[str, Callable[[str, str | None], Iterable[Found]]] = {
    "Phone": find_phones,
    "BankAccount": lambda text, _: find_ibans(text),
    "Email": lambda text, _: find_emails(text),
    "CryptoWallet": lambda text, _: find_wallets(text),
    "Vessel": lambda text, _: find_vessels(text),
    "IdentityDocument": lambda text, _: find_documents(text),
    "Vehicle": lambda text, _: find_plates(text),
}
# The column already says what the cell is; the finders for these want a cue word.
_CUE = {"IdentityDocument": "passport ", "Vehicle": "registration plate "}


def identify_cell(type_name: str, cell: str, region: str | None = None) -> Found | None:
    """The identifier of ``type_name`` that ``cell`` holds, offsets relative to ``cell``; or None.

    >>> identify_cell("Phone", "0039 333 123 4567").value
    '+393331234567'
    >>> identify_cell("IdentityDocument", "A01234567 (Nigeria)").value
    'passport:NG:A01234567'
    """
    finder = _FINDERS.get(type_name)
    if finder is None:
        return None
    prefix = _CUE.get(type_name, "")
    found = [
        f
        for f in resolve_overlaps(finder(prefix + cell, region))
        if f.type == type_name and f.start >= len(prefix)
    ]
    best = max(found, key=lambda f: (f.end - f.start, f.confidence), default=None)
    if best is None:
        return None
    return dataclasses.replace(best, start=best.start - len(prefix), end=best.end - len(prefix))
