"""Forecasts of each person's next values, with a prediction interval.

Four simple models, each fitted to every (person, metric) series at once as numpy arrays:
``last`` (the last value), ``mean`` (mean of the last 4 values), ``trend`` (least-squares line
through the last 8 values, extrapolated) and ``smooth`` (simple exponential smoothing, alpha
0.3). Each series gets the model with the smallest mean absolute one-step-ahead error over its
own history (a rolling-origin backtest: every value from the 4th on is forecast from the values
before it); that error and its count are reported with the forecast.

The interval is the chosen model's backtest root-mean-square error times a Student-t quantile
(degrees of freedom = the number of backtest errors, so a short history gets a wide band),
widened by sqrt(h) for h periods ahead. Series are the person's reported values in order: a
week without data (holiday, export gap) is skipped, not forecast. Only people with a value in
the latest period are forecast (a leaver is not), and none with fewer than ``min_periods``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from analytics.frames import check_values, grain, period_number, period_start
from analytics.grids import Grid, grid_sets

MODELS = ("last", "mean", "trend", "smooth")
MEAN_WINDOW, TREND_WINDOW, SMOOTH_ALPHA = 4, 8, 0.3
FEW_ROWS = 16  # up to this many series are smoothed row by row (:func:`_smooth_row`)
WIDEN = 0.25  # sd grows by sqrt(1 + 0.25 (h - 1)): set by the honesty check (docs/domain.md)
_FIRST_TESTED = 3  # values before the first backtest forecast (a line needs 3 points)
FORECAST_COLUMNS = [
    "employee_id", "team", "metric", "direction", "category", "n", "model", "mae", "mae_n",
    "h", "period", "expected", "low", "high",
]


def compact(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's observed values pushed right (NaNs left) and the number observed.

    >>> compact(np.array([[1.0, np.nan, 2.0], [np.nan, 3.0, np.nan]]))[0].tolist()
    [[nan, 1.0, 2.0], [nan, nan, 3.0]]
    """
    seen = np.isfinite(data)
    order = np.argsort(seen, axis=1, kind="stable")  # False (missing) first, order kept
    return np.take_along_axis(data, order, axis=1), seen.sum(axis=1)


def _windows(z: np.ndarray, width: int, names: str = "c x xx y xy") -> dict[str, np.ndarray]:
    """Sums over the ``width`` positions before each position t (0..T) of ``names``: count,
    x, xx, y, xy (only those asked for: 5,000 people x 4 metrics is the budget's case)."""
    seen = np.isfinite(z)
    y = np.where(seen, z, 0.0)
    x = np.broadcast_to(np.arange(z.shape[1], dtype=float), z.shape) * seen
    parts = {"c": lambda: seen.astype(float), "x": lambda: x, "xx": lambda: x * x,
             "y": lambda: y, "xy": lambda: x * y}
    out = {}
    for name in names.split():
        total = np.zeros((z.shape[0], z.shape[1] + 1))
        np.cumsum(parts[name](), axis=1, out=total[:, 1:])
        lagged = np.zeros_like(total)
        lagged[:, width:] = total[:, :-width]
        out[name] = total - lagged
    return out


def _line(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(forecast of position t from the line through the values before it, its slope)."""
    w = _windows(z, TREND_WINDOW)
    t = np.arange(z.shape[1] + 1, dtype=float)
    denom = w["c"] * w["xx"] - w["x"] ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = np.where((w["c"] >= 3) & (denom > 0), (w["c"] * w["xy"] - w["x"] * w["y"])
                         / denom, np.nan)
        intercept = (w["y"] - slope * w["x"]) / w["c"]
    return intercept + slope * t, slope


def _smooth(z: np.ndarray) -> np.ndarray:
    """Exponential-smoothing level before each position t (0..T); NaN before any value."""
    if len(z) <= FEW_ROWS:
        return np.array([_smooth_row(row) for row in z.tolist()]).reshape(len(z), z.shape[1] + 1)
    level = np.full(z.shape[0], np.nan)
    out = [level]
    for column in z.T:
        level = np.where(np.isnan(level), column,
                         np.where(np.isnan(column), level, level + SMOOTH_ALPHA * (column - level)))
        out.append(level)
    return np.stack(out, axis=1)


def _smooth_row(row: list[float]) -> list[float]:
    """:func:`_smooth` of one row, the same arithmetic on Python floats: for one person's few
    series (the prep, the what-if) numpy's cost per call on a column of one to a few cells was
    half of a fit."""
    level, out = math.nan, [math.nan]
    for value in row:
        if math.isnan(level):
            level = value
        elif not math.isnan(value):
            level = level + SMOOTH_ALPHA * (value - level)
        out.append(level)
    return out


def predictions(z: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Every model's forecast of each position 0..T from the values before it (T = the next
    period), and the trend's slope there; ``z`` is right-aligned (see :func:`compact`)."""
    last = np.concatenate([np.full((z.shape[0], 1), np.nan), z], axis=1)
    w = _windows(z, MEAN_WINDOW, "c y")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(w["c"] > 0, w["y"] / w["c"], np.nan)
    line, slope = _line(z)
    return {"last": last, "mean": mean, "trend": line, "smooth": _smooth(z)}, slope


def backtest(z: np.ndarray, preds: dict[str, np.ndarray] | None = None
             ) -> dict[str, np.ndarray]:
    """One-step-ahead errors (actual - forecast) of every model, NaN where not tested;
    ``preds`` is :func:`predictions` of ``z`` when the caller has it already."""
    preds = predictions(z)[0] if preds is None else preds
    before = np.cumsum(np.isfinite(z), axis=1) - np.isfinite(z)  # values before position t
    tested = np.isfinite(z) & (before >= _FIRST_TESTED)
    return {m: np.where(tested, z - p[:, :-1], np.nan) for m, p in preds.items()}


def _nanmean(array: np.ndarray) -> np.ndarray:
    """Row means over the finite cells; NaN for a row without any (no warning)."""
    seen = np.isfinite(array)
    count = seen.sum(axis=1)
    total = np.where(seen, array, 0.0).sum(axis=1)
    return np.divide(total, count, out=np.full(len(array), np.nan), where=count > 0)


def fit(data: np.ndarray, min_periods: int) -> dict[str, np.ndarray]:
    """Per row: ``ok`` (enough history), n, the chosen model, its MAE and RMSE over mae_n
    backtest errors, the forecast of the next value, the slope added per later period (trend
    only) and the floor (0 for a series never negative: a count is not forecast under 0)."""
    z, n = compact(data)
    preds, slope = predictions(z)
    errors = backtest(z, preds)
    stack = np.stack([errors[m] for m in MODELS])  # models x rows x periods
    mae = np.stack([_nanmean(np.abs(e)) for e in stack], axis=1)
    best = np.argmin(np.where(np.isfinite(mae), mae, np.inf), axis=1)
    rows = np.arange(len(z))
    chosen = stack[best, rows]
    low = np.where(np.isfinite(z), z, np.inf).min(axis=1, initial=np.inf)
    return {
        "ok": (n >= min_periods) & np.isfinite(mae).all(axis=1), "n": n,
        "model": np.asarray(MODELS, dtype=object)[best], "mae": mae[rows, best],
        "mae_n": np.isfinite(chosen).sum(axis=1), "rmse": np.sqrt(_nanmean(chosen ** 2)),
        "next": np.stack([preds[m][:, -1] for m in MODELS])[best, rows],
        "slope": np.where(best == MODELS.index("trend"), slope[:, -1], 0.0),
        "floor": np.where(low >= 0, 0.0, -np.inf),
    }


def paths(model: dict[str, np.ndarray], horizon: int, interval: float,
          shift: float | np.ndarray = 0.0) -> dict[str, np.ndarray]:
    """Expected value, sd and interval for h = 1..horizon (rows x horizon arrays); ``shift``
    (one amount, or a column of one per row) is added to every expected value (a what-if: the
    level moves by it from the next period on; the spread is the history's, unchanged)."""
    h = np.arange(1, horizon + 1, dtype=float)
    expected = model["next"][:, None] + model["slope"][:, None] * (h - 1) + shift
    sd = model["rmse"][:, None] * np.sqrt(1 + WIDEN * (h - 1))
    df = np.maximum(model["mae_n"], 1)[:, None]
    half = stats.t.ppf(0.5 + interval / 2, df) * sd
    floor = model["floor"][:, None]
    return {"expected": np.maximum(expected, floor), "sd": sd, "df": df,
            "low": np.maximum(expected - half, floor), "high": np.maximum(expected + half, floor)}


def series_sets(values: pd.DataFrame, as_of: pd.Timestamp | None) -> dict[str, tuple[Grid, Grid]]:
    """metric -> (value grid, target grid) of the people with a value in the latest period."""
    out = {}
    for metric, (value, target) in grid_sets(values, as_of=as_of).items():
        current = np.isfinite(value.data[:, -1]) if value.data.shape[1] else np.zeros(0, bool)
        out[metric] = tuple(Grid(g.metric, g.direction, g.category, g.employee_ids[current],
                                 g.teams[current], g.periods, g.data[current])
                            for g in (value, target))
    return out


def forecasts(values: pd.DataFrame, *, as_of: pd.Timestamp | None = None, horizon: int = 4,
              min_periods: int = 6, interval: float = 0.8,
              shift: dict[str, float] | None = None) -> pd.DataFrame:
    """The next ``horizon`` periods of every series with ``min_periods`` values or more.

    Returns:
        One row per (employee_id, metric, h); columns FORECAST_COLUMNS: ``n`` values of
        history, the chosen ``model`` and its one-step backtest ``mae`` over ``mae_n``
        forecasts, ``period`` the forecast period, ``low``/``high`` the ``interval`` band.
        ``shift`` (metric -> amount) moves that metric's expected values (see :func:`paths`).

    Example:
        >>> frame = pd.DataFrame({"employee_id": "a", "name": None, "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=8, freq="W-MON"), "metric": "Calls",
        ...     "value": [10.0, 12, 14, 16, 18, 20, 22, 24], "target": 20.0,
        ...     "direction": "higher", "category": "efficiency"})
        >>> row = forecasts(frame, horizon=2).iloc[1]
        >>> row.model, float(row.expected), float(row.mae), str(row.period.date())
        ('trend', 28.0, 0.0, '2025-03-10')
    """
    check_values(values)
    _check(horizon, min_periods, interval)
    if values["period"].dropna().empty:
        return pd.DataFrame({column: [] for column in FORECAST_COLUMNS})
    return forecasts_of(grain(values), series_sets(values, as_of), horizon=horizon,
                        min_periods=min_periods, interval=interval, shift=shift)


def _check(horizon: int, min_periods: int, interval: float) -> None:
    if not 0 < interval < 1 or horizon < 1 or min_periods < 2:
        raise ValueError("interval must be in (0, 1), horizon and min_periods positive")


def forecasts_of(step, sets: dict[str, tuple[Grid, Grid]], *, horizon: int = 4,
                 min_periods: int = 6, interval: float = 0.8,
                 shift: dict[str, float] | None = None) -> pd.DataFrame:
    """:func:`forecasts` of grids already made (``grain`` and :func:`series_sets` of the
    values): the what-if forecasts the same grids twice and their outlook twice."""
    _check(horizon, min_periods, interval)
    moved = shift or {}
    parts = [_rows(value, horizon, min_periods, interval, step, moved.get(str(metric), 0.0))
             for metric, (value, _) in sets.items()]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame({column: [] for column in FORECAST_COLUMNS})
    return pd.concat(parts, ignore_index=True).sort_values(
        ["employee_id", "metric", "h"], ignore_index=True)[FORECAST_COLUMNS]


def _rows(value: Grid, horizon: int, min_periods: int, interval: float, step,
          shift: float) -> pd.DataFrame:
    model = fit(value.data, min_periods)
    keep = model["ok"]
    path = paths({k: v[keep] for k, v in model.items()}, horizon, interval, shift)
    people = int(keep.sum())
    end = int(period_number(value.periods[-1:], step)[0]) if len(value.periods) else 0
    h = np.tile(np.arange(1, horizon + 1), people)
    pick = lambda array: np.repeat(array[keep], horizon)  # noqa: E731 - one line per column
    return pd.DataFrame({
        "employee_id": pick(value.employee_ids), "team": pick(value.teams),
        "metric": value.metric, "direction": value.direction, "category": value.category,
        "n": pick(model["n"]), "model": pick(model["model"]), "mae": pick(model["mae"]),
        "mae_n": pick(model["mae_n"]), "h": h, "period": period_start(end + h, step),
        "expected": path["expected"].ravel(), "low": path["low"].ravel(),
        "high": path["high"].ravel()})
