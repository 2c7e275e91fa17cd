"""The overview's quadrant as drawn for the demo: names clear of every dot, of each other and
of the dotted midline, in both languages."""

import base64

import numpy as np
import pytest

from tests.charts.test_quadrant import covers, name_box
from tests.views.conftest import make_app
from tests.views.test_overview_page import chart


def values(column) -> list:
    """A trace's column as a list: Plotly packs number arrays as typed bytes."""
    if isinstance(column, dict):
        return np.frombuffer(base64.b64decode(column["bdata"]), column["dtype"]).tolist()
    return list(column)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_quadrant_names_are_readable(monkeypatch, demo_copy, lang):
    at = make_app(monkeypatch, demo_copy, lang=lang)
    calm, flagged = chart(at, "ov_quadrant")["data"]
    xs, ys = values(flagged["x"]), values(flagged["y"])
    dots = list(zip(values(calm["x"]) + xs, values(calm["y"]) + ys, strict=True))
    named = [(x, y, p, n) for x, y, p, n in zip(xs, ys,
                                                 flagged["textposition"], flagged["text"],
                                                 strict=True) if n]
    assert len(named) == len(xs) > 3  # the demo's flagged people, all named
    boxes = [name_box(*row) for row in named]
    for (*_, name), box in zip(named, boxes, strict=True):
        assert not [d for d in dots if covers(box, *d)], f"{name} covers a dot"
        assert not box[1][0] < 50 < box[1][1], f"{name} sits on the midline"
    for i, (a, b) in enumerate(boxes):
        for c, d in boxes[i + 1:]:
            assert a[1] <= c[0] or c[1] <= a[0] or b[1] <= d[0] or d[1] <= b[0]
