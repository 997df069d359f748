"""PDF and DOCX attachments: their text, then the usual header parsing.

Offsets index the *extracted* text (stored with the document), since a PDF has
no character stream of its own that an analyst could point into.
"""

from __future__ import annotations

import io
import zipfile

from odyssey.ingest.readers.message import with_header
from odyssey.ingest.readers.source import Limits, ReadError, SourceDocument


def read_pdf(name: str, data: bytes, limits: Limits) -> SourceDocument:
    """Text of every page of a PDF (pypdf), pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise ReadError(f"{name} is not a PDF (no %PDF signature); check the file type")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ReadError(f"{name} is an encrypted PDF; ask the sender for an unprotected copy")
        pages, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append(text)
            size += len(text)
            if size > limits.max_text_chars:
                break
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise ReadError(
            f"{name} is a damaged PDF ({type(err).__name__}); ask for the file again"
        ) from None
    text = "\n\n".join(p.strip("\n") for p in pages).replace("\r\n", "\n")[: limits.max_text_chars]
    if not text.strip():
        raise ReadError(f"{name} has no text layer (a scan?); run OCR on it first")
    return with_header(SourceDocument(source=name, content=data, text=text, kind="attachment"))


def read_docx(name: str, data: bytes, limits: Limits) -> SourceDocument:
    """Paragraphs and table cells of a DOCX, in document order (python-docx)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_zip(name, data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise ReadError(
            f"{name} is not a readable DOCX ({type(err).__name__}); re-save it in Word"
        ) from None
    parts: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(
                "".join(node.text or "" for node in block.iter() if node.tag.endswith("}t"))
            )
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row.iterchildren()
                        if cell.tag.endswith("}tc")
                    ]
                    parts.append(" | ".join(cells))
    text = "\n".join(parts)[: limits.max_text_chars]
    if not text.strip():
        raise ReadError(f"{name} contains no text; nothing to ingest")
    return with_header(SourceDocument(source=name, content=data, text=text, kind="attachment"))


def _check_zip(name: str, data: bytes, limits: Limits) -> None:
    """Refuse a DOCX whose parts would unpack beyond the limits (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ReadError(f"{name} is not a DOCX (not a zip package); check the file type") from None
    if total > limits.max_total_bytes:
        raise ReadError(
            f"{name} would unpack to {total // 2**20} MB, over the {limits.max_total_bytes // 2**20} MB limit; "
            "refused as a possible zip bomb"
        )
