"""The board's SQL on a real DuckDB file: direction-aware attainment, pooling, windows, groups."""

import math

import pandas as pd
import pytest

import store
from analytics import headcount as rule
from store import board, headcount

HEADER = "工号,姓名,团队,日期,指标,实际值,目标值\n"
ROSTER = ("工号,姓名,团队,直属主管\nM1,Boss One,T1,\nM2,Boss Two,T2,\n"
          "E1,Ann,T1,M1\nE2,Bob,T1,M1\nE3,Cai,T2,M2\nE4,Dee,,\n")
#   week      E1 CSAT  E2 CSAT   E1 AHT (lower)  E3 CSAT (no target)  E4 CSAT
ROWS = [
    ("E1", "Ann", "T1", "2025/7/7", "客户满意度", "79.99", "100"),
    ("E2", "Bob", "T1", "2025/7/7", "客户满意度", "80", "100"),
    ("E1", "Ann", "T1", "2025/7/7", "平均处理时长", "10", "8"),
    ("E3", "Cai", "T2", "2025/7/7", "客户满意度", "90", ""),
    ("E4", "Dee", "", "2025/7/7", "客户满意度", "50", "100"),
    ("E1", "Ann", "T1", "2025/7/14", "客户满意度", "100", "100"),
    ("E2", "Bob", "T1", "2025/7/14", "客户满意度", "60", "100"),
    ("E1", "Ann", "T1", "2025/7/14", "平均处理时长", "8", "8"),
    ("E1", "Ann", "T1", "2025/7/21", "客户满意度", "70", "100"),
    ("E2", "Bob", "T1", "2025/7/21", "客户满意度", "70", "100"),
    ("E1", "Ann", "T1", "2025/7/21", "平均处理时长", "10.0001", "8"),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("board") / "board.duckdb"
    con = store.connect(path)
    for name, text in (("roster.csv", ROSTER),
                       ("metrics.csv", HEADER + "".join(",".join(r) + "\n" for r in ROWS)),
                       ("coaching.csv", "Employee ID,Date,Type,Model,Coach,Notes\n"
                        "E1,2025-07-20,formal,GROW,M1,ok\nE2,2025-03-01,formal,GROW,M1,old\n")):
        result = store.import_bytes(con, text.encode("utf-8"), name)
        assert result.status == "loaded", result.as_json()
    yield con
    con.close()


def cell(frame, group, metric, period):
    row = frame.loc[frame["group"].eq(group) & frame["metric"].eq(metric)
                    & frame["period"].eq(pd.Timestamp(period))]
    assert len(row) == 1, row
    return row.iloc[0]


def test_employee_attainment_is_direction_aware(con):
    rows = board.attainment(con, by="employee")
    assert math.isclose(cell(rows, "E1", "客户满意度", "2025-07-07")["attainment"], 0.7999)
    assert cell(rows, "E2", "客户满意度", "2025-07-07")["attainment"] == 0.8
    # lower is better: target / actual = 8 / 10
    assert cell(rows, "E1", "平均处理时长", "2025-07-07")["attainment"] == 0.8
    assert cell(rows, "E1", "平均处理时长", "2025-07-14")["attainment"] == 1.0
    assert cell(rows, "E1", "平均处理时长", "2025-07-21")["attainment"] < 0.8
    # no target anywhere: NULL (grey), not 0
    assert pd.isna(cell(rows, "E3", "客户满意度", "2025-07-07")["attainment"])
    assert list(rows.columns) == list(board.ATTAINMENT_COLUMNS)


def test_team_pools_actuals_over_targets(con):
    rows = board.attainment(con, by="team")
    # T1 week 1 CSAT: (79.99 + 80) / (100 + 100)
    first = cell(rows, "T1", "客户满意度", "2025-07-07")
    assert math.isclose(first["attainment"], 159.99 / 200)
    assert first["n"] == 2
    assert math.isclose(first["actual"], 79.995)
    assert cell(rows, board.NO_GROUP, "客户满意度", "2025-07-07")["attainment"] == 0.5
    assert pd.isna(cell(rows, "T2", "客户满意度", "2025-07-07")["attainment"])
    assert rows["period_no"].max() == 3


@pytest.mark.parametrize("by", ["employee", "team"])
def test_actual_without_any_target_is_the_mean_of_the_values(con, by):
    # A call-log export has no targets: the board's drill-down read "None" for every actual.
    rows = board.attainment(con, by=by)
    group = {"employee": "E3", "team": "T2"}[by]
    mine = [float(r[5]) for r in ROWS if r[0 if by == "employee" else 2] == group
            and r[3] == "2025/7/7" and r[4] == "客户满意度"]
    got = cell(rows, group, "客户满意度", "2025-07-07")
    assert got["actual"] == pytest.approx(sum(mine) / len(mine))
    assert pd.isna(got["target"])
    assert pd.isna(got["attainment"])  # still grey, never red


def test_default_target_comes_from_the_catalog(tmp_path):
    copy = store.connect(tmp_path / "copy.duckdb")
    try:
        for name, text in (("m.csv", HEADER + "E3,Cai,T2,2025/7/7,客户满意度,90,\n"),):
            assert store.import_bytes(copy, text.encode(), name).status == "loaded"
        cat = store.catalog(copy)
        cat["default_target"] = 120.0
        store.save_catalog(copy, cat)
        rows = board.attainment(copy, by="team")
        assert rows["attainment"].tolist() == [0.75]
    finally:
        copy.close()


def test_rolling_window_pools_the_last_periods(con):
    rows = board.attainment(con, by="team", window=2)
    # T1 CSAT weeks 2 + 3: (100 + 60 + 70 + 70) / 400
    assert math.isclose(cell(rows, "T1", "客户满意度", "2025-07-21")["attainment"], 0.75)
    assert cell(rows, "T1", "客户满意度", "2025-07-21")["n"] == 4


def test_as_of_cuts_the_periods(con):
    rows = board.attainment(con, by="team", as_of=pd.Timestamp("2025-07-16"))
    assert rows["period"].max() == pd.Timestamp("2025-07-14")
    assert board.last_period(con, as_of=pd.Timestamp("2025-07-16")) == (
        pd.Timestamp("2025-07-14"), 2)
    assert board.last_period(con, as_of=pd.Timestamp("2020-01-01")) == (None, 0)


def test_manager_groups_and_team_filter(con):
    rows = board.attainment(con, by="manager")
    assert set(rows["group"]) == {"M1", "M2", board.NO_GROUP}
    assert cell(rows, "M1", "客户满意度", "2025-07-07")["label"] == "Boss One (M1)"
    team = board.attainment(con, by="employee", team="T1")
    assert set(team["group"]) == {"E1", "E2"}
    assert set(board.attainment(con, by="employee", team=board.NO_GROUP)["group"]) == {"E4"}


def test_red_candidates_only(con):
    rows = board.attainment(con, by="employee", red_below=0.8)
    # red at the last week: E1 CSAT (0.7, streak since week 3), E2 CSAT (0.6, 0.7), E1 AHT
    got = sorted(zip(rows["group"], rows["metric"], rows["period_no"], strict=True))
    assert got == [("E1", "客户满意度", 1), ("E1", "客户满意度", 3), ("E1", "平均处理时长", 3),
                   ("E2", "客户满意度", 2), ("E2", "客户满意度", 3)]


@pytest.mark.parametrize(("end", "expected"), [("2025-07-21", (1, 4)), ("2025-07-19", (0, 4))])
def test_coverage_window(con, end, expected):
    # people with values: E1-E4; sessions within 30 days up to 2025-07-21: E1 only
    start, end = rule.window(end, 30)
    values, sessions = headcount.activity(con, start=start, end=end)
    counts = rule.headcount(values, sessions, start=start, end=end)
    assert (counts.coached, counts.people) == expected


def test_managers_and_periods_teams_goals(con):
    bosses = board.managers(con)
    assert bosses["E4"] == board.NO_GROUP
    assert bosses["E1"] == "M1"
    assert board.periods(con)[0] == pd.Timestamp("2025-07-21")
    assert board.teams(con) == sorted(["T1", "T2", board.NO_GROUP])
    assert board.goals_frame(con).empty


@pytest.mark.parametrize(("bad", "message"), [
    ({"by": "dept"}, "by must be"), ({"window": 0}, "window"), ({"window": True}, "window"),
    ({"lookback": 0}, "lookback"),
])
def test_bad_arguments(con, bad, message):
    with pytest.raises(ValueError, match=message):
        board.attainment(con, **bad)
