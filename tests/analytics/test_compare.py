"""Tests for analytics.compare against a plain-loop re-implementation."""

from __future__ import annotations

import doctest
import statistics

import numpy as np
import pandas as pd
import pytest

import analytics.compare as module
from analytics.compare import COMPARE_COLUMNS, compare

WEEKS = pd.date_range("2025-01-06", periods=6, freq="W-MON")
# employee, team, metric, values over the 6 weeks (NaN = no row)
ROWS = [
    ("a", "t", "AHT", [9, 9, 6, 6, 6, 6]),
    ("b", "t", "AHT", [5, 5, 5, 5, 5, 5]),
    ("c", "t", "AHT", [7, 7, 7, 7, 7, 7]),
    ("d", "t", "AHT", [6, 6, 6, 6, 6, 6]),  # tie with a over the last 4 weeks
    ("a", "t", "CSAT", [90, 90, 80, 80, np.nan, 80]),
    ("b", "t", "CSAT", [np.nan] * 5 + [95]),  # a single period
    ("c", "t", "CSAT", [85, 85, 85, 85, 85, 85]),
    ("s", "solo", "CSAT", [70, 70, 70, 70, 70, 70]),  # a one-person team
    ("e", None, "CSAT", [88, 88, 88, 88, 88, 88]),  # no team
    ("x", "z", "FCR", [50, 50, 50, 50, 50, 50]),  # no spread in team z
    ("y", "z", "FCR", [50, 50, 50, 50, 50, 50]),
]
DIRECTION = {"AHT": "lower", "CSAT": "higher", "FCR": "higher"}


def frame():
    rows = [(e, e.upper(), t, p, m, float(v), np.nan, DIRECTION[m],
             "efficiency" if m == "AHT" else "quality")
            for e, t, m, data in ROWS for p, v in zip(WEEKS, data, strict=True) if not np.isnan(v)]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "period", "metric", "value",
                                       "target", "direction", "category"])


def loop_compare(periods=4):
    recent = {}
    for e, t, m, data in ROWS:
        window = [v for v in data[-periods:] if not np.isnan(v)]
        if window:
            recent[(e, m)] = (t, sum(window) / len(window))
    out = []
    for (e, m), (t, value) in sorted(recent.items()):
        sign = -1 if DIRECTION[m] == "lower" else 1
        mates = [v for (e2, m2), (t2, v) in recent.items()
                 if m2 == m and (t is None or t2 == t)]  # no team: everyone in scope
        scores = [sign * v for v in mates]
        n = len(mates)
        sd = statistics.stdev(scores) if n >= 2 else 0.0
        below = sum(s < sign * value for s in scores)
        ties = sum(s == sign * value for s in scores) - 1
        out.append({
            "employee_id": e, "name": e.upper(), "team": t, "metric": m,
            "direction": DIRECTION[m], "category": "efficiency" if m == "AHT" else "quality",
            "value": value, "team_mean": statistics.mean(mates),
            "team_median": statistics.median(mates), "team_best": sign * max(scores),
            "team_top_quartile": sign * float(np.quantile(scores, 0.75)),
            "percentile": 100 * (below + ties / 2) / (n - 1) if n >= 2 else np.nan,
            "z": (sign * value - statistics.mean(scores)) / sd if sd > 0 else np.nan,
            "n_team": n, "window_start": WEEKS[-periods], "window_end": WEEKS[-1]})
    return pd.DataFrame(out, columns=COMPARE_COLUMNS)


@pytest.mark.parametrize("periods", [1, 4, 6])
def test_matches_a_plain_loop(periods):
    got = compare(frame(), periods=periods)
    expected = loop_compare(periods)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_exact=False)


@pytest.mark.parametrize(
    ("employee", "metric", "column", "expected"),
    [
        ("b", "AHT", "percentile", 100.0),  # lowest handle time is best
        ("b", "AHT", "team_best", 5.0),
        ("a", "AHT", "percentile", 50.0),  # tie with d shares the average rank
        ("d", "AHT", "percentile", 50.0),
        ("c", "AHT", "z", -1.0 / np.std([-6, -5, -7, -6], ddof=1)),
        ("b", "CSAT", "value", 95.0),  # single period still compared
        ("s", "CSAT", "z", np.nan),  # one-person team
        ("s", "CSAT", "percentile", np.nan),
        ("e", "CSAT", "n_team", 5),  # no team: compared with everyone (a, b, c, s, e)
        ("x", "FCR", "z", np.nan),  # zero spread
    ],
)
def test_cases(employee, metric, column, expected):
    out = compare(frame()).set_index(["employee_id", "metric"])
    assert out.loc[(employee, metric), column] == pytest.approx(expected, nan_ok=True)


def test_as_of_and_bad_periods():
    out = compare(frame(), as_of=WEEKS[1], periods=2).set_index(["employee_id", "metric"])
    assert out.loc[("a", "AHT"), "value"] == 9.0
    with pytest.raises(ValueError, match="periods"):
        compare(frame(), periods=0)


def test_doctests():
    assert doctest.testmod(module).failed == 0
