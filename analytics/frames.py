"""Shared helpers: input checks, the as-of date, the period grain and employee x period grids.

The analyses are vectorised over numpy arrays of shape (employees, periods), one per metric,
because the benchmark is 5,000 employees x 52 weeks x 4 metrics. Periods become integers (weeks
or months since an epoch), so a window is "the last n integers" and a missing week is a NaN
column rather than a silently shortened series.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    periods = np.sort(values["period"].dropna().unique())
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


@dataclass(frozen=True)
class Grid:
    """One metric as an (employees x periods) array, NaN where an employee has no value."""

    metric: str
    direction: str
    category: str
    employee_ids: np.ndarray
    teams: np.ndarray
    periods: pd.DatetimeIndex
    data: np.ndarray


def grids(
    values: pd.DataFrame,
    *,
    as_of: pd.Timestamp | None = None,
    length: int | None = None,
    column: str = "value",
) -> dict[str, Grid]:
    """Pivot every metric to a :class:`Grid` of its last ``length`` periods up to ``as_of``.

    Args:
        values: the long metric frame (see VALUE_COLUMNS).
        as_of: last date used; defaults to the latest period.
        length: number of periods (columns) ending at the latest period <= as_of; all when None.
        column: the numeric column to pivot ("value" or "target").

    Returns:
        metric -> Grid, metrics sorted; rows are employees with a row in the window.

    Example:
        >>> frame = pd.DataFrame({"employee_id": ["a", "a", "b"], "name": None, "team": "t",
        ...     "period": pd.to_datetime(["2025-01-06", "2025-01-20", "2025-01-20"]),
        ...     "metric": "CSAT", "value": [1.0, 2.0, 3.0], "target": 2.0,
        ...     "direction": "higher", "category": "quality"})
        >>> grids(frame)["CSAT"].data
        array([[ 1., nan,  2.],
               [nan, nan,  3.]])
    """
    sets = grid_sets(values, as_of=as_of, length=length, columns=(column,))
    return {metric: pair[0] for metric, pair in sets.items()}


def grid_sets(
    values: pd.DataFrame,
    *,
    as_of: pd.Timestamp | None = None,
    length: int | None = None,
    columns: tuple[str, ...] = ("value", "target"),
) -> dict[str, tuple[Grid, ...]]:
    """Like :func:`grids` for several numeric ``columns`` in one pass (same rows and periods).

    Returns:
        metric -> one Grid per column, in the order of ``columns``; metrics sorted.

    Example:
        >>> frame = pd.DataFrame({"employee_id": "a", "name": None, "team": "t",
        ...     "period": pd.to_datetime(["2025-01-06"]), "metric": "CSAT", "value": 1.0,
        ...     "target": 2.0, "direction": "higher", "category": "quality"})
        >>> [g.data.tolist() for g in grid_sets(frame)["CSAT"]]
        [[[1.0]], [[2.0]]]
    """
    check_values(values)
    as_of = resolve_as_of(values, as_of)
    step = grain(values)
    numbers = period_number(values["period"], step)
    keep = (values["period"] <= as_of).to_numpy()
    if not keep.any():
        return {}
    end = int(numbers[keep].max())
    start = int(numbers[keep].min()) if length is None else end - length + 1
    keep = keep & (numbers >= start)
    # Codes of the whole column, then the window's rows: no copy of the (large) frame. Rows
    # without an employee_id are ignored (code -1), as compare's groupby ignores them.
    emp_codes, emp_ids = pd.factorize(values["employee_id"])
    rows = np.flatnonzero(keep & (emp_codes >= 0))
    team_codes, team_names = pd.factorize(values["team"])
    metric_codes, metric_names = pd.factorize(values["metric"])
    emp_codes, team_codes, metric_codes = emp_codes[rows], team_codes[rows], metric_codes[rows]
    teams = _first_per_code(emp_codes, team_codes, len(emp_ids))
    # Code -1 (no team) picks the None appended last, also when nobody has a team at all.
    team_labels = np.append(np.asarray(team_names, dtype=object), None)[teams]
    emp_ids = np.asarray(emp_ids, dtype=object)
    periods = period_start(np.arange(start, end + 1), step)
    offsets = numbers[rows] - start
    data = [values[c].to_numpy(dtype=float, na_value=np.nan)[rows] for c in columns]
    out = {}
    for metric, part in _metric_rows(metric_codes, metric_names):
        kind = {name: values[name].iloc[rows[part[0]]] for name in ("direction", "category")}
        present, flat = _layout(metric, emp_codes[part], offsets[part], len(emp_ids),
                                len(periods))
        out[metric] = tuple(
            Grid(metric=metric, direction=kind["direction"], category=kind["category"],
                 employee_ids=emp_ids[present], teams=team_labels[present], periods=periods,
                 data=_scatter(flat, d[part], (len(present), len(periods))))
            for d in data)
    return out


def _metric_rows(codes: np.ndarray, names) -> list[tuple[str, np.ndarray]]:
    """(metric, its row positions in frame order) by metric name; code -1 (none) is dropped."""
    order = np.argsort(codes, kind="stable")
    every = np.arange(len(names))
    low = np.searchsorted(codes[order], every, side="left")
    high = np.searchsorted(codes[order], every, side="right")
    by_name = np.argsort(np.asarray(names, dtype=object).astype(str), kind="stable")
    return [(names[c], order[low[c]:high[c]]) for c in by_name if high[c] > low[c]]


def _first_per_code(codes: np.ndarray, labels: np.ndarray, size: int) -> np.ndarray:
    # Fancy assignment keeps the last write; reversing makes it the first occurrence.
    out = np.full(size, -1, dtype=np.int64)
    out[codes[::-1]] = labels[::-1]
    return out


def _layout(metric, codes, columns, size: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The employees present (sorted codes) and each row's flat cell in their grid."""
    counts = np.bincount(codes, minlength=size)
    present = np.flatnonzero(counts)
    flat = (np.cumsum(counts > 0) - 1)[codes] * width + columns
    if np.bincount(flat).max() > 1:
        raise ValueError(f"values has duplicate (employee_id, period) rows for metric {metric!r}")
    return present, flat


def _scatter(flat: np.ndarray, data: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    array = np.full(shape[0] * shape[1], np.nan)
    array[flat] = data
    return array.reshape(shape)
