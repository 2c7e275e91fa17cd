"""One XLSX cell as the text a person sees in Excel, and a column of cells as Arrow text.

ISO dates, ``HH:MM:SS`` times, whole numbers without ``.0``, percent-formatted numbers with
their ``%``; a column of a million cells is turned into text once per distinct value.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc

from ingest.fastcsv import clean_cells

STR = pa.large_string()
PERCENT = "0%"


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


class _Texts(dict):
    """``cell_text`` of each distinct (type, value), computed once: a column of a million
    cells holds a few thousand distinct values."""

    def __missing__(self, key: tuple[type, object]) -> str | None:
        text = self[key] = cell_text(key[1])
        return text


def column_text(values: Iterable[object]) -> pa.Array:
    """One column's cells as trimmed text, null when empty (calamine's empty cell is "")."""
    values = list(values)
    try:  # text only (ids, names, most exports): Arrow takes it as it is
        arr = pa.array(values, type=STR)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        texts = _Texts()
        return pa.array([texts[(v.__class__, v)] for v in values], type=STR)
    empty = pc.equal(pc.binary_length(arr), 0)
    if pc.any(empty).as_py():
        arr = pc.if_else(empty, pa.scalar(None, STR), arr)
    return clean_cells(pa.chunked_array([arr])).combine_chunks()
