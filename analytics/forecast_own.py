"""One person's forecasts for their prep (the trend charts' dashed line and band, the what-if's
start), computed on one small grid of their metrics (issue 20).

The models, the choice and the interval are ``analytics.forecast``'s (``fit``, ``paths``), on
the same grid ``forecasts`` builds for a frame of one person: every metric over the person's
periods from their first to their last. ``forecasts`` builds it with the team-wide machinery
(factorised codes, one frame per metric, a sort): 17 ms of a person not seen before at 5,000
people; here one array of metrics x periods, a few tenths of a millisecond of numpy. Each row
of the grid is fitted on its own, so the figures are the same
(``tests/analytics/test_forecast_own.py`` compares them with ``forecasts``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.forecast import FORECAST_COLUMNS, fit, paths
from analytics.frames import check_values, grain, period_number, period_start
from analytics.volume import usable

COLUMNS = [c for c in FORECAST_COLUMNS if c not in ("employee_id", "team")] + ["interval"]
_NEEDED = ("metric", "period", "value", "target", "direction", "category")


def own_forecast(series: pd.DataFrame | None, *, horizon: int = 4, min_periods: int = 6,
                 interval: float = 0.8, min_events: int = 5) -> pd.DataFrame:
    """``analytics.forecast.forecasts`` of one person's ``store.frames.employee_series`` rows
    (their metrics, periods, values, targets; low-volume values and partial periods left out).

    Returns FORECAST_COLUMNS without employee_id and team, plus ``interval``; empty when
    there is nothing to say. Only a metric with a value in the person's latest period is
    forecast, and none with fewer than ``min_periods`` values.
    """
    if series is None or series.empty or any(c not in series for c in _NEEDED):
        return pd.DataFrame({column: [] for column in COLUMNS})
    if not 0 < interval < 1 or horizon < 1 or min_periods < 2:
        raise ValueError("interval must be in (0, 1), horizon and min_periods positive")
    values = usable(series, min_events)
    known = (values["period"].notna() & values["metric"].notna()).to_numpy()
    values = values if known.all() else values.loc[known]
    check_values(values, columns=_NEEDED)
    if values.empty:
        return _empty(interval)
    grid = _grid(values)
    current = np.isfinite(grid["data"][:, -1])  # a metric not reported lately is not forecast
    model = fit(grid["data"][current], min_periods)
    keep = model["ok"]
    path = paths({k: v[keep] for k, v in model.items()}, horizon, interval, 0.0)
    chosen = np.flatnonzero(current)[keep]
    if not len(chosen):
        return _empty(interval)
    pick = lambda array: np.repeat(array, horizon)  # noqa: E731 - one line per column
    text = lambda array: pd.array(pick(array), dtype="str")  # noqa: E731
    h = np.tile(np.arange(1, horizon + 1), len(chosen))
    # Built in COLUMNS' order with their types (an astype and a reindex of the frame were a
    # third of the forecast's cost).
    return pd.DataFrame({
        "metric": text(grid["metric"][chosen]), "direction": text(grid["direction"][chosen]),
        "category": text(grid["category"][chosen]), "n": pick(model["n"][keep]),
        "model": text(model["model"][keep]), "mae": pick(model["mae"][keep]),
        "mae_n": pick(model["mae_n"][keep]), "h": h,
        "period": period_start(grid["end"] + h, grid["step"]),
        "expected": path["expected"].ravel(), "low": path["low"].ravel(),
        "high": path["high"].ravel(), "interval": np.full(len(h), float(interval))})


def _grid(values: pd.DataFrame) -> dict:
    """Metrics (sorted by name) x the person's periods from first to last, NaN where none."""
    step = grain(values)
    numbers = period_number(values["period"], step)
    start, end = int(numbers.min()), int(numbers.max())
    metric = values["metric"].astype(str).to_numpy(dtype=object)
    names, row = np.unique(metric, return_inverse=True)
    width = end - start + 1
    cell = row * width + (numbers - start)
    if np.bincount(cell).max() > 1:
        twice = names[row[np.flatnonzero(np.bincount(cell)[cell] > 1)[0]]]
        raise ValueError(f"values has duplicate (employee_id, period) rows for metric {twice!r}")
    data = np.full(len(names) * width, np.nan)
    data[cell] = values["value"].to_numpy(dtype=float, na_value=np.nan)
    first = np.unique(row, return_index=True)[1]  # a metric's kind: its first row's
    return {"step": step, "end": end, "data": data.reshape(len(names), width),
            "metric": names.astype(object),
            **{k: values[k].to_numpy(dtype=object)[first] for k in ("direction", "category")}}


def _empty(interval: float) -> pd.DataFrame:
    return pd.DataFrame({column: [] for column in FORECAST_COLUMNS}).assign(
        interval=interval)[COLUMNS]

