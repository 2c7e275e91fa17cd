"""Where to write a name beside its dot on the quadrant so names, dots and midlines stay apart.

Sizes are in axis units of the overview's quadrant (0-100 percentiles, drawn about 250 px
wide and 300 px tall at 12 px text): a Chinese character is about 5.5 units wide, a Latin
one about 3, a line of text 5.5 units tall, a dot's radius about 3.
"""

from __future__ import annotations

import unicodedata

import numpy as np

CJK_W, LATIN_W, TEXT_H, DOT_R = 5.5, 3.0, 5.5, 3.0
MIDLINE = 50.0
# Crossing a dotted midline is ugly, but less than covering a dot or a name: it costs this.
LINE_SLACK = 3.0
# Where a name's box may sit: the plot's x range and the band between the corner labels.
X_RANGE, Y_RANGE = (-8.0, 108.0), (-6.0, 106.0)


def text_width(text: str) -> float:
    """Rough width of ``text`` in axis units (wide East Asian characters count double).

    Example:
        >>> text_width("马超"), text_width("Ann")
        (11.0, 9.0)
    """
    return sum(CJK_W if unicodedata.east_asian_width(c) in "WF" else LATIN_W for c in text)


def _offsets(w: float) -> dict[str, tuple[float, float]]:
    """Centre of a ``w``-wide name's box relative to its dot, per Plotly text position."""
    side, up = DOT_R + w / 2, DOT_R + TEXT_H / 2
    return {"top center": (0, up), "bottom center": (0, -up), "middle right": (side, 0),
            "middle left": (-side, 0), "top right": (side - 1, up - 1),
            "bottom left": (-side + 1, -up + 1), "top left": (-side + 1, up - 1),
            "bottom right": (side - 1, -up + 1)}


def _gap(cx: float, cy: float, w: float, boxes: np.ndarray) -> float:
    """Smallest clearance between the box at (cx, cy) of width ``w`` and ``boxes``
    (rows x, y, half width, half height); negative where they overlap."""
    if not len(boxes):
        return 99.0
    gx = np.abs(boxes[:, 0] - cx) - boxes[:, 2] - w / 2
    gy = np.abs(boxes[:, 1] - cy) - boxes[:, 3] - TEXT_H / 2
    return float(np.maximum(gx / 2, gy).min())  # names are wide: a side gap counts half


def _score(cx: float, cy: float, w: float, boxes: np.ndarray) -> float:
    inside = (X_RANGE[0] <= cx - w / 2 and cx + w / 2 <= X_RANGE[1]
              and Y_RANGE[0] <= cy - TEXT_H / 2 and cy + TEXT_H / 2 <= Y_RANGE[1])
    lines = min((abs(cx - MIDLINE) - w / 2) / 2, abs(cy - MIDLINE) - TEXT_H / 2)
    return min(_gap(cx, cy, w, boxes), lines + LINE_SLACK) - (0.0 if inside else 50.0)


def label_positions(x, y, texts, others_x=(), others_y=()) -> list[str]:
    """A Plotly text position per named point: greedily, the place whose box stays clearest
    of every dot (the named ones and ``others``), of the names placed so far and of the
    midlines, inside the plot.

    Example:
        >>> label_positions([21.0], [36.0], ["罗琳"], [29.0], [36.0])  # a grey dot on its right
        ['middle left']
        >>> label_positions([0.0, 0.0], [0.0, 0.0], ["A", "B"])  # same dot, kept inside
        ['top center', 'middle right']
    """
    xs, ys = np.asarray(x, float), np.asarray(y, float)
    dots = np.column_stack([np.concatenate([xs, np.asarray(others_x, float)]),
                            np.concatenate([ys, np.asarray(others_y, float)])])
    dots = np.column_stack([dots, np.full((len(dots), 2), DOT_R)])
    names: list[list[float]] = []
    out = []
    for i, text in enumerate(texts):
        w = text_width(str(text))
        boxes = np.vstack([np.delete(dots, i, axis=0), np.array(names).reshape(-1, 4)])
        places = _offsets(w)
        best = max(places, key=lambda p: _score(xs[i] + places[p][0], ys[i] + places[p][1],
                                                 w, boxes))
        names.append([xs[i] + places[best][0], ys[i] + places[best][1], w / 2, TEXT_H / 2])
        out.append(best)
    return out
