"""Tables (.csv, .tsv, .xlsx): rows of cells, each cell with its exact span in the text.

For CSV/TSV the text is the file itself, so a cell's span points at the
characters in the file; an XLSX sheet is rendered as tab-separated lines and the
spans point into that rendering (stored as the document's text). What the
columns *mean* is not decided here: a mapping (``odyssey.ingest.mapping``) turns
rows into entities and links.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from odyssey.ingest.readers.source import Limits, ReadError, SourceDocument, TableRow
from odyssey.ingest.readers.text import decode


def read_table(name: str, data: bytes, limits: Limits) -> SourceDocument:
    """Rows of a CSV/TSV (delimiter sniffed among , ; tab |) or of an XLSX's first sheet."""
    if Path(name.rsplit("!", 1)[-1]).suffix.lower() == ".xlsx":
        text = _xlsx_text(name, data, limits)
        delimiter = "\t"
    else:
        text = decode(data, name)
        delimiter = "\t" if name.lower().endswith(".tsv") else _sniff(text)
    rows = list(_rows(text, delimiter, name, limits))
    if not rows:
        raise ReadError(f"{name} has a header but no rows; nothing to ingest")
    return SourceDocument(source=name, content=data, text=text, kind="table", rows=rows)


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t", "|"), key=first.count)


def _cells(text: str, start: int, delimiter: str) -> tuple[list[tuple[int, int]], int]:
    """Cells of the record starting at ``start``: content spans, and where the next record starts.

    RFC 4180: a quoted cell may hold delimiters, newlines and doubled quotes;
    its span is the content inside the quotes.
    """
    spans: list[tuple[int, int]] = []
    pos, n = start, len(text)
    stop = _stops(delimiter)
    while True:
        if pos < n and text[pos] == '"':
            close = pos + 1
            while True:
                close = text.find('"', close)
                if close == -1:
                    close = n
                    break
                if close + 1 < n and text[close + 1] == '"':
                    close += 2
                    continue
                break
            spans.append((pos + 1, close))
            found = stop.search(text, min(close + 1, n))
            pos = found.start() if found else n
        else:
            found = stop.search(text, pos)
            end = found.start() if found else n
            spans.append((pos, end))
            pos = end
        if pos >= n or text[pos] == "\n":
            return spans, pos + 1
        pos += 1  # past the delimiter


@cache
def _stops(delimiter: str) -> re.Pattern[str]:
    """Where an unquoted cell ends: at the delimiter or the end of the line."""
    return re.compile(f"[{re.escape(delimiter)}\n]")


def _rows(text: str, delimiter: str, name: str, limits: Limits) -> Iterator[TableRow]:
    header_spans, pos = _cells(text, 0, delimiter)
    columns = [text[a:b].strip().replace('""', '"') for a, b in header_spans]
    if len([c for c in columns if c]) < 2:
        raise ReadError(f"{name} has no header row with at least two named columns; add one")
    number = 0
    while pos < len(text):
        row_start = pos
        spans, pos = _cells(text, pos, delimiter)
        row_end = min(pos - 1, len(text))  # the record's newline, or the end of the text
        if not text[row_start:row_end].strip():
            continue
        number += 1
        if number > limits.max_table_rows:
            raise ReadError(f"{name} has more than {limits.max_table_rows} rows; split the table")
        cells, cell_spans = {}, {}
        for column, (a, b) in zip(columns, spans, strict=False):
            value = text[a:b]
            stripped = value.strip()
            if column and stripped:
                lead = len(value) - len(value.lstrip())
                cells[column] = stripped.replace('""', '"')
                cell_spans[column] = (a + lead, a + lead + len(stripped))
        yield TableRow(number=number, cells=cells, span=(row_start, row_end), cell_spans=cell_spans)


def _xlsx_text(name: str, data: bytes, limits: Limits) -> str:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > limits.max_total_bytes:
                raise ReadError(
                    f"{name} would unpack beyond {limits.max_total_bytes // 2**20} MB; refused"
                )
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise ReadError(
            f"{name} is not a readable XLSX ({type(err).__name__}); re-save it"
        ) from None
    lines = []
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells = ["" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in row]
        lines.append("\t".join(cells))
        if len(lines) > limits.max_table_rows + 1:
            break
    book.close()
    return "\n".join(lines) + "\n"
