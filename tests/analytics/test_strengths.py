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
