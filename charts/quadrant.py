"""Efficiency vs quality percentile per employee: four quadrants, flagged people highlighted."""

from __future__ import annotations

import numpy as np
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
    return label_positions(
        part.loc[shown, "efficiency"], part.loc[shown, "quality"], names.loc[shown],
        others_x=pd.concat([rest["efficiency"], calm["efficiency"]]),
        others_y=pd.concat([rest["quality"], calm["quality"]]))


def _dots(part: pd.DataFrame, hover: pd.Series, template: str, *, name: str, color: str,
          **more) -> go.Scatter:
    """One trace of dots; ``more``: the names written beside them (text, textposition), or
    that it has no legend entry of its own.
    Only named dots carry text: at 5,000 people the unnamed ones' empty names and positions
    were a quarter of the chart (283 KiB, sent with every rerun of the overview)."""
    teams = [None if pd.isna(t) else str(t) for t in part["team"]]
    who = hover.reindex(part["employee_id"]).astype(str).tolist()
    return go.Scatter(
        # Percentiles in 4 bytes, not 8 (hovers show whole numbers); the team in the hover's
        # text rather than a column of its own: 80 KiB less at 5,000 people.
        x=part["efficiency"].to_numpy(np.float32), y=part["quality"].to_numpy(np.float32),
        name=name, mode="markers+text" if "text" in more else "markers",
        hovertext=[w if t is None else f"{w} ({t})" for w, t in zip(who, teams, strict=True)],
        hovertemplate=template,
        textfont={"color": color, "size": 12}, legendgroup=name,
        marker={"color": color, "size": 9 if color == CALM_COLOR else 12,
                "line": {"color": "white", "width": 1}}, **more)


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
    template = (f"%{{hovertext}}<br>{x_label} %{{x:.0f}}<br>"
                f"{y_label} %{{y:.0f}}<extra></extra>")
    calm = points.loc[~points["flagged"].astype(bool)]
    flagged = points.loc[points["flagged"].astype(bool)]
    shown = _named(flagged)
    # one reindex, not a label lookup per person (a third of the chart at 5,000 people)
    names = pd.Series(labels.reindex(flagged["employee_id"]).to_numpy(), index=flagged.index,
                      dtype=str)
    fig = go.Figure(_dots(calm, hover, template, name=calm_label, color=CALM_COLOR))
    if len(shown) < len(flagged):  # the other flagged: the same legend entry, no names, drawn
        # under the named ones so that no dot covers a name
        fig.add_trace(_dots(flagged.drop(index=shown), hover, template, name=flagged_label,
                            color=FLAG_COLOR, showlegend=False))
    fig.add_trace(_dots(flagged.loc[shown], hover, template, name=flagged_label, color=FLAG_COLOR,
                        text=names.loc[shown].tolist(),
                        textposition=_positions(flagged, shown, names, calm)))
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
