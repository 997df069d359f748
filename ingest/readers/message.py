"""NCB messages as text files (.txt, .md): the header, then the free text."""

from __future__ import annotations

from odyssey.ingest.readers.header import parse_header
from odyssey.ingest.readers.source import Limits, SourceDocument
from odyssey.ingest.readers.text import decode


def read_message(name: str, data: bytes, limits: Limits, kind: str = "message") -> SourceDocument:
    """A message: decoded text, the header's fields and spans, the body's start."""
    text = decode(data, name)[: limits.max_text_chars]
    return with_header(SourceDocument(source=name, content=data, text=text, kind=kind))


def with_header(doc: SourceDocument) -> SourceDocument:
    """Parse the header at the top of ``doc.text`` into ``doc`` (fields already set win)."""
    header = parse_header(doc.text)
    doc.fields = {**header.fields, **doc.fields}
    doc.spans.extend(header.spans)
    doc.body_start = header.body_start
    return doc
