"""analytics.forecast_own: one person's forecasts on their own small grid, against the way the
prep made them before (``forecasts`` of a frame of that one person), figure for figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.forecast import FORECAST_COLUMNS, forecasts
from analytics.forecast_own import own_forecast
from analytics.volume import usable

COLUMNS = [c for c in FORECAST_COLUMNS if c not in ("employee_id", "team")] + ["interval"]


def old_own_forecast(series, *, horizon=4, min_periods=6, interval=0.8, min_events=5):
    """The prep's forecast before analytics.forecast_own (kept here as the reference)."""
    needed = ("metric", "period", "value", "target", "direction", "category")
    if series is None or series.empty or any(c not in series for c in needed):
        return pd.DataFrame({column: [] for column in COLUMNS})
    values = usable(series, min_events).assign(employee_id="self", name=None, team=None)
    values = values.assign(period=pd.to_datetime(values["period"]),
                           metric=values["metric"].astype(str))
    return forecasts(values, horizon=horizon, min_periods=min_periods,
                     interval=interval).assign(interval=interval)[COLUMNS]


def series(seed: int, *, weeks: int = 30, freq: str = "W-MON", drop: float = 0.0,
           stale: bool = False, events: bool = False) -> pd.DataFrame:
    """A person's series of three metrics: random levels and trends, some weeks missing
    (``drop``), one metric not reported in the last period (``stale``), thin values."""
    rng = np.random.default_rng(seed)
    periods = pd.date_range("2025-01-06", periods=weeks, freq=freq)
    rows = []
    for metric, direction, base in (("AHT", "lower", 7.0), ("CSAT", "higher", 88.0),
                                    ("Tickets", "higher", 220.0)):
        level = base + rng.normal(0, base / 10) + rng.normal(0, base / 50) * np.arange(weeks)
        kept = rng.random(weeks) >= drop
        if stale and metric == "CSAT":
            kept[-1] = False
        rows.append(pd.DataFrame({
            "metric": metric, "period": periods[kept], "value": level[kept],
            "target": base, "direction": direction, "category": "quality",
            "n_events": rng.integers(1, 40, kept.sum()) if events else np.nan,
            "partial": rng.random(kept.sum()) < 0.1 if events else None}))
    return pd.concat(rows, ignore_index=True).astype({"metric": "str", "direction": "str"})


@pytest.mark.parametrize(("case", "kwargs"), [
    ("weekly", {}), ("gaps", {"drop": 0.3}), ("stale metric", {"stale": True}),
    ("thin values", {"events": True, "drop": 0.1}), ("monthly", {"freq": "MS", "weeks": 14}),
    ("short history", {"weeks": 7}), ("too short", {"weeks": 4}),
])
@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("settings", [{}, {"horizon": 2, "interval": 0.95, "min_periods": 8}])
def test_own_forecast_is_forecasts_of_one_person(case, kwargs, seed, settings):
    rows = series(seed, **kwargs)
    pd.testing.assert_frame_equal(own_forecast(rows, **settings),
                                  old_own_forecast(rows, **settings), check_exact=True)


@pytest.mark.parametrize("rows", [None, pd.DataFrame(), series(1).drop(columns="target"),
                                  series(1, events=True).assign(n_events=1)])
def test_nothing_to_forecast(rows):
    assert own_forecast(rows).empty
    pd.testing.assert_frame_equal(own_forecast(rows), old_own_forecast(rows))


def test_a_repeated_period_is_refused():
    rows = series(3)
    with pytest.raises(ValueError, match="duplicate"):
        own_forecast(pd.concat([rows, rows.tail(1)]))
