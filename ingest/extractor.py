"""Extraction: from a read document to mentions, entities and links with evidence.

For free text: identifier rules first (they validate, and statistical NER
splits phone numbers), then spaCy NER for people, organisations and places,
then links between mentions of one sentence (typed by cue words, else weak
co-occurrence). For tables: a mapping turns each row into entities and links
whose evidence is the row. Every mention is ``document.text[start:end]``.

Entities are keyed deterministically (see ``resolution.records``): an identifier
by its normalised value (one phone number is one node everywhere); a person or
organisation by document and spelling, so namesakes are not merged blindly and
entity resolution decides, with reasons, which records are one; a place by its
folded, order-free spelling. A person's birth date and "known as" aliases
written right after the name are kept on its record for resolution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from odyssey.ingest import nlp as nlp_models
from odyssey.ingest.extract import find_identifiers
from odyssey.ingest.extract.cells import identify_cell
from odyssey.ingest.gazetteer import find_places
from odyssey.ingest.language import detect_language
from odyssey.ingest.lexicon import lexicon
from odyssey.ingest.mapping import Mapping, builtin_mappings, choose_mapping
from odyssey.ingest.names import NameSpan, name_spans
from odyssey.ingest.nationality import with_nationality_code
from odyssey.ingest.ncbs import country_of_ncb
from odyssey.ingest.ner_rules import person_span, proper_words, retype, sentence_start_trimmed
from odyssey.ingest.readers import SourceDocument
from odyssey.ingest.readers.header import parse_date
from odyssey.ingest.relations import CueText, Span, cue_text, relations_in_sentence
from odyssey.ingest.resolution.context import describe
from odyssey.ingest.resolution.coref import antecedents
from odyssey.ingest.resolution.records import name_record_id
from odyssey.ingest.routes import Place, route_legs
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention, entity_id
from odyssey.schema import is_identifier
from odyssey.text import fold

_DOCUMENT_FIELDS = {
    "language", "reference", "originating_ncb", "recipients", "date", "subject", "case_id",
    "crime_category", "handling_code", "grading",
}  # fmt: skip
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class Extraction:
    """What one document yields: the document, its case, mentions, entities and links."""

    document: Document
    case: Case | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def name_key(text: str) -> str:
    """Order-free, case- and accent-free key of a name: ``ABDELRAHMAN, Mohamed`` → ``abdelrahman mohamed``."""
    return " ".join(sorted(_WORD.findall(fold(text))))


class Extractor:
    """Extracts documents in batches (``nlp.pipe`` per language).

    ``mappings`` are tried on tables (default: the built-in ones); ``case_id``
    files every document under that case unless its header names one.
    """

    def __init__(
        self, mappings: Sequence[Mapping] | None = None, case_id: str | None = None
    ) -> None:
        self.mappings = list(mappings) if mappings is not None else builtin_mappings()
        self.case_id = case_id

    def extract(self, sources: Iterable[SourceDocument]) -> list[Extraction]:
        """Extract each source and its attachments (flattened, parents first)."""
        flat: list[tuple[SourceDocument, str | None]] = []

        def walk(src: SourceDocument, parent: str | None) -> None:
            flat.append((src, parent))
            for child in src.attachments:
                walk(child, Document.id_for(src.content))

        for src in sources:
            walk(src, None)
        results = [self._document(src, parent) for src, parent in flat]
        texts = [
            (i, res)
            for i, (res, (src, _)) in enumerate(zip(results, flat, strict=True))
            if src.rows is None
        ]
        by_language: dict[str | None, list[int]] = {}
        for i, res in texts:
            by_language.setdefault(res.document.language, []).append(i)
        for language, indexes in by_language.items():
            nlp = nlp_models.pipeline(
                language if language in nlp_models.configured_models() else None
            )
            bodies = (flat[i][0].text[flat[i][0].body_start :] for i in indexes)
            for i, parsed in zip(indexes, nlp.pipe(bodies, batch_size=32), strict=True):
                self._text(results[i], flat[i][0], parsed)
        for res, (src, _) in zip(results, flat, strict=True):
            if src.rows is not None:
                self._table(res, src)
        return results

    # -- documents ---------------------------------------------------------------

    def _document(self, src: SourceDocument, parent: str | None) -> Extraction:
        fields = {k: v for k, v in src.fields.items() if k in _DOCUMENT_FIELDS}
        if src.rows is None and "language" not in fields:
            fields["language"] = detect_language(src.text[src.body_start :])
        fields.setdefault("case_id", self.case_id)
        document = Document(
            id=Document.id_for(src.content), source=src.source, text=src.text, kind=src.kind,
            parent_id=parent, metadata={k: v for k, v in src.fields.items() if k not in _DOCUMENT_FIELDS},
            **fields,
        )  # fmt: skip
        case = None
        if document.case_id:
            case = Case(
                id=document.case_id, title=str(src.fields.get("case_title", "")),
                crime_category=document.crime_category, country=country_of_ncb(document.originating_ncb),
                originating_ncb=document.originating_ncb, opened=document.date,
            )  # fmt: skip
        return Extraction(document=document, case=case, warnings=list(src.warnings))

    # -- free text ----------------------------------------------------------------

    def _text(self, res: Extraction, src: SourceDocument, parsed) -> None:  # type: ignore[no-untyped-def]
        doc, offset = res.document, src.body_start
        region = country_of_ncb(doc.originating_ncb)
        body = doc.text[offset:]
        taken = self._identifiers(res, body, offset, region)
        ents = []
        words = lexicon(doc.language)
        proper: frozenset[str] | None = None
        for ent in parsed.ents:
            kind = nlp_models.LABELS.get(ent.label_)
            if kind is None:
                continue
            if proper is None:
                proper = proper_words(body)
            start = sentence_start_trimmed(body, ent.start_char, ent.end_char, words, proper)
            if start is None:
                continue
            written = body[start : ent.end_char]
            if _plausible_name(written) and (kind := retype(kind, written)) is not None:
                ents.append((start, ent.end_char, kind))
        spans = []
        for span in name_spans(body, ents, taken, doc.language):
            if span.type == "Person" and span.place is None:
                kept = person_span(body, span.start, span.end)
                if kept is None:
                    continue
                span = replace(span, start=kept[0], end=kept[1])
            spans.append((offset, span))
        for written in src.spans:  # the subject line: "OBJET : véhicule GH-417-KT, Calais"
            if written.name == "subject":
                subject = doc.text[written.start : written.end]
                held = self._identifiers(res, subject, written.start, region)
                spans.extend(
                    (written.start, NameSpan(s, e, "Location", "gazetteer:subject", 0.8, place))
                    for s, e, place in find_places(subject, doc.language)
                    if not any(s < b and a < e for a, b in held)
                )
        labels = [" ".join(doc.text[b + s.start : b + s.end].split()) for b, s in spans]
        described = [
            describe(doc.text, b + s.end, b + s.start) if s.type == "Person" else ({}, ())
            for b, s in spans
        ]
        people = [i for i, (_, s) in enumerate(spans) if s.type == "Person" and s.place is None]
        stands_for = {  # "MANSOUR" after "Mohamed MANSOUR" is his mention, not a new record
            people[i]: people[j]
            for i, j in antecedents(
                [(spans[k][0] + spans[k][1].start, labels[k], described[k][1]) for k in people]
            ).items()
        }
        for k, (base, span) in enumerate(spans):
            label = labels[k]
            if span.place is not None:  # one node per place, whatever the language
                entity = Entity(
                    entity_id("Location", _place_key(span.place.id)), "Location",
                    span.place.name, (label,) if label != span.place.name else (),
                    span.place.properties(),
                )  # fmt: skip
            else:  # a record of this report; resolution decides which records are one entity
                props, aliases = described[k]
                full = labels[stands_for.get(k, k)]  # the short form's words are in it already
                entity = Entity(
                    name_record_id(span.type, full, doc.id), span.type, full, aliases, props
                )
            self._mention(
                res, entity, base + span.start, base + span.end, span.method, span.confidence
            )
        res.mentions.sort(key=lambda m: (m.start, m.end))
        self._links_by_sentence(
            res, [(offset + s.start_char, offset + s.end_char) for s in parsed.sents]
        )

    def _identifiers(
        self, res: Extraction, text: str, base: int, region: str | None
    ) -> list[tuple[int, int]]:
        """Mention the identifiers found in ``text`` (at ``base`` in the document); their spans."""
        taken: list[tuple[int, int]] = []
        for found in find_identifiers(text, default_region=region, language=res.document.language):
            ent = Entity(
                entity_id(found.type, found.value),
                found.type,
                found.value,
                properties=found.properties,
            )
            self._mention(
                res,
                ent,
                base + found.start,
                base + found.end,
                found.method,
                found.confidence,
                found.value,
            )
            taken.append((found.start, found.end))
        return taken

    def _links_by_sentence(self, res: Extraction, sentences: list[tuple[int, int]]) -> None:
        mentions = sorted(range(len(res.mentions)), key=lambda i: res.mentions[i].start)
        cues: CueText | None = None  # made at the first sentence with two mentions
        j = 0
        for start, end in sentences:
            spans = []
            while j < len(mentions) and res.mentions[mentions[j]].start < end:
                m = res.mentions[mentions[j]]
                if m.start >= start:
                    spans.append(Span(mentions[j], m.start, m.end, m.type))
                j += 1
            if len(spans) < 2:
                continue
            text = res.document.text
            if cues is None:
                cues = cue_text(text)
            for rel in relations_in_sentence(text, (start, end), spans, cues):
                a, b = res.mentions[rel.source], res.mentions[rel.target]
                if a.entity_id == b.entity_id or a.entity_id is None or b.entity_id is None:
                    continue
                res.links.append(
                    Link(
                        rel.type, a.entity_id, b.entity_id, Evidence(res.document.id, start, end),
                        method=f"cue:{rel.cue.lower()}" if rel.cue else "cooccurrence", confidence=rel.confidence,
                        mention_ids=(a.id, b.id),
                    )
                )  # fmt: skip
            self._routes(res, (start, end), spans)

    @staticmethod
    def _routes(res: Extraction, sentence: tuple[int, int], spans: list[Span]) -> None:
        """ROUTE links between the places of one sentence that writes a route (``routes.py``)."""
        if sum(span.type == "Location" for span in spans) < 2:
            return
        places = []
        for span in spans:
            m = res.mentions[span.index]
            if span.type == "Location" and m.entity_id is not None:
                props = res.entities[m.entity_id].properties
                country = props.get("country")
                places.append(
                    Place(
                        span.index, m.start, m.end, m.entity_id,
                        country if isinstance(country, str) else None, props.get("kind") == "country",
                    )
                )  # fmt: skip
        if len(places) < 2:
            return
        for leg in route_legs(res.document.text, places, sentence):
            a, b = res.mentions[leg.source], res.mentions[leg.target]
            res.links.append(
                Link(
                    "ROUTE", a.entity_id, b.entity_id, Evidence(res.document.id, *sentence),  # type: ignore[arg-type]
                    method=leg.method, confidence=leg.confidence, mention_ids=(a.id, b.id),
                    properties={"order": leg.order, "legs": leg.legs},
                )
            )  # fmt: skip

    # -- tables ---------------------------------------------------------------------

    def _table(self, res: Extraction, src: SourceDocument) -> None:
        assert src.rows is not None
        columns = list(dict.fromkeys(c for row in src.rows for c in row.cells))
        mapping = choose_mapping(columns, self.mappings)
        if mapping is None:
            res.warnings.append(
                f"{src.source}: no mapping fits the columns {', '.join(columns[:8])}; give one with --mapping"
            )
            return
        specs = {e.name: (e, mapping.column_for(e, columns)) for e in mapping.entities}
        ncb_country = country_of_ncb(res.document.originating_ncb)
        regions = [ncb_country] if ncb_country else _table_countries(src, specs)
        for row in src.rows:
            ends: dict[str, Mention] = {}
            for name, (spec, column) in specs.items():
                if column is None or column not in row.cells:
                    continue
                start, end = row.cell_spans[column]
                entity = self._cell_entity(
                    spec.type, row.cells[column], regions, spec.properties, mapping, row.cells,
                    res.document.id,
                )  # fmt: skip
                if entity is None:
                    res.warnings.append(
                        f"row {row.number}: {column} {row.cells[column]!r} is not a valid {spec.type}"
                    )
                    continue
                ends[name] = self._mention(
                    res, entity, start, end, f"table:{mapping.name}", 0.95, _value(entity)
                )
            for spec in mapping.links:
                a, b = ends.get(spec.source), ends.get(spec.target)
                if a is None or b is None or a.entity_id == b.entity_id:
                    continue
                when_col = mapping.column_for(spec.date, row.cells) if spec.date else None
                props = {
                    c: row.cells[c]
                    for c in (mapping.column_for([p], row.cells) for p in spec.properties)
                    if c
                }
                res.links.append(
                    Link(
                        spec.type, a.entity_id, b.entity_id, Evidence(res.document.id, *row.span),  # type: ignore[arg-type]
                        method=f"table:{mapping.name}", confidence=0.95,
                        occurred_at=_day(row.cells[when_col]) if when_col else None,
                        mention_ids=(a.id, b.id), properties=props,
                    )
                )  # fmt: skip

    @staticmethod
    def _cell_entity(kind, cell, regions, properties, mapping, cells, document_id):  # type: ignore[no-untyped-def]
        props = {}
        for prop, names in properties:
            column = mapping.column_for(names, cells)
            if column:
                props[prop] = cells[column]
        if kind == "Person":  # "Libyan", "libyenne", "LY" -> "LY"
            props = with_nationality_code(props)
        if is_identifier(kind):
            found = next(
                (f for r in regions or [None] if (f := identify_cell(kind, cell, r)) is not None),
                None,
            )
            if found is None:
                return None
            return Entity(
                entity_id(kind, found.value),
                kind,
                found.value,
                properties={**found.properties, **props},
            )
        label = " ".join(cell.split())
        return Entity(name_record_id(kind, label, document_id), kind, label, properties=props)

    # -- shared -------------------------------------------------------------------------

    @staticmethod
    def _mention(
        res: Extraction,
        ent: Entity,
        start: int,
        end: int,
        method: str,
        confidence: float,
        value: str | None = None,
    ) -> Mention:
        known = res.entities.get(ent.id)
        if known is None:
            res.entities[ent.id] = ent
        elif ent.label != known.label and ent.label not in known.aliases:
            res.entities[ent.id] = Entity(
                known.id,
                known.type,
                known.label,
                (*known.aliases, ent.label),
                {**ent.properties, **known.properties},
            )
        mention = Mention.at(
            res.document,
            start,
            end,
            type=ent.type,
            method=method,
            confidence=confidence,
            value=value,
            entity_id=ent.id,
        )
        res.mentions.append(mention)
        return mention


def _table_countries(src: SourceDocument, specs: dict) -> list[str]:  # type: ignore[type-arg]
    """Countries of a table's international phone numbers, most frequent first.

    A call-record export has no NCB header to say which country its national
    numbers (``07400...``) belong to; the countries its international numbers
    belong to are the candidates, tried in turn until one makes the number valid.
    """
    columns = [column for spec, column in specs.values() if spec.type == "Phone" and column]
    votes: dict[str, int] = {}
    for row in (src.rows or [])[:2000]:
        for column in columns:
            found = identify_cell("Phone", row.cells.get(column, ""))
            if found is not None and (country := found.properties.get("country")):
                votes[country] = votes.get(country, 0) + 1
    return sorted(votes, key=lambda c: (-votes[c], c))


def _value(entity: Entity) -> str | None:
    return entity.id.split(":", 1)[1] if is_identifier(entity.type) else None


def _place_key(place_id: str) -> str:
    """The key of a gazetteer place: ``geonames:ID`` for GeoNames cities and ISO countries;
    the hand-compiled places carry their own prefix (``island:lesbos``)."""
    return place_id if ":" in place_id else f"geonames:{place_id}"


def _plausible_name(text: str) -> bool:
    """Drop NER debris: single characters, numbers, all-lower-case common words."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not text.islower() and len(text) <= 120


def _day(written: str) -> date | None:
    try:
        return datetime.fromisoformat(written.strip()).date()
    except ValueError:
        return parse_date(written)
