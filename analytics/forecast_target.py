"""Will they make target this month (or quarter)? Probabilities and the run-rate still needed.

The target period is the month holding the next forecast period for daily and weekly data (a
week belongs to the month of its Monday), the quarter for monthly data, the year for quarterly
data. Its value is the sum of its periods for a count ("additive": calls, tickets, sales; the
target is then the sum of the periods' targets) and the mean of its periods otherwise (CSAT,
handle time). The periods already reported count as they are; the rest are the forecast
(``analytics.forecast``). Forecast errors of one series are taken as fully correlated across
the remaining periods (the period's sd is the sum of theirs), the cautious choice: it keeps the
probabilities away from 0 and 1 rather than overstating certainty.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy import stats

from analytics.forecast import MEAN_WINDOW, compact, fit, paths, series_sets
from analytics.frames import check_values, grain, period_number, period_start
from analytics.grids import Grid

TARGET_COLUMNS = [
    "employee_id", "team", "metric", "direction", "category", "additive", "period", "grain",
    "done_n", "left_n", "target", "target_per", "so_far", "expected", "low", "high", "ratio", "p_ratio",
    "p_target", "needed", "recent", "recent_n", "model", "mae", "mae_n", "n",
]
_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}
_TARGET_GRAIN = {"day": "month", "week": "month", "month": "quarter", "quarter": "year",
                 "year": "year"}
_COUNT = re.compile(r"量|次数|个数|单数|件数|人数|销售额|回款|营收|成交|签单|(?<![a-z])(count|calls|"
                    r"tickets|deals|visits|orders|sales|revenue|bookings|contacts)", re.I)
_NOT_COUNT = re.compile(r"率|占比|比例|满意|评分|时长|时间|平均|均|(?<![a-z])(rate|ratio|share|"
                        r"percent|score|csat|nps|fcr|time|duration|aht|avg|average|mean)|%", re.I)


def additive(metric: str) -> bool:
    """Whether a metric adds up over periods (a count or an amount), from its name.

    >>> additive("周工单量"), additive("Calls"), additive("首次解决率"), additive("Avg calls")
    (True, True, False, False)
    """
    text = str(metric)
    return bool(_COUNT.search(text)) and not _NOT_COUNT.search(text)


def target_calendar(periods: pd.DatetimeIndex, step
                    ) -> tuple[np.ndarray, int, pd.Timestamp, str]:
    """(done columns, periods left, first day of the target period, its grain).

    >>> done, left, start, span = target_calendar(pd.date_range("2025-12-01", periods=2,
    ...                                                         freq="W-MON"), "week")
    >>> done.tolist(), left, str(start.date()), span
    ([True, True], 3, '2025-12-01', 'month')
    """
    end = int(period_number(periods[-1:], step)[0])
    span = _TARGET_GRAIN[step]
    # Month, quarter or year numbers (frames.period_number) of the periods ahead: a target
    # period holds at most 31 of them (the days of a month).
    ahead = period_number(period_start(end + np.arange(1, 33), step), span)
    key = ahead[0]
    left = int(np.argmin(ahead == key)) or len(ahead)
    done = period_number(periods, span) == key
    return done, left, pd.Period(period_start(ahead[:1], span)[0], _FREQ[span]).start_time, span


def _chance(mu, sd, df, threshold, lower: bool) -> np.ndarray:
    """P(period value reaches threshold); a series with a perfect backtest is certain."""
    with np.errstate(divide="ignore", invalid="ignore"):
        above = stats.t.sf((threshold - mu) / sd, df)
    above = np.where(sd > 0, above, (mu >= threshold).astype(float))
    return 1 - above if lower else above


def filled(target: np.ndarray) -> np.ndarray:
    """Each row's targets carried forward over the periods without one (NaN before the first).

    >>> filled(np.array([[np.nan, 5.0, np.nan, 7.0]])).tolist()
    [[nan, 5.0, 5.0, 7.0]]
    """
    seen = ~np.isnan(target)
    last = np.maximum.accumulate(np.where(seen, np.arange(target.shape[1]), 0), axis=1)
    out = np.take_along_axis(target, last, axis=1)
    return np.where(np.maximum.accumulate(seen, axis=1), out, np.nan)


def aimed(goal: np.ndarray) -> np.ndarray:
    """The rows with a positive target in the latest period (``goal`` :func:`filled`)."""
    return np.flatnonzero(np.isfinite(goal[:, -1]) & (goal[:, -1] > 0))


def chances(data: np.ndarray, goal: np.ndarray, model: dict[str, np.ndarray], path: dict,
            done: np.ndarray, limits: dict, summed: bool, lower: bool) -> dict[str, np.ndarray]:
    """The target period's numbers of fitted rows: ``data`` their values, ``goal`` their
    :func:`filled` targets, ``model`` their ``fit``, ``path`` its ``paths`` over the periods
    left, ``done`` the columns already in the target period (:func:`target_calendar`)."""
    left = path["expected"].shape[1]
    past = data[:, done]
    seen = np.isfinite(past)
    so_far, done_n = np.where(seen, past, 0.0).sum(axis=1), seen.sum(axis=1)
    goals = np.where(seen, goal[:, done], 0.0).sum(axis=1) + left * goal[:, -1]
    count = done_n + left
    scale = np.ones(len(count)) if summed else 1.0 / count
    mu = (so_far + path["expected"].sum(axis=1)) * scale
    sd = path["sd"].sum(axis=1) * scale
    total = goals * scale
    half = stats.t.ppf(0.5 + limits["interval"] / 2, path["df"][:, 0]) * sd
    z, _ = compact(data)
    recent = z[:, -MEAN_WINDOW:]
    ratio = limits["ratio"]
    return {
        "done_n": done_n, "left_n": left, "target": total, "target_per": goal[:, -1],
        "so_far": np.where(done_n > 0, so_far / (1 if summed else np.maximum(done_n, 1)), np.nan),
        "expected": mu, "low": np.maximum(mu - half, model["floor"]), "high": mu + half,
        "ratio": ratio,
        "p_ratio": _chance(mu, sd, path["df"][:, 0], total * ratio ** (-1 if lower else 1), lower),
        "p_target": _chance(mu, sd, path["df"][:, 0], total, lower),
        "needed": (goals - so_far) / left if summed else (total * count - so_far) / left,
        "recent": np.nanmean(recent, axis=1), "recent_n": np.isfinite(recent).sum(axis=1)}


def _metric(value: Grid, target: Grid, limits: dict, summed: bool, step,
            shift: float = 0.0) -> pd.DataFrame:
    goal = filled(target.data)
    rows = aimed(goal)  # only those fitted
    model = fit(value.data[rows], limits["min_periods"])
    keep = rows[model["ok"]]
    done, left, start, span = target_calendar(value.periods, step)
    model = {k: v[model["ok"]] for k, v in model.items()}
    path = paths(model, left, limits["interval"], shift)
    return pd.DataFrame({
        "employee_id": value.employee_ids[keep], "team": value.teams[keep],
        "metric": value.metric, "direction": value.direction, "category": value.category,
        "additive": summed, "period": start, "grain": span,
        **chances(value.data[keep], goal[keep], model, path, done, limits, summed,
                  value.direction == "lower"),
        "model": model["model"], "mae": model["mae"], "mae_n": model["mae_n"], "n": model["n"]})


def target_outlook(values: pd.DataFrame, *, as_of: pd.Timestamp | None = None,
                   min_periods: int = 6, interval: float = 0.8, ratio: float = 0.8,
                   is_additive: Callable[[str], bool] = additive,
                   shift: dict[str, float] | None = None) -> pd.DataFrame:
    """Each forecast person's chance of reaching ``ratio`` of target and all of it this period.

    Returns:
        One row per (employee_id, metric) with a target; columns TARGET_COLUMNS: ``period``
        the first day of the target period (``grain`` month, quarter or year), ``done_n``
        periods reported in it and ``left_n`` to come, ``target``/``so_far``/``expected``/
        ``low``/``high`` the period's value (a sum when ``additive``, else a mean),
        ``p_ratio``/``p_target`` the probabilities, ``needed`` the value per remaining period
        that reaches the target (at most, for a lower-is-better metric) against ``recent``,
        the mean of the last ``recent_n`` values. ``shift`` (metric -> amount) moves the
        remaining periods' forecasts of that metric (``analytics.forecast.paths``).
    """
    check_values(values)
    if values["period"].dropna().empty:
        return pd.DataFrame({column: [] for column in TARGET_COLUMNS})
    return outlook_of(grain(values), series_sets(values, as_of), min_periods=min_periods,
                      interval=interval, ratio=ratio, is_additive=is_additive, shift=shift)


def outlook_of(step, sets: dict[str, tuple[Grid, Grid]], *, min_periods: int = 6,
               interval: float = 0.8, ratio: float = 0.8,
               is_additive: Callable[[str], bool] = additive,
               shift: dict[str, float] | None = None) -> pd.DataFrame:
    """:func:`target_outlook` of grids already made (``grain`` and ``series_sets``)."""
    limits = {"min_periods": min_periods, "interval": interval, "ratio": ratio}
    moved = shift or {}
    parts = [_metric(v, t, limits, is_additive(str(m)), step, moved.get(str(m), 0.0))
             for m, (v, t) in sets.items() if len(v.employee_ids)]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame({column: [] for column in TARGET_COLUMNS})
    return pd.concat(parts, ignore_index=True).sort_values(
        ["employee_id", "metric"], ignore_index=True)[TARGET_COLUMNS]
