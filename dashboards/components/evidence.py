"""The evidence panel's pieces: a report's exact words, with the mentions highlighted.

Every fact on a chart points at characters of a report. A passage shows the
sentence (the link's evidence span, or the sentence around a mention), the
report's reference, date, originating NCB, grading and handling code, and marks
the mentions of the selected entities in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from dash import html

from odyssey.model import Document

#: Where a sentence ends: a full stop (Latin or Arabic), question or exclamation mark, or a line break.
_SENTENCE_END = re.compile(r"[.!?؟۔]\s|\n")
#: The longest passage shown around a mention, in characters.
MAX_PASSAGE = 600


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``text[start:end]`` (at most :data:`MAX_PASSAGE` long)."""
    left = max(0, start - MAX_PASSAGE // 2)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    s = before[-1] if before else left
    after = _SENTENCE_END.search(text, end, min(len(text), end + MAX_PASSAGE // 2))
    e = after.start() + 1 if after else min(len(text), end + MAX_PASSAGE // 2)
    return s, e


def highlighted(text: str, offset: int, marks: Iterable[tuple[int, int, str]]) -> list[Any]:
    """``text`` (which starts at ``offset`` in its report) with ``marks`` (start, end, class) as <mark>."""
    parts: list[Any] = []
    pos = 0
    for start, end, cls in sorted(marks):
        s, e = max(start - offset, pos), min(end - offset, len(text))
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(html.Mark(text[s:e], className=cls))
        pos = e
    parts.append(text[pos:])
    return [p for p in parts if p != ""]


def document_meta(doc: Document, extra: Sequence[tuple[str, str]] = ()) -> html.Div:
    """The report's reference, date, originating NCB, grading and handling code, in one line."""
    fields = [
        ("Report", doc.reference or doc.source.rsplit("/", 1)[-1]),
        ("Date", doc.date.isoformat() if doc.date else "undated"),
        ("From", doc.originating_ncb or "unknown NCB"),
        ("Grading", doc.grading or "not graded"),
        ("Handling", doc.handling_code),
    ]
    if doc.case_id:
        fields.append(("Case", doc.case_id))
    fields.extend(extra)
    return html.Div(
        [html.Span([html.B(f"{k}: "), v]) for k, v in fields], className="evidence-meta"
    )


def passage(
    doc: Document,
    start: int,
    end: int,
    marks: Iterable[tuple[int, int, str]],
    *,
    extra: Sequence[tuple[str, str]] = (),
) -> html.Div:
    """One piece of evidence: the report's metadata, then ``doc.text[start:end]`` highlighted."""
    text = doc.text[start:end]
    lang = doc.language or ""
    return html.Div(
        [
            document_meta(doc, extra),
            html.Div(
                highlighted(text, start, marks),
                className="evidence-text",
                dir="auto",
                lang=lang,
            ),
        ],
        className="evidence",
    )
