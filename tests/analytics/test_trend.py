"""Tests for analytics.trend: OLS slopes vs scipy, CUSUM change points, labels."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import analytics.trend as module
import analytics.trend_stats as stats_module
from analytics.thresholds import Thresholds
from analytics.trend import change_points, ols_slopes, trends

WEEKS = pd.date_range("2025-01-06", periods=26, freq="W-MON")


def series_frame(series: dict, *, team="t", metric="CSAT", direction="higher", teams=None):
    """series: employee_id -> list of values (NaN = no row) over the weekly periods."""
    rows = []
    for employee, data in series.items():
        for period, value in zip(WEEKS[-len(data):], data, strict=True):
            if not np.isnan(value):
                rows.append((employee, (teams or {}).get(employee, team), period, value))
    frame = pd.DataFrame(rows, columns=["employee_id", "team", "period", "value"])
    return frame.assign(name=frame["employee_id"], metric=metric, target=np.nan,
                        direction=direction, category="quality")


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_slopes_match_linregress(seed):
    rng = np.random.default_rng(seed)
    y = rng.normal(size=(30, 13)) + np.arange(13) * rng.normal(size=(30, 1)) * 0.2
    y[rng.random(y.shape) < 0.2] = np.nan
    n, slope, p = ols_slopes(y)
    for row in range(len(y)):
        keep = np.isfinite(y[row])
        assert n[row] == keep.sum()
        if keep.sum() >= 3:
            fit = stats.linregress(np.arange(13)[keep], y[row][keep])
            assert slope[row] == pytest.approx(fit.slope, rel=1e-9, abs=1e-12)
            assert p[row] == pytest.approx(fit.pvalue, rel=1e-7, abs=1e-12)


@pytest.mark.parametrize(
    ("row", "expected_slope", "expected_p"),
    [
        ([1.0, np.nan, np.nan], np.nan, np.nan),  # a single period: nothing to fit
        ([1.0, 3.0, np.nan], 2.0, np.nan),  # two points: a slope but no test
        ([5.0, 5.0, 5.0], 0.0, 1.0),  # flat: slope 0, nothing significant
        ([1.0, 2.0, 3.0], 1.0, 0.0),  # a perfect line is infinitely significant
    ],
)
def test_slope_edge_cases(row, expected_slope, expected_p):
    _, slope, p = ols_slopes(np.array([row]))
    np.testing.assert_allclose([slope[0], p[0]], [expected_slope, expected_p])


def brute_change_point(y):
    """Plain loop: argmax of the standardised mean difference, CUSUM statistic, MSSD sigma."""
    y = y[np.isfinite(y)]
    n = len(y)
    sigma = np.sqrt(np.mean(np.diff(y) ** 2) / 2)
    best_k, best_t, best_s = None, -1.0, 0.0
    for k in range(3, n - 2):
        diff = y[k:].mean() - y[:k].mean()
        t = abs(diff) / np.sqrt(1 / k + 1 / (n - k))
        s = abs(np.sum(y[:k] - y.mean()))
        best_s = max(best_s, s)
        if t > best_t:
            best_k, best_t = k, t
    return best_k, stats.kstwobign.sf(best_s / (sigma * np.sqrt(n)))


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_change_points_match_a_plain_loop(seed):
    rng = np.random.default_rng(seed)
    y = rng.normal(size=(20, 26)) + 1.5 * (np.arange(26) >= rng.integers(4, 22, (20, 1)))
    y[rng.random(y.shape) < 0.1] = np.nan
    found = change_points(y)
    for row in range(len(y)):
        k, p = brute_change_point(y[row])
        observed = np.flatnonzero(np.isfinite(y[row]))
        assert found["column"][row] == observed[k]
        assert found["p"][row] == pytest.approx(p, rel=1e-9)


@pytest.mark.parametrize("at", [6, 10, 15, 20])
def test_planted_step_found_at_the_right_period(at):
    rng = np.random.default_rng(at)
    data = 80 + rng.normal(0, 1, 26) - 6 * (np.arange(26) >= at)
    row = trends(series_frame({"a": list(data)})).iloc[0]
    assert row.turning_point == WEEKS[at]
    assert row.turn == "worse"
    assert row.turn_shift == pytest.approx(-6, abs=1.5)


def test_noise_false_positive_rate_near_alpha():
    rng = np.random.default_rng(42)
    found = change_points(rng.normal(size=(200, 26)))
    rate = np.mean(found["p"] < 0.05)
    _, _, p = ols_slopes(rng.normal(size=(200, 13)))
    assert rate < 0.10
    assert np.mean(p < 0.05) < 0.10


def test_short_series_have_no_turning_point():
    found = change_points(np.array([[1.0, 1, 1, 9, 9, np.nan], [1, 1, 1, 9, 9, 9]]))
    assert found["column"].tolist() == [-1, 3]
    assert np.isnan(found["p"][0])
    assert found["p"][1] < 0.05


@pytest.mark.parametrize(
    ("direction", "data", "label"),
    [
        ("higher", [80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92], "rising"),
        ("lower", [80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92], "falling"),
        ("lower", [9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5, 4.5, 4, 3.5, 3], "rising"),
        ("higher", [80, 81, 80, 81, 80, 81, 80, 81, 80, 81, 80, 81, 80], "stable"),
        ("higher", [80], None),  # one period: no label, no trend
    ],
)
def test_labels_are_direction_aware(direction, data, label):
    row = trends(series_frame({"a": [float(v) for v in data]}, direction=direction)).iloc[0]
    assert row.label == label
    if label is None:
        assert np.isnan(row.slope_short)
        assert np.isnan(row.p_short)
        assert pd.isna(row.turning_point)
        assert row.turn is None


def test_volatile_relative_to_team_and_one_person_team():
    rng = np.random.default_rng(1)
    calm = {f"c{i}": list(80 + rng.normal(0, 0.5, 26)) for i in range(4)}
    wild = {"w": list(80 + rng.normal(0, 5, 26)), "solo": list(80 + rng.normal(0, 5, 26))}
    out = trends(series_frame(calm | wild, teams={"solo": "alone"})).set_index("employee_id")
    assert out.loc["w", "label"] == "volatile"
    assert out.loc["w", "volatility_ratio"] > 2
    assert np.isnan(out.loc["solo", "volatility_ratio"])  # no team to compare with
    assert (out.loc[list(calm), "label"] != "volatile").all()


def test_as_of_ignores_later_rows():
    data = [80.0] * 20 + [60.0] * 6
    frame = series_frame({"a": data})
    early = trends(frame, as_of=WEEKS[19]).iloc[0]
    assert early.n_long == 20
    assert pd.isna(early.turning_point)
    assert trends(frame).iloc[0].turning_point == WEEKS[20]


def test_thresholds_change_the_window():
    frame = series_frame({"a": [float(v) for v in range(26)]})
    row = trends(frame, thresholds=Thresholds(recent_window_short=1)).iloc[0]
    assert row.n_short == 4
    assert row.n_long == 26


def test_rejects_bad_input():
    with pytest.raises(ValueError, match="thresholds"):
        trends(series_frame({"a": [1.0]}), thresholds={"trend_alpha": 0.1})
    with pytest.raises(ValueError, match="as_of"):
        trends(series_frame({"a": [1.0]}), as_of="2025-01-01")


@pytest.mark.parametrize("mod", [module, stats_module])
def test_doctests(mod):
    assert doctest.testmod(mod).failed == 0
