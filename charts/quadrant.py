"""Efficiency vs quality percentile per employee: four quadrants, flagged people highlighted."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.heatmap import hover_names, row_labels
from charts.limits import QUADRANT_MAX_LABELS

FLAG_COLOR = "#dc2626"
CALM_COLOR = "#94a3b8"


# Where a name may go around its point, and roughly where its text then sits (percent units).
_PLACES = {"top center": (0, 5), "bottom center": (0, -5), "middle right": (9, 0),
           "middle left": (-9, 0), "top right": (7, 4), "bottom left": (-7, -4),
           "top left": (-7, 4), "bottom right": (7, -4)}


def label_positions(x: pd.Series, y: pd.Series) -> list[str]:
    """A text position per point that keeps names apart: greedily, the free place farthest
    from every point and from the names placed so far (crowded clusters stay readable).

    Example:
        >>> label_positions(pd.Series([50.0, 51.0]), pd.Series([50.0, 50.0]))
        ['bottom left', 'top right']
        >>> label_positions(pd.Series([100.0]), pd.Series([0.0]))  # kept inside the plot
        ['top center']
    """
    points = list(zip(x.astype(float), y.astype(float), strict=True))
    placed: list[tuple[float, float]] = []
    out = []
    for px, py in points:
        def crowd(place: str, px=px, py=py) -> float:
            dx, dy = _PLACES[place]
            cx, cy = px + dx, py + dy
            others = [p for p in points if p != (px, py)] + placed
            inside = 0.0 if -2 <= cx <= 102 and -4 <= cy <= 106 else 50.0
            return min((abs(cx - ox) / 2 + abs(cy - oy) for ox, oy in others),
                       default=99.0) - inside

        best = max(_PLACES, key=crowd)
        out.append(best)
        placed.append((px + _PLACES[best][0], py + _PLACES[best][1]))
    return out


def _named(part: pd.DataFrame) -> pd.Index:
    """Index of the flagged points named beside their dot: all, or the most in need."""
    if len(part) <= QUADRANT_MAX_LABELS:
        return part.index
    need = part["efficiency"] + part["quality"]
    return need.sort_values(kind="stable").index[:QUADRANT_MAX_LABELS]


def _positions(part: pd.DataFrame, shown: pd.Index) -> list[str]:
    # Placing is O(n^2) in the named points (98 s for 5,000), so only the named ones are placed.
    placed = dict(zip(shown, label_positions(part.loc[shown, "efficiency"],
                                              part.loc[shown, "quality"]), strict=True))
    return [placed.get(i, "top center") for i in part.index]


def quadrant(
    points: pd.DataFrame, *, title: str, x_label: str, y_label: str,
    quadrant_labels: tuple[str, str, str, str], flagged_label: str, calm_label: str,
) -> go.Figure:
    """Args:
        points: ``reports.overview.quadrant_points`` output (employee_id, name, team,
            efficiency, quality, flagged), percentiles 0-100.
        title, x_label, y_label, flagged_label, calm_label: texts in the viewer's language.
        quadrant_labels: (top right, bottom right, top left, bottom left) texts.
    Returns:
        A scatter with the midlines at 50, a label in each quadrant, flagged people in red
        and named (at most ``QUADRANT_MAX_LABELS``: the lowest efficiency + quality), everyone
        else grey; everyone is named on hover.

    Example:
        >>> p = pd.DataFrame({"employee_id": ["a"], "name": ["A"], "team": ["t"],
        ...     "efficiency": [90.0], "quality": [10.0], "flagged": [True]})
        >>> [t.name for t in quadrant(p, title="", x_label="x", y_label="y",
        ...     quadrant_labels=("1", "2", "3", "4"), flagged_label="f", calm_label="c").data]
        ['c', 'f']
    """
    for column in ("employee_id", "name", "team", "efficiency", "quality", "flagged"):
        if column not in points.columns:
            raise ValueError(f"points lacks column {column!r}")
    labels = row_labels(points) if not points.empty else pd.Series(dtype=str)
    hover = hover_names(points) if not points.empty else pd.Series(dtype=str)
    fig = go.Figure()
    for flagged, name, color in ((False, calm_label, CALM_COLOR), (True, flagged_label, FLAG_COLOR)):
        part = points.loc[points["flagged"] == flagged]
        names = [labels[i] for i in part["employee_id"]]
        who = hover.reindex(part["employee_id"]).tolist()
        shown = _named(part) if flagged else part.index[:0]
        fig.add_trace(go.Scatter(
            x=part["efficiency"], y=part["quality"], name=name, customdata=part[["team"]],
            mode="markers+text" if flagged else "markers", hovertext=who,
            text=[n if i in shown else "" for i, n in zip(part.index, names, strict=True)]
            if flagged else names,
            textposition=_positions(part, shown) if flagged else "top center",
            textfont={"color": color, "size": 12},
            marker={"color": color, "size": 12 if flagged else 9,
                    "line": {"color": "white", "width": 1}},
            hovertemplate=(f"%{{hovertext}} (%{{customdata[0]}})<br>{x_label} %{{x:.0f}}<br>"
                           f"{y_label} %{{y:.0f}}<extra></extra>"),
        ))
    for value in (50,):
        fig.add_hline(y=value, line_dash="dot", line_color=style.TARGET_COLOR)
        fig.add_vline(x=value, line_dash="dot", line_color=style.TARGET_COLOR)
    # Corner labels sit outside the 0-100 square, so names of people at 0 or 100 never hit them.
    corners = ((100, 111, "right"), (100, -11, "right"), (0, 111, "left"), (0, -11, "left"))
    for (x, y, align), text in zip(corners, quadrant_labels, strict=True):
        fig.add_annotation(x=x, y=y, text=text, showarrow=False, xanchor=align,
                           font={"color": style.TARGET_COLOR, "size": 12})
    fig.update_xaxes(title_text=x_label, range=[-8, 108], zeroline=False,
                     tickvals=[0, 25, 50, 75, 100])
    fig.update_yaxes(title_text=y_label, range=[-15, 116], zeroline=False,
                     tickvals=[0, 25, 50, 75, 100])
    style.apply(fig, title=title, height=480)
    fig.update_layout(hovermode="closest")
    return fig
