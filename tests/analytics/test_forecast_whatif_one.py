"""analytics.forecast_whatif_one: the prep page's what-if of one person, made on one row, equals
the row ``analytics.forecast_whatif.what_if`` computes for everyone at once (grids of the whole
company, merged frames), on generated companies: weekly and monthly, higher and lower is better,
counts and means, targets missing, changing or none, gaps, several shifts (issue 20)."""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd
import pytest

from analytics.forecast_own import own_forecast
from analytics.forecast_whatif import WHAT_IF_COLUMNS, UnknownMetric, what_if
from analytics.forecast_whatif_one import one_what_if

# metric, level, noise, target (None: no target), direction
SPECS = (("Calls", 100.0, 12.0, 105.0, "higher"), ("CSAT", 85.0, 4.0, 86.0, "higher"),
         ("AHT", 8.0, 0.6, 7.8, "lower"), ("Sales", 20.0, 5.0, None, "higher"))
FREQ = {"week": ("2025-01-06", "W-MON"), "month": ("2023-01-01", "MS")}
SETTINGS = {"min_periods": 6, "interval": 0.8, "ratio": 0.8}


def company(seed: int, grain: str, periods: int, people: int = 6) -> pd.DataFrame:
    """``people`` people x SPECS: own level and slope, ~15% of values missing, targets left
    out here and there (carried forward) and raised once; the last person stops 2 periods
    early (not forecast with everyone, forecast on their own as the prep does)."""
    rng = np.random.default_rng(seed)
    start, freq = FREQ[grain]
    when = pd.date_range(start, periods=periods, freq=freq)
    rows = []
    for p in range(people):
        for metric, level, noise, target, direction in SPECS:
            value = (level * rng.normal(1, 0.1) + rng.normal(0, noise / 8) * np.arange(periods)
                     + rng.normal(0, noise, periods))
            kept = rng.random(periods) > 0.15
            kept[-1] = True
            if p == people - 1:
                kept[-2:] = False
            goal = np.full(periods, np.nan if target is None else target)
            goal[periods // 2:] *= 1.05
            goal[rng.random(periods) < 0.3] = np.nan
            rows.append(pd.DataFrame({
                "employee_id": f"E{p}", "name": None, "team": f"T{p % 2}", "period": when[kept],
                "metric": metric, "value": value[kept], "target": goal[kept],
                "direction": direction, "category": "quality"}))
    return pd.concat(rows, ignore_index=True)


def assert_same(found: pd.Series, expected: pd.Series) -> None:
    assert list(found.index) == WHAT_IF_COLUMNS
    for column in WHAT_IF_COLUMNS:
        a, b = found[column], expected[column]
        if pd.isna(b):
            assert pd.isna(a), column
        elif isinstance(b, numbers.Real) and not isinstance(b, bool | np.bool_):
            assert float(a) == pytest.approx(float(b), rel=1e-12, abs=1e-12), column
        else:
            assert a == b, column


def mine(values: pd.DataFrame, who: str) -> pd.DataFrame:
    return values.loc[values["employee_id"] == who].reset_index(drop=True)


@pytest.mark.parametrize(("grain", "periods"), [("week", 40), ("month", 26)])
@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(("metric", "shift"), [
    ("Calls", 8.0), ("CSAT", -2.5), ("AHT", -0.4), ("AHT", 0.3), ("Sales", 3.0), ("CSAT", 0.0),
])
def test_one_person_is_everyones_row(grain, periods, seed, metric, shift):
    values = company(seed, grain, periods)
    everyone = what_if(values, metric, shift, **SETTINGS).set_index("employee_id", drop=False)
    people = values["employee_id"].unique()
    for who in people[:-1]:
        own = mine(values, who)
        found = one_what_if(own, metric, shift, employee_id=who, team=own["team"].iloc[0],
                            **SETTINGS)
        assert_same(found, everyone.loc[who])
        # The as-is next period is the prep's forecast (the trend chart's dashed line).
        ahead = own_forecast(own, **{k: SETTINGS[k] for k in ("min_periods", "interval")})
        first = ahead.loc[(ahead["metric"] == metric) & (ahead["h"] == 1)].iloc[0]
        assert [found["next_expected"], found["next_low"], found["next_high"]] == pytest.approx(
            [first["expected"], first["low"], first["high"]], rel=1e-12)
        assert found["next_period"] == first["period"]
    # Who stopped early is not forecast with everyone, but on their own series (the prep's).
    last = people[-1]
    assert last not in everyone.index
    alone = what_if(mine(values, last), metric, shift, **SETTINGS).iloc[0]
    assert_same(one_what_if(mine(values, last), metric, shift, employee_id=last, team="T1",
                            **SETTINGS), alone)


@pytest.mark.parametrize(("case", "outcome"), [
    ("unknown metric", UnknownMetric), ("too short", None), ("not reported lately", None),
    ("no period", None), ("shift nan", ValueError), ("shift bool", ValueError),
])
def test_no_row_where_everyone_has_none(case, outcome):
    values = mine(company(3, "week", 20), "E0")
    metric, shift = "CSAT", 1.0
    if case == "unknown metric":
        metric = "NPS"
    elif case == "too short":
        values = values.groupby("metric").tail(5)
    elif case == "not reported lately":
        values.loc[(values["metric"] == metric) & (values["period"] == values["period"].max()),
                   "value"] = np.nan
    elif case == "no period":
        values.loc[values["metric"] == metric, "period"] = pd.NaT
    elif case == "shift nan":
        shift = float("nan")
    else:
        shift = True
    if outcome is None:
        assert what_if(values, metric, shift, **SETTINGS).empty
        assert one_what_if(values, metric, shift, employee_id="E0", **SETTINGS) is None
        return
    for run in (lambda: what_if(values, metric, shift, **SETTINGS),
                lambda: one_what_if(values, metric, shift, employee_id="E0", **SETTINGS)):
        with pytest.raises(outcome):
            run()
