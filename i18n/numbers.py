"""Numbers and periods as a reader sees them: :func:`period_label` writes one period by the
data's grain from the catalogue's words, :func:`percent` a share rounded, never cut. The
sentences about what a number means are in ``i18n/windows.py``.
"""

from __future__ import annotations

import math

import pandas as pd

from i18n import t


def period_label(day, grain: str, lang: str, *, start: bool = False) -> str:
    """One period by the data's grain, as ``reports.periods`` labels it (``week of 29 Dec
    2025``, ``Dec 2025``, ``2025 Q4``); ``start``: a week's first day as a date (a range's end).

    Example:
        >>> period_label("2025-12-29", "week", "en"), period_label("2025-12-01", "month", "zh")
        ('week of 29 Dec 2025', '2025年12月')
        >>> period_label("2025-12-08", "week", "zh", start=True)
        '2025年12月8日'
    """
    if day is None or pd.isna(day):
        return "–"
    p = pd.Timestamp(day)
    parts = {"year": p.year, "month": t(f"period.m{p.month}", lang), "day": p.day,
             "q": (p.month - 1) // 3 + 1}
    if grain == "week" and start:
        return f"{p.year}年{p.month}月{p.day}日" if lang == "zh" else f"{p.day} {p:%b %Y}"
    if grain not in ("week", "month", "quarter", "year"):
        return p.strftime("%Y-%m-%d")
    return t("period.week_year" if grain == "week" else f"period.{grain}", lang, **parts)


def percent_value(share, digits: int = 1) -> float:
    """A share in percent, rounded half away from zero to ``digits`` decimals; NaN if none.

    Example:
        >>> percent_value(0.96575), percent_value(-0.0125), percent_value(None)
        (96.6, -1.3, nan)
    """
    if share is None or pd.isna(share):
        return math.nan
    # The hair is for binary floating point: 0.96575 * 1000 is 965.7499999999999.
    scaled = math.floor(abs(float(share)) * 100 * 10**digits + 0.5 + 1e-7)
    return math.copysign(scaled, float(share)) / 10**digits


def percent(share, digits: int = 1, empty: str = "–") -> str:
    """A share as a percentage, rounded (never cut): 0.96575 -> "96.6%"; ``empty`` if none.

    Example:
        >>> percent(0.96575), percent(1.125), percent(0.9658, 0), percent(None)
        ('96.6%', '112.5%', '97%', '–')
    """
    value = percent_value(share, digits)
    return empty if math.isnan(value) else f"{value:.{digits}f}%"
