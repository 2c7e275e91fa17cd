"""Quadrant: efficiency vs quality percentile, flagged people red and named."""

import random

import pandas as pd
import pytest

from charts.limits import QUADRANT_MAX_LABELS
from charts.quadrant import FLAG_COLOR, quadrant

POINTS = pd.DataFrame({
    "employee_id": ["a", "b", "c"], "name": ["马超", "B", "C"], "team": "t",
    "efficiency": [100.0, 50.0, 0.0], "quality": [14.3, 60.0, 0.0],
    "flagged": [True, False, True],
})
LABELS = ("fast+good", "fast only", "careful", "support")


def draw(points=POINTS):
    return quadrant(points, title="Q", x_label="eff", y_label="qual", quadrant_labels=LABELS,
                    flagged_label="flagged", calm_label="calm")


def test_flagged_are_red_and_named_others_grey():
    calm, flagged = draw().data
    assert list(flagged.text) == ["马超", "C"]
    assert list(flagged.x) == [100.0, 0.0]
    assert flagged.marker.color == FLAG_COLOR
    assert flagged.mode == "markers+text"
    assert calm.mode == "markers"
    assert list(calm.text) == ["B"]


def test_quadrant_labels_and_midlines():
    fig = draw()
    assert [a.text for a in fig.layout.annotations] == list(LABELS)
    lines = [(s.x0, s.y0) for s in fig.layout.shapes]
    assert len(lines) == 2
    # Labels sit inside the axis range so they are never cut.
    assert all(-8 <= a.x <= 108 and -15 <= a.y <= 116 for a in fig.layout.annotations)
    # ... and outside the 0-100 square where the people are.
    assert all(a.y > 100 or a.y < 0 for a in fig.layout.annotations)


def test_empty_points_give_an_empty_figure():
    fig = draw(POINTS.iloc[:0])
    assert all(len(tr.x) == 0 for tr in fig.data)


def test_missing_column_is_refused():
    with pytest.raises(ValueError, match="flagged"):
        draw(POINTS.drop(columns="flagged"))


def test_many_flagged_only_the_most_in_need_are_named():
    rnd = random.Random(42)
    n = QUADRANT_MAX_LABELS * 5
    points = pd.DataFrame({
        "employee_id": [f"e{i}" for i in range(n)], "name": [f"n{i}" for i in range(n)],
        "team": "t", "efficiency": [rnd.uniform(0, 100) for _ in range(n)],
        "quality": [rnd.uniform(0, 100) for _ in range(n)], "flagged": True,
    })
    flagged = draw(points).data[1]
    named = [text for text in flagged.text if text]
    assert len(named) == QUADRANT_MAX_LABELS
    need = (points["efficiency"] + points["quality"]).sort_values()
    assert set(named) == {f"n{i}" for i in need.index[:QUADRANT_MAX_LABELS]}
    # everyone is named on hover, with the id
    assert list(flagged.hovertext) == [f"{n} · {e}" for n, e in zip(points["name"],
                                                                   points["employee_id"],
                                                                   strict=True)]
    assert "%{hovertext}" in flagged.hovertemplate
