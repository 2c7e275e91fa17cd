"""One employee's metric trend: team band and mean, target line, turning point."""

import pandas as pd
import pytest

from charts.employee import TURN_COLOR, TrendLabels, metric_trend

SERIES = pd.DataFrame({
    "period": pd.to_datetime(["2025-01-13", "2025-01-06", "2025-01-20"]),
    "value": [80.0, 90.0, 70.0], "target": [85.0, 85.0, 85.0],
    "team_mean": [84.0, 85.0, 83.0], "team_min": [70.0, 75.0, 65.0],
    "team_max": [95.0, 96.0, 94.0],
})
LABELS = TrendLabels("徐强", "mean", "range", "target", "turn", "CSAT (higher is better)")


def test_traces_sorted_by_period_with_target():
    fig = metric_trend(SERIES, title="CSAT", labels=LABELS)
    names = [tr.name for tr in fig.data]
    assert names == ["range", "range", "mean", "徐强", "target"]
    employee = fig.data[3]
    assert list(employee.y) == [90.0, 80.0, 70.0]
    assert fig.data[1].fill == "tonexty"
    assert list(fig.data[0].y) == [96.0, 95.0, 94.0]  # the band's top, in period order
    assert fig.layout.title.text == "CSAT"


def test_no_target_no_target_line():
    fig = metric_trend(SERIES.assign(target=None), title="x", labels=LABELS)
    assert "target" not in [tr.name for tr in fig.data]


def test_turning_point_marked_on_the_line():
    when = pd.Timestamp("2025-01-13")
    fig = metric_trend(SERIES, title="x", labels=LABELS, turning_point=when)
    marker = fig.data[-1]
    assert marker.name == "turn"
    assert list(marker.y) == [80.0]
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
