"""Efficiency vs quality percentile per employee: four quadrants, flagged people highlighted."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.heatmap import hover_names, row_labels
from charts.label_places import label_positions
from charts.limits import QUADRANT_MAX_LABELS

FLAG_COLOR = "#dc2626"
CALM_COLOR = "#94a3b8"


def _named(part: pd.DataFrame) -> pd.Index:
    """Index of the flagged points named beside their dot: all, or the most in need."""
    if len(part) <= QUADRANT_MAX_LABELS:
        return part.index
    need = part["efficiency"] + part["quality"]
    return need.sort_values(kind="stable").index[:QUADRANT_MAX_LABELS]


def _positions(part: pd.DataFrame, shown: pd.Index, names: pd.Series, calm: pd.DataFrame
               ) -> list[str]:
    # Placing is O(n^2) in the named points (98 s for 5,000), so only the named ones are placed;
    # every other dot, grey ones too, is kept clear of.
    rest = part.drop(index=shown)
    placed = dict(zip(shown, label_positions(
        part.loc[shown, "efficiency"], part.loc[shown, "quality"], names.loc[shown],
        others_x=pd.concat([rest["efficiency"], calm["efficiency"]]),
        others_y=pd.concat([rest["quality"], calm["quality"]])), strict=True))
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
            textposition=_positions(part, shown, pd.Series(names, index=part.index),
                                    points.loc[~points["flagged"]])
            if flagged else "top center",
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
