"""The grain of a set of periods: days, weeks, months, quarters or years.

Stored periods are first days (``ingest`` writes a quarter as its first day, a week as its
Monday), so the grain is read back from the dates themselves: quarterly data stays quarterly.

>>> grain_of(pd.to_datetime(["2024-01-01", "2024-04-01", "2024-07-01"]))
'quarter'
>>> grain_of(pd.to_datetime(["2024-12-23", "2024-12-30", "2025-01-06"]))
'week'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

Grain = Literal["day", "week", "month", "quarter", "year"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month", "quarter", "year")


def grain_of(periods: Iterable[object]) -> Grain:
    """``"year"``, ``"quarter"``, ``"month"``, ``"week"`` or ``"day"`` (irregular dates too).

    Only first days of years, of quarters (with gaps of a quarter or more), of months, or one
    weekday seven days apart count as that grain; one lone first of a month is a month, one lone Monday a week.
    """
    stamps = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(periods), dtype="object"))
                              .dropna().unique()).sort_values()
    if stamps.empty:
        return "day"
    firsts = bool((stamps.day == 1).all())
    gaps = np.diff(stamps.to_numpy().astype("datetime64[D]").astype("int64"))
    widest = int(gaps.min()) if len(gaps) else 0
    if firsts and len(stamps) > 1 and (stamps.month == 1).all() and widest >= 365:
        return "year"
    if firsts and len(stamps) > 1 and stamps.month.isin((1, 4, 7, 10)).all() and widest >= 89:
        return "quarter"
    if firsts and (len(stamps) > 1 or stamps.day_of_week[0] != 0):
        return "month"
    if len(set(stamps.day_of_week)) == 1 and (gaps % 7 == 0).all() and (
            len(stamps) > 1 or stamps.day_of_week[0] == 0):
        return "week"
    return "day"
