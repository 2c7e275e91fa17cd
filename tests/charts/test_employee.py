"""One employee's metric trend: team band and mean, target line, turning point."""

import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from charts.employee import TURN_COLOR, TrendLabels, per_metric
from charts.employee import metric_trend as spec_of
from tests.charts.specs import validated, values

SERIES = pd.DataFrame({
    "period": pd.to_datetime(["2025-01-13", "2025-01-06", "2025-01-20"]),
    "value": [80.0, 90.0, 70.0], "target": [85.0, 85.0, 85.0],
    "team_mean": [84.0, 85.0, 83.0], "team_min": [70.0, 75.0, 65.0],
    "team_max": [95.0, 96.0, 94.0],
})
LABELS = TrendLabels("徐强", "mean", "range", "target", "turn", "CSAT (higher is better)")


def metric_trend(*args, **kwargs):
    return validated(spec_of(*args, **kwargs))


def test_traces_sorted_by_period_with_target():
    fig = metric_trend(SERIES, title="CSAT", labels=LABELS)
    names = [tr.name for tr in fig.data]
    assert names == ["range", "range", "mean", "徐强", "target"]
    employee = fig.data[3]
    assert values(employee.y) == [90.0, 80.0, 70.0]
    assert fig.data[1].fill == "tonexty"
    assert values(fig.data[0].y) == [96.0, 95.0, 94.0]  # the band's top, in period order
    assert fig.layout.title.text == "CSAT"


def test_no_target_no_target_line():
    fig = metric_trend(SERIES.assign(target=None), title="x", labels=LABELS)
    assert "target" not in [tr.name for tr in fig.data]


def test_turning_point_marked_on_the_line():
    when = pd.Timestamp("2025-01-13")
    fig = metric_trend(SERIES, title="x", labels=LABELS, turning_point=when)
    marker = fig.data[-1]
    assert marker.name == "turn"
    assert values(marker.y) == [80.0]
    assert marker.marker.color == TURN_COLOR
    assert pd.Timestamp(fig.layout.shapes[0].x0) == when


@pytest.mark.parametrize("turn", [None, pd.NaT])
def test_no_turning_point(turn):
    fig = metric_trend(SERIES, title="x", labels=LABELS, turning_point=turn)
    assert not fig.layout.shapes
    assert "turn" not in [tr.name for tr in fig.data]


def test_missing_column_is_refused():
    with pytest.raises(ValueError, match="team_min"):
        metric_trend(SERIES.drop(columns="team_min"), title="x", labels=LABELS)


def test_forecast_is_a_dashed_line_from_the_last_value_over_its_band():
    ahead = pd.DataFrame({"period": pd.to_datetime(["2025-02-03", "2025-01-27"]),
                          "expected": [66.0, 68.0], "low": [58.0, 62.0], "high": [74.0, 74.0]})
    labels = TrendLabels("徐强", "mean", "range", "target", "turn", "y", "预测", "预测 80% 区间")
    fig = metric_trend(SERIES, title="x", labels=labels, forecast=ahead)
    by_name = {}
    for trace in fig.data:
        by_name.setdefault(trace.name, []).append(trace)
    top, bottom = by_name["预测 80% 区间"]
    assert values(top.y) == [74.0, 74.0]
    assert values(bottom.y) == [62.0, 58.0]  # period order
    assert bottom.fill == "tonexty"
    line = by_name["预测"][0]
    assert line.line.dash == "dash"
    assert values(line.y) == [70.0, 68.0, 66.0]  # from the last actual value (20 Jan: 70)
    assert pd.Timestamp(line.x[0]) == pd.Timestamp("2025-01-20")


def test_no_forecast_nothing_drawn():
    names = [tr.name for tr in metric_trend(SERIES, title="x", labels=LABELS,
                                            forecast=pd.DataFrame()).data]
    assert names == ["range", "range", "mean", "徐强", "target"]


AHEAD = pd.DataFrame({"period": pd.to_datetime(["2025-02-03", "2025-01-27"]),
                      "expected": [66.0, 68.0], "low": [58.0, 62.0], "high": [74.0, 74.0]})


@pytest.mark.parametrize("forecast", [None, AHEAD])
@pytest.mark.parametrize("turn", [None, pd.Timestamp("2025-01-13")])
@pytest.mark.parametrize("target", [[85.0, 85.0, 85.0], [None, None, None]])
def test_columns_as_arrays_draw_the_same_chart(forecast, turn, target):
    # the page passes each metric's columns as arrays (ui/employee.py), tests pass frames
    frame = SERIES.assign(target=target)
    arrays = {c: frame[c].to_numpy() for c in frame.columns}
    ahead = None if forecast is None else {c: forecast[c].to_numpy() for c in forecast.columns}
    assert spec_of(arrays, title="x", labels=LABELS, turning_point=turn, forecast=ahead) == \
        spec_of(frame, title="x", labels=LABELS, turning_point=turn, forecast=forecast)


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"metric": ["b", "a", "b", "a", "c"], "period": pd.date_range("2025-01-06",
                  periods=5, freq="W-MON"), "value": [1.0, 2.0, None, 4.0, 5.0]}),
    pd.DataFrame({"metric": pd.Series([], dtype=str), "period": [], "value": []}),
])
def test_per_metric_is_a_groupby_in_order_of_appearance(frame):
    parts = per_metric(frame, ("period", "value"))
    groups = frame.groupby("metric", sort=False)
    assert list(parts) == list(groups.groups)
    for metric, rows in groups:
        assert list(parts[metric]["period"]) == rows["period"].tolist()
        np.testing.assert_array_equal(parts[metric]["value"], rows["value"].to_numpy())


@pytest.mark.parametrize("forecast", [None, AHEAD])
@pytest.mark.parametrize("turn", [None, pd.Timestamp("2025-01-13")])
@pytest.mark.parametrize("target", [[85.0, 85.0, 85.0], [None, None, None]])
def test_spec_is_sent_as_plotly_writes_it_once_validated(forecast, turn, target):
    spec = spec_of(SERIES.assign(target=target), title="<b>x</b>", labels=LABELS,
                   turning_point=turn, forecast=forecast)
    sent = json.loads(pio.to_json(spec, validate=False))
    assert sent == json.loads(pio.to_json(validated(spec), validate=False))
