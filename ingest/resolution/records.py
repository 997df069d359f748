"""Which records extraction writes: the identity a mention gets before resolution.

Identifiers are keyed by their normalised value (one phone number is one record
everywhere). People and organisations are keyed by *document and spelling*: two
"Ali HASSAN" in two reports are two records, and resolution decides, with
reasons, whether they are one man. Places and other named things keep the
folded, order-free spelling as their key (Zuwara is Zuwara).
"""

from __future__ import annotations

import re

from odyssey.model import entity_id
from odyssey.text import fold

#: The entity types whose records resolution compares (the others are keyed by value).
RESOLVED_TYPES: frozenset[str] = frozenset({"Person", "Organization"})

_WORD = re.compile(r"\w+", re.UNICODE)


def _folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def name_record_id(kind: str, label: str, document_id: str) -> str:
    """The record id of a name of ``kind`` written ``label`` in ``document_id``.

    >>> a = name_record_id("Person", "Ali HASSAN", "d1")
    >>> a == name_record_id("Person", "HASSAN, Ali", "d1"), a == name_record_id("Person", "Ali HASSAN", "d2")
    (True, False)
    """
    key = " ".join(sorted(_folded_words(label)))
    if kind in RESOLVED_TYPES:
        return entity_id(kind, f"{document_id}|{key}")
    return entity_id(kind, key)
