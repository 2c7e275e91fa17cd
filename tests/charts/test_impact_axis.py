"""The HR scatter's x axis counts sessions: whole numbers from 0, never "-1, -0.5, 0.5"."""

import math

import pandas as pd
import pytest

from charts.impact import scatter


@pytest.mark.parametrize("sessions", [
    [0] * 8,  # a call-log export with no coaching log: everybody at 0
    list(range(1, 17)),  # the demo's 1..16
    [0, 3, 41],
])
def test_session_axis_is_whole_numbers_from_zero(sessions):
    people = pd.DataFrame({"employee_id": [f"E{i}" for i in range(len(sessions))],
                           "name": "n", "team": None, "sessions": sessions,
                           "change": [0.1 * i for i in range(len(sessions))]})
    fig = scatter(people, pd.DataFrame(), title="t", x_label="x", y_label="y", fit_label="f",
                  band_label="b")
    axis = fig.layout.xaxis
    low, high = axis.range
    assert low == -0.5  # no negative count shown, the points at 0 not on the edge
    assert high == max(max(sessions), 1) + 0.5
    ticks = [axis.tick0 + k * axis.dtick for k in range(math.floor(high / axis.dtick) + 1)]
    assert all(float(v).is_integer() for v in ticks)
    assert axis.dtick >= 1
    assert len(ticks) <= 11
    assert axis.tickformat == "d"
