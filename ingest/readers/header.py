"""The header of an NCB message, in English, French, Spanish or Arabic.

NCB messages open with ``LABEL: value`` lines (FROM, TO, REFERENCE, DATE,
SUBJECT, CASE, CATEGORY, HANDLING, GRADING, or their French, Spanish and Arabic
forms) and then a blank line and the free text. :func:`parse_header` reads those
lines wherever a text comes from (a .txt message, an e-mail body, a PDF or DOCX
attachment), normalises the values and records where each one is written, so
header facts carry the same provenance as facts from the body.

>>> h = parse_header("DE : NCB PARIS\\nDATE : 14 mars 2026\\nAFFAIRE : FR-TEH-2026-004 (Opération LUMIÈRE)\\n\\nCorps.")
>>> h.fields["originating_ncb"], h.fields["date"].isoformat(), h.fields["case_id"], h.fields["case_title"]
('NCB PARIS', '2026-03-14', 'FR-TEH-2026-004', 'Opération LUMIÈRE')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import dateparser

from odyssey.ingest.readers.source import FieldSpan
from odyssey.text import fold as fold_text

#: Header labels by field, as written in the four working languages (compared
#: without case, accents or surrounding punctuation).
LABELS: dict[str, tuple[str, ...]] = {
    "originating_ncb": (
        "from",
        "de",
        "origin",
        "originator",
        "expediteur",
        "remitente",
        "من",
        "المرسل",
    ),
    "recipients": (
        "to",
        "a",
        "para",
        "destinataire",
        "destinatario",
        "destinataires",
        "إلى",
        "الى",
        "المرسل إليه",
    ),
    "reference": (
        "reference",
        "ref",
        "our ref",
        "our reference",
        "n/ref",
        "notre reference",
        "nuestra referencia",
        "referencia",
        "المرجع",
        "الرقم المرجعي",
        "مرجعنا",
    ),
    "date": ("date", "fecha", "التاريخ", "dated"),
    "subject": ("subject", "re", "objet", "asunto", "الموضوع"),
    "case": (
        "case",
        "case ref",
        "case reference",
        "affaire",
        "dossier",
        "caso",
        "expediente",
        "القضية",
        "الملف",
    ),
    "crime_category": (
        "category",
        "crime category",
        "categorie",
        "categoria",
        "الفئة",
        "التصنيف",
        "نوع الجريمة",
    ),
    "handling_code": (
        "handling",
        "handling code",
        "classification",
        "traitement",
        "diffusion",
        "tratamiento",
        "clasificacion",
        "التداول",
        "درجة السرية",
        "السرية",
    ),
    "grading": ("grading", "evaluation", "source grading", "calificacion", "valoracion", "التقييم"),
}

_LABEL_TO_FIELD = {
    unicodedata.normalize("NFC", label): name for name, labels in LABELS.items() for label in labels
}

# A header line: a label of letters and spaces (any script), a colon, a value.
_LINE = re.compile(
    r"^[ \t\u200e\u200f]*(?P<label>[^\W\d_][\w ./]{0,30}?)[ \t]*[:：][ \t]*(?P<value>\S.*?)[ \t\u200e\u200f]*$"
)

CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "smuggling",
        (
            "smuggling",
            "trafic de migrants",
            "trafic illicite de migrants",
            "trafico de migrantes",
            "trafico ilicito de migrantes",
            "tráfico de migrantes",
            "تهريب",
            "som",
        ),
    ),
    ("trafficking", ("trafficking", "traite", "trata", "explotacion", "الاتجار", "teh", "thb")),
    (
        "other",
        (
            "other",
            "autre",
            "otro",
            "otra",
            "أخرى",
            "laundering",
            "blanchiment",
            "blanqueo",
            "fraud",
            "fraude",
            "غسل",
            "تزوير",
        ),
    ),
)
HANDLING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("confidential", ("confidential", "confidentiel", "confidencial", "سري")),
    ("restricted", ("restricted", "restreint", "restringido", "reservado", "مقيد", "محدود")),
    ("official", ("official", "officiel", "oficial", "رسمي")),
)
_GRADING = re.compile(r"\b([A-F])\s*[/\-]?\s*([1-6])\b")
_CASE = re.compile(r"^(?P<id>[^\s(]+)\s*(?:[(\[](?P<title>[^)\]]*)[)\]])?\s*(?P<rest>.*)$")
_REF_CATEGORY = re.compile(r"/(TEH|THB|SOM|OTH)/", re.IGNORECASE)
#: An NCB message reference such as NCB-MADRID/2026/TEH/0147.
REFERENCE = re.compile(r"\b[A-Z]{2,5}-[A-Z][A-Z .'-]*?/\d{4}/[A-Z]{2,4}/\d{1,6}\b")
# Arabic month names used in the Levant and the Maghreb, as the forms dateparser knows.
_ARABIC_MONTHS = {
    "كانون الثاني": "يناير", "شباط": "فبراير", "آذار": "مارس", "نيسان": "أبريل", "أيار": "مايو",
    "حزيران": "يونيو", "تموز": "يوليو", "آب": "أغسطس", "أيلول": "سبتمبر", "تشرين الأول": "أكتوبر",
    "تشرين الثاني": "نوفمبر", "كانون الأول": "ديسمبر", "جانفي": "يناير", "فيفري": "فبراير",
    "أفريل": "أبريل", "ماي": "مايو", "جوان": "يونيو", "جويلية": "يوليو", "أوت": "أغسطس",
}  # fmt: skip
# Whole words only: "ماي" (Maghreb May) is also the start of "مايو", the form it becomes.
_ARABIC_MONTH = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted(map(re.escape, _ARABIC_MONTHS), key=len, reverse=True))
    + r")(?!\w)"
)


@dataclass(slots=True)
class Header:
    """Normalised header fields, where their values are written, and where the body starts."""

    fields: dict[str, Any] = field(default_factory=dict)
    spans: list[FieldSpan] = field(default_factory=list)
    body_start: int = 0
    hint_language: str | None = None


def fold(text: str) -> str:
    """Lower-case, without accents, spaces collapsed: how labels and keywords are compared."""
    return " ".join(unicodedata.normalize("NFC", fold_text(text)).replace(".", " ").split())


_FOLDED_LABELS = {fold(label): name for label, name in _LABEL_TO_FIELD.items()}


@lru_cache(maxsize=1024)
def _field_of_label(label: str) -> str | None:
    """The field a written label names, or None (the same few labels head every message)."""
    return _FOLDED_LABELS.get(fold(label))


def parse_header(text: str, *, start: int = 0, max_lines: int = 40) -> Header:
    """Read the ``LABEL: value`` lines at ``text[start:]`` (blank lines before them are skipped).

    The header ends at the first line that is not a known label, or at the first
    blank line after a known one. Unknown text yields an empty header with
    ``body_start == start``.
    """
    header = Header(body_start=start)
    pos, seen, lines = start, 0, 0
    while pos < len(text) and lines < max_lines:
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        lines += 1
        if not line.strip():
            if seen:
                header.body_start = end + 1
                break
            pos = end + 1
            continue
        match = _LINE.match(line)
        name = _field_of_label(match["label"]) if match else None
        if match is None or name is None:
            break
        seen += 1
        value_start, value_end = pos + match.start("value"), pos + match.end("value")
        _store(header, name, text[value_start:value_end], value_start, value_end)
        header.body_start = min(end + 1, len(text))
        pos = end + 1
    if not seen:
        header.body_start = start
    derive_fields(header.fields)
    return header


def _store(header: Header, name: str, raw: str, start: int, end: int) -> None:
    f = header.fields
    if name == "originating_ncb":
        f[name] = " ".join(raw.upper().split())
        header.spans.append(FieldSpan(name, start, end))
    elif name == "recipients":
        f[name] = tuple(" ".join(r.upper().split()) for r in re.split(r"[;,؛،]", raw) if r.strip())
    elif name == "reference":
        f[name] = raw.strip()
        header.spans.append(FieldSpan(name, start, end))
    elif name == "date":
        f["date_written"] = raw
    elif name == "subject":
        f[name] = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if f[name]:
            header.spans.append(FieldSpan(name, start + lead, start + lead + len(f[name])))
    elif name == "case":
        m = _CASE.match(raw.strip())
        if m:
            f["case_id"] = m["id"].strip(" ,;:")
            title = (m["title"] or m["rest"] or "").strip(" -–—,;")
            if title:
                f["case_title"] = title
            header.spans.append(FieldSpan("case_id", start, start + len(m["id"])))
    elif name == "crime_category":
        category = keyword(raw, CATEGORY_WORDS)
        if category:
            f[name] = category
    elif name == "handling_code":
        f[name] = keyword(raw, HANDLING_WORDS) or "official"
    elif name == "grading":
        m = _GRADING.search(raw.upper())
        if m:
            f[name] = m[1] + m[2]


def keyword(raw: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The value of the first row of ``table`` one of whose words starts a word of ``raw``."""
    folded = fold(raw)
    for value, words in _row_patterns(table):
        if words.search(folded):
            return value
    return None


@lru_cache(maxsize=32)
def _row_patterns(
    table: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each row's value and one pattern for its folded words, each at the start of a word."""
    return tuple(
        (value, re.compile("|".join(rf"(?<!\w){re.escape(fold(w))}" for w in words)))
        for value, words in table
    )


def derive_fields(f: dict[str, Any]) -> None:
    """Fill what the fields imply: the date from its written form, the crime area from the reference."""
    if "date_written" in f:
        parsed = parse_date(f.pop("date_written"))
        if parsed:
            f["date"] = parsed
    if "crime_category" not in f and "reference" in f:
        m = _REF_CATEGORY.search(f["reference"])
        if m:
            code = m[1].upper()
            f["crime_category"] = {"SOM": "smuggling", "OTH": "other"}.get(code, "trafficking")


def parse_date(written: str) -> date | None:
    """A date written in any of the four languages (day before month), or None.

    >>> parse_date("14 de marzo de 2026"), parse_date("14/03/2026") == parse_date("2026-03-14")
    (datetime.date(2026, 3, 14), True)
    """
    written = _ARABIC_MONTH.sub(lambda m: _ARABIC_MONTHS[m[0]], written.strip()[:60])
    common = _common_date(written)
    return common if common is not None else _dateparser_date(written)


def _dateparser_date(written: str) -> date | None:
    """dateparser's reading of ``written`` (Arabic month names already in its forms)."""
    value = dateparser.parse(
        written,
        languages=["en", "fr", "es", "ar"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
    )
    return value.date() if value else None


# The shapes most headers use, read without dateparser (milliseconds a call): "14/03/2026",
# "2026-03-14", "14 March 2026", "14 mars 2026", "1er mars 2026", "14 de marzo de 2026",
# "14 مارس 2026". Anything else, and any of these that is not a real date, goes to
# dateparser; tests/test_readers.py checks that both read these shapes alike.
_MONTHS_BY_LANGUAGE = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
_MONTH_NUMBERS = {
    language: {name: number for number, name in enumerate(names.split(), start=1)}
    for language, names in _MONTHS_BY_LANGUAGE.items()
}
_ANY_MONTH = {name: n for names in _MONTH_NUMBERS.values() for name, n in names.items()}
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})")
# "14 March 2026" in any of the four; "14 de marzo de 2026" in Spanish; "1er mars 2026" in French.
_WRITTEN_MONTH = (
    (re.compile(r"([0-9]{1,2}) ([^\W\d_]+) ([0-9]{4})"), _ANY_MONTH),
    (re.compile(r"([0-9]{1,2}) de ([^\W\d_]+) de ([0-9]{4})"), _MONTH_NUMBERS["es"]),
    (re.compile(r"(1)er ([^\W\d_]+) ([0-9]{4})"), _MONTH_NUMBERS["fr"]),
)


def _common_date(written: str) -> date | None:
    """``written`` read as one of the common shapes above, or None to let dateparser read it."""
    if m := _DAY_FIRST.fullmatch(written):
        day, month, year = int(m[1]), int(m[3]), int(m[4])
    elif m := _YEAR_FIRST.fullmatch(written):
        year, month, day = int(m[1]), int(m[3]), int(m[4])
    else:
        for pattern, months in _WRITTEN_MONTH:
            if (m := pattern.fullmatch(written)) and m[2].casefold() in months:
                day, month, year = int(m[1]), months[m[2].casefold()], int(m[3])
                break
        else:
            return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
