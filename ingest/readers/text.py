"""Turning bytes into text: encodings, and refusing what is not text at all."""

from __future__ import annotations

from charset_normalizer import from_bytes

from odyssey.ingest.readers.source import ReadError

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def decode(data: bytes, name: str) -> str:
    """The text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, else the best guess.

    Raises :class:`ReadError` for empty input and for binary data (NUL bytes or
    no plausible encoding), so garbage never becomes a document.
    """
    if not data.strip():
        raise ReadError(f"{name} is empty; nothing to ingest")
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            return _clean(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:65536]:
        raise ReadError(f"{name} looks binary (NUL bytes), not text; check the file type")
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.chaos > 0.3:
        raise ReadError(f"{name} is not readable text in any known encoding; re-save it as UTF-8")
    return _clean(data.decode(best.encoding, errors="replace"))


def _clean(text: str) -> str:
    """Unify line ends so offsets are the same whichever system wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
