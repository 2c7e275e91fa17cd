"""Board colour rules, streaks, trends, OKR roll-ups and alerts, against hand-computed answers."""

import math

import numpy as np
import pandas as pd
import pytest

from analytics import board as rules
from analytics import board_okr as okr
from analytics.board_thresholds import BoardThresholds

WEEKS = pd.date_range("2025-01-06", periods=6, freq="W-MON")


@pytest.mark.parametrize(("attainment", "expected"), [
    (0.7994, "red"),  # 79.94% of target: shows 79.9%
    (0.7996, "amber"),  # shows 80.0%: the colour goes with the number shown
    (0.8, "amber"),  # exactly 80%
    (0.8 - 1e-12, "amber"),  # float noise under 80% is still 80%
    (0.9994, "amber"),  # shows 99.9%
    (0.9996, "green"),  # shows 100.0%
    (1.0, "green"),  # exactly on target
    (1.2, "green"),
    (0.0, "red"),
    (np.nan, "grey"),  # no target: grey, never red
])
def test_status_boundaries(attainment, expected):
    assert rules.status(pd.Series([attainment])).tolist() == [expected]


def test_status_follows_thresholds():
    limits = BoardThresholds(green_at=1.05, red_below=0.9)
    got = rules.status(pd.Series([0.89, 0.9, 1.0, 1.05]), thresholds=limits).tolist()
    assert got == ["red", "amber", "amber", "green"]


@pytest.mark.parametrize(("progress", "expected"), [
    (0.2994, "red"), (0.2996, "amber"), (0.30, "amber"), (0.5, "amber"), (0.70, "amber"),
    (0.7004, "amber"), (0.7006, "green"),
    (1.0, "green"), (np.nan, "grey"),
])
def test_okr_status_boundaries(progress, expected):
    assert rules.okr_status(pd.Series([progress])).tolist() == [expected]


def _series(attainments, group="A", metric="m", numbers=None):
    numbers = numbers or list(range(1, len(attainments) + 1))
    return pd.DataFrame({"group": group, "label": group, "team": group, "metric": metric,
                         "period_no": numbers, "period": WEEKS[[n - 1 for n in numbers]],
                         "actual": 1.0, "target": 1.0, "attainment": attainments})


@pytest.mark.parametrize(("attainments", "numbers", "streaks"), [
    ([0.9, 0.7, 0.79, 0.5], None, [0, 1, 2, 3]),
    ([0.7, 0.8, 0.7, 0.7], None, [1, 0, 1, 2]),  # 80% breaks the streak
    ([0.7, 0.7, 0.7], [1, 2, 4], [1, 2, 1]),  # a missing period breaks it too
    ([0.7, np.nan, 0.7], None, [1, 0, 1]),  # so does a period without target
])
def test_red_streaks(attainments, numbers, streaks):
    out = rules.with_streaks(_series(attainments, numbers=numbers))
    assert out["red_streak"].tolist() == streaks


def test_streaks_are_per_group_and_metric():
    rows = pd.concat([_series([0.7, 0.7]), _series([0.7, 0.7], group="B"),
                      _series([0.9, 0.7], metric="n")])
    out = rules.with_streaks(rows)
    assert out.groupby(["group", "metric"])["red_streak"].last().to_dict() == {
        ("A", "m"): 2, ("A", "n"): 1, ("B", "m"): 2}


def test_board_has_previous_status_trend_and_red_since():
    table = rules.board(_series([1.0, 0.7, 0.75, 0.75]))
    row = table.iloc[0]
    assert (row["status"], row["previous_status"], row["trend"]) == ("red", "red", "flat")
    assert row["red_streak"] == 3
    assert row["red_since"] == WEEKS[1]
    earlier = rules.board(_series([1.0, 0.7, 0.75, 0.75]), period_no=2).iloc[0]
    assert (earlier["status"], earlier["previous_status"], earlier["trend"]) == ("red", "green",
                                                                                 "down")


def test_summary():
    rows = rules.board(pd.concat([_series([0.7]), _series([np.nan], metric="n"),
                                  _series([1.1], group="B")]))
    assert rules.summary(rows) == {"red": 1, "amber": 0, "green": 1, "grey": 1}


GOALS = pd.DataFrame({
    "employee_id": ["E1", "E1", "E1", "E2", "E2", "E3"],
    "name": ["a", "a", "a", "b", "b", "c"],
    "team": ["T1", "T1", "T1", "T1", "T1", "T2"],
    "objective": ["O1", "O1", "O1", "O2", "O2", "O3"],
    "key_result": ["k1", "k2", "k3", "k1", "k2", "k1"],
    "weight": [2.0, 1.0, 1.0, np.nan, 0.5, 0.0],
    "progress": [0.2, 0.6, 1.0, 0.1, 0.5, 0.9],
})


def test_roll_up_weights_by_hand():
    objs = okr.objectives(GOALS).set_index("objective")
    # O1: weights 2:1:1 -> 0.5*0.2 + 0.25*0.6 + 0.25*1.0 = 0.5
    assert math.isclose(objs.loc["O1", "progress"], 0.5)
    # O2: a weight is missing -> equal weights: (0.1 + 0.5) / 2 = 0.3 (amber at exactly 30%)
    assert math.isclose(objs.loc["O2", "progress"], 0.3)
    assert objs.loc["O2", "status"] == "amber"
    # O3: weights sum to 0 -> equal: 0.9
    assert math.isclose(objs.loc["O3", "progress"], 0.9)
    assert objs.loc["O1", "red_key_results"] == 1
    teams = okr.teams(GOALS).set_index("team")
    assert math.isclose(teams.loc["T1", "progress"], 0.4)  # mean of O1 and O2
    assert teams.loc["T1", "status"] == "amber"
    assert teams.loc["T2", "status"] == "green"


def test_weights_are_normalised_within_an_objective():
    krs = okr.key_results(GOALS)
    assert krs.groupby(["employee_id", "objective"])["share"].sum().round(12).eq(1).all()
    assert krs["share"].round(4).tolist() == [0.5, 0.25, 0.25, 0.5, 0.5, 1.0]


def test_alerts_need_two_red_periods_and_list_newest_first():
    team = pd.concat([_series([0.7, 0.7, 0.7], group="old"),
                      _series([0.9, 0.7, 0.7], group="new"),
                      _series([0.9, 0.9, 0.7], group="once")])
    out = okr.alerts({"team": team}, GOALS)
    kpi = out.loc[out["level"].eq("team")]
    assert kpi["group"].tolist() == ["new", "old"]
    assert kpi["red_streak"].tolist() == [2, 3]
    assert kpi["red_since"].tolist() == [WEEKS[1], WEEKS[0]]
    krs = out.loc[out["level"].eq("key_result")]
    assert set(krs["metric"]) == {"O1 / k1", "O2 / k1"}  # progress 0.2 and 0.1 (< 30%)
    assert out["level"].tolist()[-2:] == ["key_result", "key_result"]


def test_alerts_follow_alert_periods():
    team = _series([0.9, 0.7, 0.7])
    assert okr.alerts({"team": team}, thresholds=BoardThresholds(alert_periods=3)).empty
    assert len(okr.alerts({"team": team}, thresholds=BoardThresholds(alert_periods=2))) == 1


def test_empty_inputs():
    assert rules.board(pd.DataFrame()).empty
    assert okr.objectives(GOALS.iloc[:0]).empty
    assert okr.alerts({}, None).empty


@pytest.mark.parametrize(("bad", "message"), [
    ({"red_below": 1.2}, "red_below <= green_at"), ({"red_below": 0}, "0 < red_below"),
    ({"okr_red_below": 0.8}, "okr_red_below <= okr_green_above"),
    ({"alert_periods": 0}, "at least 1"), ({"rolling_periods": 1.5}, "integer"),
    ({"green_at": True}, "bool"), ({"trend_tolerance": -0.1}, "negative"),
])
def test_thresholds_reject_bad_values(bad, message):
    with pytest.raises(ValueError, match=message):
        BoardThresholds.from_dict(bad)


def test_thresholds_round_trip():
    limits = BoardThresholds(red_below=0.75, alert_periods=3)
    assert BoardThresholds.from_dict(limits.to_dict()) == limits
    assert BoardThresholds().to_dict()["okr_green_above"] == 0.70


def test_inputs_are_checked():
    with pytest.raises(ValueError, match="lacks"):
        rules.with_streaks(pd.DataFrame({"group": ["a"]}))
    with pytest.raises(ValueError, match="lacks"):
        okr.objectives(pd.DataFrame({"employee_id": ["a"]}))
