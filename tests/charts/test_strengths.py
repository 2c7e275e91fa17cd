"""Strength bars: direction-aware z per metric, best on top, strength and weakness named."""

import pandas as pd
import pytest

from charts.strengths import BAD, GOOD
from charts.strengths import strength_bars as spec_of
from tests.charts.specs import validated, values

METRICS = pd.DataFrame({"metric": ["AHT", "CSAT", "FCR", "tickets"],
                        "z": [1.5, -2.0, None, 0.25]})


def strength_bars(*args, **kwargs):
    return validated(spec_of(*args, **kwargs))


def test_bars_sorted_and_coloured():
    bar = strength_bars(METRICS, title="", axis_label="z", strength="AHT", weakness="CSAT",
                        strength_label="优势", weakness_label="短板").data[0]
    assert list(bar.y) == ["<b>CSAT</b> · 短板", "tickets", "<b>AHT</b> · 优势"]  # FCR: no z
    assert values(bar.x) == [-2.0, 0.25, 1.5]
    assert list(bar.marker.color) == [BAD, GOOD, GOOD]
    assert list(bar.text) == ["-2.00", "+0.25", "+1.50"]


def test_axis_is_symmetric_with_room_for_the_text():
    fig = strength_bars(METRICS, title="", axis_label="z")
    assert list(fig.layout.xaxis.range) == [-3.2, 3.2]
    assert fig.data[0].cliponaxis is False


def test_missing_column_is_refused():
    with pytest.raises(ValueError, match="'z'"):
        strength_bars(METRICS.drop(columns="z"), title="", axis_label="z")


@pytest.mark.parametrize("z", [[0.5, None, 0.5, -1.0, 0.5], [None, None], [2.0, -2.0, 0.0, 2.0]])
def test_bars_in_pandas_order_ties_too(z):
    metrics = pd.DataFrame({"metric": [f"m{i}" for i in range(len(z))], "z": z})
    bar = strength_bars(metrics, title="", axis_label="z").data[0]
    expected = metrics.dropna(subset=["z"]).sort_values("z")
    assert list(bar.y or []) == expected["metric"].tolist()
    assert values(bar.x) == expected["z"].tolist()
