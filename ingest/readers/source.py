"""What a reader gives the pipeline: text, header fields and where they are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from odyssey.errors import OdysseyError


class ReadError(OdysseyError):
    """A file that cannot be read; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what a reader accepts, so one hostile file cannot stall a batch.

    ``max_bytes`` caps every file and every attachment; ``max_total_bytes`` caps
    everything unpacked from one e-mail (zip and MIME bombs); ``max_depth`` caps
    attachments inside attachments; ``max_text_chars`` caps extracted text.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 200 * 1024 * 1024
    max_depth: int = 4
    max_text_chars: int = 5_000_000
    max_attachments: int = 100
    max_table_rows: int = 1_000_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """A header field's value as written: ``text[start:end]`` (e.g. the originating NCB)."""

    name: str
    start: int
    end: int


@dataclass(slots=True)
class SourceDocument:
    """One readable unit: a message, an e-mail body, an attachment, a table.

    ``content`` is the original bytes (its SHA-256 is the document id);
    ``text`` is what mention offsets index into; ``fields`` holds normalised
    metadata named like :class:`odyssey.model.Document`'s fields (reference,
    originating_ncb, recipients, date, subject, case_id, case_title,
    crime_category, handling_code, grading, language); ``spans`` say where some
    of them are written; free text starts at ``body_start``. ``rows`` is set for
    tables: each row's cells by column name with the row's span and each cell's
    span in ``text``.
    """

    source: str
    content: bytes
    text: str
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)
    spans: list[FieldSpan] = field(default_factory=list)
    body_start: int = 0
    rows: list[TableRow] | None = None
    attachments: list[SourceDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a table: ``cells`` by column, ``span`` of the row, ``cell_spans`` by column."""

    number: int
    cells: dict[str, str]
    span: tuple[int, int]
    cell_spans: dict[str, tuple[int, int]]
