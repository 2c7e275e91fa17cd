"""Dates as the user reads them: one formatter for every page, export, command and cache key.

A day is written ISO 8601 (2025-03-05) in both languages: it sorts, the exports carry it, and
年-月-日 in figures is also how Chinese writes a date. A missing date reads "–", never "None" or
"NaT". :func:`short_day` names a recent moment in words ("5 Mar", "3月5日").
"""

from __future__ import annotations

import pandas as pd

MISSING = "–"


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def iso(value: object) -> str | None:
    """``2025-03-05`` for a date, a Timestamp or an ISO string; None stays None (cache keys).

    >>> iso(pd.Timestamp("2025-03-05 14:00")), iso(None)
    ('2025-03-05', None)
    """
    return None if _missing(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def day(value: object, missing: str = MISSING) -> str:
    """A day for a table cell or a sentence: ``2025-03-05``, or ``–`` when there is none.

    >>> day("2025-03-05"), day(pd.NaT)
    ('2025-03-05', '–')
    """
    return missing if _missing(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def short_day(value: object, lang: str = "en", missing: str = MISSING) -> str:
    """A recent day in words: ``5 Mar`` / ``3月5日``.

    >>> short_day("2025-03-05"), short_day("2025-03-05", "zh")
    ('5 Mar', '3月5日')
    """
    if _missing(value):
        return missing
    when = pd.Timestamp(value)
    return f"{when.month}月{when.day}日" if lang == "zh" else f"{when.day} {when:%b}"
