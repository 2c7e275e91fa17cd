"""The forecasts' honesty check: hold back the last periods, forecast them, count the hits.

An 80% interval that holds 98% of the later values is too wide to be useful; one that holds 50%
claims a certainty it does not have. docs/domain.md ("Forecasts") quotes these figures for the
demo and a generated company.
"""

from __future__ import annotations

import pandas as pd

from analytics.forecast import forecasts
from analytics.forecast_target import target_outlook
from analytics.frames import check_values


def coverage(values: pd.DataFrame, *, hold: int = 4, min_periods: int = 6,
             interval: float = 0.8) -> dict[str, object]:
    """Share of held-back values inside their interval, forecast from the periods before them.

    Returns:
        ``covered`` and ``n`` (held-back values that had a forecast), ``share`` = covered / n
        (None when n is 0), ``by_h`` = h -> share, and ``cut`` (the last period used).

    Example:
        >>> import numpy as np
        >>> frame = pd.DataFrame({"employee_id": "a", "name": None, "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=12, freq="W-MON"), "metric": "x",
        ...     "value": np.arange(12.0), "target": 5.0, "direction": "higher",
        ...     "category": "other"})
        >>> coverage(frame)["n"], coverage(frame)["share"]
        (4, 1.0)
    """
    check_values(values)
    periods = pd.DatetimeIndex(values["period"].dropna().unique()).sort_values()
    if len(periods) <= hold:
        return {"covered": 0, "n": 0, "share": None, "by_h": {}, "cut": None}
    cut = periods[-hold - 1]
    made = forecasts(values, as_of=cut, horizon=hold, min_periods=min_periods,
                     interval=interval)
    actual = values.loc[values["period"] > cut, ["employee_id", "metric", "period", "value"]]
    actual = actual.assign(metric=actual["metric"].astype(str))
    made = made.assign(metric=made["metric"].astype(str)).merge(
        actual, on=["employee_id", "metric", "period"], how="inner").dropna(subset=["value"])
    hit = (made["value"] >= made["low"]) & (made["value"] <= made["high"])
    by_h = hit.groupby(made["h"]).mean()
    return {"covered": int(hit.sum()), "n": len(hit),
            "share": float(hit.mean()) if len(hit) else None,
            "by_h": {int(h): float(s) for h, s in by_h.items()}, "cut": cut}


def _reached(value: pd.Series, line: pd.Series, lower: pd.Series) -> pd.Series:
    return (value <= line).where(lower, value >= line)


def _outcome(values: pd.DataFrame, made: pd.DataFrame, ratio: float) -> pd.DataFrame:
    """The outlooks ``made`` at one cut beside the whole period's value, where fully reported."""
    span = {"month": "M", "quarter": "Q", "year": "Y"}[made["grain"].iloc[0]]
    inside = values.loc[values["period"].dt.to_period(span).dt.start_time
                        == made["period"].iloc[0]]
    ended = inside.assign(metric=inside["metric"].astype(str)).groupby(
        ["employee_id", "metric"], observed=True).agg(
        total=("value", "sum"), mean=("value", "mean"), goals=("target", "sum"),
        goal=("target", "mean"), k=("value", "count")).reset_index()
    both = made.assign(metric=made["metric"].astype(str)).merge(ended, on=["employee_id", "metric"])
    both = both.loc[both["k"] == both["done_n"] + both["left_n"]]
    value = both["total"].where(both["additive"], both["mean"])
    goal = both["goals"].where(both["additive"], both["goal"])
    lower = both["direction"] == "lower"
    return pd.DataFrame({
        "employee_id": both["employee_id"], "metric": both["metric"],
        "p_ratio": both["p_ratio"], "p_target": both["p_target"],
        "hit_ratio": _reached(value, goal / ratio, lower).where(
            lower, _reached(value, goal * ratio, lower)),
        "hit_target": _reached(value, goal, lower),
        "inside": (value >= both["low"]) & (value <= both["high"])})


def period_check(values: pd.DataFrame, cuts: list[pd.Timestamp], *, interval: float = 0.8,
                 ratio: float = 0.8) -> pd.DataFrame:
    """The month (quarter) outlooks made at each cut against how the period really ended.

    Returns:
        One row per (cut, employee, metric) whose target period was fully reported later:
        ``p_ratio``/``p_target`` as forecast, ``hit_ratio``/``hit_target`` what happened, and
        ``inside`` whether the period's value fell inside its interval.
    """
    check_values(values)
    rows = []
    for cut in cuts:
        made = target_outlook(values, as_of=cut, interval=interval, ratio=ratio)
        if not made.empty:
            rows.append(_outcome(values, made, ratio).assign(cut=cut))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
