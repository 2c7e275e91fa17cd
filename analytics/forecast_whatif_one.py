"""The forecast what-if of one person: the prep page's (issue 20).

``analytics.forecast_whatif.what_if`` answers for everyone at once: grids of everyone, four
forecasts, frames merged on employee_id. For the one person of the prep page those one-row frames
cost 0.025 CPU s of pandas per person at 5,000 people. Here the same numbers from numpy: the
person's values of the metric over their periods from first to last (the grid ``what_if`` makes
of their rows), one ``fit`` (``what_if`` fitted the same row four times), ``paths`` as is and
shifted over the target period's periods left (the next period is the first of them), and
``analytics.forecast_target.chances`` of both. tests/analytics/test_forecast_whatif_one.py
compares it with ``what_if``'s row on generated companies.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.forecast import MEAN_WINDOW, fit, paths
from analytics.forecast_target import additive, aimed, chances, filled, target_calendar
from analytics.forecast_whatif import WHAT_IF_COLUMNS, UnknownMetric, checked_shift
from analytics.frames import check_values, period_grain, period_number, period_start

NEEDED = ("metric", "period", "value", "target", "direction")
_INDEX = pd.Index(WHAT_IF_COLUMNS)  # made once: an index of names made per row cost 0.1 ms
_OUTLOOK = ("target_period", "target_grain", "left_n", "target", "expected", "low", "high",
            "p_ratio", "p_target", "needed", "expected_if", "low_if", "high_if", "p_ratio_if",
            "p_target_if")


def one_what_if(values: pd.DataFrame, metric: str, shift: float, *, employee_id: str,
                team: str | None = None, min_periods: int = 6, interval: float = 0.8,
                ratio: float = 0.8) -> pd.Series | None:
    """``what_if``'s row of one person (``values``: their usable rows, columns ``NEEDED``).

    Returns:
        WHAT_IF_COLUMNS, ``employee_id`` and ``team`` as given; None where ``what_if`` has no
        row (no value in the metric's latest period, or fewer than ``min_periods``).

    Raises:
        UnknownMetric: no value of ``metric``; ValueError: ``shift`` is not a finite number.
    """
    check_values(values, columns=NEEDED)
    shift, metric = checked_shift(shift), str(metric)
    names = values["metric"].astype(str).to_numpy(dtype=object)
    rows = np.flatnonzero(names == metric)  # positions: a frame's .loc was most of the cost
    if not len(rows):
        raise UnknownMetric(metric, sorted(set(names)))
    cols = {"period": values["period"].to_numpy()[rows],
            **{k: values[k].to_numpy(dtype=float, na_value=np.nan)[rows]
               for k in ("value", "target")}}
    dated = ~np.isnat(cols["period"])
    if not dated.any():
        return None
    step = period_grain(cols["period"][dated])
    row = _row({k: v[dated] for k, v in cols.items()}, step)
    if not np.isfinite(row["data"][-1]):  # not reported in its latest period: not forecast
        return None
    model = fit(row["data"][None], min_periods)
    if not model["ok"][0]:
        return None
    direction = values["direction"].iloc[rows[np.argmax(dated)]]
    out = {"employee_id": employee_id, "team": team, "metric": metric, "direction": direction,
           "shift": shift, "ratio": ratio,
           **_outlook(row, model, step, metric, shift, min_periods, interval, ratio,
                      lower=direction == "lower"),
           **_levels(cols, direction == "lower", shift)}
    return pd.Series([out[c] for c in WHAT_IF_COLUMNS], index=_INDEX, dtype=object)


def _row(cols: dict[str, np.ndarray], step) -> dict:
    """The metric's values and targets over the person's periods from first to last."""
    numbers = period_number(cols["period"], step)
    start, end = int(numbers.min()), int(numbers.max())
    cell = numbers - start
    if np.bincount(cell).max() > 1:
        raise ValueError("values has duplicate (employee_id, period) rows for the metric")
    data, target = np.full((2, end - start + 1), np.nan)
    data[cell], target[cell] = cols["value"], cols["target"]
    return {"data": data, "target": target, "end": end,
            "periods": period_start(np.arange(start, end + 1), step)}


def _outlook(row: dict, model: dict, step, metric: str, shift: float, min_periods: int,
             interval: float, ratio: float, *, lower: bool) -> dict:
    """The next period and the target period, as forecast and shifted: the person as two rows
    of one path over the periods left in the target period (the next one is its first) or
    over the next alone."""
    goal = filled(row["target"][None])
    with_target = len(aimed(goal)) > 0
    done, left, start, span = target_calendar(row["periods"], step)
    twice = {k: np.repeat(v, 2) for k, v in model.items()}
    path = paths(twice, left if with_target else 1, interval, np.array([[0.0], [shift]]))
    out = {"next_period": period_start(np.array([row["end"] + 1]), step)[0]}
    for i, suffix in enumerate(("", "_if")):
        out |= {f"next_{k}{suffix}": float(path[k][i, 0]) for k in ("expected", "low", "high")}
    if not with_target:
        return out | dict.fromkeys(_OUTLOOK, np.nan)
    limits = {"min_periods": min_periods, "interval": interval, "ratio": ratio}
    month = chances(np.repeat(row["data"][None], 2, axis=0), np.repeat(goal, 2, axis=0), twice,
                    path, done, limits, additive(metric), lower)
    out |= {"target_period": start, "target_grain": span, "left_n": left,
            "needed": float(month["needed"][0])}
    for i, suffix in enumerate(("", "_if")):
        out |= {f"{k}{suffix}": float(month[k][i])
                for k in ("target", "expected", "low", "high", "p_ratio", "p_target")}
    del out["target_if"]
    return out


def _levels(cols: dict[str, np.ndarray], lower: bool, shift: float) -> dict:
    """``analytics.forecast_whatif.levels`` of one person's values of the metric, and the level
    the shift makes."""
    order = np.argsort(cols["period"], kind="stable")  # NaT last, as pandas sorts
    value = cols["value"][order]
    total = _running_sums(value[~np.isnan(value)])
    before = np.concatenate([np.zeros(MEAN_WINDOW), total[:-MEAN_WINDOW]])[:len(total)]
    means = (total - before) / np.minimum(np.arange(1, len(total) + 1), MEAN_WINDOW)
    runs = means[MEAN_WINDOW - 1:]
    best = float(runs.min() if lower else runs.max()) if len(runs) else np.nan
    recent = float(means[-1]) if len(means) else np.nan
    level = recent + shift
    better = level < best if lower else level > best
    return {"recent": recent, "best": best, "level": level,
            "beyond": bool(better and np.isfinite(best))}


def _running_sums(value: np.ndarray) -> np.ndarray:
    """Running sums, compensated (Kahan) as pandas' groupby cumsum is: ``levels``' sums to the
    last bit, so a new level equal to the best run is judged the same way on both paths."""
    out, total, error = np.empty(len(value)), 0.0, 0.0
    for i, x in enumerate(value.tolist()):
        y = x - error
        t = total + y
        error, total = (t - total) - y, t
        out[i] = t
    return out
