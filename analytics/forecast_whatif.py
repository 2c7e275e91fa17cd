"""What if a metric's level shifted by a given amount from the next period on?

The forecast of each person is made twice: as it is, and with every forecast period of one metric
moved by ``shift`` (``analytics.forecast.paths``): the next period's value and interval, this
month's (quarter's) value, and the chances of reaching 80% and 100% of target. Periods already
reported count as they are; the spread of the forecast (its backtest error) stays the history's,
and no other metric moves: a link between metrics is not modelled.

It is arithmetic on the forecast, not evidence that anything will bring the change. What the
numbers can say about how plausible it is: the new level (the recent mean plus the shift) beside
the best mean of ``MEAN_WINDOW`` consecutive values the person has had (``beyond`` when the new
level is better than that).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analytics.forecast import MEAN_WINDOW, forecasts_of, series_sets
from analytics.forecast_target import outlook_of
from analytics.frames import check_values, grain

WHAT_IF_COLUMNS = [
    "employee_id", "team", "metric", "direction", "shift", "recent", "level", "best", "beyond",
    "next_period", "next_expected", "next_low", "next_high", "next_expected_if", "next_low_if",
    "next_high_if", "target_period", "target_grain", "left_n", "target", "expected", "low",
    "high", "expected_if", "low_if", "high_if", "p_ratio", "p_ratio_if", "p_target",
    "p_target_if", "ratio", "needed",
]
_NEXT = {"period": "next_period", "expected": "next_expected", "low": "next_low",
         "high": "next_high"}
_OUTLOOK = {"period": "target_period", "grain": "target_grain"}


class UnknownMetric(ValueError):
    """The what-if names a metric the data does not hold; ``known`` are those it holds."""

    def __init__(self, metric: str, known: list[str]) -> None:
        super().__init__(metric)
        self.metric, self.known = metric, known


def levels(values: pd.DataFrame, direction: str) -> pd.DataFrame:
    """Per employee: ``recent`` (mean of their last ``MEAN_WINDOW`` values) and ``best`` (their
    best mean of ``MEAN_WINDOW`` consecutive values: the highest, or the lowest when lower is
    better), from one metric's rows in period order.

    >>> frame = pd.DataFrame({"employee_id": "a", "period": range(6),
    ...                       "value": [1.0, 9, 9, 9, 9, 2]})
    >>> levels(frame, "higher").round(2).to_dict("records")
    [{'employee_id': 'a', 'recent': 7.25, 'best': 9.0}]
    """
    rows = values.dropna(subset=["value"]).sort_values(["employee_id", "period"])
    who = rows["employee_id"]
    # Rolling sums as differences of running sums (a Python function per person took 4 s for
    # 5,000 people): the mean of the up to MEAN_WINDOW values ending at each value. ``recent``
    # is the last of them, so a person whose last run is their best has recent == best exactly
    # (a mean of their own would differ in the last bit and make "beyond" a coin toss).
    total = rows.groupby(who, observed=True)["value"].cumsum()
    before = total.groupby(who, observed=True).shift(MEAN_WINDOW).fillna(0.0)
    count = rows.groupby(who, observed=True).cumcount() + 1
    means = (total - before) / np.minimum(count, MEAN_WINDOW)
    runs = means.where(count >= MEAN_WINDOW).groupby(who, observed=True)
    return pd.DataFrame({
        "recent": means.groupby(who, observed=True).last(),
        "best": runs.min() if direction == "lower" else runs.max()}).rename_axis(
        "employee_id").reset_index()


def checked_shift(shift: float) -> float:
    """``shift`` as a float; ValueError unless it is a finite number (not a bool)."""
    if isinstance(shift, bool) or not isinstance(shift, int | float) or not math.isfinite(shift):
        raise ValueError(f"shift must be a finite number, got {shift!r}")
    return float(shift)


def what_if(values: pd.DataFrame, metric: str, shift: float, *,
            as_of: pd.Timestamp | None = None, min_periods: int = 6, interval: float = 0.8,
            ratio: float = 0.8) -> pd.DataFrame:
    """Everyone's forecast of ``metric`` as it is and with its level moved by ``shift``.

    Args:
        values: the usable long metric frame (``analytics.frames.check_values`` columns).
        metric: the metric to move; shift: the amount in the metric's own unit (points for a
            rate in %), added to every forecast period from the next one on.

    Returns:
        One row per person forecast on ``metric``; columns WHAT_IF_COLUMNS: the next period's
        value and interval as forecast and ``_if`` shifted, this target period's value and
        chances ``p_ratio`` (of ``ratio`` of target) and ``p_target`` likewise (NaN without a
        target), ``recent``/``level`` (recent + shift)/``best`` and ``beyond``.

    Raises:
        UnknownMetric: no value of ``metric``; ValueError: ``shift`` is not a finite number.
    """
    check_values(values)
    checked_shift(shift)
    metric = str(metric)
    one = values.loc[values["metric"].astype(str) == metric]
    if as_of is not None:
        one = one.loc[one["period"] <= as_of]
    if one.empty:
        raise UnknownMetric(metric, sorted(values["metric"].astype(str).unique()))
    one = one.assign(metric=metric)
    if one["period"].dropna().empty:
        return pd.DataFrame({column: [] for column in WHAT_IF_COLUMNS})
    # The grids once for the four calls (for one person they were most of a what-if).
    step, sets = grain(one), series_sets(one, as_of)
    kw = {"min_periods": min_periods, "interval": interval}
    moved = {metric: float(shift)}
    ahead = [forecasts_of(step, sets, horizon=1, shift=s, **kw) for s in (None, moved)]
    if ahead[0].empty:
        return pd.DataFrame({column: [] for column in WHAT_IF_COLUMNS})
    out = ahead[0].rename(columns=_NEXT).merge(
        ahead[1][["employee_id", "expected", "low", "high"]].rename(
            columns={k: f"{v}_if" for k, v in _NEXT.items()}), on="employee_id")
    outlook = [outlook_of(step, sets, ratio=ratio, shift=s, **kw) for s in (None, moved)]
    keep = ["employee_id", "period", "grain", "left_n", "target", "expected", "low", "high",
            "p_ratio", "p_target", "needed"]
    moved_cols = ["expected", "low", "high", "p_ratio", "p_target"]
    out = out.merge(outlook[0][keep].rename(columns=_OUTLOOK), on="employee_id",
                    how="left").merge(
        outlook[1][["employee_id", *moved_cols]].rename(
            columns={c: f"{c}_if" for c in moved_cols}), on="employee_id", how="left")
    direction = str(out["direction"].iloc[0])
    out = out.merge(levels(one, direction), on="employee_id", how="left")
    out["shift"], out["ratio"] = float(shift), ratio
    out["level"] = out["recent"] + out["shift"]
    better = out["level"] < out["best"] if direction == "lower" else out["level"] > out["best"]
    out["beyond"] = better.to_numpy(dtype=bool) & np.isfinite(out["best"].to_numpy(dtype=float))
    return out[WHAT_IF_COLUMNS].sort_values("employee_id", ignore_index=True)
