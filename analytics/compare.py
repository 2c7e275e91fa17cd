"""Comparison: each employee against the team's average and its best (docs/domain.md,
"Preparing a talk", analysis 2).

Every statistic is direction-aware where it ranks: for a lower-is-better metric (handle time,
complaints) the team "best" is the minimum, the top quartile is the 25th percentile of the raw
values, a positive z-score means better than the team and percentile 100 is the best.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.frames import STEPS, check_values, grain, period_number, resolve_as_of

# The comparison's window: each person's mean over the latest periods (4 weeks or 4 months).
COMPARE_PERIODS = 4
COMPARE_COLUMNS = [
    "employee_id", "name", "team", "metric", "direction", "category", "value", "team_mean",
    "team_median", "team_best", "team_top_quartile", "percentile", "z", "n_team",
    "window_start", "window_end",
]


def _check_periods(periods: int) -> None:
    if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1:
        raise ValueError(f"periods must be a positive integer, got {periods!r}")


def _recent_means(values: pd.DataFrame, as_of: pd.Timestamp, periods: int) -> pd.DataFrame:
    upto = values.loc[values["period"] <= as_of]
    if upto.empty:
        return upto.iloc[:0][["employee_id", "name", "team", "metric", "direction", "category",
                              "value"]]
    step = grain(upto)
    numbers = period_number(upto["period"], step)
    recent = upto.loc[numbers > numbers.max() - periods]
    end = upto["period"].max()
    offset = STEPS[step]
    # name and team are properties of the employee; "first" skips missing ones.
    means = recent.groupby(["employee_id", "metric"], as_index=False, sort=True).agg(
        name=("name", "first"), team=("team", "first"), direction=("direction", "first"),
        category=("category", "first"), value=("value", "mean"))
    means["window_start"], means["window_end"] = end - (periods - 1) * offset, end
    # Categorical text (store.frames.metric_frame) comes back as plain text, as it went in.
    return means.assign(**{
        column: means[column].astype(means[column].cat.categories.dtype)
        for column in means.columns if isinstance(means[column].dtype, pd.CategoricalDtype)})


def _group_stats(out: pd.DataFrame, by: pd.core.groupby.DataFrameGroupBy,
                 sign: np.ndarray) -> dict[str, pd.Series]:
    scores = by["_score"]
    n = scores.transform("count").astype("int64")
    mean, std = scores.transform("mean"), scores.transform("std")
    spread = (n >= 2) & (std > 0)
    rank = scores.rank(method="average")
    return {
        "n_team": n, "team_mean": by["value"].transform("mean"),
        "team_median": by["value"].transform("median"),
        "team_best": sign * scores.transform("max"),
        "team_top_quartile": sign * scores.transform("quantile", 0.75),
        "z": ((out["_score"] - mean) / std.where(spread)).where(spread),
        "percentile": (100 * (rank - 1) / (n - 1)).where(n >= 2),
    }


def _team_stats(means: pd.DataFrame) -> pd.DataFrame:
    out = means.copy()
    sign = np.where(out["direction"] == "lower", -1.0, 1.0)
    out["_score"] = sign * out["value"]
    teamless = out["team"].isna()
    # Someone without a team (a file without a team column) is compared with everyone in scope.
    stats = _group_stats(out, out.groupby("metric", sort=False), sign)
    if not teamless.all():
        own = _group_stats(out, out.groupby(["metric", "team"], sort=False, observed=True,
                                            dropna=False),
                           sign)
        stats = {k: own[k].where(~teamless, stats[k]).astype(stats[k].dtype) for k in stats}
    return out.assign(**stats)


def compare(
    values: pd.DataFrame, *, as_of: pd.Timestamp | None = None, periods: int = COMPARE_PERIODS
) -> pd.DataFrame:
    """Each employee's recent mean against the team's, per metric.

    Args:
        values: long metric frame (employee_id, name, team, period, metric, value, target,
            direction, category).
        as_of: last date used (default: the latest period).
        periods: number of latest periods (up to as_of) averaged per employee.

    Returns:
        One row per (employee_id, metric) with a value in those periods; columns
        COMPARE_COLUMNS. ``percentile`` is 0-100 within the team (100 = best, ties share the
        average rank, NaN for a team of one); ``z`` is direction-aware (positive = better) and
        NaN when the team has fewer than 2 people or no spread; ``team_best`` and
        ``team_top_quartile`` are direction-aware. ``window_start`` .. ``window_end`` are the
        first and last period of the window the means are taken over (the same for everyone).

    Example:
        >>> frame = pd.DataFrame({"employee_id": ["a", "b", "c"], "name": None, "team": "t",
        ...     "period": pd.Timestamp("2025-01-06"), "metric": "AHT", "value": [5.0, 6.0, 7.0],
        ...     "target": 6.0, "direction": "lower", "category": "efficiency"})
        >>> compare(frame)[["employee_id", "team_best", "percentile", "z"]]
          employee_id  team_best  percentile    z
        0           a        5.0       100.0  1.0
        1           b        5.0        50.0  0.0
        2           c        5.0         0.0 -1.0
    """
    check_values(values)
    _check_periods(periods)
    as_of = resolve_as_of(values, as_of)
    means = _recent_means(values, as_of, periods)
    if means.empty:
        return pd.DataFrame({column: [] for column in COMPARE_COLUMNS})
    return _team_stats(means)[COMPARE_COLUMNS].reset_index(drop=True)
