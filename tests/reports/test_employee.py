"""reports.employee: the prep through a real DuckDB file (the demo team, built once)."""

from __future__ import annotations

import pandas as pd
import pytest

import demo
import store
from analytics.flags import flags
from reports.employee import employee_prep, prep_from_view
from reports.team import team_view


def test_unknown_id_gives_none(module_demo_con):
    assert employee_prep(module_demo_con, "NOPE") is None


def test_the_declining_agent(module_demo_con):
    prep = employee_prep(module_demo_con, demo.STORIES["declining"])
    assert prep.as_of == pd.Timestamp("2025-12-29")
    assert prep.flags["reason"].iloc[0] == "declining_trend"
    assert prep.summary.startswith("客户满意度 75.1 vs team 82.3 (last 4 weeks), falling since 2025-11-10")
    assert list(prep.series.columns) == ["metric", "period", "value", "target", "team_mean",
                                         "team_min", "team_max", "team_n", "direction",
                                         "category", "unit", "n_events", "partial"]
    assert prep.series["period"].max() <= prep.as_of
    assert prep.sessions["session_date"].iloc[0] == pd.Timestamp(demo.DECLINING_LAST_COACHING)
    assert prep.sessions["session_date"].is_monotonic_decreasing
    assert "notes" in prep.sessions


def test_the_star_gets_a_positive_summary_in_chinese(module_demo_con):
    prep = employee_prep(module_demo_con, demo.STORIES["star"], lang="zh")
    assert prep.flags.empty
    assert prep.summary.startswith("没有预警")
    assert prep.employee_type == "high_potential"


@pytest.mark.parametrize("as_of", ["2025-10-06", pd.Timestamp("2025-10-06")])
def test_as_of_cuts_the_series_and_sessions(module_demo_con, as_of):
    prep = employee_prep(module_demo_con, demo.STORIES["declining"], as_of=as_of)
    assert prep.as_of == pd.Timestamp("2025-10-06")
    assert prep.series["period"].max() == pd.Timestamp("2025-10-06")
    assert (prep.sessions["session_date"] <= prep.as_of).all()


def test_a_cached_view_gives_the_same_prep(module_demo_con):
    view = team_view(module_demo_con)
    cold = employee_prep(module_demo_con, demo.STORIES["fast_unsatisfying"])
    warm = prep_from_view(module_demo_con, view, demo.STORIES["fast_unsatisfying"])
    assert warm.summary == cold.summary
    pd.testing.assert_frame_equal(warm.metrics, cold.metrics)


@pytest.mark.parametrize(("kwargs", "message"), [({"lang": "fr"}, "lang"),
                                                 ({"as_of": "not a date"}, "as_of")])
def test_bad_arguments(module_demo_con, kwargs, message):
    with pytest.raises(ValueError, match=message):
        employee_prep(module_demo_con, "E001", **kwargs)


def test_open_actions_of_the_last_talk_come_with_the_prep(tmp_path):
    """An action logged in the coaching log appears in the prep (and so in the brief)."""
    from datetime import date

    from store.actions import add_action
    from store.coaching_log import log_session

    connection = store.connect(tmp_path / "one.duckdb")
    try:
        store.load_demo(connection)
        sid = log_session(connection, employee_id="E010", session_date=date(2025, 12, 22),
                          session_type="formal", model="GROW", coach="M02", notes="talk")
        add_action(connection, sid, {"goal": "CSAT 81", "action": "Listen first",
                                     "owner": "徐强", "deadline": date(2026, 1, 19),
                                     "status": "open"}, by="M02")
        prep = employee_prep(connection, "E010")
    finally:
        connection.close()
    assert prep.open_actions[["goal", "action", "owner", "status"]].to_dict("records") == [
        {"goal": "CSAT 81", "action": "Listen first", "owner": "徐强", "status": "open"}]


@pytest.mark.parametrize("as_of", [None, pd.Timestamp("2025-10-06")])
def test_team_view_flags_equal_the_plain_flags_call(module_demo_con, as_of):
    """team_view hands its trends/comparison/gaps to flags(); the flags must not change."""
    view = team_view(module_demo_con, as_of=as_of)
    plain = flags(view.values, view.people, view.sessions, as_of=view.as_of,
                  thresholds=view.thresholds)
    assert not plain.empty
    pd.testing.assert_frame_equal(view.flags, plain)
    # The text columns the analyses return are plain text, whatever metric_frame hands over.
    assert view.comparison["employee_id"].dtype == view.people["employee_id"].dtype
