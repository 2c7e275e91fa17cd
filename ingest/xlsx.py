"""Read the rows of an XLSX sheet as text cells, the way a person sees them in Excel."""

from __future__ import annotations

import io
import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal

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


def read_xlsx_rows(raw: bytes, sheet: str | None) -> tuple[list[Row], list[int], str]:
    """Non-blank rows of the chosen sheet (first by default), their Excel row numbers."""
    wb = _open(raw)
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise IngestError("no_such_sheet", sheet=sheet, sheets=", ".join(wb.sheetnames))
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        ws.reset_dimensions()  # stored dimensions are often wrong in non-Excel exports
        rows: list[Row] = []
        lines: list[int] = []
        for number, cells in enumerate(ws.iter_rows(), start=1):
            row = [cell_text(c.value, getattr(c, "number_format", "General")) for c in cells]
            if any(row):
                rows.append(row)
                lines.append(number)
        return rows, lines, ws.title
    finally:
        wb.close()
