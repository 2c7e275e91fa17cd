"""Tests for analytics.strengths."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

import analytics.strengths as module
from analytics.strengths import strengths

NA = np.nan


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # z decides: AHT (lower-is-better already folded into z) is the strength
        ([("AHT", 1.5, 90.0), ("CSAT", -1.2, 10.0), ("FCR", 0.1, 50.0)], ("AHT", "CSAT")),
        # z NaN for every metric: percentile decides
        ([("AHT", NA, 80.0), ("CSAT", NA, 20.0)], ("AHT", "CSAT")),
        # some z present: metrics without z are not mixed in
        ([("AHT", NA, 100.0), ("CSAT", -0.5, 30.0), ("FCR", 0.5, 60.0)], ("FCR", "CSAT")),
        # a single metric: neither side
        ([("AHT", 1.0, 90.0)], (None, None)),
        # a tie across all metrics: no strength or weakness
        ([("AHT", 0.5, 60.0), ("CSAT", 0.5, 60.0)], (None, None)),
        # tie for best: alphabetically first
        ([("CSAT", 1.0, 90.0), ("AHT", 1.0, 90.0), ("FCR", -1.0, 10.0)], ("AHT", "FCR")),
        # nothing rankable
        ([("AHT", NA, NA), ("CSAT", NA, NA)], (None, None)),
    ],
)
def test_strength_and_weakness(rows, expected):
    comparison = pd.DataFrame([("a", m, z, p) for m, z, p in rows],
                              columns=["employee_id", "metric", "z", "percentile"])
    row = strengths(comparison).iloc[0]
    assert (row.strength_metric, row.weakness_metric) == expected


def test_one_row_per_employee_and_values():
    comparison = pd.DataFrame({"employee_id": ["b", "a", "a"], "metric": ["X", "X", "Y"],
                               "z": [0.0, 2.0, -1.0], "percentile": [50.0, 100.0, 0.0]})
    out = strengths(comparison)
    assert out["employee_id"].tolist() == ["a", "b"]
    assert out.loc[0, ["strength_z", "weakness_z"]].tolist() == [2.0, -1.0]
    assert out.loc[1, "strength_metric"] is None


def test_rejects_wrong_input():
    with pytest.raises(ValueError, match="compare"):
        strengths(pd.DataFrame({"employee_id": ["a"]}))


def test_doctests():
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # nobody above the team, no target met: no strength, the closest is named with its z
        ([("AHT", -0.2, 40.0, 0.9), ("CSAT", -1.5, 10.0, 0.8)],
         (None, "CSAT", "AHT", -0.2)),
        # under the team but over target: a strength by target
        ([("AHT", -0.2, 40.0, 1.05), ("CSAT", -1.5, 10.0, 0.8)], ("AHT", "CSAT", None, NA)),
        # above the team on everything and at target: no weakness
        ([("AHT", 0.4, 60.0, 1.0), ("CSAT", 1.5, 90.0, 1.2)], ("CSAT", None, None, NA)),
        # above the team but under target: the strength, and not also the weakness
        ([("AHT", 0.4, 60.0, 0.9), ("CSAT", 1.5, 90.0, 0.95)], ("CSAT", "AHT", None, NA)),
        # no z: percentile over 50 is above the team, no target known
        ([("AHT", NA, 40.0, NA), ("CSAT", NA, 30.0, NA)], (None, "CSAT", "AHT", NA)),
    ],
)
def test_a_strength_is_a_strength(rows, expected):
    comparison = pd.DataFrame([("a", m, z, p) for m, z, p, _ in rows],
                              columns=["employee_id", "metric", "z", "percentile"])
    gaps = pd.DataFrame([("a", m, att) for m, *_, att in rows],
                        columns=["employee_id", "metric", "attainment"])
    row = strengths(comparison, gaps).iloc[0]
    strength, weakness, closest, closest_z = expected
    assert (row.strength_metric, row.weakness_metric, row.closest_metric) == (
        strength, weakness, closest)
    np.testing.assert_equal(row.closest_z, closest_z)
    # Recomputed from the rows: the named strength is above the team or at target.
    if strength is not None:
        m = next(r for r in rows if r[0] == strength)
        assert (m[1] > 0 if not np.isnan(m[1]) else m[2] > 50) or m[3] >= 1
    else:
        assert all((r[1] <= 0 if not np.isnan(r[1]) else r[2] <= 50) and not r[3] >= 1
                   for r in rows)
