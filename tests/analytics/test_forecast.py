"""analytics.forecast and forecast_target against plain loops, hand fits and held-back values."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import analytics.forecast as module
import analytics.forecast_check as check_module
import analytics.forecast_target as target_module
from analytics.forecast import FORECAST_COLUMNS, MODELS, WIDEN, forecasts
from analytics.forecast_check import coverage, period_check
from analytics.forecast_target import TARGET_COLUMNS, additive, target_outlook
from reports.team import team_view
from tests.analytics.forecast_company import company


def _frame(values, *, metric="Calls", target=100.0, direction="higher", start="2025-09-01"):
    return pd.DataFrame({
        "employee_id": "a", "name": None, "team": "t",
        "period": pd.date_range(start, periods=len(values), freq="W-MON"), "metric": metric,
        "value": np.asarray(values, dtype=float), "target": target, "direction": direction,
        "category": "efficiency"})


def _loop_forecast(history: list[float], model: str) -> float:
    """One model's forecast of the next value, the textbook way."""
    if model == "last":
        return history[-1]
    if model == "mean":
        return float(np.mean(history[-module.MEAN_WINDOW:]))
    if model == "trend":
        y = np.asarray(history[-module.TREND_WINDOW:])
        slope, intercept = np.polyfit(np.arange(len(y)), y, 1)
        return float(intercept + slope * len(y))
    level = history[0]
    for value in history[1:]:
        level += module.SMOOTH_ALPHA * (value - level)
    return level


def test_doctests():
    for mod in (module, check_module, target_module):
        assert doctest.testmod(mod).failed == 0


def test_a_straight_line_is_forecast_by_a_hand_fit():
    # 3, 5, 7, ... : the line through it predicts 3 + 2 t exactly; no backtest error.
    out = forecasts(_frame([3.0 + 2 * t for t in range(10)]), horizon=3)
    assert list(out.columns) == FORECAST_COLUMNS
    assert out["model"].unique().tolist() == ["trend"]
    assert out["expected"].tolist() == pytest.approx([23.0, 25.0, 27.0])
    assert out["mae"].iloc[0] == pytest.approx(0.0)
    assert out["mae_n"].iloc[0] == 10 - 3


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_backtest_and_choice_agree_with_a_loop(seed):
    rng = np.random.default_rng(seed)
    history = list(np.round(50 + np.cumsum(rng.normal(0, 2, 15)) + rng.normal(0, 3, 15), 1))
    row = forecasts(_frame(history), horizon=2).iloc[0]
    mae = {m: np.mean([abs(history[t] - _loop_forecast(history[:t], m))
                       for t in range(3, len(history))]) for m in MODELS}
    best = min(MODELS, key=lambda m: (mae[m], MODELS.index(m)))
    assert row["model"] == best
    assert row["mae"] == pytest.approx(mae[best])
    assert row["expected"] == pytest.approx(_loop_forecast(history, best))
    errors = [history[t] - _loop_forecast(history[:t], best) for t in range(3, len(history))]
    half = stats.t.ppf(0.9, len(errors)) * np.sqrt(np.mean(np.square(errors)))
    assert row["high"] - row["expected"] == pytest.approx(half)
    second = forecasts(_frame(history), horizon=2).iloc[1]
    if best != "trend":
        assert second["high"] - second["expected"] == pytest.approx(half * np.sqrt(1 + WIDEN))


@pytest.mark.parametrize(("rows", "width", "gaps"), [
    (1, 52, 0.0), (3, 20, 0.3), (module.FEW_ROWS, 8, 0.5), (2, 1, 0.0), (0, 5, 0.0)])
def test_a_few_rows_are_fitted_as_among_many(rows, width, gaps):
    """A handful of series (one person's) are smoothed row by row on floats: every number of
    their fit is the one they get among many (numpy's columns), to the bit."""
    rng = np.random.default_rng(rows * 100 + width)
    data = rng.normal(50, 10, (rows, width))
    data[rng.random(data.shape) < gaps] = np.nan
    many = np.vstack([data] * (module.FEW_ROWS + 1)) if rows else np.zeros((0, width))
    alone, among = module.fit(data, 6), module.fit(many, 6)
    for key, value in alone.items():
        np.testing.assert_array_equal(value, among[key][:rows], err_msg=key)
    levels = module._smooth(module.compact(data)[0])
    level = np.full(rows, np.nan)
    for t, column in enumerate(module.compact(data)[0].T):  # the smoothing written out
        level = np.where(np.isnan(level), column, level + module.SMOOTH_ALPHA * (column - level))
        np.testing.assert_array_equal(levels[:, t + 1], level)


@pytest.mark.parametrize(("n", "expected_rows"), [(5, 0), (6, 4), (9, 4)])
def test_no_forecast_under_six_periods(n, expected_rows):
    assert len(forecasts(_frame(np.linspace(10, 20, n)))) == expected_rows


def test_a_gap_week_is_skipped_and_a_leaver_is_not_forecast():
    values = _frame([10, 11, 12, 13, 14, 15, 16, 17])
    gone = _frame([5.0] * 6).assign(employee_id="b")
    out = forecasts(pd.concat([values.drop(index=3), gone]), horizon=1)
    assert out["employee_id"].tolist() == ["a"]  # b stopped before the last week
    assert out["n"].iloc[0] == 7


def test_a_count_is_never_forecast_below_zero():
    out = forecasts(_frame([9.0, 7, 5, 3, 2, 1, 0, 0]), horizon=4)
    assert (out[["expected", "low", "high"]] >= 0).all().all()


@pytest.mark.parametrize(("name", "summed"), [
    ("周工单量", True), ("Calls", True), ("Sales", True), ("接听量", True), ("首次解决率", False),
    ("CSAT", False), ("平均处理时长", False), ("AHT", False), ("Avg calls per day", False)])
def test_additive_names(name, summed):
    assert additive(name) is summed


@pytest.mark.parametrize(("freq", "start", "n", "span", "first", "done", "left"), [
    ("YS", "2015-01-01", 10, "year", "2025-01-01", 0, 1),  # years ahead once overflowed
    ("QS", "2023-01-01", 10, "year", "2025-01-01", 2, 2),  # Q1-Q2 2025 in, Q3-Q4 to come
    ("MS", "2024-01-01", 11, "quarter", "2024-10-01", 2, 1),  # Oct-Nov in, December to come
    ("D", "2025-01-01", 40, "month", "2025-02-01", 9, 19),  # 1-9 February in, 19 days left
])
def test_the_target_period_of_each_grain(freq, start, n, span, first, done, left):
    """The target period holds the next period: its first day, the periods in and to come
    counted from the calendar, and its value from the rows (a sum of a count)."""
    history = 100 + 3 * np.sin(np.arange(n))
    values = _frame(history, target=101.0).assign(
        period=pd.date_range(start, periods=n, freq=freq))
    row = target_outlook(values).iloc[0]
    assert (row["grain"], str(row["period"].date()), row["done_n"], row["left_n"]) == (
        span, first, done, left)
    ahead = forecasts(values, horizon=left)
    assert row["expected"] == pytest.approx(history[n - done:].sum() + ahead["expected"].sum())
    assert row["target"] == pytest.approx(101.0 * (done + left))


def test_month_outlook_is_recomputed_from_the_rows():
    # Weekly calls; as of 8 Dec 2025: 2 of December's 5 Mondays are in, 3 to come.
    history = [100, 96, 104, 99, 101, 97, 103, 98, 102, 90, 92]
    values = _frame(history, target=110.0, start="2025-09-29")
    as_of = pd.Timestamp("2025-12-08")
    row = target_outlook(values, as_of=as_of).iloc[0]
    assert list(target_outlook(values, as_of=as_of).columns) == TARGET_COLUMNS
    december = values.loc[values["period"].dt.month == 12]
    assert (row["done_n"], row["left_n"], row["grain"]) == (2, 3, "month")
    assert row["so_far"] == december["value"].sum() == 182
    assert row["target"] == 5 * 110.0
    assert row["needed"] == pytest.approx((550 - 182) / 3)
    assert row["recent"] == pytest.approx(np.mean(history[-4:]))
    ahead = forecasts(values, as_of=as_of, horizon=3)
    df = ahead["mae_n"].iloc[0]
    sd = ((ahead["high"] - ahead["expected"]) / stats.t.ppf(0.9, df)).sum()
    mu = 182 + ahead["expected"].sum()
    assert row["expected"] == pytest.approx(mu)
    assert row["p_target"] == pytest.approx(stats.t.sf((550 - mu) / sd, df))
    assert row["p_ratio"] == pytest.approx(stats.t.sf((0.8 * 550 - mu) / sd, df))


def test_a_lower_metric_reaches_target_by_staying_under_it():
    # Handle time of 7 minutes against a target of 8: attainment over 100%, so p is high.
    values = _frame([7.0, 7.2, 6.9, 7.1, 7.0, 6.8, 7.1, 7.0], metric="AHT", target=8.0,
                    direction="lower")
    row = target_outlook(values).iloc[0]
    assert not row["additive"]
    assert row["p_target"] > 0.9
    assert row["p_ratio"] >= row["p_target"]
    # October so far (3 Mondays) plus the one left must average 8: at most this in week 4.
    october = values.loc[values["period"].dt.month == 10, "value"]
    assert (row["done_n"], row["left_n"]) == (3, 1)
    assert row["needed"] == pytest.approx(8.0 * 4 - october.sum())


def _recount(values: pd.DataFrame, hold: int = 4) -> float:
    """Coverage counted row by row: each held-back value against its own forecast's band."""
    periods = sorted(values["period"].unique())
    made = forecasts(values, as_of=pd.Timestamp(periods[-hold - 1]), horizon=hold)
    actual = {(e, str(m), p): v for e, m, p, v in values[
        ["employee_id", "metric", "period", "value"]].itertuples(index=False)}
    hits = [row.low <= actual[(row.employee_id, str(row.metric), row.period)] <= row.high
            for row in made.itertuples()]
    return sum(hits) / len(hits)


@pytest.fixture(scope="module")
def demo_values(module_demo_con):
    return team_view(module_demo_con).values  # noqa: PD011 - the TeamView field, not DataFrame.values


def test_the_80_interval_is_honest_on_the_demo(demo_values):
    found = coverage(demo_values)
    assert 0.7 <= found["share"] <= 0.9
    assert found["share"] == pytest.approx(_recount(demo_values))


def test_the_80_interval_is_honest_on_a_generated_company():
    values = company(people=300, weeks=40, seed=11)
    found = coverage(values)
    assert found["n"] == 300 * 4 * 4
    assert 0.7 <= found["share"] <= 0.9
    assert found["share"] == pytest.approx(_recount(values))


def test_the_months_chances_come_true_about_as_often_as_they_say():
    values = company(people=300, weeks=40, seed=11)
    cuts = [pd.Timestamp(day) for day in ("2025-08-04", "2025-08-11", "2025-09-01", "2025-09-08")]
    found = period_check(values, cuts)
    assert len(found) == 300 * 4 * len(cuts)  # every month was reported in full later
    for p, hit in (("p_ratio", "hit_ratio"), ("p_target", "hit_target")):
        assert abs(found[p].mean() - found[hit].mean()) < 0.05
    assert 0.75 <= found["inside"].mean() <= 0.95  # cautious: errors taken as correlated
    # One row recounted from the raw values: P0007's calls in September 2025 against 4 x 110.
    row = found.loc[(found["employee_id"] == "P0007") & (found["metric"] == "Calls")
                    & (found["cut"] == cuts[2])].iloc[0]
    september = values.loc[(values["employee_id"] == "P0007") & (values["metric"] == "Calls")
                           & (values["period"].dt.month == 9), "value"]
    assert len(september) == 5  # Mondays 1, 8, 15, 22, 29
    assert row["hit_target"] == (september.sum() >= 5 * 110.0)
    assert row["hit_ratio"] == (september.sum() >= 0.8 * 5 * 110.0)
