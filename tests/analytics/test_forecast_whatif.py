"""analytics.forecast_whatif against hand arithmetic: the shift moves each forecast period, the
month's value by shift x periods left (a sum) or by its share (a mean), the chances follow the
same t distribution with the spread unchanged, and the new level is compared with the best run."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import analytics.forecast_whatif as module
from analytics.forecast import forecasts
from analytics.forecast_target import target_outlook
from analytics.forecast_whatif import WHAT_IF_COLUMNS, UnknownMetric, what_if

AS_OF = pd.Timestamp("2025-12-08")  # 2 of December's 5 Mondays in, 3 to come


def _frame(values, *, metric="Calls", target=110.0, direction="higher", who="a"):
    return pd.DataFrame({
        "employee_id": who, "name": None, "team": "t",
        "period": pd.date_range("2025-09-29", periods=len(values), freq="W-MON"),
        "metric": metric, "value": np.asarray(values, dtype=float), "target": target,
        "direction": direction, "category": "efficiency"})


HISTORY = [100, 96, 104, 99, 101, 97, 103, 98, 102, 90, 92]


def test_doctests():
    assert doctest.testmod(module).failed == 0


def test_no_shift_is_the_forecast_as_it_is():
    values = pd.concat([_frame(HISTORY), _frame(np.array(HISTORY) * 0.9, who="b")])
    row = what_if(values, "Calls", 0.0, as_of=AS_OF).set_index("employee_id")
    ahead = forecasts(values, as_of=AS_OF, horizon=1).set_index("employee_id")
    month = target_outlook(values, as_of=AS_OF).set_index("employee_id")
    assert list(what_if(values, "Calls", 0.0, as_of=AS_OF).columns) == WHAT_IF_COLUMNS
    assert row["next_expected"].tolist() == pytest.approx(ahead["expected"].tolist())
    assert row["next_expected_if"].tolist() == pytest.approx(ahead["expected"].tolist())
    for column in ("expected", "p_ratio", "p_target"):
        assert row[column].tolist() == pytest.approx(month[column].tolist())
        assert row[f"{column}_if"].tolist() == pytest.approx(month[column].tolist())


@pytest.mark.parametrize(("metric", "summed"), [("Calls", True), ("CSAT", False)])
@pytest.mark.parametrize("shift", [-6.0, 3.0, 12.5])
def test_the_month_moves_by_the_shift_over_the_weeks_left(metric, summed, shift):
    row = what_if(_frame(HISTORY, metric=metric), metric, shift, as_of=AS_OF).iloc[0]
    assert row["next_expected_if"] - row["next_expected"] == pytest.approx(shift)
    assert row["left_n"] == 3
    moved = shift * 3 if summed else shift * 3 / 5  # a sum over 5 weeks, or their mean
    assert row["expected_if"] - row["expected"] == pytest.approx(moved)
    assert row["high_if"] - row["low_if"] == pytest.approx(row["high"] - row["low"])
    # The chance by hand: the same t distribution, centred on the moved value.
    ahead = forecasts(_frame(HISTORY, metric=metric), as_of=AS_OF, horizon=1).iloc[0]
    df = ahead["mae_n"]
    sd = (row["high"] - row["expected"]) / stats.t.ppf(0.9, df)
    assert row["p_target_if"] == pytest.approx(stats.t.sf((row["target"] - row["expected_if"])
                                                          / sd, df))
    assert bool(row["p_target_if"] > row["p_target"]) is (shift > 0)


def test_lower_is_better_gains_from_a_fall():
    row = what_if(_frame([9.0, 8.5, 9.2, 8.8, 9.1, 8.9, 9.3, 9.0, 9.4, 9.2, 9.5], metric="AHT",
                         target=8.5, direction="lower"), "AHT", -1.0, as_of=AS_OF).iloc[0]
    assert row["p_target_if"] > row["p_target"]
    assert row["level"] == pytest.approx(np.mean([9.0, 9.4, 9.2, 9.5]) - 1)


def test_a_count_is_not_moved_below_zero():
    row = what_if(_frame([3.0, 2, 4, 3, 2, 3, 4, 2, 3]), "Calls", -50.0).iloc[0]
    assert row["next_expected_if"] == 0
    assert row["next_low_if"] == 0


@pytest.mark.parametrize(("history", "shift", "direction", "beyond"), [
    ([10, 20, 20, 20, 20, 12, 12, 12, 12], 5.0, "higher", False),  # 17 < best 20
    ([10, 20, 20, 20, 20, 12, 12, 12, 12], 9.0, "higher", True),  # 21 > 20
    ([10, 20, 20, 20, 20, 12, 12, 12, 12], -1.0, "lower", True),  # 11 < best (lowest) run 12
    ([10, 20, 20, 20, 20, 12, 12, 12, 12], 1.0, "lower", False),  # 13 is worse than 12
])
def test_the_new_level_against_the_best_run_by_hand(history, shift, direction, beyond):
    row = what_if(_frame(history, direction=direction), "Calls", shift).iloc[0]
    runs = [np.mean(history[i:i + 4]) for i in range(len(history) - 3)]
    best = min(runs) if direction == "lower" else max(runs)
    assert row["best"] == pytest.approx(best)
    assert row["recent"] == pytest.approx(np.mean(history[-4:]))
    assert bool(row["beyond"]) is beyond


def test_without_a_target_only_the_forecast_moves():
    row = what_if(_frame(HISTORY, target=np.nan), "Calls", 4.0, as_of=AS_OF).iloc[0]
    assert row["next_expected_if"] - row["next_expected"] == pytest.approx(4.0)
    assert row[["target", "p_target", "p_target_if"]].isna().all()


def test_an_unknown_metric_names_the_known_ones():
    with pytest.raises(UnknownMetric) as refused:
        what_if(_frame(HISTORY), "FCR", 5.0)
    assert refused.value.known == ["Calls"]


@pytest.mark.parametrize("shift", [np.nan, np.inf, "5", True, None])
def test_a_shift_must_be_a_finite_number(shift):
    with pytest.raises(ValueError, match="finite number"):
        what_if(_frame(HISTORY), "Calls", shift)


@pytest.mark.parametrize("direction", ["higher", "lower"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_change_at_ones_best_is_not_beyond_it(direction, seed):
    """Rising (falling when lower is better) values: the last run is the best, so the level
    with no change equals it: not beyond (the recent mean taken apart from the running sums
    differed in the last bit and said "beyond" about a third of the time)."""
    rng = np.random.default_rng(seed)
    people = [f"p{i}" for i in range(20)]
    values = pd.concat([_frame(np.round(np.cumsum(rng.uniform(0.01, 3, 11)) + 50, 2)
                               * (1 if direction == "higher" else -1) + 200, metric="CSAT",
                               direction=direction, who=who) for who in people])
    rows = what_if(values, "CSAT", 0.0, as_of=AS_OF)
    last = values.groupby("employee_id")["value"].apply(lambda v: v.iloc[-4:].mean())
    assert rows["recent"].to_numpy() == pytest.approx(last.loc[rows["employee_id"]].to_numpy())
    assert (rows["level"] == rows["best"]).all()
    assert not rows["beyond"].any()
