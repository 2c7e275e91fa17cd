"""The flag "likely to miss target" through analytics.flags: who gets it, its evidence, settings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.flags import flags
from analytics.forecast_target import target_outlook
from analytics.thresholds import Thresholds

NO_PEOPLE = pd.DataFrame(columns=["employee_id", "name", "team", "manager_id", "role",
                                  "hire_date", "high_potential"])
NO_SESSIONS = pd.DataFrame(columns=["employee_id", "session_date", "session_type"])
WEEKS = pd.date_range("2025-09-01", periods=15, freq="W-MON")  # to 8 Dec: 2 of 5 Dec weeks in


def _person(pid: str, level: float, seed: int) -> pd.DataFrame:
    noise = np.random.default_rng(seed).normal(0, 3, len(WEEKS))
    return pd.DataFrame({"employee_id": pid, "name": pid.upper(), "team": "t",
                         "period": WEEKS, "metric": "Calls", "value": level + noise,
                         "target": 100.0, "direction": "higher", "category": "efficiency"})


@pytest.fixture(scope="module")
def team() -> pd.DataFrame:
    levels = {"far": 55.0, "edge": 78.0, "ok": 101.0, "high": 130.0}
    return pd.concat([_person(p, lvl, i) for i, (p, lvl) in enumerate(levels.items())],
                     ignore_index=True)


def _missing(values: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    found = flags(values, NO_PEOPLE, NO_SESSIONS, thresholds=limits)
    return found.loc[found["reason"] == "likely_to_miss_target"].set_index("employee_id")


@pytest.mark.parametrize("setting", [0.05, 0.3, 0.6, 0.95])
def test_flagged_exactly_when_the_chance_is_under_the_setting(team, setting):
    limits = Thresholds(forecast_miss_p=setting)
    outlook = target_outlook(team).set_index("employee_id")
    expected = set(outlook.index[outlook["p_ratio"] < setting])
    assert set(_missing(team, limits).index) == expected
    assert "far" in expected
    assert "high" not in expected


def test_the_evidence_carries_the_chance_and_the_run_rate(team):
    row = _missing(team, Thresholds()).loc["far"]
    december = team.loc[(team["employee_id"] == "far") & (team["period"].dt.month == 12)]
    recent = team.loc[team["employee_id"] == "far", "value"].tail(4).mean()
    needed = (5 * 100.0 - december["value"].sum()) / 3
    (fact,) = row["evidence"]
    needs = fact.params["needs"]
    assert (fact.code, fact.params["span"], fact.params["target"]) == (
        "likely_to_miss_target", "month", 500.0)
    assert needs.code == "likely_to_miss_target.sum"
    assert needs.params["needed"] == pytest.approx(needed)
    assert needs.params["recent"] == pytest.approx(recent)
    assert (needs.params["left"], needs.params["n"], needs.params["step"]) == (3, 4, "week")
    assert row["value"] == pytest.approx(recent)
    assert row["reference"] == 100.0
    assert row["since"] == pd.Timestamp("2025-12-01")
    assert 0.5 <= row["severity"] <= 1.0


def test_low_volume_values_are_no_evidence(team):
    thin = team.assign(n_events=np.where(team["employee_id"] == "far", 2, 50))
    assert "far" not in _missing(thin, Thresholds(min_events=5)).index
    assert "far" in _missing(thin, Thresholds(min_events=2)).index


def test_too_short_a_history_is_not_forecast(team):
    short = team.loc[team["period"] >= WEEKS[-5]]
    assert _missing(short, Thresholds()).empty
    assert len(target_outlook(short)) == 0


@pytest.mark.parametrize(("key", "value"), [("forecast_min_periods", 5),
                                            ("forecast_interval", 1.0), ("forecast_miss_p", 0.0)])
def test_bad_forecast_settings_are_refused(key, value):
    with pytest.raises(ValueError, match=key):
        Thresholds.from_dict({key: value})
