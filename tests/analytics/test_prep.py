"""analytics.prep: one employee's prep from small hand-made frames (no database)."""

from __future__ import annotations

import doctest
import numbers
import re

import numpy as np
import pandas as pd
import pytest

from analytics import prep as prep_module
from analytics import prep_context, prep_metrics, prep_tables, prep_windows
from analytics.compare import compare
from analytics.facts import Fact
from analytics.flags import flags
from analytics.gap import gaps
from analytics.prep import build_prep
from analytics.prep_tables import goal_level, priority_word, top_flags
from analytics.strengths import strengths
from analytics.thresholds import Thresholds
from analytics.trend import trends
from i18n import t
from i18n.prep import TEXTS as PREP_TEXTS
from i18n.texts import TEXTS

# The prep's sentences, from the text catalogue.
PREP_EN = {key: en for key, (en, _) in PREP_TEXTS.items()}
PREP_ZH = {key: zh for key, (_, zh) in PREP_TEXTS.items()}

AS_OF = pd.Timestamp("2025-03-31")
PERIODS = pd.date_range("2025-01-06", periods=13, freq="W-MON")


def team_values() -> pd.DataFrame:
    """Three agents x 13 weeks: ``a`` falls to 60 on CSAT (target 90) for the last 3 weeks."""
    rows = []
    for emp, csat, aht in (("a", 90.0, 6.0), ("b", 88.0, 7.0), ("c", 86.0, 7.5)):
        for i, period in enumerate(PERIODS):
            value = 60.0 if emp == "a" and i >= 10 else csat + (i % 2)
            rows += [(emp, emp.upper(), "t", period, "CSAT", value, 90.0, "higher", "quality"),
                     (emp, emp.upper(), "t", period, "AHT", aht + (i % 2) * 0.1, np.nan,
                      "lower", "efficiency")]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "period", "metric",
                                       "value", "target", "direction", "category"])


def prep_of(emp: str, *, people=None, sessions=None):
    values = team_values()
    people = people if people is not None else pd.DataFrame({
        "employee_id": ["a", "b", "c"], "name": ["Ann", "Bo", "Cy"], "team": "t",
        "manager_id": "m", "role": "agent", "hire_date": pd.Timestamp("2020-01-01"),
        "high_potential": [False, False, True]})
    sessions = sessions if sessions is not None else pd.DataFrame(
        {"employee_id": [], "session_date": [], "session_type": [], "model": [], "coach": [],
         "notes": []})
    comp = compare(values, as_of=AS_OF)
    series = values.loc[values["employee_id"] == emp].assign(
        team_mean=np.nan, team_min=np.nan, team_max=np.nan, team_n=3, unit=None)
    return build_prep(emp, as_of=AS_OF, series=series, people=people, comparison=comp,
                      trends=trends(values, as_of=AS_OF), gaps=gaps(values, as_of=AS_OF),
                      strengths=strengths(comp), flags=flags(values, people, sessions,
                                                             as_of=AS_OF),
                      sessions=sessions)


def test_the_metric_table_has_one_row_per_metric_with_hand_computed_numbers():
    prep = prep_of("a")
    csat = prep.metrics.set_index("metric").loc["CSAT"]
    assert list(prep.metrics["metric"]) == ["AHT", "CSAT"]
    # recent mean of the last 4 weeks: 90 or 91 in week 10 (i=9 -> 91), then 60, 60, 60
    assert csat["value"] == pytest.approx((91 + 60 * 3) / 4)
    assert csat["latest"] == 60.0
    assert csat["attainment"] == pytest.approx(60 / 90)
    assert csat["under_streak"] == 3


def test_the_prep_knows_who_and_what():
    prep = prep_of("a")
    assert (prep.name, prep.team, prep.role, prep.manager_id) == ("Ann", "t", "agent", "m")
    assert prep.employee_type == "underperformer"
    assert prep.strength == "AHT"
    assert prep.weakness == "CSAT"
    assert set(prep.flags["employee_id"]) == {"a"}
    assert prep.flags["priority"].is_monotonic_decreasing


@pytest.mark.parametrize(("direction", "value", "expected"), [
    ("higher", 60.0, (72.0, "basis.ratio")),   # line = 0.8 x 90
    ("lower", 12.0, (10.0, "basis.ratio")),    # line = 8 / 0.8
    ("lower", 9.0, (8.0, "basis.target")),     # already under the line: the target
])
def test_goal_level_is_direction_aware(direction, value, expected):
    prep = prep_of("a")
    metrics = pd.DataFrame({"metric": ["M"], "direction": [direction],
                            "target": [90.0 if direction == "higher" else 8.0],
                            "team_mean": [np.nan], "level_before": [np.nan]})
    ctx = type("C", (), {"row": lambda self, m: metrics.iloc[0].to_dict(),
                         "limits": Thresholds()})()
    flag = {"metric": "M", "value": value, "reason": "below_target_streak"}
    assert goal_level(ctx, flag) == expected
    assert prep is not None


def test_windows_say_which_periods_each_number_is_about():
    prep = prep_of("a")
    w = prep.windows
    assert (w.grain, w.recent_periods, w.trend_months) == ("week", 4, 3)
    assert (w.recent_start, w.recent_end, w.latest_period) == (PERIODS[-4], PERIODS[-1],
                                                                PERIODS[-1])
    csat = prep.metrics.set_index("metric").loc["CSAT"]
    # attainment and gap are the latest week's, on the latest value, not the 4-week mean
    assert csat["attainment"] == pytest.approx(csat["latest"] / csat["target"])
    assert csat["gap"] == pytest.approx(csat["target"] - csat["latest"])


def test_an_unflagged_employee_gets_a_positive_summary():
    prep = prep_of("c")
    assert prep.flags.empty
    assert prep.problems.empty
    assert prep.tracking.empty
    assert prep.employee_type == "high_potential"
    assert prep.summary.code == "prep.summary.strength"


def test_sessions_are_this_employees_up_to_as_of_newest_first():
    sessions = pd.DataFrame({"employee_id": ["a", "a", "b", "a"],
                             "session_date": pd.to_datetime(["2025-01-10", "2025-03-01",
                                                             "2025-03-02", "2025-05-01"]),
                             "session_type": "formal", "model": "GROW", "coach": "m",
                             "notes": ["one", "two", "other", "future"]})
    prep = prep_of("a", sessions=sessions)
    assert prep.sessions["notes"].tolist() == ["two", "one"]
    assert prep.open_actions.empty
    assert list(prep.open_actions.columns) == ["goal", "action", "owner", "deadline", "status"]


def test_an_employee_missing_from_the_roster_takes_name_and_team_from_the_data():
    prep = prep_of("b", people=pd.DataFrame(columns=["employee_id", "name", "team", "manager_id",
                                                     "role", "hire_date", "high_potential"]))
    assert (prep.name, prep.team, prep.hire_date) == ("B", "t", None)


def test_an_employee_with_one_period_and_no_target():
    one = pd.DataFrame({"metric": ["AHT"], "period": [AS_OF], "value": [7.0], "target": [np.nan],
                        "direction": "lower", "category": "efficiency"})
    none = pd.DataFrame()
    prep = build_prep("x", as_of=AS_OF, series=one, people=none, comparison=none, trends=none,
                      gaps=none, strengths=none, flags=none, sessions=none)
    assert prep.metrics["metric"].tolist() == ["AHT"]
    assert prep.summary.code == "prep.summary.clear"
    assert [s.code for s, _ in prep.grow] == [f"prep.stage.{s}" for s in "GROW"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"employee_id": ""}, "employee_id"), ({"as_of": "2025-01-01"}, "as_of"),
])
def test_bad_inputs_raise(kwargs, message):
    none = pd.DataFrame()
    args = {"employee_id": "x", "as_of": AS_OF} | kwargs
    with pytest.raises(ValueError, match=message):
        build_prep(args.pop("employee_id"), series=none, people=none, comparison=none,
                   trends=none, gaps=none, strengths=none, flags=none, sessions=none, **args)


@pytest.mark.parametrize(("limit", "kept"), [(3, [0, 2, 3]), (2, [0, 2]), (5, [0, 2, 3, 4])])
def test_top_flags_keeps_the_most_urgent_per_metric(limit, kept):
    f = pd.DataFrame({"metric": ["A", "A", None, "B", None, None],
                      "reason": ["x", "y", "z", "x", "w", "z"]})
    # The same with pandas: the first row of each metric (or person-level reason), top limit.
    key = f["metric"].fillna("\x00" + f["reason"])
    assert f.loc[~key.duplicated()].head(limit).index.tolist() == kept
    assert top_flags(f.to_dict("records"), limit) == f.loc[kept].to_dict("records")


def test_both_languages_have_the_same_keys_and_placeholders():
    assert PREP_EN.keys() == PREP_ZH.keys()
    for key in PREP_EN:
        fields = set(re.findall(r"{(\w+)}", PREP_EN[key]))
        assert fields == set(re.findall(r"{(\w+)}", PREP_ZH[key])), key
    with pytest.raises(ValueError, match="lang"):
        t("prep.stage.G", "de")


@pytest.mark.parametrize("mod", [prep_module, prep_context, prep_metrics, prep_tables,
                                 prep_windows])
def test_prep_module_doctests(mod):
    assert doctest.testmod(mod).failed == 0


@pytest.mark.parametrize(("priority", "key"), [
    (1.0, "prep.priority.high"), (0.75, "prep.priority.high"), (0.6, "prep.priority.medium"),
    (0.5, "prep.priority.medium"), (0.2, "prep.priority.low")])
def test_priority_words(priority, key):
    assert priority_word(priority) == key


PREP_KEYS = {key for key in TEXTS if key.startswith(("prep.", "numbers.", "focus."))}


def _facts_of(prep):
    """Every fact of the prep's sentences, clauses inside included."""
    cells = [prep.summary, *(x for pair in prep.grow for x in pair),
             *prep.problems.drop(columns="evidence").to_numpy().ravel(),
             *prep.tracking.drop(columns="deadline").to_numpy().ravel()]
    stack = list(cells)
    while stack:
        fact = stack.pop()
        assert isinstance(fact, Fact), fact
        yield fact
        stack += [v for v in fact.params.values() if isinstance(v, Fact)]


@pytest.mark.parametrize("emp", ["a", "b", "c"])
def test_the_prep_holds_facts_not_sentences(emp):
    prep = prep_of(emp)
    assert prep.lang is None
    names = set(team_values()["metric"])
    found = list(_facts_of(prep))
    assert found
    for fact in found:
        assert fact.code in PREP_KEYS, fact.code
        for name, value in fact.params.items():
            if isinstance(value, str):  # a metric's name or a code, never words
                assert value in names or re.fullmatch(r"[a-z_]+", value), (fact.code, name)
            else:
                assert value is None or isinstance(value, (numbers.Number, pd.Timestamp, Fact))
    assert all(isinstance(d, pd.Timestamp) for d in prep.tracking["deadline"])
    for clauses in prep.problems["evidence"]:  # the flags' facts (tests/analytics/test_flag_facts)
        assert all(isinstance(c, Fact) for c in clauses)
