"""charts.svg's trend chart, in its parts: what is drawn and where the scale ends."""

from __future__ import annotations

import doctest
import re

import pandas as pd
import pytest

import charts.svg as module
from charts.svg import PAD_B, TURN, H, trend_chart

WEEKS = pd.date_range("2025-01-06", periods=6, freq="W-MON")
SERIES = pd.DataFrame({"period": WEEKS, "value": [3.0, 4.0, 5.0, 4.5, 6.0, 5.0]})


@pytest.mark.parametrize(("turn", "drawn"), [(WEEKS[2], True), (pd.Timestamp("2030-01-01"), False),
                                             (None, False)])
def test_the_turning_point_is_drawn_only_inside_the_window(turn, drawn):
    svg = trend_chart(SERIES, title="t", turning_point=turn)
    assert (f'stroke="{TURN}" stroke-dasharray="2 2"/>' in svg) == drawn


def test_the_scale_reaches_the_forecasts_interval():
    ahead = pd.DataFrame({"period": [WEEKS[-1] + pd.Timedelta(weeks=1)], "expected": [6.0],
                          "low": [1.0], "high": [9.0]})
    svg = trend_chart(SERIES, title="t", forecast=ahead)
    # The axis labels are the lowest and highest value drawn, here the interval's ends.
    labels = re.findall(r'text-anchor="end">([0-9.]+)</text>', svg)
    assert [float(x) for x in labels] == [9.0, min(1.0, SERIES["value"].min())]  # top first
    assert f'y2="{H - PAD_B}"' in svg  # the axis runs down to the bottom pad


def test_no_value_no_chart_and_bad_input():
    assert trend_chart(SERIES.assign(value=float("nan")), title="t") == ""
    with pytest.raises(ValueError, match="period and value"):
        trend_chart(SERIES.drop(columns="value"), title="t")


def test_doctests():
    assert doctest.testmod(module).failed == 0
