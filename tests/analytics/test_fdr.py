"""Many tests at once: the trend tests under false-discovery control.

Every person x metric gets a slope test and a turning-point test. On a team of pure noise,
about 5% of them would pass one by one; with Benjamini-Hochberg across the team's tests (q from
the thresholds) (almost) none may, while planted declines are still found. The adjusted
p-values are recomputed here with scipy's own implementation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analytics.flags import flags
from analytics.thresholds import Thresholds
from analytics.trend import bh_adjusted, trends

WEEKS = pd.date_range("2025-04-07", periods=26, freq="W-MON")
METRICS = {"CSAT": "higher", "FCR": "higher", "AHT": "lower", "Tickets": "higher"}
NO_PEOPLE = pd.DataFrame(columns=["employee_id", "name", "team", "manager_id", "role",
                                  "hire_date", "high_potential"])
NO_SESSIONS = pd.DataFrame(columns=["employee_id", "session_date", "session_type"])


def noise_team(seed: int, people: int = 50, team: str = "t", planted: dict | None = None):
    """``people`` x 4 metrics x 26 weeks of pure noise; ``planted`` id -> drop from week 14."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(people):
        employee = f"{team}{i:02d}"
        for metric, direction in METRICS.items():
            data = 80 + rng.normal(0, 2, len(WEEKS))
            drop = (planted or {}).get(employee, 0.0)
            data[14:] -= drop if direction == "higher" else -drop
            rows += [(employee, employee, team, week, metric, value, np.nan, direction,
                      "quality") for week, value in zip(WEEKS, data, strict=True)]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "period", "metric",
                                       "value", "target", "direction", "category"])


def declining(values: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    found = flags(values, NO_PEOPLE, NO_SESSIONS, thresholds=limits)
    return found[found["reason"] == "declining_trend"]


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_a_team_of_pure_noise_gets_almost_no_declining_flags(seed):
    values = noise_team(seed)
    controlled = declining(values, Thresholds())
    uncontrolled = declining(values, Thresholds(trend_fdr_q=1.0))  # each test at 5% alone
    assert len(controlled) <= 2
    # Without the control the same noise raises a handful of alarms: the control is what helps.
    assert len(uncontrolled) >= 4
    assert set(controlled["employee_id"]) <= set(uncontrolled["employee_id"])


@pytest.mark.parametrize("seed", [10, 11, 12])
def test_planted_declines_in_a_noisy_team_are_still_found(seed):
    planted = {"t03": 6.0, "t17": 6.0, "t41": 6.0}
    found = declining(noise_team(seed, planted=planted), Thresholds())
    assert set(planted) <= set(found["employee_id"])
    assert len(set(found["employee_id"]) - set(planted)) <= 2


@pytest.mark.parametrize("q", [0.05, 0.1, 0.2])
def test_adjusted_p_values_and_labels_match_scipy(q):
    values = pd.concat([noise_team(5, people=20, team="a", planted={"a02": 5.0}),
                        noise_team(6, people=8, team="b")], ignore_index=True)
    limits = Thresholds(trend_fdr_q=q)
    out = trends(values, thresholds=limits)
    for team, part in out.groupby("team"):
        p = np.concatenate([part["p_short"], part["turn_p"]])
        tested = ~np.isnan(p)
        expected = stats.false_discovery_control(p[tested], method="bh")
        got = np.concatenate([part["p_short_adjusted"], part["turn_p_adjusted"]])[tested]
        np.testing.assert_allclose(got, expected, rtol=1e-12)
        assert (part["fdr_tests"] == tested.sum()).all(), team
        adjusted = np.full(len(p), np.nan)
        adjusted[tested] = expected
        falling = ((part["p_short"] < limits.trend_alpha) & (adjusted[:len(part)] <= q)
                   & (part["direction_aware_slope"] < 0))
        assert (part["label"] == "falling").tolist() == falling.tolist()
        worse = ((part["turn_p"] < limits.changepoint_alpha) & (adjusted[len(part):] <= q)
                 & (part["level_after"] - part["level_before"]).mul(
                     np.where(part["direction"] == "lower", -1, 1)).lt(0))
        assert (part["turn"] == "worse").tolist() == worse.tolist()


@pytest.mark.parametrize(
    ("p", "family", "adjusted", "count"),
    [
        ([0.01, 0.02, 0.03, 0.04], "aaaa", [0.04, 0.04, 0.04, 0.04], [4, 4, 4, 4]),
        ([0.01, 0.5, 0.03, 0.6], "abab", [0.02, 0.6, 0.03, 0.6], [2, 2, 2, 2]),
        ([0.2, np.nan], "aa", [0.2, np.nan], [1, 1]),
    ],
)
def test_bh_adjusted_by_hand(p, family, adjusted, count):
    got, m = bh_adjusted(np.array(p), np.array(list(family)))
    np.testing.assert_allclose(got, adjusted)
    assert m.tolist() == count


def test_the_evidence_carries_the_false_discovery_control():
    row = declining(noise_team(10, people=12, planted={"t03": 6.0}), Thresholds()).iloc[0]
    (fact,) = row.evidence
    assert fact.params["fdr"].params == {"m": 12 * 4 * 2, "q": 0.1}
    off = declining(noise_team(10, people=12, planted={"t03": 6.0}), Thresholds(trend_fdr_q=1))
    assert off.iloc[0].evidence[0].params["fdr"] is None


def test_q_must_be_a_share():
    with pytest.raises(ValueError, match="trend_fdr_q"):
        Thresholds(trend_fdr_q=0)
    with pytest.raises(ValueError, match="trend_fdr_q"):
        Thresholds(trend_fdr_q=1.5)
