"""Read the rows of an XLSX sheet as text cells, the way a person sees them in Excel."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections import deque
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ingest.limits import check_size, check_unpacked
from ingest.model import IngestError

Row = list[str | None]


def number_text(x: float) -> str:
    """``12.0`` -> ``12``; ``0.1 + 0.2`` -> ``0.3``; never scientific notation."""
    if x != x or x in (float("inf"), float("-inf")):
        return str(x)
    r = round(x, 10)  # drop binary float noise Excel itself hides
    if r == int(r):
        return str(int(r))
    text = repr(r)
    return format(Decimal(text), "f") if "e" in text else text


def cell_text(value: object, number_format: str = "General") -> str | None:
    """One cell value as text: ISO dates, ``HH:MM:SS`` times, whole numbers without ``.0``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else \
            value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, timedelta):
        return number_text(value.total_seconds())
    if isinstance(value, int | float):
        # A percent-formatted 0.85 shows as 85% in Excel; keep what the manager sees.
        if "%" in number_format:
            return number_text(float(value) * 100) + "%"
        return number_text(float(value))
    return str(value).strip() or None


def _open(raw: bytes):  # -> openpyxl Workbook
    """Open read-only, values not formulas; openpyxl's style warnings mean nothing to users."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IngestError("bad_workbook") from exc


# Row starts (with their attributes) and cell values (<v>, or <is> for inline text).
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)\b")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CHUNK = 1 << 20
_OVERLAP = 512  # longer than any row tag, so a tag cut by a chunk end is read whole next time


class _Implicit(Exception):
    """A row without its number (``r``): only a full read can count rows."""


def _last(matches: Iterator[re.Match[bytes]]) -> re.Match[bytes] | None:
    """The last of ``matches`` (None when there are none), without keeping the others."""
    tail = deque(matches, maxlen=1)
    return tail[0] if tail else None


def _row_before(buf: bytes, end: int) -> int | None:
    """Number of the last row starting before ``end`` in ``buf`` (None: none starts there)."""
    for lo in (max(end - 4096, 0), 0):  # most rows are short: look just before first
        found = _last(_ROW.finditer(buf, lo, end))
        if found is not None:
            number = _ROW_NUMBER.search(found.group(1))
            if number is None:
                raise _Implicit
            return int(number.group(1))
        if lo == 0:
            return None
    return None


def last_value_row(source) -> int | None:
    """Number of the last sheet row holding a value (0: none; None: rows are not numbered).

    Sheets formatted down to row 1,048,576 store a million empty ``<row>`` elements and
    openpyxl would build every one of them; this scans the XML in 1 MiB chunks instead, with
    C-speed searches only, so reading can stop at the last real row.
    """
    row = last = 0
    tail = b""
    try:
        while True:
            chunk = source.read(_CHUNK)
            buf = tail + chunk
            cut = len(buf) if not chunk else max(len(buf) - _OVERLAP, 0)
            opened = buf.rfind(b"<", 0, cut)
            if opened > buf.rfind(b">", 0, cut):  # a tag runs over the cut: keep it whole
                cut = opened
            value = _last(_VALUE.finditer(buf, 0, cut))
            if value is not None:
                found = _row_before(buf, value.start())
                last = found if found is not None else row
            found = _row_before(buf, cut)
            row = found if found is not None else row
            if not chunk:
                return last
            tail = buf[cut:]  # a row tag or value starting here is read whole next time
    except _Implicit:
        return None


def _value_rows(wb, ws) -> int | None:
    """``last_value_row`` of ``ws``; None (read it all) when it cannot tell."""
    archive, path = getattr(wb, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or path is None:
        return None
    with archive.open(path) as source:
        return last_value_row(source)


def _sheet_rows(wb, ws) -> tuple[list[Row], list[int]]:
    """Non-blank rows of one worksheet and their Excel row numbers."""
    ws.reset_dimensions()  # stored dimensions are often wrong in non-Excel exports
    rows: list[Row] = []
    lines: list[int] = []
    last = _value_rows(wb, ws)
    if last == 0:
        return rows, lines
    with warnings.catch_warnings():  # sparklines, slicers …: openpyxl's notes mean nothing here
        warnings.simplefilter("ignore")
        for number, cells in enumerate(ws.iter_rows(max_row=last), start=1):
            row = [cell_text(c.value, getattr(c, "number_format", "General")) for c in cells]
            if any(row):
                rows.append(row)
                lines.append(number)
    return rows, lines


def read_xlsx_rows(raw: bytes, sheet: str | None) -> tuple[list[Row], list[int], str]:
    """Non-blank rows of the chosen sheet (first by default), their Excel row numbers."""
    check_size(raw)
    check_unpacked(raw)
    wb = _open(raw)
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise IngestError("no_such_sheet", sheet=sheet, sheets=", ".join(wb.sheetnames))
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        return (*_sheet_rows(wb, ws), ws.title)
    finally:
        wb.close()


def read_xlsx_sheets(raw: bytes) -> tuple[list[tuple[str, list[Row], list[int]]], list[str]]:
    """Every worksheet as ``(name, rows, row numbers)``, in workbook order, and the names of
    chart sheets (they hold no cells)."""
    check_size(raw)
    check_unpacked(raw)
    wb = _open(raw)
    try:
        sheets = [(ws.title, *_sheet_rows(wb, ws)) for ws in wb.worksheets]
        charts = [name for name in wb.sheetnames if name not in {s[0] for s in sheets}]
        return sheets, charts
    finally:
        wb.close()
