"""Shared helpers: input checks, the as-of date, the period grain and period numbers.

Periods become integers (weeks or months since an epoch), so a window is "the last n integers"
and a missing week is a NaN column of ``analytics.grids`` rather than a silently shortened
series.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analytics.grain import grain_of

VALUE_COLUMNS: tuple[str, ...] = (
    "employee_id", "name", "team", "period", "metric", "value", "target", "direction", "category",
)
Grain = Literal["day", "week", "month", "quarter", "year"]
_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12}
_EPOCH_MONDAY = np.datetime64("1970-01-05", "D")
_EPOCH_DAY = np.datetime64("1970-01-01", "D")
_DAY_SPACING = 4  # distinct periods closer than this (median, in days) are daily data
# One period of each grain, for windows ending at a period ("the last 4 weeks").
STEPS = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1),
         "month": pd.DateOffset(months=1), "quarter": pd.DateOffset(months=3),
         "year": pd.DateOffset(years=1)}


def check_values(values: pd.DataFrame, *, columns: tuple[str, ...] = VALUE_COLUMNS) -> None:
    """Raise ValueError unless ``values`` is a frame with ``columns`` and a datetime period."""
    if not isinstance(values, pd.DataFrame):
        raise ValueError(f"values must be a pandas DataFrame, got {type(values).__name__}")
    missing = [column for column in columns if column not in values.columns]
    if missing:
        raise ValueError(f"values lacks column(s) {missing}; expected {list(columns)}")
    if "period" in columns and not pd.api.types.is_datetime64_any_dtype(values["period"]):
        raise ValueError(f"values.period must be datetime64, got {values['period'].dtype}")
    if "direction" in columns:
        direction = values["direction"]
        ok = direction.isin(("higher", "lower")).to_numpy()
        if not ok.all():
            bad = set(direction[~ok].dropna().unique()) - {"higher", "lower"}
            raise ValueError(f"direction must be 'higher' or 'lower', got {sorted(map(str, bad))}")


def as_of_default(values: pd.DataFrame) -> pd.Timestamp:
    """The latest period in ``values``: exports are historical, never use the wall clock.

    Example:
        >>> as_of_default(pd.DataFrame({"period": pd.to_datetime(["2025-01-06", "2025-01-13"])}))
        Timestamp('2025-01-13 00:00:00')
    """
    check_values(values, columns=("period",))
    latest = values["period"].max()
    if pd.isna(latest):
        raise ValueError("values has no period, so there is no default as_of")
    return pd.Timestamp(latest)


def resolve_as_of(values: pd.DataFrame, as_of: pd.Timestamp | None) -> pd.Timestamp:
    """``as_of`` as a Timestamp, or the default when None."""
    if as_of is None:
        return as_of_default(values)
    if not isinstance(as_of, pd.Timestamp) or pd.isna(as_of):
        raise ValueError(f"as_of must be a pandas Timestamp, got {as_of!r}")
    return as_of


def grain(values: pd.DataFrame) -> Grain:
    """``"week"`` or ``"month"`` from the median spacing of the distinct periods; ``"quarter"``
    or ``"year"`` when every period is the first day of one (``analytics.grain.grain_of``).

    Example:
        >>> grain(pd.DataFrame({"period": pd.to_datetime(["2025-01-01", "2025-02-01"])}))
        'month'
    """
    check_values(values, columns=("period",))
    found = values["period"].dropna().unique()
    if getattr(found, "tz", None) is not None:  # their local dates: days and months are read
        found = found.tz_localize(None)
    return period_grain(np.asarray(found))


def period_grain(periods: np.ndarray) -> Grain:
    """:func:`grain` of an array of periods (numpy datetime64, NaT ignored), for a caller that
    holds arrays (building a frame to ask was most of the question for one person's periods).

    >>> period_grain(np.array(["2025-01-06", "2025-01-13", "NaT"], dtype="datetime64[D]"))
    'week'
    """
    periods = np.unique(periods[~np.isnat(periods)])  # sorted
    if len(periods) < 2:
        # One period: month starts that are not Mondays can only be monthly data.
        stamps = pd.DatetimeIndex(periods)
        monthly = len(stamps) > 0 and bool(((stamps.day == 1) & (stamps.day_of_week != 0)).all())
        return "month" if monthly else "week"
    spacing = np.median(np.diff(periods).astype("timedelta64[D]").astype(float))
    if spacing < _DAY_SPACING:  # an event log aggregated by day (ingest.shapes.events)
        return "day"
    if spacing < 20:
        return "week"
    coarse = grain_of(periods)
    return coarse if coarse in ("quarter", "year") else "month"


def window_periods(grain: Grain, months: int) -> int:
    """Number of periods in ``months`` months: 3 -> 13 weekly, 3 monthly or 1 quarterly.

    Example:
        >>> window_periods("week", 6), window_periods("month", 6), window_periods("quarter", 6)
        (26, 6, 2)
    """
    if grain not in ("day", "week", *_MONTHS_PER):
        raise ValueError(f"grain must be 'day', 'week', 'month', 'quarter' or 'year', "
                         f"got {grain!r}")
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValueError(f"months must be a positive integer, got {months!r}")
    if grain == "day":
        return round(months * 365 / 12)
    if grain == "week":
        return round(months * 52 / 12)
    return max(1, round(months / _MONTHS_PER[grain]))


def period_number(periods: pd.Series | pd.DatetimeIndex, grain: Grain) -> np.ndarray:
    """Integer week, month, quarter or year number of each period (consecutive ones differ by 1)."""
    days = np.asarray(periods, dtype="datetime64[D]")
    if grain == "day":
        return (days - _EPOCH_DAY).astype(np.int64)
    if grain == "week":
        return (days - _EPOCH_MONDAY).astype(np.int64) // 7
    months = days.astype("datetime64[M]").astype(np.int64)
    return months // _MONTHS_PER[grain]


def period_start(numbers: np.ndarray, grain: Grain) -> pd.DatetimeIndex:
    """Inverse of :func:`period_number`: the Monday or first of the month/quarter/year."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if grain == "day":
        return pd.DatetimeIndex(_EPOCH_DAY + numbers).as_unit("ns")
    if grain == "week":
        return pd.DatetimeIndex(_EPOCH_MONDAY + numbers * 7).as_unit("ns")
    months = numbers * _MONTHS_PER[grain]
    return pd.DatetimeIndex(months.astype("datetime64[M]")).as_unit("ns")
