"""analytics.impact_sample: why someone in scope is not in n, and how to read r."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

import analytics.impact_sample as module
from analytics.impact import composite, performance_change
from analytics.impact_sample import missing_reasons, reading

WEEKS = pd.date_range("2025-01-06", periods=8, freq="W-MON")


def rows(employee, team, weeks, metric="CSAT", target=90.0, base=80.0):
    return [(employee, team, WEEKS[w], metric, base + w + len(employee), target, "higher")
            for w in weeks]


def window():
    data = (rows("a", "t", range(8)) + rows("bb", "t", range(8)) + rows("c", "t", range(8))
            + rows("solo", "u", range(8))  # alone in team u
            + rows("early", "t", range(3))  # only in the first half
            + rows("flat", "v", range(8), base=80) + rows("flat2", "v", range(8), base=80))
    frame = pd.DataFrame(data, columns=["employee_id", "team", "period", "metric", "value",
                                        "target", "direction"])
    # team v has no spread in any week: z cannot be computed
    frame.loc[frame["team"] == "v", "value"] = 80.0
    return frame


@pytest.mark.parametrize(
    ("score", "expected"),
    [("z", {"solo": "alone_in_team", "early": "one_part", "flat": "no_score",
            "flat2": "no_score", "ghost": "no_values"}),
     ("attainment", {"early": "one_part", "ghost": "no_values"})],
)
def test_every_person_not_in_n_has_a_reason(score, expected):
    values = window()
    ids = [*values["employee_id"].unique(), "ghost"]
    change = composite(performance_change(values, score=score))
    measured = change.dropna(subset=["change"])["employee_id"]
    got = missing_reasons(values, ids, measured, score=score)
    assert got.to_dict() == expected
    # n plus the people with a reason is everyone in scope, each counted once
    assert len(measured) + len(got) == len(ids)
    assert not set(got.index) & set(measured)


@pytest.mark.parametrize(
    ("sessions", "measured", "overall", "expected"),
    [
        ([0, 0, 0, 0, 0], [0, 0, 0, 0], {"n": 4, "pearson_r": np.nan}, "no_sessions"),
        ([1, 0, 2], [1, 0], {"n": 2}, "too_few"),
        ([2, 2, 2, 2, 0], [2, 2, 2, 2], {"n": 4, "pearson_r": np.nan}, "same_sessions"),
        ([1, 2, 3, 4], [1, 2, 3, 4], {"n": 4, "ci_low": 0.1, "ci_high": 0.9}, "positive"),
        ([1, 2, 3, 4], [1, 2, 3, 4], {"n": 4, "ci_low": -0.9, "ci_high": -0.2}, "negative"),
        ([1, 2, 3, 4], [1, 2, 3, 4], {"n": 4, "ci_low": -0.5, "ci_high": 0.7}, "none"),
    ],
)
def test_reading(sessions, measured, overall, expected):
    assert reading(pd.Series(sessions), pd.Series(measured), overall) == expected


def test_doctests():
    assert doctest.testmod(module).failed == 0
