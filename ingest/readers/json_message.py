"""Messages exchanged as JSON: header fields as keys, the free text under ``body``/``text``."""

from __future__ import annotations

import json

from odyssey.ingest.readers.header import parse_date
from odyssey.ingest.readers.message import with_header
from odyssey.ingest.readers.source import Limits, ReadError, SourceDocument
from odyssey.ingest.readers.text import decode

_TEXT_KEYS = ("body", "text", "message", "content")
_FIELD_KEYS = {
    "reference": "reference", "ref": "reference",
    "from": "originating_ncb", "originator": "originating_ncb", "originating_ncb": "originating_ncb",
    "to": "recipients", "recipients": "recipients",
    "subject": "subject", "case": "case_id", "case_id": "case_id",
    "category": "crime_category", "crime_category": "crime_category",
    "handling": "handling_code", "handling_code": "handling_code",
    "grading": "grading", "language": "language",
}  # fmt: skip


def read_json_message(name: str, data: bytes, limits: Limits) -> SourceDocument:
    """A JSON object with a text field; known keys become header fields."""
    try:
        obj = json.loads(decode(data, name))
    except json.JSONDecodeError as err:
        raise ReadError(
            f"{name} is not valid JSON (line {err.lineno}); fix or re-export it"
        ) from None
    if not isinstance(obj, dict):
        raise ReadError(f"{name} holds a JSON {type(obj).__name__}, not a message object")
    text_key = next((k for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text_key is None:
        raise ReadError(
            f"{name} has no text field; give the message under one of {', '.join(_TEXT_KEYS)}"
        )
    doc = SourceDocument(
        source=name, content=data, text=obj[text_key][: limits.max_text_chars], kind="message"
    )
    for key, value in obj.items():
        target = _FIELD_KEYS.get(key.lower())
        if target is None or value in (None, ""):
            continue
        if target == "recipients":
            value = tuple(value) if isinstance(value, list) else tuple(str(value).split(";"))
        doc.fields[target] = value
    if isinstance(obj.get("date"), str):
        parsed = parse_date(obj["date"])
        if parsed:
            doc.fields["date"] = parsed
    return with_header(doc)
