"""store.impact on a real DuckDB file: sessions per window, values per period, goal weights."""

import pandas as pd
import pytest

import store
from store import impact as sql

ROSTER = ("工号,姓名,团队,直属主管,岗位,入职日期\n"
          "E1,甲,A,M1,agent,2024-01-01\nE2,乙,A,M1,agent,2024-01-01\nM1,丙,A,D1,lead,2020-01-01\n"
          "D1,丁,,,director,2015-01-01\n")
METRICS = ("工号,周开始日期,平均处理时长(分钟),客户满意度\n"  # the unit is not in the name
           "E1,2025/7/7,8,80\nE1,2025/7/14,7,90\nE2,2025/7/7,9,70\nE3,2025/7/14,6,95\n")
COACHING = ("Employee ID,Date,Type,Model,Coach\n"
            "E1,2025-07-01,formal,GROW,M1\nE1,2025-07-08,informal,best,M1\n"
            "E1,2025-08-20,informal,OKR,M1\nE2,2025-07-09,informal,STAR-AR,M1\n")
GOALS = ("工号,目标,关键结果,权重,截止日期,进度\n"
         "E1,服务,客户满意度达到87%,0.6,2025-12-31,0.5\nE1,服务,平均处理时长控制在8分钟内,0.4,2025-12-31,0.5\n"
         "E2,服务,客户满意度达到90%,0.5,2025-12-31,0.5\n")


@pytest.fixture
def con(fresh_db):
    c = store.connect(fresh_db)
    for name, text in (("roster.csv", ROSTER), ("metrics.csv", METRICS),
                       ("coaching.csv", COACHING), ("goals.csv", GOALS)):
        result = store.import_bytes(c, text.encode("utf-8"), name)
        assert result.status == "loaded", result.as_json()
    yield c
    c.close()


def test_bounds(con):
    assert sql.bounds(con) == (pd.Timestamp("2025-07-07"), pd.Timestamp("2025-07-14"))


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2025-07-01", "2025-08-31", {"E1": (3, 1, 2, 1, 1, 0, 1), "E2": (1, 0, 1, 0, 0, 1, 0)}),
    ("2025-07-05", "2025-07-31", {"E1": (1, 0, 1, 0, 1, 0, 0), "E2": (1, 0, 1, 0, 0, 1, 0)}),
    ("2025-09-01", "2025-09-30", {"E1": (0,) * 7, "E2": (0,) * 7}),
])
def test_session_counts_per_window(con, start, end, expected):
    out = sql.session_counts(con, start=start, end=end).set_index("employee_id")
    # E3 has values but no roster row; M1 has a manager; D1 (no manager, no values) is left out
    assert sorted(out.index) == ["E1", "E2", "E3", "M1"]
    cols = ["sessions", "formal", "informal", "GROW", "BEST", "STAR-AR", "OKR"]
    for emp, counts in expected.items():
        assert tuple(out.loc[emp, cols]) == counts
    assert out.loc["E3", "sessions"] == 0


def test_period_values_with_direction_and_filter(con):
    out = sql.period_values(con, start="2025-07-01", end="2025-07-10")
    assert len(out) == 4  # E1 and E2, two metrics, week of 7 July only
    aht = out[out["metric"] == "平均处理时长"]
    assert set(aht["direction"]) == {"lower"}
    assert aht.set_index("employee_id").loc["E1", ["team", "manager_id", "role"]].tolist() == [
        "A", "M1", "agent"]
    only = sql.period_values(con, start="2025-07-01", end="2025-07-31", metric="客户满意度")
    assert only["value"].tolist() == [80.0, 90.0, 70.0, 95.0]


def test_sessions_between_dates(con):
    assert len(sql.sessions(con)) == 4
    out = sql.sessions(con, start="2025-07-05", end="2025-07-31")
    assert out["model"].tolist() == ["BEST", "STAR-AR"]  # model upper-cased


def test_goal_weights_sum_key_results_naming_a_metric(con):
    assert sql.goal_weights(con) == {"客户满意度": pytest.approx(1.1),
                                     "平均处理时长": pytest.approx(0.4)}


def test_actions_table_is_read(con):
    assert list(sql.actions(con).columns) == ["employee_id", "deadline", "status", "done_at"]


def test_choices(con):
    got = sql.choices(con)
    assert got["teams"] == ["A"]
    assert got["managers"] == ["D1", "M1"]
    assert got["roles"][0] == "agent"
    assert got["metrics"] == sorted(["平均处理时长", "客户满意度"])


def _old_period_values(con, *, start, end, metric=None):
    """period_values as it was (``.df()``), the reference for the Arrow fetch."""
    return con.execute(
        """
        SELECT v.employee_id, e.team, e.manager_id, e.role, v.period::TIMESTAMP AS period,
               v.metric, avg(v.value) AS value,
               avg(coalesce(v.target, c.default_target)) AS target,
               coalesce(min(c.direction), 'higher') AS direction
        FROM metric_values v
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN metric_catalog c USING (metric)
        WHERE v.period BETWEEN ?::DATE AND ?::DATE AND (?::TEXT IS NULL OR v.metric = ?::TEXT)
        GROUP BY v.employee_id, e.team, e.manager_id, e.role, v.period, v.metric
        ORDER BY v.employee_id, v.metric, period
        """,
        [start, end, metric, metric],
    ).df()


@pytest.mark.parametrize("metric", [None, "客户满意度", "nothing"])
def test_arrow_fetch_equals_the_old_fetch_right_after_bounds(con, metric):
    first, last = sql.bounds(con)  # an execute() result on the same connection, then con.sql()
    got = sql.period_values(con, start=first, end=last, metric=metric)
    expected = _old_period_values(con, start=first, end=last, metric=metric)
    # An empty window's text columns are "str" instead of object: impact_report stops at an
    # empty frame, so only the rows matter there.
    pd.testing.assert_frame_equal(got, expected, check_dtype=metric != "nothing")
    assert not any(isinstance(d, pd.CategoricalDtype) for d in got.dtypes)
    assert len(got) == (0 if metric == "nothing" else 4 if metric else 8)
