"""The domain model: documents, mentions, entities, links and cases.

Every fact in Odyssey points back to the exact characters it came from:

* a :class:`Document` is identified by the SHA-256 of its content, so the same
  file ingested twice is one document;
* a :class:`Mention` is a span ``text[start:end]`` of a document, with the method
  that found it and how sure that method is;
* an :class:`Entity` is a typed node with a stable id (for identifiers the id is
  the normalised value, so one phone number is one node everywhere);
* a :class:`Link` is one typed relation stated in one place, with its
  :class:`Evidence` span; several statements of the same relation are several
  links, folded into weighted edges only when a graph is projected.

Records are immutable and validate themselves on construction, so a bad record
fails where it is made, not deep inside a store.

Example
-------
>>> doc = Document.from_text("Ali HASSAN uses +218912345678.", source="r1.txt", language="en")
>>> m = Mention.at(doc, 0, 10, type="Person", method="rule:test", confidence=0.9)
>>> m.text
'Ali HASSAN'
"""

from __future__ import annotations

import hashlib
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any

from odyssey.errors import ValidationError
from odyssey.schema import entity_type, link_type


class CrimeCategory(StrEnum):
    """The crime areas of the Odyssey analysis file."""

    TRAFFICKING = "trafficking"
    SMUGGLING = "smuggling"
    OTHER = "other"


#: INTERPOL's classification levels, from least to most restricted. Reads can be
#: limited to a subset of these (see ``odyssey.graph.ReadScope``).
HANDLING_CODES: tuple[str, ...] = ("official", "restricted", "confidential")

_GRADING = re.compile(r"^[A-F][1-6]$")


def _digest(*parts: object) -> str:
    """A short, stable hex digest of ``parts`` (never Python's salted ``hash``)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


def _in_document(document_id: str, *parts: object) -> str:
    """A stable id digest that starts with ten characters of ``document_id``.

    Mentions and links are stored by id; ids that begin with their document's
    sort together, so one file's mentions land on one or two pages of the id
    index instead of one page each (on 4 000 generated reports the store wrote
    13 % less CPU). The rest is the digest of everything that makes the id unique.
    """
    return document_id[:10] + _digest(document_id, *parts)[:14]


def _category(value: str) -> CrimeCategory:
    try:
        return CrimeCategory(value)
    except ValueError:
        valid = ", ".join(c.value for c in CrimeCategory)
        raise ValidationError(f"crime category {value!r} is unknown; use one of {valid}") from None


_FIELD_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _as_call(record: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickle a record as the call that makes it (``__reduce__``): the class and its fields.

    Ingestion's worker processes send every extracted record back pickled; the
    default for a frozen slotted dataclass restores it field by field in Python,
    which cost the parent process more than half a second per 1 000 reports. A
    constructor call is faster, and validates the record again on arrival.
    """
    cls = type(record)
    getter = _FIELD_GETTERS.get(cls)
    if getter is None:
        names = [f.name for f in fields(cls) if f.init]
        get = operator.attrgetter(*names)  # a tuple, for two names or more
        getter = _FIELD_GETTERS[cls] = get if len(names) > 1 else lambda r: (get(r),)
    return cls, getter(record)


def _check_confidence(value: float, what: str) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValidationError(f"{what} confidence {value!r} is outside 0..1; give a value in 0..1")


def _check_span(start: int, end: int, what: str) -> None:
    if start < 0 or end <= start:
        raise ValidationError(
            f"{what} span {start}..{end} is empty or negative; need 0 <= start < end"
        )


@dataclass(frozen=True, slots=True)
class Case:
    """A case file of one country, e.g. ``IT-SOM-2026-031`` (Operation MARE NOSTRUM)."""

    id: str
    title: str = ""
    crime_category: CrimeCategory = CrimeCategory.OTHER
    country: str | None = None
    originating_ncb: str | None = None
    opened: date | None = None

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _as_call(self)

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise ValidationError("case id is empty; give the case reference")
        object.__setattr__(self, "crime_category", _category(self.crime_category))


@dataclass(frozen=True, slots=True)
class Document:
    """One received item: a message, an e-mail, an attachment, a table.

    ``id`` is the SHA-256 of the original bytes, which makes ingestion
    idempotent. ``text`` is the extracted text that every mention's offsets
    index into. ``parent_id`` ties an attachment to its e-mail.
    """

    id: str
    source: str
    text: str
    kind: str = "message"
    language: str | None = None
    reference: str | None = None
    originating_ncb: str | None = None
    recipients: tuple[str, ...] = ()
    date: date | None = None
    subject: str | None = None
    case_id: str | None = None
    crime_category: CrimeCategory = CrimeCategory.OTHER
    handling_code: str = "official"
    grading: str | None = None
    parent_id: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _as_call(self)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[0-9a-f]{64}", self.id):
            raise ValidationError(
                f"document id {self.id!r} is not a SHA-256 hex digest; use Document.id_for(bytes)"
            )
        object.__setattr__(self, "crime_category", _category(self.crime_category))
        object.__setattr__(self, "recipients", tuple(self.recipients))
        if self.handling_code not in HANDLING_CODES:
            raise ValidationError(
                f"handling code {self.handling_code!r} is unknown; use one of {', '.join(HANDLING_CODES)}"
            )
        if self.grading is not None and not _GRADING.match(self.grading):
            raise ValidationError(
                f"grading {self.grading!r} is not an Admiralty code; use a letter A-F and a digit 1-6, e.g. B2"
            )

    @staticmethod
    def id_for(content: bytes) -> str:
        """The document id for these original bytes (SHA-256, hex)."""
        return hashlib.sha256(content).hexdigest()

    @classmethod
    def from_text(cls, text: str, *, source: str, **fields: Any) -> Document:
        """A document whose original bytes are ``text`` in UTF-8 (handy in notebooks and tests)."""
        return cls(id=cls.id_for(text.encode("utf-8")), source=source, text=text, **fields)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a link is stated: ``document.text[start:end]`` (a sentence, a header line, a table row)."""

    document_id: str
    start: int
    end: int

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _as_call(self)

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "evidence")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that names an entity, with who found it and how sure it is.

    ``value`` is the normalised form for identifiers (E.164 phone, IBAN without
    spaces...); ``entity_id`` is filled once resolution has decided which entity
    the mention belongs to.
    """

    document_id: str
    start: int
    end: int
    text: str
    type: str
    method: str
    confidence: float
    value: str | None = None
    entity_id: str | None = None
    id: str = ""

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _as_call(self)

    def __post_init__(self) -> None:
        entity_type(self.type)
        _check_span(self.start, self.end, "mention")
        _check_confidence(self.confidence, "mention")
        if len(self.text) != self.end - self.start:
            raise ValidationError(
                f"mention text {self.text!r} has {len(self.text)} characters but its span "
                f"{self.start}..{self.end} has {self.end - self.start}; take the text from the document"
            )
        if not self.id:
            object.__setattr__(
                self, "id", "m:" + _in_document(self.document_id, self.start, self.end, self.type)
            )

    @classmethod
    def at(cls, document: Document, start: int, end: int, **fields: Any) -> Mention:
        """The mention of ``document.text[start:end]`` (the text is taken, never retyped)."""
        if end > len(document.text):
            raise ValidationError(
                f"mention span {start}..{end} runs past the end of {document.source} "
                f"({len(document.text)} characters)"
            )
        return cls(
            document_id=document.id, start=start, end=end, text=document.text[start:end], **fields
        )


def entity_id(type_name: str, key: str) -> str:
    """The stable id of the entity of ``type_name`` keyed by ``key``.

    For identifier types ``key`` is the normalised value and the id stays
    readable (``Phone:+218912345678``); for the others it is hashed, because
    people and organisations are keyed by what resolution decided.
    """
    if entity_type(type_name).identifier:
        return f"{type_name}:{key}"
    return f"{type_name}:{_digest(key)}"


@dataclass(frozen=True, slots=True)
class Entity:
    """A typed node: a person, an organisation, a phone, a passport...

    Writing an entity whose id exists merges it: the new label wins, the old
    label becomes an alias, aliases are united and properties updated, so no
    written form is ever lost.
    """

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    properties: Mapping[str, Any] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _as_call(self)

    def __post_init__(self) -> None:
        entity_type(self.type)
        if not self.id.strip() or not self.label.strip():
            raise ValidationError(
                f"{self.type} entity needs an id and a label; got {self.id!r}, {self.label!r}"
            )
        object.__setattr__(
            self, "aliases", tuple(dict.fromkeys(a for a in self.aliases if a != self.label))
        )


@dataclass(frozen=True, slots=True)
class Link:
    """One typed relation stated in one place.

    ``occurred_at`` is when it happened, where the source says so; when it was
    reported is the date of the evidence document. ``mention_ids`` point at the
    mentions of the two ends inside the evidence, where known.
    """

    type: str
    source: str
    target: str
    evidence: Evidence
    method: str
    confidence: float
    occurred_at: date | None = None
    mention_ids: tuple[str, ...] = ()
    properties: Mapping[str, Any] = field(default_factory=dict)
    id: str = ""

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _as_call(self)

    def __post_init__(self) -> None:
        kind = link_type(self.type)
        _check_confidence(self.confidence, "link")
        if self.source == self.target:
            raise ValidationError(
                f"{self.type} link from {self.source} to itself; a link joins two entities"
            )
        object.__setattr__(self, "mention_ids", tuple(self.mention_ids))
        if not self.id:
            ev = self.evidence
            ends = (
                (self.source, self.target) if kind.directed else sorted((self.source, self.target))
            )
            object.__setattr__(
                self, "id", "l:" + _in_document(ev.document_id, self.type, *ends, ev.start, ev.end)
            )
