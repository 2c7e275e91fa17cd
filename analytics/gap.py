"""Gap analysis: the latest value against the target, and for how long (docs/domain.md,
"Preparing a talk", analysis 3).

Attainment is value / target for higher-is-better metrics and target / value for lower-is-better
ones, so 0.8 means "20% short" either way and one ratio (docs/domain.md: under 80% of target for
two consecutive weeks) serves both. A streak counts the employee's own latest reported periods:
a week without data (holiday, export gap) neither breaks nor extends it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.frames import check_values, resolve_as_of
from analytics.grids import Grid, grid_sets
from analytics.thresholds import Thresholds
from analytics.trend_stats import safe_div as _div

GAP_COLUMNS = [
    "employee_id", "team", "metric", "direction", "category", "period", "value", "target",
    "attainment", "gap", "under_streak", "streak_start",
]


def attainment(value: np.ndarray, target: np.ndarray, *, lower: bool) -> np.ndarray:
    """Direction-aware attainment; NaN when the target is unknown or a denominator is 0.

    Example:
        >>> attainment(np.array([8.0, 0.0]), np.array([10.0, 10.0]), lower=False).tolist()
        [0.8, 0.0]
        >>> attainment(np.array([5.0, 0.0]), np.array([4.0, 4.0]), lower=True).tolist()
        [0.8, nan]
    """
    ratio = _div(target, value) if lower else _div(value, target)
    return np.where(np.isfinite(target), ratio, np.nan)


def _grid_gaps(values: Grid, targets: Grid, ratio: float) -> dict[str, object]:
    lower = values.direction == "lower"
    observed = np.isfinite(values.data)
    # Latest observed period first; unobserved columns are pushed to the end.
    order = np.argsort(~observed[:, ::-1], axis=1, kind="stable")
    order = values.data.shape[1] - 1 - order
    value = np.take_along_axis(values.data, order, axis=1)
    target = np.take_along_axis(targets.data, order, axis=1)
    under = attainment(value, target, lower=lower) < ratio
    streak = np.cumprod(under & np.isfinite(value), axis=1).sum(axis=1)
    start_col = np.take_along_axis(order, np.maximum(streak - 1, 0)[:, None], axis=1)[:, 0]
    periods = values.periods.to_numpy()
    size = len(values.employee_ids)
    latest = attainment(value[:, 0], target[:, 0], lower=lower)
    return {
        "employee_id": values.employee_ids, "team": values.teams,
        "metric": [values.metric] * size, "direction": [values.direction] * size,
        "category": [values.category] * size, "period": periods[order[:, 0]],
        "value": value[:, 0], "target": target[:, 0], "attainment": latest,
        "gap": (value[:, 0] - target[:, 0]) if lower else (target[:, 0] - value[:, 0]),
        "under_streak": streak.astype(np.int64),
        "streak_start": np.where(streak > 0, periods[start_col], np.datetime64("NaT")),
    }


def gaps(
    values: pd.DataFrame,
    *,
    as_of: pd.Timestamp | None = None,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Latest value against target for every (employee, metric).

    Args:
        values: long metric frame (employee_id, name, team, period, metric, value, target,
            direction, category); ``target`` NaN when unknown.
        as_of: last date used (default: the latest period).
        thresholds: ``under_target_ratio`` decides what counts as under target.

    Returns:
        One row per (employee_id, metric); columns GAP_COLUMNS: ``period`` is the employee's
        latest period, ``gap`` is direction-aware (positive = short of target),
        ``under_streak`` the number of consecutive latest periods with attainment under the
        ratio (0 without a target), ``streak_start`` the first period of that streak (NaT if 0).

    Example:
        >>> frame = pd.DataFrame({"employee_id": "a", "name": None, "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=3, freq="W-MON"), "metric": "CSAT",
        ...     "value": [70.0, 70.0, 70.0], "target": [70.0, 90.0, 90.0],
        ...     "direction": "higher", "category": "quality"})
        >>> row = gaps(frame).iloc[0]
        >>> float(row.gap), int(row.under_streak), str(row.streak_start.date())
        (20.0, 2, '2025-01-13')
    """
    check_values(values)
    limits = thresholds if thresholds is not None else Thresholds()
    if not isinstance(limits, Thresholds):
        raise ValueError(f"thresholds must be a Thresholds, got {type(limits).__name__}")
    as_of = resolve_as_of(values, as_of)
    parts = [_grid_gaps(value, target, limits.under_target_ratio)
             for value, target in grid_sets(values, as_of=as_of).values()]
    if not parts:
        return pd.DataFrame({column: [] for column in GAP_COLUMNS})
    out = pd.DataFrame({col: np.concatenate([np.asarray(p[col]) for p in parts])
                        for col in GAP_COLUMNS})
    return out.sort_values(["employee_id", "metric"], ignore_index=True)
