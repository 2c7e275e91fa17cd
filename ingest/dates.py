"""Parse one date written any of the ways HR/CRM exports write dates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

BAD = object()  # sentinel: the text is present but not a valid value

_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0, counting its 1900 leap-year bug
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_YMD_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?")
_YM = re.compile(r"(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月(?:份)?)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_AMBIGUOUS = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})(?:-?([1-7]))?|(\d{4})年第(\d{1,2})周", re.IGNORECASE)
_QUARTER = re.compile(r"(\d{4})\s*-?\s*Q([1-4])|(\d{4})年第?([1-4])季度", re.IGNORECASE)
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
    """Month, ISO week and quarter grains: the first day (Monday for weeks)."""
    m = _YM.fullmatch(t)
    if m:
        return _make(int(m.group(1)), int(m.group(2) or m.group(3)), 1)
    m = _WEEK.fullmatch(t)
    if m:
        year, week = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5))
        try:
            return date.fromisocalendar(year, week, int(m.group(3) or 1))
        except ValueError:
            return BAD
    m = _QUARTER.fullmatch(t)
    if m:
        return _make(int(m.group(1) or m.group(3)), 3 * int(m.group(2) or m.group(4)) - 2, 1)
    return None


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
