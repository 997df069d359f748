"""Consistency checker for the hand-annotated evaluation sets (``bench/handset`` and the like).

The set is evaluation-only (see README.md): this script never scores an extractor, it only
verifies that ``annotations.json`` matches the report files it describes.

For every document it:

* reads the file as raw UTF-8 text (``.eml`` files too: headers and body, undecoded);
* resolves each mention ``(text, occurrence)`` to a span: the ``occurrence``-th match of
  ``text`` in the whole file, case-sensitive, searching overlapping matches (each search
  restarts one character after the previous match's start);
* fails when a string occurs fewer times than its ``occurrence``, when the type is unknown,
  when two mentions resolve to the same or overlapping spans, when a span starts or ends
  inside a word (a one-letter Arabic clitic such as و/ب, optionally with a kashida, may
  precede it), when a mention sits on a non-subject header line (FROM/TO/REF/CASE..., or
  an e-mail header other than Subject), or when an IBAN or IMO number has a bad check
  digit;
* warns when an annotated string also occurs as a whole word somewhere that no mention
  covers (a likely forgotten repeat); ``--strict`` turns those warnings into failures;
* prints mention counts per type and per language.

``--spans`` prints every resolved mention with its ``start``/``end`` character offsets in the
raw file text as JSON lines; ``--json-out PATH`` writes the same records to a file. These
offsets are deliberately not stored in ``annotations.json``: consumers map them onto the text
their own reader produces.

Usage::

    python bench/handset/check.py [--folder DIR] [--strict] [--spans] [--json-out PATH]

``--folder`` checks another set laid out the same way (report files next to an
``annotations.json``), e.g. ``bench/handset_blind``; the default is this script's folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

TYPES: frozenset[str] = frozenset(
    {
        "Person",
        "Organization",
        "Location",
        "Address",
        "Phone",
        "Email",
        "IdentityDocument",
        "BankAccount",
        "CryptoWallet",
        "Vehicle",
        "Vessel",
    }
)
LANGUAGES: frozenset[str] = frozenset({"en", "fr", "es", "ar"})

# Header labels whose line may carry annotations (persons/locations in the subject).
SUBJECT_LABELS: frozenset[str] = frozenset({"subject", "objet", "asunto", "الموضوع"})
# A "label: value" header line, e.g. "FROM: NCB ROME", "DE : BCN PARIS", "من: ...".
HEADER_LINE = re.compile(r"^(?P<label>[^\W\d_][^\n:]{0,24}?)\s*:\s?(?P<value>.*)$")
ARABIC_CLITICS = "وبلفك"  # one-letter prefixes glued to the next word: wa-, bi-, li-, fa-, ka-
TATWEEL = "\u0640"
IMO_RE = re.compile(r"^(?:IMO\s*)?(\d{7})$")
IBAN_RE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9 ]{8,40}$")


@dataclass(frozen=True)
class Span:
    """One resolved mention."""

    file: str
    language: str
    type: str
    text: str
    occurrence: int
    start: int
    end: int
    in_header: bool


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) match of ``needle`` in ``text``."""
    starts: list[int] = []
    i = text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def header_zones(path: Path, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return (forbidden, subject) character ranges of the document's header block.

    For ``.eml`` files the header block is the RFC 822 header (up to the first blank line);
    for other files it is a leading run of ``LABEL: value`` lines ended by a blank line. Lines
    labelled Subject/OBJET/ASUNTO/الموضوع are subject ranges; all others are forbidden.
    """
    end = text.find("\n\n")
    block = text[: end if end != -1 else len(text)]
    lines = block.split("\n")
    if path.suffix != ".eml" and not all(HEADER_LINE.match(line) for line in lines):
        return [], []
    forbidden: list[tuple[int, int]] = []
    subject: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        m = HEADER_LINE.match(line)
        label = m.group("label").strip().lower() if m else ""
        rng = (pos, pos + len(line))
        (subject if label in SUBJECT_LABELS else forbidden).append(rng)
        pos += len(line) + 1
    return forbidden, subject


def whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not glued to letters/digits (an Arabic clitic may precede)."""
    i = start - 1
    if i >= 0 and text[i] == TATWEEL:  # "بـ" written with a kashida before the name
        i -= 1
    before = text[i] if i >= 0 else " "
    if before in ARABIC_CLITICS and (i < 1 or not text[i - 1].isalnum()):
        before = " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum()
    )


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether [start, end) intersects any of ``ranges``."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


def iban_ok(value: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN written with or without spaces."""
    compact = value.replace(" ", "")
    if not IBAN_RE.match(value) or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def imo_ok(digits: str) -> bool:
    """IMO check digit: 7th digit = sum(d_i * (8 - i)) for i in 1..6, mod 10."""
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])


def check_document(
    doc: dict, errors: list[str], warnings: list[str], folder: Path = HERE
) -> list[Span]:
    """Resolve and validate the mentions of one document entry of the set in ``folder``."""
    name = doc["file"]
    path = folder / name
    if not path.is_file():
        errors.append(f"{name}: file not found")
        return []
    text = path.read_text(encoding="utf-8")
    forbidden, subject = header_zones(path, text)
    language = doc.get("language", "")
    if language not in LANGUAGES:
        errors.append(f"{name}: unknown language {language!r}")
    spans: list[Span] = []
    for k, mention in enumerate(doc["mentions"]):
        where = f"{name} mention #{k + 1} {mention.get('text')!r}"
        if set(mention) != {"type", "text", "occurrence"}:
            errors.append(f"{where}: keys must be type/text/occurrence, got {sorted(mention)}")
            continue
        mtype, mtext, occ = mention["type"], mention["text"], mention["occurrence"]
        if mtype not in TYPES:
            errors.append(f"{where}: unknown type {mtype!r}")
        if not isinstance(occ, int) or occ < 1 or not mtext or mtext != mtext.strip():
            errors.append(f"{where}: bad occurrence or untrimmed text")
            continue
        starts = find_all(text, mtext)
        if len(starts) < occ:
            errors.append(f"{where}: occurrence {occ} requested, {len(starts)} found")
            continue
        start = starts[occ - 1]
        span = Span(name, language, mtype, mtext, occ, start, start + len(mtext), False)
        if not whole_word(text, span.start, span.end):
            errors.append(f"{where}: span starts or ends inside a word")
        if inside(span.start, span.end, forbidden):
            errors.append(f"{where}: on a non-subject header line")
        if mtype == "BankAccount" and IBAN_RE.match(mtext) and not iban_ok(mtext):
            errors.append(f"{where}: IBAN checksum fails")
        imo = IMO_RE.match(mtext)
        if mtype == "Vessel" and imo and not imo_ok(imo.group(1)):
            errors.append(f"{where}: IMO check digit fails")
        in_header = path.suffix == ".eml" and span.start < max(text.find("\n\n"), 0)
        if in_header or inside(span.start, span.end, subject):
            span = Span(**{**asdict(span), "in_header": True})
        spans.append(span)

    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for a, b in itertools.pairwise(ordered):
        if b.start < a.end:
            errors.append(
                f"{name}: overlapping mentions {a.text!r}@{a.start} / {b.text!r}@{b.start}"
            )

    covered = [(s.start, s.end) for s in spans]
    for mtext in sorted({s.text for s in spans}):
        for start in find_all(text, mtext):
            end = start + len(mtext)
            if inside(start, end, covered) or inside(start, end, forbidden):
                continue
            if whole_word(text, start, end):
                line = text.count("\n", 0, start) + 1
                warnings.append(f"{name}:{line}: unannotated occurrence of {mtext!r}")
    return spans


def main(argv: list[str] | None = None) -> int:
    """Run the checks; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--spans", action="store_true", help="print resolved spans as JSON lines")
    parser.add_argument("--json-out", type=Path, help="write resolved spans to this JSON file")
    parser.add_argument(
        "--folder", type=Path, default=HERE, help="the set to check (default: bench/handset)"
    )
    args = parser.parse_args(argv)

    annotations = args.folder / "annotations.json"
    if not annotations.is_file():
        print(f"ERROR: {annotations} not found; pass --folder a set with an annotations.json")
        return 1
    data = json.loads(annotations.read_text(encoding="utf-8"))
    errors: list[str] = []
    warnings: list[str] = []
    spans: list[Span] = []
    listed: set[str] = set()
    for doc in data["documents"]:
        if doc["file"] in listed:
            errors.append(f"{doc['file']}: listed twice")
        listed.add(doc["file"])
        spans.extend(check_document(doc, errors, warnings, args.folder))
    for path in sorted(args.folder.iterdir()):
        is_report = path.suffix in {".txt", ".eml"} or path.name[:2].isdigit()
        if is_report and path.name not in listed:
            errors.append(f"{path.name}: report file has no annotation entry")

    if args.spans:
        for span in spans:
            print(json.dumps(asdict(span), ensure_ascii=False))
    if args.json_out:
        records = [asdict(span) for span in spans]
        args.json_out.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8")

    by_type = Counter(s.type for s in spans)
    by_lang = Counter(s.language for s in spans)
    docs_by_lang = Counter(doc["language"] for doc in data["documents"])
    print(f"{len(data['documents'])} documents, {len(spans)} mentions")
    print("per type:")
    for mtype in sorted(TYPES):
        print(f"  {mtype:<17} {by_type[mtype]:>4}")
    print("per language:")
    for lang in sorted(by_lang):
        print(f"  {lang:<3} {docs_by_lang[lang]:>2} docs {by_lang[lang]:>4} mentions")
    print("per type x language:")
    langs = sorted(by_lang)
    print("  " + " " * 17 + "".join(f"{lang:>5}" for lang in langs))
    pairs = Counter((s.type, s.language) for s in spans)
    for mtype in sorted(TYPES):
        print(f"  {mtype:<17}" + "".join(f"{pairs[mtype, lang]:>5}" for lang in langs))

    for message in warnings:
        print(f"WARNING: {message}")
    for message in errors:
        print(f"ERROR: {message}")
    failed = bool(errors) or (args.strict and bool(warnings))
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
