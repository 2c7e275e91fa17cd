"""Employee x period grids: each metric as a numpy array of shape (employees, periods).

The analyses are vectorised over these arrays, one per metric, because the benchmark is 5,000
employees x 52 weeks x 4 metrics. A missing period is a NaN column, never a shortened series.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.frames import check_values, grain, period_number, period_start, resolve_as_of


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
