"""Readers: one per file format, each turning bytes into a :class:`SourceDocument`.

``read_path(path)`` picks the reader by file suffix; ``read_bytes(name, data)``
does the same for bytes that came from inside another file (an e-mail's
attachment). Every reader is bounded (:class:`Limits`) and raises
:class:`ReadError` with a one-line reason for a file it cannot read, so the
pipeline can report it and go on with the rest.

>>> from odyssey.ingest.readers import read_bytes
>>> doc = read_bytes("note.txt", "REFERENCE: NCB-ROME/2026/SOM/0147\\n\\nText.".encode())
>>> doc.fields["reference"]
'NCB-ROME/2026/SOM/0147'
"""

from odyssey.ingest.readers.registry import SUPPORTED_SUFFIXES, read_bytes, read_path
from odyssey.ingest.readers.source import FieldSpan, Limits, ReadError, SourceDocument

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FieldSpan",
    "Limits",
    "ReadError",
    "SourceDocument",
    "read_bytes",
    "read_path",
]
