"""Rule-based extraction of identifiers from police report text.

An identifier is a value that *is* its own key: a phone number, an e-mail
address, an IBAN, a passport or ID-card number, a registration plate, an IMO
number, a crypto wallet address. The same value written in different ways
(``+218 91 234 5678``, ``00218912345678``, ``091-2345678`` in a Libyan report)
normalises to one key, so it becomes one node in the graph whatever the report.

Everything here is deterministic: checksums (IBAN, IMO, base58check, bech32,
EIP-55, Spanish DNI/NIE) and libraries that know numbering plans
(``phonenumbers``) do the validating, cue words in English, French, Spanish and
Arabic tell what a bare number is. Every result carries exact character offsets
into the text it was given, so a mention always points back at its evidence.

The one public entry point is :func:`find_identifiers`; one module per
identifier family does the work (``phones``, ``emails``, ``banking``,
``documents``, ``vehicles``, ``vessels``, ``crypto``).
"""

from odyssey.ingest.extract.found import Found
from odyssey.ingest.extract.identifiers import find_identifiers

__all__ = ["Found", "find_identifiers"]
