"""Read an upload (CSV/TSV/TXT or XLSX bytes) into a ``RawTable`` of text cells."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import PurePath

import pandas as pd

from ingest.decode import decode_bytes
from ingest.headers import header_score
from ingest.model import IngestError, RawTable
from ingest.xlsx import read_xlsx_rows

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
_HEADER_SEARCH = 10  # title rows above the header: look this far down for the header
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary .xls (and .doc)

Row = list[str | None]


def sniff_delimiter(text: str) -> str:
    """The delimiter giving the most rows with the same (>1) field count in the first lines.

    ``csv.Sniffer`` is fooled by title rows and by commas inside Chinese text, so we count.
    """
    sample = [line for line in text.split("\n", 40)[:40] if line.strip()]
    best, best_score = ",", (0, 0)
    for delim in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=delim) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        width, freq = Counter(widths).most_common(1)[0]
        score = (freq, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def _text_rows(text: str, delimiter: str) -> tuple[list[Row], list[int]]:
    """Stripped cells of every non-blank record and the file line where each record starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    lines: list[int] = []
    prev = 0
    try:
        for record in reader:
            start, prev = prev + 1, reader.line_num  # a quoted newline spans several lines
            cells = [c.strip() or None for c in record]
            if any(cells):
                rows.append(cells)
                lines.append(start)
    except csv.Error as exc:  # e.g. a NUL byte or an unterminated quote at the very end
        raise IngestError("unreadable_encoding") from exc
    return rows, lines


def _pick_header(rows: list[Row]) -> int:
    """Index of the header among the first rows: most known header words, else widest."""
    head = rows[:_HEADER_SEARCH]
    scores = [header_score(r) for r in head]
    if max(scores) > 0:
        return scores.index(max(scores))
    widths = [sum(c is not None for c in r) for r in head]
    return widths.index(max(widths))


def _unique_names(header: Row, width: int) -> list[str]:
    """Header names made unique (``value``, ``value.2``); empty ones become ``column_N``."""
    names: list[str] = []
    seen: set[str] = set()
    for i in range(width):
        base = header[i] if i < len(header) and header[i] else f"column_{i + 1}"
        name, n = base, 2
        while name in seen:
            name, n = f"{base}.{n}", n + 1
        seen.add(name)
        names.append(name)
    return names


def _trim(row: Row) -> Row:
    """Drop trailing empty cells so a trailing delimiter does not invent a column."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row if end == len(row) else row[:end]


def build_table(rows: list[Row], lines: list[int], **meta: object) -> RawTable:
    """Find the header, square the rows up and wrap them in a ``RawTable``."""
    if not rows:
        raise IngestError("no_rows")
    h = _pick_header(rows)
    header, data = _trim(rows[h]), [_trim(r) for r in rows[h + 1 :]]
    if not data:
        raise IngestError("no_rows")
    width = max(len(header), *(len(r) for r in data))
    data = [r if len(r) == width else r + [None] * (width - len(r)) for r in data]
    frame = pd.DataFrame(data, columns=_unique_names(header, width), dtype=object)
    notes = [f"Line {lines[i]} is above the header and was skipped: "
             f"{' '.join(c for c in rows[i] if c)}" for i in range(h)]
    return RawTable(frame=frame, lines=lines[h + 1 :], header_line=lines[h], notes=notes,
                    **meta)  # type: ignore[arg-type]


def _container(raw: bytes, filename: str) -> str:
    """``xlsx``, ``xls`` (unsupported) or ``text``: magic bytes first, then the extension."""
    ext = PurePath(filename).suffix.lower()
    if raw.startswith(b"PK\x03\x04") or ext in (".xlsx", ".xlsm"):
        return "xlsx"
    if raw.startswith(_OLE_MAGIC):
        return "xls"
    # Some systems save HTML tables as ".xls"; text/TSV named ".xls" we can still read.
    if ext == ".xls" and raw.lstrip()[:1] == b"<":
        return "xls"
    return "text"


def read_upload(raw: bytes, filename: str, *, sheet: str | None = None) -> RawTable:
    """Read an uploaded file: every cell as stripped text (``None`` when empty)."""
    if not raw.strip():
        raise IngestError("empty_file")
    container = _container(raw, filename)
    if container == "xls":
        raise IngestError("xls_not_supported")
    if container == "xlsx":
        rows, lines, sheet_name = read_xlsx_rows(raw, sheet)
        return build_table(rows, lines, encoding="xlsx", sheet=sheet_name)
    text, encoding = decode_bytes(raw)
    delimiter = sniff_delimiter(text)
    rows, lines = _text_rows(text, delimiter)
    return build_table(rows, lines, encoding=encoding, delimiter=delimiter)
