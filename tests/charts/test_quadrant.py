"""Quadrant: efficiency vs quality percentile, flagged people red and named."""

import random

import pandas as pd
import pytest

from charts.limits import QUADRANT_MAX_LABELS
from charts.quadrant import FLAG_COLOR, quadrant
from tests.charts.specs import validated, values

POINTS = pd.DataFrame({
    "employee_id": ["a", "b", "c"], "name": ["马超", "B", "C"], "team": "t",
    "efficiency": [100.0, 50.0, 0.0], "quality": [14.3, 60.0, 0.0],
    "flagged": [True, False, True],
})
LABELS = ("fast+good", "fast only", "careful", "support")


def draw(points=POINTS):
    return validated(quadrant(points, title="Q", x_label="eff", y_label="qual",
                              quadrant_labels=LABELS, flagged_label="flagged", calm_label="calm"))


def test_flagged_are_red_and_named_others_grey():
    calm, flagged = draw().data
    assert list(flagged.text) == ["马超", "C"]
    assert values(flagged.x) == [100.0, 0.0]
    assert flagged.marker.color == FLAG_COLOR
    assert flagged.mode == "markers+text"
    assert calm.mode == "markers"
    assert calm.text is None  # grey dots are named on hover only
    assert list(calm.hovertext) == ["B · b (t)"]


def test_quadrant_labels_and_midlines():
    fig = draw()
    assert [a.text for a in fig.layout.annotations] == list(LABELS)
    lines = [(s.x0, s.y0) for s in fig.layout.shapes]
    assert len(lines) == 2
    # Labels sit inside the axis range so they are never cut.
    assert all(-8 <= a.x <= 108 and -15 <= a.y <= 116 for a in fig.layout.annotations)
    # ... and outside the 0-100 square where the people are.
    assert all(a.y > 100 or a.y < 0 for a in fig.layout.annotations)


def test_hover_names_the_team_when_there_is_one():
    points = POINTS.assign(team=["t1", None, float("nan")])
    calm, flagged = draw(points).data
    assert list(flagged.hovertext) == ["马超 · a (t1)", "C · c"]
    assert list(calm.hovertext) == ["B · b"]


def test_empty_points_give_an_empty_figure():
    fig = draw(POINTS.iloc[:0])
    assert all(len(values(tr.x)) == 0 for tr in fig.data)


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
    calm, rest, named = draw(points).data  # the named last: no dot covers a name
    assert len(values(calm.x)) == 0
    assert list(named.text) == [t for t in named.text if t]
    assert len(named.text) == QUADRANT_MAX_LABELS
    need = (points["efficiency"] + points["quality"]).sort_values()
    assert set(named.text) == {f"n{i}" for i in need.index[:QUADRANT_MAX_LABELS]}
    # the others: dots without names or positions, one legend entry with the named
    assert rest.text is None
    assert rest.textposition is None
    assert rest.mode == "markers"
    assert rest.showlegend is False
    assert rest.legendgroup == named.legendgroup
    assert len(values(named.x)) + len(values(rest.x)) == n
    # everyone is named on hover, with the id
    hovers = {*named.hovertext, *rest.hovertext}
    assert hovers == {f"{n} · {e} (t)" for n, e in zip(points["name"], points["employee_id"],
                                                        strict=True)}
    assert all("%{hovertext}" in t.hovertemplate for t in (named, rest))


def name_box(x, y, position, text):
    """Where Plotly writes ``text`` at ``position`` beside a dot at (x, y): the box's x and y
    spans in axis units (12 px text on the overview's 250 x 300 px plot), computed from the
    position's words, independently of charts.label_places."""
    w = sum(5.5 if "\u4e00" <= c <= "\u9fff" else 3.0 for c in text)
    vertical, horizontal = position.split()
    xs = {"left": (x - 3 - w, x - 3), "center": (x - w / 2, x + w / 2),
          "right": (x + 3, x + 3 + w)}[horizontal]
    ys = {"top": (y + 3, y + 8.5), "middle": (y - 2.75, y + 2.75),
          "bottom": (y - 8.5, y - 3)}[vertical]
    return xs, ys


def covers(box, x, y) -> bool:
    (x0, x1), (y0, y1) = box
    return x0 <= x <= x1 and y0 <= y <= y1


# Seen on the demo's overview: a name written over a grey (not flagged) dot, a name on the
# dotted midline, two people at the same corner.
@pytest.mark.parametrize(("flagged", "calm"), [
    ([("罗琳", 21.4, 35.7), ("郑凯", 21.4, 57.1)], [(28.6, 35.7), (28.6, 42.9), (32.1, 57.1)]),
    ([("黄丽", 57.1, 50.0)], [(50.0, 35.7), (64.3, 64.3), (78.6, 42.9)]),
    ([("徐强", 0.0, 0.0), ("周杰", 0.0, 0.0), ("梁爽", 7.1, 14.3)], [(2.0, 8.0)]),
    ([("Ann Long-Name", 60.0, 80.0), ("Bo", 70.0, 80.0)], [(75.0, 86.0), (45.0, 80.0)]),
])
def test_names_clear_every_dot_each_other_and_the_midlines(flagged, calm):
    rows = [(f"f{i}", n, x, y, True) for i, (n, x, y) in enumerate(flagged)]
    rows += [(f"c{i}", f"calm{i}", x, y, False) for i, (x, y) in enumerate(calm)]
    points = pd.DataFrame(rows, columns=["employee_id", "name", "efficiency", "quality",
                                         "flagged"]).assign(team="t")
    named = draw(points).data[1]
    boxes = [name_box(x, y, p, n) for x, y, p, n in zip(
        values(named.x), values(named.y), named.textposition, named.text, strict=True)]
    for box in boxes:
        assert not any(covers(box, x, y) for x, y in zip(points["efficiency"],
                                                          points["quality"], strict=True))
        (x0, x1), (y0, y1) = box
        assert not (y0 < 50 < y1), "a name across the horizontal midline"
        assert x0 >= -8
        assert x1 <= 108
        assert y0 >= -6
        assert y1 <= 106
    for i, (a, b) in enumerate(boxes):
        for c, d in boxes[i + 1:]:
            assert a[1] <= c[0] or c[1] <= a[0] or b[1] <= d[0] or d[1] <= b[0], "names overlap"
