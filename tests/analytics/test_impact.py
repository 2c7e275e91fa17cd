"""analytics.impact: comparable scores, change, composite, correlations with known answers."""

import doctest
import math
import random

import numpy as np
import pandas as pd
import pytest

import analytics.correlation as correlation_module
from analytics.correlation import correlate, correlations, fit_band
from analytics.impact import composite, performance_change, scores, split_periods

P1, P2, P3, P4 = pd.to_datetime(["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"])


def frame(rows):
    return pd.DataFrame(rows, columns=["employee_id", "team", "period", "metric", "value",
                                       "target", "direction"])


def test_z_score_is_within_team_and_direction_aware():
    v = frame([("a", "t", P1, "CSAT", 1.0, 2.0, "higher"), ("b", "t", P1, "CSAT", 2.0, 2.0, "higher"),
               ("c", "t", P1, "CSAT", 3.0, 2.0, "higher"), ("a", "t", P1, "AHT", 1.0, 2.0, "lower"),
               ("b", "t", P1, "AHT", 2.0, 2.0, "lower"), ("c", "t", P1, "AHT", 3.0, 2.0, "lower"),
               ("d", "solo", P1, "CSAT", 9.0, 2.0, "higher")])
    got = scores(v)["score"].tolist()
    assert got[:6] == [-1.0, 0.0, 1.0, 1.0, 0.0, -1.0]  # sd (n-1) of 1, 2, 3 is 1
    assert math.isnan(got[6])  # a team of one has no spread


@pytest.mark.parametrize(("value", "target", "direction", "expected"), [
    (90.0, 80.0, "higher", 1.125), (6.0, 8.0, "lower", 8 / 6), (5.0, None, "higher", np.nan),
    (5.0, 0.0, "higher", np.nan), (0.0, 8.0, "lower", np.nan),
])
def test_attainment(value, target, direction, expected):
    got = scores(frame([("a", "t", P1, "m", value, target, direction)]), score="attainment")
    assert got["score"].iloc[0] == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize(("periods", "split", "first"), [
    ([1, 2, 3, 4], 0.5, [1, 2]), ([1, 2, 3, 4, 5], 0.4, [1, 2]), ([1, 2, 3], 0.1, [1]),
    ([1, 2, 3], 0.9, [1, 2]), ([2, 1, 2, 1], 0.5, [1]),
])
def test_split_periods(periods, split, first):
    assert split_periods(periods, split=split)[0] == first


@pytest.mark.parametrize("split", [0, 1, 1.5, True, "half"])
def test_split_must_be_between_0_and_1(split):
    with pytest.raises(ValueError, match="split"):
        split_periods([1, 2], split=split)


def test_performance_change_first_vs_last_part():
    v = frame([("a", "t", p, "CSAT", val, 80.0, "higher")
               for p, val in zip((P1, P2, P3, P4), (80.0, 84.0, 88.0, 96.0), strict=True)])
    out = performance_change(v, score="attainment").iloc[0]
    assert out["before"] == pytest.approx(1.025)  # (1.0 + 1.05) / 2
    assert out["after"] == pytest.approx(1.15)  # (1.1 + 1.2) / 2
    assert out["change"] == pytest.approx(0.125)
    assert (out["n_before"], out["n_after"]) == (2, 2)
    late = performance_change(v, score="attainment", split=0.75).iloc[0]
    assert late["change"] == pytest.approx(1.2 - (1.0 + 1.05 + 1.1) / 3)


def test_one_period_has_no_change():
    assert performance_change(frame([("a", "t", P1, "m", 1.0, 1.0, "higher")])).empty


@pytest.mark.parametrize(("weights", "expected"), [
    (None, 0.5), ({"x": 3, "y": 1}, 0.75), ({"x": 0, "y": 0}, 0.5), ({"z": 1}, 0.5),
])
def test_composite_weights(weights, expected):
    c = pd.DataFrame({"employee_id": "a", "team": "t", "metric": ["x", "y"],
                      "before": [0.0, 1.0], "after": [1.0, 1.0], "change": [1.0, 0.0]})
    assert composite(c, weights=weights)["change"].iloc[0] == pytest.approx(expected)


def test_composite_rejects_negative_weights():
    c = pd.DataFrame({"employee_id": "a", "team": "t", "metric": ["x"], "before": [0.0],
                      "after": [1.0], "change": [1.0]})
    with pytest.raises(ValueError, match="negative"):
        composite(c, weights={"x": -1})


def planted(slope: float, n: int = 60, seed: int = 42):
    """Sessions 0-12 and a change of ``slope`` per session plus noise (numpy rng, seeded)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 13, n)
    return x, slope * x + rng.normal(0, 0.3, n)


@pytest.mark.parametrize("ci", ["fisher", "bootstrap"])
def test_planted_positive_relation_is_positive_and_significant(ci):
    x, y = planted(0.1)
    out = correlate(x, y, ci=ci)
    assert out["n"] == 60
    assert out["pearson_r"] > 0.7
    assert out["spearman_rho"] > 0.7
    assert out["p_value"] < 0.001
    assert out["spearman_p"] < 0.001
    assert 0 < out["ci_low"] < out["pearson_r"] < out["ci_high"] < 1


@pytest.mark.parametrize("ci", ["fisher", "bootstrap"])
def test_no_relation_is_not_significant(ci):
    x, y = planted(0.0)
    out = correlate(x, y, ci=ci)
    assert out["p_value"] > 0.05
    assert out["spearman_p"] > 0.05
    assert out["ci_low"] < 0 < out["ci_high"]


def test_false_alarms_stay_near_five_percent():
    """Without a relation, p < 0.05 must come up about 1 time in 20 (seeded replications)."""
    rnd = random.Random(42)
    hits = 0
    for _ in range(400):
        x = [rnd.randint(0, 12) for _ in range(30)]
        hits += correlate(x, [rnd.gauss(0, 1) for _ in x])["p_value"] < 0.05
    assert 0.02 < hits / 400 < 0.09


def test_fisher_interval_by_hand():
    out = correlate([1, 2, 3, 4, 5], [2, 4, 5, 4, 6])
    r = out["pearson_r"]
    z, half = math.atanh(r), 1.959963984540054 / math.sqrt(2)
    assert out["ci_low"] == pytest.approx(math.tanh(z - half))
    assert out["ci_high"] == pytest.approx(math.tanh(z + half))


def test_bootstrap_is_seeded():
    x, y = planted(0.05, n=30)
    first, again = (correlate(x, y, ci="bootstrap", seed=7) for _ in range(2))
    assert (first["ci_low"], first["ci_high"]) == (again["ci_low"], again["ci_high"])
    assert first["ci_low"] != correlate(x, y, ci="bootstrap", seed=8)["ci_low"]


def test_regression_to_the_mean_vanishes_when_the_start_is_held_fixed():
    """Low starters get more sessions and rise by chance alone: raw r > 0, partial r ~ 0."""
    rng = np.random.default_rng(42)
    level = rng.normal(0, 1, 300)
    before, after = level + rng.normal(0, 1, 300), level + rng.normal(0, 1, 300)
    sessions = np.clip(np.round(6 - 2 * before + rng.normal(0, 1, 300)), 0, None)
    out = correlate(sessions, after - before, control=before)
    assert out["pearson_r"] > 0.3  # looks like coaching works ...
    assert out["p_value"] < 0.001
    assert out["partial_p"] > 0.05  # ... but not once the start is held fixed
    assert abs(out["partial_r"]) < 0.12


@pytest.mark.parametrize(("x", "y"), [([1, 2, 3], [1, 2, 3]), ([1, 1, 1, 1], [1, 2, 3, 4]),
                                      ([1, 2, 3, 4], [5, 5, 5, 5]), ([], [])])
def test_too_few_or_constant_give_nan_without_warning(x, y):
    out = correlate(x, y)
    assert math.isnan(out["pearson_r"])
    assert math.isnan(out["ci_low"])


def test_nan_pairs_are_dropped():
    assert correlate([1, 2, 3, 4, 5, np.nan], [1, 3, 2, 5, 4, 9])["n"] == 5


def test_correlations_overall_and_per_group():
    x, y = planted(0.1, n=40)
    f = pd.DataFrame({"sessions": x, "change": y, "team": ["A", "B"] * 20, "role": "agent",
                      "manager_id": ["m1"] * 20 + ["m2"] * 20})
    out = correlations(f)
    assert out[["group_by", "group"]].to_numpy().tolist() == [
        ["all", "all"], ["team", "A"], ["team", "B"], ["role", "agent"],
        ["manager_id", "m1"], ["manager_id", "m2"]]
    assert out["n"].tolist() == [40, 20, 20, 40, 20, 20]
    assert out.iloc[0]["pearson_r"] == pytest.approx(correlate(x, y)["pearson_r"])


def test_fit_band_of_an_exact_line():
    band = fit_band([0, 1, 2, 3], [1, 3, 5, 7], points=3)
    assert band["fit"].tolist() == pytest.approx([1, 4, 7])
    assert (band["high"] - band["low"]).max() == pytest.approx(0, abs=1e-9)
    assert fit_band([1, 1, 1], [1, 2, 3]).empty


def test_correlation_doctests():
    assert doctest.testmod(correlation_module).failed == 0
