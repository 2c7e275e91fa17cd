"""Parse one date (or period) written any of the ways HR/CRM exports and Excel write dates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from ingest.periods import Stamp, read_coarse

BAD = object()  # sentinel: the text is present but not a valid value

_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0, counting its 1900 leap-year bug
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_YMD_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_AMBIGUOUS = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_WEEKDAY = re.compile(r"(\d{4})-?W(\d{2})-?([1-7])", re.IGNORECASE)  # 2024-W05-3
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_NAMED = ("%d-%b-%y", "%d-%b-%Y", "%d %b %Y", "%b %d %Y", "%B %d %Y", "%d %B %Y")
# Placeholders exports write for "no value": missing, never an error. Dashes: em, en.
MISSING_TOKENS: frozenset[str] = frozenset({
    "", "-", "--", "\u2014", "\u2014\u2014", "\u2013", "/",
    "n/a", "#n/a", "na", "null", "none", "nan",
})


def _make(year: int, month: int, day: int) -> date | object:
    """A real date, or BAD for impossible ones (``2025-02-30``) and absurd years."""
    if not 1900 <= year <= 2200:
        return BAD
    try:
        return date(year, month, day)
    except ValueError:
        return BAD


def prefers_day_first(texts: Iterable[str]) -> bool:
    """Column-level clue for ``a/b/yyyy``: day first only if some value has a > 12 first."""
    day_first = month_first = False
    for text in texts:
        m = _AMBIGUOUS.fullmatch(text)
        if m:
            day_first |= int(m.group(1)) > 12
            month_first |= int(m.group(2)) > 12
    return day_first and not month_first


def _ymd(t: str, day_first: bool) -> date | object | None:
    """Full dates with year, month and day."""
    for pattern in (_YMD, _YMD_ZH, _COMPACT):
        m = pattern.fullmatch(t)
        if m:
            return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _AMBIGUOUS.fullmatch(t)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # US month/day unless the column (or this value) shows the day comes first.
        return _make(year, b, a) if day_first or a > 12 else _make(year, a, b)
    return None


def _coarse(t: str) -> date | object | None:
    """Month, ISO week, quarter and year grains (``Jan-23``, ``2023年1月``, ``1/23``,
    ``Q1 2024``, ``2024年第一季度``, ``2024-W05``): the first day (Monday for weeks).
    Without a year (``1月``, ``W05``) it is no date."""
    m = _ISO_WEEKDAY.fullmatch(t)
    if m:
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return BAD
    stamp = read_coarse(t)
    if stamp is None:
        return None
    start = stamp.start()
    return BAD if start is None else start


def _serial(t: str) -> date | object | None:
    """Excel serial day numbers (20000-80000, i.e. 1954-2119) left as plain numbers."""
    if _SERIAL.fullmatch(t) and 20000 <= float(t) <= 80000:
        return _EXCEL_EPOCH + timedelta(days=int(float(t)))
    return None


def _named(t: str) -> date | None:
    """English month names: ``5-Jul-25``, ``Jul 5, 2025``, ``5 July 2025``."""
    squeezed = " ".join(t.replace(",", " ").split())
    for fmt in _NAMED:
        try:
            return datetime.strptime(squeezed, fmt).date()
        except ValueError:
            continue
    return None


def read_period(text: object) -> Stamp | None:
    """The period a header or cell names (``ingest.periods.Stamp``), or None when it names none.

    Full dates (``2024-01-29``, an Excel date cell, a serial number such as ``45292``) are days.
    """
    if text is None or not str(text).strip():
        return None
    found = read_coarse(str(text))
    if found is not None:
        return found
    t = str(text).strip()
    if not re.search(r"\d", t) or re.fullmatch(r"\d{1,4}", t):
        return None  # plain small numbers are not dates
    day = parse_date(t)
    return Stamp("day", day.year, 0, day) if isinstance(day, date) else None


def parse_date(text: str, day_first: bool = False) -> date | object | None:
    """A date, None when the cell is empty or a placeholder, BAD when it is not a date."""
    t = text.strip()
    if t.lower() in MISSING_TOKENS:
        return None
    steps: tuple[Callable[[str], date | object | None], ...] = (_coarse, _serial, _named)
    found = _ymd(t, day_first)
    for step in steps:
        if found is not None:
            break
        found = step(t)
    return BAD if found is None else found
