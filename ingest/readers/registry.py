"""Which reader reads which file: chosen by suffix, bounded by :class:`Limits`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from odyssey.ingest.readers.email_message import read_email
from odyssey.ingest.readers.json_message import read_json_message
from odyssey.ingest.readers.message import read_message
from odyssey.ingest.readers.network_file import read_network
from odyssey.ingest.readers.office import read_docx, read_pdf
from odyssey.ingest.readers.source import DEFAULT_LIMITS, Limits, ReadError, SourceDocument
from odyssey.ingest.readers.tables import read_table

Reader = Callable[[str, bytes, Limits], SourceDocument]

READERS: dict[str, Reader] = {
    ".txt": read_message,
    ".md": read_message,
    ".eml": read_email,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".json": read_json_message,
    ".csv": read_table,
    ".tsv": read_table,
    ".xlsx": read_table,
    ".graphml": read_network,
    ".gexf": read_network,
}

#: File suffixes Odyssey can ingest.
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def read_bytes(
    name: str, data: bytes, limits: Limits = DEFAULT_LIMITS, depth: int = 0
) -> SourceDocument:
    """Read ``data`` as the file called ``name`` would be read."""
    suffix = Path(name.rsplit("!", 1)[-1]).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ReadError(
            f"{name}: {suffix or 'no suffix'} files are not supported; use one of {', '.join(sorted(READERS))}"
        )
    if len(data) > limits.max_bytes:
        raise ReadError(
            f"{name} is {len(data) // 2**20} MB, over the {limits.max_bytes // 2**20} MB limit; split it"
        )
    if suffix == ".eml":
        return read_email(name, data, limits, depth)
    return reader(name, data, limits)


def read_path(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    """Read the file at ``path`` (its size is checked before it is loaded)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ReadError(
                f"{path} is {size // 2**20} MB, over the {limits.max_bytes // 2**20} MB limit; split it"
            )
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(
            f"{path} cannot be read ({err.strerror}); check it exists and is readable"
        ) from None
    return read_bytes(str(path), data, limits)
