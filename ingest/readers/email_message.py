"""E-mails (.eml): the text body becomes a document; attachments are read recursively."""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import quopri
import re
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from functools import lru_cache

from odyssey.ingest.readers.header import (
    HANDLING_WORDS,
    REFERENCE,
    derive_fields,
    keyword,
    parse_header,
)
from odyssey.ingest.readers.source import FieldSpan, Limits, ReadError, SourceDocument
from odyssey.ingest.readers.text import decode

_REGISTRY = HeaderRegistry()


@lru_cache(maxsize=1024)
def _parsed_header(name: str, value: str) -> BaseHeader:
    return _REGISTRY(name, value)  # type: ignore[no-any-return]


class _HeadersParsedOnce(HeaderRegistry):
    """``email``'s header registry, keeping the headers it has parsed.

    The default policy parses a header again at every access, and walking a
    message's parts reads each Content-Type a dozen times. A parsed header is
    immutable and depends only on its name and value, so one serves them all.
    """

    def __call__(self, name: str, value: str) -> BaseHeader:
        return _parsed_header(name, value)


_POLICY = email.policy.default.clone(header_factory=_HeadersParsedOnce())


def read_email(name: str, data: bytes, limits: Limits, depth: int = 0) -> SourceDocument:
    """The e-mail's plain-text body (HTML stripped if that is all there is) and its attachments.

    Header fields come from the body's NCB header when it has one, else from the
    e-mail's own From/To/Subject/Date. Each attachment is read by the reader of
    its type; one that cannot be read is noted in ``warnings`` and skipped.
    """
    from odyssey.ingest.readers.registry import read_bytes

    if not data.strip():
        raise ReadError(f"{name} is empty; nothing to ingest")
    message = email.message_from_bytes(data, policy=_POLICY)
    if not isinstance(message, EmailMessage) or not (
        message["From"] or message["Subject"] or message.is_multipart()
    ):
        raise ReadError(
            f"{name} is not an e-mail (no From, Subject or MIME parts); check the file type"
        )
    text = _body(message, name)[: limits.max_text_chars]
    doc = SourceDocument(source=name, content=data, text=text, kind="email")
    header = parse_header(text)
    doc.fields, doc.spans, doc.body_start = (
        dict(header.fields),
        list(header.spans),
        header.body_start,
    )
    _fields_from_mail(doc, message)
    if "date" not in doc.fields and message["Date"]:
        try:
            doc.fields["date"] = email.utils.parsedate_to_datetime(str(message["Date"])).date()
        except (TypeError, ValueError):
            doc.warnings.append(f"unreadable Date header {message['Date']!r}")
    total = len(data)
    for count, part in enumerate(message.iter_attachments()):
        filename = part.get_filename() or f"attachment-{count + 1}"
        label = f"{name}!{filename}"
        if count >= limits.max_attachments:
            doc.warnings.append(
                f"more than {limits.max_attachments} attachments; the rest were skipped"
            )
            break
        if depth + 1 > limits.max_depth:
            doc.warnings.append(f"{label}: nested deeper than {limits.max_depth} levels; skipped")
            continue
        try:
            if part.get_content_type() == "message/rfc822":  # a forwarded e-mail
                payload = _forwarded_bytes(part)
                label = label if label.lower().endswith(".eml") else f"{label}.eml"
            else:
                payload = part.get_payload(decode=True) or b""
            total += len(payload)
            if len(payload) > limits.max_bytes or total > limits.max_total_bytes:
                raise ReadError(
                    f"{label} is larger than the limit ({len(payload) // 2**20} MB); skipped"
                )
            child = read_bytes(label, payload, limits, depth + 1)
        except ReadError as err:
            doc.warnings.append(str(err))
            continue
        for key in (
            "originating_ncb",
            "reference",
            "case_id",
            "crime_category",
            "handling_code",
            "date",
        ):
            if key in doc.fields:
                child.fields.setdefault(key, doc.fields[key])
        doc.attachments.append(child)
    return doc


_NCB_NAME = re.compile(r"\b(NCB|BCN|OCN)[\s-]+([A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*)*)")
_CASE_CUE = re.compile(
    r"(?:\bcase|\baffaire|\bdossier|\bcaso|\bexpediente|القضية)(?: (?:no\.?|n°|number|número|رقم))?[\s:]+"
    r"(?P<id>[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)",
    re.IGNORECASE,
)


def _fields_from_mail(doc: SourceDocument, message: EmailMessage) -> None:
    """Metadata an informal e-mail carries outside an NCB header: sender, subject tags, case cue."""
    f = doc.fields
    subject = " ".join(str(message["Subject"] or "").split())
    sender = str(message["From"] or "")
    f.setdefault("subject", subject or None)
    f.setdefault("sender", sender)
    if "originating_ncb" not in f and (m := _NCB_NAME.search(sender)):
        f["originating_ncb"] = f"{m[1].upper()} {m[2].upper()}"
    if "reference" not in f and (m := REFERENCE.search(subject)):
        f["reference"] = m[0]
    if "handling_code" not in f:
        tags = " ".join(re.findall(r"\[([^\]]+)\]", subject))
        if tags and (code := keyword(tags, HANDLING_WORDS)):
            f["handling_code"] = code
    if "case_id" not in f and (m := _CASE_CUE.search(doc.text[:5000])):
        f["case_id"] = m["id"]
        doc.spans.append(FieldSpan("case_id", m.start("id"), m.end("id")))
    derive_fields(f)


def _forwarded_bytes(part: EmailMessage) -> bytes:
    """The bytes of a forwarded e-mail: a parsed message part, sometimes (against RFC 2046) base64-encoded."""
    inner = part.get_payload(0)
    if inner is None:
        return b""
    raw = inner.as_bytes()
    encoding = str(part.get("Content-Transfer-Encoding", "")).lower()
    if encoding == "base64":
        return base64.b64decode(raw)
    if encoding == "quoted-printable":
        return quopri.decodestring(raw)
    return raw


def _body(message: EmailMessage, name: str) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        content = decode(part.get_payload(decode=True) or b"", name)
    if isinstance(content, bytes):
        content = decode(content, name)
    if part.get_content_subtype() == "html":
        from html.parser import HTMLParser

        chunks: list[str] = []
        parser = HTMLParser()
        parser.handle_data = chunks.append  # type: ignore[method-assign]
        parser.feed(content)
        content = "".join(chunks)
    return content.replace("\r\n", "\n")
