"""Read an upload (CSV/TSV/TXT or XLSX bytes) into a ``RawTable`` of text cells.

Text files: the ``csv`` module reads the first records (delimiter, header row, title rows
above it) and pyarrow the rest (``ingest.fastcsv``); whenever pyarrow's reading could differ
(ragged rows, a quoted value over several lines) every record is read with the ``csv`` module.
"""

from __future__ import annotations

from pathlib import PurePath

from ingest.decode import decode_lines
from ingest.fastcsv import fast_table
from ingest.limits import check_size
from ingest.model import IngestError, RawTable, Workbook
from ingest.records import HEADER_SEARCH, build_table, sniff_delimiter, text_rows
from ingest.two_names import with_name, with_names

__all__ = ["read_sheets", "read_upload", "sniff_delimiter"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary .xls (and .doc)
_UTF8_BOM = b"\xef\xbb\xbf"
_HEAD_BYTES = 1 << 16  # decoded in Python to find the delimiter and the header
_SNIFF_LINES = 41  # sniff_delimiter looks at the first 40 lines


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


def _utf8_table(raw: bytes) -> RawTable | None:
    """A big UTF-8 file (LF or CRLF line ends), its body handed to pyarrow as the bytes are.

    Saves decoding the whole file and encoding it again. Only the head is decoded here;
    pyarrow checks the rest is UTF-8 (else None: ``decode_bytes`` then tries GB18030).
    """
    bom = raw.startswith(_UTF8_BOM)
    data = raw[len(_UTF8_BOM):] if bom else raw
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return None  # UTF-16 or binary data
    crlf = b"\r" in data
    if crlf and data.count(b"\r") != data.count(b"\r\n"):
        return None  # old Mac CR line ends: decode_bytes turns them into lines
    try:
        head = data[: data.rfind(b"\n", 0, _HEAD_BYTES) + 1].decode("utf-8")
    except UnicodeDecodeError:
        return None
    head = head.replace("\r\n", "\n") if crlf else head
    complete = head.count("\n")  # lines wholly inside the head
    if complete < _SNIFF_LINES:
        return None  # a small file (or huge first lines): the text path reads it as cheaply
    delimiter = sniff_delimiter(head)
    try:
        records = text_rows(head, delimiter, limit=HEADER_SEARCH + 1)
    except IngestError:
        return None
    if len(records[0]) <= HEADER_SEARCH or records[2][-1] >= complete:
        return None  # the header search would run past the head
    return fast_table(records, data, encoding="utf-8-sig" if bom else "utf-8",
                      delimiter=delimiter)


def _text_table(raw: bytes) -> RawTable:
    """Any text file: decoded in Python, read by pyarrow when it can vouch, else csv."""
    text, encoding, unreadable = decode_lines(raw)
    delimiter = sniff_delimiter(text)
    head = text_rows(text, delimiter, limit=HEADER_SEARCH + 1)
    if head[0]:
        table = fast_table(head, text.encode("utf-8"), encoding=encoding, delimiter=delimiter)
        if table is not None:
            table.unreadable = unreadable
            return table
    rows, lines, _ = text_rows(text, delimiter)
    table = build_table(rows, lines, encoding=encoding, delimiter=delimiter)
    table.unreadable = unreadable
    return table


def read_upload(raw: bytes, filename: str, *, sheet: str | None = None) -> RawTable:
    """Read an uploaded file: every cell as stripped text (``None`` when empty)."""
    check_size(raw)  # before any reading: the UTF-8 path below never calls decode_bytes
    if not raw or raw.isspace():  # bytes.strip() would copy the whole file
        raise IngestError("empty_file")
    container = _container(raw, filename)
    if container == "xls":
        raise IngestError("xls_not_supported")
    if container == "xlsx":
        from ingest.xlsx import read_xlsx_table  # see read_sheets

        return with_name(read_xlsx_table(raw, sheet))
    return with_name(_utf8_table(raw) or _text_table(raw))


def read_sheets(raw: bytes, filename: str) -> Workbook:
    """Every sheet of an upload: an xlsx sheet by sheet, a text file as one sheet ``None``.

    Raises:
        IngestError: the whole file cannot be read (or no sheet holds any rows).
    """
    check_size(raw)
    if not raw or raw.isspace():  # bytes.strip() would copy the whole file
        raise IngestError("empty_file")
    container = _container(raw, filename)
    if container == "xls":
        raise IngestError("xls_not_supported")
    if container == "text":
        return with_names(Workbook(tables={None: _utf8_table(raw) or _text_table(raw)},
                                   order=[None]))
    # Loaded for a workbook only: calamine and the XML survey are 0.02-0.05 s of every
    # CSV import's start (cli.py import runs in a fresh process).
    from ingest.xlsx import read_xlsx_tables

    sheets, charts = read_xlsx_tables(raw)
    book = Workbook(tables={name: table for name, table in sheets if table is not None},
                    skipped=dict.fromkeys(charts, "chart_sheet"),
                    order=[name for name, _ in sheets] + charts)
    book.skipped |= {name: "empty_sheet" for name, table in sheets if table is None}
    if not book.tables:
        raise IngestError("no_rows")
    return with_names(book)
