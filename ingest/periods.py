"""Read a period named in a header or a cell: a month, a week, a quarter or a year.

Budget layouts name their columns ``Jan-23``, ``2023年1月``, ``Q1 2024``, ``2024年第一季度``,
``W05`` or hold real Excel date cells; some leave the year out (``1月``, ``Q1``, ``W05``) and
give it in a title, the sheet name or a neighbouring header (``with_years``).

Days (Excel date cells, ``2024-01-29``) are read by ``ingest.dates.read_period``.

>>> read_coarse("2024年第一季度")
Stamp(grain='quarter', year=2024, n=1, day=None)
>>> read_coarse("Jan-23").start(), read_coarse("W05").year
(datetime.date(2023, 1, 1), None)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}
_NUM = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_Y = r"(\d{4}|'?\d{2})"  # a year: 2023, 23 or '23

# (grain, pattern, group of the year or 0, group of the number); patterns match NFKC lowercase.
_FORMS: tuple[tuple[str, re.Pattern[str], int, int], ...] = tuple(
    (grain, re.compile(pattern), y, n) for grain, pattern, y, n in (
        ("month", r"(\d{4})\s*[-/.]\s*(\d{1,2})", 1, 2),
        ("month", rf"(\d{{4}})\s*年\s*{_NUM}\s*月份?", 1, 2),
        ("month", r"(\d{1,2})\s*[-/.]\s*(\d{4})", 2, 1),
        ("month", r"(\d{1,2})/(\d{2})", 2, 1),  # Excel's m/yy
        ("month", rf"{_MON}[\s\-/,]*{_Y}", 2, 1),
        ("month", rf"(\d{{4}})[\s\-/]*{_MON}", 1, 2),
        ("month", rf"{_NUM}\s*月份?", 0, 1),
        ("month", rf"{_MON}", 0, 1),
        ("quarter", r"(\d{4})\s*年?\s*[-/]?\s*q\s*([1-4])", 1, 2),
        ("quarter", rf"q\s*([1-4])[\s\-/,]*{_Y}", 2, 1),
        ("quarter", rf"([1-4])\s*q[\s\-/,]*{_Y}", 2, 1),
        ("quarter", rf"(\d{{4}})\s*年?\s*第?\s*{_NUM}\s*季度?", 1, 2),
        ("quarter", r"q\s*([1-4])", 0, 1),
        ("quarter", r"([1-4])\s*q", 0, 1),
        ("quarter", rf"第?\s*{_NUM}\s*季度", 0, 1),
        ("week", r"(\d{4})\s*[-/]?\s*w(?:ee)?k?\s*(\d{1,2})", 1, 2),
        ("week", r"(\d{4})\s*年\s*第\s*(\d{1,2})\s*周", 1, 2),
        ("week", rf"w(?:ee)?k?\s*[-.]?\s*(\d{{1,2}})[\s\-/,]+{_Y}", 2, 1),
        ("week", r"w(?:ee)?k?\s*[-.]?\s*(\d{1,2})", 0, 1),
        ("week", r"第\s*(\d{1,2})\s*周", 0, 1),
        ("year", r"(?:fy\s*)?(\d{4})\s*(?:年度?|财年)?", 1, 0),
    ))
_LIMIT = {"month": 12, "quarter": 4, "week": 53, "year": 0}


@dataclass(frozen=True)
class Stamp:
    """A period as written: its grain, year (None when the text gives none) and number in the
    year (month 1-12, quarter 1-4, ISO week 1-53); a day carries its date."""

    grain: str
    year: int | None
    n: int = 0
    day: date | None = None

    def start(self) -> date | None:
        """The period's first day (Monday of an ISO week); None without a year or if invalid."""
        if self.day is not None:
            return self.day
        if self.year is None or not 1900 <= self.year <= 2200:
            return None
        if self.grain == "week":
            try:
                return date.fromisocalendar(self.year, self.n, 1)
            except ValueError:
                return None
        month = {"month": self.n, "quarter": 3 * self.n - 2, "year": 1}[self.grain]
        return date(self.year, month, 1)


def period_start(grain: str, year: int, n: int) -> date | None:
    """The first day of quarter/month/ISO week ``n`` of ``year`` (of the year: ``grain="year"``);
    None when there is no such period."""
    return Stamp(grain, year, n).start()


def _number(text: str) -> int:
    return _ZH_DIGITS[text] if text in _ZH_DIGITS else int(text)


def _year(text: str) -> int:
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _coarse(text: str) -> Stamp | None:
    """A month, quarter, week or year written in any of ``_FORMS``."""
    for grain, pattern, y, n in _FORMS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        raw = m.group(n) if n else None
        number = 0 if raw is None else (
            _MONTHS.index(raw) + 1 if raw in _MONTHS else _number(raw))
        year = _year(m.group(y)) if y and m.group(y) else None
        if grain == "year" and not 1900 <= (year or 0) <= 2200:
            return None
        if grain != "year" and not 1 <= number <= _LIMIT[grain]:
            return None
        return Stamp(grain, year, number)
    return None


def read_coarse(text: str) -> Stamp | None:
    """A month, quarter, week or year (not a day) written in any of the forms above."""
    return _coarse(unicodedata.normalize("NFKC", text).strip().lower())


def year_hint(*texts: object) -> int | None:
    """A year (1990-2099) written in a sheet name or a title line, e.g. ``2024年销售额``."""
    for text in texts:
        m = re.search(r"(?<!\d)(19[9]\d|20\d{2})(?!\d)", str(text or ""))
        if m:
            return int(m.group(1))
    return None


def with_years(stamps: list[Stamp], default: int | None) -> list[Stamp] | None:
    """Years filled in for stamps without one, or None when some year cannot be known.

    A year-less header takes the year of the header before it (``2023年12月, 1月`` rolls over
    to 2024), else ``default`` (the user's, or one from a title), else the first written year.
    """
    written = next((s.year for s in stamps if s.year is not None), None)
    year = default if default is not None else written
    if year is None and any(s.year is None for s in stamps):
        return None
    out: list[Stamp] = []
    last: Stamp | None = None
    for stamp in stamps:
        if stamp.year is None:
            rolled = last is not None and last.grain == stamp.grain and stamp.n <= last.n
            stamp = replace(stamp, year=year + 1 if rolled else year)
        out.append(stamp)
        year, last = stamp.year, stamp
    return out
