"""Heatmap of percentiles: rows per employee grouped by team, colour = percentile, raw on hover."""

import random

import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import style
from charts.heatmap import percentile_heatmap, row_labels
from tests.charts.specs import validated, values

FRAME = pd.DataFrame({
    "employee_id": ["b", "b", "a", "a", "c"],
    "name": ["Bo", "Bo", "安", "安", "Bo"],
    "team": ["t2", "t2", "t1", "t1", "t1"],
    "metric": ["AHT", "CSAT", "AHT", "CSAT", "AHT"],
    "value": [6.0, 80.0, 5.0, 90.0, 7.0],
    "team_mean": [6.0, 80.0, 6.0, 90.0, 6.0],
    "percentile": [None, None, 100.0, None, 0.0],
})


def draw(frame=FRAME) -> go.Figure:
    return validated(percentile_heatmap(frame, title="T", value_label="value", team_label="team",
                                        percentile_label="pct"))


def test_rows_grouped_by_team_and_cells_hand_checked():
    trace = draw().data[0]
    # t1 first (by name: "Bo" < "安"), then t2; the two "Bo" get their ids.
    assert list(trace.y) == ["Bo · c", "安", "Bo · b"]
    assert list(trace.x) == ["AHT", "CSAT"]
    z = pd.DataFrame(values(trace.z), index=trace.y, columns=trace.x)
    assert z.loc["安", "AHT"] == 100.0
    assert z.loc["Bo · c", "AHT"] == 0.0
    assert pd.isna(z.loc["Bo · c", "CSAT"])  # no value: an empty cell, not a zero
    assert trace.customdata[1][1][0] == 90.0  # 安's raw CSAT
    assert trace.customdata[2][0][2] == "t2"
    # the hover names each row's person with the id, whatever the row label says
    assert [row[0][3] for row in trace.customdata] == ["Bo · c", "安 · a", "Bo · b"]
    assert "%{customdata[3]}" in trace.hovertemplate


def test_scale_is_fixed_and_green_is_good():
    fig = draw()
    assert (fig.data[0].zmin, fig.data[0].zmax) == (0, 100)
    assert fig.data[0].colorscale[-1][1] == "#059669"
    assert fig.layout.font.family == style.FONT


def test_height_grows_with_people():
    many = pd.concat([FRAME.assign(employee_id=FRAME["employee_id"] + str(i)) for i in range(20)])
    assert draw(many).layout.height > draw().layout.height


def test_missing_column_is_refused():
    with pytest.raises(ValueError, match="percentile"):
        draw(FRAME.drop(columns="percentile"))


@pytest.mark.parametrize(("names", "expected"), [
    (["A", "B"], ["A", "B"]),
    (["A", "A"], ["A · x", "A · y"]),
    ([None, "B"], ["x", "B"]),
])
def test_row_labels(names, expected):
    frame = pd.DataFrame({"employee_id": ["x", "y"], "name": names})
    assert list(row_labels(frame)) == expected


def test_team_lines_and_labels_set_once_per_team():
    fig = draw()
    # Rows: t1 (two people), then t2: one line between them, one label per team at its middle.
    assert [(s.y0, s.y1, s.xref) for s in fig.layout.shapes] == [(1.5, 1.5, "x domain")]
    assert [(a.text, a.y) for a in fig.layout.annotations] == [("t1", 0.5), ("t2", 2.0)]


def test_hundreds_of_teams_give_one_line_each():
    rnd = random.Random(42)
    teams = 400
    frame = pd.DataFrame({
        "employee_id": [f"e{i}" for i in range(teams * 3)],
        "name": [f"n{i}" for i in range(teams * 3)],
        "team": [f"team {i // 3:03d}" for i in range(teams * 3)],
        "metric": "AHT", "value": 1.0, "team_mean": 1.0,
        "percentile": [rnd.uniform(0, 100) for _ in range(teams * 3)],
    })
    fig = draw(frame)
    assert len(fig.layout.shapes) == teams - 1
    assert len(fig.layout.annotations) == teams
    assert fig.layout.annotations[-1].text == "team 399"


def test_team_label_is_text_not_markup():
    fig = draw(FRAME.assign(team=FRAME["team"].replace("t2", "<img src=x>")))
    assert sorted(a.text for a in fig.layout.annotations) == ["&lt;img src=x&gt;", "t1"]


@pytest.mark.parametrize(("metrics", "slanted"), [
    (["Answered %", "AvgTalkDuration", "Speed of answer in seconds"], True),  # a call log's
    (["周工单量", "客户满意度", "平均处理时长", "首次解决率"], False),  # the demo's
])
def test_long_metric_names_get_their_own_room(metrics, slanted):
    # The call-log export's long names were rotated by plotly into the title and the eight
    # rows shrank until every other name was dropped.
    people = [f"P{i}" for i in range(8)]
    frame = pd.DataFrame([{"employee_id": p, "name": p, "team": "no team", "metric": m, "value": 1.0,
                           "team_mean": 1.0, "percentile": 50.0} for p in people for m in metrics])
    fig = draw(frame)
    longest = max(sum(13 if "\u4e00" <= ch <= "\u9fff" else 7 for ch in m) for m in metrics)
    rise = int(longest * 0.71) if slanted else 0
    assert fig.layout.xaxis.tickangle == (-45 if slanted else None)
    assert fig.layout.margin.t == 90 + rise  # the title's room plus the slanted labels'
    rows_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert rows_px / len(people) >= 24  # tall enough for plotly to label every row
