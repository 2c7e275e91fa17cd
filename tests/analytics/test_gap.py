"""Tests for analytics.gap against a plain loop."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

import analytics.gap as module
from analytics.gap import GAP_COLUMNS, gaps
from analytics.thresholds import Thresholds

WEEKS = pd.date_range("2025-01-06", periods=5, freq="W-MON")
NA = np.nan
# employee, metric, direction, values, targets (over 5 weeks; NaN value = no row)
ROWS = [
    ("a", "CSAT", "higher", [90, 70, 60, 70, 70], [90, 90, 90, 90, 90]),  # streak of 4
    ("b", "CSAT", "higher", [60, 60, 90, 60, 60], [90] * 5),  # streak of 2
    ("c", "CSAT", "higher", [60, 60, NA, 60, 95], [90] * 5),  # recovered: 0
    ("d", "CSAT", "higher", [60, NA, 60, NA, 60], [90] * 5),  # missing weeks do not break
    ("a", "AHT", "lower", [8, 11, 12, 13, 10], [8] * 5),  # 8/10 = 0.8 is not under
    ("b", "AHT", "lower", [8, 8, 8, 0, 0], [8] * 5),  # value 0: attainment NaN
    ("a", "FCR", "higher", [10, 10, 10, 10, 10], [NA] * 5),  # no target
    ("e", "FCR", "higher", [NA, NA, NA, NA, 10], [NA, NA, NA, NA, 50]),  # one period
]


def frame():
    rows = [(e, None, "t", p, m, float(v), float(t), d, "quality")
            for e, m, d, data, targets in ROWS
            for p, v, t in zip(WEEKS, data, targets, strict=True) if not np.isnan(v)]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "period", "metric", "value",
                                       "target", "direction", "category"])


def loop_gaps(ratio=0.8):
    out = []
    for e, m, d, data, targets in sorted(ROWS, key=lambda r: (r[0], r[1])):
        seen = [(p, v, t) for p, v, t in zip(WEEKS, data, targets, strict=True) if not np.isnan(v)]

        def attain(v, t, d=d):
            if np.isnan(t) or (d == "lower" and v == 0) or (d == "higher" and t == 0):
                return np.nan
            return t / v if d == "lower" else v / t

        streak, start = 0, pd.NaT
        for p, v, t in reversed(seen):
            if not attain(v, t) < ratio:
                break
            streak, start = streak + 1, p
        p, v, t = seen[-1]
        out.append({"employee_id": e, "team": "t", "metric": m, "direction": d,
                    "category": "quality", "period": p, "value": v, "target": t,
                    "attainment": attain(v, t), "gap": (v - t) if d == "lower" else (t - v),
                    "under_streak": streak, "streak_start": start})
    frame = pd.DataFrame(out, columns=GAP_COLUMNS)
    return frame.astype({"period": "datetime64[ns]", "streak_start": "datetime64[ns]"})


@pytest.mark.parametrize("ratio", [0.8, 0.7, 0.95])
def test_matches_a_plain_loop(ratio):
    got = gaps(frame(), thresholds=Thresholds(under_target_ratio=ratio))
    expected = loop_gaps(ratio)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


@pytest.mark.parametrize(
    ("employee", "metric", "streak", "start"),
    [
        ("a", "CSAT", 4, WEEKS[1]),
        ("b", "CSAT", 2, WEEKS[3]),
        ("c", "CSAT", 0, pd.NaT),
        ("d", "CSAT", 3, WEEKS[0]),
        ("a", "AHT", 0, pd.NaT),
        ("a", "FCR", 0, pd.NaT),
        ("e", "FCR", 1, WEEKS[4]),
    ],
)
def test_streaks(employee, metric, streak, start):
    row = gaps(frame()).set_index(["employee_id", "metric"]).loc[(employee, metric)]
    assert row.under_streak == streak
    assert (pd.isna(start) and pd.isna(row.streak_start)) or row.streak_start == start


def test_lower_is_better_attainment_and_gap():
    row = gaps(frame()).set_index(["employee_id", "metric"]).loc[("a", "AHT")]
    assert (row.attainment, row.gap) == (0.8, 2.0)


def test_as_of():
    row = gaps(frame(), as_of=WEEKS[2]).set_index(["employee_id", "metric"]).loc[("a", "CSAT")]
    assert (row.value, row.under_streak, row.streak_start) == (60.0, 2, WEEKS[1])


def test_doctests():
    assert doctest.testmod(module).failed == 0
